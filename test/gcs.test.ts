import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from './helpers/harness.js'
import { startGcs, type GcsServer } from './servers/gcs.js'

const TOKEN = `ya29.test-${randomBytes(12).toString('hex')}`
const env = { FETCH_SOURCES_LIST_PAGE_SIZE: '3', FETCH_SOURCES_RETRY_BASE_MS: '5', FETCH_SOURCES_ATTEMPTS: '3', FETCH_SOURCES_PART_SIZE_MB: '1' }

let gcs: GcsServer
let root: string
// Anything the SDK tries to reach off loopback (metadata server, oauth2 token endpoint) goes
// through the proxy variables to this trap and is counted.
let trap: http.Server
const escaped: string[] = []
const saved = { HTTP_PROXY: process.env.HTTP_PROXY, HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY }

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')
const big = randomBytes(16 * 1024 * 1024)
const tree: Record<string, Buffer | string> = {
  'models/v1/weights.bin': randomBytes(3000),
  'models/v1/config.json': '{"layers": 3}',
  'models/v2/weights.bin': randomBytes(100),
  'models/v2/extra/a.txt': 'a',
  'models/v2/extra/b.txt': 'b',
  'models/readme.md': '# models',
  'models/labels.csv': 'a,b\n1,2\n',
  'models/folder/': '',
  'models2/other.txt': 'not under models/',
  'single/model.tar.gz': randomBytes(500)
}

function spec(uri: string, source = '', secret = true, schema = ''): string {
  return `version: 1
connections:
  - name: store
    kind: gcs
    schema: {bucket: "${uri}", endpoint: "${gcs.endpoint}"${schema}}
${secret ? '    secret: {name: gcp-data}\n' : ''}sources:
  - connection: store
    path: data
${source}`
}

const secrets = (token = TOKEN): Record<string, string> => ({ 'gcp-data': JSON.stringify({ GOOGLE_OAUTH_ACCESS_TOKEN: token }) })
/** Empty when the run succeeded; else the failure and the log lines (where per-source errors are). */
const errorText = (c: { error?: unknown; logs: string[] }): string =>
  c.error === undefined ? '' : [...c.logs, c.error instanceof Error ? c.error.message : String(c.error)].join('\n')
const media = (from = 0) => gcs.requests.slice(from).filter((r) => r.query.alt === 'media')
const lists = (from = 0) => gcs.requests.slice(from).filter((r) => r.path.endsWith('/o'))

