/**
 * Sources in the GitHub Actions cache (issue 16), end to end: the action entry run as the runner
 * runs it, the real @actions/cache client, the real Azure SDK, azurite behind a loopback
 * implementation of the cache service. Every run starts from an empty workspace and an empty
 * RUNNER_TEMP at the same paths, as a fresh hosted runner does.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCacheClient, restoreOp, saveOp } from './helpers/cache-client.js'
import { cacheEnv } from './helpers/cache-env.js'
import { tempDir } from './helpers/harness.js'
import { inputEnv, parseCommandFile, ROOT, runnerFiles, stepEnv, type RunnerFiles } from './helpers/runner.js'
import { startCacheService, type CacheService } from './servers/cache-service.js'
import { commit, git, makeRepo, startGitHttp } from './servers/git-http.js'
import { makeTar, sha256, startHttp, type HttpTestServer } from './servers/http.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from './servers/s3.js'

let root: string
let cache: CacheService
let s3: S3TestServer
let web: HttpTestServer
const ENTRY = path.join(ROOT, 'src', 'index.ts')

const objects = (v: string): Record<string, string> => ({
  'train/labels.csv': `a,b\n${v},2\n`,
  'train/images/1.png': `png-${v}-`.repeat(300),
  'train/big.bin': `${v}`.repeat(3 * 1024 * 1024)
})

beforeAll(async () => {
  root = await tempDir('fs-cache-')
  ;[cache, s3, web] = await Promise.all([startCacheService(), startS3(), startHttp()])
  await s3.createBucket('mldata')
  await s3.put('mldata', objects('1'))
})
afterAll(async () => {
  await Promise.all([cache?.stop(), s3?.stop(), web?.stop()])
  if (root) await fs.rm(root, { recursive: true, force: true })
})

/** A fresh runner: the same workspace and RUNNER_TEMP paths every run, emptied. */
async function freshRunner(keepWorkspace = false): Promise<RunnerFiles> {
  for (const dir of keepWorkspace ? ['runner-temp'] : ['workspace', 'runner-temp']) await fs.rm(path.join(root, dir), { recursive: true, force: true })
  return runnerFiles(root)
}

interface Run {
  code: number
  stdout: string
  outputs: Record<string, string>
  summary: string
  workspace: string
}

/** `keepWorkspace`: a self-hosted runner's re-run, the previous landing still in place. */
async function runAction(inputs: Record<string, string>, keepWorkspace = false): Promise<Run> {
  const f = await freshRunner(keepWorkspace)
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    ...stepEnv(f),
    ...(await inputEnv(inputs)),
    ...cacheEnv(cache, { workspace: f.workspace, runnerTemp: f.temp })
  }
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), ENTRY], { cwd: f.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 110_000)
    child.on('error', reject)
    child.on('close', (c) => {
      clearTimeout(timer)
      resolve({ code: c ?? -1, stdout: out })
    })
  })
  return { code, stdout, outputs: parseCommandFile(await fs.readFile(f.output, 'utf8')), summary: await fs.readFile(f.summary, 'utf8'), workspace: f.workspace }
}

const bucketSpec = (): string => `version: 1
connections:
  - {name: ml, kind: s3, schema: {bucket: "s3://mldata/train", endpoint: "${s3.endpoint}"}, secret: {name: aws}}
sources:
  - {connection: ml, path: data}
`
const secrets = (): string => JSON.stringify({ aws: JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey }) })
const objectGets = (from: number): string[] => s3.requests.slice(from).filter((r) => r.startsWith('GET /mldata/train/'))
const digestOf = (run: Run, name: string): string => (JSON.parse(run.outputs.sources!) as Record<string, { digest: string }>)[name]!.digest
const cacheOf = (run: Run): Record<string, string> => JSON.parse(run.outputs.cache ?? '{}') as Record<string, string>

