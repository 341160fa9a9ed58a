/** A secret found for a connection: the raw value and, when it has keys, its fields. */
export interface Secret {
  /** The name it was found under (not necessarily the name asked for). */
  name: string
  foundIn: 'secrets input' | 'environment'
  raw: string
  /** Present when the value is a JSON object or `KEY=VALUE` lines. */
  fields?: Record<string, string>
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
export function secretField(secret: Secret | undefined, ...keys: string[]): string | undefined {
  if (!secret?.fields) return undefined
  for (const key of keys) {
    const v = secret.fields[key] ?? secret.fields[normaliseSecretName(key)]
    if (v !== undefined && v !== '') return v
  }
  return undefined
}
