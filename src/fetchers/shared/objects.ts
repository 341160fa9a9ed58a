import { statSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { FetchError } from '../../util/errors.js'
import type { FetchContext, FetchResult, ObjectEntry } from '../types.js'
import { safeRelative, under } from '../../util/safe-path.js'
import { objectsDigest } from './digest.js'
import type { BucketSource } from '../../spec/model.js'
import { ProgressReporter } from './progress.js'
import { objectDrift } from '../../report/lock.js'
import { readState } from './landing.js'
import { select } from './select.js'

/** One object of a listing, with where it lands. */
export interface PlannedObject extends ObjectEntry {
  /** Relative destination path (already selected); checked for escapes here. */
  target: string
}

/** What is kept beside the destination so a re-run only fetches what changed. */
export interface ObjectState {
  version: 1
  /** Identity of the source (URI + selection); a different one invalidates the state. */
  identity: string
  objects: Record<string, { key: string; size: number; version: string }>
}

export interface LandObjectsOptions {
  name: string
  sync: boolean
  identity: string
  objects: PlannedObject[]
  ctx: FetchContext
  /** Writes one object to `file` (parent exists); must verify size/checksum itself. */
  download(object: PlannedObject, file: string): Promise<void>
}

export type LandedObjects = Pick<FetchResult, 'files' | 'bytes' | 'objects' | 'digest' | 'inPlace'> & { state: ObjectState }

/**
 * Size of a regular file, or undefined. Synchronous on purpose: a re-run checks every object of
 * the previous landing, and one `fs.promises.stat` each is a thread-pool round trip (~0.1 ms
 * here), a synchronous one a few microseconds.
 */
function sizeOf(file: string): number | undefined {
  const st = statSync(file, { throwIfNoEntry: false })
  return st?.isFile() ? st.size : undefined
}

async function walkFiles(root: string, rel = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await walkFiles(root, r)))
    else out.push(r)
  }
  return out
}

/**
 * Lands a listing of objects into `ctx.staging`, reusing unchanged files of the previous run
 * (hard links: no bytes copied). When nothing changed it touches nothing and reports `inPlace`.
 */
export async function landObjects(opts: LandObjectsOptions): Promise<LandedObjects> {
  const { ctx, objects } = opts
  const targets = new Map<string, PlannedObject>()
  for (const o of objects) {
    const safe = safeRelative(o.target)
    if (!safe)
      throw new FetchError(opts.name, `refusing key "${o.key}": it would land outside the destination (absolute path, "..", backslash or NUL)`, {
        permanent: true
      })
    const clash = targets.get(safe)
    if (clash) throw new FetchError(opts.name, `keys "${clash.key}" and "${o.key}" land on the same file "${safe}"`, { permanent: true })
    targets.set(safe, { ...o, target: safe })
  }
  const state: ObjectState = { version: 1, identity: opts.identity, objects: {} }
  for (const [t, o] of targets) state.objects[t] = { key: o.key, size: o.size, version: o.version }
  const entries = [...targets.values()].map(({ key, size, version }) => ({ key, size, version }))
  if (ctx.frozen?.objects) {
    const drift = objectDrift(ctx.frozen.objects, entries)
    if (drift) throw new FetchError(opts.name, drift, { permanent: true })
  }
  const bytes = entries.reduce((n, o) => n + o.size, 0)
  const result = { files: targets.size, bytes, objects: entries, digest: objectsDigest(entries), state }

  const previous = ctx.previous
  const old = previous ? await readState<ObjectState>(previous) : undefined
  const usable = old && old.version === 1 && old.identity === opts.identity ? old.objects : {}
  const unchanged = new Set<string>()
  if (previous) {
    for (const [t, o] of targets) {
      const was = usable[t]
      if (was && was.size === o.size && was.version === o.version && sizeOf(under(previous, t)) === o.size) unchanged.add(t)
    }
    if (unchanged.size === targets.size) {
      // With sync, what is on disk decides: files kept by an earlier `sync: false` run are not in the state.
      const gone = opts.sync ? (await walkFiles(previous)).some((rel) => !targets.has(rel)) : false
      if (!gone) return { ...result, inPlace: true }
    }
  }

  const made = new Set<string>()
  const ensureDir = async (dir: string): Promise<void> => {
    if (made.has(dir)) return
    await fs.mkdir(dir, { recursive: true })
    made.add(dir)
  }
  const link = async (from: string, to: string): Promise<void> => {
    await ensureDir(path.dirname(to))
    await fs.link(from, to).catch(() => fs.copyFile(from, to))
  }
  // Keep what the source no longer has unless `sync: true` (like `aws s3 sync` without --delete).
  if (previous && !opts.sync) {
    for (const rel of await walkFiles(previous)) {
      if (!targets.has(rel)) await link(under(previous, rel), under(ctx.staging, rel))
    }
  }
  await ctx.limiter.map([...targets.values()], async (o) => {
    const file = under(ctx.staging, o.target)
    if (unchanged.has(o.target)) return link(under(previous!, o.target), file)
    await ensureDir(path.dirname(file))
    await opts.download(o, file)
  })
  return result
}

/** One entry of a bucket listing: its path relative to the prefix and what the store said of it. */
export interface Listed<T> {
  rel: string
  item: T
  size: number
  version: string
}

export interface LandListingOptions<T> {
  source: BucketSource
  ctx: FetchContext
  listing: Array<Listed<T>>
  /** The error when the listing is empty, e.g. `no blobs under …: check the container and the prefix`. */
  empty: string
  download(item: T, file: string, progress: ProgressReporter): Promise<void>
}

/**
 * What every bucket kind does after listing: apply the selectors (naming those that match
 * nothing), then land the selected objects with one progress reporter for the source.
 */
export async function landListing<T>(opts: LandListingOptions<T>): Promise<LandedObjects> {
  const { source, ctx } = opts
  if (opts.listing.length === 0) throw new FetchError(source.name, opts.empty, { permanent: true })
  const byRel = new Map(opts.listing.map((l) => [l.rel, l]))
  const { selected, unmatched } = select([...byRel.keys()], source.selection)
  if (unmatched.length) throw new FetchError(source.name, `nothing in ${source.uri} matches ${unmatched.join(', ')}`, { permanent: true })
  const objects: PlannedObject[] = selected.map((s) => {
    const l = byRel.get(s.key)!
    return { key: s.key, target: s.target, size: l.size, version: l.version }
  })
  const progress = new ProgressReporter(ctx.log, { files: objects.length, bytes: objects.reduce((n, o) => n + o.size, 0) })
  return landObjects({
    name: source.name,
    sync: source.sync,
    identity: `${source.uri}:${JSON.stringify(source.selection)}`,
    objects,
    ctx,
    download: (planned, file) => opts.download(byRel.get(planned.key)!.item, file, progress)
  })
}
