import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { derivedForms } from '../src/connections/redactor.js'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'

/**
 * Every scenario of the foundation, run with known secret values, then every place a user or a
 * later step can read is scanned for each value and its derived forms. Kinds add their own
 * scenarios in their tests; this covers the shared paths (success, spec errors, fetch failures,
 * dry run, exposed connections, secret files).
 */
const VALUES = {
  token: 'tok-3f9a7c1e5b2d',
  password: 'pw-correct-horse-battery',
  json: 'json-field-value-8c1d',
  unused: 'never-used-secret-000'
}
const SECRETS = {
  'data-secret': `TOKEN=${VALUES.token}\nPASSWORD=${VALUES.password}`,
  JSON_SECRET: JSON.stringify({ API_KEY: VALUES.json }),
  UNUSED: VALUES.unused
}

async function leaks(capture: RunCapture, extra: string[] = []): Promise<string[]> {
  const text = [await capture.everything(), ...extra].join('\n')
  return Object.values(VALUES)
    .flatMap((v) => derivedForms(v))
    .filter((f) => text.includes(f))
}

describe('no secret leaks, in any scenario', () => {
  let root: string
  let bucket: string
  beforeAll(async () => {
    root = await tempDir('fs-leaks-')
    bucket = path.join(root, 'bucket')
    await fs.mkdir(bucket)
    await fs.writeFile(path.join(bucket, 'a.txt'), `contains ${VALUES.token} in the data itself is fine, it is not logged`)
  })
  afterAll(() => fs.rm(root, { recursive: true, force: true }))

  const catalog = (b: string) => `connections:
  - {name: data, kind: host_path, schema: {hostPath: ${b}}, secret: {name: data-secret, mountPath: creds}}
  - {name: api, kind: host_path, schema: {hostPath: ${b}}, secret: {name: json-secret}}
`
  const scenarios: Array<[string, (b: string) => string, Record<string, string>, boolean]> = [
    ['success', (b) => `version: 1\n${catalog(b)}sources:\n  - connection: data\n  - connection: api\n`, {}, true],
    ['dry run', (b) => `version: 1\n${catalog(b)}sources:\n  - connection: data\n`, { 'dry-run': 'true' }, true],
    ['spec error next to secrets', (b) => `version: 1\n${catalog(b)}sources:\n  - connection: dta\n`, {}, false],
    [
      'missing secret',
      () => 'version: 1\nconnections:\n  - {name: x, kind: s3, schema: {bucket: s3://b}, secret: {name: not-there}}\nsources:\n  - connection: x\n',
      {},
      false
    ],
    ['fetch failure', () => `version: 1\n${catalog('/nonexistent')}sources:\n  - connection: data\n`, {}, false],
    [
      'missing items key',
      (b) =>
        `version: 1\nconnections:\n  - {name: d, kind: host_path, schema: {hostPath: ${b}}, secret: {name: data-secret, items: [TOKEN, NOPE]}}\nsources:\n  - connection: d\n`,
      {},
      false
    ],
    ['exposed connections', (b) => `version: 1\n${catalog(b)}sources:\n  - connection: data\n`, { 'expose-connections': 'true' }, true]
  ]

  it.each(scenarios)('%s', async (name, spec, inputs, ok) => {
    const ws = path.join(root, name.replace(/\W+/g, '-'))
    await fs.mkdir(ws, { recursive: true })
    const capture = await runSpec({ workspace: ws, spec: spec(bucket), secrets: SECRETS, inputs })
    expect(capture.error === undefined, String(capture.error)).toBe(ok)
    expect(capture.logs.length).toBeGreaterThan(0)
    const errorText = capture.error instanceof Error ? capture.error.message : ''
    expect(await leaks(capture, [errorText])).toEqual([])
  })

  it('the secrets input is masked whole even when nothing uses it', async () => {
    const ws = path.join(root, 'unused')
    await fs.mkdir(ws)
    const capture = await runSpec({ workspace: ws, spec: `version: 1\nsources:\n  - {url: ${bucket}, kind: host_path, name: plain}\n`, secrets: SECRETS })
    expect(capture.error).toBeUndefined()
    // A later log line that happened to include it would be scrubbed.
    expect(await leaks(capture)).toEqual([])
  })
})
