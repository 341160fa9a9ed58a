import { spawn, execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'

/**
 * A real git smart-HTTP server for tests: `git http-backend` (CGI) behind a small Node server with
 * Basic auth, on 127.0.0.1 and a free port. Every request's path and Authorization header are
 * recorded so tests can assert what git sent, and where.
 */
export interface GitHttpServer {
  url: string
  port: number
  requests: Array<{ method: string; path: string; authorization?: string; protocol?: string }>
  close(): Promise<void>
}

export interface GitHttpOptions {
  /** Directory holding the bare repositories (`name.git`). */
  root: string
  /** user → password. Any user is accepted with a password listed in `tokens`. Empty = no auth. */
  users?: Record<string, string>
  tokens?: string[]
  /** Drop the `Git-Protocol` header so git falls back to protocol v0. */
  v0?: boolean
  /** Path prefixes served without auth (public repositories beside private ones on one host). */
  open?: string[]
  /** Serve https with this key and certificate (git then needs GIT_SSL_CAINFO naming the certificate). */
  tls?: { key: string; cert: string }
}

function authorized(pathname: string, header: string | undefined, o: GitHttpOptions): boolean {
  if (!o.users && !o.tokens) return true
  if (o.open?.some((prefix) => pathname.startsWith(prefix)) && !header) return true
  const m = /^basic (.+)$/i.exec(header ?? '')
  if (!m) return false
  const [user, ...rest] = Buffer.from(m[1]!, 'base64').toString('utf8').split(':')
  const pass = rest.join(':')
  return (o.tokens ?? []).includes(pass) || (user !== undefined && o.users?.[user] === pass)
}

export async function startGitHttp(o: GitHttpOptions): Promise<GitHttpServer> {
  const requests: GitHttpServer['requests'] = []
  const handler: http.RequestListener = (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x')
    const protocol = o.v0 ? undefined : (req.headers['git-protocol'] as string | undefined)
    requests.push({
      method: req.method ?? '',
      path: u.pathname,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(protocol ? { protocol } : {})
    })
    if (!authorized(u.pathname, req.headers.authorization, o)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('unauthorized')
      return
    }
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: o.root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(u.pathname),
        QUERY_STRING: u.search.slice(1),
        REQUEST_METHOD: req.method,
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
        ...(protocol ? { GIT_PROTOCOL: protocol } : {}),
        REMOTE_USER: 'test',
        REMOTE_ADDR: '127.0.0.1'
      }
    })
    req.pipe(cgi.stdin)
    let head = Buffer.alloc(0)
    let headersDone = false
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk)
        return
      }
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      headersDone = true
      let status = 200
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const i = line.indexOf(':')
        const name = line.slice(0, i).trim()
        const value = line.slice(i + 1).trim()
        if (/^status$/i.test(name)) status = Number(value.split(' ')[0])
        else res.setHeader(name, value)
      }
      res.writeHead(status)
      res.write(head.subarray(end + 4))
    })
    cgi.stdout.on('end', () => res.end())
    cgi.on('error', () => res.destroy())
  }
  const server = o.tls ? https.createServer(o.tls, handler) : http.createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `${o.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Runs git for test fixtures (a fixed identity and dates so SHAs are stable within a run). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'protocol.file.allow',
      GIT_CONFIG_VALUE_0: 'always'
    }
  }).trim()
}

/**
 * A bare repository `root/name.git` built from a work tree where `build` makes commits. Returns
 * the bare path. Partial clone filters are allowed, as on GitHub.
 */
export async function makeRepo(root: string, name: string, build: (work: string) => void | Promise<void>): Promise<string> {
  const work = path.join(root, `${name}-work`)
  await fs.mkdir(work, { recursive: true })
  git(work, 'init', '-q', '-b', 'main')
  await build(work)
  const bare = path.join(root, `${name}.git`)
  git(root, 'clone', '-q', '--bare', work, bare)
  git(bare, 'config', 'uploadpack.allowFilter', 'true')
  git(bare, 'config', 'http.receivepack', 'false')
  return bare
}

/** Writes files (path → content) and commits them; returns the new commit's SHA. */
export async function commit(work: string, files: Record<string, string>, message: string): Promise<string> {
  for (const [rel, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(work, rel)), { recursive: true })
    await fs.writeFile(path.join(work, rel), content)
  }
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', message)
  return git(work, 'rev-parse', 'HEAD')
}
