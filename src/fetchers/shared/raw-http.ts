import * as net from 'node:net'
import * as tls from 'node:tls'
import { BodyFramer, parseHead, requestHead, type ResponseHead } from './http-framing.js'

/**
 * HTTP/1.1 GETs whose response bodies are read into one buffer per connection and handed
 * straight to the caller (`DirectBody.drain`), which writes them to their file before the next
 * read.
 *
 * Why: `node:http` gets every socket read as a fresh Buffer. For a 1 GiB object that is 16,000
 * buffers of garbage, which V8 collects only after tens of MB of it have piled up: Node 24 peaked
 * at ~160 MB for a bare `http.get` → file stream of 1 GiB, and the full collections the buffers
 * trigger cost ~0.2 s of main thread per 400 MiB. Reading into a reused buffer keeps the memory
 * of a transfer at one buffer per connection and leaves the collector nothing to do.
 */
export type RawTarget = { protocol: 'http:' | 'https:'; hostname: string; port?: number }

/** A response body read from the socket's own buffer. */
export interface DirectBody extends AsyncIterable<Buffer> {
  readonly direct: true
  /**
   * Hands every byte of the body to `sink` as it is read; a chunk is valid only during the call
   * (it is the connection's read buffer), so `sink` must use it at once. Resolves at the body's
   * end; rejects when the connection fails, `destroy` is called or `sink` throws.
   */
  drain(sink: (chunk: Buffer) => void): Promise<void>
  destroy(error?: Error): void
}

/** Status, headers (names in lower case) and the body. */
export type RawResponse = Omit<ResponseHead, 'keepAlive'> & { body: DirectBody }

export interface RawRequest {
  path: string
  headers: Record<string, string>
  signal: AbortSignal
  /** No byte for this long before the headers are complete fails the request with `timeoutError()`. */
  idleMs: number
  timeoutError: () => Error
}

export const isDirectBody = (body: unknown): body is DirectBody => (body as { direct?: unknown } | null)?.direct === true

/** Per connection: the size of every read, so of the chunks a sink gets; and a head's limit. */
const [READ_BUFFER, MAX_HEAD, HEAD_END] = [256 * 1024, 64 * 1024, Buffer.from('\r\n\r\n')]

/** A connection closed under an exchange: transient (retried). */
const closedEarly = (): Error => Object.assign(new Error('the connection closed before the response ended'), { name: 'ConnectionError', code: 'ECONNRESET' })

/** One request and its response on a connection. */
class Exchange {
  head = ''
  response?: RawResponse
  framing?: BodyFramer
  sink?: (chunk: Buffer) => void
  /** Body bytes read before the caller asked for them (copied: the read buffer is reused). */
  pending: Buffer[] = []
  done = false
  failed?: Error
  reusable = false
  /** Re-arms the headers' timer. */
  poke?: () => void
  /** Run once when the exchange ends either way. */
  readonly onSettle: Array<() => void> = []
  onHead!: { resolve: (r: RawResponse) => void; reject: (e: Error) => void }
  onEnd?: { resolve: () => void; reject: (e: Error) => void }
  /** Made once per exchange, not per read. */
  deliver!: (chunk: Buffer) => void
}

class Connection {
  readonly socket: net.Socket
  exchange?: Exchange
  closed = false
  private readonly buffer = Buffer.allocUnsafe(READ_BUFFER)

  constructor(
    target: RawTarget,
    private readonly onFree: (c: Connection) => void
  ) {
    const onread = { buffer: this.buffer, callback: (n: number, buf: Uint8Array) => this.read(n, buf as Buffer) }
    const port = target.port ?? (target.protocol === 'https:' ? 443 : 80)
    this.socket =
      target.protocol === 'https:'
        ? // `onread` works for TLS sockets too (Node passes it to the socket); the types omit it.
          tls.connect({
            host: target.hostname,
            port,
            onread,
            ALPNProtocols: ['http/1.1'],
            ...(net.isIP(target.hostname) ? {} : { servername: target.hostname })
          } as tls.ConnectionOptions)
        : net.connect({ host: target.hostname, port, onread })
    this.socket.setNoDelay(true)
    this.socket.on('error', (e) => this.fail(e))
    this.socket.on('close', () => {
      this.closed = true
      const x = this.exchange
      if (x && !x.done && x.framing?.untilClose && !x.failed) this.finish(x)
      else this.fail(closedEarly())
    })
  }

  start(x: Exchange, head: string): void {
    this.exchange = x
    x.deliver = (chunk) => this.deliver(x, chunk)
    this.socket.write(head, 'latin1')
  }

  /** The onread callback: false stops reading until `resume`. */
  private read(n: number, buf: Buffer): boolean {
    const x = this.exchange
    if (!x || x.done || x.failed) {
      // Bytes nobody asked for: the connection is out of step.
      this.socket.destroy()
      return false
    }
    let off = 0
    if (!x.response) {
      x.poke?.()
      // Only the head becomes a string (unless its end is split across reads: rare).
      const i = buf.indexOf(HEAD_END)
      const upto = i >= 0 && i + 4 <= n ? i + 4 : n
      x.head += buf.toString('latin1', 0, upto)
      const end = x.head.indexOf('\r\n\r\n')
      if (end < 0) {
        if (x.head.length > MAX_HEAD) this.fail(new Error(`response headers over ${MAX_HEAD} bytes`))
        return true
      }
      off = upto - (x.head.length - end - 4)
      if (!this.parseHead(x, x.head.slice(0, end))) return false
    }
    this.body(x, buf, off, n)
    return x.done || x.failed !== undefined || x.sink !== undefined
  }

