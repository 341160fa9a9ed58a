import { availableParallelism } from 'node:os'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { GitCredential } from '../../connections/git.js'
import type { GitSource } from './source.js'
import { connectProxyOption } from './connect-proxy.js'
import { GITHUB_KNOWN_HOSTS } from './known-hosts.js'
import { hostOf, isSshUrl } from '../../util/urls.js'
import { httpOrigin, isFileUrl } from './url.js'
import { shellQuote, writeHelper } from './credential-helper.js'

/**
 * The user name a bare token goes with: GitHub takes `x-access-token`, GitLab `oauth2`; other
 * servers accept any name with a token, so GitHub's is used.
 */
export function tokenUser(url: string, provider: GitSource['provider'], serverUrl: string): string {
  if (provider?.type === 'gitlab') return 'oauth2'
  if (provider?.type === 'github') return 'x-access-token'
  const host = hostOf(url)
  if (host && host === hostOf(serverUrl)) return 'x-access-token'
  if (host && /(^|\.)gitlab\./.test(host)) return 'oauth2'
  return 'x-access-token'
}

/** One credential and the repository URL it was given for. */
export interface ScopedCredential {
  url: string
  credential: GitCredential
}

export interface GitAuth {
  /** Environment for every git process of the source (GIT_CONFIG_* and GIT_SSH_COMMAND): never argv. */
  env: Record<string, string>
  /** `[key, value]` config pairs with credentials, for `persist-credentials`. */
  persistable: Array<[string, string]>
  /** Where the key, known_hosts and credential files live (0700); removed after the source unless persisted. */
  dir: string
  /** For log lines: which credentials are in use (names only). */
  summary: string[]
}

/** `protocol.allow`: git itself refuses ext::, fd:: and every transport we do not list. */
export function protocolConfig(url: string): Array<[string, string]> {
  return [
    ['protocol.version', '2'],
    ['protocol.allow', 'never'],
    ['protocol.https.allow', 'always'],
    ['protocol.http.allow', 'always'],
    ['protocol.ssh.allow', 'always'],
    ['protocol.git.allow', 'always'],
    // A file:// superproject may have file:// submodules (tests, mirrors); a remote one may not.
    ['protocol.file.allow', isFileUrl(url) ? 'always' : 'never'],
    // No credential helper and no askpass: a wrong secret fails at once instead of prompting.
    ['credential.helper', ''],
    // A checkout left by an earlier job is not trusted: whatever its config or `.git/hooks` say,
    // git runs no hook and no fsmonitor daemon for us (see reuse.ts for the rest of its config).
    ['core.hooksPath', '/dev/null'],
    ['core.fsmonitor', 'false'],
    // Fetches of a fresh checkout need no housekeeping afterwards (one process less).
    ['maintenance.auto', 'false'],
    ['gc.auto', '0'],
    ['core.askPass', ''],
    // Parallel checkout (git ≥ 2.32; older versions ignore it): writing files overlaps inflating
    // blobs. Measured on 2 cores and 20,000 files: 1 worker 615 ms, 2 (the "auto" value) 575 ms,
    // 4 workers 470 ms, 8 no better. Git only uses workers from 100 files up.
    ['checkout.workers', String(checkoutWorkers())]
  ]
}

function checkoutWorkers(): number {
  return Math.min(16, Math.max(4, 2 * availableParallelism()))
}

/**
 * Builds the environment that carries `credentials` to git. The first credential is the source's
 * own; the others (other git sources of the spec, the `token` input) serve submodules on their
 * hosts. HTTP credentials are answered by a credential helper scoped to their origin (scheme, host
 * and port; see credential-helper.ts), so git never sends one to another origin, not even after a
 * redirect; SSH keys go to a 0600 file used with strict host key checking.
 */
