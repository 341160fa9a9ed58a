import { isScpLike } from '../../util/urls.js'

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

export function isSshUrl(url: string): boolean {
  return isScpLike(url) || /^ssh:\/\//i.test(url)
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
