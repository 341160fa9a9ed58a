import { Sha256 } from '@aws-crypto/sha256-js'
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { SignatureV4 } from '@smithy/signature-v4'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { Transform } from 'node:stream'
import { fileURLToPath } from 'node:url'

/** s3rver only knows this access key id; the proxy decides which secret is right. */
export const ACCESS_KEY_ID = 'S3RVER'

export interface S3TestServer {
  /** The signature-verifying proxy: what the code under test talks to. */
  endpoint: string
  /** The secret access key the proxy accepts. */
  secretAccessKey: string
  /** Requests that reached the proxy, as `METHOD /path?query`. */
  requests: string[]
  /** When it returns true for a GET, one byte of that response body is flipped. */
  corrupt?: (method: string, url: string) => boolean
  /** When it returns true the request gets no answer at all (a hung server). */
  stall?: (method: string, url: string) => boolean
  /** Rewrites ListObjectsV2 answers: lets a test serve keys no sane store would keep (`../x`). */
  rewriteListing?: (xml: string) => string
  /** Direct client (no proxy) for seeding data. */
  client: S3Client
  createBucket(name: string): Promise<void>
  put(bucket: string, objects: Record<string, string | Buffer>, concurrency?: number): Promise<void>
  stop(): Promise<void>
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/

/** Recomputes the request's SigV4 signature with the one known secret; true when it matches. */
async function verifySignature(req: http.IncomingMessage, secretAccessKey: string): Promise<boolean> {
  const m = AUTH.exec(req.headers.authorization ?? '')
  const amzDate = req.headers['x-amz-date']
  if (!m || typeof amzDate !== 'string' || m[1] !== ACCESS_KEY_ID) return false
  const [, accessKeyId, , region, service, signedList, signature] = m
  const signedHeaders = signedList!.split(';')
  const url = new URL(req.url ?? '/', 'http://placeholder')
  const query: Record<string, string | string[]> = {}
  for (const [k, v] of url.searchParams) {
    const had = query[k]
    query[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v]
  }
  const headers: Record<string, string> = {}
  for (const h of signedHeaders) {
    const v = req.headers[h]
    if (v !== undefined) headers[h] = Array.isArray(v) ? v.join(',') : v
  }
  const [host, port] = (req.headers.host ?? '').split(':')
  const signer = new SignatureV4({
    credentials: { accessKeyId: accessKeyId!, secretAccessKey },
    region: region!,
    service: service!,
    sha256: Sha256,
    uriEscapePath: false
  })
  const d = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate)
  if (!d) return false
  const signingDate = new Date(Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +d[4]!, +d[5]!, +d[6]!))
  const signed = await signer.sign(
    { method: req.method ?? 'GET', protocol: 'http:', hostname: host!, ...(port ? { port: Number(port) } : {}), path: url.pathname, query, headers },
    { signingDate, signableHeaders: new Set(signedHeaders) }
  )
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? signed.headers.Authorization))?.[1] ?? ''
  return expected.length === 64 && timingSafeEqual(Buffer.from(expected), Buffer.from(signature!))
}

async function startChild(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 's3rver-child.mjs')
  const child = spawn(process.execPath, ['--openssl-legacy-provider', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('s3rver did not start within 20 s')), 20_000)
    let buf = ''
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString()
      const line = buf.split('\n')[0]
      if (buf.includes('\n')) {
        clearTimeout(timer)
        resolve((JSON.parse(line!) as { port: number }).port)
      }
    })
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}`)))
  })
  return { child, port }
}

function flipFirstByte(): Transform {
  let done = false
  return new Transform({
    transform(chunk: Buffer, _e, cb) {
      if (!done && chunk.length > 0) {
        chunk = Buffer.from(chunk)
        chunk[0] = chunk[0]! ^ 0xff
        done = true
      }
      cb(null, chunk)
    }
  })
}

/** s3rver in a child process, behind a proxy that really checks SigV4 (s3rver 3.7 does not). */
export async function startS3(opts: { root?: string } = {}): Promise<S3TestServer> {
  // `root`: where s3rver keeps its objects (e.g. /dev/shm for thousands of tiny keys).
  const dir = await fs.mkdtemp(path.join(opts.root ?? os.tmpdir(), 's3rver-'))
  const { child, port } = await startChild(dir)
  const secretAccessKey = randomBytes(18).toString('base64url')
  const server: S3TestServer = {
    endpoint: '',
    secretAccessKey,
    requests: [],
    client: new S3Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'S3RVER' },
      // Without this the SDK sends aws-chunked CRC bodies that s3rver stores verbatim.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED'
    }),
    async createBucket(name) {
      await server.client.send(new CreateBucketCommand({ Bucket: name }))
    },
    async put(bucket, objects, concurrency = 24) {
      const entries = Object.entries(objects)
      let next = 0
      const worker = async (): Promise<void> => {
        while (next < entries.length) {
          const [Key, Body] = entries[next++]!
          await server.client.send(new PutObjectCommand({ Bucket: bucket, Key, Body }))
        }
      }
      await Promise.all(Array.from({ length: concurrency }, worker))
    },
    async stop() {
      server.client.destroy()
      await new Promise<void>((resolve) => proxy.close(() => resolve()))
      proxy.closeAllConnections()
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        process.kill(child.pid!, 'SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
        if (child.exitCode === null) process.kill(child.pid!, 'SIGKILL')
      }
      await fs.rm(dir, { recursive: true, force: true })
    }
  }
  const proxy = http.createServer((req, res) => {
    void (async () => {
      server.requests.push(`${req.method} ${req.url}`)
      if (server.stall?.(req.method ?? '', req.url ?? '')) return
      if (!(await verifySignature(req, secretAccessKey))) {
        req.resume()
        res.writeHead(403, { 'content-type': 'application/xml' })
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>'
        )
        return
      }
      const upstream = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        const rewrite = server.rewriteListing
        if (rewrite && req.method === 'GET' && /[?&]list-type=2/.test(req.url ?? '')) {
          const chunks: Buffer[] = []
          up.on('data', (c: Buffer) => chunks.push(c))
          up.on('end', () => {
            const body = Buffer.from(rewrite(Buffer.concat(chunks).toString('utf8')))
            res.writeHead(up.statusCode ?? 502, { ...up.headers, 'content-length': String(body.length) })
            res.end(body)
          })
          return
        }
        res.writeHead(up.statusCode ?? 502, up.headers)
        const flip = req.method === 'GET' && (up.statusCode ?? 0) < 300 && server.corrupt?.(req.method, req.url ?? '')
        ;(flip ? up.pipe(flipFirstByte()) : up).pipe(res)
      })
      upstream.on('error', () => res.destroy())
      req.pipe(upstream)
    })().catch(() => res.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  server.endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
  return server
}