export async function buildAuth(opts: {
  url: string
  credentials: ScopedCredential[]
  knownHosts: string[]
  dir: string
  proxy?: GitSource['proxy']
  /** `ssh-strict: false`: an unknown host key is accepted (and remembered for the run), a changed one never. */
  acceptNewHostKeys?: boolean
  /** `set-safe-directory`: directories git may work in whoever owns them (command scope, never ~/.gitconfig). */
  safeDirectories?: string[]
}): Promise<GitAuth> {
  const config: Array<[string, string]> = protocolConfig(opts.url)
  for (const dir of opts.safeDirectories ?? []) config.push(['safe.directory', dir])
  const persistable: Array<[string, string]> = []
  const summary: string[] = []
  const env: Record<string, string> = {}
  await fs.mkdir(opts.dir, { recursive: true, mode: 0o700 })

  const claimed = new Set<string>()
  const keys: string[] = []
  const knownHosts = [...opts.knownHosts]
  for (const { url, credential } of opts.credentials) {
    if (credential.kind === 'basic') {
      const origin = httpOrigin(url)
      if (!origin || claimed.has(origin)) continue
      claimed.add(origin)
      let helper: string
      try {
        helper = (await writeHelper(opts.dir, url, credential.user, credential.password)).helper
      } catch (e) {
        throw new Error(`${credential.from}: ${(e as Error).message}`)
      }
      // The empty value first: for this origin, no helper of the runner's or a repository's
      // config answers, only ours.
      const entries: Array<[string, string]> = [
        [`credential.${origin}.helper`, ''],
        [`credential.${origin}.helper`, helper]
      ]
      config.push(...entries)
      persistable.push(...entries)
      summary.push(`${credential.from} for ${origin}`)
    } else {
      if (!isSshUrl(url)) continue
      const file = path.join(opts.dir, `key-${randomBytes(4).toString('hex')}`)
      await fs.writeFile(file, credential.key, { mode: 0o600 })
      keys.push(file)
      if (credential.knownHosts) knownHosts.push(credential.knownHosts)
      summary.push(`SSH key from ${credential.from}`)
    }
  }

  if (isSshUrl(opts.url) || keys.length) {
    const knownHostsFile = path.join(opts.dir, 'known_hosts')
    await fs.writeFile(knownHostsFile, [GITHUB_KNOWN_HOSTS, ...knownHosts].map((t) => t.trim()).join('\n') + '\n', { mode: 0o600 })
    const parts = [
      'ssh',
      '-o BatchMode=yes',
      // As actions/checkout: its known hosts (the input's, the runner user's, github.com's) in the
      // user file, the system's own file left as ssh reads it, `CheckHostIP=no`.
      `-o StrictHostKeyChecking=${opts.acceptNewHostKeys ? 'accept-new' : 'yes'}`,
      '-o CheckHostIP=no',
      `-o UserKnownHostsFile=${shellQuote(knownHostsFile)}`,
      // A dead connection fails (and is retried) instead of hanging the job.
      '-o ConnectTimeout=30',
      '-o ServerAliveInterval=15',
      '-o ServerAliveCountMax=4',
      ...(keys.length ? ['-o IdentitiesOnly=yes', ...keys.map((k) => `-i ${shellQuote(k)}`)] : []),
      // ADS's `ssh_proxy`: the connection goes through that HTTP CONNECT proxy.
      ...(opts.proxy?.ssh ? [await connectProxyOption(opts.dir, opts.proxy.ssh, shellQuote)] : [])
    ]
    env.GIT_SSH_COMMAND = parts.join(' ')
    // Only the command, which names files: the key itself never enters a config.
    persistable.push(['core.sshCommand', env.GIT_SSH_COMMAND])
  }

  // Proxies the spec sets for this clone (ADS runtime env) win over the runner's.
  if (opts.proxy?.http) env.http_proxy = opts.proxy.http
  if (opts.proxy?.https) env.https_proxy = opts.proxy.https
  if (opts.proxy?.noProxy) env.no_proxy = opts.proxy.noProxy

  return { env: withConfig(env, config), persistable, dir: opts.dir, summary }
}

/** A git config file body (for `persist-credentials`); values are quoted and escaped. */
export function configFileText(entries: Array<[string, string]>): string {
  const lines: string[] = []
  for (const [key, value] of entries) {
    const first = key.indexOf('.')
    const last = key.lastIndexOf('.')
    const section = key.slice(0, first)
    const sub = first === last ? undefined : key.slice(first + 1, last)
    const name = key.slice(last + 1)
    const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
    lines.push(sub === undefined ? `[${section}]` : `[${section} "${esc(sub)}"]`)
    lines.push(`\t${name} = "${esc(value)}"`)
  }
  return lines.join('\n') + '\n'
}

/** `env` with more GIT_CONFIG_* pairs after those it has. */
export function withConfig(env: Record<string, string>, pairs: Array<[string, string]>): Record<string, string> {
  const count = Number(env.GIT_CONFIG_COUNT ?? 0)
  const out: Record<string, string> = { ...env, GIT_CONFIG_COUNT: String(count + pairs.length) }
  pairs.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${count + i}`] = k
    out[`GIT_CONFIG_VALUE_${count + i}`] = v
  })
  return out
}
