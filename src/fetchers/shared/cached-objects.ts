import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { under } from '../../util/safe-path.js'
import { cacheKey, entryDir, restoreEntry, saveEntry, type CacheLog, type CacheOutcome, type CacheSettings } from './cache.js'
import { IntegrityError, verifyFile } from './checksum.js'
import { Limiter } from './limiter.js'
import { reusableFileSize } from './destination.js'
import { linkOrCopy, moveFile } from './landing.js'
import type { PlannedObject } from './objects.js'

/**
 * The cache for a source whose content is a list of objects (buckets): keyed by the objects'
 * keys, sizes and versions and where they land, restored on the first object that has to be
 * downloaded (a re-run whose files are all in place never asks), each restored file checked
 * against the listing before it lands, saved after the source landed.
 */
export interface ObjectCache {
  /** Lands `o` at `file` from the cache when the entry has it (true), else leaves it (false). */
  land(o: PlannedObject, file: string): Promise<boolean>
  outcome(): CacheOutcome
}

export function objectCache(settings: CacheSettings, kind: string, name: string, identity: unknown, objects: PlannedObject[], log: CacheLog): ObjectCache {
  // Made when the cache is first asked: hashing every object's entry is work a run with the cache
  // off (the default) should not do.
  let key: string | undefined
  const keyOf = (): string => (key ??= cacheKey(kind, { identity, objects: objects.map((o) => [o.target, o.key, o.size, o.version]) }))
  const dir = entryDir(settings, kind, name)
  let restoredBytes = 0
  // What the lookup found, whatever the bytes (an entry of empty files is a hit too).
  let hit = false
  let looked: Promise<boolean> | undefined
  const lookup = (): Promise<boolean> =>
    (looked ??= (async () => {
      const key = keyOf()
      if (!(await restoreEntry(dir, key, log))) return false
      const bad = await firstMismatch(dir, objects)
      if (bad === undefined) return (hit = true)
      // A poisoned or stale entry never lands: the listing is the word on what the bytes are.
      log.warning(`cache: entry ${key} does not match the listing (${bad}): fetching from the origin`)
      await fs.rm(dir, { recursive: true, force: true })
      return false
    })())
  return {
    async land(o, file) {
      if (settings.mode === 'off' || !(await lookup())) return false
      await moveFile(under(dir, o.target), file)
      restoredBytes += o.size
      return true
    },
    outcome() {
      if (settings.mode === 'off' || !looked) return { status: 'off' }
      const key = keyOf()
      return {
        status: hit ? 'hit' : 'miss',
        key,
        restoredBytes,
        ...(!hit && settings.mode === 'on' ? { save: (dest: string) => saveObjects(settings, dir, key, dest, objects, log) } : {})
      }
    }
  }
}

/**
 * The first object of the entry that is missing, not a regular file, or not the listed bytes.
 * Sizes are checked first (one lstat each); then the bytes, several files at once (small ones read
 * and hashed here, large ones on the hashing worker).
 */
async function firstMismatch(dir: string, objects: PlannedObject[]): Promise<string | undefined> {
  const dirs = new Set<string>()
  for (const o of objects) {
    const size = reusableFileSize(dir, o.target, dirs)
    if (size !== o.size) return `"${o.key}" ${size === undefined ? 'is missing' : `is ${size} bytes, not ${o.size}`}`
  }
  const problems: Array<string | undefined> = []
  await new Limiter(8).map(objects, async (o, i) => {
    if (!o.expected?.md5 && !o.expected?.sha256 && !o.expected?.crc32c) return
    try {
      await verifyFile(under(dir, o.target), { ...o.expected, size: o.size }, o.key)
    } catch (e) {
      if (!(e instanceof IntegrityError)) throw e
      problems[i] = `"${o.key}": ${e.message}`
    }
  })
  return problems.find((p) => p !== undefined)
}

/** Hard-links what landed into the entry directory and saves it, unless it is over the size limit. */
async function saveObjects(
  settings: CacheSettings,
  dir: string,
  key: string,
  dest: string,
  objects: PlannedObject[],
  log: CacheLog
): Promise<'saved' | 'miss'> {
  const bytes = objects.reduce((n, o) => n + o.size, 0)
  if (bytes > settings.maxBytes) {
    log.info(`cache: not saved: ${bytes} bytes is over cache-max-size (${settings.maxBytes})`)
    return 'miss'
  }
  await fs.rm(dir, { recursive: true, force: true })
  for (const o of objects) {
    const to = under(dir, o.target)
    await fs.mkdir(path.dirname(to), { recursive: true })
    await linkOrCopy(under(dest, o.target), to)
  }
  const saved = await saveEntry(dir, key, log)
  if (saved === 'saved') log.info(`cache: saved ${objects.length} object(s) as ${key}`)
  return saved === 'saved' ? 'saved' : 'miss'
}
