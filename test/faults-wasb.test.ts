import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob'
import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { STAGING_PREFIX } from '../src/constants.js'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzurite, type Azurite } from './servers/azurite.js'
import { startFaultProxy, type FaultProxy, type ProxyEntry } from './servers/fault-proxy.js'

/** wasb under faults: azurite (behind its recorder) behind the fault proxy. */
let az: Azurite
let proxy: FaultProxy
let root: string
let clean: { files: Record<string, string>; digest: string }

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
const blobs: Record<string, Buffer> = {}
for (let i = 0; i < 16; i++) blobs[`data/blob-${String(i).padStart(2, '0')}.bin`] = randomBytes(1500 + i * 900)
// Ranged: larger than two 64 KiB parts.
blobs['data/big/weights.bin'] = randomBytes(300_000)

const env = { FETCH_SOURCES_RETRY_BASE_MS: '20', FETCH_SOURCES_PART_SIZE_MB: '0.0625' }
const isBlobGet = (method: string, url: string): boolean => method === 'GET' && url.includes('/faults/data/')
const pathOf = (url: string): string => url.split('?')[0]!

function spec(extra = ''): string {
  return `version: 1
connections:
  - name: store
    kind: wasb
    schema: {bucket: "wasbs://faults@${AZURITE_ACCOUNT}.blob.core.windows.net/data", endpoint: "${proxy.url}/${AZURITE_ACCOUNT}"}
    secret: {name: azure}
sources:
  - connection: store
    name: train
    path: train
${extra}`
}

