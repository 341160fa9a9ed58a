import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { STAGING_PREFIX } from '../src/constants.js'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { startFaultProxy, type FaultProxy, type ProxyEntry } from './servers/fault-proxy.js'
import { makeTar, startHttp, type HttpTestServer } from './servers/http.js'

/**
 * http sources under faults: the test file server behind the fault proxy. Eight plain files and
 * one unpacked tar.gz; every faulty run must land what a clean run landed.
 */
let server: HttpTestServer
let proxy: FaultProxy
let root: string
let clean: { files: Record<string, string>; sources: Record<string, { digest: string }> }

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
const FILES = Array.from({ length: 8 }, (_, i) => ({ name: `f${i}`, body: randomBytes(2000 + i * 5000) }))
const BUNDLE = makeTar(
  Array.from({ length: 6 }, (_, i) => ({ path: `bundle/part-${i}.txt`, body: randomBytes(3000).toString('hex') })),
  true
)
const env = { FETCH_SOURCES_RETRY_BASE_MS: '20' }

function spec(opts: { only?: string; extra?: string; prefix?: string } = {}): string {
  const base = opts.prefix ?? proxy.url
  const all = [
    ...FILES.map((f) => `  - name: ${f.name}\n    url: ${base}/files/${f.name}.bin\n    path: out/${f.name}\n${opts.extra ?? ''}`),
    `  - name: bundle\n    url: ${base}/files/bundle.tar.gz\n    unpack: true\n    path: out/bundle\n${opts.extra ?? ''}`
  ]
  return `version: 1\nsources:\n${all.filter((s) => !opts.only || s.includes(`name: ${opts.only}\n`)).join('')}`
}

async function run(opts: Parameters<typeof spec>[0] = {}, more: Record<string, string> = {}): Promise<{ capture: RunCapture; ws: string }> {
  const ws = path.join(root, `ws-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(ws)
  return { capture: await runSpec({ workspace: ws, spec: spec(opts), env: { ...env, ...more } }), ws }
}

async function landed(ws: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const dir = path.join(ws, 'out')
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    // Beside each destination sits its re-run state (`.fetch-sources-state-…`): not content.
    if (e.isFile() && !e.name.startsWith(STAGING_PREFIX))
      out[path.relative(dir, path.join(e.parentPath, e.name))] = sha(await fs.readFile(path.join(e.parentPath, e.name)))
  }
  return out
}

const digests = (c: RunCapture): Record<string, string> =>
  Object.fromEntries(Object.entries(JSON.parse(c.outputs.sources ?? '{}') as Record<string, { digest: string }>).map(([k, v]) => [k, v.digest]))
const retryLines = (c: RunCapture): string[] => c.logs.filter((l) => l.includes('retrying '))
const errorText = (c: RunCapture): string => (c.error instanceof Error ? c.error.message : String(c.error ?? ''))
const failure = (c: RunCapture, name: string): string => c.logs.find((l) => l.startsWith(`error: ${name}: `)) ?? ''
const faulted = (from: number): ProxyEntry[] => proxy.log.slice(from).filter((e) => e.fault)

async function expectCompleteAndVerified(result: { capture: RunCapture; ws: string }): Promise<void> {
  expect(errorText(result.capture)).toBe('')
  expect(await landed(result.ws)).toEqual(clean.files)
  expect(digests(result.capture)).toEqual(Object.fromEntries(Object.entries(clean.sources).map(([k, v]) => [k, v.digest])))
}

beforeAll(async () => {
  root = await tempDir('fs-faults-http-')
  server = await startHttp()
  for (const f of FILES) server.routes.set(`/files/${f.name}.bin`, { body: f.body, etag: `"${sha(f.body).slice(0, 16)}"` })
  server.routes.set('/files/bundle.tar.gz', { body: BUNDLE })
  server.routes.set('/private/secret.bin', { body: Buffer.from('private'), authorization: 'Bearer right' })
  proxy = await startFaultProxy(server.url, { label: 'http' })
  const first = await run()
  expect(errorText(first.capture)).toBe('')
  clean = { files: await landed(first.ws), sources: JSON.parse(first.capture.outputs.sources!) as typeof clean.sources }
  expect(Object.keys(clean.files)).toHaveLength(14)
  expect(clean.files['f3/f3.bin']).toBe(sha(FILES[3]!.body))
}, 30_000)

afterAll(async () => {
  await proxy?.stop()
  await server?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

beforeEach(() => proxy.set({}))

describe('http under transient faults', () => {
  it('drops 20 % of requests and resets 15 % of connections: lands the same bytes and digests', async () => {
    const from = proxy.log.length
    proxy.set({ rate: 0.2, first: 1, faults: ['drop'], maxPerRequest: 2, dropConnections: 0.15 })
    const result = await run({}, { FETCH_SOURCES_ATTEMPTS: '8' })
    await expectCompleteAndVerified(result)
    expect(faulted(from).length).toBeGreaterThan(0)
    expect(retryLines(result.capture).length).toBeGreaterThanOrEqual(faulted(from).length)
  })

  it('503 and 429 with Retry-After: each retry waits as asked and is logged once with its cause', async () => {
    for (const status of [503, 429]) {
      const from = proxy.log.length
      proxy.set({ rate: 0.3, first: 1, faults: ['status'], status, retryAfter: '1', maxPerRequest: 1 })
      const result = await run()
      await expectCompleteAndVerified(result)
      const hit = faulted(from)
      expect(retryLines(result.capture)).toHaveLength(hit.length)
      for (const line of retryLines(result.capture))
        expect(line).toMatch(new RegExp(`retrying http://127\\.0\\.0\\.1:\\d+/files/\\S+: \\S+: GET .* answered ${status}.*in 1\\.0 s`))
      for (const h of hit) {
        const next = proxy.log.find((e) => e.at > h.at && e.url === h.url && !e.fault)
        expect(next!.at - h.at).toBeGreaterThanOrEqual(950)
      }
    }
  })

  it('truncated bodies (half, then the connection closes), tar.gz included: retried, lands the same bytes', async () => {
    const from = proxy.log.length
    // Every first response is cut in half, so each of the nine sources needs its retry.
    proxy.set({ rate: 1, faults: ['truncate'], maxPerRequest: 1 })
    const result = await run()
    await expectCompleteAndVerified(result)
    const hit = faulted(from)
    expect(hit.map((h) => h.url).sort()).toEqual([...FILES.map((f) => `/files/${f.name}.bin`), '/files/bundle.tar.gz'].sort())
    expect(retryLines(result.capture)).toHaveLength(hit.length)
  })
})

