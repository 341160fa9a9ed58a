import * as nodePath from 'node:path'

const SCP_LIKE = /^[A-Za-z0-9._~-]+@[A-Za-z0-9.-]+:(?!\/\/)[^\s]+$/
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz|zip)$/i

export function isScpLike(url: string): boolean {
  return SCP_LIKE.test(url)
}

/** `git@host:path` or `ssh://…`: a git URL reached over ssh. */
export function isSshUrl(url: string): boolean {
  return isScpLike(url) || /^ssh:\/\//i.test(url)
}

/** The host (with a non-default port) of a URL or of `git@host:path`, in lower case. */
export function hostOf(url: string): string | undefined {
  if (isScpLike(url)) return url.slice(url.indexOf('@') + 1, url.indexOf(':')).toLowerCase()
  try {
    return new URL(url).host.toLowerCase() || undefined
  } catch {
    return undefined
  }
}

export function isArchiveUrl(url: string): boolean {
  try {
    return ARCHIVE.test(new URL(url).pathname)
  } catch {
    return ARCHIVE.test(url)
  }
}

const SCHEME_URL = /^[a-z][a-z0-9+.-]*:\/\//i

/**
 * The URL without user:password, query or fragment: the form that outputs, logs, the summary and
 * the lock file show. Every query is treated as a credential (a signed URL's signature is one,
 * and so may be any parameter a server chose to authorise by), whatever its keys are called.
 */
export function publicUrl(url: string): string {
  if (isScpLike(url) || !SCHEME_URL.test(url)) return url
  try {
    const u = new URL(url)
    if (u.password) u.password = ''
    if (u.username && u.protocol.startsWith('http')) u.username = ''
    u.search = ''
    u.hash = ''
    return u.toString()
  } catch {
    return withoutQuery(url)
  }
}

/** `scheme://host/path?query#fragment` → `scheme://host/path`; other strings are left as they are. */
export function withoutQuery(url: string): string {
  return SCHEME_URL.test(url) ? url.replace(/[?#].*$/s, '') : url
}

/** A default source name from a URL: its last path segment without `.git` or an archive ending; never its query. */
export function nameFromUrl(url: string): string {
  const path = isScpLike(url) ? url.slice(url.indexOf(':') + 1) : withoutQuery(url).replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
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
