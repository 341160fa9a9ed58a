import { GitCommandError, type Git } from './git.js'
import { httpOrigin } from './url.js'

/** The repository's server sent git to another origin (scheme, host or port). */
export class CrossOriginRedirect extends Error {
  override name = 'CrossOriginRedirect'
  constructor(
    readonly from: string,
    readonly to: string
  ) {
    super(
      `${from} redirected git to ${to}, another origin: fetch-sources does not fetch from an origin the spec does not name, and a credential for ${from} is never sent to ${to} — if the repository really moved, put its new URL in the spec`
    )
  }
}

/**
 * What git's stderr names as the place it talked to, when that is not `url`'s origin: the
 * `warning: redirecting to URL` line of a redirected first request, or the URL a credential was
 * asked for (a redirect to a server that wants one: our helper does not answer for it).
 */
export function foreignOrigin(stderr: string, url: string): string | undefined {
  const own = httpOrigin(url)
  if (!own) return undefined
  for (const m of stderr.matchAll(/redirecting to (\S+)|could not read (?:Username|Password) for '([^']+)'|Authentication failed for '([^']+)'/g)) {
    const origin = httpOrigin(m[1] ?? m[2] ?? m[3] ?? '')
    if (origin && origin !== own) return origin
  }
  return undefined
}

/**
 * `git` for the commands that talk to the source's own remote (ls-remote, fetch): each one's
 * output is checked, failed or not, and a redirect to another origin fails the source by name.
 * Submodules and LFS, which have URLs of their own, use the plain `git`.
 */
export function watchRedirects(git: Git, url: string): Git {
  const from = httpOrigin(url)
  if (!from) return git
  const check = (stderr: string) => {
    const to = foreignOrigin(stderr, url)
    if (to) throw new CrossOriginRedirect(from, to)
  }
  const watched = Object.create(git) as Git
  watched.exec = async (args, options) => {
    try {
      const out = await git.exec(args, options)
      check(out.stderr)
      return out
    } catch (e) {
      if (e instanceof GitCommandError) check(e.stderr)
      throw e
    }
  }
  return watched
}
