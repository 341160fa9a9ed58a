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
interface Operation {
  lines: string[]
  /** Set when the client's call settled: a context that outlives it (a pooled socket, a queued
   * callback) no longer captures anything. */
  done: boolean
}
const operation = new AsyncLocalStorage<Operation>()
let capturing = false

function captureClientOutput(): void {
  if (capturing) return
  capturing = true
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
    const op = operation.getStore()
    if (!op || op.done) return write(chunk, ...rest)
    const lines = String(chunk).split('\n').filter(Boolean)
    // The client masks the signatures of the signed URLs the service hands it: those lines are
    // for the runner, and pass through (swallowed, a later line quoting the URL would show them).
    const masks = lines.filter((l) => l.startsWith('::add-mask::'))
    if (masks.length) write(masks.map((l) => `${l}\n`).join(''))
    op.lines.push(...lines.filter((l) => !l.startsWith('::add-mask::')))
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

/**
 * Whether the run can reach the Actions cache service, as the client decides it: the v2 service
 * (ACTIONS_CACHE_SERVICE_V2 with ACTIONS_RESULTS_URL, what github.com serves) or the v1 one
 * (ACTIONS_CACHE_URL). The runner gives these to actions' steps, not to `run:` steps.
 */
export function cacheServiceAvailable(env: Record<string, string | undefined>): boolean {
  return Boolean((env.ACTIONS_CACHE_SERVICE_V2 && env.ACTIONS_RESULTS_URL) || env.ACTIONS_CACHE_URL)
}

/**
 * A service that failed once (down, 5xx: the client retries each call for ~30 s) is not asked
 * again in this run: every later source goes straight to its origin, without a warning each.
 */
let broken: string | undefined

/** Runs one client call with its output captured into `lines`. */
async function captured<T>(lines: string[], call: () => Promise<T>): Promise<T> {
  const op: Operation = { lines, done: false }
  try {
    return await operation.run(op, call)
  } finally {
    op.done = true
  }
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
  if (broken) return false
  await fs.rm(dir, { recursive: true, force: true })
  await fs.mkdir(dir, { recursive: true })
  const lines: string[] = []
  try {
    const cache = await client()
    const hit = await captured(lines, () => cache.restoreCache([dir], key))
    const failed = failureOf(lines)
    if (failed) {
      broken = failed
      log.warning(`cache: ${failed}; fetching from the origin (the cache is not asked again in this run)`)
    }
    return hit === key
  } catch (error) {
    broken = errorMessage(error)
    log.warning(`cache: restore failed (${broken}); fetching from the origin (the cache is not asked again in this run)`)
    return false
  }
}

/** Saves `dir` under `key`. Never throws: a failed save is one warning. */
export async function saveEntry(dir: string, key: string, log: CacheLog): Promise<'saved' | 'exists' | 'failed'> {
  if (broken) return 'failed'
  const lines: string[] = []
  try {
    const cache = await client()
    const id = await captured(lines, () => cache.saveCache([dir], key))
    if (id > 0) return 'saved'
    // The client says "another job may be creating this cache" for every failed reservation; only
    // its debug line tells an entry that exists (409, as a content-addressed key means) from a
    // service that is down or failing.
    if (lines.some((l) => /Failed to reserve cache: .*\(409\)/.test(l))) return 'exists'
    if (lines.some((l) => /does not permit writes/.test(l))) return 'failed'
    broken = failureOf(lines) ?? lines.find((l) => /Failed to reserve cache/.test(l))?.replace(/^::debug::/, '') ?? 'the entry was not saved'
    log.warning(`cache: ${broken} (the source itself landed; the cache is not asked again in this run)`)
    return 'failed'
  } catch (error) {
    broken = errorMessage(error)
    log.warning(`cache: save failed (${broken}); the source itself landed`)
    return 'failed'
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined)
  }
}
