import { EventEmitter } from 'node:events'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A reverse proxy in front of a test server that can hold one request (the first one matching
 * `hold`) until `release()`: a client frozen mid-transfer at a known point, so a test can start a
 * second client against the same destination and order events without sleeping. Emits `request`
 * (method, path, held) for every request, and `held` when the matching one is parked.
 */
export class GateProxy extends EventEmitter {
  url = ''
  private server?: http.Server
  private parked?: () => void
  private armed: ((method: string, path: string) => boolean) | undefined
  private releasedAll = false

  constructor(private readonly upstream: string) {
    super()
  }

  /** Holds the next request for which `match` is true (once). */
  hold(match: (method: string, path: string) => boolean): void {
    this.armed = match
  }

  release(): void {
    this.releasedAll = true
    const go = this.parked
    this.parked = undefined
    go?.()
  }

  async start(): Promise<this> {
    const target = new URL(this.upstream)
    this.server = http.createServer((req, res) => {
      const method = req.method ?? 'GET'
      const p = new URL(req.url ?? '/', 'http://x').pathname
      const park = !this.releasedAll && this.armed?.(method, p) === true
      if (park) this.armed = undefined
      this.emit('request', method, p, park)
      const forward = (): void => {
        const up = http.request({ host: target.hostname, port: target.port, method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        })
        up.on('error', () => res.destroy())
        req.pipe(up)
      }
      if (park) {
        // The body is read only once released: the client sits waiting for its answer.
        req.pause()
        this.parked = forward
        this.emit('held', method, p)
      } else forward()
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    this.release()
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
  }
}