describe('http permanent errors fail fast', () => {
  it('401 from the server (no credentials): one request, no retry, the source named', async () => {
    const from = proxy.log.length
    const capture = await runSpec({
      workspace: await fs.mkdtemp(path.join(root, 'ws-')),
      spec: `version: 1\nsources:\n  - name: private\n    url: ${proxy.url}/private/secret.bin\n`,
      env
    })
    expect(failure(capture, 'private')).toMatch(/answered 401: the server wants credentials/)
    expect(proxy.log.slice(from).filter((e) => e.url === '/private/secret.bin')).toHaveLength(1)
    expect(retryLines(capture)).toEqual([])
  })

  for (const status of [403, 404]) {
    it(`${status} (injected): one request, no retry, the others land`, async () => {
      const from = proxy.log.length
      proxy.set({ rate: 1, faults: ['status'], status, match: (_m, u) => u === '/files/f2.bin' })
      const { capture, ws } = await run()
      expect(errorText(capture)).toMatch(/1 of 9 sources failed: f2; the other 8 landed complete; no lock file was written/)
      expect(failure(capture, 'f2')).toMatch(new RegExp(`answered ${status}`))
      expect(proxy.log.slice(from).filter((e) => e.url === '/files/f2.bin')).toHaveLength(1)
      expect(retryLines(capture)).toEqual([])
      await expect(fs.stat(path.join(ws, 'out/f2'))).rejects.toThrow()
      expect(await fs.readFile(path.join(ws, 'out/f1/f1.bin'))).toEqual(FILES[1]!.body)
    })
  }
})

describe('http stalls fail within the timeout', () => {
  const limit = { FETCH_SOURCES_ATTEMPTS: '2' }

  it('headers then nothing: fails in about attempts × timeout, naming the source', async () => {
    proxy.set({ rate: 1, faults: ['stall-headers'] })
    const started = Date.now()
    const { capture, ws } = await run({ only: 'f4', extra: '    timeout: 1\n' }, limit)
    expect((Date.now() - started) / 1000).toBeLessThan(8)
    expect(failure(capture, 'f4')).toMatch(/f4: .*(no data for 1 s|timeout)/i)
    expect(retryLines(capture)).toHaveLength(1)
    await expect(fs.stat(path.join(ws, 'out/f4'))).rejects.toThrow()
  })

  it('a request read and never answered: fails within the timeout, naming the source', async () => {
    proxy.set({ rate: 1, faults: ['stall'] })
    const started = Date.now()
    const { capture } = await run({ only: 'f6', extra: '    timeout: 1\n' }, limit)
    expect((Date.now() - started) / 1000).toBeLessThan(8)
    expect(failure(capture, 'f6')).toMatch(/f6: .*timeout/i)
    expect(retryLines(capture)).toHaveLength(1)
  })

  it('a connection accepted and never answered: fails within the timeout, naming the source', async () => {
    proxy.set({ stallConnections: 1 })
    proxy.resetConnections()
    const started = Date.now()
    const { capture } = await run({ only: 'f5', extra: '    timeout: 1\n' }, limit)
    expect((Date.now() - started) / 1000).toBeLessThan(8)
    expect(failure(capture, 'f5')).toMatch(/f5: .*timeout/i)
    expect(retryLines(capture)).toHaveLength(1)
  })
})