  private parseHead(x: Exchange, head: string): boolean {
    let parsed: ResponseHead
    try {
      parsed = parseHead(head)
    } catch (error) {
      this.fail(error as Error)
      return false
    }
    x.framing = new BodyFramer(parsed)
    x.reusable = parsed.keepAlive && !x.framing.untilClose
    x.response = { status: parsed.status, headers: parsed.headers, body: this.bodyOf(x) }
    x.onHead.resolve(x.response)
    return true
  }

  /** Feeds body bytes `buf[from, to)` through the framing. */
  private body(x: Exchange, buf: Buffer, from: number, to: number): void {
    const framing = x.framing!
    let at = from
    try {
      at = framing.feed(buf, from, to, x.deliver)
    } catch (error) {
      return this.fail(error as Error)
    }
    if (!framing.done || x.failed) return
    this.finish(x)
    // Bytes past the end of the response: not ours to read, and the connection is out of step.
    if (at < to) x.reusable = false
    if (x.reusable && !this.closed) this.onFree(this)
    else this.socket.destroy()
  }

  private deliver(x: Exchange, chunk: Buffer): void {
    if (x.failed) return
    if (!x.sink) return void x.pending.push(Buffer.from(chunk))
    try {
      x.sink(chunk)
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)))
    }
  }

  private bodyOf(x: Exchange): DirectBody {
    const drain = (sink: (chunk: Buffer) => void): Promise<void> => {
      if (x.sink) return Promise.reject(new Error('the body is already being read'))
      return new Promise<void>((resolve, reject) => {
        x.onEnd = { resolve, reject }
        x.sink = sink
        for (const chunk of x.pending.splice(0)) this.deliver(x, chunk)
        if (x.failed) reject(x.failed)
        else if (x.done) resolve()
        else this.socket.resume()
      })
    }
    return {
      direct: true,
      drain,
      destroy: (error) => {
        if (!x.done && !x.failed) this.fail(error ?? new Error('aborted'))
      },
      async *[Symbol.asyncIterator]() {
        // Listing pages and error answers: small, read whole, in copies.
        const chunks: Buffer[] = []
        await drain((chunk) => chunks.push(Buffer.from(chunk)))
        yield* chunks
      }
    }
  }

  private finish(x: Exchange): void {
    x.done = true
    if (this.exchange === x) this.exchange = undefined
    for (const f of x.onSettle.splice(0)) f()
    x.onEnd?.resolve()
  }

  fail(error: Error): void {
    const x = this.exchange
    this.socket.destroy()
    if (!x || x.done || x.failed) return
    x.failed = error
    this.exchange = undefined
    for (const f of x.onSettle.splice(0)) f()
    if (!x.response) x.onHead.reject(error)
    else x.onEnd?.reject(error)
  }
}

/** Keep-alive connections to one server; up to `maxIdle` are kept between requests. */
export class RawPool {
  private readonly idle: Connection[] = []
  private readonly open = new Set<Connection>()

  constructor(
    private readonly target: RawTarget,
    private readonly maxIdle: number
  ) {}

  /**
   * One exchange on an idle connection, or a new one. A kept-alive connection the server closes
   * under a request fails it (retried by the caller and logged, as with Node's agent): an idle one
   * that closes is dropped from the pool as soon as it does.
   */
  get(req: RawRequest): Promise<RawResponse> {
    if (req.signal.aborted) return Promise.reject(req.signal.reason)
    let head: string
    try {
      head = requestHead(req.path, req.headers)
    } catch (error) {
      return Promise.reject(error as Error)
    }
    return this.exchange(this.idle.pop() ?? this.connect(), req, head)
  }

  destroy(): void {
    for (const c of this.open) c.socket.destroy()
    this.open.clear()
    this.idle.length = 0
  }

  private connect(): Connection {
    const conn = new Connection(this.target, (c) => {
      if (this.idle.length < this.maxIdle && !c.closed) this.idle.push(c)
      else c.socket.destroy()
    })
    this.open.add(conn)
    conn.socket.on('close', () => {
      this.open.delete(conn)
      const i = this.idle.indexOf(conn)
      if (i >= 0) this.idle.splice(i, 1)
    })
    return conn
  }

  private exchange(conn: Connection, req: RawRequest, requestHead: string): Promise<RawResponse> {
    const x = new Exchange()
    const head = new Promise<RawResponse>((resolve, reject) => (x.onHead = { resolve, reject }))
    const abort = (): void => {
      const reason: unknown = req.signal.reason
      const error = reason instanceof Error ? reason : new Error('aborted')
      if (x.response) x.response.body.destroy(error)
      else conn.fail(error)
    }
    req.signal.addEventListener('abort', abort, { once: true })
    // The headers' timer: re-armed by every byte until they are complete.
    let timer: NodeJS.Timeout | undefined
    x.poke = () => {
      clearTimeout(timer)
      timer = setTimeout(() => conn.fail(req.timeoutError()), req.idleMs)
    }
    x.poke()
    x.onSettle.push(() => {
      clearTimeout(timer)
      req.signal.removeEventListener('abort', abort)
    })
    conn.start(x, requestHead)
    return head.finally(() => {
      clearTimeout(timer)
      x.poke = undefined
    })
  }
}
