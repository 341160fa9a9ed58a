import { SpecError, type SourceLocation } from '../util/errors.js'
import type { Redactor } from './redactor.js'
import { normaliseSecretName, parseSecretValue, type Secret } from './secret.js'

export interface SecretStoreOptions {
  /** The `secrets` input, parsed: name → value. */
  input?: Record<string, unknown>
  env: Record<string, string | undefined>
  redactor: Redactor
  warn: (message: string) => void
}

/**
 * Looks secret names up as the contract says: the `secrets` input by exact then normalised name,
 * then environment variables the same two ways. Every value is masked the moment it is read.
 */
export class SecretStore {
  private readonly cache = new Map<string, Secret | undefined>()
  constructor(private readonly options: SecretStoreOptions) {}

  /** The names tried, in order, for messages. */
  static candidates(name: string): string[] {
    const norm = normaliseSecretName(name)
    return norm === name ? [name] : [name, norm]
  }

  find(name: string): Secret | undefined {
    if (this.cache.has(name)) return this.cache.get(name)
    const found = this.lookup(name)
    if (found) this.protect(found)
    this.cache.set(name, found)
    return found
  }

  /**
   * The secret or a SpecError naming who needed it and every name tried — never a value.
   * `what` reads like `connection "repo-test"`.
   */
  require(name: string, what: string, location?: SourceLocation): Secret {
    const found = this.find(name)
    if (found) return found
    const tried = SecretStore.candidates(name)
      .map((n) => `"${n}"`)
      .join(', ')
    const where = this.options.input ? 'the `secrets` input, then environment variables' : 'environment variables (the `secrets` input is empty)'
    throw new SpecError(
      `secret "${name}" for ${what} not found: tried ${tried} in ${where}. ` +
        'Pass repository secrets with `secrets: ${{ toJSON(secrets) }}`, or locally with --secrets-file.',
      location
    )
  }

  private lookup(name: string): Secret | undefined {
    const { input, env } = this.options
    for (const candidate of SecretStore.candidates(name)) {
      const v = input?.[candidate]
      if (v !== undefined && v !== null && v !== '') {
        const raw = typeof v === 'string' ? v : JSON.stringify(v)
        return this.build(candidate, 'secrets input', raw)
      }
    }
    for (const candidate of SecretStore.candidates(name)) {
      const v = env[candidate]
      if (v !== undefined && v !== '') return this.build(candidate, 'environment', v)
    }
    return undefined
  }

  private build(name: string, foundIn: Secret['foundIn'], raw: string): Secret {
    const fields = parseSecretValue(raw)
    return fields ? { name, foundIn, raw, fields } : { name, foundIn, raw }
  }

  private protect(secret: Secret): void {
    const { redactor, warn } = this.options
    const values = secret.fields ? Object.entries(secret.fields) : [['', secret.raw] as const]
    redactor.add(secret.raw)
    for (const [key, value] of values) {
      if (value === '') continue
      if (!redactor.add(value)) {
        const which = key ? `key "${key}" of secret "${secret.name}"` : `secret "${secret.name}"`
        warn(`${which} is only ${value.length} characters long: too short to mask in logs safely. Use a longer value.`)
      }
    }
  }
}
