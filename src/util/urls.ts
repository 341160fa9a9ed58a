import * as nodePath from 'node:path'
import type { SourceKind } from '../spec/model.js'

const SCP_LIKE = /^[A-Za-z0-9._~-]+@[A-Za-z0-9.-]+:(?!\/\/)[^\s]+$/
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz|zip)$/i

/** Git transports we allow; git itself is told the same through `protocol.allow`. */
export const GIT_SCHEMES = ['https:', 'http:', 'ssh:', 'git:', 'file:'] as const

export function isScpLike(url: string): boolean {
  return SCP_LIKE.test(url)
}

export function isArchiveUrl(url: string): boolean {
  try {
    return ARCHIVE.test(new URL(url).pathname)
  } catch {
    return ARCHIVE.test(url)
  }
}

/** The kind an inline `url` means when the source does not say. */
export function kindOfUrl(url: string): SourceKind | undefined {
  if (isScpLike(url)) return 'git'
  // A Windows path (`C:\data`, `.\data`) would otherwise read as a URL scheme or as nothing.
  if (/^[A-Za-z]:[\\/]/.test(url) || /^\.{1,2}\\/.test(url)) return 'host_path'
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  switch (scheme) {
    case 's3':
      return 's3'
    case 'gs':
      return 'gcs'
    case 'wasb':
    case 'wasbs':
    case 'az':
      return 'wasb'
    case 'oci':
      return 'oci'
    case 'ssh':
    case 'git':
    case 'file':
      return 'git'
    case 'http':
    case 'https':
      if (/\.git\/?$/.test(url)) return 'git'
      return isArchiveUrl(url) ? 'http' : guessHttp(url)
    case undefined:
      return url.startsWith('/') || url.startsWith('./') || url.startsWith('../') ? 'host_path' : undefined
    default:
      return undefined
  }
}

/** `https://host/owner/repo` (two segments, no extension) reads as a git repository; else a file. */
function guessHttp(url: string): SourceKind {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean)
    const last = segments.at(-1) ?? ''
    return segments.length >= 2 && !last.includes('.') ? 'git' : 'http'
  } catch {
    return 'http'
  }
}

/** Why a git URL is refused, or undefined when it is fine. */
export function gitUrlProblem(url: string): string | undefined {
  if (url.startsWith('-')) return 'a URL cannot start with "-"'
  if (isScpLike(url)) return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'not a URL: use https://host/owner/repo(.git), ssh://git@host[:port]/path, git@host:path, git://… or file://…'
  }
  if (!(GIT_SCHEMES as readonly string[]).includes(parsed.protocol)) {
    return `transport "${parsed.protocol.replace(/:$/, '')}" is not allowed: use https, http, ssh, git@host:path, git or file`
  }
  if (parsed.password || (parsed.username && parsed.protocol.startsWith('http'))) {
    return 'the URL carries credentials: put them in a secret (`secret: {name: …}`) so they are masked and never written to disk'
  }
  return undefined
}

/** The URL with any user:password removed, safe for outputs, logs and the lock file. */
export function publicUrl(url: string): string {
  if (isScpLike(url) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url
  try {
    const u = new URL(url)
    if (u.password) u.password = ''
    if (u.username && u.protocol.startsWith('http')) u.username = ''
    u.search = [...u.searchParams.keys()].some((k) => /sig|token|signature|key|credential/i.test(k)) ? '' : u.search
    return u.toString()
  } catch {
    return url
  }
}

/** A default source name from a URL: its last path segment without `.git` or an archive ending. */
export function nameFromUrl(url: string): string {
  const path = isScpLike(url) ? url.slice(url.indexOf(':') + 1) : url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
  const last = path.split(/[/\\]/).filter(Boolean).at(-1) ?? 'source'
  const clean = last
    .replace(/\.git$/, '')
    .replace(ARCHIVE, '')
    .replace(/[^A-Za-z0-9_.-]/g, '-')
  return /^[A-Za-z0-9]/.test(clean) ? clean : `source-${clean}`
}

/** `file://` URL of a local path, the same on every OS: `C:\data` → `file:///C:/data`. */
export function fileUrlOf(localPath: string, p: nodePath.PlatformPath = nodePath): string {
  const slashed = localPath.split(p.sep).join('/')
  return `file://${slashed.startsWith('/') ? '' : '/'}${slashed}`
}
