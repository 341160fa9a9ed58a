import type { BucketSource } from '../bucket.js'
import { fetchBucket, type BucketStore } from '../shared/bucket.js'
import type { Body } from '../shared/download.js'
import { tuningFor } from '../shared/tuning.js'
import type { FetchContext, FetchResult } from '../types.js'
import type { Tuning } from '../shared/tuning.js'
import { resolveS3Location, type S3Location } from './client.js'
import { explainS3Error } from './errors.js'
import { leanGetter, type S3Endpoint } from './get.js'
import { directEndpoint, listDirect } from './list.js'
import { sdkTransport, type S3Transport } from './sdk.js'

interface S3Object {
  key: string
  size: number
  etag: string
}

const unquote = (etag: string | undefined): string => (etag ?? '').replace(/^"|"$/g, '')

/** `s3` and `oci` (through OCI's S3-compatible API) share everything but the location. */
export async function fetchS3Compatible(source: BucketSource, ctx: FetchContext): Promise<FetchResult> {
  const location = resolveS3Location(source, ctx.options)
  const tuning = tuningFor(ctx.options.env, source.timeout)
  const direct = directEndpoint(location, ctx.options.env)
  const transport = direct
    ? directTransport(location, direct, tuning, ctx.options.concurrency)
    : await sdkTransport(location, tuning, ctx.options.concurrency, ctx.options.env)
  const store: BucketStore<S3Object> = {
    noun: 'keys',
    timesOut: transport.timesOut,
    async list(prefix, token, signal) {
      const page = await transport.list(prefix, token, signal)
      const objects = page.objects.map((o) => {
        const item = { key: o.key, size: o.size, etag: unquote(o.etag) }
        return { key: item.key, size: item.size, version: item.etag, item }
      })
      return { objects, ...(page.next ? { next: page.next } : {}) }
    },
    // A single-part upload's ETag is the MD5 of its bytes; a multipart one ("…-N") is not.
    expected: (o) => ({ size: o.size, ...(/^[0-9a-f]{32}$/i.test(o.etag) ? { md5: o.etag } : {}) }),
    label: (o) => `${location.bucket}/${o.key}`,
    explain: (error) => explainS3Error(error, source, location),
    async open(o, range, signal, expected): Promise<Body> {
      try {
        const getter = await transport.lean()
        if (getter) {
          const res = await getter.get(o.key, {
            signal,
            ...(range ? { range: [range.start, range.end] as [number, number], ifMatch: `"${o.etag}"` } : {}),
            requesterPays: location.requesterPays
          })
          const sse = String(res.headers['x-amz-server-side-encryption'] ?? '')
          if (res.headers['x-amz-server-side-encryption-customer-algorithm'] || sse.startsWith('aws:kms')) delete expected.md5
          return res.body
        }
        const res = await transport.sdkGet!(o.key, range ? { ...range, etag: o.etag } : undefined, signal)
        // With SSE-KMS or SSE-C the ETag is not an MD5 of the bytes (the Verifier reads this object).
        if (res.sseVoidsMd5) delete expected.md5
        return res.body
      } catch (error) {
        throw explainS3Error(error, source, location, o.key)
      }
    }
  }
  try {
    const landed = await fetchBucket(store, {
      source,
      prefix: location.prefix,
      tuning,
      empty: `no objects under ${source.uri}: check the bucket, the prefix and the endpoint`,
      ctx
    })
    return { url: source.uri, ...landed }
  } finally {
    await transport.destroy()
  }
}

/** Listing and GETs signed here, for a store the connection describes whole (list.ts says when). */
function directTransport(location: S3Location, endpoint: S3Endpoint, tuning: Tuning, concurrency: number): S3Transport {
  const getter = leanGetter(location.credentials!, endpoint, concurrency, tuning.idleMs)
  // Observed: a failure is thrown by the first call that awaits it.
  getter.catch(() => undefined)
  return {
    // Each call bounds its own wait, as the SDK client's do (listDirect).
    timesOut: true,
    list: async (prefix, token, signal) => {
      const page = await listDirect(await getter, { prefix, token, requesterPays: location.requesterPays, signal, idleMs: tuning.idleMs })
      return { objects: page.objects, ...(page.truncated && page.next ? { next: page.next } : {}) }
    },
    lean: () => getter,
    async destroy() {
      ;(await getter.catch(() => undefined))?.destroy()
    }
  }
}
