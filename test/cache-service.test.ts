/**
 * The loopback Actions cache service (test/servers/cache-service.ts) driven by the real
 * `@actions/cache` 6.3.0 client, its Azure SDK and azurite: what the client does on hits, misses,
 * conflicts and faults, which the product's cache step relies on.
 */
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { BlobServiceClient } from '@azure/storage-blob'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { restoreOp, runCacheClient, saveOp, twirpCall, type CacheClientOptions, type CacheOp } from './helpers/cache-client.js'
import { digest, newJob, writeTree, type Job } from './helpers/cache-fixture.js'
import { startCacheService, type CacheService } from './servers/cache-service.js'

let service: CacheService
let root: string
let dirs = 0

beforeAll(async () => {
  service = await startCacheService()
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-cache-'))
})

afterAll(async () => {
  await service?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

const job = (): Promise<Job> => newJob(root, `job-${++dirs}`)

const save = saveOp
const restore = restoreOp

async function client(ops: CacheOp[], opts: CacheClientOptions) {
  const run = await runCacheClient(service, ops, opts)
  expect(run.code, run.output).toBe(0)
  expect(run.results.length, run.output).toBe(ops.length)
  return run
}

/** The requests the service saw for `key`, as `Method:outcome`. */
function seen(key: string): string[] {
  return service.requests.filter((r) => r.key === key).map((r) => `${r.method}:${r.outcome}`)
}

describe('the real @actions/cache client against the loopback cache service', () => {
  it('saves a tree and restores identical bytes into another workspace, through the Azure SDK', async () => {
    const first = await job()
    await writeTree(path.join(first.workspace, 'data'), {
      'README.md': '# cached\n',
      'nested/deep/config.json': '{"a":1}\n',
      'empty.txt': '',
      'blobs/five-mb.bin': randomBytes(5 * 1024 * 1024),
      'blobs/twenty-mb.bin': randomBytes(20 * 1024 * 1024)
    })
    const saved = await client([save('round-trip')], first)
    const id = saved.results[0]!.value
    expect(typeof id === 'number' && id > 0, saved.output).toBe(true)
    expect(seen('round-trip')).toEqual(['CreateCacheEntry:created', 'FinalizeCacheEntryUpload:finalized'])
    const entry = service.entries().find((e) => e.id === id)!
    expect(entry.finalized).toBe(true)

    // zstd on PATH: the client picks zstd (without --long) and the archive is a zstd frame.
    const blob = BlobServiceClient.fromConnectionString(service.azurite.connectionString).getContainerClient(service.container).getBlobClient(entry.blob)
    const head = await blob.downloadToBuffer(0, 4)
    expect(head.toString('hex')).toBe('28b52ffd')
    expect(saved.output).toMatch(/\[command\]\S*tar --posix -cf cache\.tzst .* -P -C \S+ --files-from manifest\.txt --use-compress-program zstdmt/)

    const second = await job()
    const proxied = service.blobProxy!.requests.length
    const restored = await client([restore('round-trip')], second)
    expect(restored.results[0]!.value, restored.output).toBe('round-trip')
    expect(restored.output).toContain('Cache hit for: round-trip')
    expect(restored.output).toContain('Cache restored successfully')
    expect(await digest(path.join(second.workspace, 'data'))).toEqual(await digest(path.join(first.workspace, 'data')))
    // The Azure SDK path: the SAS URL on the Azure host, a HEAD, then 4 MiB ranged GETs.
    const downloads = service.blobProxy!.requests.slice(proxied)
    expect(downloads.every((u) => u.startsWith(`http://devstoreaccount1.blob.core.windows.net/${service.container}/${entry.blob}?`))).toBe(true)
    expect(service.azurite.requests.filter((r) => r.method === 'GET' && r.range && r.url.includes(entry.blob)).length).toBeGreaterThan(1)
  })

  it('reports a miss as undefined, downloads nothing and writes nothing', async () => {
    const w = await job()
    const blobRequests = service.azurite.requests.length
    const run = await client([restore('never-saved', ['never-'])], w)
    expect(run.results[0]!.value).toBeNull()
    expect(seen('never-saved')).toEqual(['GetCacheEntryDownloadURL:miss'])
    expect(run.output).not.toMatch(/Cache hit|::warning::|::error::/)
    expect(service.azurite.requests.length).toBe(blobRequests)
    await expect(fs.stat(path.join(w.workspace, 'data'))).rejects.toThrow(/ENOENT/)
  })

  it('matches the exact key, then the key and each restore key as prefixes, newest first, same version only', async () => {
    const w = await job()
    for (const n of ['1', '2']) {
      await writeTree(path.join(w.workspace, 'data'), { 'marker.txt': `build ${n}\n` })
      expect((await client([save(`deps-linux-${n}`)], w)).results[0]!.value).toBeGreaterThan(0)
    }
    const marker = async (ws: string): Promise<string> => fs.readFile(path.join(ws, 'data', 'marker.txt'), 'utf8')

    const exact = await job()
    expect((await client([restore('deps-linux-1', ['deps-linux-'])], exact)).results[0]!.value).toBe('deps-linux-1')
    expect(await marker(exact.workspace)).toBe('build 1\n')

    const byRestoreKey = await job()
    const run = await client([restore('deps-linux-3', ['deps-windows-', 'deps-linux-'])], byRestoreKey)
    expect(run.results[0]!.value).toBe('deps-linux-2')
    expect(run.output).toContain('Cache hit for restore-key: deps-linux-2')
    expect(await marker(byRestoreKey.workspace)).toBe('build 2\n')

    // GitHub documents a prefix match on the key itself before the restore keys.
    const byKeyPrefix = await job()
    expect((await client([restore('deps-linux', ['deps-'])], byKeyPrefix)).results[0]!.value).toBe('deps-linux-2')

    // Other paths are another version (a hash of the paths and the compression): a miss.
    const otherPaths = await job()
    const miss = await client([restore('deps-linux-1', ['deps-linux-'], ['data', 'more'])], otherPaths)
    expect(miss.results[0]!.value).toBeNull()
  })

  it('answers a second save of the same key and version with 409; the client logs it as info and returns -1', async () => {
    const w = await job()
    await writeTree(path.join(w.workspace, 'data'), { 'a.txt': 'first\n' })
    const [first, second] = (await client([save('twice'), save('twice')], w)).results
    expect(first!.value).toBeGreaterThan(0)
    expect(second).toMatchObject({ value: -1 })
    expect(second!.threw).toBeUndefined()
    expect(seen('twice')).toEqual(['CreateCacheEntry:created', 'FinalizeCacheEntryUpload:finalized', 'CreateCacheEntry:exists'])
    const run = await client([save('twice')], w)
    expect(run.output).toContain('Failed to save: Unable to reserve cache with key twice, another job may be creating this cache.')
    expect(run.output).toContain('(409) Conflict: cache entry with the same key, version, and scope already exists')
    expect(run.output).not.toMatch(/::warning::|::error::/)
    expect(service.entries().filter((e) => e.key === 'twice')).toHaveLength(1)
  })

  it('with blobHost loopback the SAS URLs name 127.0.0.1 and the client downloads with one plain GET instead', async () => {
    const loopback = await startCacheService({ azurite: service.azurite, container: 'loopback-cache', blobHost: 'loopback' })
    try {
      const first = await job()
      await writeTree(path.join(first.workspace, 'data'), { 'a.txt': 'loopback\n', 'b.bin': randomBytes(6 * 1024 * 1024) })
      expect(loopback.blobProxy).toBeUndefined()
      expect((await runCacheClient(loopback, [save('plain')], first)).results[0]!.value).toBeGreaterThan(0)
      const second = await job()
      const before = service.azurite.requests.length
      const run = await runCacheClient(loopback, [restore('plain')], second)
      expect(run.results[0]!.value, run.output).toBe('plain')
      expect(await digest(path.join(second.workspace, 'data'))).toEqual(await digest(path.join(first.workspace, 'data')))
      const blob = loopback.entries()[0]!.blob
      const downloads = service.azurite.requests.slice(before).filter((r) => r.url.includes(`/loopback-cache/${blob}`))
      expect(downloads).toEqual([{ method: 'GET', url: expect.stringMatching(/^\/devstoreaccount1\/loopback-cache\/entries\/1\?.*sp=r/) }])
    } finally {
      await loopback.stop()
    }
  })
})

describe('the Twirp surface, spoken to directly', () => {
  const call = (method: string, body: unknown, headers?: Record<string, string>) => twirpCall(service, method, body, headers)

  it('answers Twirp errors for an unknown method, a malformed body, missing fields and a missing token', async () => {
    expect(await call('DeleteCacheEntry', { key: 'k', version: 'v' })).toEqual({
      status: 404,
      body: { code: 'bad_route', msg: 'no handler for DeleteCacheEntry' }
    })
    expect(await call('CreateCacheEntry', '[1')).toEqual({ status: 400, body: { code: 'malformed', msg: 'the body is not a JSON object' } })
    expect(await call('CreateCacheEntry', { key: 'k' })).toEqual({ status: 400, body: { code: 'invalid_argument', msg: 'key and version are required' } })
    expect(await call('CreateCacheEntry', { key: 'k', version: 'v' }, { authorization: 'Bearer wrong' })).toMatchObject({
      status: 401,
      body: { code: 'unauthenticated' }
    })
    expect(await call('FinalizeCacheEntryUpload', { key: 'never-created', version: 'v', size_bytes: '1' })).toMatchObject({
      status: 404,
      body: { code: 'not_found' }
    })
  })

  it('refuses to finalize an entry whose upload never arrived, and keeps it invisible', async () => {
    const created = await call('CreateCacheEntry', { key: 'no-upload', version: 'v1' })
    expect(created).toMatchObject({ status: 200, body: { ok: true, signed_upload_url: expect.stringContaining('sp=cw') } })
    expect(await call('FinalizeCacheEntryUpload', { key: 'no-upload', version: 'v1', size_bytes: '10' })).toEqual({
      status: 200,
      body: { ok: false, entry_id: '0', message: 'no archive was uploaded for this entry' }
    })
    expect(await call('GetCacheEntryDownloadURL', { key: 'no-upload', restore_keys: [], version: 'v1' })).toEqual({
      status: 200,
      body: { ok: false, signed_download_url: '', matched_key: '' }
    })
  })
})
