import type { Readable } from 'node:stream'
import type { Tuning } from '../shared/tuning.js'
import { createS3Client, type S3Location } from './client.js'
import { captureEndpoint, leanGetter, type LeanGetter } from './get.js'
import type { ListedObject } from './list.js'

/** How an S3 source's listing and objects are read: through the AWS SDK, or directly (list.ts). */
export interface S3Transport {
  list(prefix: string, token: string | undefined, signal: AbortSignal): Promise<{ objects: ListedObject[]; next?: string }>
  /** Signed GETs sent directly; undefined when only the SDK client knows how to reach the store. */
  lean(): Promise<LeanGetter | undefined>
  /** A GET through the SDK client (the lean getter's fallback); `sseVoidsMd5` when the ETag is no MD5. */
  sdkGet?(key: string, range: { start: number; end: number; etag: string } | undefined, signal: AbortSignal): Promise<{ body: Readable; sseVoidsMd5: boolean }>
  /** Whether each call is bounded by the client itself (else by the bucket code's timeout). */
  timesOut: boolean
  destroy(): Promise<void>
}

/**
 * The SDK client for the listing (credentials, endpoint rules, path or virtual-host style,
 * region redirects). Object GETs skip its middleware once the listing showed where and how to
 * sign (get.ts), unless FETCH_SOURCES_S3_SDK_GET=1.
 */
export async function sdkTransport(location: S3Location, tuning: Tuning, concurrency: number, env: Record<string, string | undefined>): Promise<S3Transport> {
  const client = await createS3Client(location, tuning, concurrency)
  const endpointOf = captureEndpoint(client)
  const { GetObjectCommand, ListObjectsV2Command } = await import('@aws-sdk/client-s3')
  const requester = location.requesterPays ? { RequestPayer: 'requester' as const } : {}
  // Made once, at the first GET, which always follows the listing.
  let lean: Promise<LeanGetter | undefined> | undefined
  return {
    // The client's own request and socket timeouts bound every call.
    timesOut: true,
    async list(prefix, token, signal) {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: location.bucket, Prefix: prefix || undefined, ContinuationToken: token, ...requester }),
        {
          abortSignal: signal
        }
      )
      const objects = (page.Contents ?? []).filter((o) => o.Key !== undefined).map((o) => ({ key: o.Key!, size: o.Size ?? 0, etag: o.ETag ?? '' }))
      return { objects, ...(page.IsTruncated && page.NextContinuationToken ? { next: page.NextContinuationToken } : {}) }
    },
    lean: () =>
      (lean ??= (async () => {
        const endpoint = env.FETCH_SOURCES_S3_SDK_GET === '1' ? undefined : endpointOf()
        return endpoint ? leanGetter(client.config.credentials, endpoint, concurrency, tuning.idleMs) : undefined
      })()),
    async sdkGet(key, range, signal) {
      const res = await client.send(
        new GetObjectCommand({
          Bucket: location.bucket,
          Key: key,
          ...(range ? { Range: `bytes=${range.start}-${range.end}`, IfMatch: `"${range.etag}"` } : {}),
          ...requester
        }),
        { abortSignal: signal }
      )
      return { body: res.Body as Readable, sseVoidsMd5: Boolean(res.SSECustomerAlgorithm || res.ServerSideEncryption?.startsWith('aws:kms')) }
    },
    async destroy() {
      ;(await lean?.catch(() => undefined))?.destroy()
      client.destroy()
    }
  }
}
