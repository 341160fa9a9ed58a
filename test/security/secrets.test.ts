/**
 * Secrets that are not plain strings, and secrets inside URLs (issue 13, items 14 and 15).
 *
 * - 14: a signed URL's query (`?X-Amz-Signature=…&X-Amz-Credential=…`) is a credential: it never
 *   appears in logs, outputs (`sources` keys included), the lock file, the job summary, nor in
 *   any path under the workspace (today the default source name, and so the destination
 *   directory, is made from the URL with its query).
 * - 15: every value of the `secrets` JSON is masked, numbers and each string inside nested
 *   objects and lists included; the password half of an http `user:password` secret is masked on
 *   its own. Observed two ways: `::add-mask::` commands of the action's main step, and a log line
 *   that quotes the value (the spec puts it in a path that does not exist — standing in for any
 *   message that quotes it, such as a server's error body) coming out redacted.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from '../helpers/harness.js'
import { startHttp, type HttpTestServer } from '../servers/http.js'
import { maskedValues, runAction } from './helpers/action.js'
import { ustar } from './helpers/archives.js'
import { walk } from './helpers/fs-state.js'
import { freshWorkspace, transcript } from './helpers/run.js'

const SIG = '5e1c9d0f7a2b4c6d8e0f1a3b5c7d9e1f00112233'
const CRED = 'AKIAIOSFODNN7EXAMPLE'
const NUMBER = 12345678901
const DEEP = 'nested-deep-secret-value'
const LISTED = 'listed-secret-value-in-array'
const USER = 'alice'
const PASSWORD = 'pa55-w0rd-only-the-password'

let root: string
let web: HttpTestServer
let signedUrl: string

beforeAll(async () => {
  root = await tempDir('fs-sec-secrets-')
  web = await startHttp()
  // The test server routes by path and ignores the query, as a signed-URL endpoint would accept it.
  web.routes.set('/s/file.tar.gz', { body: ustar([{ path: 'model/weights.bin', body: 'w' }], true) })
  web.routes.set('/p/file.bin', { body: Buffer.from('private\n'), authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` })
  signedUrl = `${web.url}/s/file.tar.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${CRED}%2F20250101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=${SIG}`
})
afterAll(async () => {
  await web?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

const signedSpec = (): string => `version: 1\nsources:\n  - url: "${signedUrl}"\n    unpack: true\n`
const leaked = (text: string): string[] => [SIG, CRED].filter((v) => text.includes(v))

describe('item 14: a signed URL query never shows', () => {
  it('in-process run: not in logs, outputs, `sources` keys, the lock file, nor any workspace path', async () => {
    const ws = await freshWorkspace(root)
    const run = await runSpec({ workspace: ws, spec: signedSpec() })
    expect(run.error, transcript(run)).toBeUndefined()
    expect(Object.keys(JSON.parse(run.outputs.sources ?? '{}') as object).flatMap(leaked), 'in a `sources` key').toEqual([])
    expect(leaked(await run.everything()), 'in logs, outputs or the lock file').toEqual([])
    expect(
      (await walk(ws)).filter((p) => leaked(p).length),
      'in a path under the workspace'
    ).toEqual([])
  })

  it('action main step: not in stdout, GITHUB_OUTPUT, the job summary, the lock file, nor any workspace path', async () => {
    const got = await runAction(await fs.mkdtemp(path.join(root, 'runner-')), { spec: signedSpec() })
    expect(got.failed, got.stdout).toBe(false)
    // The summary really was written: the scan below covers it.
    expect(got.summary).toContain('|')
    expect(leaked(got.everything), got.everything).toEqual([])
    expect(
      (await walk(got.workspace)).filter((p) => leaked(p).length),
      'in a path under the workspace'
    ).toEqual([])
  })
})

describe('item 15: every secret value is masked, whatever its JSON type', () => {
  const secretsJson = JSON.stringify({ NUMERIC: NUMBER, NESTED: { inner: { deep: DEEP }, list: [LISTED] } })

  it('action main step: a number, a nested string and a string in a list are each sent as ::add-mask::', async () => {
    const got = await runAction(await fs.mkdtemp(path.join(root, 'runner-')), {
      spec: `version: 1\nsources:\n  - {name: data, url: ${root}}\n`,
      secrets: secretsJson,
      'dry-run': 'true'
    })
    const masked = maskedValues(got.stdout)
    expect(
      [String(NUMBER), DEEP, LISTED].filter((v) => !masked.includes(v)),
      `masked: ${JSON.stringify(masked)}`
    ).toEqual([])
  })

  it('in-process run: a log line quoting those values shows *** instead', async () => {
    const ws = await freshWorkspace(root)
    const missing = `/nonexistent/${NUMBER}/${DEEP}/${LISTED}`
    const run = await runSpec({ workspace: ws, spec: `version: 1\nsources:\n  - {name: data, url: "${missing}"}\n`, inputs: { secrets: secretsJson } })
    // The line exists (the run failed on that path)…
    expect(
      run.logs.some((l) => l.startsWith('error:') && l.includes('/nonexistent/')),
      transcript(run)
    ).toBe(true)
    // …and quotes none of the values.
    expect(
      [String(NUMBER), DEEP, LISTED].filter((v) => run.logs.some((l) => l.includes(v))),
      transcript(run)
    ).toEqual([])
  })
})

describe('item 15: the password half of an http user:password secret is masked on its own', () => {
  const spec = `version: 1\nsources:\n  - name: private\n    url: WEB/p/file.bin\n    secret: {name: http-cred}\n    path: private\n`

  it('action main step: the password alone is sent as ::add-mask::', async () => {
    const got = await runAction(await fs.mkdtemp(path.join(root, 'runner-')), {
      spec: spec.replace('WEB', web.url),
      secrets: JSON.stringify({ 'http-cred': `${USER}:${PASSWORD}` })
    })
    expect(got.failed, got.stdout).toBe(false)
    expect(maskedValues(got.stdout), got.stdout).toContain(PASSWORD)
  })

  it('in-process run: a log line quoting the password alone shows *** instead', async () => {
    const ws = await freshWorkspace(root)
    // Same secret, and a second source whose (missing) URL path quotes the password.
    const withEcho = `${spec.replace('WEB', web.url)}  - name: echo\n    url: ${web.url}/missing/${PASSWORD}/x.bin\n    path: echo\n`
    const run = await runSpec({ workspace: ws, spec: withEcho, secrets: { 'http-cred': `${USER}:${PASSWORD}` } })
    expect(
      run.logs.some((l) => l.startsWith('error:') && l.includes('/missing/')),
      transcript(run)
    ).toBe(true)
    expect(
      run.logs.filter((l) => l.includes(PASSWORD)),
      transcript(run)
    ).toEqual([])
  })
})
