import { EventEmitter } from 'node:events'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GatedRoute {
  body: Buffer
  /** Bytes sent at once; the rest waits for `release(path)` (forever if never released). */
  firstChunk: number
}

/**
 * A file server whose responses stop part-way until the test says go: the way to hold a
 * download open at a known point (a slow or stuck server) and to order two clients, with events
 * instead of sleeps. Emits `request` (path) on arrival and `sent` (path, bytes) once the first
 * chunk has been handed to the socket.
 */
export class GatedHttp extends EventEmitter {
  readonly routes = new Map<string, GatedRoute>()
  private readonly waiting = new Map<string, Array<() => void>>()
  private readonly released = new Set<string>()
  private server?: http.Server
  url = ''

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const p = new URL(req.url ?? '/', 'http://x').pathname
      const route = this.routes.get(p)
      this.emit('request', p)
      if (!route) {
        res.writeHead(404).end('not found')
        return
      }
      res.writeHead(200, { 'content-length': route.body.length, 'content-type': 'application/octet-stream' })
      const first = route.body.subarray(0, route.firstChunk)
      res.write(first, () => this.emit('sent', p, first.length))
      const rest = (): void => {
        res.end(route.body.subarray(route.firstChunk))
      }
      if (this.released.has(p)) rest()
      else this.waiting.set(p, [...(this.waiting.get(p) ?? []), rest])
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  /** Lets every held and every later response to `path` finish. */
  release(path: string): void {
    this.released.add(path)
    for (const go of this.waiting.get(path) ?? []) go()
    this.waiting.delete(path)
  }

  /** Resolves on the next event `name` for `path`. */
  next(name: 'request' | 'sent', path: string): Promise<void> {
    return new Promise((resolve) => {
      const on = (p: string): void => {
        if (p !== path) return
        this.off(name, on)
        resolve()
      }
      this.on(name, on)
    })
  }

  async stop(): Promise<void> {
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
  }
}
