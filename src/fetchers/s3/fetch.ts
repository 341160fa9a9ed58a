import type { Readable } from 'node:stream'
import type { S3Client } from '@aws-sdk/client-s3'
import { createS3Client, resolveS3Location, type S3Location } from './client.js'
import { explainS3Error } from './errors.js'
import { namingTheObject } from '../shared/timeout.js'
import { captureEndpoint, leanGetter, type LeanGetter } from './get.js'
import { landListing } from '../shared/objects.js'
import type { BucketSource } from '../../spec/model.js'
import type { Expected } from '../shared/checksum.js'
import { downloadToFile } from '../shared/download.js'
import { downloadRanged } from '../shared/ranged.js'
import { tuningFor } from '../shared/tuning.js'
import { withRetry } from '../shared/retry.js'
import type { FetchContext, FetchResult, Fetcher } from '../types.js'

interface Listed {
  /** Full key in the bucket. */
  key: string
  /** Key relative to the prefix (a single object: its basename). */
  rel: string
  size: number
  etag: string
}

const unquote = (etag: string | undefined): string => (etag ?? '').replace(/^"|"$/g, '')

/**
 * Lists the prefix, page by page. A key equal to the prefix is a single object; otherwise the
 * prefix is a "directory" (a trailing `/` is implied, so `data` does not take `data2/…`).
 */
async function list(client: S3Client, location: S3Location, source: BucketSource, ctx: FetchContext): Promise<Listed[]> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3')
  const tuning = tuningFor(ctx.settings.env, source.timeout)
  const prefix = location.prefix
  const raw: Array<{ key: string; size: number; etag: string }> = []
  let token: string | undefined
  let lastLine = Date.now()
  do {
    const page = await withRetry(
      async () => {
        try {
          return await client.send(
            new ListObjectsV2Command({
              Bucket: location.bucket,
              Prefix: prefix || undefined,
              ContinuationToken: token,
              ...(location.requesterPays ? { RequestPayer: 'requester' as const } : {})
            }),
            { abortSignal: ctx.signal }
          )
        } catch (error) {
          throw explainS3Error(error, source, location)
        }
      },
      { attempts: tuning.attempts, baseMs: tuning.retryBaseMs, signal: ctx.signal }
    )
    for (const o of page.Contents ?? []) if (o.Key !== undefined) raw.push({ key: o.Key, size: o.Size ?? 0, etag: unquote(o.ETag) })
    token = page.IsTruncated ? page.NextContinuationToken : undefined
    // Listing a prefix of millions of keys takes minutes: say it is happening.
    if (token && Date.now() - lastLine >= 5_000) {
      lastLine = Date.now()
      ctx.log.progress(`listed ${raw.length} keys of ${source.uri} so far`)
    }
  } while (token)

  const single = prefix && !prefix.endsWith('/') ? raw.find((o) => o.key === prefix) : undefined
  if (single) return [{ ...single, rel: prefix.split('/').at(-1)! }]
  const dir = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`
  return (
    raw
      // Zero-byte "folder" markers made by consoles are not files.
      .filter((o) => o.key.startsWith(dir) && !o.key.endsWith('/'))
      .map((o) => ({ ...o, rel: o.key.slice(dir.length) }))
  )
}

/** `s3` and `oci` (through OCI's S3-compatible API) share everything but the location. */
export async function fetchS3Compatible(source: BucketSource, ctx: FetchContext): Promise<FetchResult> {
  const location = resolveS3Location(source, ctx.settings)
  const tuning = tuningFor(ctx.settings.env, source.timeout)
  const client = await createS3Client(location, tuning, ctx.settings.concurrency)
  const endpointOf = captureEndpoint(client)
  const { GetObjectCommand } = await import('@aws-sdk/client-s3')
  let lean: LeanGetter | undefined
  try {
    const listed = await list(client, location, source, ctx)
    // Object GETs skip the client's middleware once the listing showed where and how to sign.
    const endpoint = ctx.settings.env.FETCH_SOURCES_S3_SDK_GET === '1' ? undefined : endpointOf()
    if (endpoint) lean = await leanGetter(client, endpoint, ctx.settings.concurrency, tuning.idleMs)
    const landed = await landListing({
      source,
      ctx,
      listing: listed.map((o) => ({ rel: o.rel, item: o, size: o.size, version: o.etag })),
      empty: `no objects under ${source.uri}: check the bucket, the prefix and the endpoint`,
      download: async (o, file, progress) => {
        // A single-part upload's ETag is the MD5 of its bytes; a multipart one ("…-N") is not.
        const expected: Expected = { size: o.size, ...(/^[0-9a-f]{32}$/i.test(o.etag) ? { md5: o.etag } : {}) }
        const open = async (signal: AbortSignal, range?: [number, number]): Promise<Readable> => {
          try {
            if (lean) {
              const res = await lean.get(o.key, {
                signal,
                ...(range ? { range, ifMatch: `"${o.etag}"` } : {}),
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
                ...(range ? { Range: `bytes=${range[0]}-${range[1]}`, IfMatch: `"${o.etag}"` } : {}),
                ...(location.requesterPays ? { RequestPayer: 'requester' as const } : {})
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
        const common = {
          label: `${location.bucket}/${o.key}`,
          file,
          expected,
          tuning,
          signal: ctx.signal,
          progress,
          onRetry: (m: string) => ctx.log.info(`retrying ${m}`)
        }
        try {
          if (o.size > 2 * tuning.partSize) {
            await downloadRanged({ ...common, size: o.size, limiter: ctx.limiter, openRange: (start, end, signal) => open(signal, [start, end]) })
          } else {
            await downloadToFile({ ...common, open: (signal) => open(signal) })
          }
        } catch (error) {
          throw namingTheObject(source.name, common.label, error)
        }
        progress.fileDone()
      }
    })
    return { url: source.uri, ...landed }
  } finally {
    lean?.destroy()
    client.destroy()
  }
}

export function describeBucket(source: BucketSource): string {
  const endpoint = typeof source.options.endpoint === 'string' ? ` (endpoint ${source.options.endpoint})` : ''
  return `${source.uri}${endpoint} → ${source.relPath}`
}

export const s3Fetcher: Fetcher<BucketSource> = {
  describe: describeBucket,
  fetch: fetchS3Compatible
}
