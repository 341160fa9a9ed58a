import { createHash } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Crc32c } from '../../src/fetchers/shared/checksum.js'

/**
 * A small but real GCS JSON API server for tests (there is no standalone GCS emulator on npm or
 * Debian). It speaks what the official SDK sends for reads: objects.list with prefix, pageToken
 * and maxResults; objects.get metadata (md5Hash, crc32c, generation, size); `alt=media` with Range
 * and generation pinning; bearer-token auth with 401/403; JSON errors like Google's. What the
 * tests exercise is our client code and the real SDK over real HTTP; only the server is ours.
 */

export interface StoredObject {
  data: Buffer
  generation: string
  /** Omit MD5 like a composite object does (then only CRC32C is published). */
  composite?: boolean
  /** Serve this many downloads with one byte flipped (same length): corrupt bytes in transit. */
  corruptDownloads?: number
  /** Answer this many downloads with 503, as GCS does under load. */
  failDownloads?: number
  /** Send half the bytes, then nothing: a stalled connection. */
  stall?: boolean
}

export interface GcsRequest {
  method: string
  path: string
  query: Record<string, string>
  range?: string
  authorization?: string
}

export interface GcsServer {
  /** `http://127.0.0.1:PORT`, for the connection's `endpoint`. */
  endpoint: string
  buckets: Map<string, Map<string, StoredObject>>
  requests: GcsRequest[]
  put(bucket: string, name: string, data: Buffer | string, opts?: Partial<Omit<StoredObject, 'data'>>): StoredObject
  stop(): Promise<void>
}

let generationCounter = 1_700_000_000_000_000

function metadata(bucket: string, name: string, o: StoredObject): Record<string, unknown> {
  return {
    kind: 'storage#object',
    id: `${bucket}/${name}/${o.generation}`,
    name,
    bucket,
    generation: o.generation,
    metageneration: '1',
    size: String(o.data.length),
    contentType: 'application/octet-stream',
    ...(o.composite ? { componentCount: 2 } : { md5Hash: createHash('md5').update(o.data).digest('base64') }),
    crc32c: new Crc32c().update(o.data).digest().toString('base64'),
    etag: `CI${o.generation}`,
    updated: new Date(0).toISOString()
  }
}

function fail(res: http.ServerResponse, code: number, message: string, reason: string): void {
  res.writeHead(code, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ error: { code, message, errors: [{ message, domain: 'global', reason }] } }))
}

export async function startGcs(opts: { token?: string } = {}): Promise<GcsServer> {
  const buckets = new Map<string, Map<string, StoredObject>>()
  const requests: GcsRequest[] = []

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const query = Object.fromEntries(url.searchParams)
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query,
      ...(req.headers.range ? { range: req.headers.range } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {})
    })
    if (opts.token !== undefined) {
      const auth = req.headers.authorization
      if (!auth) return fail(res, 401, 'Anonymous caller does not have storage.objects.get access.', 'required')
      if (auth !== `Bearer ${opts.token}`) return fail(res, 403, 'Caller does not have storage.objects.get access (invalid token).', 'forbidden')
    }
    const m = /^\/storage\/v1\/b\/([^/]+)\/o(?:\/(.+))?$/.exec(url.pathname)
    if (req.method !== 'GET' || !m) return fail(res, 400, `unsupported ${req.method} ${url.pathname}`, 'invalid')
    const bucketName = decodeURIComponent(m[1]!)
    const bucket = buckets.get(bucketName)
    if (!bucket) return fail(res, 404, 'The specified bucket does not exist.', 'notFound')

    if (m[2] === undefined) {
      // objects.list: lexicographic, paged by an opaque token (here: the last name returned).
      const prefix = query.prefix ?? ''
      const max = Math.min(Number(query.maxResults ?? 1000) || 1000, 1000)
      const names = [...bucket.keys()].filter((n) => n.startsWith(prefix)).sort()
      const after = query.pageToken ? Buffer.from(query.pageToken, 'base64url').toString() : undefined
      const rest = after === undefined ? names : names.filter((n) => n > after)
      const page = rest.slice(0, max)
      const body = {
        kind: 'storage#objects',
        items: page.map((n) => metadata(bucketName, n, bucket.get(n)!)),
        ...(rest.length > max ? { nextPageToken: Buffer.from(page.at(-1)!).toString('base64url') } : {})
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify(body))
    }

    const name = decodeURIComponent(m[2])
    const object = bucket.get(name)
    if (!object || (query.generation !== undefined && query.generation !== object.generation))
      return fail(res, 404, `No such object: ${bucketName}/${name}`, 'notFound')
    if (query.alt !== 'media') {
      res.writeHead(200, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify(metadata(bucketName, name, object)))
    }
    if (object.failDownloads && object.failDownloads > 0) {
      object.failDownloads--
      return fail(res, 503, 'We encountered an internal error. Please try again.', 'backendError')
    }
    let data = object.data
    if (object.corruptDownloads && object.corruptDownloads > 0) {
      object.corruptDownloads--
      data = Buffer.from(data)
      data[0] = data[0]! ^ 0xff
    }
    const meta = metadata(bucketName, name, object)
    const headers: http.OutgoingHttpHeaders = {
      'content-type': 'application/octet-stream',
      'x-goog-generation': object.generation,
      'x-goog-stored-content-encoding': 'identity',
      'x-goog-hash': [`crc32c=${String(meta.crc32c)}`, ...(meta.md5Hash ? [`md5=${String(meta.md5Hash)}`] : [])].join(',')
    }
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    if (range) {
      const start = Number(range[1])
      const end = range[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1
      if (start >= data.length) return fail(res, 416, 'Requested range not satisfiable', 'requestedRangeNotSatisfiable')
      res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${data.length}` })
      return void res.end(data.subarray(start, end + 1))
    }
    res.writeHead(200, { ...headers, 'content-length': data.length })
    if (object.stall) return void res.write(data.subarray(0, data.length >> 1))
    res.end(data)
  }

  const server = http.createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    buckets,
    requests,
    put(bucket, name, data, more = {}) {
      const objects = buckets.get(bucket) ?? new Map<string, StoredObject>()
      buckets.set(bucket, objects)
      const stored: StoredObject = { data: Buffer.from(data), generation: String(generationCounter++), ...more }
      objects.set(name, stored)
      return stored
    },
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
