import { createHash } from 'node:crypto'

/** One entry of what a source held, recorded in the lock for digests and frozen replay. */
export interface ObjectEntry {
  key: string
  size: number
  /** ETag, generation, version id or content hash: whatever the store gives to tell versions apart. */
  version: string
}

/**
 * The contract's `digest`: sha256 over the sorted (key, size, version) list, so the same data gives
 * the same digest whatever order it was listed or downloaded in.
 */
export function objectsDigest(objects: readonly ObjectEntry[]): string {
  const hash = createHash('sha256')
  const sorted = [...objects].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  for (const o of sorted) hash.update(`${o.key}\t${o.size}\t${o.version}\n`)
  return `sha256:${hash.digest('hex')}`
}
