/**
 * What the real `@actions/cache` 6.3.0 client does with paths, compression, modes and bad input,
 * against the loopback cache service: facts the product's cache step has to design around.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { BlobServiceClient } from '@azure/storage-blob'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { restoreOp as restore, runCacheClient, saveOp as save, twirpCall, type CacheClientOptions, type CacheOp } from './helpers/cache-client.js'
import { digest, newJob, writeTree, type Job } from './helpers/cache-fixture.js'
import { startCacheService, type CacheService } from './servers/cache-service.js'

let service: CacheService
let root: string
let dirs = 0

beforeAll(async () => {
  service = await startCacheService()
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-cache-client-'))
})

afterAll(async () => {
  await service?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

const job = (): Promise<Job> => newJob(root, `job-${++dirs}`)

async function jobWithData(): Promise<Job> {
  const j = await job()
  await writeTree(path.join(j.workspace, 'data'), { 'a.txt': `job ${dirs}\n`, 'sub/b.bin': Buffer.from([0, 1, 2, 255]) })
  return j
}

async function client(ops: CacheOp[], opts: CacheClientOptions) {
  const run = await runCacheClient(service, ops, opts)
  expect(run.code, run.output).toBe(0)
  expect(run.results.length, run.output).toBe(ops.length)
  return run
}

const versionOf = (key: string): string | undefined => service.entries().find((e) => e.key === key)?.version

async function archiveMagic(key: string): Promise<string> {
  const entry = service.entries().find((e) => e.key === key)!
  const container = BlobServiceClient.fromConnectionString(service.azurite.connectionString).getContainerClient(service.container)
  return (await container.getBlobClient(entry.blob).downloadToBuffer(0, 4)).toString('hex')
}

describe('paths: globbed from the working directory, archived and extracted relative to GITHUB_WORKSPACE', () => {
  it('a relative path is looked up in the cwd, not in GITHUB_WORKSPACE', async () => {
    const j = await jobWithData()
    const run = await client([save('cwd-relative')], { ...j, cwd: root })
    expect(run.results[0]!.threw).toEqual({
      name: 'Error',
      message: 'Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.'
    })
    expect(service.requests.filter((r) => r.key === 'cwd-relative')).toEqual([])
  })

  it('a path outside the workspace is stored as ../… and restored relative to the new workspace, not where it was', async () => {
    const j = await job()
    const outside = path.join(path.dirname(j.workspace), 'outside', 'data')
    await writeTree(outside, { 'x.txt': 'outside\n' })
    const saved = await client([save('outside', [outside])], { ...j, debug: true })
    expect(saved.results[0]!.value).toBeGreaterThan(0)
    // The debug listing (tar -t) of the archive shows the stored names.
    expect(saved.output).toMatch(/^\.\.\/outside\/data\/x\.txt$/m)
    const expected = await digest(outside)
    await fs.rm(outside, { recursive: true })

    const deeper = await newJob(path.join(root, `job-${++dirs}`), 'deeper')
    const restored = await client([restore('outside', undefined, [outside])], deeper)
    expect(restored.results[0]!.value).toBe('outside')
    await expect(fs.stat(outside)).rejects.toThrow(/ENOENT/)
    expect(await digest(path.join(path.dirname(deeper.workspace), 'outside', 'data'))).toEqual(expected)
  })

  it('the version hashes the path strings as given: `./data` is another cache than `data`', async () => {
    const j = await jobWithData()
    await client([save('spelling')], j)
    const other = await job()
    const run = await client([restore('spelling', undefined, ['./data'])], other)
    expect(run.results[0]!.value).toBeNull()
    expect(service.requests.at(-1)).toMatchObject({ key: 'spelling', outcome: 'miss' })
    expect(service.requests.at(-1)!.version).not.toBe(versionOf('spelling'))
  })
})

describe('extraction: tar -P writes wherever the names in the archive point', () => {
  it('an entry whose archive holds ../ names writes outside GITHUB_WORKSPACE and outside the restored paths', async () => {
    const honest = await jobWithData()
    await client([save('honest')], honest)
    // Anyone who can write entries in the scope can store any archive under a key with this version.
    const version = versionOf('honest')!
    const craft = await job()
    await writeTree(craft.workspace, { 'data/ok.txt': 'ok\n' })
    await fs.writeFile(path.join(path.dirname(craft.workspace), 'escaped.txt'), 'written outside\n')
    const archive = path.join(craft.runnerTemp, 'crafted.tzst')
    execFileSync('tar', ['--posix', '-cf', archive, '-P', '-C', craft.workspace, '--use-compress-program', 'zstdmt', 'data/ok.txt', '../escaped.txt'])
    expect((await twirpCall(service, 'CreateCacheEntry', { key: 'crafted', version })).body.ok).toBe(true)
    const entry = service.entries().find((e) => e.key === 'crafted')!
    const container = BlobServiceClient.fromConnectionString(service.azurite.connectionString).getContainerClient(service.container)
    await container.getBlockBlobClient(entry.blob).uploadFile(archive)
    const size = String((await fs.stat(archive)).size)
    expect((await twirpCall(service, 'FinalizeCacheEntryUpload', { key: 'crafted', version, size_bytes: size })).body.ok).toBe(true)

    const victim = await job()
    const run = await client([restore('crafted')], victim)
    expect(run.results[0]!.value).toBe('crafted')
    expect(await fs.readFile(path.join(victim.workspace, 'data', 'ok.txt'), 'utf8')).toBe('ok\n')
    expect(await fs.readFile(path.join(path.dirname(victim.workspace), 'escaped.txt'), 'utf8')).toBe('written outside\n')
  })
})

describe('compression: zstd when `zstd` runs, else gzip, and the two are different versions', () => {
  it('without zstd on PATH the client writes gzip and cannot see the zstd entry of the same key', async () => {
    const bin = path.join(root, 'bin-without-zstd')
    await fs.mkdir(bin)
    for (const tool of ['tar', 'gzip']) await fs.symlink(path.join('/usr/bin', tool), path.join(bin, tool))
    const noZstd = { PATH: bin }

    const j = await jobWithData()
    await client([save('by-zstd')], j)
    expect(await archiveMagic('by-zstd')).toBe('28b52ffd')
    const gz = await client([restore('by-zstd'), save('by-gzip')], { ...j, env: noZstd })
    expect(gz.results.map((r) => r.value)).toEqual([null, expect.any(Number)])
    expect(gz.output).toMatch(/\[command\]\S*tar --posix -cf cache\.tgz .* --files-from manifest\.txt -z$/m)
    expect(await archiveMagic('by-gzip')).toBe('1f8b0800')

    const fresh = await job()
    const back = await client([restore('by-gzip')], { ...fresh, env: noZstd })
    expect(back.results[0]!.value).toBe('by-gzip')
    expect(await digest(path.join(fresh.workspace, 'data'))).toEqual(await digest(path.join(j.workspace, 'data')))
  })
})

describe('modes and options', () => {
  it('lookupOnly answers the matched key and downloads nothing', async () => {
    const j = await jobWithData()
    await client([save('lookup')], j)
    const fresh = await job()
    const blobRequests = service.azurite.requests.length
    const run = await client([{ ...restore('lookup'), lookupOnly: true }], fresh)
    expect(run.results[0]!.value).toBe('lookup')
    expect(run.output).toContain('Lookup only - skipping download')
    expect(service.azurite.requests.length).toBe(blobRequests)
    await expect(fs.stat(path.join(fresh.workspace, 'data'))).rejects.toThrow(/ENOENT/)
  })

  it('ACTIONS_CACHE_MODE=read skips saves and =none skips restores, without asking the service', async () => {
    const j = await jobWithData()
    await client([save('mode')], j)
    const before = service.requests.length
    const read = await client([save('mode-read')], { ...j, mode: 'read' })
    expect(read.results[0]!.value).toBe(-1)
    expect(read.output).toContain("Cache save skipped: the effective cache-mode 'read' does not permit writes.")
    const none = await client([restore('mode')], { ...(await job()), mode: 'none' })
    expect(none.results[0]!.value).toBeNull()
    expect(none.output).toContain("Cache restore skipped: the effective cache-mode 'none' does not permit reads.")
    expect(service.requests.length).toBe(before)
  })

  it('throws (not logs) a ValidationError for a bad key and an Error for paths that match nothing', async () => {
    const j = await jobWithData()
    const run = await client(
      [
        save('a,b'),
        save('k'.repeat(513)),
        restore(
          'k',
          Array.from({ length: 10 }, (_, i) => `r${i}`)
        ),
        save('nothing', ['no-such-dir'])
      ],
      j
    )
    expect(run.results.map((r) => r.threw?.name)).toEqual(['ValidationError', 'ValidationError', 'ValidationError', 'Error'])
    expect(run.results[0]!.threw!.message).toBe('Key Validation Error: a,b cannot contain commas.')
    expect(run.results[2]!.threw!.message).toBe('Key Validation Error: Keys are limited to a maximum of 10.')
    expect(run.results[3]!.threw!.message).toMatch(/^Path Validation Error/)
  })
})
