import * as path from 'node:path'
import type { Translation } from '../translation.js'

/**
 * Helpers the seed dialects share. Their files speak of container paths (`/opt/repositories`,
 * `/code`); on a runner the workspace plays the container's root, so an absolute path is read
 * relative to it.
 */

/** `/opt/repos/` → `opt/repos`; `/` and `.` → `''` (the workspace itself). */
export function workspaceRelative(p: string): string {
  const normal = path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '')
  return normal === '.' ? '' : normal
}

/** Joins workspace-relative segments, dropping empty ones. */
export function joinRelative(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/')
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function emptyTranslation(dialect: string, detectedBy: string): Translation {
  return { dialect, detectedBy, connections: [], sources: [], exposeConnections: [], warnings: [] }
}

/** Per set of taken names, the first suffix of each base not yet known to be taken. */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>()

/**
 * A unique source name: `base`, else `base-2`, `base-3`… (a connection may be used twice). The
 * set only grows, so the search resumes where the last one for `base` stopped: counting up from
 * 2 each time made 20,000 entries of one connection take 14 s.
 */
export function uniqueName(base: string, taken: Set<string>): string {
  let next = nextSuffix.get(taken)
  if (!next) nextSuffix.set(taken, (next = new Map()))
  let name = base
  for (let i = next.get(base) ?? 2; taken.has(name); i++) {
    name = `${base}-${i}`
    next.set(base, i + 1)
  }
  taken.add(name)
  return name
}
