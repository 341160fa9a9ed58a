import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { STAGING_PREFIX } from '../../constants.js'

/**
 * Sources land atomically: fetched into a hidden sibling of the destination (same filesystem, so
 * the final step is a rename), then swapped in. A crash leaves the previous content or nothing.
 */
const TMP = `${STAGING_PREFIX}tmp-`
const OLD = `${STAGING_PREFIX}old-`
const STATE = `${STAGING_PREFIX}state-`

const tag = (dest: string): string => path.basename(dest).replace(/[^A-Za-z0-9_.-]/g, '_')

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p)
    return true
  } catch {
    return false
  }
}

/** A fresh empty staging directory beside `dest`. */
export async function createStaging(dest: string): Promise<string> {
  const parent = path.dirname(dest)
  await fs.mkdir(parent, { recursive: true })
  const dir = path.join(parent, `${TMP}${tag(dest)}-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(dir)
  return dir
}

/** Replaces `dest` with `staging`. The old content is moved aside first and deleted after. */
export async function commitStaging(staging: string, dest: string): Promise<void> {
  let old: string | undefined
  if (await exists(dest)) {
    old = path.join(path.dirname(dest), `${OLD}${tag(dest)}-${randomBytes(4).toString('hex')}`)
    await fs.rename(dest, old)
  }
  try {
    await fs.rename(staging, dest)
  } catch (e) {
    if (old) await fs.rename(old, dest).catch(() => undefined)
    throw e
  }
  if (old) await fs.rm(old, { recursive: true, force: true })
}

/**
 * Undoes what a killed earlier run left beside `dest`: staging dirs are deleted; a destination
 * moved aside but never replaced is put back (the previous complete content).
 */
export async function recoverStale(dest: string): Promise<string[]> {
  const parent = path.dirname(dest)
  let entries: string[]
  try {
    entries = await fs.readdir(parent)
  } catch {
    return []
  }
  const mine = `${tag(dest)}-`
  const removed: string[] = []
  const olds = entries.filter((e) => e.startsWith(OLD + mine) && /^[0-9a-f]{8}$/.test(e.slice((OLD + mine).length)))
  if (olds.length && !(await exists(dest))) {
    await fs.rename(path.join(parent, olds.shift()!), dest)
  }
  for (const e of entries) {
    const isTmp = e.startsWith(TMP + mine) && /^[0-9a-f]{8}$/.test(e.slice((TMP + mine).length))
    if (isTmp || olds.includes(e)) {
      await fs.rm(path.join(parent, e), { recursive: true, force: true })
      removed.push(e)
    }
  }
  return removed
}

/** The small state file kept beside a destination for cheap re-runs. */
export function stateFileOf(dest: string): string {
  return path.join(path.dirname(dest), `${STATE}${tag(dest)}.json`)
}

export async function readState<T>(dest: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(stateFileOf(dest), 'utf8')) as T
  } catch {
    return undefined
  }
}

/** Written after the content is in place; write-then-rename so it is never half-written. */
export async function writeState(dest: string, state: unknown): Promise<void> {
  await writeFileAtomic(stateFileOf(dest), JSON.stringify(state))
}

export async function removeState(dest: string): Promise<void> {
  await fs.rm(stateFileOf(dest), { force: true })
}

export async function writeFileAtomic(file: string, data: string, mode?: number): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  await fs.writeFile(tmp, data, mode === undefined ? {} : { mode })
  await fs.rename(tmp, file)
}

/**
 * Moves the entries of directory `from` into the existing directory `to`. A rename where both are
 * on one filesystem; a copy (symlinks copied as symlinks, never followed) then a removal where
 * they are not (`RUNNER_TEMP` and the workspace on different disks give EXDEV).
 */
export async function moveInto(from: string, to: string): Promise<void> {
  for (const name of await fs.readdir(from)) {
    const src = path.join(from, name)
    const dst = path.join(to, name)
    try {
      await fs.rename(src, dst)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e
      await fs.cp(src, dst, { recursive: true, verbatimSymlinks: true, errorOnExist: true, force: false, preserveTimestamps: true })
      await fs.rm(src, { recursive: true, force: true })
    }
  }
}

/** A hard link (no bytes copied), or a copy where a link cannot be made (another filesystem). */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await fs.link(from, to).catch(() => fs.copyFile(from, to, fs.constants.COPYFILE_EXCL))
}

/** `rename`, or copy-then-remove across filesystems (a single file). */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e
    await fs.copyFile(from, to, fs.constants.COPYFILE_EXCL)
    await fs.rm(from, { force: true })
  }
}
