import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { FetchError } from '../../util/errors.js'
import { safeRelative, under } from '../../util/safe-path.js'
import { objectsDigest, type ObjectEntry } from './digest.js'
import { reusableFileSize } from './destination.js'
import { readState } from './landing.js'
import type { Limiter } from './limiter.js'

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

/** Where a source's objects land: the part of a fetch context landing needs. */
export interface LandingArea {
  /** The empty staging directory the objects are written into. */
  staging: string
  /** The destination's content from an earlier run, if any: unchanged files are linked from it. */
  previous?: string
  limiter: Limiter
  /** Frozen replay: the object list the lock recorded; any drift fails the source. */
  frozen?: { objects?: ObjectEntry[] }
}

export interface LandObjectsOptions {
  name: string
  sync: boolean
  identity: string
  objects: PlannedObject[]
  ctx: LandingArea
  /** Writes one object to `file` (parent exists); must verify size/checksum itself. */
  download(object: PlannedObject, file: string): Promise<void>
}

export interface LandedObjects {
  files: number
  bytes: number
  objects: ObjectEntry[]
  digest: string
  /** Nothing changed since the previous landing: staging is empty and the destination stays. */
  inPlace?: boolean
  state: ObjectState
}

async function walkFiles(root: string, rel = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name
    // Only what we could have written: a symlink an earlier job planted is neither entered nor kept.
    if (entry.isDirectory()) out.push(...(await walkFiles(root, r)))
    else if (entry.isFile()) out.push(r)
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
    const realDirs = new Set<string>()
    for (const [t, o] of targets) {
      const was = usable[t]
      if (was && was.size === o.size && was.version === o.version && reusableFileSize(previous, t, realDirs) === o.size) unchanged.add(t)
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

/** Compares a fresh listing with the locked one: the per-source drift report, or undefined. */
export function objectDrift(locked: readonly ObjectEntry[], now: readonly ObjectEntry[]): string | undefined {
  const before = new Map(locked.map((o) => [o.key, o]))
  const after = new Map(now.map((o) => [o.key, o]))
  const changed = [...after.values()].filter((o) => before.has(o.key) && (before.get(o.key)!.size !== o.size || before.get(o.key)!.version !== o.version))
  const removed = [...before.keys()].filter((k) => !after.has(k))
  const added = [...after.keys()].filter((k) => !before.has(k))
  if (changed.length + removed.length + added.length === 0) return undefined
  const parts = [
    changed.length && `${changed.length} object${changed.length > 1 ? 's' : ''} changed`,
    removed.length && `${removed.length} removed`,
    added.length && `${added.length} added`
  ].filter(Boolean)
  const examples = [...changed.map((o) => `"${o.key}" changed`), ...removed.map((k) => `"${k}" removed`), ...added.map((k) => `"${k}" added`)].slice(0, 5)
  return `${parts.join(', ')} since the lock (${examples.join(', ')}${changed.length + removed.length + added.length > 5 ? ', …' : ''})`
}
