import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { errorMessage } from '../../util/errors.js'

/**
 * Sources in the GitHub Actions cache, through the toolkit's own client (`@actions/cache`, loaded
 * on first use). A source's key is a hash of what it resolved to (the listing, the commit, the
 * archive's sha256), known before a byte is downloaded; a hit is restored into a directory of its
 * own and then verified and landed like any download. Nothing here can fail a source: a cache
 * that is down, slow or refuses is a warning and the source is fetched from its origin.
 */

/** What a source asks of the cache: the `cache` input, or its own `cache:`. */
export type CacheMode = 'off' | 'on' | 'read-only'
/** What the cache did for a source, for the `cache` output and the summary. */
export type CacheStatus = 'hit' | 'miss' | 'saved' | 'off'

export interface CacheSettings {
  /** The run's default (`cache` input). */
  mode: CacheMode
  /** Sources larger than this are not saved. */
  maxBytes: number
  /** Where entries are staged for saving and restored to (RUNNER_TEMP). */
  root: string
}

/** What the cache did for one source; `save` runs after the source landed (a miss to store). */
export interface CacheOutcome {
  status: CacheStatus
  key?: string
  /** Bytes that came from the cache instead of the origin. */
  restoredBytes?: number
  /** Saves what landed at `dest` (after the swap), for a miss the cache should keep. */
  save?: (dest: string) => Promise<CacheStatus>
}

export interface CacheLog {
  info(message: string): void
  warning(message: string): void
}

/** The cache key of an identity: the kind and a hash, never a secret or a signed query. */
export function cacheKey(kind: string, identity: unknown): string {
  return `fetch-sources-v1-${kind}-${createHash('sha256').update(JSON.stringify(identity)).digest('hex')}`
}

/**
 * The toolkit client logs through @actions/core (workflow commands on stdout): its lines are
 * taken back, attributed to the operation that wrote them, and said once in our words.
 */
const operation = new AsyncLocalStorage<string[]>()
let captured = false

function captureClientOutput(): void {
  if (captured) return
  captured = true
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
    const lines = operation.getStore()
    if (!lines) return write(chunk, ...rest)
    lines.push(...String(chunk).split('\n').filter(Boolean))
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined
    done?.()
    return true
  }) as typeof process.stdout.write
}

/** What the client said went wrong, if anything (`Failed to restore: …`, `Failed to save: …`). */
function failureOf(lines: string[]): string | undefined {
  for (const line of lines) {
    const m = /^(?:::(?:error|warning)[^:]*::)?(Failed to (?:restore|save): .+|Cache reservation failed: .+)$/.exec(line)
    if (m) return m[1]
  }
  return undefined
}

/** Whether the run can reach the Actions cache service (it sets these for every job). */
export function cacheServiceAvailable(env: Record<string, string | undefined>): boolean {
  return Boolean(env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL)
}

async function client(): Promise<typeof import('@actions/cache')> {
  captureClientOutput()
  return import('@actions/cache')
}

/** The directory an entry of `name` is restored to and saved from; the same path every run. */
export function entryDir(settings: CacheSettings, kind: string, name: string): string {
  return path.join(settings.root, 'fetch-sources-cache', `${kind}-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`)
}

/**
 * Restores `key` into `dir` (emptied first). Returns true on a hit; a miss or any failure is false
 * (a failure also warns once, and the caller downloads from the origin).
 */
export async function restoreEntry(dir: string, key: string, log: CacheLog): Promise<boolean> {
  await fs.rm(dir, { recursive: true, force: true })
  await fs.mkdir(dir, { recursive: true })
  const lines: string[] = []
  try {
    const cache = await client()
    const hit = await operation.run(lines, () => cache.restoreCache([dir], key))
    const failed = failureOf(lines)
    if (failed) log.warning(`cache: ${failed}; fetching from the origin`)
    return hit === key
  } catch (error) {
    log.warning(`cache: restore failed (${errorMessage(error)}); fetching from the origin`)
    return false
  }
}

/** Saves `dir` under `key`. Never throws: a failed save is one warning. */
export async function saveEntry(dir: string, key: string, log: CacheLog): Promise<'saved' | 'exists' | 'failed'> {
  const lines: string[] = []
  try {
    const cache = await client()
    const id = await operation.run(lines, () => cache.saveCache([dir], key))
    const failed = failureOf(lines)
    if (id !== -1 && !failed) return 'saved'
    if (failed && /another job may be creating|already exists/i.test(failed)) return 'exists'
    log.warning(`cache: ${failed ?? 'the entry was not saved'} (the source itself landed)`)
    return 'failed'
  } catch (error) {
    const message = errorMessage(error)
    if (/another job may be creating|already exists/i.test(message)) return 'exists'
    log.warning(`cache: save failed (${message}); the source itself landed`)
    return 'failed'
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined)
  }
}
