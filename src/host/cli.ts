import type { SourceLocation } from '../util/errors.js'
import type { Host } from './host.js'
import { Redactor } from '../connections/redactor.js'

function where(loc?: SourceLocation): string {
  if (!loc) return ''
  return [loc.file, loc.line, loc.column].filter((p) => p !== undefined).join(':') + ': '
}

/** Local runs: human lines on stderr, outputs collected and printed as JSON on stdout by the CLI. */
export function createCliHost(
  options: { redactor?: Redactor; verbose?: boolean; write?: (line: string) => void } = {}
): Host & { outputs: Record<string, string>; exported: Record<string, string> } {
  const redactor = options.redactor ?? new Redactor()
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'))
  const out = (line: string): void => write(redactor.redact(line))
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
