import { isArchiveUrl, isScpLike } from '../../util/urls.js'

/** Git transports we allow; git itself is told the same through `protocol.allow`. */
export const GIT_SCHEMES = ['https:', 'http:', 'ssh:', 'git:', 'file:'] as const

/** `https://host:port/` for an http(s) URL: the scope of its credentials. */
export function httpOrigin(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}/`
  } catch {
    return undefined
  }
}

export function isFileUrl(url: string): boolean {
  return /^file:\/\//i.test(url)
}

/** A comparable form of a remote URL: lower-case scheme and host, no trailing slash or `.git`. */
export function sameRemote(a: string, b: string): boolean {
  const norm = (u: string) =>
    u
      .trim()
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
      .replace(/^[a-z]+:\/\/[^/]+/i, (m) => m.toLowerCase())
  return norm(a) === norm(b)
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

/**
 * Whether an inline URL names a git repository: scp-like, ssh/git/file, an https URL ending in
 * `.git`, or `https://host/owner/repo` (two segments, no extension; anything else is a file).
 */
export function isGitUrl(url: string): boolean {
  if (isScpLike(url)) return true
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  if (scheme === 'ssh' || scheme === 'git' || scheme === 'file') return true
  if (scheme !== 'http' && scheme !== 'https') return false
  if (/\.git\/?$/.test(url)) return true
  if (isArchiveUrl(url)) return false
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean)
    const last = segments.at(-1) ?? ''
    return segments.length >= 2 && !last.includes('.')
  } catch {
    return false
  }
}
