/**
 * The `--wan` link, run as a child process of the bench (`wan.ts` starts it): TCP fronts on
 * 127.0.0.1 for the loopback servers, every byte crossing one emulated runner link.
 *
 * - latency: each chunk reaches the other side `rtt / 2` after it was sent, so every HTTP
 *   request/response exchange costs one RTT, and a new connection one more (the TCP handshake:
 *   what the client sends first is held for one RTT after it connected);
 * - bandwidth: one link per direction shared by every connection of every front (a runner has
 *   one network interface), each chunk serialised at `mbit` Mbit/s behind the ones before it;
 * - backpressure: a connection whose queued bytes pass 1 MiB stops being read until they drain,
 *   so a slow reader slows its sender as TCP would, and memory stays bounded.
 *
 * Not modelled: TLS (a real forge or bucket adds a second handshake RTT on each new connection),
 * TCP slow start and loss. Both favour tools that open fewer connections, which all sides do.
 *
 * Protocol with the parent (IPC): `{ id, host, port }` → `{ id, port }` (the front's port).
 */
import * as net from 'node:net'
import { performance } from 'node:perf_hooks'

interface LinkOptions {
  rttMs: number
  mbit: number
}

const options = JSON.parse(process.argv[2] ?? '{}') as LinkOptions
const oneWayMs = options.rttMs / 2
const bytesPerMs = (options.mbit * 1e6) / 8 / 1000
const HIGH_WATER = 1 << 20
/** When each direction of the shared link is free again (performance.now() time). */
const linkFreeAt = { up: 0, down: 0 }

type Item = { at: number; data?: Buffer; end?: true }

/** One direction of one connection: bytes read from `from`, written to `to` when they arrive. */
class Pipe {
  private readonly queue: Item[] = []
  private queued = 0
  private lastAt = 0
  private timer: NodeJS.Timeout | undefined
  private ended = false

  constructor(
    private readonly from: net.Socket,
    private readonly to: net.Socket,
    private readonly direction: 'up' | 'down',
    /** Nothing arrives before this time (the handshake, for what the client sends). */
    private readonly notBefore: number
  ) {
    from.on('data', (data: Buffer) => this.push(data))
    // A clean end, or a close without one (destroyed): nothing more comes, after what is queued.
    from.on('end', () => this.finish())
    from.on('close', () => this.finish())
    to.on('drain', () => this.resumeIfDrained())
  }

  private finish(): void {
    if (this.ended) return
    this.ended = true
    this.arrive({ end: true }, 0)
  }

  private push(data: Buffer): void {
    this.queued += data.length
    this.arrive({ data }, data.length)
    if (this.queued + this.to.writableLength > HIGH_WATER) this.from.pause()
  }

  /** Serialises `bytes` on the shared link, then delivers them one way later, in order. */
  private arrive(item: Omit<Item, 'at'>, bytes: number): void {
    const now = performance.now()
    const sent = Math.max(now, linkFreeAt[this.direction]) + bytes / bytesPerMs
    linkFreeAt[this.direction] = sent
    const at = Math.max(sent + oneWayMs, this.notBefore + oneWayMs, this.lastAt)
    this.lastAt = at
    this.queue.push({ ...item, at })
    this.schedule()
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return
    this.timer = setTimeout(() => this.deliver(), Math.max(0, this.queue[0]!.at - performance.now()))
  }

  private deliver(): void {
    this.timer = undefined
    const now = performance.now()
    while (this.queue.length && this.queue[0]!.at <= now + 0.5) {
      const item = this.queue.shift()!
      if (this.to.destroyed || this.to.writableEnded) continue
      if (item.end) this.to.end()
      else {
        this.queued -= item.data!.length
        this.to.write(item.data!)
      }
    }
    this.resumeIfDrained()
    this.schedule()
  }

  private resumeIfDrained(): void {
    if (this.from.isPaused() && this.queued + this.to.writableLength < HIGH_WATER / 2) this.from.resume()
  }

  /** Cancels what is still in flight (the connection failed). */
  drop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.queue.length = 0
  }
}

function front(host: string, port: number): Promise<number> {
  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    const connected = performance.now()
    const upstream = net.connect({ host, port, allowHalfOpen: true })
    client.setNoDelay(true)
    upstream.setNoDelay(true)
    const pipes = [new Pipe(client, upstream, 'up', connected + options.rttMs), new Pipe(upstream, client, 'down', 0)]
    const fail = (): void => {
      for (const p of pipes) p.drop()
      client.destroy()
      upstream.destroy()
    }
    client.on('error', fail)
    upstream.on('error', fail)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))
  })
}

process.on('message', (m: { id: number; host: string; port: number }) => {
  front(m.host, m.port).then(
    (port) => process.send!({ id: m.id, port }),
    (error: unknown) => process.send!({ id: m.id, error: String(error) })
  )
})
process.on('disconnect', () => process.exit(0))
process.send!({ ready: true })
