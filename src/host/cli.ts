import type { SourceLocation } from '../util/errors.js'
import type { Host } from './host.js'
import { Redactor } from '../connections/redactor.js'

function where(loc?: SourceLocation): string {
  if (!loc) return ''
  return [loc.file, loc.line, loc.column].filter((p) => p !== undefined).join(':') + ': '
}

/**
 * Messages are written in the action's words ("the `spec` input"); a person at a terminal typed
 * flags. Input names of `flags` become `--name` wherever a message names one as an input.
 */
export function inFlags(text: string, flags: ReadonlySet<string>): string {
  const flag = (name: string, whole: string): string => (flags.has(name) ? `\`--${name}\`` : whole)
  return text
    .replace(/\(inline `([a-z][a-z-]*)` input\)/g, (whole, name: string) => (flags.has(name) ? `(inline \`--${name}\`)` : whole))
    .replace(/(?:the )?`([a-z][a-z-]*)` inputs?\b/g, (whole, name: string) => flag(name, whole))
    .replace(/\binput `([a-z][a-z-]*)`/g, (whole, name: string) => flag(name, whole))
}

/** Local runs: human lines on stderr, outputs collected and printed as JSON on stdout by the CLI. */
export function createCliHost(
  options: {
    redactor?: Redactor
    verbose?: boolean
    write?: (line: string) => void
    /** Input names that are flags of this command line: messages name the flag instead. */
    flags?: ReadonlySet<string>
  } = {}
): Host & { outputs: Record<string, string>; exported: Record<string, string> } {
  const redactor = options.redactor ?? new Redactor()
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'))
  const words = (line: string): string => (options.flags ? inFlags(line, options.flags) : line)
  const out = (line: string): void => write(redactor.redact(words(line)))
  const outputs: Record<string, string> = {}
  const exported: Record<string, string> = {}
  return {
    redactor,
    outputs,
    exported,
    debug: (m) => {
      if (options.verbose) out(`debug: ${m}`)
    },
    info: (m) => out(m),
    warning: (m, loc) => out(`warning: ${where(loc)}${m}`),
    error: (m, loc) => out(`error: ${where(loc)}${m}`),
    async group(name, fn) {
      out(`▸ ${name}`)
      return fn()
    },
    setOutput: (name, value) => {
      outputs[name] = redactor.redact(value)
    },
    saveState: () => undefined,
    exportVariable: (name, value) => {
      exported[name] = value
    },
    summary: async () => undefined
  }
}