async function workspace(): Promise<string> {
  const dir = path.join(root, `ws-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(dir)
  return dir
}

beforeAll(async () => {
  root = await tempDir('fs-gcs-')
  gcs = await startGcs({ token: TOKEN })
  for (const [k, v] of Object.entries(tree)) gcs.put('ml-data', k, v)
  gcs.put('ml-data', 'big/blob.bin', big)
  gcs.put('ml-data', 'composite/part.bin', 'composed of two uploads', { composite: true })
  gcs.put('ml-data', 'corrupt/always.bin', randomBytes(2000), { corruptDownloads: 1_000 })
  gcs.put('ml-data', 'corrupt/once.bin', 'flaky wire', { corruptDownloads: 1 })
  gcs.put('ml-data', 'evil/../../escape.txt', 'outside')
  gcs.put('ml-data', 'busy/retry.bin', 'after two 503s', { failDownloads: 2 })
  gcs.put('ml-data', 'stall/slow.bin', randomBytes(4000), { stall: true })
  trap = http.createServer((req, res) => {
    escaped.push(`${req.method} ${req.url}`)
    res.writeHead(502).end()
  })
  trap.on('connect', (req, socket) => {
    escaped.push(`CONNECT ${req.url}`)
    socket.destroy()
  })
  await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r))
  const proxy = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`
  Object.assign(process.env, { HTTP_PROXY: proxy, HTTPS_PROXY: proxy, NO_PROXY: '127.0.0.1,localhost' })
})

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  await gcs?.stop()
  trap?.closeAllConnections()
  await new Promise((r) => trap?.close(r))
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('gcs prefix', () => {
  it('lists a prefix over several pages, lands it verified, and a re-run downloads nothing', async () => {
    const ws = await workspace()
    const from = gcs.requests.length
    const first = await runSpec({ workspace: ws, spec: spec('gs://ml-data/models'), secrets: secrets(), env })
    expect(errorText(first)).toBe('')
    const data = path.join(ws, 'data')
    expect(await fs.readFile(path.join(data, 'v1/weights.bin'))).toEqual(tree['models/v1/weights.bin'])
    expect(await fs.readFile(path.join(data, 'v2/extra/b.txt'), 'utf8')).toBe('b')
    expect((await fs.readdir(data)).sort()).toEqual(['labels.csv', 'readme.md', 'v1', 'v2'])
    // 8 keys under models/ (one a folder marker) at 3 per page: 3 list calls, each paged on.
    expect(lists(from).length).toBe(3)
    expect(
      lists(from)
        .slice(1)
        .every((r) => r.query.pageToken)
    ).toBe(true)
    expect(lists(from)[0]!.query).toMatchObject({ prefix: 'models/', maxResults: '3' })
    // Every request carried the token: nothing went unauthenticated or elsewhere.
    expect(gcs.requests.slice(from).every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true)
    const out = JSON.parse(first.outputs.sources!) as Record<string, { digest: string; files: number; url: string }>
    expect(out.store).toMatchObject({ files: 7, url: 'gs://ml-data/models' })
    expect(out.store!.digest).toMatch(/^sha256:[0-9a-f]{64}$/)

    const again = gcs.requests.length
    const second = await runSpec({ workspace: ws, spec: spec('gs://ml-data/models'), secrets: secrets(), env })
    expect(errorText(second)).toBe('')
    expect(media(again)).toEqual([])
    expect(JSON.parse(second.outputs.sources!).store.digest).toBe(out.store!.digest)

    // A new generation of one object: only that object is downloaded.
    gcs.put('ml-data', 'models/readme.md', '# models v2')
    const third = gcs.requests.length
    const changed = await runSpec({ workspace: ws, spec: spec('gs://ml-data/models'), secrets: secrets(), env })
    expect(errorText(changed)).toBe('')
    expect(media(third).map((r) => r.path)).toEqual(['/storage/v1/b/ml-data/o/models%2Freadme.md'])
    expect(await fs.readFile(path.join(data, 'readme.md'), 'utf8')).toBe('# models v2')
    expect(await fs.readFile(path.join(data, 'labels.csv'), 'utf8')).toBe('a,b\n1,2\n')
    expect(JSON.parse(changed.outputs.sources!).store.digest).not.toBe(out.store!.digest)
  })

  it('sync: true removes what the bucket no longer has; the default keeps it', async () => {
    for (const k of ['sync/a.txt', 'sync/b.txt']) gcs.put('ml-data', k, k)
    const ws = await workspace()
    const run = (sync: boolean) => runSpec({ workspace: ws, spec: spec('gs://ml-data/sync', sync ? '    sync: true\n' : ''), secrets: secrets(), env })
    expect(errorText(await run(false))).toBe('')
    gcs.buckets.get('ml-data')!.delete('sync/b.txt')
    expect(errorText(await run(false))).toBe('')
    expect((await fs.readdir(path.join(ws, 'data'))).sort()).toEqual(['a.txt', 'b.txt'])
    expect(errorText(await run(true))).toBe('')
    expect(await fs.readdir(path.join(ws, 'data'))).toEqual(['a.txt'])
  })

  it('finds an emulator through STORAGE_EMULATOR_HOST when the schema has no endpoint', async () => {
    const ws = await workspace()
    const noEndpoint = spec('gs://ml-data/single/model.tar.gz').replace(`, endpoint: "${gcs.endpoint}"`, '')
    const from = gcs.requests.length
    const c = await runSpec({
      workspace: ws,
      spec: noEndpoint,
      secrets: secrets(),
      env: { ...env, STORAGE_EMULATOR_HOST: gcs.endpoint.replace('http://', '') }
    })
    expect(errorText(c)).toBe('')
    expect(gcs.requests.length).toBeGreaterThan(from)
    expect(sha(await fs.readFile(path.join(ws, 'data/model.tar.gz')))).toBe(sha(tree['single/model.tar.gz']!))
  })

  it('lands a single object as its basename', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec('gs://ml-data/single/model.tar.gz'), secrets: secrets(), env })
    expect(errorText(c)).toBe('')
    expect(sha(await fs.readFile(path.join(ws, 'data/model.tar.gz')))).toBe(sha(tree['single/model.tar.gz']!))
    expect(await fs.readdir(path.join(ws, 'data'))).toEqual(['model.tar.gz'])
  })

  it('applies files, dirs and paths selectors and names the ones that match nothing', async () => {
    const ws = await workspace()
    const sel = '    artifacts: {files: [labels.csv], dirs: [v2/extra]}\n    paths: [[v1/config.json, conf/model.json]]\n'
    const c = await runSpec({ workspace: ws, spec: spec('gs://ml-data/models/', sel), secrets: secrets(), env })
    expect(errorText(c)).toBe('')
    const data = path.join(ws, 'data')
    expect((await fs.readdir(data)).sort()).toEqual(['conf', 'labels.csv', 'v2'])
    expect(await fs.readFile(path.join(data, 'conf/model.json'), 'utf8')).toBe('{"layers": 3}')
    expect((await fs.readdir(path.join(data, 'v2/extra'))).sort()).toEqual(['a.txt', 'b.txt'])

    const bad = await runSpec({
      workspace: await workspace(),
      spec: spec('gs://ml-data/models', '    artifacts: {files: [nope.csv], dirs: [v9]}\n'),
      secrets: secrets(),
      env
    })
    expect(errorText(bad)).toContain('artifacts.files: "nope.csv"')
    expect(errorText(bad)).toContain('artifacts.dirs: "v9"')
  })
})

