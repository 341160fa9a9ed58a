import { createHash, randomBytes } from 'node:crypto'
import { lstatSync, readFileSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'

/**
 * The workspace may be left by an earlier job (a self-hosted runner keeps it), so a symlink in it
 * is not ours: following one would write, link or read outside the workspace. Every component of
 * a destination is looked at with lstat from the workspace's real path down; a symlink anywhere
 * is refused before anything is written. The workspace path itself comes from the spec's author
 * (trusted), so links above it are followed.
 */
export class DestinationRefused extends Error {
  override name = 'DestinationRefused'
}

export interface DestinationState {
  /** Something (a directory from an earlier run) is already at the destination. */
  exists: boolean
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code

async function lstatOrUndefined(p: string): Promise<import('node:fs').Stats | undefined> {
  try {
    return await fs.lstat(p)
  } catch (e) {
    if (errno(e) === 'ENOENT') return undefined
    throw e
  }
}

async function linkTarget(p: string): Promise<string> {
  return fs.readlink(p).then(
    (t) => ` (to ${t})`,
    () => ''
  )
}

/**
 * Checks `dest` (the workspace joined with `relPath`) and creates its missing parents, one real
 * directory at a time. Throws DestinationRefused naming the component that is a symlink (or a
 * file where a directory is needed); a refusal happens before anything is created below it.
 */
export async function prepareDestination(dest: string, relPath: string): Promise<DestinationState> {
  const parts = relPath.split(/[\\/]/).filter((p) => p && p !== '.')
  let root = dest
  for (let i = 0; i < parts.length; i++) root = path.dirname(root)
  await fs.mkdir(root, { recursive: true })
  let at = await fs.realpath(root)
  let missing = false
  for (let i = 0; i < parts.length; i++) {
    at = path.join(at, parts[i]!)
    const shown = parts.slice(0, i + 1).join('/')
    const last = i === parts.length - 1
    let st = missing ? undefined : await lstatOrUndefined(at)
    if (!st && !last) {
      missing = true
      // Another run may create the same parent at the same moment: EEXIST is checked like any entry.
      await fs.mkdir(at).catch((e: unknown) => {
        if (errno(e) !== 'EEXIST') throw e
      })
      st = await fs.lstat(at)
    }
    if (!st) return { exists: false }
    if (st.isSymbolicLink()) {
      const target = await linkTarget(at)
      throw new DestinationRefused(
        last
          ? `destination "${relPath}" is a symlink${target} left in the workspace: refusing to write through it (remove the link or choose another path)`
          : `destination "${relPath}" passes through a symlink: "${shown}" in the workspace is a symbolic link${target}, never followed (remove the link or choose another path)`
      )
    }
    if (!last && !st.isDirectory()) {
      throw new DestinationRefused(`destination "${relPath}" passes through "${shown}", which is a file, not a directory (remove it or choose another path)`)
    }
    if (last) return { exists: true }
  }
  return { exists: false }
}

/**
 * Size of the regular file `rel` under `root` when no component of it (the file included) is a
 * symlink, else undefined: content an earlier run left is reused only if it is what we wrote.
 * Synchronous on purpose (a re-run checks every object; see objects.ts); `dirs` caches the
 * directories already found real.
 */
export function reusableFileSize(root: string, rel: string, dirs: Set<string> = new Set()): number | undefined {
  const parts = rel.split('/')
  let at = root
  for (let i = 0; i < parts.length; i++) {
    at = path.join(at, parts[i]!)
    const last = i === parts.length - 1
    if (!last && dirs.has(at)) continue
    const st = lstatSync(at, { throwIfNoEntry: false })
    if (!st) return undefined
    if (last) return st.isFile() ? st.size : undefined
    if (!st.isDirectory()) return undefined
    dirs.add(at)
  }
  return undefined
}

/**
 * One run at a time per destination, across processes: a lock file beside the destination,
 * created with O_EXCL, holding who owns it. A lock whose owner is gone (killed, crashed) is taken
 * over: same host and its pid no longer running, or running but started at another time (the pid
 * was reused). Runs on other hosts sharing the directory cannot be checked and are waited for.
 */
export interface LockOwner {
  pid: number
  host: string
  /** When the lock was taken (ISO time), for the messages. */
  started: string
  /** The process's start time in clock ticks since boot (Linux /proc), to tell a reused pid. */
  procStart?: string
  /** Tells this lock from a later one at the same path (release removes only its own). */
  token: string
}

export interface HeldLock {
  file: string
  owner: LockOwner
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>
}

export const LOCK_PREFIX = '.fetch-sources-lock-'
/** A lock that cannot be read and is older than this is debris (a writer fills it in microseconds). */
const UNREADABLE_STALE_MS = 10_000
const POLL_MS = 250

/** The lock file of a destination: beside it, named after it (a hash tells sanitized names apart). */
export function lockFileOf(dest: string): string {
  const base = path.basename(dest)
  const tag = base.replace(/[^A-Za-z0-9_.-]/g, '_')
  const suffix = tag === base ? '' : `-${createHash('sha256').update(base).digest('hex').slice(0, 8)}`
  return path.join(path.dirname(dest), `${LOCK_PREFIX}${tag}${suffix}`)
}

export const isLockFile = (p: string): boolean => path.basename(p).startsWith(LOCK_PREFIX)

function procStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces and parentheses); starttime is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

/** True when the owner is certainly gone: on this host, and its pid not running (or reused). */
export function ownerIsGone(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return false
  try {
    process.kill(owner.pid, 0)
  } catch (e) {
    return errno(e) === 'ESRCH'
  }
  const now = owner.procStart === undefined ? undefined : procStartOf(owner.pid)
  return now !== undefined && now !== owner.procStart
}

type Seen = { owner: LockOwner; raw: string } | { owner?: undefined; raw: string; stale: boolean } | 'absent'

async function readLock(file: string): Promise<Seen> {
  const st = await lstatOrUndefined(file)
  if (!st) return 'absent'
  // Not a regular file (a planted symlink): never read through it, it is not a lock of ours.
  if (!st.isFile()) return { raw: `\0${st.mode}:${st.ino}`, stale: true }
  const raw = await fs.readFile(file, 'utf8').catch(() => '')
  try {
    const owner = JSON.parse(raw) as LockOwner
    if (Number.isInteger(owner.pid) && typeof owner.host === 'string' && typeof owner.token === 'string') return { owner, raw }
  } catch {
    // Written with O_EXCL then filled: empty for an instant, garbage only if its writer died.
  }
  return { raw, stale: Date.now() - st.mtimeMs > UNREADABLE_STALE_MS }
}

/**
 * Takes a stale lock away. Renamed aside first and checked to be the one judged stale: if another
 * run broke it and took a fresh lock in between, that fresh lock is put back, not removed.
 */
async function breakLock(file: string, seen: string): Promise<boolean> {
  const aside = `${file}.stale-${randomBytes(4).toString('hex')}`
  try {
    await fs.rename(file, aside)
  } catch (e) {
    if (errno(e) === 'ENOENT') return false
    throw e
  }
  const st = await fs.lstat(aside)
  const raw = st.isFile() ? await fs.readFile(aside, 'utf8').catch(() => '') : `\0${st.mode}:${st.ino}`
  if (raw !== seen) await fs.link(aside, file).catch(() => undefined)
  // Recursive: something planted under the lock's name (a directory) goes too; links are not followed.
  await fs.rm(aside, { force: true, recursive: true })
  return raw === seen
}

/** `pid N[ on host], since T`: who holds a lock, for messages. */
export const describeOwner = (o: LockOwner): string => `pid ${o.pid}${o.host === os.hostname() ? '' : ` on ${o.host}`}, since ${o.started}`

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', done)
      resolve()
    }, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}

