import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { startFaultProxy, type FaultProxy, type ProxyEntry } from './servers/fault-proxy.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from './servers/s3.js'

/**
 * s3 under faults: s3rver (behind its SigV4-checking proxy) behind the fault proxy. Every faulty
 * run must land exactly the bytes and digest of a clean run; permanent errors must cost one
 * request; a stall must fail within its `timeout:`.
 */
let s3: S3TestServer
let proxy: FaultProxy
let root: string
let clean: { files: Record<string, string>; digest: string }

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
const objects: Record<string, Buffer> = {}
for (let i = 0; i < 24; i++) objects[`data/part-${String(i).padStart(2, '0')}.bin`] = randomBytes(1000 + i * 700)
// Larger than two 64 KiB parts: fetched as ranged GETs, each part retried on its own.
objects['data/big/weights.bin'] = randomBytes(400_000)

// Fast backoff and small parts keep the suite quick; Retry-After is still honoured in full.
const env = { FETCH_SOURCES_RETRY_BASE_MS: '20', FETCH_SOURCES_PART_SIZE_MB: '0.0625' }
const isObjectGet = (method: string, url: string): boolean => method === 'GET' && url.startsWith('/faults/data/') && !url.includes('list-type=')

function spec(extra = ''): string {
  return `version: 1
connections:
  - name: store
    kind: s3
    schema: {bucket: "s3://faults/data", endpoint: "${proxy.url}"}
    secret: {name: aws}
sources:
  - connection: store
    name: train
    path: train
${extra}`
}

const secrets = (secretAccessKey = s3.secretAccessKey): Record<string, string> => ({
  aws: JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: secretAccessKey })
})