describe('gcs transfers and integrity', () => {
  it('downloads a 16 MiB object in ranged parts and verifies its MD5', async () => {
    const ws = await workspace()
    const from = gcs.requests.length
    const c = await runSpec({ workspace: ws, spec: spec('gs://ml-data/big/blob.bin'), secrets: secrets(), env })
    expect(errorText(c)).toBe('')
    expect(sha(await fs.readFile(path.join(ws, 'data/blob.bin')))).toBe(sha(big))
    const ranges = media(from).map((r) => r.range)
    expect(ranges).toHaveLength(16)
    expect(ranges).toContain('bytes=0-1048575')
    expect(ranges).toContain(`bytes=${15 * 1048576}-${16 * 1048576 - 1}`)
    // Ranged parts are pinned to the listed generation.
    expect(media(from).every((r) => r.query.generation === gcs.buckets.get('ml-data')!.get('big/blob.bin')!.generation)).toBe(true)
  })

  it('bills requester-pays downloads to projectId, and refuses requesterPays without one', async () => {
    const from = gcs.requests.length
    const c = await runSpec({
      workspace: await workspace(),
      spec: spec('gs://ml-data/models/v1', '', true, ', requesterPays: true, projectId: billing-project'),
      secrets: secrets(),
      env
    })
    expect(errorText(c)).toBe('')
    expect(gcs.requests.slice(from).length).toBeGreaterThan(2)
    expect(gcs.requests.slice(from).every((r) => r.query.userProject === 'billing-project')).toBe(true)
    const bad = await runSpec({
      workspace: await workspace(),
      spec: spec('gs://ml-data/models/v1', '', true, ', requesterPays: true'),
      secrets: secrets(),
      env
    })
    expect(errorText(bad)).toMatch(/store: gs:\/\/ml-data\/models\/v1 is requester-pays: set `projectId`/)
  })

  it('verifies a composite object (no MD5) by CRC32C', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec('gs://ml-data/composite'), secrets: secrets(), env })
    expect(errorText(c)).toBe('')
    expect(await fs.readFile(path.join(ws, 'data/part.bin'), 'utf8')).toBe('composed of two uploads')
  })

  it('retries 503 answers', async () => {
    const ws = await workspace()
    const from = gcs.requests.length
    const c = await runSpec({ workspace: ws, spec: spec('gs://ml-data/busy/retry.bin'), secrets: secrets(), env })
    expect(errorText(c)).toBe('')
    expect(await fs.readFile(path.join(ws, 'data/retry.bin'), 'utf8')).toBe('after two 503s')
    expect(media(from)).toHaveLength(3)
  })

  it('retries corrupt bytes, then fails naming the object', async () => {
    const ws = await workspace()
    const flaky = await runSpec({ workspace: ws, spec: spec('gs://ml-data/corrupt/once.bin'), secrets: secrets(), env })
    expect(errorText(flaky)).toBe('')
    expect(await fs.readFile(path.join(ws, 'data/once.bin'), 'utf8')).toBe('flaky wire')

    const from = gcs.requests.length
    const ws2 = await workspace()
    const c = await runSpec({ workspace: ws2, spec: spec('gs://ml-data/corrupt/always.bin'), secrets: secrets(), env })
    expect(errorText(c)).toMatch(/store: .*gs:\/\/ml-data\/corrupt\/always\.bin.*MD5 mismatch/)
    expect(media(from)).toHaveLength(3)
    await expect(fs.stat(path.join(ws2, 'data'))).rejects.toThrow()
  })
})

