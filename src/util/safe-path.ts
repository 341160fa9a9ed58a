import * as path from 'node:path'

/**
 * A store key or archive entry as a relative path that stays inside its destination, or undefined.
 * Refuses `..` segments, absolute paths, drive letters, backslashes and NUL: a key is data from a
 * server we do not control.
 */
export function safeRelative(key: string): string | undefined {
  if (!key || key.includes('\0') || key.includes('\\')) return undefined
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) return undefined
  const parts = key.split('/').filter((p) => p !== '' && p !== '.')
  if (parts.length === 0 || parts.some((p) => p === '..')) return undefined
  return parts.join('/')
}

/** Joins a checked relative key under `root` with the platform separator. */
export function under(root: string, relative: string): string {
  return path.join(root, ...relative.split('/'))
}

/** Code points HFS+ ignores in names, so `.g\u200cit` is `.git` there. */
const IGNORABLE = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g

/**
 * Whether one path component names a git directory on some filesystem: `.git` in any case, with
 * the trailing dots or spaces Windows drops, the NTFS short name `git~1`, or with characters HFS+
 * ignores. Git refuses these in trees for the same reason: a `.git` that lands in a work tree is
 * configuration (`core.fsmonitor`, hooks) that the next git command runs.
 */
export function isGitName(component: string): boolean {
  const name = component
    .replace(IGNORABLE, '')
    .replace(/[. ]+$/, '')
    .toLowerCase()
  return name === '.git' || name === 'git~1'
}

/** The first `.git` component of a relative path, or undefined. */
export function gitComponent(relative: string): string | undefined {
  return relative.split('/').find(isGitName)
}
