import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as http from 'node:http'
import * as https from 'node:https'
import * as net from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RawPool, type RawResponse } from '../src/fetchers/shared/raw-http.js'
import { IntegrityError } from '../src/fetchers/shared/checksum.js'
import { isTransient } from '../src/fetchers/shared/retry.js'
import { readWhole, streamToFile } from '../src/fetchers/shared/stream.js'
import { tempDir } from './helpers/harness.js'
import { makeCertificate } from './servers/tls.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const BLOB = Buffer.from(Array.from({ length: 3 * 256 * 1024 + 17 }, (_, i) => (i * 7919) & 0xff))
const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex')

/** Answers by path; counts the connections it accepted. */
function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = req.url ?? ''
  if (url === '/blob') res.writeHead(200, { 'content-length': BLOB.length }).end(BLOB)
  else if (url === '/empty') res.writeHead(200, { 'content-length': 0 }).end()
  else if (url === '/chunked') {
    // Node frames this as chunked: several writes apart in time.
    res.writeHead(200)
    res.write(BLOB.subarray(0, 1000))
    setTimeout(() => res.end(BLOB.subarray(1000)), 20)
  } else if (url === '/truncated') {
    res.writeHead(200, { 'content-length': BLOB.length })
    res.write(BLOB.subarray(0, 5000), () => setTimeout(() => res.socket?.destroy(), 20))
  } else if (url === '/endless') {
    // A hostile server: it announces nothing and never stops.
    res.writeHead(200)
    const more = (): void => void (res.destroyed || res.write(BLOB, () => setImmediate(more)))
    more()
  } else if (url === '/trickle') {
    // Ten pieces 60 ms apart: 600 ms in all, never idle for more than 60 ms.
    res.writeHead(200)
    let n = 0
    const next = (): void => void (++n < 10 ? res.write(`piece ${n}\n`, () => setTimeout(next, 60)) : res.end('end\n'))
    res.write('piece 0\n', () => setTimeout(next, 60))
  } else if (url === '/silent') {
    // The request is read and never answered.
  } else res.writeHead(404, { 'content-length': 9 }).end('not found')
}

async function listen(server: http.Server): Promise<{ port: number; connections: () => number }> {
  let n = 0
  server.on('connection', (s: Socket) => {
    n++
    s.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as AddressInfo).port, connections: () => n }
}

const get = (pool: RawPool, p: string, o: { signal?: AbortSignal; idleMs?: number } = {}): Promise<RawResponse> =>
  pool.get({
    path: p,
    headers: { host: '127.0.0.1' },
    signal: o.signal ?? new AbortController().signal,
    idleMs: o.idleMs ?? 5000,
    timeoutError: () => Object.assign(new Error('no answer in time'), { code: 'ETIMEDOUT' })
  })

async function read(res: RawResponse): Promise<Buffer> {
  const chunks: Buffer[] = []
  await res.body.drain((c) => chunks.push(Buffer.from(c)))
  return Buffer.concat(chunks)
}

