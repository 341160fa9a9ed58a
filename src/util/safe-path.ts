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
