import { FetchError } from '../../util/errors.js'
import type { Expected } from './checksum.js'
import { downloadToFile, type Body } from './download.js'
import { landObjects, type LandedObjects, type LandingArea, type PlannedObject } from './objects.js'
import { ProgressReporter, type SourceLog } from './progress.js'
import { downloadRanged } from './ranged.js'
import { withRetry } from './retry.js'
import type { CacheSettings } from './cache.js'
import { objectCache } from './cached-objects.js'
import { select, type Selection } from './select.js'
import { namingTheObject, withTimeout } from './timeout.js'
import type { Tuning } from './tuning.js'

/** One object of a store's listing; `item` is whatever the store needs to read it again. */
export interface StoreObject<T> {
  key: string
  size: number
  /** ETag, generation or version id: what tells versions apart. */
  version: string
  item: T
}

/**
 * The few calls a bucket kind makes to its store (S3 and OCI, GCS, Azure). Everything else — the
 * object-or-prefix rule, paging, selection, incremental landing, ranged or whole downloads,
 * retries and progress — is `fetchBucket`'s, the same for every store.
 */
export interface BucketStore<T> {
  /** Plural noun for progress lines: objects, blobs, keys. */
  readonly noun: string
  /** One page of the listing of keys starting with `prefix`. */
  list(prefix: string, token: string | undefined, signal: AbortSignal): Promise<{ objects: Array<StoreObject<T>>; next?: string }>
  /**
   * The object whose key is exactly `key`, or undefined. Stores without it list the prefix as
   * given and find an exact key there.
   */
  stat?(key: string, signal: AbortSignal): Promise<StoreObject<T> | undefined>
  /** Opens an object's bytes (or a range); may drop checks from `expected` that the answer voids. */
  open(item: T, range: { start: number; end: number } | undefined, signal: AbortSignal, expected: Expected): Promise<Body>
  /** What the store promised about the object's bytes. */
  expected(item: T): Expected
  /** `bucket/key` for messages. */
  label(item: T): string
  /** A listing error as one that says what to do (403: check the secret, …). */
  explain(error: unknown): unknown
  /** Whether the store's client bounds a request's wait itself; otherwise the idle timeout does. */
  readonly timesOut?: boolean
}

/** What a bucket source says of itself: its kind, name, URI and what to take from it. */
export interface BucketSourceFields {
  kind: string
  name: string
  uri: string
  selection: Selection
  sync: boolean
  /** A prefix lands in a directory named after its last segment, one object as itself (ADS). */
  prefixAsDirectory?: boolean
}

export interface BucketFetchOptions {
  source: BucketSourceFields
  /** Key prefix in the bucket: '' (everything), a "directory", or one object's key. */
  prefix: string
  tuning: Tuning
  /** The error when nothing is under the prefix, e.g. `no blobs under …: check the container and the prefix`. */
  empty: string
  ctx: LandingArea & { signal: AbortSignal; log: SourceLog; cache: CacheSettings }
}

type Call = <R>(f: (signal: AbortSignal) => Promise<R>) => Promise<R>

/** A prefix's objects, each with its path relative to the prefix (a single object: its basename). */
async function listBucket<T>(store: BucketStore<T>, opts: BucketFetchOptions, call: Call): Promise<Array<StoreObject<T> & { rel: string }>> {
  const { prefix } = opts
  const basename = prefix.split('/').at(-1)!
  // A prefix that names an object exactly is that object; otherwise it is a directory: `data`
  // lists `data/…`, never `data2/…`.
  const exact = prefix !== '' && !prefix.endsWith('/')
  if (exact && store.stat) {
    const one = await call((signal) => store.stat!(prefix, signal))
    if (one) return [{ ...one, rel: basename }]
  }
  const dir = exact ? `${prefix}/` : prefix
  const listed: Array<StoreObject<T>> = []
  let token: string | undefined
  let lastLine = Date.now()
  do {
    const page = await call((signal) => store.list(store.stat ? dir : prefix, token, signal))
    listed.push(...page.objects)
    // A server repeating its token must not loop forever.
    token = page.next !== token ? page.next : undefined
    // Listing a prefix of millions of keys takes minutes: say it is happening.
    if (token && Date.now() - lastLine >= 5_000) {
      lastLine = Date.now()
      opts.ctx.log.progress(`listed ${listed.length} ${store.noun} of ${opts.source.uri} so far`)
    }
  } while (token)
  const single = exact && !store.stat ? listed.find((o) => o.key === prefix) : undefined
  if (single) return [{ ...single, rel: basename }]
  return (
    listed
      // Zero-byte "folder" markers made by consoles (keys ending in /) are not files.
      .filter((o) => o.key.startsWith(dir) && !o.key.endsWith('/'))
      .map((o) => ({ ...o, rel: o.key.slice(dir.length) }))
  )
}

