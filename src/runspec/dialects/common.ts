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

/** A unique source name: `base`, else `base-2`, `base-3`… (a connection may be used twice). */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`
  taken.add(name)
  return name
}
