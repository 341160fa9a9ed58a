import { PassThrough, type Readable } from 'node:stream'
import { gcpEmulatorHost, gcsAuth } from '../../connections/gcp.js'
import { FetchError } from '../../util/errors.js'
import type { BucketSource } from '../bucket.js'
import { fetchBucket, listPageSize, type BucketStore } from '../shared/bucket.js'
import { tuningFor } from '../shared/tuning.js'
import type { FetchContext, FetchResult } from '../types.js'
import { openGcs, parseGsUri, type GcsObject } from './client.js'
import { explainGcsError } from './errors.js'

/** Emulator endpoint: the schema wins, then STORAGE_EMULATOR_HOST from the secret or the environment. */
function endpointOf(source: BucketSource, env: Record<string, string | undefined>): string | undefined {
  const fromSchema = source.options.endpoint as string | undefined
  const emulator = fromSchema ?? gcpEmulatorHost(source.secret) ?? env.STORAGE_EMULATOR_HOST
  if (!emulator) return undefined
  return /^https?:\/\//.test(emulator) ? emulator.replace(/\/+$/, '') : `http://${emulator.replace(/\/+$/, '')}`
}

/** `gs://bucket/prefix`: a prefix, a "directory" or a single object, landed incrementally. */
export async function fetchGcs(source: BucketSource, ctx: FetchContext): Promise<FetchResult> {
  const location = parseGsUri(source)
  const tuning = tuningFor(ctx.options.env, source.timeout)
  const endpoint = endpointOf(source, ctx.options.env)
  const auth = await gcsAuth(source.name, source.secret, endpoint !== undefined)
  const projectId = (source.options.projectId as string | undefined) ?? (auth.type === 'key' ? auth.credentials.project_id : undefined)
  const requesterPays = source.options.requesterPays === true
  if (requesterPays && !projectId) {
    throw new FetchError(source.name, `${source.uri} is requester-pays: set \`projectId\` in the connection schema (the project billed for the download)`, {
      permanent: true
    })
  }
  const client = await openGcs({
    location,
    auth,
    ...(endpoint ? { endpoint } : {}),
    ...(projectId ? { projectId } : {}),
    ...(requesterPays ? { userProject: projectId! } : {})
  })
  const explain = (error: unknown, key?: string): unknown =>
    explainGcsError(error, source, location, { auth, ...(endpoint ? { endpoint } : {}), ...(key !== undefined ? { key } : {}) })
  const entry = (o: GcsObject) => ({ key: o.key, size: o.size, version: o.generation, item: o })
  const pageSize = listPageSize(ctx.options.env, 1000)
  const store: BucketStore<GcsObject> = {
    noun: 'objects',
    list: async (prefix, token) => {
      const page = await client.list(prefix, token, pageSize)
      return { objects: page.objects.map(entry), ...(page.next ? { next: page.next } : {}) }
    },
    stat: async (key) => {
      const one = await client.stat(key)
      return one && entry(one)
    },
    // MD5 when GCS has one; composite objects only carry CRC32C.
    expected: (o) => ({ size: o.size, ...(o.md5Hash ? { md5: o.md5Hash } : o.crc32c ? { crc32c: o.crc32c } : {}) }),
    label: (o) => `gs://${location.bucket}/${o.key}`,
    explain: (error) => explain(error),
    // SDK errors surface on the stream: 403/404 become permanent, named errors.
    open: async (o, range, signal) => explainStream(client.read(o, range, signal), (e) => explain(e, o.key))
  }
  const landed = await fetchBucket(store, {
    source,
    prefix: location.prefix,
    tuning,
    empty: `no objects under ${source.uri}: check the bucket and the prefix`,
    ctx
  })
  return { url: source.uri, ...landed }
}

/** Re-emits a stream's error as the explained one, so a 404 mid-transfer is not retried. */
function explainStream(stream: Readable, explain: (e: unknown) => unknown): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 })
  stream.on('error', (e) => out.destroy(explain(e) as Error))
  out.on('close', () => {
    if (!stream.destroyed) stream.destroy()
  })
  stream.pipe(out)
  return out
}
