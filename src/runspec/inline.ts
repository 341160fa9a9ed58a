/**
 * An input is inline YAML when it cannot be a file name: several lines, a mapping or a list. On
 * its own so the CLI can tell without loading the YAML parser (a spec loads it when it is read).
 */
export function isInline(value: string): boolean {
  return value.includes('\n') || /^\s*[[{]/.test(value) || /^\s*- /.test(value) || /^[\w.-]+:\s/.test(value)
}
