import { SpecError, type SourceLocation } from '../util/errors.js'
import { didYouMean } from '../util/suggest.js'
import type { SecretHandle } from '../runspec/model.js'
import type { SecretRequest, SecretResolver } from '../runspec/sources.js'
import type { Redactor } from './redactor.js'
import { createSecret, deriveSecret, normaliseSecretName, passwordHalf, secretKeys, valueOf, type FoundIn } from './secret.js'

export interface SecretStoreOptions {
  /** The `secrets` input, parsed: name → value. */
  input?: Record<string, unknown>
  env: Record<string, string | undefined>
  redactor: Redactor
  warn: (message: string) => void
  /** The `token` input: the credential for https git URLs on the GitHub server's host. */
  token?: string
  /** Secrets given as action inputs themselves (`ssh-key`), by input name. */
  inputSecrets?: Record<string, string>
}

/**
 * Looks secret names up as the contract says: the `secrets` input by exact then normalised name,
 * then environment variables the same two ways. Every value of the `secrets` input is masked when
 * the store is made (used or not), every value found the moment it is read.
 */
export class SecretStore implements SecretResolver {
  private readonly cache = new Map<string, SecretHandle | undefined>()
  private readonly token?: SecretHandle
  private readonly inputs = new Map<string, SecretHandle>()

  constructor(private readonly options: SecretStoreOptions) {
    for (const v of inputValues(options.input ?? {})) {
      options.redactor.add(v)
      const password = passwordHalf(v)
      if (password) options.redactor.add(password)
    }
    if (options.token) {
      options.redactor.add(options.token)
      this.token = createSecret('the `token` input', 'token input', options.token, (d) => void options.redactor.add(d))
    }
    for (const [input, value] of Object.entries(options.inputSecrets ?? {})) {
      if (!value) continue
      const handle = createSecret(`the \`${input}\` input`, 'input', value, (d) => void options.redactor.add(d))
      this.protect(handle)
      this.inputs.set(input, handle)
    }
  }

  /**
   * Masks what is secret in a URL the spec names: its query and fragment (a signed URL's
   * signature and credential travel there), so even a message that quotes the URL is scrubbed.
   * Not announced to the runner: `::add-mask::` would print it, and the spec shows it anyway.
   */
  protectUrl(url: string): void {
    for (const part of urlSecrets(url)) this.options.redactor.add(part, false)
  }

  /** The names tried, in order, for messages. */
  static candidates(name: string): string[] {
    const norm = normaliseSecretName(name)
    return norm === name ? [name] : [name, norm]
  }

  /** The `token` input as a secret, when one was given. */
  serverToken(): SecretHandle | undefined {
    return this.token
  }

  /** A secret an action input holds itself (`ssh-key`); a SpecError when that input is empty. */
  fromInput(input: string): SecretHandle {
    const found = this.inputs.get(input)
    if (!found) throw new SpecError(`input \`${input}\` is empty`)
    return found
  }

  /** Whether a secret of that name exists (the `secrets` input, then the environment); masks it when it does. */
  has(name: string): boolean {
    return this.find(name) !== undefined
  }

