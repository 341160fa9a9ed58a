import type { Readable } from 'node:stream'
import { FetchError } from '../../util/errors.js'
import type { AzureAuth, AzureTarget } from '../../connections/azure.js'
import type { BucketSource } from '../bucket.js'

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
