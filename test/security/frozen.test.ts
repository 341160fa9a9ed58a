/**
 * Frozen replay re-verifies what it reuses (issue 13, item 8). A landed file of an object source
 * is tampered with after the run that wrote the lock, keeping its size; a `frozen:` run must put
 * the original bytes back and report the same digest (today a same-size change is kept: reuse is
 * decided by size and the recorded version, never by the bytes on disk).
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from '../helpers/harness.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from '../servers/s3.js'
import { freshWorkspace, transcript } from './helpers/run.js'

const ORIGINAL = 'original bytes of the model, 0123456789\n'
const TAMPERED = 'TAMPERED bytes of the model, 0123456789\n'

let root: string
let s3: S3TestServer

beforeAll(async () => {
  root = await tempDir('fs-sec-frozen-')
  s3 = await startS3()
  await s3.createBucket('frozen')
  await s3.put('frozen', { 'models/weights.bin': ORIGINAL, 'models/config.json': '{"a": 1}' })
})
afterAll(async () => {
  await s3?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

/** Lock, tamper (same size), replay: the replay restores the bytes and reports the same digest. */
async function tamperAndReplay(source: string, spec: string, secrets?: Record<string, string>): Promise<void> {
  expect(TAMPERED.length).toBe(ORIGINAL.length)
  const ws = await freshWorkspace(root)
  const first = await runSpec({ workspace: ws, spec, ...(secrets ? { secrets } : {}) })
  expect(first.error, transcript(first)).toBeUndefined()
  const lock = first.outputs['lock-file']!
  const digest = (JSON.parse(first.outputs.sources!) as Record<string, { digest: string }>)[source]!.digest
  const landed = path.join(ws, 'data', 'weights.bin')
  expect(await fs.readFile(landed, 'utf8')).toBe(ORIGINAL)

  await fs.writeFile(landed, TAMPERED)
  const replay = await runSpec({ workspace: ws, spec, inputs: { frozen: lock }, ...(secrets ? { secrets } : {}) })
  expect(replay.error, transcript(replay)).toBeUndefined()
  expect(await fs.readFile(landed, 'utf8'), 'the tampered file was kept').toBe(ORIGINAL)
  expect((JSON.parse(replay.outputs.sources!) as Record<string, { digest: string }>)[source]!.digest).toBe(digest)
}

describe('item 8: frozen replay re-verifies reused files', () => {
  it('host_path: a same-size tampered file is restored, same digest', async () => {
    const bucket = await fs.mkdtemp(path.join(root, 'bucket-'))
    await fs.writeFile(path.join(bucket, 'weights.bin'), ORIGINAL)
    await fs.writeFile(path.join(bucket, 'config.json'), '{"a": 1}')
    await tamperAndReplay('local', `version: 1\nsources:\n  - name: local\n    url: ${bucket}\n    path: data\n`)
  })

  it('s3: a same-size tampered file is restored, same digest', async () => {
    const spec = `version: 1
connections:
  - name: store
    kind: s3
    schema: {bucket: "s3://frozen/models", endpoint: "${s3.endpoint}"}
    secret: {name: aws-data}
sources:
  - connection: store
    path: data
`
    await tamperAndReplay('store', spec, { 'aws-data': JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey }) })
  })
})
