import type { SecretHandle } from '../runspec/model.js'
import { FetchError } from '../util/errors.js'
import { secretField, valueOf } from './secret.js'

/** What authorises requests; `from` names the secret for messages (never a value). */
export type AzureAuth =
  { type: 'key'; account: string; key: string; from: string } | { type: 'sas'; sas: string; from: string } | { type: 'default' } | { type: 'anonymous' }

export interface AzureTarget {
  /** Blob service URL without a query: `https://account.blob.core.windows.net` or an emulator's. */
  endpoint: string
  auth: AzureAuth
}

/** `Key=Value;…` of an Azure connection string (values may hold `=`, as base64 keys do). */
export function parseConnectionString(text: string): Record<string, string> | undefined {
  const fields: Record<string, string> = {}
  for (const part of text.trim().split(';')) {
    if (!part.trim()) continue
    const eq = part.indexOf('=')
    if (eq <= 0) return undefined
    fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  return fields.AccountName || fields.BlobEndpoint || fields.UseDevelopmentStorage ? fields : undefined
}

const ACCOUNT_KEY = /^[A-Za-z0-9+/]{40,}={0,2}$/
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

/**
 * The contract's wasb secret formats, in order: AZURE_CONNECTION_STRING; AZURE_ACCOUNT_NAME +
 * AZURE_ACCOUNT_KEY; AZURE_SAS_TOKEN; or the raw value as a connection string, a SAS token
 * (`?sv=…`/`sv=…`) or an account key. No secret: anonymous against an emulator endpoint, else
 * Microsoft's default credential chain when @azure/identity is available.
 */
export function azureTarget(
  source: { name: string; uri: string; options: Record<string, unknown>; secret?: SecretHandle },
  location: { account?: string }
): AzureTarget {
  const target = decode(source, location)
  if (target.auth.type === 'sas') {
    // The signature travels in every URL: mask it in every form the SDK or a proxy may print.
    const sig = new URLSearchParams(target.auth.sas).get('sig')
    if (sig && source.secret) valueOf(source.secret).mask(sig)
  }
  return target
}

function decode(source: Parameters<typeof azureTarget>[0], location: { account?: string }): AzureTarget {
  const secret = source.secret
  const where = secret ? `secret "${secret.name}"` : ''
  const raw = secret ? valueOf(secret).raw : ''
  // A bare connection string reads as one KEY=VALUE line to the secret parser: look at the raw value too.
  const conn = secretField(secret, 'AZURE_CONNECTION_STRING', 'AZURE_STORAGE_CONNECTION_STRING') ?? (secret && parseConnectionString(raw) ? raw : undefined)
  const parsed = conn ? parseConnectionString(conn) : undefined
  let account = location.account ?? secretField(secret, 'AZURE_ACCOUNT_NAME', 'AZURE_STORAGE_ACCOUNT') ?? parsed?.AccountName
  let auth: AzureAuth | undefined
  let endpointFromSecret: string | undefined
  if (parsed) {
    if (/^true$/i.test(parsed.UseDevelopmentStorage ?? '')) {
      account ??= 'devstoreaccount1'
      endpointFromSecret = `http://127.0.0.1:10000/${account}`
      auth = { type: 'key', account, key: DEV_KEY, from: where }
    } else {
      account = parsed.AccountName ?? account
      if (parsed.BlobEndpoint) endpointFromSecret = parsed.BlobEndpoint
      else if (account) endpointFromSecret = `${parsed.DefaultEndpointsProtocol ?? 'https'}://${account}.blob.${parsed.EndpointSuffix ?? 'core.windows.net'}`
      if (parsed.AccountKey && account) auth = { type: 'key', account, key: parsed.AccountKey, from: where }
      else if (parsed.SharedAccessSignature) auth = { type: 'sas', sas: parsed.SharedAccessSignature.replace(/^\?/, ''), from: where }
    }
  } else if (secret) {
    const key = secretField(secret, 'AZURE_ACCOUNT_KEY', 'AZURE_STORAGE_KEY', 'AZURE_STORAGE_ACCESS_KEY')
    const sas = secretField(secret, 'AZURE_SAS_TOKEN', 'AZURE_STORAGE_SAS_TOKEN')
    // `sv=…&sig=…` or a base64 key can read as one KEY=VALUE line to the secret parser: judge the raw value.
    const fields = valueOf(secret).fields
    const whole = fields && Object.keys(fields).length > 1 ? undefined : raw.trim()
    if (key || (whole && ACCOUNT_KEY.test(whole))) {
      if (!account) {
        throw new FetchError(
          source.name,
          `${where} holds an account key but no account name: use wasbs://container@ACCOUNT.blob.core.windows.net/… or add AZURE_ACCOUNT_NAME to the secret`,
          { permanent: true }
        )
      }
      auth = { type: 'key', account, key: (key ?? whole)!, from: where }
    } else if (sas || (whole && /^\??sv=/.test(whole))) {
      auth = { type: 'sas', sas: (sas ?? whole)!.replace(/^\?/, ''), from: where }
    } else {
      throw new FetchError(
        source.name,
        `${where} is not usable for wasb: give AZURE_CONNECTION_STRING, or AZURE_ACCOUNT_NAME and AZURE_ACCOUNT_KEY, or AZURE_SAS_TOKEN (or one of them as the whole value)`,
        { permanent: true }
      )
    }
  }
  const endpoint = (
    (source.options.endpoint as string | undefined) ??
    endpointFromSecret ??
    (account ? `https://${account}.blob.core.windows.net` : undefined)
  )?.replace(/\/+$/, '')
  if (!endpoint) {
    throw new FetchError(
      source.name,
      `no storage account for ${source.uri}: use wasbs://container@ACCOUNT.blob.core.windows.net/… or give AZURE_ACCOUNT_NAME or a connection string in the secret`,
      { permanent: true }
    )
  }
  const custom = source.options.endpoint !== undefined
  return { endpoint, auth: auth ?? (custom ? { type: 'anonymous' } : { type: 'default' }) }
}
