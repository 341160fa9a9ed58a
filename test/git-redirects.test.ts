import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gitCredential } from '../src/connections/git.js'
import { createSecret } from '../src/connections/secret.js'
import { buildAuth } from '../src/fetchers/git/credentials.js'
import { foreignOrigin } from '../src/fetchers/git/redirects.js'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { commit, makeRepo, startGitHttp, type GitHttpServer } from './servers/git-http.js'

/**
 * Credentials stay with their origin (scheme, host, port), whatever a git server redirects to:
 * the helper git asks answers for one origin only, and a redirect of the repository to another
 * origin fails the source, naming both.
 */
const TOKEN = 'ghp_redirects_token_5f3e1d'
let root: string
let repos: string
let sha: string

/** A server that answers every request, before any authentication, with a redirect to `to` + path. */
async function startMover(to: (path: string, self: string) => string | undefined, backend?: string): Promise<{ url: string; close(): Promise<void> }> {
  let self = ''
  const server = http.createServer((req, res) => {
    const location = to(req.url ?? '/', self)
    if (location) return void res.writeHead(302, { location }).end()
    // Anything else goes to the backend as is (the same origin, from the client's side).
    const up = http.request(`${backend}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers)
      r.pipe(res)
    })
    up.on('error', () => res.destroy())
    req.pipe(up)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: self,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

const spec = (url: string) => `version: 1\nsources:\n  - name: app\n    url: ${url}\n    secret: {name: tok}\n    path: app\n`
const transcript = (c: RunCapture) => c.logs.join('\n')
const errorLine = (c: RunCapture) => c.logs.find((l) => l.startsWith('error: app:')) ?? ''

async function run(url: string): Promise<{ capture: RunCapture; ws: string }> {
  const ws = await fs.mkdtemp(path.join(root, 'ws-'))
  return { capture: await runSpec({ workspace: ws, spec: spec(url), secrets: { tok: TOKEN } }), ws }
}

beforeAll(async () => {
  root = await tempDir('fs-git-redirects-')
  repos = path.join(root, 'repos')
  await fs.mkdir(repos)
  await makeRepo(repos, 'app', async (w) => {
    sha = await commit(w, { 'main.py': 'print(1)\n' }, 'one')
  })
})
afterAll(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('the credential helper answers for its own origin only', () => {
  it('exact scheme, host and port (any case, the default port spelt out or not); nothing for any other', async () => {
    const secret = createSecret('s', 'secrets input', TOKEN, () => undefined)
    const url = 'https://git.example.com/a/b.git'
    const auth = await buildAuth({
      url,
      credentials: [{ url, credential: gitCredential(secret, 'x-access-token') }],
      knownHosts: [],
      dir: path.join(root, 'auth')
    })
    const fill = (protocol: string, host: string) =>
      spawnSync('git', ['credential', 'fill'], {
        cwd: root,
        input: `protocol=${protocol}\nhost=${host}\npath=a/b.git\n\n`,
        encoding: 'utf8',
        env: { ...process.env, ...auth.env, GIT_TERMINAL_PROMPT: '0' }
      })
    for (const host of ['git.example.com', 'GIT.example.com', 'git.example.com:443']) {
      expect(fill('https', host).stdout, host).toContain(`password=${TOKEN}`)
    }
    for (const [protocol, host] of [
      ['https', 'git.example.com:8443'],
      ['http', 'git.example.com'],
      ['https', 'evil.example.com'],
      ['https', 'git.example.com.evil.example'],
      ['https', 'example.com']
    ]) {
      const out = fill(protocol!, host!)
      expect(out.stdout, `${protocol}://${host}`).not.toContain(TOKEN)
      expect(out.status).not.toBe(0)
    }
  })

  it('a credential with a line break is refused (it would add attributes to git’s credential protocol)', async () => {
    const secret = createSecret('s', 'secrets input', 'user:pa\nss', () => undefined)
    const url = 'https://git.example.com/a/b.git'
    const credential = gitCredential(secret, 'x-access-token')
    Object.assign(credential, { password: 'pa\nprotocol=https' })
    await expect(buildAuth({ url, credentials: [{ url, credential }], knownHosts: [], dir: path.join(root, 'auth-nl') })).rejects.toThrow(/line break/)
  })

  it('reads the origins git names in its messages', () => {
    const own = 'http://127.0.0.1:1000/app.git'
    expect(foreignOrigin('warning: redirecting to http://127.0.0.1:2000/app.git/\n', own)).toBe('http://127.0.0.1:2000/')
    expect(foreignOrigin("fatal: could not read Username for 'https://other.example': terminal prompts disabled", own)).toBe('https://other.example/')
    expect(foreignOrigin('warning: redirecting to http://127.0.0.1:1000/app.git/\n', own)).toBeUndefined()
    expect(foreignOrigin("fatal: Authentication failed for 'http://127.0.0.1:1000/app.git/'", own)).toBeUndefined()
  })
})

describe('a redirect to another origin', () => {
  let other: GitHttpServer
  let mover: Awaited<ReturnType<typeof startMover>>
  beforeAll(async () => {
    // The other origin accepts the very token the source holds: had git sent it, the run would pass.
    other = await startGitHttp({ root: repos, tokens: [TOKEN] })
    mover = await startMover((p) => `${other.url}${p}`)
  })
  afterAll(async () => {
    await mover?.close()
    await other?.close()
  })

  it('before any authentication, to a server that wants credentials: it never gets them, the source fails naming both origins', async () => {
    const before = other.requests.length
    const { capture, ws } = await run(`${mover.url}/app.git`)
    expect(other.requests.length - before, 'git followed the redirect').toBeGreaterThan(0)
    expect(other.requests.slice(before).filter((r) => r.authorization)).toEqual([])
    expect(errorLine(capture), transcript(capture)).toContain(`${mover.url}/ redirected git to ${other.url}/, another origin`)
    expect(await fs.stat(path.join(ws, 'app')).catch(() => undefined)).toBeUndefined()
  })

  it('to a server that serves without credentials: the source still fails naming both origins', async () => {
    const open = await startGitHttp({ root: repos })
    const to = await startMover((p) => `${open.url}${p}`)
    try {
      const { capture } = await run(`${to.url}/app.git`)
      expect(open.requests.length).toBeGreaterThan(0)
      expect(open.requests.filter((r) => r.authorization)).toEqual([])
      expect(errorLine(capture), transcript(capture)).toContain(`${to.url}/ redirected git to ${open.url}/, another origin`)
    } finally {
      await to.close()
      await open.close()
    }
  })
})

describe('a redirect within the origin', () => {
  it('`/moved.git` → `/app.git` on the same server, which wants credentials: followed, the credential sent, the checkout lands', async () => {
    const server = await startGitHttp({ root: repos, tokens: [TOKEN] })
    const front = await startMover((p, self) => (p.startsWith('/moved.git/') ? `${self}/app.git/${p.slice('/moved.git/'.length)}` : undefined), server.url)
    try {
      const { capture, ws } = await run(`${front.url}/moved.git`)
      expect(capture.error, transcript(capture)).toBeUndefined()
      expect(capture.outputs.commit).toBe(sha)
      expect(await fs.readFile(path.join(ws, 'app', 'main.py'), 'utf8')).toBe('print(1)\n')
      expect(server.requests.some((r) => r.authorization)).toBe(true)
    } finally {
      await front.close()
      await server.close()
    }
  })
})
