import * as http from 'node:http'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * A fault-injecting proxy for tests: listens on 127.0.0.1 between the code under test and a real
 * loopback server (s3rver, azurite, git http-backend, the http file server) and, per request,
 * passes it through or breaks it the way real networks and stores do. Randomness is seeded (and
 * the seed printed) so a failing run can be replayed with FAULT_SEED.
 */
export type Fault =
  /** The connection is reset as soon as the request arrives. */
  | 'drop'
  /** An error status (`status`, default 503) with `Retry-After`, then the connection closes. */
  | 'status'
  /** The real response's headers and half its body, then the connection closes. */
  | 'truncate'
  /** The request is read and never answered: not a byte comes back. */
  | 'stall'
  /** The real response's status and headers, then nothing: the body never comes. */
  | 'stall-headers'

export interface FaultOptions {
  /** Probability (0..1) that a request is hit by one of `faults`. */
  rate?: number
  faults?: Fault[]
  /** Probability (0..1) that a new connection is accepted and then ignored: nothing is read or sent. */
  stallConnections?: number
  /** Probability (0..1) that a new connection is reset at once, before any byte. */
  dropConnections?: number
  /** Every this-many-th new connection is reset at once: deterministic, unlike `dropConnections`. */
  dropEvery?: number
  /** Answer every request with `connection: close`, so each request needs a fresh connection. */
  closeConnections?: boolean
  status?: number
  /** `Retry-After` sent with an injected status (seconds or an HTTP date); none when undefined. */
  retryAfter?: string
  /**
   * At most this many faults per request (method, path, query and Range): a bounded retry policy
   * then always gets through, so "lands complete" does not depend on luck. Default: unbounded.
   */
  maxPerRequest?: number
  /**
   * The first this many candidate requests are always hit, taking `faults` in turn, so a test is
   * sure to see each kind whatever the seed; `rate` applies after them.
   */
  first?: number
  /** Only requests for which this is true are candidates for faults. */
  match?: (method: string, url: string) => boolean
}

export interface ProxyEntry {
  method: string
  url: string
  range?: string
  /** The fault injected, when there was one. */
  fault?: Fault
  /** Milliseconds since the proxy started. */
  at: number
}

export interface FaultProxy {
  url: string
  seed: number
  /** Every request that reached the proxy, in order. */
  log: ProxyEntry[]
  /** Connections reset or left stalled at accept. */
  connections: { dropped: number; stalled: number }
  /** Replaces the fault settings (per test); `{}` = a clean pass-through. */
  set(options: FaultOptions): void
  /**
   * Closes every open connection: SDKs keep module-wide keep-alive pools, so without this a test
   * about new connections would ride on sockets an earlier test opened.
   */
  resetConnections(): void
  stop(): Promise<void>
}

