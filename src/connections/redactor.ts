/**
 * Every secret value and its derived forms, kept so our own log lines, errors, outputs and files
 * can be scrubbed before they leave the process — the runner's `::add-mask::` only covers what the
 * runner prints, not the lock file, the CLI's stderr or an error message we build.
 */
export const MIN_MASKABLE_LENGTH = 4

export class Redactor {
  private readonly values = new Set<string>()
  /** Scrubbed from our own output but never announced: see `add`'s `announce`. */
  private readonly unannounced = new Set<string>()
  private onAdd: ((value: string) => void) | undefined

  /** Called once per new maskable value (the action host emits `::add-mask::`). */
  listen(onAdd: (value: string) => void): void {
    this.onAdd = onAdd
    for (const v of this.values) if (!this.unannounced.has(v)) onAdd(v)
  }

  /**
   * Registers a secret and the forms it commonly takes on the wire (base64, URL-encoded).
   * Returns false when the value is too short to mask without garbling unrelated text.
   * `announce: false` scrubs it from what we print and write without telling the runner: an
   * `::add-mask::` line would itself print the value on stdout, worth it for a secret the job
   * holds, not for a URL query the spec already shows to anyone who can read the spec.
   */
  add(value: string, announce = true): boolean {
    if (value.length < MIN_MASKABLE_LENGTH) return false
    for (const form of derivedForms(value)) this.addOne(form, announce)
    // Multi-line values (SSH keys, JSON keys): the runner masks line by line, so do we.
    for (const line of value.split(/\r?\n/)) if (line.trim().length >= 8) this.addOne(line.trim(), announce)
    return true
  }

  /** Registers one exact string (e.g. a base64 `user:token` pair built for an HTTP header). */
  addOne(value: string, announce = true): void {
    if (value.length < MIN_MASKABLE_LENGTH) return
    if (this.values.has(value) && !(announce && this.unannounced.delete(value))) return
    this.values.add(value)
    if (announce) this.onAdd?.(value)
    else this.unannounced.add(value)
  }

  redact(text: string): string {
    if (this.values.size === 0 || !text) return text
    let out = text
    // Longest first so a value containing another is replaced whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
      if (out.includes(v)) out = out.split(v).join('***')
    }
    return out
  }

  get size(): number {
    return this.values.size
  }
}

export function derivedForms(value: string): string[] {
  const forms = new Set<string>([value])
  forms.add(Buffer.from(value, 'utf8').toString('base64'))
  forms.add(encodeURIComponent(value))
  forms.add(JSON.stringify(value).slice(1, -1))
  return [...forms].filter((f) => f.length >= MIN_MASKABLE_LENGTH)
}
