import type { Readable } from 'node:stream'
import type { BucketSource } from '../bucket.js'
import { fetchBucket, type BucketStore } from '../shared/bucket.js'
import { tuningFor } from '../shared/tuning.js'
import type { FetchContext, FetchResult } from '../types.js'
import { createS3Client, resolveS3Location } from './client.js'
import { explainS3Error } from './errors.js'
import { captureEndpoint, leanGetter, type LeanGetter } from './get.js'

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
  const client = await createS3Client(location, tuning, ctx.options.concurrency)
  const endpointOf = captureEndpoint(client)
  const { GetObjectCommand, ListObjectsV2Command } = await import('@aws-sdk/client-s3')
  const requester = location.requesterPays ? { RequestPayer: 'requester' as const } : {}
  // Object GETs skip the client's middleware once the listing showed where and how to sign
  // (made once, at the first GET, which always follows the listing).
  let lean: Promise<LeanGetter | undefined> | undefined
  const leanGet = (): Promise<LeanGetter | undefined> =>
    (lean ??= (async () => {
      const endpoint = ctx.options.env.FETCH_SOURCES_S3_SDK_GET === '1' ? undefined : endpointOf()
      return endpoint ? leanGetter(client, endpoint, ctx.options.concurrency, tuning.idleMs) : undefined
    })())
  const store: BucketStore<S3Object> = {
    noun: 'keys',
    // The client's own request and socket timeouts bound every call.
    timesOut: true,
    async list(prefix, token, signal) {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: location.bucket, Prefix: prefix || undefined, ContinuationToken: token, ...requester }),
        {
          abortSignal: signal
        }
      )
      const objects = (page.Contents ?? [])
        .filter((o) => o.Key !== undefined)
        .map((o) => {
          const item = { key: o.Key!, size: o.Size ?? 0, etag: unquote(o.ETag) }
          return { key: item.key, size: item.size, version: item.etag, item }
        })
      return { objects, ...(page.IsTruncated && page.NextContinuationToken ? { next: page.NextContinuationToken } : {}) }
    },
    // A single-part upload's ETag is the MD5 of its bytes; a multipart one ("…-N") is not.
    expected: (o) => ({ size: o.size, ...(/^[0-9a-f]{32}$/i.test(o.etag) ? { md5: o.etag } : {}) }),
    label: (o) => `${location.bucket}/${o.key}`,
    explain: (error) => explainS3Error(error, source, location),
    async open(o, range, signal, expected): Promise<Readable> {
      try {
        const getter = await leanGet()
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
        const res = await client.send(
          new GetObjectCommand({
            Bucket: location.bucket,
            Key: o.key,
            ...(range ? { Range: `bytes=${range.start}-${range.end}`, IfMatch: `"${o.etag}"` } : {}),
            ...requester
          }),
          { abortSignal: signal }
        )
        // With SSE-KMS or SSE-C the ETag is not an MD5 of the bytes (the Verifier reads this object).
        if (res.SSECustomerAlgorithm || res.ServerSideEncryption?.startsWith('aws:kms')) delete expected.md5
        return res.Body as Readable
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
    ;(await lean?.catch(() => undefined))?.destroy()
    client.destroy()
  }
}
