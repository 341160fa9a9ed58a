import { createHash, createHmac, createSecretKey, type Hash, type Hmac, type KeyObject } from 'node:crypto'
import type { S3Client } from '@aws-sdk/client-s3'
import type { SignatureV4 } from '@smithy/signature-v4'
import type { AwsCredentialIdentity, FinalizeHandler, FinalizeHandlerArguments, MetadataBearer, Provider, SourceData } from '@smithy/types'
import { IdleTimeoutError, readWhole } from '../shared/stream.js'
import { RawPool, type DirectBody } from '../shared/raw-http.js'
import { parseRetryAfter } from '../shared/retry.js'

/**
 * Object GETs signed with the SDK's own SigV4 signer and sent on raw-http.ts's keep-alive connections.
 *
 * Why: the S3 client's middleware stack (endpoint rules, serialisation, logging filters, retry
 * bookkeeping) costs ~1.7 ms of CPU per request — for 1,000 small objects that is the whole gap
 * to rclone, and on a 2-core runner it competes with the transfers themselves. The listing still
 * goes through the client, and that is where the endpoint comes from: the signed ListObjectsV2
 * request (after region redirects, custom endpoints, path or virtual-host style, FIPS/dual-stack
 * settings) names the scheme, host, base path and signing region, so every rule the SDK applies
 * is applied once and reused. Anything this path does not understand (no SigV4 header, S3 Express
 * session auth, nothing captured) leaves the object GETs to the client.
 */
export interface S3Endpoint {
  protocol: 'http:' | 'https:'
  hostname: string
  port?: number
  /** Host header as signed (with a non-default port). */
  host: string
  /** Path up to the bucket: '' for virtual-host style, `/bucket` (or `/base/bucket`) for path style. */
  basePath: string
  region: string
}

const CREDENTIAL_SCOPE = /^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/([^/]+)\/s3\/aws4_request/

/** Middleware that records the endpoint of the client's last successful signed request. */
export function captureEndpoint(client: S3Client): () => S3Endpoint | undefined {
  let captured: S3Endpoint | undefined
  client.middlewareStack.addRelativeTo(
    (next: FinalizeHandler<object, MetadataBearer>) => async (args: FinalizeHandlerArguments<object>) => {
      const out = await next(args)
      const req = args.request as {
        protocol?: string
        hostname?: string
        port?: number
        path?: string
        headers?: Record<string, string>
      }
      const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
      const region = CREDENTIAL_SCOPE.exec(headers.authorization ?? '')?.[1]
      const status = (out.response as { statusCode?: number } | undefined)?.statusCode ?? 0
      if (
        region &&
        !headers['x-amz-s3session-token'] &&
        req.hostname &&
        status >= 200 &&
        status < 300 &&
        (req.protocol === 'http:' || req.protocol === 'https:')
      ) {
        captured = {
          protocol: req.protocol,
          hostname: req.hostname,
          ...(req.port ? { port: req.port } : {}),
          host: headers.host ?? req.hostname,
          basePath: (req.path ?? '/').replace(/\/+$/, ''),
          region
        }
      }
      return out
    },
    { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'fetchSourcesCaptureEndpoint', override: true }
  )
  return () => captured
}

/** RFC 3986 escaping (`!'()*` too), as SigV4's canonical forms want it. */
const escapeUri = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** RFC 3986 escaping of each key segment, as S3's canonical URI wants it. */
export function escapeKey(key: string): string {
  return key.split('/').map(escapeUri).join('/')
}

/** Node's crypto behind the hash interface the signer expects (the SDK's own wraps the same). */
class NodeSha256 {
  private hash: Hash | Hmac
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', hmacKey(secret))
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data))
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()))
  }
  reset(): void {
    throw new Error('not resettable')
  }
}

/**
 * HMAC keys as KeyObjects, each made once: Node checks a raw key's type on every createHmac
 * (~8 µs here, against ~2 µs with a KeyObject), and the signer keys two HMACs per request with the
 * same secret and the same day's signing key.
 */
const hmacKeys = new Map<string, KeyObject>()