/**
 * Waits for the destination's lock (up to `timeoutMs`), taking over one whose owner is gone.
 * `onWait` is told once when another live run holds it; `onTakeover` when a dead one did.
 */
export async function lockDestination(
  dest: string,
  opts: { relPath: string; timeoutMs: number; signal: AbortSignal; onWait(owner: LockOwner | undefined): void; onTakeover(owner: LockOwner | undefined): void }
): Promise<HeldLock> {
  const file = lockFileOf(dest)
  const procStart = procStartOf(process.pid)
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    started: new Date().toISOString(),
    ...(procStart ? { procStart } : {}),
    token: randomBytes(8).toString('hex')
  }
  const text = JSON.stringify(owner)
  const deadline = Date.now() + opts.timeoutMs
  let told = false
  for (;;) {
    opts.signal.throwIfAborted()
    try {
      await fs.writeFile(file, text, { flag: 'wx', mode: 0o644 })
      return { file, owner, release: () => releaseLock(file, owner.token) }
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw e
    }
    const seen = await readLock(file)
    if (seen === 'absent') continue
    if (seen.owner ? ownerIsGone(seen.owner) : seen.stale) {
      if (await breakLock(file, seen.raw)) opts.onTakeover(seen.owner)
      continue
    }
    if (!told) opts.onWait(seen.owner)
    told = true
    const left = deadline - Date.now()
    if (left <= 0) {
      const who = seen.owner ? `another fetch-sources run (${describeOwner(seen.owner)})` : 'another fetch-sources run'
      throw new DestinationRefused(
        `${who} still holds "${opts.relPath}" after ${Math.round(opts.timeoutMs / 1000)} s of waiting; giving up. Set FETCH_SOURCES_LOCK_TIMEOUT (seconds) to wait longer, or remove ${file} if that run is gone`
      )
    }
    await sleep(Math.min(POLL_MS, left), opts.signal)
  }
}

async function releaseLock(file: string, token: string): Promise<void> {
  const seen = await readLock(file)
  if (seen !== 'absent' && seen.owner?.token === token) await fs.rm(file, { force: true })
}

/**
 * For the post step: removes a lock a killed main step left. One a live process holds (another
 * run took it over since) is left alone and its owner returned.
 */
export async function removeLockIfGone(file: string): Promise<LockOwner | undefined> {
  const seen = await readLock(file)
  if (seen === 'absent') return undefined
  if (seen.owner && !ownerIsGone(seen.owner)) return seen.owner
  await breakLock(file, seen.raw)
  return undefined
}

/** FETCH_SOURCES_LOCK_TIMEOUT: seconds to wait for another run's lock (default 10 minutes). */
export function lockTimeoutMs(env: Record<string, string | undefined>): number {
  const raw = env.FETCH_SOURCES_LOCK_TIMEOUT?.trim()
  if (!raw) return 600_000
  const seconds = Number(raw)
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`FETCH_SOURCES_LOCK_TIMEOUT must be a number of seconds (0 or more), got "${raw}"`)
  }
  return seconds * 1000
}
