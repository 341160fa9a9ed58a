import * as nodePath from 'node:path'

const SCP_LIKE = /^[A-Za-z0-9._~-]+@[A-Za-z0-9.-]+:(?!\/\/)[^\s]+$/
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz|zip)$/i

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
