/**
 * Every secret value and its derived forms, kept so our own log lines, errors, outputs and files
 * can be scrubbed before they leave the process — the runner's `::add-mask::` only covers what the
 * runner prints, not the lock file, the CLI's stderr or an error message we build.
 */
export const MIN_MASKABLE_LENGTH = 4

/** Up to this many values, searching for each is faster than one indexed pass. */
const FEW_VALUES = 256

export class Redactor {
  private readonly values = new Set<string>()
  /** Scrubbed from our own output but never announced: see `add`'s `announce`. */
  private readonly unannounced = new Set<string>()
  private onAdd: ((value: string) => void) | undefined
  /** `values` by `prefixKey`, longest first; rebuilt after an add. */
  private index: Map<number, string[]> | undefined

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
    this.index = undefined
    if (announce) this.onAdd?.(value)
    else this.unannounced.add(value)
  }

  /**
   * Every occurrence of every value becomes `***`; overlapping, nested or adjacent ones become one
   * `***` (their union, so no part of either shows).
   */
  redact(text: string): string {
    if (this.values.size === 0 || text.length < MIN_MASKABLE_LENGTH) return text
    const ranges = this.values.size <= FEW_VALUES ? this.searchEach(text) : this.scanOnce(text)
    if (ranges.length === 0) return text
    ranges.sort((a, b) => a[0] - b[0])
    let out = ''
    let copied = 0
    let [start, end] = ranges[0]!
    for (const [s, e] of ranges) {
      if (s > end) {
        out += text.slice(copied, start) + '***'
        copied = end
        start = s
        end = e
      } else end = Math.max(end, e)
    }
    return out + text.slice(copied, start) + '***' + text.slice(end)
  }

  /** Few values (the usual run): the engine's own substring search, once per value. */
  private searchEach(text: string): Array<[number, number]> {
    const ranges: Array<[number, number]> = []
    for (const v of this.values) for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) ranges.push([i, i + v.length])
    return ranges
  }

  /**
   * Many values (a spec of 20,000 signed URLs registers 100,000): one pass over the text, values
   * indexed by a hash of their first characters, so the cost does not grow with their number.
   */
  private scanOnce(text: string): Array<[number, number]> {
    const index = (this.index ??= indexByPrefix(this.values))
    const ranges: Array<[number, number]> = []
    for (let i = 0; i + MIN_MASKABLE_LENGTH <= text.length; i++) {
      const found = index.get(prefixKey(text, i))?.find((v) => text.startsWith(v, i))
      if (found) ranges.push([i, i + found.length])
    }
    return ranges
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

/** A hash of the MIN_MASKABLE_LENGTH characters at `i` (collisions only cost a `startsWith`). */
function prefixKey(text: string, i: number): number {
  let h = 0
  for (let k = 0; k < MIN_MASKABLE_LENGTH; k++) h = (Math.imul(h, 31) + text.charCodeAt(i + k)) | 0
  return h
}

function indexByPrefix(values: Iterable<string>): Map<number, string[]> {
  const index = new Map<number, string[]>()
  for (const v of [...values].sort((a, b) => b.length - a.length)) {
    const key = prefixKey(v, 0)
    const list = index.get(key)
    if (list) list.push(v)
    else index.set(key, [v])
  }
  return index
}
