/** Which cache entry a GetCacheEntryDownloadURL request gets, as GitHub documents the lookup. */

export interface CacheEntry {
  id: number
  key: string
  version: string
  /** Blob name in the service's container. */
  blob: string
  /** Only finalized entries are visible to lookups. */
  finalized: boolean
  sizeBytes?: number
}

/**
 * The exact key first; then the key as a prefix; then each restore key as a prefix, in the order
 * given. Among several prefix matches the newest wins (entries are kept oldest first). Only
 * finalized entries of the same version count: another version is another cache.
 */
export function findEntry(entries: readonly CacheEntry[], key: string, restoreKeys: readonly string[], version: string): CacheEntry | undefined {
  const visible = entries.filter((e) => e.finalized && e.version === version)
  const exact = visible.find((e) => e.key === key)
  if (exact) return exact
  for (const prefix of [key, ...restoreKeys]) {
    const newest = visible.findLast((e) => e.key.startsWith(prefix))
    if (newest) return newest
  }
  return undefined
}
