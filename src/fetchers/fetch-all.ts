import { setMaxListeners } from 'node:events'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Host } from '../host/host.js'
import type { SourceBase } from '../runspec/model.js'
import { FetchError, errorMessage } from '../util/errors.js'
import { formatBytes } from '../util/format.js'
import { kindOf } from './registry.js'
import type { Cleanup } from '../util/cleanup.js'
import { DestinationRefused, describeOwner, lockDestination, lockTimeoutMs, prepareDestination } from './shared/destination.js'
import { commitStaging, createStaging, recoverStale, removeState, writeState } from './shared/landing.js'
import { Limiter } from './shared/limiter.js'
import { entryDir } from './shared/cache.js'
import { commitRootStaging, createRootStaging, recoverRootStale, rootHasContent } from './shared/root-landing.js'
import type { FetchContext, FetchOptions, FetchResult, Locked, SourceLog } from './types.js'

/** What became of one source: its result, or the error that stopped it. */
export interface Outcome {
  source: SourceBase
  result?: FetchResult
  error?: unknown
  seconds: number
}

/** A lone source's log goes out as it comes, inside its group (git's progress lines with it). */
function liveLog(host: Host, name: string): SourceLog & { lines: string[] } {
  return { lines: [], info: (m) => host.info(m), warning: (m) => host.warning(`${name}: ${m}`), progress: (m) => host.info(`[${name}] ${m}`) }
}

/** Several sources run at once: each one's lines are kept and printed as its group when it ends. */
function bufferedLog(host: Host, name: string): SourceLog & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(m),
    warning: (m) => {
      lines.push(`warning: ${m}`)
      host.warning(`${name}: ${m}`)
    },
    progress: (m) => host.info(`[${name}] ${m}`)
  }
}

/**
 * Fetches every source concurrently (transfers share one pool of `concurrency` slots), each into
 * staging, swapped into place only when complete. One failing source does not stop the others.
 * Every destination is checked and locked first (see `claim`); the locks are released by
 * `cleanup` when the run has reported, so another run never replaces what this one reports.
 * `signal` cancels every transfer (SIGINT/SIGTERM); what was staged is removed.
 */
export async function fetchAll(
  sources: SourceBase[],
  options: FetchOptions,
  host: Host,
  cleanup: Cleanup,
  frozen?: Map<string, Locked>,
  signal: AbortSignal = new AbortController().signal
): Promise<Outcome[]> {
  // Every transfer in flight listens to this one signal (up to `concurrency`, 256): over ten is
  // the design, not a leak, and Node's MaxListenersExceededWarning would land in the job's log.
  setMaxListeners(0, signal)
  const limiter = new Limiter(options.concurrency)
  const live = sources.length === 1
  const logs = new Map(sources.map((s) => [s, live ? liveLog(host, s.name) : bufferedLog(host, s.name)]))
  const timeoutMs = lockTimeoutMs(options.env)
  // In one global order (by path): two runs whose sets of destinations overlap can then never
  // each hold one the other waits for.
  const claims = new Map<SourceBase, Promise<void>>()
  for (const source of [...sources].sort((a, b) => (a.dest < b.dest ? -1 : a.dest > b.dest ? 1 : 0))) {
    const claimed = claim(source, logs.get(source)!, cleanup, timeoutMs, signal)
    claims.set(source, claimed)
    await claimed.catch(() => undefined)
  }
  const one = (source: SourceBase): Promise<Outcome> =>
    fetchOne(source, {
      options,
      host,
      cleanup,
      limiter,
      signal,
      locked: frozen?.get(source.name),
      peers: sources,
      log: logs.get(source)!,
      claimed: claims.get(source)!,
      live
    })
  if (live) return [await host.group(groupTitle(sources[0]!), () => one(sources[0]!))]
  return Promise.all(sources.map(one))
}

const groupTitle = (source: SourceBase): string => `${source.name} (${source.kind}) → ${source.relPath}`

/**
 * Makes the destination ours: no symlink on its way from the workspace (refused before anything
 * is written), its parents created, and its lock held (waiting for a live run that holds it).
 */
async function claim(source: SourceBase, log: SourceLog, cleanup: Cleanup, timeoutMs: number, signal: AbortSignal): Promise<void> {
  await prepareDestination(source.dest, source.relPath)
  const lock = await lockDestination(source.dest, {
    relPath: source.relPath,
    timeoutMs,
    signal,
    onWait: (owner) =>
      log.progress(
        `waiting for another fetch-sources run${owner ? ` (${describeOwner(owner)})` : ''} that holds ${source.relPath}; giving up after ${Math.round(timeoutMs / 1000)} s`
      ),
    onTakeover: (owner) => log.info(`took over the lock of a run that is gone${owner ? ` (${describeOwner(owner)})` : ''}`)
  })
  cleanup.add(lock.file, { remove: () => lock.release() })
}

