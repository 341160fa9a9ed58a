import * as http from 'node:http'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * A real HTTP CONNECT proxy on loopback: every tunnel it opens is recorded (`host:port` asked
 * for), and `refuse` answers 403 instead, so tests can prove traffic went through it. With
 * `credentials` (`user:password`) it answers 407 to a CONNECT without them.
 */
export interface ConnectProxy {
  address: string
  tunnels: string[]
  refuse: boolean
  /** Called while the client that asked for the tunnel waits for the answer (it is still running). */
  onTunnel?: () => void
  close(): Promise<void>
}

export async function startConnectProxy(credentials?: string): Promise<ConnectProxy> {
  const sockets = new Set<net.Socket>()
  const proxy: ConnectProxy = { address: '', tunnels: [], refuse: false, close: async () => undefined }
  const expected = credentials ? `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` : undefined
  const server = http.createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client)
    proxy.tunnels.push(req.url ?? '')
    proxy.onTunnel?.()
    if (expected && req.headers['proxy-authorization'] !== expected)
      return void client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n')
    if (proxy.refuse) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    const [host, port] = (req.url ?? '').split(':')
    const upstream = net.connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    const end = (): void => {
      client.destroy()
      upstream.destroy()
    }
    upstream.on('error', end)
    client.on('error', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.address = `127.0.0.1:${(server.address() as AddressInfo).port}`
  proxy.close = async () => {
    for (const s of sockets) s.destroy()
    await new Promise((resolve) => server.close(resolve))
  }
  return proxy
}