describe('a bucket source in the Actions cache', () => {
  it('miss and save, then a hit on a new runner with no GET to the bucket, then a miss after a change', async () => {
    const first = await runAction({ spec: bucketSpec(), secrets: secrets(), cache: 'true' })
    expect(first.code, first.stdout).toBe(0)
    expect(cacheOf(first)).toEqual({ ml: 'saved' })
    expect(first.summary).toMatch(/\| saved: 3\.0 MiB downloaded \|/)
    // The client's masks for the signed upload URL's signature reach the runner: its base64
    // padding, URL-encoded (%3D) and then escaped as a workflow command's data (%253D).
    expect(first.stdout).toMatch(/^::add-mask::[A-Za-z0-9%]+%253D$/m)

    const before = s3.requests.length
    const second = await runAction({ spec: bucketSpec(), secrets: secrets(), cache: 'true' })
    expect(second.code, second.stdout).toBe(0)
    expect(cacheOf(second)).toEqual({ ml: 'hit' })
    expect(second.stdout).toMatch(/^::add-mask::[A-Za-z0-9%]+%253D$/m)
    expect(objectGets(before), 'objects were downloaded from the bucket on a hit').toEqual([])
    expect(digestOf(second, 'ml')).toBe(digestOf(first, 'ml'))
    expect(await fs.readFile(path.join(second.workspace, 'data/labels.csv'), 'utf8')).toBe('a,b\n1,2\n')
    expect((await fs.stat(path.join(second.workspace, 'data/big.bin'))).size).toBe(3 * 1024 * 1024)
    expect(second.summary).toMatch(/\| hit: 3\.0 MiB restored \|/)

    await s3.put('mldata', { 'train/labels.csv': 'a,b\n9,2\n' })
    const third = await runAction({ spec: bucketSpec(), secrets: secrets(), cache: 'true' })
    expect(third.code, third.stdout).toBe(0)
    expect(cacheOf(third)).toEqual({ ml: 'saved' })
    expect(digestOf(third, 'ml')).not.toBe(digestOf(first, 'ml'))
    expect(await fs.readFile(path.join(third.workspace, 'data/labels.csv'), 'utf8')).toBe('a,b\n9,2\n')
    const keys = cache.entries().map((e) => e.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.filter((k) => k.startsWith('fetch-sources-v1-s3-'))).toHaveLength(2)
    await s3.put('mldata', { 'train/labels.csv': 'a,b\n1,2\n' })
  })

  it('read-only restores and never saves', async () => {
    const saves = cache.requests.filter((r) => r.method === 'CreateCacheEntry').length
    const run = await runAction({ spec: bucketSpec(), secrets: secrets(), cache: 'read-only' })
    expect(run.code, run.stdout).toBe(0)
    expect(cacheOf(run)).toEqual({ ml: 'hit' })
    expect(cache.requests.filter((r) => r.method === 'CreateCacheEntry')).toHaveLength(saves)
  })

  it('a restored entry whose bytes do not match the listing is refused and the source downloaded afresh', async () => {
    // Poison the entry under the key the listing gives: same names and sizes, other bytes.
    // The key of the listing as it is now: the one the read-only run above restored.
    const key = cache.requests.findLast((r) => r.method === 'GetCacheEntryDownloadURL' && r.outcome === 'hit')!.key!
    const f = await freshRunner()
    const dir = path.join(f.temp, 'fetch-sources-cache', 's3-ml')
    const opts = { workspace: f.workspace, runnerTemp: f.temp }
    expect((await runCacheClient(cache, [restoreOp(key, undefined, [dir])], opts)).results[0]!.value).toBe(key)
    await fs.writeFile(path.join(dir, 'labels.csv'), 'a,b\n7,2\n')
    expect((await runCacheClient(cache, [saveOp('poison-1', [dir])], opts)).results[0]!.value).toBeGreaterThan(0)
    cache.swapBlob(key, 'poison-1')
    const before = s3.requests.length
    const run = await runAction({ spec: bucketSpec(), secrets: secrets(), cache: 'true' })
    expect(run.code, run.stdout).toBe(0)
    expect(run.stdout).toMatch(/::warning::.*ml: cache: entry fetch-sources-v1-s3-\w+ does not match the listing/)
    expect(objectGets(before).length).toBeGreaterThan(0)
    expect(await fs.readFile(path.join(run.workspace, 'data/labels.csv'), 'utf8')).toBe('a,b\n1,2\n')
  })
})

