import { createHash } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { crc32, gzipSync } from 'node:zlib'
import { Header } from 'tar'

export interface Route {
  body: Buffer
  etag?: string
  /** A HEAD answers this ETag instead: the file changed between a HEAD and the GET after it. */
  headEtag?: string
  lastModified?: string
  /** Exact `Authorization` header required; anything else gets 401. */
  authorization?: string
  /** Flip one byte of the body on this many of the next responses. */
  corruptNext?: number
  status?: number
  /** Send the headers and this many body bytes, then stall (until the client gives up). */
  stallAfter?: number
  /** Answer 302 to this location instead. */
  redirect?: string
}

export interface HttpTestServer {
  url: string
  routes: Map<string, Route>
  /** `METHOD path status` of every request. */
  log: string[]
  /** Request headers, by path, of the last request. */
  lastHeaders: Map<string, http.IncomingHttpHeaders>
  stop(): Promise<void>
}

/** A plain file server for http sources: ETag/304, basic/bearer checks and corruption on demand. */
export async function startHttp(): Promise<HttpTestServer> {
  const routes = new Map<string, Route>()
  const log: string[] = []
  const lastHeaders = new Map<string, http.IncomingHttpHeaders>()
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const route = routes.get(url.pathname)
    lastHeaders.set(url.pathname, req.headers)
    const reply = (status: number, body?: Buffer, headers: http.OutgoingHttpHeaders = {}): void => {
      log.push(`${req.method} ${url.pathname} ${status}`)
      res.writeHead(status, { ...headers, ...(body ? { 'content-length': body.length } : {}) })
      res.end(body)
    }
    if (!route) return reply(404, Buffer.from('not found'))
    if (route.authorization !== undefined && req.headers.authorization !== route.authorization) return reply(401, Buffer.from('who are you'))
    if (route.redirect) return reply(302, Buffer.from(''), { location: route.redirect })
    if (route.status) return reply(route.status, Buffer.from('nope'))
    const etag = req.method === 'HEAD' && route.headEtag ? route.headEtag : route.etag
    const validators = { ...(etag ? { etag } : {}), ...(route.lastModified ? { 'last-modified': route.lastModified } : {}) }
    if (route.etag && req.headers['if-none-match'] === route.etag) return reply(304, undefined, validators)
    let body = route.body
    if (route.stallAfter !== undefined) {
      log.push(`${req.method} ${url.pathname} 200`)
      res.writeHead(200, { 'content-length': body.length })
      res.write(body.subarray(0, route.stallAfter))
      return
    }
    if (route.corruptNext) {
      route.corruptNext--
      body = Buffer.from(body)
      body[body.length >> 1] = body[body.length >> 1]! ^ 0x01
    }
    reply(200, body, validators)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routes,
    log,
    lastHeaders,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

export interface ArchiveEntry {
  path: string
  type?: 'File' | 'Directory' | 'SymbolicLink' | 'Link'
  body?: string | Buffer
  linkpath?: string
}

/**
 * A tar built header by header, so a test can write entries no archiver would (`../x`,
 * absolute paths, links pointing out).
 */
export function makeTar(entries: ArchiveEntry[], gzip = false): Buffer {
  const blocks: Buffer[] = []
  for (const e of entries) {
    const body = Buffer.from(e.body ?? '')
    const type = e.type ?? 'File'
    const header = Buffer.alloc(512)
    new Header({
      path: e.path,
      type,
      size: type === 'File' ? body.length : 0,
      mode: type === 'Directory' ? 0o755 : 0o644,
      mtime: new Date(0),
      ...(e.linkpath ? { linkpath: e.linkpath } : {})
    }).encode(header, 0)
    blocks.push(header)
    if (type === 'File') blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  const tar = Buffer.concat(blocks)
  return gzip ? gzipSync(tar) : tar
}

/** A stored (uncompressed) zip with any names and unix modes, symlinks included. */
export function makeZip(entries: ArchiveEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.path)
    const type = e.type ?? 'File'
    const data = Buffer.from(type === 'SymbolicLink' ? (e.linkpath ?? '') : (e.body ?? ''))
    const mode = type === 'SymbolicLink' ? 0o120777 : type === 'Directory' ? 0o40755 : 0o100644
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(0x0314, 4) // made by: unix
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE((mode << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += local.length + name.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/** A CONNECT proxy (what undici's proxy agent speaks), recording each tunnel's target. */
export async function startConnectProxy(): Promise<{ url: string; tunnels: string[]; stop(): Promise<void> }> {
  const { connect } = await import('node:net')
  const tunnels: string[] = []
  const server = http.createServer((_req, res) => {
    res.writeHead(405)
    res.end()
  })
  server.on('connect', (req: http.IncomingMessage, client: import('node:net').Socket, head: Buffer) => {
    tunnels.push(req.url ?? '')
    const [host, port] = (req.url ?? '').split(':')
    const upstream = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