/** This source's cache settings: its own `cache:`, else the run's; off without a cache service. */
function cacheFor(source: SourceBase, options: FetchOptions, log: SourceLog): FetchContext['cache'] {
  const mode = source.cache ?? options.cache.mode
  if (mode !== 'off' && !options.cache.available) {
    log.info('cache: off (no GitHub Actions cache service here: ACTIONS_RESULTS_URL is not set)')
    return { ...options.cache, mode: 'off' }
  }
  return { mode, maxBytes: options.cache.maxBytes, root: options.cache.root }
}

async function fetchOne(
  source: SourceBase,
  env: {
    options: FetchOptions
    host: Host
    cleanup: Cleanup
    limiter: Limiter
    signal: AbortSignal
    locked: Locked | undefined
    peers: readonly SourceBase[]
    log: SourceLog & { lines: string[] }
    claimed: Promise<void>
    /** The group is open already (a lone source): nothing to print at the end. */
    live: boolean
  }
): Promise<Outcome> {
  const started = Date.now()
  const kind = kindOf(source)
  const log = env.log
  let staging: string | undefined
  let scratch: string | undefined
  let failure: string | undefined
  try {
    await env.claimed
    env.signal.throwIfAborted()
    // The workspace root (checkout mode) cannot be renamed: its entries are swapped instead.
    const root = source.relPath === '.'
    // Only while holding the lock: another run's staging is never a leftover.
    const recovered = root ? await recoverRootStale(source.dest) : await recoverStale(source.dest)
    if (recovered.length) log.info(`removed leftovers of an interrupted run: ${recovered.join(', ')}`)
    // Again after the recovery, which may have put a moved-aside destination back.
    const prepared = await prepareDestination(source.dest, source.relPath)
    const exists = root ? await rootHasContent(source.dest) : prepared.exists
    staging = root ? await createRootStaging(source.dest) : await createStaging(source.dest)
    const cache = cacheFor(source, env.options, log)
    // Where this source's cache entry is restored to and saved from: gone when the run ends.
    if (cache.mode !== 'off') env.cleanup.add(entryDir(cache, source.kind, source.name))
    env.cleanup.add(staging)
    await fs.mkdir(env.options.tempRoot, { recursive: true })
    scratch = await fs.mkdtemp(path.join(env.options.tempRoot, 'fetch-sources-scratch-'))
    env.cleanup.add(scratch)
    const ctx: FetchContext = {
      options: env.options,
      limiter: env.limiter,
      staging,
      scratch,
      signal: env.signal,
      registerCleanup: (p, options) => env.cleanup.add(p, options),
      peers: env.peers,
      log,
      cache,
      ...(exists ? { previous: source.dest } : {}),
      ...(env.locked
        ? { frozen: { commit: env.locked.commit, digest: env.locked.digest, ...(env.locked.objects ? { objects: env.locked.objects } : {}) } }
        : {})
    }
    log.info(kind.describe(source))
    const result = await kind.fetch(source, ctx)
    // A cancelled run lands nothing more, even a source that completed as the signal came.
    env.signal.throwIfAborted()
    if (result.inPlace) log.info('already up to date')
    else if (root) await commitRootStaging(staging, source.dest)
    else await commitStaging(staging, source.dest)
    if (result.state !== undefined) await writeState(source.dest, result.state)
    else await removeState(source.dest)
    // After landing: the cache keeps what this run had to download (never what failed or half landed).
    if (result.cache?.save) result.cache.status = await result.cache.save(source.dest)
    log.info(`${result.files} files, ${formatBytes(result.bytes)} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return { source, result, seconds: (Date.now() - started) / 1000 }
  } catch (error) {
    const wrapped =
      error instanceof FetchError ? error : new FetchError(source.name, errorMessage(error), { cause: error, permanent: error instanceof DestinationRefused })
    failure = wrapped.message
    return { source, error: wrapped, seconds: (Date.now() - started) / 1000 }
  } finally {
    for (const p of [staging, scratch]) {
      if (!p) continue
      await fs.rm(p, { recursive: true, force: true }).catch(() => undefined)
      env.cleanup.forget(p)
    }
    // The failure is said once, in the source's group (an annotation in the action): not again at the end.
    if (env.live) {
      if (failure) env.host.error(failure)
    } else
      await env.host.group(groupTitle(source), async () => {
        for (const line of log.lines) env.host.info(line)
        if (failure) env.host.error(failure)
      })
  }
}
