import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { STAGING_PREFIX } from '../../constants.js'
import { LOCK_PREFIX } from './destination.js'
import { moveInto } from './landing.js'

/**
 * Landing at the workspace root (checkout mode's destination, as actions/checkout's). The
 * workspace itself cannot be renamed (the runner made it, and it is every step's working
 * directory), so the swap moves its entries: staging lives inside it, the previous entries are
 * moved aside, the staged ones moved up. Every step is a rename on one filesystem, and the names
 * say how far a swap got, so the next run (under the lock) finishes or undoes one that was killed:
 *
 *   1. previous entries → `ASIDE` dir;  renamed to `OLD` when all are in it
 *   2. staged entries → the root;        `OLD` renamed to `TRASH` when all are up, then removed
 *
 * The prefixes differ from a subdirectory destination's (`.fetch-sources-tmp-<name>-…`), so a
 * destination named like them never matches. Lock files of other runs are never moved.
 */
const ROOT = `${STAGING_PREFIX}root-`
const TMP = `${ROOT}tmp-`
const ASIDE = `${ROOT}aside-`
const OLD = `${ROOT}old-`
const TRASH = `${ROOT}trash-`

const ours = (name: string, prefix: string): boolean => name.startsWith(prefix) && /^[0-9a-f]{8}$/.test(name.slice(prefix.length))
const isMarker = (name: string): boolean => [TMP, ASIDE, OLD, TRASH].some((p) => ours(name, p)) || name.startsWith(LOCK_PREFIX)
const hex = (): string => randomBytes(4).toString('hex')

/** A fresh empty staging directory inside the workspace. */
export async function createRootStaging(root: string): Promise<string> {
  const dir = path.join(root, `${TMP}${hex()}`)
  await fs.mkdir(dir)
  return dir
}

/** Whether the workspace holds anything (a previous checkout, files of earlier steps). */
export async function rootHasContent(root: string): Promise<boolean> {
  return (await fs.readdir(root)).some((name) => !isMarker(name))
}

async function moveEntries(from: string, to: string, names: string[]): Promise<void> {
  for (const name of names) await fs.rename(path.join(from, name), path.join(to, name))
}

/** Replaces the workspace's entries with those of `staging`. */
export async function commitRootStaging(staging: string, root: string): Promise<void> {
  const previous = (await fs.readdir(root)).filter((name) => !isMarker(name))
  let old: string | undefined
  if (previous.length) {
    const aside = path.join(root, `${ASIDE}${hex()}`)
    await fs.mkdir(aside)
    await moveEntries(root, aside, previous)
    old = path.join(root, `${OLD}${aside.slice(-8)}`)
    await fs.rename(aside, old)
  }
  try {
    await moveInto(staging, root)
  } catch (e) {
    if (old) await undoSwap(root, old)
    throw e
  }
  await fs.rmdir(staging).catch(() => undefined)
  if (!old) return
  const trash = path.join(root, `${TRASH}${old.slice(-8)}`)
  await fs.rename(old, trash)
  await fs.rm(trash, { recursive: true, force: true })
}

/** Phase 2 did not finish: what is at the root besides markers is a partial new tree. */
async function undoSwap(root: string, old: string): Promise<void> {
  for (const name of await fs.readdir(root)) {
    if (!isMarker(name)) await fs.rm(path.join(root, name), { recursive: true, force: true })
  }
  await moveEntries(old, root, await fs.readdir(old))
  await fs.rmdir(old)
}

/**
 * Finishes or undoes what a killed run left at the root, under the destination's lock: a swap
 * stopped while moving the previous entries aside has them moved back, one stopped while moving
 * the new ones up is undone (the previous tree comes back), trash and staging are removed.
 */
export async function recoverRootStale(root: string): Promise<string[]> {
  const names = await fs.readdir(root)
  const removed: string[] = []
  for (const name of names) {
    if (ours(name, ASIDE)) {
      const dir = path.join(root, name)
      await moveEntries(dir, root, await fs.readdir(dir))
      await fs.rmdir(dir)
      removed.push(name)
    } else if (ours(name, OLD)) {
      await undoSwap(root, path.join(root, name))
      removed.push(name)
    }
  }
  for (const name of names) {
    if (ours(name, TMP) || ours(name, TRASH)) {
      await fs.rm(path.join(root, name), { recursive: true, force: true })
      removed.push(name)
    }
  }
  return removed
}
