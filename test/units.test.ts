import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { escapeKey } from '../src/fetchers/s3/get.js'
import { directEndpoint, parseListing } from '../src/fetchers/s3/list.js'
import { objectsDigest } from '../src/fetchers/shared/digest.js'
import { commitStaging, createStaging, recoverStale } from '../src/fetchers/shared/landing.js'
import { Limiter } from '../src/fetchers/shared/limiter.js'
import { select } from '../src/fetchers/shared/select.js'
import { isTransient, parseRetryAfter, withRetry } from '../src/fetchers/shared/retry.js'
import { safeRelative } from '../src/util/safe-path.js'
import { closest } from '../src/util/suggest.js'
import { gitUrlProblem } from '../src/fetchers/git/url.js'
import { publicUrl } from '../src/util/urls.js'
import { tempDir } from './helpers/harness.js'

describe('selectors', () => {
  const keys = ['labels.csv', 'images/1.png', 'images/2.png', 'a/b/c.txt', 'a/b/d.txt', 'other.txt']
  it('files and dirs keep their relative path; [from, to] moves', () => {
    const { selected, unmatched } = select(keys, {
      files: ['labels.csv'],
      dirs: ['images/'],
      paths: [
        ['a/b', 'moved'],
        ['other.txt', 'x/o.txt']
      ]
    })
    expect(unmatched).toEqual([])
    expect(selected.map((s) => `${s.key}>${s.target}`).sort()).toEqual([
      'a/b/c.txt>moved/c.txt',
      'a/b/d.txt>moved/d.txt',
      'images/1.png>images/1.png',
      'images/2.png>images/2.png',
      'labels.csv>labels.csv',
      'other.txt>x/o.txt'
    ])
  })
  it('names the selectors that match nothing', () => {
    expect(select(keys, { files: ['nope.csv'], dirs: ['imgs'], paths: [['zz', 'zz']] }).unmatched).toEqual([
      'artifacts.files: "nope.csv"',
      'artifacts.dirs: "imgs"',
      'paths: "zz"'
    ])
  })
  it('no selector selects everything', () => {
    expect(select(keys, { files: [], dirs: [], paths: [] }).selected).toHaveLength(keys.length)
  })
})

describe('keys that would escape the destination are refused', () => {
  it.each(['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\..\\x', 'a\0b', '', '..'])('%j', (key) => {
    expect(safeRelative(key)).toBeUndefined()
  })
  it('normal keys are kept (empty and dot segments dropped)', () => {
    expect(safeRelative('a//b/./c.txt')).toBe('a/b/c.txt')
  })
})

describe('digest', () => {
  it('is order-independent and changes with any field', () => {
    const a = { key: 'a', size: 1, version: 'e1' }
    const b = { key: 'b', size: 2, version: 'e2' }
    expect(objectsDigest([a, b])).toBe(objectsDigest([b, a]))
    expect(objectsDigest([a, b])).not.toBe(objectsDigest([a, { ...b, version: 'e3' }]))
    expect(objectsDigest([a])).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
})

describe('atomic landing', () => {
  it('swaps staging into place and recovers a destination left moved aside by a kill', async () => {
    const root = await tempDir()
    const dest = path.join(root, 'data')
    await fs.mkdir(dest)
    await fs.writeFile(path.join(dest, 'v'), '1')
    const staging = await createStaging(dest)
    await fs.writeFile(path.join(staging, 'v'), '2')
    await commitStaging(staging, dest)
    expect(await fs.readFile(path.join(dest, 'v'), 'utf8')).toBe('2')
    expect((await fs.readdir(root)).sort()).toEqual(['data'])

    // Simulate a kill between "move old aside" and "rename staging in".
    await fs.rename(dest, path.join(root, '.fetch-sources-old-data-0badf00d'))
    await fs.mkdir(path.join(root, '.fetch-sources-tmp-data-12345678'))
    expect((await recoverStale(dest)).sort()).toEqual(['.fetch-sources-tmp-data-12345678'])
    expect(await fs.readFile(path.join(dest, 'v'), 'utf8')).toBe('2')
    expect((await fs.readdir(root)).sort()).toEqual(['data'])
    await fs.rm(root, { recursive: true })
  })
})

describe('limiter', () => {
  it('never runs more than its size at once and keeps going after a failure', async () => {
    const limiter = new Limiter(3)
    let active = 0
    let peak = 0
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          peak = Math.max(peak, ++active)
          await new Promise((r) => setTimeout(r, 2))
          active--
          if (i === 5) throw new Error('boom')
          return i
        })
      )
    )
    expect(peak).toBe(3)
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(19)
  })
})

