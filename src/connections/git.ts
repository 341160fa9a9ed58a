import type { SecretHandle } from '../runspec/model.js'
import { secretField, secretKeys, valueOf } from './secret.js'

/**
 * What one secret means for git: `user:password` (or a token with the kind's user name) sent as
 * an HTTP basic header, or an SSH private key with optional known_hosts lines.
 */
export type GitCredential =
  | {
      kind: 'basic'
      user: string
      password: string
      from: string
    }
  | { kind: 'ssh'; key: string; knownHosts?: string; from: string }

const KEY_FIELDS = ['SSH_PRIVATE_KEY', 'ssh-privatekey', 'ssh_private_key', 'PRIVATE_KEY', 'id_rsa', 'id_ed25519', 'id_ecdsa']
const TOKEN_FIELDS = ['POLYAXON_GIT_CREDENTIALS', 'GIT_CREDENTIALS', 'TOKEN', 'GIT_TOKEN', 'GITHUB_TOKEN', 'GITLAB_TOKEN', 'ACCESS_TOKEN', 'PASSWORD']
const USER_FIELDS = ['USERNAME', 'USER', 'GIT_USERNAME']
const KNOWN_HOSTS_FIELDS = ['KNOWN_HOSTS', 'known_hosts', 'ssh-known-hosts']

function basic(user: string, password: string, from: string, mask: (d: string) => void): GitCredential {
  // The raw secret is masked already; the password alone and the basic-auth form git's HTTP layer
  // sends (which a GIT_TRACE_CURL log would show) are new strings.
  mask(password)
  mask(Buffer.from(`${user}:${password}`, 'utf8').toString('base64'))
  return { kind: 'basic', user, password, from }
}

function fromString(value: string, defaultUser: string, from: string, mask: (d: string) => void): GitCredential {
  const v = value.trim()
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(v)) return { kind: 'ssh', key: v.endsWith('\n') ? v : `${v}\n`, from }
  const colon = v.indexOf(':')
  // `user:password` (Polyaxon's POLYAXON_GIT_CREDENTIALS form) or a bare token.
  if (colon > 0 && !/\s/.test(v)) return basic(v.slice(0, colon), v.slice(colon + 1), from, mask)
  return basic(defaultUser, v, from, mask)
}

/** Where a credential came from, for log lines and errors (a name, never a value). */
export function credentialOrigin(secret: SecretHandle): string {
  // Secrets held by an input are named after it (`the \`ssh-key\` input`).
  return secret.foundIn === 'token input' || secret.foundIn === 'input' ? secret.name : `secret "${secret.name}"`
}

/** Reads a git secret: a JSON/KEY=VALUE secret's fields, or a single token, `user:password` or SSH key. */
export function gitCredential(secret: SecretHandle, defaultUser: string): GitCredential {
  const from = credentialOrigin(secret)
  const { raw, fields, mask } = valueOf(secret)
  if (fields) {
    const key = secretField(secret, ...KEY_FIELDS)
    const knownHosts = secretField(secret, ...KNOWN_HOSTS_FIELDS)
    if (key) return { ...(fromString(key, defaultUser, from, mask) as Extract<GitCredential, { kind: 'ssh' }>), ...(knownHosts ? { knownHosts } : {}) }
    const token = secretField(secret, ...TOKEN_FIELDS)
    if (token) {
      const user = secretField(secret, ...USER_FIELDS)
      const cred = fromString(token, defaultUser, from, mask)
      return user && cred.kind === 'basic' ? basic(user, cred.password, from, mask) : cred
    }
    throw new Error(
      `${from} has none of the keys git reads (${[...TOKEN_FIELDS, ...KEY_FIELDS].join(', ')}); it has: ${secretKeys(secret)!.join(', ') || 'no keys'}`
    )
  }
  return fromString(raw, defaultUser, from, mask)
}