function hmacKey(secret: SourceData): KeyObject {
  const raw = bytes(secret)
  const buffer = typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
  const id = buffer.toString('base64')
  let key = hmacKeys.get(id)
  if (!key) {
    if (hmacKeys.size >= 16) hmacKeys.clear()
    hmacKeys.set(id, (key = createSecretKey(Buffer.from(buffer))))
  }
  return key
}

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/** An S3 error answer with the shape of the SDK's (`name` = S3 code, `$metadata.httpStatusCode`). */
export class S3HttpError extends Error {
  readonly $metadata: { httpStatusCode: number }
  readonly retryAfterMs?: number
  constructor(status: number, code: string, message: string, retryAfter?: string) {
    super(message || `HTTP ${status}`)
    this.name = code || `Http${status}`
    this.$metadata = { httpStatusCode: status }
    const ms = parseRetryAfter(retryAfter)
    if (ms !== undefined) this.retryAfterMs = ms
  }
}

export interface GetOptions {
  range?: [number, number]
  ifMatch?: string
  requesterPays?: boolean
  signal: AbortSignal
}

export interface GetResult {
  /** Read into the connection's buffer: drained straight to a file (stream.ts) or iterated. */
  body: DirectBody
  /** Names in lower case. */
  headers: Record<string, string>
}

export interface LeanGetter {
  get(bucketKey: string, options: GetOptions): Promise<GetResult>
  /** A signed GET of the bucket itself with this query (a listing page). */
  getBucket(query: Record<string, string>, options: Omit<GetOptions, 'range' | 'ifMatch'>): Promise<GetResult>
  destroy(): void
}

export type S3Credentials = AwsCredentialIdentity | Provider<AwsCredentialIdentity>

export async function leanGetter(credentials: S3Credentials, endpoint: S3Endpoint, concurrency: number, idleMs: number): Promise<LeanGetter> {
  const { SignatureV4 } = await import('@smithy/signature-v4')
  const signer: SignatureV4 = new SignatureV4({
    credentials,
    region: endpoint.region,
    service: 's3',
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false
  })
  const pool = new RawPool({ protocol: endpoint.protocol, hostname: endpoint.hostname, ...(endpoint.port ? { port: endpoint.port } : {}) }, concurrency)
  const get = async (path: string, query: Record<string, string>, o: GetOptions): Promise<GetResult> => {
    const headers: Record<string, string> = { host: endpoint.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }
    if (o.range) headers.range = `bytes=${o.range[0]}-${o.range[1]}`
    if (o.ifMatch) headers['if-match'] = o.ifMatch
    if (o.requesterPays) headers['x-amz-request-payer'] = 'requester'
    const signed = await signer.sign({
      method: 'GET',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      ...(endpoint.port ? { port: endpoint.port } : {}),
      path,
      query,
      headers
    })
    // The query as signed: each name and value escaped as SigV4's canonical form escapes them.
    const search = Object.entries(query)
      .map(([k, v]) => `${escapeUri(k)}=${escapeUri(v)}`)
      .join('&')
    return send(pool, { path: search ? `${path}?${search}` : path, headers: signed.headers, signal: o.signal, idleMs })
  }
  return {
    get: (key, o) => get(`${endpoint.basePath}/${escapeKey(key)}`, {}, o),
    // Path style only (a direct listing is made only for those): the bucket is the base path.
    getBucket: (query, o) => get(endpoint.basePath || '/', query, o),
    destroy: () => pool.destroy()
  }
}

async function send(pool: RawPool, o: { path: string; headers: Record<string, string>; signal: AbortSignal; idleMs: number }): Promise<GetResult> {
  // No byte on the socket for idleMs before the answer: a stalled server, retried. From the
  // headers on, the body's own idle timer (streamToFile, listDirect) watches the transfer.
  const res = await pool.get({ ...o, timeoutError: () => new IdleTimeoutError(`no response for ${o.idleMs / 1000} s (timed out after ${o.idleMs} ms)`) })
  if (res.status === 200 || res.status === 206) return { body: res.body, headers: res.headers }
  const { code, message } = await readError(res.body, o.idleMs)
  throw new S3HttpError(res.status, code, message, res.headers['retry-after'])
}

/** S3's XML error body: `<Code>` and `<Message>` (the first 64 KiB; a body that fails names nothing). */
async function readError(body: DirectBody, idleMs: number): Promise<{ code: string; message: string }> {
  const text = (await readWhole(body, idleMs, 65536).catch(() => Buffer.alloc(0))).toString('latin1')
  const tag = (name: string): string => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1] ?? ''
  return { code: tag('Code'), message: tag('Message') }
}
