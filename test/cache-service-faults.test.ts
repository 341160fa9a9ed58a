/**
 * What the real `@actions/cache` 6.3.0 client does when the cache service or the blob store
 * fails: the product's cache step relies on these (a save never throws for a service fault, a
 * restore becomes a miss), and on which of them are warnings.
 */
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { restoreOp as restore, runCacheClient, saveOp as save, type CacheClientOptions, type CacheOp } from './helpers/cache-client.js'
import { digest, newJob, writeTree, type Job } from './helpers/cache-fixture.js'
import { startCacheService, type CacheService } from './servers/cache-service.js'

let service: CacheService
let root: string
let dirs = 0

beforeAll(async () => {
  service = await startCacheService()
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-cache-faults-'))
})

afterEach(async () => {
  Object.assign(service.faults, { status5xx: false, failFinalize: false, writeDenied: false, readDenied: false })
  await service.setDown(false)
})

afterAll(async () => {
  await service?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

async function jobWithData(): Promise<Job> {
  const job = await newJob(root, `job-${++dirs}`)
  await writeTree(path.join(job.workspace, 'data'), { 'a.txt': `job ${dirs}\n`, 'sub/b.txt': 'b\n' })
  return job
}

async function client(ops: CacheOp[], opts: CacheClientOptions) {
  const run = await runCacheClient(service, ops, opts)
  expect(run.code, run.output).toBe(0)
  expect(run.results.length, run.output).toBe(ops.length)
  return run
}

const outcomes = (key: string): string[] => service.requests.filter((r) => r.key === key).map((r) => `${r.method}:${r.status}:${r.outcome}`)
const workflowCommands = (output: string, command: string): string[] => output.split('\n').filter((l) => l.startsWith(`::${command}::`))

describe('service faults, as the real client reports them', () => {
  it('down (connection refused): restore is a miss with a warning, save returns -1 with an info line; no retries', async () => {
    const job = await jobWithData()
    await service.setDown(true)
    const run = await client([restore('down-restore'), save('down-save')], job)
    expect(run.results.map((r) => r.value)).toEqual([null, -1])
    expect(run.results.every((r) => r.threw === undefined)).toBe(true)
    expect(workflowCommands(run.output, 'warning')).toEqual([
      expect.stringMatching(
        /^::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Unable to make request: ECONNREFUSED%0AIf you are using self-hosted runners/
      )
    ])
    expect(run.output).toMatch(/^Failed to save: Unable to reserve cache with key down-save, another job may be creating this cache\.$/m)
    expect(run.output).not.toContain('Retrying request')
    await service.setDown(false)
    expect(outcomes('down-restore')).toEqual([])
    const again = await client([save('down-save'), restore('down-save')], job)
    expect(again.results.map((r) => r.value)).toEqual([expect.any(Number), 'down-save'])
  })

  it('status5xx: every Twirp call is tried 5 times (~30 s of back-off), then restore misses with a warning and save returns -1', async () => {
    const job = await jobWithData()
    service.faults.status5xx = true
    const run = await client([restore('five-restore'), save('five-save')], { ...job, parallel: true, timeoutMs: 110_000 })
    expect(run.results.map((r) => r.value)).toEqual([null, -1])
    expect(outcomes('five-restore')).toEqual(Array(5).fill('GetCacheEntryDownloadURL:500:fault'))
    expect(outcomes('five-save')).toEqual(Array(5).fill('CreateCacheEntry:500:fault'))
    expect(run.output).toMatch(
      /^Attempt 4 of 5 failed with error: Failed request: \(500\) Internal Server Error: injected fault: the cache service is failing\. Retrying request in \d+ ms\.\.\.$/m
    )
    expect(workflowCommands(run.output, 'warning')).toEqual([
      '::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Failed to make request after 5 attempts: Failed request: (500) Internal Server Error: injected fault: the cache service is failing'
    ])
    expect(run.output).toMatch(/^Failed to save: Unable to reserve cache with key five-save, another job may be creating this cache\.$/m)
    expect(workflowCommands(run.output, 'error')).toEqual([])
  }, 120_000)

  it('failFinalize: the upload happens, save returns -1 with a warning, and the entry never becomes visible', async () => {
    const job = await jobWithData()
    service.faults.failFinalize = { message: 'finalize refused by the test' }
    const run = await client([save('unfinalized')], job)
    expect(run.results[0]!.value).toBe(-1)
    expect(workflowCommands(run.output, 'warning')).toEqual(['::warning::finalize refused by the test'])
    service.faults.failFinalize = {}
    const bare = await client([save('unfinalized-bare')], job)
    expect(workflowCommands(bare.output, 'warning')).toEqual([
      '::warning::Failed to save: Unable to finalize cache with key unfinalized-bare, another job may be finalizing this cache.'
    ])
    service.faults.failFinalize = false
    const after = await client([restore('unfinalized'), save('unfinalized')], job)
    expect(after.results.map((r) => r.value)).toEqual([null, -1])
    expect(outcomes('unfinalized')).toEqual([
      'CreateCacheEntry:200:created',
      'FinalizeCacheEntryUpload:200:finalize-failed',
      'GetCacheEntryDownloadURL:200:miss',
      'CreateCacheEntry:409:exists'
    ])
  })

  it('writeDenied / readDenied (a read-only or read-less runtime token): a warning each, -1 and a miss', async () => {
    const job = await jobWithData()
    service.faults.writeDenied = true
    service.faults.readDenied = true
    const run = await client([save('denied'), restore('denied')], job)
    expect(run.results.map((r) => r.value)).toEqual([-1, null])
    expect(workflowCommands(run.output, 'warning')).toEqual([
      '::warning::Failed to save: Unable to reserve cache with key denied. More details: cache write denied: token has no writable scopes',
      '::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Received non-retryable error: Failed request: (403) Forbidden: cache read denied: token has no readable scopes'
    ])
  })

  it('a wrong runtime token is a 401: restore misses with a warning, save returns -1', async () => {
    const job = await jobWithData()
    const run = await client([restore('bad-token'), save('bad-token')], { ...job, env: { ACTIONS_RUNTIME_TOKEN: 'not-the-token' } })
    expect(run.results.map((r) => r.value)).toEqual([null, -1])
    expect(outcomes('bad-token')).toEqual(['GetCacheEntryDownloadURL:401:unauthorized', 'CreateCacheEntry:401:unauthorized'])
    expect(workflowCommands(run.output, 'warning')).toEqual([
      '::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Received non-retryable error: Failed request: (401) Unauthorized: invalid or missing runtime token'
    ])
  })

  it('a blob store 503 during download is retried by the Azure SDK and the restore completes', async () => {
    const job = await jobWithData()
    expect((await client([save('blob-busy')], job)).results[0]!.value).toBeGreaterThan(0)
    const entry = service.entries().find((e) => e.key === 'blob-busy')!
    const fresh = await newJob(root, `job-${++dirs}`)
    const before = service.azurite.requests.length
    service.azurite.failNext(1, entry.blob)
    const run = await client([restore('blob-busy')], fresh)
    expect(run.results[0]!.value, run.output).toBe('blob-busy')
    expect(await digest(path.join(fresh.workspace, 'data'))).toEqual(await digest(path.join(job.workspace, 'data')))
    const blobRequests = service.azurite.requests.slice(before).filter((r) => r.url.includes(entry.blob))
    expect(blobRequests.map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'GET'])
  })
})