describe('an http archive in the Actions cache', () => {
  const requests = (method: string, p: string, status?: number): number =>
    web.log.filter((l) => l.startsWith(`${method} ${p} `) && (status === undefined || l.endsWith(` ${status}`))).length
  const hitKeys = (): string[] => cache.requests.filter((r) => r.method === 'GetCacheEntryDownloadURL' && r.outcome === 'hit').map((r) => r.key!)

  it('unpinned, keyed on the strong ETag: miss and save, then a re-signed URL hits with no GET, then a re-run on the kept workspace is conditional', async () => {
    const weights = randomBytes(5000)
    const tar = makeTar([{ path: 'model/weights.bin', body: weights }], true)
    web.routes.set('/m/model.tar.gz', { body: tar, etag: '"v1"' })
    const spec = `version: 1\nsources:\n  - {name: model, url: "${web.url}/m/model.tar.gz?X-Amz-Signature=abc123", unpack: true}\n`
    const heads = requests('HEAD', '/m/model.tar.gz', 200)
    const first = await runAction({ spec, cache: 'true' })
    expect(first.code, first.stdout).toBe(0)
    expect(cacheOf(first)).toEqual({ model: 'saved' })
    expect(requests('HEAD', '/m/model.tar.gz', 200), 'the key comes from one HEAD').toBe(heads + 1)
    const saved = cache.entries().map((e) => e.key)
    const gets = requests('GET', '/m/model.tar.gz')
    // The query (the signature) is not in the identity: the re-signed URL finds the same entry.
    const resigned = spec.replace('abc123', 'resigned456')
    const second = await runAction({ spec: resigned, cache: 'true' })
    expect(second.code, second.stdout).toBe(0)
    expect(cacheOf(second)).toEqual({ model: 'hit' })
    expect(saved).toContain(hitKeys().at(-1))
    expect(requests('GET', '/m/model.tar.gz')).toBe(gets)
    expect(await fs.readFile(path.join(second.workspace, 'model/model/weights.bin'))).toEqual(weights)
    expect(digestOf(second, 'model')).toBe(`sha256:${sha256(tar)}`)
    // No signature in a key.
    expect(cache.requests.some((r) => r.key?.includes('abc123') || r.key?.includes('resigned456'))).toBe(false)

    // The hit recorded the HEAD's ETag as a download would: the re-run asks if it changed, and downloads nothing.
    const third = await runAction({ spec: resigned, cache: 'true' }, true)
    expect(third.code, third.stdout).toBe(0)
    expect(web.lastHeaders.get('/m/model.tar.gz')!['if-none-match']).toBe('"v1"')
    expect(requests('GET', '/m/model.tar.gz', 304)).toBe(1)
    expect(requests('GET', '/m/model.tar.gz')).toBe(gets + 1)
    expect(digestOf(third, 'model')).toBe(`sha256:${sha256(tar)}`)
    expect(await fs.readFile(path.join(third.workspace, 'model/model/weights.bin'))).toEqual(weights)
  })

  it('unpinned, the file changed between the HEAD and the GET: saved under the key of the bytes downloaded', async () => {
    const v2 = randomBytes(4000)
    web.routes.set('/m/moving.bin', { body: v2, etag: '"v2"', headEtag: '"v1"' })
    const spec = `version: 1\nsources:\n  - {name: moving, url: "${web.url}/m/moving.bin", path: data}\n`
    const first = await runAction({ spec, cache: 'true' })
    expect(first.code, first.stdout).toBe(0)
    expect(cacheOf(first)).toEqual({ moving: 'saved' })
    // Now the HEAD names the bytes that were saved: their entry is found.
    web.routes.set('/m/moving.bin', { body: v2, etag: '"v2"' })
    const gets = requests('GET', '/m/moving.bin')
    const second = await runAction({ spec, cache: 'true' })
    expect(second.code, second.stdout).toBe(0)
    expect(cacheOf(second)).toEqual({ moving: 'hit' })
    expect(requests('GET', '/m/moving.bin')).toBe(gets)
    expect(await fs.readFile(path.join(second.workspace, 'data/moving.bin'))).toEqual(v2)
  })

  it('unpinned, no ETag: keyed on Last-Modified with the length, so a new file of another length is a new entry', async () => {
    const lastModified = 'Wed, 21 Oct 2015 07:28:00 GMT'
    const v1 = randomBytes(3000)
    web.routes.set('/m/table.csv', { body: v1, lastModified })
    const spec = (sig: string): string => `version: 1\nsources:\n  - {name: table, url: "${web.url}/m/table.csv?sig=${sig}", path: data}\n`
    const first = await runAction({ spec: spec('one'), cache: 'true' })
    expect(first.code, first.stdout).toBe(0)
    expect(cacheOf(first)).toEqual({ table: 'saved' })
    const gets = requests('GET', '/m/table.csv')
    const second = await runAction({ spec: spec('two'), cache: 'true' })
    expect(second.code, second.stdout).toBe(0)
    expect(cacheOf(second)).toEqual({ table: 'hit' })
    expect(requests('GET', '/m/table.csv')).toBe(gets)
    expect(await fs.readFile(path.join(second.workspace, 'data/table.csv'))).toEqual(v1)
    expect(digestOf(second, 'table')).toBe(`sha256:${sha256(v1)}`)

    // Same Last-Modified, another length: not the entry of v1.
    const v2 = randomBytes(3001)
    web.routes.set('/m/table.csv', { body: v2, lastModified })
    const third = await runAction({ spec: spec('three'), cache: 'true' })
    expect(third.code, third.stdout).toBe(0)
    expect(cacheOf(third)).toEqual({ table: 'saved' })
    expect(requests('GET', '/m/table.csv')).toBe(gets + 1)
    expect(await fs.readFile(path.join(third.workspace, 'data/table.csv'))).toEqual(v2)
  })
})

