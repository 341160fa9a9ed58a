/**
 * The parts of an HTTP/1.1 response that raw-http.ts reads itself: the head (status line and
 * headers) and where the body ends (Content-Length, chunked, or the connection's close).
 */
export interface ResponseHead {
  status: number
  /** Names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>
  /** Whether the connection may carry another request once this body is read. */
  keepAlive: boolean
}

/**
 * A GET's request head. Refuses what Node's own client refuses (a path or header with a control
 * character, a malformed header name): a value from a server (an ETag) cannot add a header.
 */
export function requestHead(path: string, headers: Record<string, string>): string {
  if (/[^\u0021-\u00ff]/.test(path)) throw new Error('the request path holds unescaped characters')
  let head = `GET ${path} HTTP/1.1\r\n`
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) || /[^\t\x20-\x7e\x80-\xff]/.test(value))
      throw new Error(`invalid characters in the request header ${JSON.stringify(name)}`)
    head += `${name}: ${value}\r\n`
  }
  return `${head}\r\n`
}

/** Parses the head up to (not including) its empty line; throws on anything but HTTP/1.x. */
export function parseHead(head: string): ResponseHead {
  const [statusLine = '', ...lines] = head.split('\r\n')
  const m = /^HTTP\/1\.([01]) (\d{3})/.exec(statusLine)
  if (!m) throw new Error(`not an HTTP/1.x response: ${JSON.stringify(statusLine.slice(0, 80))}`)
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`
  }
  return { status: Number(m[2]), headers, keepAlive: m[1] === '1' && !/\bclose\b/i.test(headers.connection ?? '') }
}

const malformed = (): Error => new Error('malformed chunked response')

/** Finds the body's bytes in what the connection reads, and where the body ends. */
export class BodyFramer {
  private readonly kind: 'length' | 'chunked' | 'close'
  private left = 0
  private phase: 'size' | 'data' | 'crlf' | 'trailer' = 'size'
  private line = ''
  /** Whether the whole body has been fed. */
  done = false

  constructor(head: ResponseHead) {
    const length = head.headers['content-length']
    if (head.status === 204 || head.status === 304) this.kind = 'length'
    else if (/\bchunked\b/i.test(head.headers['transfer-encoding'] ?? '')) this.kind = 'chunked'
    else if (length !== undefined && /^\d+$/.test(length)) {
      this.kind = 'length'
      this.left = Number(length)
    } else this.kind = 'close'
    // A body of no bytes at all is complete before anything is read.
    this.done = this.kind === 'length' && this.left === 0
  }

  /** The body ends when the server closes the connection (no framing): never reusable. */
  get untilClose(): boolean {
    return this.kind === 'close'
  }

  /**
   * Hands the body bytes of `buf[from, to)` to `deliver`; returns where it stopped, which is
   * before `to` only when the body ended there (`done`). Throws on malformed chunking.
   */
  feed(buf: Buffer, from: number, to: number, deliver: (chunk: Buffer) => void): number {
    let at = from
    while (at < to && !this.done) {
      if (this.kind === 'close') {
        deliver(buf.subarray(at, to))
        return to
      }
      if (this.kind === 'length' || this.phase === 'data') {
        const take = Math.min(this.left, to - at)
        if (take > 0) deliver(buf.subarray(at, at + take))
        at += take
        this.left -= take
        if (this.left > 0) continue
        if (this.kind === 'length') this.done = true
        else this.phase = 'crlf'
        continue
      }
      // Chunked framing lines: a size, the CRLF after data, trailers up to an empty line.
      const nl = buf.indexOf(10, at)
      const stop = nl < 0 || nl >= to ? to : nl + 1
      this.line += buf.toString('latin1', at, stop)
      at = stop
      if (this.line.length > 8192) throw malformed()
      if (!this.line.endsWith('\n')) continue
      const line = this.line.trim()
      this.line = ''
      if (this.phase === 'crlf') {
        if (line !== '') throw malformed()
        this.phase = 'size'
      } else if (this.phase === 'size') {
        const size = parseInt(line.split(';')[0]!, 16)
        if (!/^[0-9a-f]+/i.test(line) || !Number.isSafeInteger(size)) throw malformed()
        if (size === 0) this.phase = 'trailer'
        else {
          this.left = size
          this.phase = 'data'
        }
      } else if (line === '') this.done = true
    }
    return at
  }
}