/** mulberry32: small, fast, good enough to spread faults, and reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CODES: Record<number, string> = { 401: 'Unauthorized', 403: 'AccessDenied', 404: 'NoSuchKey', 429: 'SlowDown', 503: 'ServiceUnavailable' }

/** An S3/Azure-style XML error, so SDKs parse an injected status like a real one. */
const errorBody = (status: number): Buffer =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${CODES[status] ?? 'InternalError'}</Code><Message>injected ${status} by the fault proxy</Message></Error>`
  )

/** Starts a proxy in front of `target` (`http://127.0.0.1:PORT`). */
export async function startFaultProxy(target: string, opts: { seed?: number; label?: string } = {}): Promise<FaultProxy> {
  const seed = opts.seed ?? (Number(process.env.FAULT_SEED) || Math.floor(Math.random() * 2 ** 31))
  console.log(`fault proxy${opts.label ? ` (${opts.label})` : ''}: seed ${seed} (replay with FAULT_SEED=${seed})`)
  const random = seededRandom(seed)
  const upstream = new URL(target)
  const started = Date.now()
  const sockets = new Set<net.Socket>()
  const hits = new Map<string, number>()
  let options: FaultOptions = {}
  let candidates = 0
  const log: ProxyEntry[] = []
  const connections = { dropped: 0, stalled: 0 }

  const pick = (method: string, url: string, key: string): Fault | undefined => {
    const faults = options.faults ?? []
    if (!faults.length || !(options.match?.(method, url) ?? true)) return undefined
    if ((hits.get(key) ?? 0) >= (options.maxPerRequest ?? Infinity)) return undefined
    const forced = candidates < (options.first ?? 0)
    candidates++
    if (!forced && random() >= (options.rate ?? 0)) return undefined
    hits.set(key, (hits.get(key) ?? 0) + 1)
    return forced ? faults[(candidates - 1) % faults.length] : faults[Math.floor(random() * faults.length)]
  }

  const server = http.createServer({ keepAlive: true }, (req, res) => {
    const method = req.method ?? 'GET'
    const url = req.url ?? '/'
    // Azure sends its range as x-ms-range: either tells the parts of one object apart.
    const rawRange = req.headers['x-ms-range'] ?? req.headers.range
    const range = typeof rawRange === 'string' ? rawRange : undefined
    const fault = pick(method, url, `${method} ${url} ${range ?? ''}`)
    log.push({ method, url, ...(range ? { range } : {}), ...(fault ? { fault } : {}), at: Date.now() - started })
    if (fault === 'drop') {
      req.socket.resetAndDestroy()
      return
    }
    if (fault === 'stall') {
      req.resume()
      return
    }
    if (fault === 'status') {
      req.resume()
      const status = options.status ?? 503
      const body = errorBody(status)
      res.writeHead(status, {
        'content-type': 'application/xml',
        'content-length': body.length,
        connection: 'close',
        ...(options.retryAfter !== undefined ? { 'retry-after': options.retryAfter } : {})
      })
      res.end(body)
      return
    }
    const up = http.request({ host: upstream.hostname, port: upstream.port, method, path: url, headers: req.headers }, (answer) => {
      res.writeHead(
        answer.statusCode ?? 502,
        answer.statusMessage ?? '',
        options.closeConnections ? { ...answer.headers, connection: 'close' } : answer.headers
      )
      if (fault === 'stall-headers') {
        res.flushHeaders()
        answer.resume()
        return
      }
      if (fault !== 'truncate') {
        answer.pipe(res)
        return
      }
      // Half the advertised body (or half the first chunk), then the connection goes away.
      const length = Number(answer.headers['content-length'])
      let budget = Number.isFinite(length) && length > 1 ? Math.floor(length / 2) : -1
      answer.on('data', (chunk: Buffer) => {
        if (budget < 0) budget = Math.max(0, Math.floor(chunk.length / 2))
        const part = chunk.subarray(0, budget)
        budget -= part.length
        if (part.length) res.write(part)
        if (budget <= 0) {
          answer.destroy()
          res.socket?.destroy()
        }
      })
      answer.on('end', () => res.socket?.destroy())
    })
    up.on('error', () => res.socket?.destroy())
    req.pipe(up)
  })
  server.on('clientError', (_e, socket) => socket.destroy())

  let accepted = 0
  // Connections are accepted here first so a test can reset or stall them before HTTP starts.
  const front = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    accepted++
    if ((options.dropEvery && accepted % options.dropEvery === 0) || random() < (options.dropConnections ?? 0)) {
      connections.dropped++
      socket.resetAndDestroy()
      return
    }
    if (random() < (options.stallConnections ?? 0)) {
      connections.stalled++
      socket.pause()
      return
    }
    server.emit('connection', socket)
  })
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
  const port = (front.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    seed,
    log,
    connections,
    set(next) {
      options = next
      hits.clear()
      candidates = 0
    },
    resetConnections() {
      for (const s of sockets) s.destroy()
    },
    async stop() {
      for (const s of sockets) s.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => front.close(() => resolve()))
    }
  }
}
