import type { Readable } from 'node:stream'
import type { GcsAuth } from '../../connections/gcp.js'
import { FetchError } from '../../util/errors.js'
import type { BucketSource } from '../bucket.js'

/**
 * Google Cloud Storage behind the few calls the `gcs` fetcher needs. The SDK is imported lazily
 * so runs without a gcs source never parse it; its own retries are off because the one retry
 * policy of the action (`withRetry`) applies.
 */

export interface GcsLocation {
  bucket: string
  /** Key prefix without a leading slash; may be empty, a "directory" or one object's key. */
  prefix: string
}

export function parseGsUri(source: Pick<BucketSource, 'name' | 'uri'>): GcsLocation {
  const m = /^gs:\/\/([^/]+)\/?(.*)$/.exec(source.uri)
  if (!m || !/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/.test(m[1]!)) {
    throw new FetchError(
      source.name,
      `"${source.uri}" is not a gs:// URI: use gs://bucket/prefix (bucket names are lower case letters, digits, "-", "_" and ".")`,
      { permanent: true }
    )
  }
  return { bucket: m[1]!, prefix: m[2]! }
}

export interface GcsObject {
  key: string
  size: number
  generation: string
  md5Hash?: string
  crc32c?: string
}

export interface GcsPage {
  objects: GcsObject[]
  next?: string
}

export interface GcsClient {
  list(prefix: string, pageToken: string | undefined, pageSize: number): Promise<GcsPage>
  /** The object's metadata, or undefined when there is none with exactly this key. */
  stat(key: string): Promise<GcsObject | undefined>
  read(object: GcsObject, range: { start: number; end: number } | undefined, signal: AbortSignal): Readable
}

export interface GcsClientOptions {
  location: GcsLocation
  auth: GcsAuth
  /** `http://127.0.0.1:4443` for emulators; undefined = storage.googleapis.com. */
  endpoint?: string
  projectId?: string
  /** Bill this project for requester-pays buckets. */
  userProject?: string
}

function toObject(meta: Record<string, unknown>): GcsObject {
  return {
    key: String(meta.name),
    size: Number(meta.size),
    generation: String(meta.generation ?? ''),
    ...(typeof meta.md5Hash === 'string' ? { md5Hash: meta.md5Hash } : {}),
    ...(typeof meta.crc32c === 'string' ? { crc32c: meta.crc32c } : {})
  }
}

/**
 * The GCS SDK's request layer (teeny-request) reads a proxy URL with `url.parse`, which Node 24
 * reports as deprecation DEP0169 on stderr: a line in every user's log about code that is not
 * theirs or ours to change. That one warning is dropped; every other warning passes.
 */
export function quietUrlParseWarning(): void {
  const emit = process.emitWarning as ((warning: string | Error, ...rest: unknown[]) => void) & { quiet?: true }
  if (emit.quiet) return
  const filtered = Object.assign(
    function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
      const options = rest[0]
      const code = typeof options === 'object' && options !== null ? (options as { code?: unknown }).code : rest[1]
      if (code === 'DEP0169') return
      emit.call(this, warning, ...rest)
    },
    { quiet: true as const }
  )
  process.emitWarning = filtered as typeof process.emitWarning
}

export async function openGcs(opts: GcsClientOptions): Promise<GcsClient> {
  quietUrlParseWarning()
  const { Storage } = await import('@google-cloud/storage')
  const common = {
    retryOptions: { autoRetry: false },
    ...(opts.endpoint ? { apiEndpoint: opts.endpoint } : {}),
    ...(opts.projectId ? { projectId: opts.projectId } : {})
  }
  let storage: InstanceType<typeof Storage>
  switch (opts.auth.type) {
    case 'key':
      storage = new Storage({
        ...common,
        credentials: opts.auth.credentials,
        useAuthWithCustomEndpoint: true,
        ...(opts.projectId || !opts.auth.credentials.project_id ? {} : { projectId: opts.auth.credentials.project_id })
      })
      break
    case 'token': {
      // A ready access token: nothing to exchange, so no request to Google's token endpoint.
      const { OAuth2Client } = await import('google-auth-library')
      const authClient = new OAuth2Client()
      authClient.setCredentials({ access_token: opts.auth.token })
      storage = new Storage({ ...common, authClient, useAuthWithCustomEndpoint: true })
      break
    }
    case 'default':
      storage = new Storage({ ...common, useAuthWithCustomEndpoint: true })
      break
    case 'none':
      storage = new Storage(common)
      break
  }
  const bucket = storage.bucket(opts.location.bucket)
  const userProject = opts.userProject ? { userProject: opts.userProject } : {}
  return {
    async list(prefix, pageToken, pageSize) {
      const [files, next] = await bucket.getFiles({ prefix, maxResults: pageSize, autoPaginate: false, ...(pageToken ? { pageToken } : {}), ...userProject })
      const token = (next as { pageToken?: string } | null | undefined)?.pageToken
      return { objects: files.map((f) => toObject(f.metadata as Record<string, unknown>)), ...(token ? { next: token } : {}) }
    },
    async stat(key) {
      try {
        const [meta] = await bucket.file(key).getMetadata(userProject)
        return toObject(meta as Record<string, unknown>)
      } catch (error) {
        if ((error as { code?: unknown }).code === 404) return undefined
        throw error
      }
    },
    read(object, range, signal) {
      // Pinning the generation makes a concurrent overwrite fail instead of mixing versions.
      const file = bucket.file(object.key, object.generation ? { generation: Number(object.generation) } : {})
      // validation off: we verify MD5/CRC32C ourselves, also for ranged parts the SDK cannot check.
      const stream = file.createReadStream({ validation: false, decompress: false, ...(range ? { start: range.start, end: range.end } : {}), ...userProject })
      signal.addEventListener('abort', () => stream.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted')), { once: true })
      return stream
    }
  }
}