  find(name: string): SecretHandle | undefined {
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
  require(name: string, what: string, location?: SourceLocation): SecretHandle {
    const found = this.find(name)
    if (found) return found
    const tried = SecretStore.candidates(name)
      .map((n) => `"${n}"`)
      .join(', ')
    const where = this.options.input ? 'the `secrets` input, then environment variables' : 'environment variables (the `secrets` input is empty)'
    // GitHub refuses repository secrets named GITHUB_*, so `{{ github_secret }}` (ZenML's docs)
    // can only arrive under a name the workflow maps to it.
    const reserved = normaliseSecretName(name).startsWith('GITHUB_')
      ? ` GitHub does not allow repository secrets named ${normaliseSecretName(name)}: store it under another name and map it, e.g. \`secrets: '{"${name}": \${{ toJSON(secrets.MY_${normaliseSecretName(name)}) }}}'\` (docs/dialects.md, ZenML).`
      : ''
    throw new SpecError(
      `secret "${name}" for ${what} not found: tried ${tried} in ${where}. ` +
        'Pass repository secrets with `secrets: ${{ toJSON(secrets) }}`, or locally with --secrets-file.' +
        reserved,
      location
    )
  }

  /**
   * A source's secret as its spec asks for it: only some keys (`items`), one key as the whole
   * value (ZenML `{{ name.key }}`), or the value as the password of `username` (Gradient).
   */
  resolve(request: SecretRequest): SecretHandle {
    const { name, what, location } = request
    let secret = this.require(name, what, location)
    const missing = (key: string, listed: string): SpecError =>
      new SpecError(`secret "${name}" for ${what} has no key "${key}"${listed}${didYouMean(key, secretKeys(secret) ?? [])}`, location)
    if (request.items?.length) {
      const fields: Record<string, string> = {}
      for (const item of request.items) {
        const v = valueOf(secret).fields?.[item]
        if (v === undefined) throw missing(item, ' (listed in `items`)')
        fields[item] = v
      }
      secret = deriveSecret(secret, { fields })
    }
    if (request.key !== undefined) {
      const v = valueOf(secret).fields?.[request.key]
      if (v === undefined) throw missing(request.key, '')
      secret = deriveSecret(secret, v)
    }
    if (request.username !== undefined) secret = deriveSecret(secret, `${request.username}:${valueOf(secret).raw}`)
    return secret
  }

  private lookup(name: string): SecretHandle | undefined {
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

  private build(name: string, foundIn: FoundIn, raw: string): SecretHandle {
    return createSecret(name, foundIn, raw, (d) => void this.options.redactor.add(d))
  }

  private protect(secret: SecretHandle): void {
    const { redactor, warn } = this.options
    const { raw, fields } = valueOf(secret)
    const values = fields ? Object.entries(fields) : [['', raw] as const]
    redactor.add(raw)
    for (const [key, value] of values) {
      if (value === '') continue
      const password = passwordHalf(value)
      if (password) redactor.add(password)
      if (!redactor.add(value)) {
        const which = key ? `key "${key}" of secret "${secret.name}"` : `secret "${secret.name}"`
        warn(`${which} is only ${value.length} characters long: too short to mask in logs safely. Use a longer value.`)
      }
    }
  }
}

/**
 * Every string of the `secrets` input, nested objects and lists included, and every number of
 * four digits or more (a PIN, an account id): a secret's type does not make it less secret.
 * Booleans and short numbers are not masked: `true` or `12` would garble every log line.
 */
function inputValues(input: Record<string, unknown>): string[] {
  const out: string[] = []
  // A stack, not recursion: a deeply nested value cannot overflow it.
  const stack: unknown[] = Object.values(input)
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'string') out.push(v)
    else if (typeof v === 'number' && String(v).replace(/\D/g, '').length >= 4) out.push(String(v))
    else if (Array.isArray(v)) for (const x of v as unknown[]) stack.push(x)
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push(x)
  }
  return out
}

/**
 * Below this, a query value is not masked on its own (`true`, `json`, an expiry in seconds are
 * not credentials, and masking them would garble unrelated log text); the whole query still is.
 */
const MIN_QUERY_VALUE = 12

/** The query and fragment of a URL, whole, and each query value long enough to be a credential, as written and decoded. */
export function urlSecrets(url: string): string[] {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^?#]*(?:\?([^#]*))?(?:#(.*))?$/is.exec(url.trim())
  if (!m) return []
  const [, query = '', fragment = ''] = m
  const parts = [query, fragment]
  for (const pair of query.split('&')) {
    const value = pair.slice(pair.indexOf('=') + 1)
    if (value.length < MIN_QUERY_VALUE) continue
    parts.push(value)
    try {
      parts.push(decodeURIComponent(value.replace(/\+/g, ' ')))
    } catch {
      // Not percent-encoding: the value as written is masked already.
    }
  }
  return parts.filter((p) => p !== '')
}
