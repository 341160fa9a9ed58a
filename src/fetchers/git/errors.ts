import { FetchError } from '../../util/errors.js'
import { GitCommandError } from './git.js'

interface Classified {
  permanent: boolean
  message: string
}

const RULES: Array<{ test: RegExp; permanent: boolean; say: (ctx: ErrorContext) => string }> = [
  {
    test: /Authentication failed|could not read (Username|Password)|HTTP (401|403)|returned error: 40[13]|terminal prompts disabled|Invalid username or password/i,
    permanent: true,
    say: (c) =>
      `authentication to ${c.url} failed: ${c.credentials ? `the server refused ${c.credentials} — check that it holds a valid token, user:password or key with read access` : 'no credentials are configured for it — give the connection a `secret:` (or the `token` input for this server)'}`
  },
  {
    test: /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No [A-Z0-9-]+ host key is known/i,
    permanent: true,
    say: (c) =>
      `the SSH host key of ${c.url} is not trusted (host key verification failed): add the server's key to the \`ssh-known-hosts\` input, the connection's \`schema.knownHosts\` or the secret key KNOWN_HOSTS (\`ssh-keyscan -p PORT HOST\` prints it; check it out of band)`
  },
  {
    test: /Permission denied \(publickey|Load key .*: (invalid format|bad permissions)/i,
    permanent: true,
    say: (c) => `the SSH server of ${c.url} refused ${c.credentials ?? "our key (no SSH key is configured: put one in the connection's secret)"}`
  },
  {
    test: /detected dubious ownership/i,
    permanent: true,
    say: (c) =>
      `git refuses to work in the checkout at the destination of ${c.source}: another user owns it (a container job?). Set \`set-safe-directory: true\` (the action's default) to let fetch-sources' own git commands work there`
  },
  {
    test: /transport '?[\w+-]+'? not allowed|unsupported URL protocol|Unable to find remote helper/i,
    permanent: true,
    say: (c) => `git refused the transport of ${c.url} or of a submodule: only https, http, ssh, git and file are allowed (${c.detail})`
  },
  {
    test: /Repository not found|repository '.*' not found|does not appear to be a git repository|not found: did you run git update-server-info|HTTP 404|returned error: 404/i,
    permanent: true,
    say: (c) => `repository ${c.url} not found (or ${c.credentials ? `${c.credentials} cannot see it` : 'it is private and no credentials are configured'})`
  },
  {
    test: /couldn't find remote ref|not our ref|no such remote ref|unadvertised object|Server does not allow request for unadvertised object/i,
    permanent: true,
    say: (c) => `the server has no ${c.revision ? `revision "${c.revision}"` : 'such revision'} for ${c.url} (${c.detail})`
  },
  {
    // git follows a redirect only on its first request; a later one answered with a redirect
    // (typically after authenticating) is not followed, and credentials never go along with it.
    test: /RPC failed; HTTP 30[0-8]|returned error: 30[0-8]/i,
    permanent: true,
    say: (c) =>
      `${c.url} answered git with a redirect, which fetch-sources does not follow once authenticated (credentials are never sent to another origin): put the URL the repository really lives at in the spec (${c.detail})`
  },
  {
    test: /Operation too slow|Could not resolve host|Connection refused|Connection timed out|Operation timed out|RPC failed|early EOF|remote end hung up|Connection reset|HTTP 5\d\d|returned error: 5\d\d|TLS|SSL_ERROR|gnutls|unexpected disconnect|index-pack failed/i,
    permanent: false,
    say: (c) => `network error talking to ${c.url}: ${c.detail}`
  }
]

export interface ErrorContext {
  source: string
  url: string
  revision?: string
  /** Which secret was used, by name only. */
  credentials?: string
  detail: string
}

export function classify(stderr: string, ctx: Omit<ErrorContext, 'detail'>): Classified {
  // The ssh proxy command (ADS `ssh_proxy`) says why the tunnel failed before ssh's own lines.
  const proxy = /^ssh_proxy (\S+): (.+)$/m.exec(stderr)
  if (proxy) {
    const refused = proxy[2]!.startsWith('refused the tunnel')
    return { permanent: refused, message: `the ssh proxy ${proxy[1]} for ${ctx.url}: ${proxy[2]} (ssh_proxy of the runtime's env)` }
  }
  const detail = stderr
    .split(/[\r\n]+/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(hint|remote: Counting|remote: Compressing|Receiving|Resolving)/.test(l))
    .slice(-3)
    .join(' | ')
  for (const rule of RULES) if (rule.test.test(stderr)) return { permanent: rule.permanent, message: rule.say({ ...ctx, detail }) }
  return { permanent: true, message: `git failed for ${ctx.url}: ${detail || 'no output'}` }
}

/** Turns a failed git command into a FetchError that says what to do; anything else passes through. */
export function gitFailure(error: unknown, ctx: Omit<ErrorContext, 'detail'>): unknown {
  if (!(error instanceof GitCommandError)) return error
  const c = classify(error.stderr, ctx)
  const e = new FetchError(ctx.source, c.message, { cause: error, permanent: c.permanent })
  return Object.assign(e, { transient: !c.permanent })
}
