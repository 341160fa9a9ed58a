import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { publicUrl } from '../../util/urls.js'
import { cacheKey, entryDir, restoreEntry, saveEntry, type CacheOutcome, type CacheSettings, type CacheLog } from '../shared/cache.js'
import { IntegrityError, verifyFile } from '../shared/checksum.js'
import { reusableFileSize } from '../shared/destination.js'
import type { HttpSource } from './source.js'
import { linkOrCopy } from '../shared/landing.js'

/**
 * The cache for an http source: the downloaded file (an archive before it is unpacked), keyed by
 * the pinned sha256, else by what the server says of the file before sending it (a strong ETag,
 * or Last-Modified with the length, from a HEAD). The URL enters the key without its query, so a
 * re-signed URL finds the same entry and no signature is in a key.
 */
export interface HttpCache {
  /** The restored file and the HEAD's validators (for the next conditional GET), or undefined (a miss, or nothing to key on). */
  restore(): Promise<{ file: string; sha256: string; validators: Validators } | undefined>
  /** After a download: keep `file` for saving once the source landed; `validators` are the GET's. */
  keep(file: string, size: number, validators: Validators): Promise<void>
  outcome(): CacheOutcome
}

/** What a server says of a file's version: its ETag and Last-Modified. */
export interface Validators {
  etag?: string
  lastModified?: string
}

type Head = () => Promise<Record<string, string | string[] | undefined> | undefined>

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)

/** The identity of an unpinned source from what the server says of the file, or undefined. */
function identityOf(source: HttpSource, etag: string | undefined, modified: string | undefined, length: string | undefined): unknown {
  const url = publicUrl(source.url)
  if (etag && !etag.startsWith('W/')) return { url, etag, unpack: source.unpack }
  if (modified && length) return { url, modified, length, unpack: source.unpack }
  return undefined
}

async function identity(source: HttpSource, head: Head, log: CacheLog): Promise<{ id: unknown; validators: Validators }> {
  if (source.sha256) return { id: { sha256: source.sha256, unpack: source.unpack }, validators: {} }
  const headers = await head().catch(() => undefined)
  const etag = first(headers?.etag)
  const lastModified = first(headers?.['last-modified'])
  const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) }
  const id = identityOf(source, etag, lastModified, first(headers?.['content-length']))
  if (id === undefined) log.info('cache: off for this source: the server names no ETag or Last-Modified to key it on (pin `sha256:` to cache it)')
  return { id, validators }
}

export function httpCache(settings: CacheSettings, source: HttpSource, name: string, head: Head, log: CacheLog): HttpCache {
  const dir = entryDir(settings, 'http', source.name)
  let key: string | undefined
  let status: CacheOutcome['status'] = 'off'
  let restoredBytes = 0
  let kept = false
  return {
    async restore() {
      if (settings.mode === 'off') return undefined
      const { id, validators } = await identity(source, head, log)
      if (id === undefined) return undefined
      key = cacheKey('http', id)
      status = 'miss'
      if (!(await restoreEntry(dir, key, log))) return undefined
      const file = path.join(dir, name)
      const size = reusableFileSize(dir, name)
      try {
        if (size === undefined) throw new IntegrityError(`"${name}" is not in the entry`)
        // Hashed on a worker thread: the entry may be gigabytes.
        const sha256 = await verifyFile(file, { ...(source.sha256 ? { sha256: source.sha256 } : {}), size }, name, true)
        restoredBytes = size
        status = 'hit'
        return { file, sha256, validators }
      } catch (e) {
        if (!(e instanceof IntegrityError)) throw e
        log.warning(`cache: entry ${key} does not hold the pinned file (${e.message}): fetching from the origin`)
        await fs.rm(dir, { recursive: true, force: true })
        return undefined
      }
    },
    async keep(file, size, validators) {
      if (settings.mode !== 'on' || key === undefined) return
      if (size > settings.maxBytes) return log.info(`cache: not saved: ${size} bytes is over cache-max-size (${settings.maxBytes})`)
      if (!source.sha256) {
        // The key came from the HEAD; the bytes from the GET. Should the file have changed in
        // between, the entry goes under the key of the bytes it holds.
        const id = identityOf(source, validators.etag, validators.lastModified, String(size))
        if (id === undefined) return log.info('cache: not saved: the download names no ETag or Last-Modified to key it on (pin `sha256:` to cache it)')
        key = cacheKey('http', id)
      }
      await fs.rm(dir, { recursive: true, force: true })
      await fs.mkdir(dir, { recursive: true })
      await linkOrCopy(file, path.join(dir, name))
      kept = true
    },
    outcome() {
      if (status === 'off') return { status }
      const save = kept && key ? { save: async () => ((await saveEntry(dir, key!, log)) === 'saved' ? ('saved' as const) : ('miss' as const)) } : {}
      return { status, key: key!, restoredBytes, ...save }
    }
  }
}
