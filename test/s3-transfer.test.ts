import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveS3Location } from '../src/fetchers/s3/client.js'
import type { BucketSource } from '../src/fetchers/bucket.js'
import { runSpec, tempDir } from './helpers/harness.js'
import { secretOf } from './helpers/secrets.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from './servers/s3.js'

let s3: S3TestServer
let root: string
const MiB = 1024 * 1024
const big = randomBytes(24 * MiB)
const big2 = randomBytes(10 * MiB)
const small = randomBytes(64 * 1024)
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
// Small parts so a 24 MiB object is 6 ranged GETs; quick retries so failures are fast.
const env = { FETCH_SOURCES_PART_SIZE_MB: '4', FETCH_SOURCES_RETRY_BASE_MS: '5', FETCH_SOURCES_ATTEMPTS: '3' }

function spec(kind: 's3' | 'oci', bucket: string, schemaExtra = `, endpoint: "${s3.endpoint}"`): string {
  return `version: 1
connections:
  - name: store
    kind: ${kind}
    schema: {bucket: "${bucket}"${schemaExtra}}
    secret: {name: aws-data}
sources:
  - connection: store
    path: data
`
}
const secrets = (extra: Record<string, string> = {}): Record<string, string> => ({
  'aws-data': JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, ...extra })
})
async function workspace(): Promise<string> {
  const dir = path.join(root, `ws-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(dir)
  return dir
}
const gets = (from: number, key: string): string[] => s3.requests.slice(from).filter((r) => r.startsWith(`GET /bulk/${key}`))

beforeAll(async () => {
  root = await tempDir('fs-s3t-')
  s3 = await startS3()
  await s3.createBucket('bulk')
  await s3.put('bulk', { 'large/big.bin': big, 'large/big2.bin': big2, 'large/small.bin': small, 'corrupt/c.bin': small })
})

afterAll(async () => {
  await s3?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('s3 transfers', () => {
  it('splits large objects into parallel ranged GETs, without deadlock on a tiny pool, and verifies them', async () => {
    const ws = await workspace()
    const from = s3.requests.length
    const c = await runSpec({ workspace: ws, spec: spec('s3', 's3://bulk/large/'), secrets: secrets(), env, inputs: { concurrency: '2' } })
    expect(c.error).toBeUndefined()
    expect(sha(await fs.readFile(path.join(ws, 'data/big.bin')))).toBe(sha(big))
    expect(sha(await fs.readFile(path.join(ws, 'data/big2.bin')))).toBe(sha(big2))
    expect(await fs.readFile(path.join(ws, 'data/small.bin'))).toEqual(small)
    expect(gets(from, 'large/big.bin')).toHaveLength(6)
    expect(gets(from, 'large/big2.bin')).toHaveLength(3)
    expect(gets(from, 'large/small.bin')).toHaveLength(1)
  })

  it('a corrupted ranged part fails the whole-file MD5 check, is downloaded again, and lands intact', async () => {
    const ws = await workspace()
    let flipped = 0
    s3.corrupt = (_m, url) => url.startsWith('/bulk/large/big2.bin') && flipped++ === 0
    const from = s3.requests.length
    const c = await runSpec({ workspace: ws, spec: spec('s3', 's3://bulk/large/big2.bin'), secrets: secrets(), env }).finally(() => delete s3.corrupt)
    expect(c.error).toBeUndefined()
    expect(flipped).toBeGreaterThan(1)
    expect(c.logs.join('\n')).toMatch(/retrying bulk\/large\/big2\.bin: bulk\/large\/big2\.bin: MD5 mismatch/)
    expect(gets(from, 'large/big2.bin')).toHaveLength(6)
    expect(sha(await fs.readFile(path.join(ws, 'data/big2.bin')))).toBe(sha(big2))
  })

  it('bytes that never match are retried, then fail naming the object; nothing lands', async () => {
    const ws = await workspace()
    s3.corrupt = (_m, url) => url.startsWith('/bulk/corrupt/c.bin')
    const from = s3.requests.length
    const c = await runSpec({ workspace: ws, spec: spec('s3', 's3://bulk/corrupt'), secrets: secrets(), env }).finally(() => delete s3.corrupt)
    expect(c.error).toBeDefined()
    expect(c.logs.join('\n')).toMatch(/store: bulk\/corrupt\/c\.bin: MD5 mismatch \(got [0-9a-f]{32}, expected [0-9a-f]{32}\)/)
    expect(gets(from, 'corrupt/c.bin')).toHaveLength(3)
    await expect(fs.stat(path.join(ws, 'data'))).rejects.toThrow()
  })

  it('a server that never answers is timed out after `timeout` seconds, retried, then an error', async () => {
    const ws = await workspace()
    s3.stall = (_m, url) => url.startsWith('/bulk/large/small.bin')
    const from = s3.requests.length
    const started = Date.now()
    const spec1 = spec('s3', 's3://bulk/large/small.bin').replace('    path: data\n', '    path: data\n    timeout: 0.5\n')
    const c = await runSpec({ workspace: ws, spec: spec1, secrets: secrets(), env: { ...env, FETCH_SOURCES_ATTEMPTS: '2' } }).finally(() => delete s3.stall)
    expect(c.error).toBeDefined()
    expect(c.logs.join('\n')).toMatch(/retrying bulk\/large\/small\.bin: .*(timeout|Timeout|timed out)/)
    expect(gets(from, 'large/small.bin')).toHaveLength(2)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('missing object between listing and download is a 404 naming the key', async () => {
    const ws = await workspace()
    s3.rewriteListing = (xml) => xml.replace('<Contents>', '<Contents><Key>large/gone.bin</Key><Size>3</Size><ETag>"x"</ETag></Contents><Contents>')
    const c = await runSpec({ workspace: ws, spec: spec('s3', 's3://bulk/large/'), secrets: secrets(), env }).finally(() => delete s3.rewriteListing)
    expect(c.logs.join('\n')).toMatch(/store: object s3:\/\/bulk\/large\/gone\.bin does not exist at http:\/\/127\.0\.0\.1:\d+ \(404 NoSuchKey\)/)
  })
})

describe('oci and endpoints', () => {
  it('with no secret and no credentials anywhere, says how to give some', async () => {
    const ws = await workspace()
    const spec = `version: 1\nsources:\n  - name: anon\n    url: s3://bulk/large/small.bin\n    path: data\n`
    const empty = {
      HOME: root,
      AWS_CONFIG_FILE: path.join(root, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'none'),
      AWS_EC2_METADATA_DISABLED: 'true'
    }
    const saved = { ...process.env }
    // The SDK's default chain reads the process environment.
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k]
    Object.assign(process.env, empty)
    try {
      const c = await runSpec({ workspace: ws, spec, env: { ...env, AWS_ENDPOINT_URL: s3.endpoint } })
      expect(c.logs.join('\n')).toContain('anon: no credentials for s3://bulk/large/small.bin')
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
      Object.assign(process.env, saved)
    }
  })

  it('oci://bucket@namespace/prefix goes through the S3-compatible endpoint', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec('oci', 'oci://bulk@mytenancy/large/small.bin'), secrets: secrets(), env })
    expect(c.error).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'data/small.bin'))).toEqual(small)
    const out = JSON.parse(c.outputs.sources!) as Record<string, { url: string; digest: string }>
    expect(out.store).toMatchObject({ url: 'oci://bulk@mytenancy/large/small.bin' })
  })

  it('takes AWS_ENDPOINT_URL from the secret when the schema has no endpoint', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec('s3', 's3://bulk/large/small.bin', ''), secrets: secrets({ AWS_ENDPOINT_URL: s3.endpoint }), env })
    expect(c.error).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'data/small.bin'))).toEqual(small)
  })

  it('resolves the OCI endpoint from namespace and region, and the env endpoint for s3', () => {
    const base = { name: 'x', dest: '/w/x', relPath: 'x', primary: false, origin: { file: 'spec' }, selection: { files: [], dirs: [], paths: [] }, sync: false }
    const oci: BucketSource = { ...base, kind: 'oci', uri: 'oci://b@ns1/p/q', options: {} }
    const loc = resolveS3Location(oci, { env: { OCI_REGION: 'us-ashburn-1' } })
    expect(loc).toMatchObject({
      bucket: 'b',
      prefix: 'p/q',
      region: 'us-ashburn-1',
      endpoint: 'https://ns1.compat.objectstorage.us-ashburn-1.oraclecloud.com',
      forcePathStyle: true
    })
    expect(() => resolveS3Location(oci, { env: {} })).toThrow(/no OCI region/)
    const s3src: BucketSource = { ...base, kind: 's3', uri: 's3://b/', options: {} }
    expect(resolveS3Location(s3src, { env: {} })).toMatchObject({ bucket: 'b', prefix: '', forcePathStyle: false })
    expect(resolveS3Location(s3src, { env: { AWS_ENDPOINT_URL_S3: 'http://minio:9000' } })).toMatchObject({
      endpoint: 'http://minio:9000',
      forcePathStyle: true
    })
    const secret = (fields: Record<string, string>) => secretOf(JSON.stringify(fields), 'k')
    expect(() => resolveS3Location({ ...s3src, secret: secret({ AWS_ACCESS_KEY_ID: 'AKIA' }) }, { env: {} })).toThrow(
      /has AWS_ACCESS_KEY_ID but no AWS_SECRET_ACCESS_KEY/
    )
    const endpointOnly = resolveS3Location({ ...s3src, secret: secret({ AWS_ENDPOINT_URL: 'http://ceph:7480', AWS_REGION: 'default' }) }, { env: {} })
    expect(endpointOnly).toMatchObject({ endpoint: 'http://ceph:7480', region: 'default', forcePathStyle: true })
    expect(endpointOnly.credentials).toBeUndefined()
    const styled: BucketSource = { ...s3src, options: { endpoint: 'https://s3.example', forcePathStyle: false } }
    expect(resolveS3Location(styled, { env: { AWS_ENDPOINT_URL_S3: 'http://minio:9000' } })).toMatchObject({
      endpoint: 'https://s3.example',
      forcePathStyle: false
    })
  })
})

