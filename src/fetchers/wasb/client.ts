import type { Readable } from 'node:stream'
import { FetchError } from '../../util/errors.js'
import { secretField } from '../../connections/secret.js'
import type { BucketSource } from '../../spec/model.js'

/**
 * Azure Blob Storage behind the few calls the `wasb` fetcher needs. `@azure/storage-blob` is
 * imported lazily; its own retries are off (maxTries 1) because the action's one retry policy
 * applies.
 */

export interface WasbLocation {
  container: string
  /** From the URI host (`container@account.blob.core.windows.net`) or the secret (`az://`). */
  account?: string
  prefix: string
}

export function parseWasbUri(source: Pick<BucketSource, 'name' | 'uri'>): WasbLocation {
  const full = /^wasbs?:\/\/([^@/]+)@([^/]+)\/?(.*)$/.exec(source.uri)
  if (full) return { container: full[1]!, account: full[2]!.split('.')[0]!, prefix: full[3]! }
  const short = /^az:\/\/([^/@]+)\/?(.*)$/.exec(source.uri)
  if (short) return { container: short[1]!, prefix: short[2]! }
  throw new FetchError(source.name, `"${source.uri}" is not a wasb URI: use wasbs://container@account.blob.core.windows.net/prefix or az://container/prefix`, {
    permanent: true
  })
}

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
export function azureTarget(source: Pick<BucketSource, 'name' | 'uri' | 'options' | 'secret'>, location: WasbLocation): AzureTarget {
  const secret = source.secret
  const where = secret ? `secret "${secret.name}"` : ''
  // A bare connection string reads as one KEY=VALUE line to the secret parser: look at the raw value too.
  const conn =
    secretField(secret, 'AZURE_CONNECTION_STRING', 'AZURE_STORAGE_CONNECTION_STRING') ?? (secret && parseConnectionString(secret.raw) ? secret.raw : undefined)
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
    const raw = secret.fields && Object.keys(secret.fields).length > 1 ? undefined : secret.raw.trim()
    if (key || (raw && ACCOUNT_KEY.test(raw))) {
      if (!account) {
        throw new FetchError(
          source.name,
          `${where} holds an account key but no account name: use wasbs://container@ACCOUNT.blob.core.windows.net/… or add AZURE_ACCOUNT_NAME to the secret`,
          { permanent: true }
        )
      }
      auth = { type: 'key', account, key: (key ?? raw)!, from: where }
    } else if (sas || (raw && /^\??sv=/.test(raw))) {
      auth = { type: 'sas', sas: (sas ?? raw)!.replace(/^\?/, ''), from: where }
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

export interface AzureBlob {
  key: string
  size: number
  /** ETag without quotes: the version recorded for re-runs. */
  etag: string
  /** Base64 Content-MD5 when the blob has one. */
  md5?: string
}

export interface AzureClient {
  list(prefix: string, token: string | undefined, pageSize: number, signal: AbortSignal): Promise<{ blobs: AzureBlob[]; next?: string }>
  /** The blob's properties, or undefined when no blob has exactly this name. */
  stat(key: string, signal: AbortSignal): Promise<AzureBlob | undefined>
  /** Bytes `start`..`end` (inclusive), or all of it; fails if the blob changed since listing. */
  read(blob: AzureBlob, range: { start: number; end: number } | undefined, signal: AbortSignal): Promise<Readable>
}

const b64 = (bytes: Uint8Array | undefined): string | undefined => (bytes && bytes.length ? Buffer.from(bytes).toString('base64') : undefined)
const unquote = (etag: string | undefined): string => (etag ?? '').replace(/^"|"$/g, '')

async function credentialFor(source: string, auth: AzureAuth): Promise<unknown> {
  const sdk = await import('@azure/storage-blob')
  switch (auth.type) {
    case 'key':
      return new sdk.StorageSharedKeyCredential(auth.account, auth.key)
    case 'sas':
    case 'anonymous':
      return new sdk.AnonymousCredential()
    case 'default': {
      // Optional: not a dependency of the action, so a variable specifier keeps the bundler out.
      const identity = '@azure/identity'
      try {
        const mod = (await import(identity)) as { DefaultAzureCredential: new () => unknown }
        return new mod.DefaultAzureCredential()
      } catch {
        throw new FetchError(
          source,
          'no credentials for Azure Blob Storage: add `secret: {name: …}` with AZURE_CONNECTION_STRING, or AZURE_ACCOUNT_NAME and AZURE_ACCOUNT_KEY, or AZURE_SAS_TOKEN',
          { permanent: true }
        )
      }
    }
  }
}

export async function openAzure(source: string, target: AzureTarget, container: string): Promise<AzureClient> {
  const sdk = await import('@azure/storage-blob')
  // A shared key, anonymous (SAS in the URL) or a TokenCredential: all accepted by this constructor.
  const credential = (await credentialFor(source, target.auth)) as InstanceType<typeof sdk.AnonymousCredential>
  const url = target.auth.type === 'sas' ? `${target.endpoint}?${target.auth.sas}` : target.endpoint
  const service = new sdk.BlobServiceClient(url, credential, { retryOptions: { maxTries: 1 } })
  const containerClient = service.getContainerClient(container)
  return {
    async list(prefix, token, pageSize, signal) {
      const pages = containerClient
        .listBlobsFlat({ ...(prefix ? { prefix } : {}), abortSignal: signal })
        .byPage({ maxPageSize: pageSize, ...(token ? { continuationToken: token } : {}) })
      const page = (await pages.next()).value as
        | {
            segment: { blobItems: Array<{ name: string; properties: { contentLength?: number; etag?: string; contentMD5?: Uint8Array } }> }
            continuationToken?: string
          }
        | undefined
      const blobs = (page?.segment.blobItems ?? []).map((b) => {
        const md5 = b64(b.properties.contentMD5)
        return { key: b.name, size: b.properties.contentLength ?? 0, etag: unquote(b.properties.etag), ...(md5 ? { md5 } : {}) }
      })
      return { blobs, ...(page?.continuationToken ? { next: page.continuationToken } : {}) }
    },
    async stat(key, signal) {
      try {
        const p = await containerClient.getBlobClient(key).getProperties({ abortSignal: signal })
        const md5 = b64(p.contentMD5)
        return { key, size: p.contentLength ?? 0, etag: unquote(p.etag), ...(md5 ? { md5 } : {}) }
      } catch (error) {
        const e = error as { statusCode?: number; code?: string }
        // 404 on HEAD: no blob with this exact name (the prefix is a directory), or no container (listing says which).
        if (e.statusCode === 404) return undefined
        throw error
      }
    },
    async read(blob, range, signal) {
      const res = await containerClient.getBlobClient(blob.key).download(range?.start ?? 0, range ? range.end - range.start + 1 : undefined, {
        abortSignal: signal,
        // Our retry policy owns retries; pinning the ETag fails a concurrent overwrite (412).
        maxRetryRequests: 0,
        conditions: { ifMatch: `"${blob.etag}"` }
      })
      if (!res.readableStreamBody) throw new Error(`no body in the response for ${blob.key}`)
      return res.readableStreamBody as unknown as Readable
    }
  }
}