async function run(extra = '', more: Record<string, string> = {}): Promise<{ capture: RunCapture; ws: string }> {
  const ws = path.join(root, `ws-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(ws)
  const secrets = { azure: JSON.stringify({ AZURE_ACCOUNT_NAME: AZURITE_ACCOUNT, AZURE_ACCOUNT_KEY: AZURITE_KEY }) }
  return { capture: await runSpec({ workspace: ws, spec: spec(extra), secrets, env: { ...env, ...more } }), ws }
}

async function landed(ws: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const dir = path.join(ws, 'train')
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && !e.name.startsWith(STAGING_PREFIX))
      out[path.relative(dir, path.join(e.parentPath, e.name))] = sha(await fs.readFile(path.join(e.parentPath, e.name)))
  }
  return out
}

const digestOf = (c: RunCapture): string => (JSON.parse(c.outputs.sources ?? '{}') as Record<string, { digest: string }>).train?.digest ?? ''
const retryLines = (c: RunCapture): string[] => c.logs.filter((l) => l.includes('retrying '))
const errorText = (c: RunCapture): string => (c.error instanceof Error ? c.error.message : String(c.error ?? ''))
const failure = (c: RunCapture): string => c.logs.find((l) => l.startsWith('error: train: ')) ?? ''
const faulted = (from: number): ProxyEntry[] => proxy.log.slice(from).filter((e) => e.fault)

async function expectCompleteAndVerified(result: { capture: RunCapture; ws: string }): Promise<void> {
  expect(errorText(result.capture) + failure(result.capture)).toBe('')
  expect(await landed(result.ws)).toEqual(clean.files)
  expect(digestOf(result.capture)).toBe(clean.digest)
}

beforeAll(async () => {
  root = await tempDir('fs-faults-wasb-')
  az = await startAzurite()
  const service = new BlobServiceClient(az.endpoint, new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY))
  const container = service.getContainerClient('faults')
  await container.create()
  await Promise.all(Object.entries(blobs).map(([k, v]) => container.getBlockBlobClient(k).uploadData(v)))
  proxy = await startFaultProxy(new URL(az.endpoint).origin, { label: 'azurite' })
  const first = await run()
  expect(errorText(first.capture)).toBe('')
  clean = { files: await landed(first.ws), digest: digestOf(first.capture) }
  expect(Object.keys(clean.files)).toHaveLength(17)
  expect(clean.files['big/weights.bin']).toBe(sha(blobs['data/big/weights.bin']!))
}, 60_000)

afterAll(async () => {
  await proxy?.stop()
  await az?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

beforeEach(() => proxy.set({}))

describe('wasb under transient faults', () => {
  it('drops 15 % of requests and resets 10 % of connections: lands the same bytes and digest', async () => {
    const from = proxy.log.length
    proxy.set({ rate: 0.15, first: 1, faults: ['drop'], maxPerRequest: 2, match: isBlobGet, dropConnections: 0.1 })
    const result = await run('', { FETCH_SOURCES_ATTEMPTS: '8' })
    await expectCompleteAndVerified(result)
    expect(faulted(from).length).toBeGreaterThan(0)
  })

  it('503 with Retry-After on blobs: each retry logged once and no sooner than asked', async () => {
    const from = proxy.log.length
    proxy.set({ rate: 0.2, first: 1, faults: ['status'], status: 503, retryAfter: '1', maxPerRequest: 1, match: isBlobGet })
    const result = await run()
    await expectCompleteAndVerified(result)
    const hit = faulted(from)
    expect(retryLines(result.capture)).toHaveLength(hit.length)
    for (const h of hit) {
      const next = proxy.log.find((e) => e.at > h.at && e.url === h.url && e.range === h.range && !e.fault)
      expect(next, `${h.url} was retried`).toBeDefined()
      expect(next!.at - h.at).toBeGreaterThanOrEqual(950)
    }
  })

  it('truncated blob bodies and a truncated listing: retried, lands the same bytes', async () => {
    const from = proxy.log.length
    proxy.set({ rate: 0.25, first: 1, faults: ['truncate'], maxPerRequest: 2, match: (m) => m === 'GET' })
    const result = await run()
    await expectCompleteAndVerified(result)
    expect(faulted(from).length).toBeGreaterThan(0)
  })
})

describe('wasb permanent errors and stalls', () => {
  it('403 on a blob: one request for it, no retry, the source named', async () => {
    const from = proxy.log.length
    const target = `/${AZURITE_ACCOUNT}/faults/data/blob-05.bin`
    proxy.set({ rate: 1, faults: ['status'], status: 403, match: (m, u) => m === 'GET' && pathOf(u) === target })
    const { capture, ws } = await run()
    expect(failure(capture)).toMatch(/train: .*403/)
    expect(proxy.log.slice(from).filter((e) => pathOf(e.url) === target)).toHaveLength(1)
    expect(retryLines(capture)).toEqual([])
    await expect(fs.stat(path.join(ws, 'train'))).rejects.toThrow()
  })

  it('headers then nothing on a blob: fails in about attempts × timeout, naming the source and blob', async () => {
    proxy.set({ rate: 1, faults: ['stall-headers'], match: (m, u) => m === 'GET' && pathOf(u).endsWith('/blob-02.bin') })
    const started = Date.now()
    const { capture } = await run('    timeout: 1\n', { FETCH_SOURCES_ATTEMPTS: '2' })
    expect((Date.now() - started) / 1000).toBeLessThan(8)
    expect(failure(capture)).toMatch(/train: faults\/data\/blob-02\.bin: .*no data for 1 s/)
    expect(retryLines(capture)).toHaveLength(1)
  })

  it('a blob request read and never answered: fails within the timeout, naming the source and blob', async () => {
    proxy.set({ rate: 1, faults: ['stall'], match: (m, u) => m === 'GET' && pathOf(u).endsWith('/blob-03.bin') })
    const started = Date.now()
    const { capture } = await run('    timeout: 1\n', { FETCH_SOURCES_ATTEMPTS: '2' })
    expect((Date.now() - started) / 1000).toBeLessThan(8)
    expect(failure(capture)).toMatch(/train: faults\/data\/blob-03\.bin: .*1 s/)
    expect(retryLines(capture)).toHaveLength(1)
  })

  it('a connection accepted and never answered: fails within the timeout, naming the source', async () => {
    proxy.set({ stallConnections: 1 })
    proxy.resetConnections()
    const started = Date.now()
    const { capture } = await run('    timeout: 1\n', { FETCH_SOURCES_ATTEMPTS: '2' })
    expect((Date.now() - started) / 1000).toBeLessThan(8)
    expect(failure(capture)).toMatch(/train: .*(no response for 1 s|no data)/)
  })
})
