import type { SecretHandle } from '../runspec/model.js'

/**
 * A secret is handed around as a handle (its name and where it was found); the value itself is
 * kept here and only the readers of `connections/` take it out, turning it into the typed
 * credential a kind needs and masking every form they derive from it. Nothing outside this folder
 * imports this module (an ESLint rule says so), so no other code can read a secret value.
 */
interface SecretValue {
  raw: string
  /** Present when the value is a JSON object or `KEY=VALUE` lines. */
  fields?: Record<string, string>
  /** Masks a value derived from the secret (a base64 header, a signature) in every output. */
  mask(derived: string): void
}

const values = new WeakMap<SecretHandle, SecretValue>()

export type FoundIn = 'secrets input' | 'environment' | 'token input' | 'input'

class Secret implements SecretHandle {
  constructor(
    readonly name: string,
    readonly foundIn: FoundIn
  ) {}
}

/** A handle for `raw`; `mask` registers derived forms with the run's redactor. */
export function createSecret(name: string, foundIn: FoundIn, raw: string, mask: (derived: string) => void = () => undefined): SecretHandle {
  const handle = new Secret(name, foundIn)
  const fields = parseSecretValue(raw)
  values.set(handle, { raw, ...(fields ? { fields } : {}), mask })
  return handle
}

/** The value behind a handle (only for readers in this folder). */
export function valueOf(handle: SecretHandle): SecretValue {
  const v = values.get(handle)
  if (!v) throw new Error(`secret "${handle.name}" was not made by connections/`)
  return v
}

/**
 * A handle with the same name for part of a secret: a single string (one key picked out, `user:`
 * prepended), read as a single string whatever it looks like, or a subset of its keys.
 */
export function deriveSecret(handle: SecretHandle, part: string | { fields: Record<string, string> }): SecretHandle {
  const from = valueOf(handle)
  const derived = new Secret(handle.name, handle.foundIn as FoundIn)
  values.set(derived, typeof part === 'string' ? { raw: part, mask: from.mask } : { raw: from.raw, fields: part.fields, mask: from.mask })
  return derived
}

const KEY_VALUE_LINE = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/

/**
 * Reads a secret value in the contract's formats: a JSON object, `KEY=VALUE` lines (a
 * Kubernetes-style secret), or a single string that the connection's kind interprets.
 */
export function parseSecretValue(raw: string): Record<string, string> | undefined {
  const text = raw.trim()
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const fields: Record<string, string> = {}
        for (const [k, v] of Object.entries(parsed)) {
          fields[k] = typeof v === 'string' ? v : JSON.stringify(v)
        }
        return fields
      }
    } catch {
      // Not JSON: treated as a single string.
    }
    return undefined
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  if (lines.length === 0) return undefined
  const matches = lines.map((l) => KEY_VALUE_LINE.exec(l.trim()))
  if (matches.some((m) => m === null)) return undefined
  // A lone base64 token ("abc123==") looks like KEY=VALUE with an empty or '=' value.
  if (lines.length === 1 && /^=*$/.test(matches[0]![2]!)) return undefined
  const fields: Record<string, string> = {}
  for (const m of matches) fields[m![1]!] = unquote(m![2]!)
  return fields
}

function unquote(value: string): string {
  const v = value.trim()
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.at(-1) === v[0]) return v.slice(1, -1)
  return v
}

/** `gitlab-connection` → `GITLAB_CONNECTION`: how secret names look in GitHub and in env vars. */
export function normaliseSecretName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_')
}

/** One field of a secret, trying the exact key then the normalised one. */
export function secretField(secret: SecretHandle | undefined, ...keys: string[]): string | undefined {
  if (!secret) return undefined
  const fields = valueOf(secret).fields
  if (!fields) return undefined
  for (const key of keys) {
    const v = fields[key] ?? fields[normaliseSecretName(key)]
    if (v !== undefined && v !== '') return v
  }
  return undefined
}

/** The keys of a secret with keys (never their values), for messages. */
export function secretKeys(secret: SecretHandle): string[] | undefined {
  const fields = valueOf(secret).fields
  return fields ? Object.keys(fields) : undefined
}

/** The password of a `user:password` value: quoted alone (a server echoing it, a URL) it must be masked too. */
export function passwordHalf(value: string): string | undefined {
  const v = value.trim()
  return /^[^\s:]+:\S+$/.test(v) ? v.slice(v.indexOf(':') + 1) : undefined
}
