import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Redirector {
  url: string
  /** `METHOD path authorization?` of every request, in order. */
  requests: Array<{ method: string; path: string; authorization?: string }>
  close(): Promise<void>
}

/**
 * A git host that wants Basic auth and then answers every request with a 302 to the same path on
 * `to` (another origin): what a compromised or misconfigured server can do to a client that
 * follows redirects with its credentials attached.
 */
export async function startRedirector(opts: { to: string; authorization: string }): Promise<Redirector> {
  const requests: Redirector['requests'] = []
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) })
    req.resume()
    if ((req.headers.authorization ?? '').toLowerCase() !== opts.authorization.toLowerCase()) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('unauthorized')
      return
    }
    res.writeHead(302, { location: `${opts.to}${req.url ?? '/'}` }).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
