import { lstatSync } from 'node:fs'
import * as fs from 'node:fs/promises'
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
