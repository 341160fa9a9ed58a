import type { SourceLocation } from '../util/errors.js'
import type { Redactor } from '../connections/redactor.js'

/**
 * Everything the run does to the outside world besides files: logs, annotations, outputs, state.
 * The action and the CLI each provide one; every text passes the redactor first.
 */
export interface Host {
  readonly redactor: Redactor
  debug(message: string): void
  info(message: string): void
  warning(message: string, location?: SourceLocation): void
  error(message: string, location?: SourceLocation): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  setOutput(name: string, value: string): void
  saveState(name: string, value: string): void
  exportVariable(name: string, value: string): void
  /** Appends markdown to the job summary, where there is one. */
  summary(markdown: string): Promise<void>
}