/** One object to `file`: parallel ranged GETs for a large one, one GET otherwise; verified either way. */
async function downloadObject<T>(
  store: BucketStore<T>,
  object: StoreObject<T>,
  file: string,
  opts: BucketFetchOptions,
  progress: ProgressReporter
): Promise<void> {
  const { tuning, ctx } = opts
  const expected = store.expected(object.item)
  const open = (signal: AbortSignal, range?: { start: number; end: number }): Promise<Body> => store.open(object.item, range, signal, expected)
  const common = {
    label: store.label(object.item),
    file,
    expected,
    tuning,
    signal: ctx.signal,
    progress,
    onRetry: (m: string) => ctx.log.info(`retrying ${m}`)
  }
  try {
    if (object.size > 2 * tuning.partSize) {
      await downloadRanged({ ...common, size: object.size, limiter: ctx.limiter, openRange: (start, end, signal) => open(signal, { start, end }) })
    } else {
      await downloadToFile({ ...common, open: (signal) => open(signal) })
    }
  } catch (error) {
    throw namingTheObject(opts.source.name, common.label, error)
  }
  progress.fileDone()
}

/**
 * What every bucket kind does: list the prefix (retrying, each request bounded), apply the
 * selectors (naming those that match nothing), then land the selected objects incrementally with
 * one progress reporter for the source.
 */
export async function fetchBucket<T>(store: BucketStore<T>, opts: BucketFetchOptions): Promise<LandedObjects> {
  const { ctx, tuning, source } = opts
  const { name } = source
  const call: Call = (f) =>
    withRetry(
      async () => {
        const abort = new AbortController()
        const signal = AbortSignal.any([ctx.signal, abort.signal])
        try {
          const pending = f(signal)
          return await (store.timesOut ? pending : withTimeout(pending, tuning.idleMs))
        } catch (error) {
          abort.abort()
          throw store.explain(error)
        }
      },
      { attempts: tuning.attempts, baseMs: tuning.retryBaseMs, signal: ctx.signal }
    )
  const listing = await listBucket(store, opts, call)
  if (listing.length === 0) throw new FetchError(name, opts.empty, { permanent: true })
  const single = listing.length === 1 && listing[0]!.key === opts.prefix
  const folder = source.prefixAsDirectory && !single ? opts.prefix.replace(/\/+$/, '').split('/').pop() : undefined
  const byRel = new Map(listing.map((l) => [l.rel, l]))
  const { selected, unmatched } = select([...byRel.keys()], source.selection)
  if (unmatched.length) throw new FetchError(name, `nothing in ${source.uri} matches ${unmatched.join(', ')}`, { permanent: true })
  const objects: PlannedObject[] = selected.map((s) => {
    const l = byRel.get(s.key)!
    return { key: s.key, target: folder ? `${folder}/${s.target}` : s.target, size: l.size, version: l.version, expected: store.expected(l.item) }
  })
  const progress = new ProgressReporter(ctx.log, { files: objects.length, bytes: objects.reduce((n, o) => n + o.size, 0) })
  const cache = objectCache(ctx.cache, source.kind, name, { uri: source.uri, selection: source.selection }, objects, ctx.log)
  const landed = await landObjects({
    name,
    sync: source.sync,
    identity: `${source.uri}:${JSON.stringify(source.selection)}`,
    objects,
    ctx,
    download: async (planned, file) => {
      if (await cache.land(planned, file)) return progress.fileDone()
      await downloadObject(store, byRel.get(planned.key)!, file, opts, progress)
    }
  })
  return { ...landed, cache: cache.outcome() }
}

/** Objects per listing request; FETCH_SOURCES_LIST_PAGE_SIZE lowers it (tests, slow proxies). */
export function listPageSize(env: Record<string, string | undefined>, max: number): number {
  const n = Number(env.FETCH_SOURCES_LIST_PAGE_SIZE)
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : max
}
