import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runSpec } from './helpers/harness.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from './servers/s3.js'

let s3: S3TestServer
let root: string
const COUNT = 1_537
const key = (i: number): string => `shards/${String(Math.floor(i / 100)).padStart(2, '0')}/part-${String(i).padStart(5, '0')}.txt`

beforeAll(async () => {
  // Thousands of tiny files are much quicker to create in memory than on the runner's disk.
  root = await fs.mkdtemp(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'fs-s3p-'))
  s3 = await startS3({ root })
  await s3.createBucket('many')
  const objects: Record<string, string> = {}
  for (let i = 0; i < COUNT; i++) objects[key(i)] = `${i}`
  await s3.put('many', objects, 32)
}, 120_000)

afterAll(async () => {
  await s3?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

it(`lists a prefix of ${COUNT} keys across pages and lands every one`, async () => {
  const ws = path.join(root, `ws-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(ws)
  const spec = `version: 1
sources:
  - name: shards
    url: s3://many/shards/
    secret: {name: aws}
    path: data
`
  const from = s3.requests.length
  const secrets = { aws: `AWS_ACCESS_KEY_ID=${ACCESS_KEY_ID}\nAWS_SECRET_ACCESS_KEY=${s3.secretAccessKey}\nAWS_ENDPOINT_URL=${s3.endpoint}` }
  const c = await runSpec({ workspace: ws, spec, secrets, inputs: { concurrency: '32' } })
  expect(c.error).toBeUndefined()
  const lists = s3.requests.slice(from).filter((r) => r.includes('list-type=2'))
  expect(lists.length).toBe(2)
  expect(lists[1]).toContain('continuation-token=')
  const out = JSON.parse(c.outputs.sources!) as Record<string, { files: number }>
  expect(out.shards!.files).toBe(COUNT)
  expect(await fs.readFile(path.join(ws, 'data', key(COUNT - 1).slice('shards/'.length)), 'utf8')).toBe(`${COUNT - 1}`)
  expect(await fs.readFile(path.join(ws, 'data', key(0).slice('shards/'.length)), 'utf8')).toBe('0')
  expect(await c.everything()).not.toContain(s3.secretAccessKey)
})