async function run(extra = '', more: Record<string, string> = {}, secret?: string): Promise<{ capture: RunCapture; ws: string }> {
  const ws = path.join(root, `ws-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(ws)
  const capture = await runSpec({ workspace: ws, spec: spec(extra), secrets: secrets(secret), env: { ...env, ...more } })
  return { capture, ws }
}

async function landed(ws: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const dir = path.join(ws, 'train')
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = sha(await fs.readFile(path.join(e.parentPath, e.name)))
  }
  return out
}

const digestOf = (c: RunCapture): string => (JSON.parse(c.outputs.sources ?? '{}') as Record<string, { digest: string }>).train?.digest ?? ''
const retryLines = (c: RunCapture): string[] => c.logs.filter((l) => l.includes('retrying '))
const errorText = (c: RunCapture): string => (c.error instanceof Error ? c.error.message : String(c.error ?? ''))
/** The source's own failure line (the run's error only lists which sources failed). */
const failure = (c: RunCapture): string => c.logs.find((l) => l.startsWith('error: train: ')) ?? ''
/** The SDK adds `?x-id=GetObject`: compare paths only. */
const pathOf = (url: string): string => url.split('?')[0]!
const faulted = (from: number): ProxyEntry[] => proxy.log.slice(from).filter((e) => e.fault)

/** The run landed exactly what the clean run landed, and each injected fault cost one logged retry. */
async function expectCompleteAndVerified(result: { capture: RunCapture; ws: string }): Promise<void> {
  expect(errorText(result.capture)).toBe('')
  expect(await landed(result.ws)).toEqual(clean.files)
  expect(digestOf(result.capture)).toBe(clean.digest)
}

beforeAll(async () => {
  root = await tempDir('fs-faults-s3-')
  s3 = await startS3()
  await s3.createBucket('faults')
  await s3.put('faults', objects)
  proxy = await startFaultProxy(s3.endpoint, { label: 's3' })
  const first = await run()
  expect(errorText(first.capture)).toBe('')
  clean = { files: await landed(first.ws), digest: digestOf(first.capture) }
  expect(Object.keys(clean.files)).toHaveLength(25)
  expect(clean.files['big/weights.bin']).toBe(sha(objects['data/big/weights.bin']!))
}, 60_000)

afterAll(async () => {
  await proxy?.stop()
  await s3?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

beforeEach(() => proxy.set({}))

describe('s3 under transient faults', () => {
  it('drops 15 % of requests: lands complete and verified, one logged retry per drop', async () => {
    const from = proxy.log.length
    proxy.set({ rate: 0.15, first: 1, faults: ['drop'], maxPerRequest: 2, match: isObjectGet })
    const result = await run()
    await expectCompleteAndVerified(result)
    const drops = faulted(from)
    expect(drops.length).toBeGreaterThan(0)
    // Each retry is logged once, with the key it was for and its cause.
    expect(retryLines(result.capture)).toHaveLength(drops.length)
    for (const line of retryLines(result.capture)) expect(line).toMatch(/retrying faults\/data\/\S+.*(ECONNRESET|socket hang up|aborted|closed)/i)
  })

  it('resets every 6th new connection at accept and still lands the same bytes', async () => {
    // Keep-alive pools would reuse a few sockets for all 25 objects: closing every connection
    // after its answer makes each request open a new one, so the resets bite.
    proxy.set({ dropEvery: 6, closeConnections: true })
    const before = proxy.connections.dropped
    const result = await run('', { FETCH_SOURCES_ATTEMPTS: '8' })
    await expectCompleteAndVerified(result)
    expect(proxy.connections.dropped).toBeGreaterThan(before)
  })

  it('503 with Retry-After: waits as long as the server asked, then lands', async () => {
    const from = proxy.log.length
    proxy.set({ rate: 0.2, first: 1, faults: ['status'], status: 503, retryAfter: '1', maxPerRequest: 1, match: isObjectGet })
    const result = await run()
    await expectCompleteAndVerified(result)
    const hit = faulted(from)
    expect(hit.length).toBeGreaterThan(0)
    expect(retryLines(result.capture)).toHaveLength(hit.length)
    expect(retryLines(result.capture).join('\n')).toMatch(/injected 503/)
    // The retry of each 503'd request came no sooner than Retry-After (1 s; 50 ms timer slack).
    for (const h of hit) {
      const next = proxy.log.find((e) => e.at > h.at && e.url === h.url && e.range === h.range && !e.fault)
      expect(next, `${h.url} was retried`).toBeDefined()
      expect(next!.at - h.at).toBeGreaterThanOrEqual(950)
    }
  })

  it('500 without Retry-After and truncated bodies: retried with backoff, lands the same bytes', async () => {
    const from = proxy.log.length
    proxy.set({ rate: 0.2, first: 2, faults: ['status', 'truncate'], status: 500, maxPerRequest: 2, match: isObjectGet })
    const result = await run()
    await expectCompleteAndVerified(result)
    const hit = faulted(from)
    expect(hit.map((h) => h.fault)).toEqual(expect.arrayContaining(['status', 'truncate']))
    expect(retryLines(result.capture)).toHaveLength(hit.length)
  })

  it('faults on the listing too (a reset, a 503): lands the same bytes', async () => {
    const from = proxy.log.length
    // Every listing request is hit (a reset, then a 503) up to the bound, then gets through.
    proxy.set({ rate: 1, first: 2, faults: ['drop', 'status'], retryAfter: '0', maxPerRequest: 2, match: (m, u) => m === 'GET' && u.includes('list-type=') })
    const result = await run()
    await expectCompleteAndVerified(result)
    expect(faulted(from).map((e) => e.fault)).toEqual(['drop', 'status'])
  })

  it('a truncated listing (half the XML, then the connection closes) is retried', async () => {
    const from = proxy.log.length
    proxy.set({ rate: 1, faults: ['truncate'], maxPerRequest: 1, match: (m, u) => m === 'GET' && u.includes('list-type=') })
    const result = await run()
    await expectCompleteAndVerified(result)
    expect(faulted(from).map((e) => e.fault)).toEqual(['truncate'])
  })
})

describe('s3 permanent errors fail fast', () => {
  for (const status of [401, 403, 404]) {
    it(`${status} on an object: one request for it, no retry, the source named`, async () => {
      const from = proxy.log.length
      const target = '/faults/data/part-07.bin'
      proxy.set({ rate: 1, faults: ['status'], status, match: (m, u) => m === 'GET' && pathOf(u) === target })
      const { capture, ws } = await run()
      expect(errorText(capture)).toMatch(/1 of 1 source failed: train/)
      expect(failure(capture)).toMatch(new RegExp(`part-07\\.bin.*${status}`))
      expect(proxy.log.slice(from).filter((e) => pathOf(e.url) === target)).toHaveLength(1)
      await expect(fs.stat(path.join(ws, 'train'))).rejects.toThrow()
      expect(retryLines(capture)).toEqual([])
    })
  }

  it('a wrong secret key (a real 403 from the store): the listing is sent once', async () => {
    const from = proxy.log.length
    const { capture, ws } = await run('', {}, 'not-the-key')
    expect(failure(capture)).toMatch(/train: access denied .*SignatureDoesNotMatch/)
    expect(proxy.log.slice(from).filter((e) => e.url.includes('list-type='))).toHaveLength(1)
    await expect(fs.stat(path.join(ws, 'train'))).rejects.toThrow()
  })
})

describe('s3 stalls fail within the timeout', () => {
  const limit = { FETCH_SOURCES_ATTEMPTS: '2' }

  it('headers then nothing on an object: fails in about attempts × timeout, naming the source', async () => {
    proxy.set({ rate: 1, faults: ['stall-headers'], match: (m, u) => m === 'GET' && pathOf(u) === '/faults/data/part-03.bin' })
    const started = Date.now()
    const { capture, ws } = await run('    timeout: 1\n', limit)
    const seconds = (Date.now() - started) / 1000
    // The SDK's socket timeout or our own idle timer, whichever fires first: both name the source.
    expect(failure(capture)).toMatch(/train: .*(no data for 1 s|1000 ms of inactivity)/)
    // Attempts are bounded: one retry (logged with the key), then the failure.
    expect(retryLines(capture)).toHaveLength(1)
    expect(retryLines(capture)[0]).toMatch(/retrying faults\/data\/part-03\.bin: .*retry 1 of 1/)
    expect(seconds).toBeLessThan(8)
    await expect(fs.stat(path.join(ws, 'train'))).rejects.toThrow()
  })

  it('an object request read and never answered: fails within the timeout, naming the source', async () => {
    proxy.set({ rate: 1, faults: ['stall'], match: (m, u) => m === 'GET' && pathOf(u) === '/faults/data/part-04.bin' })
    const started = Date.now()
    const { capture } = await run('    timeout: 1\n', limit)
    expect((Date.now() - started) / 1000).toBeLessThan(8)
    expect(failure(capture)).toMatch(/train: .*1000 ms/)
    expect(retryLines(capture)).toHaveLength(1)
    expect(retryLines(capture)[0]).toMatch(/retrying faults\/data\/part-04\.bin: /)
  })

  it('a connection accepted and never answered (the listing): fails within the timeout', async () => {
    proxy.set({ stallConnections: 1 })
    proxy.resetConnections()
    const started = Date.now()
    const { capture } = await run('    timeout: 1\n', limit)
    const seconds = (Date.now() - started) / 1000
    expect(failure(capture)).toMatch(/train: .*1000 ms/)
    expect(seconds).toBeLessThan(8)
  })
})
