import * as fs from 'node:fs/promises'
import type { SecretHandle } from '../runspec/model.js'
import { FetchError } from '../util/errors.js'
import { secretField, valueOf } from './secret.js'

/** How requests are authorised. `none` is for emulators reached through a custom endpoint. */
export type GcsAuth =
  { type: 'key'; credentials: ServiceAccountKey; from: string } | { type: 'token'; token: string; from: string } | { type: 'default' } | { type: 'none' }

export interface ServiceAccountKey {
  type: string
  client_email: string
  private_key: string
  project_id?: string
  [key: string]: unknown
}

function parseKey(source: string, text: string, from: string): ServiceAccountKey {
  let key: unknown
  try {
    key = JSON.parse(text)
  } catch {
    // The parser's message may quote the key: say only where it came from.
    throw new FetchError(source, `${from} is not valid JSON: it should be a service-account key file's content`, { permanent: true })
  }
  const k = key as Partial<ServiceAccountKey>
  if (!k || typeof k !== 'object' || typeof k.type !== 'string')
    throw new FetchError(source, `${from} is not a Google credentials JSON (no "type")`, { permanent: true })
  if (k.type === 'service_account' && (typeof k.client_email !== 'string' || typeof k.private_key !== 'string')) {
    throw new FetchError(source, `${from} is a service-account key without client_email/private_key`, { permanent: true })
  }
  return k as ServiceAccountKey
}

/**
 * The contract's gcs secret formats: the raw value is a service-account JSON key; or fields
 * `GC_KEYFILE_DICT` (the key as JSON), `GC_KEY_PATH` (a key file), `GOOGLE_OAUTH_ACCESS_TOKEN` (what
 * google-github-actions/auth gives with `token_format: access_token`). No secret: the SDK's default
 * chain (Application Default Credentials), or no auth at all against an emulator endpoint.
 */
export async function gcsAuth(source: string, secret: SecretHandle | undefined, customEndpoint: boolean): Promise<GcsAuth> {
  if (!secret) return customEndpoint ? { type: 'none' } : { type: 'default' }
  const where = `secret "${secret.name}"`
  // The whole value is a credentials JSON: a service-account key, or a workload identity federation config.
  const { raw, fields, mask } = valueOf(secret)
  if (fields?.type !== undefined && raw.trim().startsWith('{')) return { type: 'key', credentials: parseKey(source, raw, where), from: where }
  const dict = secretField(secret, 'GC_KEYFILE_DICT', 'GOOGLE_CREDENTIALS', 'GCP_CREDENTIALS')
  if (dict) return { type: 'key', credentials: parseKey(source, dict, `${where} key GC_KEYFILE_DICT`), from: where }
  const keyPath = secretField(secret, 'GC_KEY_PATH', 'GOOGLE_APPLICATION_CREDENTIALS')
  if (keyPath) {
    const text = await fs.readFile(keyPath, 'utf8').catch(() => {
      throw new FetchError(source, `cannot read the key file named by ${where} key GC_KEY_PATH`, { permanent: true })
    })
    return { type: 'key', credentials: parseKey(source, text, `the key file named by ${where}`), from: where }
  }
  const token = secretField(secret, 'GOOGLE_OAUTH_ACCESS_TOKEN', 'GC_ACCESS_TOKEN', 'ACCESS_TOKEN')
  const bare = !fields && /^ya29\./.test(raw.trim()) ? raw.trim() : undefined
  if (token ?? bare) {
    // Requests carry it as `Bearer TOKEN`: that form is masked too.
    mask(`Bearer ${token ?? bare}`)
    return { type: 'token', token: (token ?? bare)!, from: where }
  }
  throw new FetchError(
    source,
    `${where} is not usable for gcs: give a service-account JSON key as its value, or the keys GC_KEYFILE_DICT (key JSON), GC_KEY_PATH (key file path) or GOOGLE_OAUTH_ACCESS_TOKEN; ` +
      'or drop the secret to use the credentials google-github-actions/auth leaves (Application Default Credentials)',
    { permanent: true }
  )
}

/** STORAGE_EMULATOR_HOST carried by a gcs secret (emulators, tests), if any. */
export function gcpEmulatorHost(secret: SecretHandle | undefined): string | undefined {
  return secret ? valueOf(secret).fields?.STORAGE_EMULATOR_HOST : undefined
}
