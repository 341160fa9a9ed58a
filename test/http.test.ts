import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from './helpers/harness.js'
import { sha256, startConnectProxy, startHttp, type HttpTestServer } from './servers/http.js'

let web: HttpTestServer
let root: string
const model = randomBytes(200_000)
const env = { FETCH_SOURCES_RETRY_BASE_MS: '5', FETCH_SOURCES_ATTEMPTS: '3' }

function spec(url: string, extra = ''): string {
  return `version: 1
sources:
  - name: weights
    url: ${url}
    path: data
${extra}`
}
async function workspace(): Promise<string> {
  const dir = path.join(root, `ws-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(dir)
  return dir
}
const count = (p: string, status?: number): number =>
  web.log.filter((l) => l.startsWith(`GET ${p} `) && (status === undefined || l.endsWith(` ${status}`))).length

beforeAll(async () => {
  root = await tempDir('fs-http-')
  web = await startHttp()
  web.routes.set('/files/model.bin', { body: model, etag: '"v1"' })
})
afterAll(async () => {
  await web?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('http single file', () => {
  it('lands the file under its name with sha256 digest; a re-run is a conditional GET answered 304', async () => {
    const ws = await workspace()
    const url = `${web.url}/files/model.bin`
    const c = await runSpec({ workspace: ws, spec: spec(url, `    sha256: ${sha256(model)}\n`), env })
    expect(c.error).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'data/model.bin'))).toEqual(model)
    const out = JSON.parse(c.outputs.sources!) as Record<string, { digest: string; files: number; bytes: number }>
    expect(out.weights).toMatchObject({ digest: `sha256:${sha256(model)}`, files: 1, bytes: model.length })

    const c2 = await runSpec({ workspace: ws, spec: spec(url, `    sha256: ${sha256(model)}\n`), env })
    expect(c2.error).toBeUndefined()
    expect(web.lastHeaders.get('/files/model.bin')!['if-none-match']).toBe('"v1"')
    expect(count('/files/model.bin', 304)).toBe(1)
    expect(c2.logs.join('\n')).toContain('already up to date')
    const out2 = JSON.parse(c2.outputs.sources!) as typeof out
    expect(out2.weights!.digest).toBe(out.weights!.digest)
    expect(await fs.readFile(path.join(ws, 'data/model.bin'))).toEqual(model)
  })

  it('never writes a signed URL (a credential in its query) to disk, and re-runs it conditionally', async () => {
    const ws = await workspace()
    const url = `${web.url}/files/model.bin?X-Amz-Signature=deadbeefsecret&X-Amz-Credential=AKIAEXAMPLE`
    expect((await runSpec({ workspace: ws, spec: spec(`"${url}"`), env })).error).toBeUndefined()
    const c2 = await runSpec({ workspace: ws, spec: spec(`"${url}"`), env })
    expect(c2.logs.join('\n')).toContain('already up to date')
    const onDisk = await Promise.all((await fs.readdir(ws)).filter((f) => f !== 'data').map((f) => fs.readFile(path.join(ws, f), 'utf8')))
    expect(onDisk.length).toBeGreaterThan(0)
    expect(onDisk.join('\n')).not.toContain('deadbeefsecret')
    expect(await c2.everything()).not.toContain('deadbeefsecret')
  })

  it('a wrong sha256 is retried, then an error; nothing lands', async () => {
    const ws = await workspace()
    const wrong = 'ab'.repeat(32)
    const before = count('/files/model.bin')
    const c = await runSpec({ workspace: ws, spec: spec(`${web.url}/files/model.bin`, `    sha256: ${wrong}\n`), env })
    expect(c.logs.join('\n')).toMatch(new RegExp(`weights: .*SHA-256 mismatch \\(got ${sha256(model)}, expected ${wrong}\\)`))
    expect(count('/files/model.bin') - before).toBe(3)
    await expect(fs.stat(path.join(ws, 'data'))).rejects.toThrow()
  })

  it('corrupt bytes once are retried and land intact', async () => {
    const ws = await workspace()
    web.routes.set('/files/flaky.bin', { body: model, corruptNext: 1 })
    const c = await runSpec({ workspace: ws, spec: spec(`${web.url}/files/flaky.bin`, `    sha256: ${sha256(model)}\n`), env })
    expect(c.error).toBeUndefined()
    expect(c.logs.join('\n')).toContain('SHA-256 mismatch')
    expect(sha256(await fs.readFile(path.join(ws, 'data/flaky.bin')))).toBe(sha256(model))
  })

  it('sends user:password as basic auth and a bare token as bearer, masking both forms', async () => {
    const password = 'pa55-' + randomBytes(6).toString('hex')
    const basic = Buffer.from(`alice:${password}`).toString('base64')
    web.routes.set('/private/a.bin', { body: Buffer.from('basic ok'), authorization: `Basic ${basic}` })
    const ws = await workspace()
    const c = await runSpec({
      workspace: ws,
      spec: spec(`${web.url}/private/a.bin`, '    secret: {name: web-cred}\n'),
      secrets: { 'web-cred': `alice:${password}` }
    })
    expect(c.error).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'data/a.bin'), 'utf8')).toBe('basic ok')
    const all = await c.everything()
    expect(all).not.toContain(password)
    expect(all).not.toContain(basic)

    const token = 'tok_' + randomBytes(12).toString('hex')
    web.routes.set('/private/b.bin', { body: Buffer.from('bearer ok'), authorization: `Bearer ${token}` })
    const ws2 = await workspace()
    const c2 = await runSpec({ workspace: ws2, spec: spec(`${web.url}/private/b.bin`, '    secret: {name: web-token}\n'), secrets: { 'web-token': token } })
    expect(c2.error).toBeUndefined()
    expect(await fs.readFile(path.join(ws2, 'data/b.bin'), 'utf8')).toBe('bearer ok')
    expect(await c2.everything()).not.toContain(token)
  })

  it('follows redirects', async () => {
    web.routes.set('/latest/model.bin', { body: Buffer.alloc(0), redirect: '/files/model.bin' })
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec(`${web.url}/latest/model.bin`), env })
    expect(c.error).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'data/model.bin'))).toEqual(model)
  })

  it('does not send credentials to another host on a redirect', async () => {
    const other = await startHttp()
    try {
      other.routes.set('/mirror/m.bin', { body: Buffer.from('mirrored') })
      web.routes.set('/private/m.bin', { body: Buffer.alloc(0), redirect: `${other.url}/mirror/m.bin` })
      const ws = await workspace()
      const c = await runSpec({
        workspace: ws,
        spec: spec(`${web.url}/private/m.bin`, '    secret: {name: web-token}\n'),
        secrets: { 'web-token': 'tok-redirect-123' }
      })
      expect(c.error).toBeUndefined()
      expect(web.lastHeaders.get('/private/m.bin')!.authorization).toBe('Bearer tok-redirect-123')
      expect(other.lastHeaders.get('/mirror/m.bin')!.authorization).toBeUndefined()
      expect(await fs.readFile(path.join(ws, 'data/m.bin'), 'utf8')).toBe('mirrored')
    } finally {
      await other.stop()
    }
  })

  it('refuses credentials in the URL', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec(`http://bob:hunter2@127.0.0.1:1/x.bin`) })
    expect(c.error).toBeDefined()
    expect(c.logs.join('\n')).toContain('the URL carries credentials')
  })

  it('goes through http_proxy, unless no_proxy names the host', async () => {
    const proxy = await startConnectProxy()
    try {
      const ws = await workspace()
      const c = await runSpec({ workspace: ws, spec: spec(`${web.url}/files/model.bin`), env: { ...env, http_proxy: proxy.url } })
      expect(c.error).toBeUndefined()
      expect(await fs.readFile(path.join(ws, 'data/model.bin'))).toEqual(model)
      expect(proxy.tunnels).toEqual([new URL(web.url).host])
      const ws2 = await workspace()
      const c2 = await runSpec({ workspace: ws2, spec: spec(`${web.url}/files/model.bin`), env: { ...env, http_proxy: proxy.url, no_proxy: '127.0.0.1' } })
      expect(c2.error).toBeUndefined()
      expect(proxy.tunnels).toHaveLength(1)
    } finally {
      await proxy.stop()
    }
  })

  it('gives up on a stalled download after `timeout` seconds without data, retried, then an error', async () => {
    web.routes.set('/files/stall.bin', { body: model, stallAfter: 1000 })
    const ws = await workspace()
    const started = Date.now()
    const c = await runSpec({ workspace: ws, spec: spec(`${web.url}/files/stall.bin`, '    timeout: 0.5\n'), env: { ...env, FETCH_SOURCES_ATTEMPTS: '2' } })
    expect(c.error).toBeDefined()
    expect(c.logs.join('\n')).toMatch(/retrying .*stall\.bin: .*(no data for 0\.5 s|[Tt]imeout)/)
    expect(count('/files/stall.bin')).toBe(2)
    expect(Date.now() - started).toBeLessThan(10_000)
    await expect(fs.stat(path.join(ws, 'data'))).rejects.toThrow()
  })

  it('401 and 404 fail at once with the URL and what to check', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec(`${web.url}/private/a.bin`), env })
    expect(c.logs.join('\n')).toMatch(/weights: GET http:\/\/127\.0\.0\.1:\d+\/private\/a\.bin answered 401: the server wants credentials/)
    const before = web.log.length
    const c2 = await runSpec({ workspace: ws, spec: spec(`${web.url}/files/missing.bin`), env })
    expect(c2.logs.join('\n')).toMatch(/weights: GET http:\/\/127\.0\.0\.1:\d+\/files\/missing\.bin answered 404: check the URL/)
    expect(web.log.length - before).toBe(1)
  })
})