describe('gcs errors', () => {
  it('a stalled download is abandoned after the source timeout, retried, then fails', async () => {
    const from = gcs.requests.length
    const started = Date.now()
    const c = await runSpec({ workspace: await workspace(), spec: spec('gs://ml-data/stall/slow.bin', '    timeout: 0.3\n'), secrets: secrets(), env })
    expect(errorText(c)).toMatch(/store: .*gs:\/\/ml-data\/stall\/slow\.bin.*no data for 0\.3 s/)
    expect(media(from)).toHaveLength(3)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('a wrong token is refused at once with a 403 message naming the bucket', async () => {
    const ws = await workspace()
    const from = gcs.requests.length
    const c = await runSpec({ workspace: ws, spec: spec('gs://ml-data/models'), secrets: secrets('ya29.wrong-token-value'), env })
    expect(errorText(c)).toMatch(/store: access denied to gs:\/\/ml-data\/models at http:\/\/127\.0\.0\.1:\d+ \(403\).*secret "gcp-data"/)
    // Permanent: not retried.
    expect(gcs.requests.length - from).toBe(1)
    expect(await c.everything()).not.toContain('wrong-token-value')
  })

  it('no secret against an endpoint that needs one: 401 says the credentials are missing', async () => {
    const c = await runSpec({ workspace: await workspace(), spec: spec('gs://ml-data/models', '', false), env })
    expect(errorText(c)).toMatch(/not authenticated for gs:\/\/ml-data\/models .*\(401\).*anonymous access/)
  })

  it('404 for a missing bucket and nothing under a missing prefix', async () => {
    const missing = await runSpec({ workspace: await workspace(), spec: spec('gs://no-such-bucket/x/'), secrets: secrets(), env })
    expect(errorText(missing)).toMatch(/store: bucket "no-such-bucket" does not exist \(404\)/)
    const empty = await runSpec({ workspace: await workspace(), spec: spec('gs://ml-data/nothing-here'), secrets: secrets(), env })
    expect(errorText(empty)).toMatch(/store: no objects under gs:\/\/ml-data\/nothing-here/)
  })

  it('refuses a key that would land outside the destination', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec('gs://ml-data/evil'), secrets: secrets(), env })
    expect(errorText(c)).toContain('refusing key "../../escape.txt"')
    await expect(fs.stat(path.join(ws, 'escape.txt'))).rejects.toThrow()
    await expect(fs.stat(path.join(root, 'escape.txt'))).rejects.toThrow()
  })

  it('never reaches beyond loopback and never shows the token', async () => {
    const c = await runSpec({ workspace: await workspace(), spec: spec('gs://ml-data/models/v1'), secrets: secrets(), env })
    expect(errorText(c)).toBe('')
    expect(await c.everything()).not.toContain(TOKEN)
    expect(escaped).toEqual([])
  })
})
