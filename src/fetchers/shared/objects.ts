import { lstatSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { FetchError } from '../../util/errors.js'
import { gitComponent, safeRelative, under } from '../../util/safe-path.js'
import type { CacheOutcome } from './cache.js'
import { IntegrityError, verifyFile, type Expected } from './checksum.js'
import { objectsDigest, type ObjectEntry } from './digest.js'
import { reusableFileSize } from './destination.js'
import { linkOrCopy, readState } from './landing.js'
import type { Limiter } from './limiter.js'

/** One object of a listing, with where it lands. */
export interface PlannedObject extends ObjectEntry {
  /** Relative destination path (already selected); checked for escapes here. */
  target: string
  /** What the store says of the bytes (MD5, CRC32C, SHA-256): how a reused file is re-verified. */
  expected?: Expected
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
  /**
   * Frozen replay: the object list the lock recorded; any drift fails the source, and a file of
   * the previous landing is only reused once its bytes match what the store says of them.
   */
  frozen?: { objects?: ObjectEntry[] }
  log?: { info(message: string): void }
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
  cache?: CacheOutcome
}

/**
 * The regular files of a previous landing. The workspace may have been changed since: symlinks,
 * devices and `.git` paths are not ours and are left behind (and said so), never followed.
 */
async function walkFiles(root: string, dropped: string[], rel = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name
    if (gitComponent(entry.name)) dropped.push(r)
    else if (entry.isDirectory()) out.push(...(await walkFiles(root, dropped, r)))
    else if (entry.isFile()) out.push(r)
    else dropped.push(r)
  }
  return out
}

/** Whether a file's bytes match what the store says of them (a frozen replay reuses nothing unverified). */
async function matches(file: string, o: PlannedObject): Promise<boolean> {
  const expected = o.expected
  if (!expected?.md5 && !expected?.sha256 && !expected?.crc32c) return false
  try {
    await verifyFile(file, { ...expected, size: o.size }, o.key)
    return true
  } catch (e) {
    if (e instanceof IntegrityError) return false
    throw e
  }
}

/**
 * Checks every target: inside the destination, no `.git` component (git metadata from a bucket
 * would be configuration the next git command runs), no two keys on one file, no file that is
 * also a directory of another key.
 */
function checkTargets(name: string, objects: PlannedObject[]): Map<string, PlannedObject> {
  const refuse = (message: string): never => {
    throw new FetchError(name, message, { permanent: true })
  }
  const targets = new Map<string, PlannedObject>()
  const dirs = new Map<string, PlannedObject>()
  for (const o of objects) {
    const safe = safeRelative(o.target) ?? refuse(`refusing key "${o.key}": it would land outside the destination (absolute path, "..", backslash or NUL)`)
    const git = gitComponent(safe)
    if (git) refuse(`refusing key "${o.key}": "${git}" is git metadata, which never lands from a store (exclude it with \`artifacts\` or \`paths\`)`)
    const clash = targets.get(safe)
    if (clash) refuse(`keys "${clash.key}" and "${o.key}" land on the same file "${safe}"`)
    targets.set(safe, { ...o, target: safe })
    const parts = safe.split('/')
    for (let i = 1; i < parts.length; i++) if (!dirs.has(parts.slice(0, i).join('/'))) dirs.set(parts.slice(0, i).join('/'), o)
  }
  for (const [t, o] of targets) {
    const under = dirs.get(t)
    if (under) refuse(`keys "${o.key}" and "${under.key}" cannot both land: "${t}" would be a file and a directory`)
  }
  return targets
}

/**
 * Lands a listing of objects into `ctx.staging`, reusing unchanged files of the previous run
 * (hard links: no bytes copied). When nothing changed it touches nothing and reports `inPlace`.
 */
export async function landObjects(opts: LandObjectsOptions): Promise<LandedObjects> {
  const { ctx, objects } = opts
  const targets = checkTargets(opts.name, objects)
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
  const dropped: string[] = []
  const kept = previous ? await walkFiles(previous, dropped) : []
  if (dropped.length)
    ctx.log?.info(`left behind from the previous landing (not regular files of ours): ${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ', …' : ''}`)
  if (previous) {
    const realDirs = new Set<string>()
    for (const [t, o] of targets) {
      const was = usable[t]
      if (was && was.size === o.size && was.version === o.version && reusableFileSize(previous, t, realDirs) === o.size) unchanged.add(t)
    }
    if (ctx.frozen) {
      // The state file and the files beside it are the workspace's word: a replay checks the bytes.
      const tampered: string[] = []
      await ctx.limiter.map([...unchanged], async (t) => {
        if (!(await matches(under(previous, t), targets.get(t)!))) tampered.push(t)
      })
      for (const t of tampered) unchanged.delete(t)
      if (tampered.length) ctx.log?.info(`frozen: fetching again ${tampered.length} file(s) whose bytes could not be verified against the store`)
    }
    if (unchanged.size === targets.size && dropped.length === 0) {
      // With sync, what is on disk decides: files kept by an earlier `sync: false` run are not in the state.
      const gone = opts.sync ? kept.some((rel) => !targets.has(rel)) : false
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
    // A file with other links may be one planted in the workspace as a link to a host file:
    // copied, so nothing written to the destination later can reach that file.
    if (lstatSync(from).nlink > 1) return fs.copyFile(from, to, fs.constants.COPYFILE_EXCL)
    await linkOrCopy(from, to)
  }
  // Keep what the source no longer has unless `sync: true` (like `aws s3 sync` without --delete).
  if (previous && !opts.sync) {
    const blocked = blocking(targets)
    for (const rel of kept) {
      if (!targets.has(rel) && !blocked(rel)) await link(under(previous, rel), under(ctx.staging, rel))
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

/**
 * Whether a file kept from the previous landing would stand in the targets' way: it has the name
 * of a directory they need, or sits under a name that is now a file.
 */
function blocking(targets: Map<string, PlannedObject>): (rel: string) => boolean {
  const dirs = new Set<string>()
  for (const t of targets.keys()) {
    const parts = t.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
  }
  return (rel) => {
    if (dirs.has(rel)) return true
    const parts = rel.split('/')
    for (let i = 1; i < parts.length; i++) if (targets.has(parts.slice(0, i).join('/'))) return true
    return false
  }
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