describe('a git source in the Actions cache', () => {
  it('miss and save, then a hit that downloads nothing, then a miss after a new commit', async () => {
    const repos = path.join(root, 'repos')
    let work = ''
    await makeRepo(repos, 'app', async (w) => {
      work = w
      await commit(w, { 'README.md': 'one\n', 'src/a.py': 'print(1)\n' }, 'c1')
    })
    const server = await startGitHttp({ root: repos })
    try {
      const spec = `version: 1\nsources:\n  - {name: app, url: "${server.url}/app.git", git: {revision: main}}\n`
      const first = await runAction({ spec, cache: 'true' })
      expect(first.code, first.stdout).toBe(0)
      expect(cacheOf(first)).toEqual({ app: 'saved' })

      const second = await runAction({ spec, cache: 'true' })
      expect(second.code, second.stdout).toBe(0)
      expect(cacheOf(second)).toEqual({ app: 'hit' })
      expect(second.outputs.commit).toBe(first.outputs.commit)
      expect(second.stdout).toContain('(already present, nothing downloaded)')
      expect(await fs.readFile(path.join(second.workspace, 'app/src/a.py'), 'utf8')).toBe('print(1)\n')
      expect(git(path.join(second.workspace, 'app'), 'status', '--porcelain')).toBe('')
      expect(git(path.join(second.workspace, 'app'), 'rev-parse', 'HEAD')).toBe(first.outputs.commit)

      const c2 = await commit(work, { 'src/a.py': 'print(2)\n' }, 'c2')
      git(work, 'push', '-q', path.join(repos, 'app.git'), 'main')
      const third = await runAction({ spec, cache: 'true' })
      expect(third.code, third.stdout).toBe(0)
      expect(cacheOf(third)).toEqual({ app: 'saved' })
      expect(third.outputs.commit).toBe(c2)
    } finally {
      await server.close()
    }
  })
})

describe('a git subdirectory source and the Actions cache', () => {
  it('is not cached (it lands without the packs an entry holds), says so, and asks the service nothing', async () => {
    const repos = path.join(root, 'repos-sub')
    await makeRepo(repos, 'mono', async (w) => {
      await commit(w, { 'README.md': 'top\n', 'ml/train.py': 'print(1)\n' }, 'c1')
    })
    const server = await startGitHttp({ root: repos })
    try {
      const spec = `version: 1\nsources:\n  - {name: ml, url: "${server.url}/mono.git", git: {revision: main}, subdirectory: ml}\n`
      const from = cache.requests.length
      const run = await runAction({ spec, cache: 'true' })
      expect(run.code, run.stdout).toBe(0)
      // No source used the cache: no `cache` output at all.
      expect(run.outputs.cache).toBeUndefined()
      expect(run.stdout).toContain('cache: off for this source: a `subdirectory` checkout lands without the packs an entry is made of')
      expect(cache.requests.slice(from)).toEqual([])
      expect(await fs.readFile(path.join(run.workspace, 'ml/train.py'), 'utf8')).toBe('print(1)\n')
    } finally {
      await server.close()
    }
  })
})

describe('a cache service that is down or failing', () => {
  it('down: the source downloads normally, one warning, the step is green', async () => {
    await cache.setDown(true)
    try {
      const run = await runAction({ spec: bucketSpec(), secrets: secrets(), cache: 'true' })
      expect(run.code, run.stdout).toBe(0)
      expect(run.stdout.split('\n').filter((l) => l.startsWith('::warning::') && l.includes('cache'))).toHaveLength(1)
      expect(run.stdout).not.toMatch(/^::error::/m)
      expect(cacheOf(run)).toEqual({ ml: 'miss' })
      expect(await fs.readFile(path.join(run.workspace, 'data/labels.csv'), 'utf8')).toBe('a,b\n1,2\n')
    } finally {
      await cache.setDown(false)
    }
  })

  it('answering 5xx: the source downloads normally, one warning, the step is green', async () => {
    cache.faults.status5xx = true
    try {
      const run = await runAction({ spec: bucketSpec(), secrets: secrets(), cache: 'true' })
      expect(run.code, run.stdout).toBe(0)
      expect(run.stdout.split('\n').filter((l) => l.startsWith('::warning::') && l.includes('cache'))).toHaveLength(1)
      expect(run.stdout).not.toMatch(/^::error::/m)
      expect(cacheOf(run)).toEqual({ ml: 'miss' })
    } finally {
      cache.faults.status5xx = false
    }
  }, 90_000)
})
