import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Azurite } from './azurite.js'
import { AZURITE_ACCOUNT } from './azurite.js'

/**
 * An HTTP forward proxy (HTTP_PROXY) that serves `<account>.blob.core.windows.net` from azurite.
 *
 * `@actions/cache` downloads with the Azure SDK (HEAD, then parallel ranged GETs, segment timeouts)
 * only when the archive URL's host ends in `.blob.core.windows.net`; any other host gets one plain
 * GET through @actions/http-client. Handing out Azure-named URLs and reaching them through a proxy
 * (which the Azure SDK honours) runs the path GitHub-hosted runs take. Azurite reads the account
 * from such a host name (its "production-style" URLs), and SAS signatures do not cover the host.
 */
export const AZURE_BLOB_HOST = `${AZURITE_ACCOUNT}.blob.core.windows.net`

export interface BlobHostProxy {
  /** `http://127.0.0.1:PORT`: the value for HTTP_PROXY. */
  url: string
  /** Absolute URLs asked for, in order, including refused ones. */
  requests: string[]
  stop(): Promise<void>
}

export async function startBlobHostProxy(azurite: Azurite): Promise<BlobHostProxy> {
  const target = new URL(azurite.endpoint)
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '')
    let url: URL | undefined
    try {
      url = new URL(req.url ?? '')
    } catch {
      url = undefined
    }
    if (!url || url.protocol !== 'http:' || url.host !== AZURE_BLOB_HOST) {
      req.resume()
      res.writeHead(502, { 'content-type': 'text/plain' })
      return void res.end(`this test proxy only serves http://${AZURE_BLOB_HOST}, not ${req.url}\n`)
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: `${url.pathname}${url.search}`, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  // The SDK may tunnel instead of sending absolute URLs; nothing here is https.
  server.on('connect', (_req: http.IncomingMessage, socket) => socket.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    async stop() {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  }
}
