/**
 * Bucket keys and host trees are untrusted names (issue 13, items 4 and 11).
 *
 * - 4: a key with a `.git` path component (any case) is refused: the source fails naming the key
 *   (today `.git/config` lands, and with it whatever `core.fsmonitor` it sets).
 * - 11: keys `a` and `a/b` in one listing fail with one clear line naming both (today a raw
 *   EISDIR/ENOTDIR).
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from '../helpers/harness.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from '../servers/s3.js'
import { exists } from './helpers/fs-state.js'
import { errorLines, failedNaming, freshWorkspace, transcript } from './helpers/run.js'

let s3: S3TestServer
let root: string

const s3Spec = (prefix: string): string => `version: 1
connections:
  - name: store
    kind: s3
    schema: {bucket: "s3://keys/${prefix}", endpoint: "${s3.endpoint}"}
    secret: {name: aws-data}
sources:
  - connection: store
    path: data
`
const secrets = (): Record<string, string> => ({
  'aws-data': JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey })
})

const GIT_KEYS = ['.git/config', 'pkg/.GIT/HEAD', 'deep/er/.Git/hooks/post-checkout']

beforeAll(async () => {
  root = await tempDir('fs-sec-keys-')
  s3 = await startS3()
  await s3.createBucket('keys')
  const objects: Record<string, string> = { 'clash/a': 'a file', 'clash/a/b': 'a file under a', 'clash/ok.txt': 'fine' }
  GIT_KEYS.forEach((key, i) => {
    objects[`git${i}/ok.txt`] = 'fine'
    objects[`git${i}/${key}`] = '[core]\n\tfsmonitor = "touch fsmonitor-ran"\n'
  })
  await s3.put('keys', objects)
})
afterAll(async () => {
  await s3?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('item 4: no .git key lands from a bucket or a host tree', () => {
  GIT_KEYS.forEach((key, i) => {
    it(`s3: key "${key}" refuses the source, naming it; nothing lands`, async () => {
      const ws = await freshWorkspace(root)
      const run = await runSpec({ workspace: ws, spec: s3Spec(`git${i}`), secrets: secrets() })
      expect(failedNaming(run, 'store', key), transcript(run)).toBe(true)
      expect(await exists(path.join(ws, 'data'))).toBe(false)
    })

    it(`host_path: file "${key}" in the tree refuses the source, naming it; nothing lands`, async () => {
      const tree = await fs.mkdtemp(path.join(root, 'tree-'))
      await fs.writeFile(path.join(tree, 'ok.txt'), 'fine')
      await fs.mkdir(path.dirname(path.join(tree, key)), { recursive: true })
      await fs.writeFile(path.join(tree, key), '[core]\n\tfsmonitor = "touch fsmonitor-ran"\n')
      const ws = await freshWorkspace(root)
      const run = await runSpec({ workspace: ws, spec: `version: 1\nsources:\n  - name: tree\n    url: ${tree}\n    path: data\n` })
      expect(failedNaming(run, 'tree', key), transcript(run)).toBe(true)
      expect(await exists(path.join(ws, 'data'))).toBe(false)
    })
  })
})

describe('item 11: keys `a` and `a/b` in one listing', () => {
  it('s3: the source fails with one line naming both keys, not a raw EISDIR/ENOTDIR', async () => {
    const ws = await freshWorkspace(root)
    const run = await runSpec({ workspace: ws, spec: s3Spec('clash'), secrets: secrets() })
    expect(
      run.logs.filter((l) => /EISDIR|ENOTDIR|EEXIST/.test(l)),
      transcript(run)
    ).toEqual([])
    const both = errorLines(run).filter((l) => l.includes('store') && /"(clash\/)?a"/.test(l) && /"(clash\/)?a\/b"/.test(l))
    expect(both, transcript(run)).toHaveLength(1)
    expect(await exists(path.join(ws, 'data'))).toBe(false)
  })
})