describe('transfer building blocks', () => {
  it('inHeldSlot finishes every part with many large objects holding all the slots', async () => {
    const { Limiter } = await import('../src/fetchers/shared/limiter.js')
    const { inHeldSlot } = await import('../src/fetchers/shared/ranged.js')
    for (const size of [1, 2, 3]) {
      const limiter = new Limiter(size)
      let active = 0
      let peak = 0
      const done: number[] = []
      // Eight "large objects", each already inside a slot, each splitting into five parts.
      await limiter.map([...Array(8).keys()], (obj) =>
        inHeldSlot(limiter, [0, 1, 2, 3, 4], async (part) => {
          active++
          peak = Math.max(peak, active)
          await new Promise((r) => setTimeout(r, 2))
          active--
          done.push(obj * 10 + part)
        })
      )
      expect(done).toHaveLength(40)
      expect(peak).toBeLessThanOrEqual(size)
    }
  })

  it('CRC32C matches the standard check value and checksums accept hex or base64', async () => {
    const { Crc32c, Verifier } = await import('../src/fetchers/shared/checksum.js')
    expect(new Crc32c().update(Buffer.from('123456789')).digest().toString('hex')).toBe('e3069283')
    const v = new Verifier({ size: 9, crc32c: Buffer.from('e3069283', 'hex').toString('base64'), md5: '25f9e794323b453885f5181f1b624d0b' }, true)
    v.update(Buffer.from('123456789'))
    expect(v.check('x')).toBe('15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225')
    const bad = new Verifier({ md5: Buffer.from('25f9e794323b453885f5181f1b624d0a', 'hex').toString('base64') })
    bad.update(Buffer.from('123456789'))
    expect(() => bad.check('obj')).toThrow(/obj: MD5 mismatch/)
  })
})

describe('progress lines', () => {
  it('reports bytes, files and rate at most every interval', async () => {
    const { ProgressReporter } = await import('../src/fetchers/shared/progress.js')
    const lines: string[] = []
    let now = 0
    const p = new ProgressReporter({ progress: (l) => lines.push(l) }, { files: 4, bytes: 8 * MiB }, 5_000, () => now)
    for (let i = 0; i < 8; i++) {
      now += 1_000
      p.addBytes(MiB)
      if (i % 2) p.fileDone()
    }
    // 8 s of transfer with a 5 s interval: one line, at 5 s.
    expect(lines).toEqual(['5.0 MiB of 8.0 MiB (62 %), 2/4 files, 1.0 MiB/s'])
  })
})
