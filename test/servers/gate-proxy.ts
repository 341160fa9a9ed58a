import { EventEmitter } from 'node:events'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface HoldOptions {
  /** Hold the n-th request for which the predicate is true (1, the default, is the first). */
  nth?: number
  /**
   * Let requests through and hold the first answer (from the n-th match on) that reaches this
   * many body bytes, once the headers and those bytes have been sent: a client frozen mid-body.
   * Shorter answers pass. Without it the n-th match is held before it reaches the server.
   */
  afterBytes?: number
}

interface Arming {
  match: (method: string, path: string) => boolean
  nth: number
  seen: number
  afterBytes?: number
}

/**
 * A reverse proxy in front of a test server that can hold one request (the n-th one matching
 * `hold`, or its answer part-way) until `release()`: a client frozen mid-transfer at a known point, so a test can start a
 * second client against the same destination, or kill the first, and order events without
 * sleeping. Emits `request` (method, path, gated: whether it may be held) for every request, and
 * `held` (method, path) once one is parked (with `afterBytes`, once those bytes were handed to the
 * socket).
 */
export class GateProxy extends EventEmitter {
  url = ''
  private server?: http.Server
  private parked?: () => void
  private armed: Arming | undefined

  constructor(private readonly upstream: string) {
    super()
  }

  /** Arms the gate (replacing any earlier arming): the next hold is the `nth` match from now. */
  hold(match: (method: string, path: string) => boolean, options: HoldOptions = {}): void {
    this.armed = { match, nth: options.nth ?? 1, seen: 0, ...(options.afterBytes !== undefined ? { afterBytes: options.afterBytes } : {}) }
  }

  /** Lets the held request (if any) go on, and disarms: nothing more is held until `hold` again. */
  release(): void {
    this.armed = undefined
    const go = this.parked
    this.parked = undefined
    go?.()
  }

  /** The arming this request falls under (counting it if it matches), if it is to be held. */
  private take(method: string, p: string): Arming | undefined {
    const armed = this.armed
    if (!armed?.match(method, p) || ++armed.seen < armed.nth) return undefined
    // Mid-body holds stay armed until an answer is long enough to be held.
    if (armed.afterBytes === undefined) this.armed = undefined
    return armed
  }

  async start(): Promise<this> {
    const target = new URL(this.upstream)
    this.server = http.createServer((req, res) => {
      const method = req.method ?? 'GET'
      const p = new URL(req.url ?? '/', 'http://x').pathname
      const hold = this.take(method, p)
      this.emit('request', method, p, hold !== undefined)
      const park = (go: () => void): void => {
        this.parked = go
        // A client that goes away (killed) while held leaves nothing to release.
        res.once('close', () => {
          if (this.parked === go) this.parked = undefined
        })
      }
      const forward = (): void => {
        const up = http.request({ host: target.hostname, port: target.port, method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          if (hold?.afterBytes === undefined) answer.pipe(res)
          else this.relayHeld(method, p, answer, res, hold, park)
        })
        up.on('error', () => res.destroy())
        // The client went away mid-answer (killed): stop the upstream side too.
        res.once('close', () => {
          if (!res.writableFinished) up.destroy()
        })
        req.pipe(up)
      }
      if (hold && hold.afterBytes === undefined) {
        // The body is read only once released: the client sits waiting for its answer.
        req.pause()
        park(forward)
        this.emit('held', method, p)
      } else forward()
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  /** Relays `answer`; holds the rest once `arming.afterBytes` are out, if it is still armed then. */
  private relayHeld(method: string, p: string, answer: http.IncomingMessage, res: http.ServerResponse, arming: Arming, park: (go: () => void) => void): void {
    let left = arming.afterBytes!
    let holding = false
    let released = false
    let ended = false
    answer.on('data', (chunk: Buffer) => {
      if (holding || chunk.length < left || this.armed !== arming) {
        left -= chunk.length
        res.write(chunk)
        return
      }
      this.armed = undefined
      holding = true
      answer.pause()
      res.write(chunk.subarray(0, left), () => this.emit('held', method, p))
      const rest = chunk.subarray(left)
      park(() => {
        released = true
        res.write(rest)
        if (ended) res.end()
        else answer.resume()
      })
    })
    answer.on('end', () => {
      ended = true
      // Held: the end goes out with the rest, on release.
      if (!holding || released) res.end()
    })
  }

  async stop(): Promise<void> {
    this.release()
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
  }
}