describe('raw HTTP/1.1 GETs read into a reused buffer', () => {
  const server = http.createServer(handler)
  let port = 0
  let connections = (): number => 0
  beforeAll(async () => ({ port, connections } = await listen(server)))
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('lands a Content-Length body byte for byte, each chunk at most one read buffer, and reuses the connection', async () => {
    const pool = new RawPool({ protocol: 'http:', hostname: '127.0.0.1', port }, 4)
    const before = connections()
    const res = await get(pool, '/blob')
    expect(res.status).toBe(200)
    expect(res.headers['content-length']).toBe(String(BLOB.length))
    let largest = 0
    const chunks: Buffer[] = []
    await res.body.drain((c) => {
      largest = Math.max(largest, c.length)
      chunks.push(Buffer.from(c))
    })
    expect(md5(Buffer.concat(chunks))).toBe(md5(BLOB))
    expect(largest).toBeLessThanOrEqual(256 * 1024)
    expect(await read(await get(pool, '/empty'))).toHaveLength(0)
    expect(md5(await read(await get(pool, '/blob')))).toBe(md5(BLOB))
    expect(connections() - before).toBe(1)
    pool.destroy()
  })

  it('a body longer than the listed size stops at that size: a server cannot fill the disk', async () => {
    const pool = new RawPool({ protocol: 'http:', hostname: '127.0.0.1', port }, 4)
    const dir = await tempDir('fs-raw-endless-')
    const file = path.join(dir, 'object')
    const res = await get(pool, '/endless')
    const landing = streamToFile(res.body, { file, idleMs: 5000, expectedSize: BLOB.length })
    await expect(landing).rejects.toThrow(IntegrityError)
    await expect(landing).rejects.toThrow(`the server sent more than the ${BLOB.length} bytes announced`)
    expect((await fs.stat(file)).size).toBeLessThanOrEqual(BLOB.length)
    pool.destroy()
    await fs.rm(dir, { recursive: true, force: true })
  })

  it('a body read whole times out on idleness, not on its total time', async () => {
    const pool = new RawPool({ protocol: 'http:', hostname: '127.0.0.1', port }, 4)
    const text = (await readWhole((await get(pool, '/trickle')).body, 300)).toString()
    expect(text.split('\n').slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `piece ${i}`))
    expect(text.endsWith('end\n')).toBe(true)
    expect((await readWhole((await get(pool, '/blob')).body, 5000, 1000)).equals(BLOB.subarray(0, 1000))).toBe(true)
    pool.destroy()
  })

  it('decodes a chunked body, and keeps what arrives before the body is asked for', async () => {
    const pool = new RawPool({ protocol: 'http:', hostname: '127.0.0.1', port }, 4)
    const res = await get(pool, '/chunked')
    expect(res.headers['transfer-encoding']).toBe('chunked')
    // The reader is not there yet: the connection must hold the bytes (and stop reading).
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(md5(await read(res))).toBe(md5(BLOB))
    expect(md5(await read(await get(pool, '/blob')))).toBe(md5(BLOB))
    pool.destroy()
  })

  it('a body cut short by the server fails the read with a transient error', async () => {
    const pool = new RawPool({ protocol: 'http:', hostname: '127.0.0.1', port }, 4)
    const res = await get(pool, '/truncated')
    let got = 0
    const error = await res.body.drain((c) => (got += c.length)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/closed before the response ended/)
    expect(isTransient(error)).toBe(true)
    expect(got).toBe(5000)
    // The pool is still usable.
    expect(md5(await read(await get(pool, '/blob')))).toBe(md5(BLOB))
    pool.destroy()
  })

  it('a request never answered fails with the caller\u2019s timeout error; an abort stops a body', async () => {
    const pool = new RawPool({ protocol: 'http:', hostname: '127.0.0.1', port }, 4)
    await expect(get(pool, '/silent', { idleMs: 200 })).rejects.toThrow('no answer in time')
    const controller = new AbortController()
    const res = await get(pool, '/chunked', { signal: controller.signal })
    controller.abort(new Error('stop here'))
    await expect(read(res)).rejects.toThrow('stop here')
    const notFound = await get(pool, '/nothing')
    expect(notFound.status).toBe(404)
    expect((await read(notFound)).toString()).toBe('not found')
    pool.destroy()
  })

  it('refuses a header or path that would split the request, before connecting', async () => {
    const pool = new RawPool({ protocol: 'http:', hostname: '127.0.0.1', port }, 4)
    const before = connections()
    const send = (p: string, headers: Record<string, string>): Promise<RawResponse> =>
      pool.get({ path: p, headers, signal: new AbortController().signal, idleMs: 5000, timeoutError: () => new Error('timeout') })
    // An ETag from a listing, sent back in If-Match.
    await expect(send('/blob', { host: '127.0.0.1', 'if-match': '"abc"\r\nx-injected: 1' })).rejects.toThrow(
      /invalid characters in the request header "if-match"/
    )
    await expect(send('/blob HTTP/1.1\r\nx: y', { host: '127.0.0.1' })).rejects.toThrow(/unescaped characters/)
    expect(connections()).toBe(before)
    pool.destroy()
  })

  it('a head whose end is split across reads, and a body holding the same bytes', async () => {
    const raw = net.createServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r')
        setTimeout(() => socket.write('\nab\r\n\r\ncd'), 30)
      })
    })
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve))
    const pool = new RawPool({ protocol: 'http:', hostname: '127.0.0.1', port: (raw.address() as AddressInfo).port }, 1)
    const res = await get(pool, '/')
    expect(res.headers['content-length']).toBe('8')
    expect((await read(res)).toString('latin1')).toBe('ab\r\n\r\ncd')
    pool.destroy()
    raw.close()
  })

  it('the body iterates as copies (listings, error answers)', async () => {
    const pool = new RawPool({ protocol: 'http:', hostname: '127.0.0.1', port }, 4)
    const chunks: Buffer[] = []
    for await (const c of (await get(pool, '/blob')).body) chunks.push(c)
    expect(md5(Buffer.concat(chunks))).toBe(md5(BLOB))
    pool.destroy()
  })
})

describe('raw HTTPS GETs', () => {
  let dir = ''
  let server: https.Server
  let port = 0
  beforeAll(async () => {
    dir = await tempDir('fs-raw-tls-')
    const cert = await makeCertificate(dir)
    server = https.createServer({ key: cert.key, cert: cert.cert }, handler)
    ;({ port } = await listen(server))
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await fs.rm(dir, { recursive: true, force: true })
  })

  it('verifies the server certificate: an untrusted one fails the request', async () => {
    const pool = new RawPool({ protocol: 'https:', hostname: '127.0.0.1', port }, 4)
    await expect(get(pool, '/blob')).rejects.toThrow(/self[- ]signed|certificate/i)
    pool.destroy()
  })

  it('lands the body over TLS when the certificate is trusted (NODE_EXTRA_CA_CERTS)', async () => {
    // Trust is read at start-up, so a child process with the certificate added does the GETs.
    const script = path.join(dir, 'get.mts')
    await fs.writeFile(
      script,
      `import { RawPool } from ${JSON.stringify(path.join(ROOT, 'src/fetchers/shared/raw-http.ts'))}
import { createHash } from 'node:crypto'
const pool = new RawPool({ protocol: 'https:', hostname: '127.0.0.1', port: ${port} }, 2)
const out = []
for (const p of ['/blob', '/chunked']) {
  const res = await pool.get({ path: p, headers: { host: '127.0.0.1' }, signal: new AbortController().signal, idleMs: 5000, timeoutError: () => new Error('timeout') })
  const h = createHash('md5')
  await res.body.drain((c) => h.update(c))
  out.push(res.status + ' ' + h.digest('hex'))
}
pool.destroy()
console.log(out.join('\\n'))
`
    )
    // Asynchronously: this process serves the requests.
    const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [script], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(dir, 'cert.pem') },
      encoding: 'utf8'
    })
    expect(stdout.trim().split('\n')).toEqual([`200 ${md5(BLOB)}`, `200 ${md5(BLOB)}`])
  })
})
