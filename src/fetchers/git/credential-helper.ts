import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'

/** Quotes a string for a POSIX shell: the one way anything is put into a shell snippet here. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`
}

/**
 * The `host` values git may name one origin by in a credential request: `host[:port]` as the URL
 * has it, and with the scheme's default port spelt out (`https://h:443/` is the origin `https://h/`).
 */
function hostForms(origin: URL): string[] {
  const host = origin.host.toLowerCase()
  if (origin.port) return [host]
  const port = origin.protocol === 'https:' ? '443' : '80'
  return [host, `${host}:${port}`]
}

/**
 * A git credential helper for exactly one origin (scheme, host and port), written as the value of
 * `credential.<origin>.helper`.
 *
 * Git asks helpers per request URL, and after a redirect it resets what it knows and asks again
 * for the new URL (`credential_from_url` on the redirected base in http.c); curl itself never
 * sends credentials it was given for one host to another. So a helper that answers only for its
 * own origin means a credential can never reach another origin, whatever the server redirects to.
 * The snippet holds no secret: it names a 0600 file holding `username=…`/`password=…`, so the
 * secret is in no argument, no environment variable (which every hook and filter git starts
 * would inherit) and no `.git/config`.
 */
export async function writeHelper(dir: string, url: string, user: string, password: string): Promise<{ origin: string; helper: string }> {
  const u = new URL(url)
  for (const [what, v] of [
    ['user name', user],
    ['password', password]
  ] as const) {
    // Git's credential protocol is line based: a line break would let a value add attributes.
    if (/[\r\n\0]/.test(v)) throw new Error(`the ${what} contains a line break or NUL, which git credentials cannot carry`)
  }
  const file = path.join(dir, `credential-${randomBytes(4).toString('hex')}`)
  await fs.writeFile(file, `username=${user}\npassword=${password}\n`, { mode: 0o600 })
  const scheme = u.protocol.replace(/:$/, '')
  const hosts = hostForms(u)
    .map((h) => `${shellQuote(h)}) cat ${shellQuote(file)};;`)
    .join(' ')
  // `get` only; `store` and `erase` are no-ops. Host names compare case-insensitively.
  const script =
    'f() { test "$1" = get || exit 0; p=; h=; ' +
    'while IFS= read -r l && test -n "$l"; do case "$l" in protocol=*) p=${l#protocol=};; host=*) h=${l#host=};; esac; done; ' +
    `test "$p" = ${shellQuote(scheme)} || exit 0; ` +
    `case "$(printf %s "$h" | tr A-Z a-z)" in ${hosts} esac; }; f`
  return { origin: `${u.protocol}//${u.host}/`, helper: `!${script}` }
}
