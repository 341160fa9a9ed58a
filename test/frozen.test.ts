import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { objectDrift } from '../src/fetchers/shared/objects.js'
import { runSpec, tempDir } from './helpers/harness.js'

describe('frozen replay from the lock file', () => {
  let root: string
  let bucket: string
  const spec = (b: string) => `version: 1\nsources:\n  - {name: train, url: ${b}, kind: host_path, path: data}\n`
  beforeAll(async () => {
    root = await tempDir('fs-frozen-')
    bucket = path.join(root, 'bucket')
    await fs.mkdir(bucket)
    for (const n of ['a', 'b', 'c', 'd']) await fs.writeFile(path.join(bucket, `${n}.csv`), `${n}\n`)
  })
  afterAll(() => fs.rm(root, { recursive: true, force: true }))

  it('replays an unchanged source and fails with a drift report when the store changed', async () => {
    const ws = path.join(root, 'ws')
    await fs.mkdir(ws)
    const first = await runSpec({ workspace: ws, spec: spec(bucket) })
    expect(first.error).toBeUndefined()
    const lockPath = path.join(root, 'kept.lock.json')
    await fs.copyFile(first.outputs['lock-file']!, lockPath)

    const replay = await runSpec({ workspace: ws, spec: spec(bucket), inputs: { frozen: lockPath } })
    expect(replay.error).toBeUndefined()
    expect(replay.logs.join('\n')).toContain('frozen: replaying')

    await fs.writeFile(path.join(bucket, 'a.csv'), 'changed\n')
    await fs.writeFile(path.join(bucket, 'b.csv'), 'b\n') // same bytes: not drift
    await fs.rm(path.join(bucket, 'c.csv'))
    const drifted = await runSpec({ workspace: ws, spec: spec(bucket), inputs: { frozen: lockPath } })
    expect(String(drifted.error)).toContain('1 of 1 source failed: train; no lock file was written')
    expect(drifted.logs.join('\n')).toContain('train: 1 object changed, 1 removed since the lock ("a.csv" changed, "c.csv" removed)')
    // The previous complete content is still there.
    expect(await fs.readFile(path.join(ws, 'data', 'a.csv'), 'utf8')).toBe('a\n')
  })

  it('refuses a lock whose sources differ from the spec, before fetching anything', async () => {
    const ws = path.join(root, 'ws2')
    await fs.mkdir(ws)
    const lockPath = path.join(root, 'other.lock.json')
    await fs.writeFile(
      lockPath,
      JSON.stringify({ version: 1, specDigest: 'sha256:x', sources: { train: { kind: 'host_path', url: 'file:///elsewhere', objects: [] } } })
    )
    const res = await runSpec({ workspace: ws, spec: spec(bucket), inputs: { frozen: lockPath } })
    expect(String(res.error)).toContain('source "train" changed since the lock (host_path file:///elsewhere → host_path file://')
    expect(await fs.readdir(ws)).toEqual([])
    await fs.writeFile(lockPath, '{"not": "a lock"}')
    expect(String((await runSpec({ workspace: ws, spec: spec(bucket), inputs: { frozen: lockPath } })).error)).toContain('is not a fetch-sources lock file')
  })

  it('describes drift precisely', () => {
    const o = (key: string, version = 'v1', size = 1) => ({ key, size, version })
    expect(objectDrift([o('a'), o('b')], [o('a'), o('b')])).toBeUndefined()
    expect(objectDrift([o('a'), o('b'), o('c')], [o('a', 'v2'), o('b', 'v1', 2), o('d')])).toBe(
      '2 objects changed, 1 removed, 1 added since the lock ("a" changed, "b" changed, "c" removed, "d" added)'
    )
  })
})