describe('retry policy', () => {
  it('retries transient errors with backoff and stops at permanent ones', async () => {
    const delays: number[] = []
    let calls = 0
    const value = await withRetry(
      async () => {
        if (++calls < 3) throw Object.assign(new Error('reset'), { code: 'ECONNRESET' })
        return 'ok'
      },
      { sleep: async (ms) => void delays.push(ms), random: () => 0.5 }
    )
    expect(value).toBe('ok')
    expect(delays).toEqual([375, 750])
    calls = 0
    await expect(
      withRetry(async () => (calls++, Promise.reject(Object.assign(new Error('denied'), { status: 403 }))), { sleep: async () => undefined })
    ).rejects.toThrow('denied')
    expect(calls).toBe(1)
  })
  it('honours Retry-After and gives up after the bound', async () => {
    const delays: number[] = []
    await expect(
      withRetry(async () => Promise.reject(Object.assign(new Error('busy'), { status: 503, retryAfterMs: 1234 })), {
        attempts: 3,
        sleep: async (ms) => void delays.push(ms)
      })
    ).rejects.toThrow('busy')
    expect(delays).toEqual([1234, 1234])
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000)
  })
  it.each([
    [{ status: 500 }, true],
    [{ status: 429 }, true],
    [{ status: 404 }, false],
    [{ $metadata: { httpStatusCode: 503 } }, true],
    [{ code: 'ECONNRESET' }, true],
    [{ cause: { code: 'UND_ERR_SOCKET' } }, true],
    [{ code: 'ENOENT' }, false],
    [{ status: 500, permanent: true }, false]
  ])('classifies %j', (e, transient) => {
    expect(isTransient(e)).toBe(transient)
  })
})

describe('urls', () => {
  it.each([
    ['ext::sh -c x', 'transport "ext" is not allowed'],
    ['fd::17', 'transport "fd" is not allowed'],
    ['ftp://h/r', 'transport "ftp" is not allowed'],
    ['https://u:p@h/r', 'carries credentials'],
    ['-uhttps://h/r', 'cannot start with "-"']
  ])('refuses %s', (url, message) => {
    expect(gitUrlProblem(url)).toContain(message)
  })
  it('strips credentials and signed query strings from public URLs', () => {
    expect(publicUrl('https://u:p@h/r.git')).toBe('https://h/r.git')
    expect(publicUrl('https://h/f.tgz?sig=abc&x=1')).toBe('https://h/f.tgz')
    expect(publicUrl('git@github.com:o/r.git')).toBe('git@github.com:o/r.git')
  })
  it('suggests only plausible typos', () => {
    expect(closest('repo-tst', ['repo-test', 'datasets'])).toBe('repo-test')
    expect(closest('zzz', ['repo-test'])).toBeUndefined()
  })
})

describe('inline YAML or a file name', async () => {
  const { isInline } = await import('../src/runspec/inline.js')
  it.each([
    ['run.yaml', false],
    ['ml/specs/run.yml', false],
    ['- {name: a, kind: s3, schema: {bucket: s3://b}}', true],
    ['{version: 1, sources: [{url: s3://b/x}]}', true],
    ['version: 1', true],
    ['version: 1\nsources: []', true]
  ])('%j → inline %s', (value, inline) => {
    expect(isInline(value)).toBe(inline)
  })
})

describe('S3 key escaping for signed GETs', () => {
  it.each([
    ['a/b.txt', 'a/b.txt'],
    ['with space/x', 'with%20space/x'],
    ["!'()*", '%21%27%28%29%2A'],
    ['p+q=r&s', 'p%2Bq%3Dr%26s'],
    ['~_-.', '~_-.'],
    ['ü/日', '%C3%BC/%E6%97%A5'],
    ['50%', '50%25']
  ])('%s → %s', (key, escaped) => {
    expect(escapeKey(key)).toBe(escaped)
  })
})

describe('S3 listing read without the SDK', () => {
  it('keys, sizes and ETags with XML escapes, the token wherever the page puts it', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>b</Name><NextContinuationToken>t&amp;1</NextContinuationToken>' +
      '<IsTruncated>true</IsTruncated><Contents><Key>a&lt;b&gt;&quot;c&apos;&amp;d&#x1F600;&#65;</Key><Size>12</Size><ETag>&quot;0123&quot;</ETag></Contents>' +
      '<Contents><Key> spaced </Key><Size>0</Size><ETag>"x-2"</ETag><Owner><ID>o</ID></Owner></Contents></ListBucketResult>'
    expect(parseListing(xml)).toEqual({
      objects: [
        { key: 'a<b>"c\'&d😀A', size: 12, etag: '"0123"' },
        { key: ' spaced ', size: 0, etag: '"x-2"' }
      ],
      truncated: true,
      next: 't&1'
    })
    expect(parseListing('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>')).toEqual({ objects: [], truncated: false })
  })

  it('only a store the connection describes whole: custom endpoint, path style, keys in the secret', () => {
    const base = { bucket: 'b', prefix: '', region: 'r', forcePathStyle: true, requesterPays: false, credentials: { accessKeyId: 'a', secretAccessKey: 's' } }
    expect(directEndpoint({ ...base, endpoint: 'https://minio.example:9000/base/' }, {})).toEqual({
      protocol: 'https:',
      hostname: 'minio.example',
      port: 9000,
      host: 'minio.example:9000',
      basePath: '/base/b',
      region: 'r'
    })
    expect(directEndpoint({ ...base }, {})).toBeUndefined()
    expect(directEndpoint({ ...base, endpoint: 'http://h', forcePathStyle: false }, {})).toBeUndefined()
    expect(directEndpoint({ ...base, endpoint: 'http://h', credentials: undefined }, {})).toBeUndefined()
    expect(directEndpoint({ ...base, endpoint: 'http://h' }, { FETCH_SOURCES_S3_SDK_GET: '1' })).toBeUndefined()
  })
})
