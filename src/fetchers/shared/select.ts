import type { Selection } from '../../runspec/model.js'

export type { Selection }

export interface Selected {
  /** Key in the source (relative to its root or prefix). */
  key: string
  /** Where it lands, relative to the destination. */
  target: string
}

const trim = (p: string): string => p.replace(/^\.?\/+/, '').replace(/\/+$/, '')

/** True when the selection takes everything. */
export function selectsAll(selection: Selection): boolean {
  return selection.files.length + selection.dirs.length + selection.paths.length === 0
}

/**
 * Applies `artifacts: {files, dirs}` and `paths: [a, [from, to]]` to a key list. Files and dirs
 * keep their relative path; a `[from, to]` pair moves `from` (file or directory) to `to`.
 * Returns the selectors that matched nothing so the caller can name them.
 */
export function select(keys: readonly string[], selection: Selection): { selected: Selected[]; unmatched: string[] } {
  if (selectsAll(selection)) return { selected: keys.map((key) => ({ key, target: key })), unmatched: [] }
  const out = new Map<string, Selected>()
  const unmatched: string[] = []
  const keySet = new Set(keys)
  for (const f of selection.files.map(trim)) {
    if (keySet.has(f)) out.set(f, { key: f, target: f })
    else unmatched.push(`artifacts.files: "${f}"`)
  }
  for (const d of selection.dirs.map(trim)) {
    const prefix = d === '' ? '' : d + '/'
    const hits = keys.filter((k) => k.startsWith(prefix))
    if (hits.length === 0) unmatched.push(`artifacts.dirs: "${d}"`)
    for (const k of hits) out.set(k, { key: k, target: k })
  }
  for (const [rawFrom, rawTo] of selection.paths) {
    const from = trim(rawFrom)
    const to = trim(rawTo)
    if (keySet.has(from)) {
      out.set(from, { key: from, target: to || from })
      continue
    }
    const prefix = from + '/'
    const hits = keys.filter((k) => k.startsWith(prefix))
    if (hits.length === 0) unmatched.push(`paths: "${from}"`)
    for (const k of hits) out.set(k, { key: k, target: (to ? to + '/' : '') + k.slice(prefix.length) })
  }
  return { selected: [...out.values()], unmatched }
}
