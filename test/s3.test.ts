import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { DeleteObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from './helpers/harness.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from './servers/s3.js'

let s3: S3TestServer
let root: string

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

function spec(opts: { uri: string; source?: string; endpoint?: string; kind?: 's3' | 'oci'; extra?: string }): string {
  return `version: 1
connections:
  - name: store
    kind: ${opts.kind ?? 's3'}
    schema: {bucket: "${opts.uri}", endpoint: "${opts.endpoint ?? s3.endpoint}"${opts.extra ?? ''}}
    secret: {name: aws-data}
sources:
  - connection: store
    path: data
${opts.source ?? ''}`
}

const goodSecret = (): Record<string, string> => ({
  'aws-data': JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey })
})

async function workspace(): Promise<string> {
  const dir = path.join(root, `ws-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(dir)
  return dir
}

const errorText = (c: { error?: unknown }): string => (c.error instanceof Error ? c.error.message : String(c.error ?? ''))

const tree = {
  'models/v1/weights.bin': randomBytes(3000),
  'models/v1/config.json': '{"layers": 3}',
  'models/v2/weights.bin': randomBytes(100),
  'models/readme.md': '# models',
  'models/labels.csv': 'a,b\n1,2\n',
  'models2/other.txt': 'not under models/',
  'single/model.tar.gz': randomBytes(500)
}

beforeAll(async () => {
  root = await tempDir('fs-s3-')
  s3 = await startS3()
  await s3.createBucket('ml-data')
  await s3.put('ml-data', tree)
})

afterAll(async () => {
  await s3?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('s3 prefix', () => {
  it('lands a prefix as a directory, verified, and a re-run downloads nothing', async () => {
    const ws = await workspace()
    const first = await runSpec({ workspace: ws, spec: spec({ uri: 's3://ml-data/models' }), secrets: goodSecret() })
    expect(first.error).toBeUndefined()
    const data = path.join(ws, 'data')
    expect(await fs.readFile(path.join(data, 'v1/weights.bin'))).toEqual(tree['models/v1/weights.bin'])
    expect(await fs.readFile(path.join(data, 'labels.csv'), 'utf8')).toBe('a,b\n1,2\n')
    // `models` is a directory prefix: `models2/` is not part of it.
    await expect(fs.stat(path.join(data, '../models2'))).rejects.toThrow()
    expect(await fs.readdir(data)).toEqual(expect.arrayContaining(['v1', 'v2', 'readme.md', 'labels.csv']))
    const out = JSON.parse(first.outputs.sources!) as Record<string, { digest: string; files: number; bytes: number; url: string }>
    expect(out.store).toMatchObject({ files: 5, url: 's3://ml-data/models' })
    expect(out.store!.digest).toMatch(/^sha256:[0-9a-f]{64}$/)

    const before = s3.requests.length
    const second = await runSpec({ workspace: ws, spec: spec({ uri: 's3://ml-data/models' }), secrets: goodSecret() })
    expect(second.error).toBeUndefined()
    const again = s3.requests.slice(before)
    expect(again.filter((r) => r.startsWith('GET /ml-data/models'))).toEqual([])
    expect(again.some((r) => r.includes('list-type=2'))).toBe(true)
    expect(second.logs.join('\n')).toContain('already up to date')
    const out2 = JSON.parse(second.outputs.sources!) as typeof out
    expect(out2.store!.digest).toBe(out.store!.digest)

    const everything = (await first.everything()) + (await second.everything())
    expect(everything).not.toContain(s3.secretAccessKey)
  })

  it('takes a key equal to the prefix as a single object landing under its basename', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec({ uri: 's3://ml-data/single/model.tar.gz' }), secrets: goodSecret() })
    expect(c.error).toBeUndefined()
    expect(sha(await fs.readFile(path.join(ws, 'data/model.tar.gz')))).toBe(sha(tree['single/model.tar.gz']))
  })

  it('applies files, dirs and paths selectors relative to the prefix', async () => {
    const ws = await workspace()
    const source = `    artifacts: {files: [labels.csv], dirs: [v2]}\n`
    const c = await runSpec({ workspace: ws, spec: spec({ uri: 's3://ml-data/models/', source }), secrets: goodSecret() })
    expect(c.error).toBeUndefined()
    const data = path.join(ws, 'data')
    expect((await fs.readdir(data)).sort()).toEqual(['labels.csv', 'v2'])
    expect(await fs.readFile(path.join(data, 'v2/weights.bin'))).toEqual(tree['models/v2/weights.bin'])

    const ws2 = await workspace()
    const paths = `    paths: [[v1, weights-v1], [readme.md, docs/README.md]]\n`
    const c2 = await runSpec({ workspace: ws2, spec: spec({ uri: 's3://ml-data/models', source: paths }), secrets: goodSecret() })
    expect(c2.error).toBeUndefined()
    expect(await fs.readFile(path.join(ws2, 'data/weights-v1/config.json'), 'utf8')).toBe('{"layers": 3}')
    expect(await fs.readFile(path.join(ws2, 'data/docs/README.md'), 'utf8')).toBe('# models')
  })

  it('names selectors that match nothing', async () => {
    const ws = await workspace()
    const source = `    artifacts: {files: [labels.csv, nope.csv], dirs: [v9]}\n`
    const c = await runSpec({ workspace: ws, spec: spec({ uri: 's3://ml-data/models', source }), secrets: goodSecret() })
    expect(errorText(c)).toMatch(/store/)
    expect(c.logs.join('\n')).toContain('artifacts.files: "nope.csv"')
    expect(c.logs.join('\n')).toContain('artifacts.dirs: "v9"')
    await expect(fs.stat(path.join(ws, 'data'))).rejects.toThrow()
  })
})

describe('s3 object GETs', () => {
  // Keys that every escaping rule of SigV4 meets: the verifying proxy recomputes each signature.
  const awkward: Record<string, string> = {
    'odd/with space.txt': 'space',
    "odd/!'()*.txt": 'sub-delims',
    'odd/plus+equals=amp&semi;at@dollar$comma,.txt': 'reserved',
    'odd/tilde~under_dash-dot.txt': 'unreserved',
    'odd/ünïcödé/日本.txt': 'unicode',
    'odd/percent%41.txt': 'percent'
  }

  beforeAll(async () => {
    await s3.createBucket('awkward')
    await s3.put('awkward', awkward)
  })

  it.each([
    ['signed directly (after the listing showed the endpoint)', {}, false],
    ['through the SDK client (FETCH_SOURCES_S3_SDK_GET=1)', { FETCH_SOURCES_S3_SDK_GET: '1' }, true]
  ])('awkward keys land byte for byte, %s', async (_name, env, viaSdk) => {
    const ws = await workspace()
    const from = s3.requests.length
    const c = await runSpec({ workspace: ws, spec: spec({ uri: 's3://awkward/odd' }), secrets: goodSecret(), env })
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    for (const [key, text] of Object.entries(awkward)) expect(await fs.readFile(path.join(ws, 'data', key.slice('odd/'.length)), 'utf8')).toBe(text)
    const gets = s3.requests.slice(from).filter((r) => r.startsWith('GET /awkward/odd/'))
    expect(gets).toHaveLength(Object.keys(awkward).length)
    // The SDK marks its GETs with ?x-id=GetObject; the direct path sends the bare key.
    expect(gets.every((r) => r.includes('x-id=GetObject') === viaSdk)).toBe(true)
  })
})

describe('s3 re-runs', () => {
  it('downloads only what changed; keeps removed files unless sync: true', async () => {
    await s3.createBucket('moving')
    await s3.put('moving', { 'd/a.txt': 'a1', 'd/b.txt': 'b1', 'd/c.txt': 'c1' })
    const ws = await workspace()
    const run = (sync: boolean) =>
      runSpec({ workspace: ws, spec: spec({ uri: 's3://moving/d', source: sync ? '    sync: true\n' : '' }), secrets: goodSecret() })
    expect((await run(false)).error).toBeUndefined()
    await s3.put('moving', { 'd/b.txt': 'b2 changed' })
    await s3.client.send(new DeleteObjectCommand({ Bucket: 'moving', Key: 'd/c.txt' }))
    const from = s3.requests.length
    expect((await run(false)).error).toBeUndefined()
    expect(
      s3.requests
        .slice(from)
        .filter((r) => r.startsWith('GET /moving/d/'))
        .map((r) => r.split('?')[0])
    ).toEqual(['GET /moving/d/b.txt'])
    const data = path.join(ws, 'data')
    expect(await fs.readFile(path.join(data, 'b.txt'), 'utf8')).toBe('b2 changed')
    expect(await fs.readFile(path.join(data, 'a.txt'), 'utf8')).toBe('a1')
    // Like `aws s3 sync` without --delete: c.txt stays.
    expect(await fs.readFile(path.join(data, 'c.txt'), 'utf8')).toBe('c1')
    const from2 = s3.requests.length
    expect((await run(true)).error).toBeUndefined()
    expect(s3.requests.slice(from2).filter((r) => r.startsWith('GET /moving/d/'))).toEqual([])
    expect((await fs.readdir(data)).sort()).toEqual(['a.txt', 'b.txt'])
  })
})

describe('s3 errors', () => {
  it('a wrong secret is rejected by the signature check with a 403 message naming source and bucket', async () => {
    const ws = await workspace()
    const wrong = 'definitely-not-the-secret-key-42'
    const secrets = { 'aws-data': JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: wrong }) }
    const started = Date.now()
    const c = await runSpec({ workspace: ws, spec: spec({ uri: 's3://ml-data/models' }), secrets })
    const logs = c.logs.join('\n')
    expect(logs).toMatch(/store: access denied to s3:\/\/ml-data\/models .*403 SignatureDoesNotMatch.*secret access key is wrong.*secret "aws-data"/)
    // 403 is not retried.
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(await c.everything()).not.toContain(wrong)
    await expect(fs.stat(path.join(ws, 'data'))).rejects.toThrow()
  })

  it('a missing bucket and an empty prefix are clear errors', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec({ uri: 's3://no-such-bucket/x' }), secrets: goodSecret() })
    expect(c.logs.join('\n')).toMatch(/store: bucket "no-such-bucket" does not exist at http:\/\/127\.0\.0\.1:\d+ \(404 NoSuchBucket\)/)
    const c2 = await runSpec({ workspace: ws, spec: spec({ uri: 's3://ml-data/nothing-here/' }), secrets: goodSecret() })
    expect(c2.logs.join('\n')).toContain('store: no objects under s3://ml-data/nothing-here/')
  })

  it('a single-string secret is refused for s3', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec({ uri: 's3://ml-data/models' }), secrets: { 'aws-data': 'just-a-token-value' } })
    expect(c.logs.join('\n')).toContain('is a single string, which is not valid for s3')
    expect(await c.everything()).not.toContain('just-a-token-value')
  })

  it('refuses a key that would land outside the destination', async () => {
    await s3.createBucket('evil')
    await s3.put('evil', { 'p/ok.txt': 'fine' })
    // No store would keep such a key for us to seed, so the proxy adds it to the listing.
    s3.rewriteListing = (xml) => xml.replace('<Contents>', '<Contents><Key>p/../../escape.txt</Key><Size>6</Size><ETag>"0"</ETag></Contents><Contents>')
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec({ uri: 's3://evil/p' }), secrets: goodSecret() }).finally(() => {
      delete s3.rewriteListing
    })
    expect(c.logs.join('\n')).toContain('refusing key "../../escape.txt"')
    await expect(fs.stat(path.join(ws, 'escape.txt'))).rejects.toThrow()
    await expect(fs.stat(path.join(root, 'escape.txt'))).rejects.toThrow()
    await expect(fs.stat(path.join(ws, 'data'))).rejects.toThrow()
  })
})

describe('s3 listing signed directly (custom endpoint, path style, keys in the secret)', () => {
  it('lists and lands the same as through the SDK, and sends the bare ListObjectsV2 query', async () => {
    const direct = await workspace()
    const from = s3.requests.length
    const a = await runSpec({ workspace: direct, spec: spec({ uri: 's3://ml-data/models' }), secrets: goodSecret() })
    expect(a.error, a.logs.join('\n')).toBeUndefined()
    const lists = s3.requests.slice(from).filter((r) => r.startsWith('GET /ml-data?'))
    expect(lists).toEqual(['GET /ml-data?list-type=2&prefix=models'])
    const viaSdk = await workspace()
    const b = await runSpec({ workspace: viaSdk, spec: spec({ uri: 's3://ml-data/models' }), secrets: goodSecret(), env: { FETCH_SOURCES_S3_SDK_GET: '1' } })
    expect(b.error, b.logs.join('\n')).toBeUndefined()
    const store = (c: { outputs: Record<string, string> }) =>
      (JSON.parse(c.outputs.sources!) as Record<string, { digest: string; files: number; bytes: number }>).store!
    expect([store(b).digest, store(b).files, store(b).bytes]).toEqual([store(a).digest, store(a).files, store(a).bytes])
    for (const rel of ['v1/weights.bin', 'v1/config.json', 'v2/weights.bin', 'readme.md', 'labels.csv']) {
      expect(await fs.readFile(path.join(direct, 'data', rel))).toEqual(await fs.readFile(path.join(viaSdk, 'data', rel)))
    }
  })

  it('keys that XML escapes land under their own names', async () => {
    const keys = { 'x/a<b>.txt': 'lt gt', 'x/q"u\'o.txt': 'quotes', 'x/amp&amp;.txt': 'amp' }
    await s3.createBucket('xml-keys')
    await s3.put('xml-keys', keys)
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec({ uri: 's3://xml-keys/x' }), secrets: goodSecret() })
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    for (const [key, text] of Object.entries(keys)) expect(await fs.readFile(path.join(ws, 'data', key.slice(2)), 'utf8')).toBe(text)
  })

  it('a wrong secret key is the same clear error as through the SDK', async () => {
    const bad = { 'aws-data': JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: 'not-the-key' }) }
    const direct = await runSpec({ workspace: await workspace(), spec: spec({ uri: 's3://ml-data/models' }), secrets: bad })
    const viaSdk = await runSpec({
      workspace: await workspace(),
      spec: spec({ uri: 's3://ml-data/models' }),
      secrets: bad,
      env: { FETCH_SOURCES_S3_SDK_GET: '1' }
    })
    const denied = (c: { logs: string[] }): string | undefined => c.logs.find((l) => l.includes('access denied'))
    expect(denied(direct)).toMatch(/store: access denied to s3:\/\/ml-data\/models at .* \(403 SignatureDoesNotMatch\): the secret access key is wrong/)
    expect(denied(direct)).toBe(denied(viaSdk))
  })
})

describe('s3 with many transfers in flight', () => {
  it('32 objects at once land without a MaxListenersExceededWarning in the log', async () => {
    const objects: Record<string, Buffer> = {}
    // Past the small-body size, so every object streams for a while and the transfers overlap.
    for (let i = 0; i < 32; i++) objects[`many/${String(i).padStart(2, '0')}.bin`] = randomBytes(300 * 1024 + i)
    await s3.createBucket('many-at-once')
    await s3.put('many-at-once', objects)
    const warnings: string[] = []
    const onWarning = (w: Error): void => void warnings.push(`${w.name}: ${w.message}`)
    process.on('warning', onWarning)
    try {
      const ws = await workspace()
      const c = await runSpec({ workspace: ws, spec: spec({ uri: 's3://many-at-once/many' }), secrets: goodSecret(), inputs: { concurrency: '32' } })
      expect(c.error, c.logs.join('\n')).toBeUndefined()
      for (const [key, body] of Object.entries(objects)) expect(sha(await fs.readFile(path.join(ws, 'data', key.slice('many/'.length))))).toBe(sha(body))
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve))
    } finally {
      process.off('warning', onWarning)
    }
    expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([])
  })
})
