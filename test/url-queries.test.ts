/**
 * A URL's query is a secret (issue 13, item 14), beyond what the security suite checks: a message
 * quoting a query value is scrubbed, a re-signed URL replays its lock, names and addresses never
 * carry the query.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Redactor } from '../src/connections/redactor.js'
import { SecretStore, urlSecrets } from '../src/connections/store.js'
import { publicAddress } from '../src/report/outputs.js'
import { nameFromUrl, publicUrl } from '../src/util/urls.js'
import { runSpec, tempDir } from './helpers/harness.js'
import { startHttp, type HttpTestServer } from './servers/http.js'

const SIG = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'
const env = { FETCH_SOURCES_ATTEMPTS: '1' }

describe('names and public forms of URLs', () => {
  it('publicUrl drops credentials, the whole query and the fragment', () => {
    expect(publicUrl('https://u:p@h/f.tgz?download=1&X-Amz-Signature=abc#frag')).toBe('https://h/f.tgz')
    expect(publicUrl('https://h/f.bin?ref=main')).toBe('https://h/f.bin')
    expect(publicUrl('ssh://git@h/r.git')).toBe('ssh://git@h/r.git')
    expect(publicUrl('git@github.com:o/r.git')).toBe('git@github.com:o/r.git')
    expect(publicUrl('/local/path?x')).toBe('/local/path?x')
  })

  it('nameFromUrl never takes the query or the fragment', () => {
    expect(nameFromUrl(`https://h/s/file.tar.gz?X-Amz-Signature=${SIG}`)).toBe('file')
    expect(nameFromUrl(`https://h/model.bin#${SIG}`)).toBe('model.bin')
    expect(nameFromUrl(`https://h?token=${SIG}`)).toBe('source')
    expect(nameFromUrl('https://github.com/o/repo.git')).toBe('repo')
  })

  it('the report shows http(s) addresses without a query; bucket keys keep their `?` and `#`', () => {
    expect(publicAddress(`https://h/f.bin?sig=${SIG}`)).toBe('https://h/f.bin')
    expect(publicAddress('s3://bucket/odd?key#1')).toBe('s3://bucket/odd?key#1')
  })
})

describe('masking a URL query', () => {
  it('masks the query and fragment whole and each long value, as written and decoded; not short values', () => {
    const parts = urlSecrets(`https://h/f?X-Amz-Credential=AKIAEXAMPLE1%2F2025&dl=1&sig=${SIG}#fragment-secret`)
    expect(parts).toContain(`X-Amz-Credential=AKIAEXAMPLE1%2F2025&dl=1&sig=${SIG}`)
    expect(parts).toContain('fragment-secret')
    expect(parts).toContain('AKIAEXAMPLE1%2F2025')
    expect(parts).toContain('AKIAEXAMPLE1/2025')
    expect(parts).toContain(SIG)
    expect(parts).not.toContain('1')
    expect(urlSecrets('https://h/plain')).toEqual([])
    expect(urlSecrets('/not/a/url?x=1')).toEqual([])
  })

  it('is scrubbed from what we print but not announced to the runner (`::add-mask::` would print it)', () => {
    const redactor = new Redactor()
    const announced: string[] = []
    redactor.listen((v) => announced.push(v))
    const store = new SecretStore({ env: {}, redactor, warn: () => undefined })
    store.protectUrl(`https://h/f?sig=${SIG}`)
    expect(redactor.redact(`GET https://h/f?sig=${SIG} failed; sig ${SIG}`)).toBe('GET https://h/f?*** failed; sig ***')
    expect(announced).toEqual([])
    // The same value found as a real secret later is announced after all.
    redactor.add(SIG)
    expect(announced).toContain(SIG)
  })
})

describe('a signed URL in a run', () => {
  let root: string
  let web: HttpTestServer
  beforeAll(async () => {
    root = await tempDir('fs-url-query-')
    web = await startHttp()
    web.routes.set('/files/model.bin', { body: Buffer.from('model\n') })
  })
  afterAll(async () => {
    await web?.stop()
    if (root) await fs.rm(root, { recursive: true, force: true })
  })

  it('an error message that quotes a query value shows *** instead', async () => {
    const ws = path.join(root, 'ws-quote')
    await fs.mkdir(ws)
    // The second source's (missing) path quotes the first one's signature, standing in for any
    // message that quotes the URL (an HTTP library's, a server's).
    const spec =
      'version: 1\nsources:\n' +
      `  - {name: model, url: "${web.url}/files/model.bin?X-Amz-Signature=${SIG}"}\n` +
      `  - {name: echo, url: "${web.url}/missing/${SIG}/x.bin"}\n`
    const run = await runSpec({ workspace: ws, spec, env })
    expect(run.logs.some((l) => l.includes('/missing/***/x.bin'))).toBe(true)
    expect(await run.everything()).not.toContain(SIG)
  })

  it('a re-signed URL (new query, same file) replays its lock', async () => {
    const ws = path.join(root, 'ws-frozen')
    await fs.mkdir(ws)
    const spec = (sig: string) => `version: 1\nsources:\n  - {name: model, url: "${web.url}/files/model.bin?X-Amz-Signature=${sig}"}\n`
    const first = await runSpec({ workspace: ws, spec: spec(SIG), env })
    expect(first.error).toBeUndefined()
    const lock = await fs.readFile(first.outputs['lock-file']!, 'utf8')
    expect(JSON.parse(lock).sources.model.url).toBe(`${web.url}/files/model.bin`)
    const lockPath = path.join(root, 'model.lock.json')
    await fs.writeFile(lockPath, lock)
    const replay = await runSpec({ workspace: ws, spec: spec('ffffffffffffffffffffffff'), env, inputs: { frozen: lockPath } })
    expect(replay.error).toBeUndefined()
    // A lock written before queries were left out (the query in its `url`) matches too.
    const old = JSON.parse(lock)
    old.sources.model.url = `${web.url}/files/model.bin?X-Amz-Signature=${SIG}`
    await fs.writeFile(lockPath, JSON.stringify(old))
    expect((await runSpec({ workspace: ws, spec: spec(SIG), env, inputs: { frozen: lockPath } })).error).toBeUndefined()
  })
})
