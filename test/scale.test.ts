import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from './helpers/harness.js'

describe('scale: 50 sources in one spec share one transfer pool', () => {
  let root: string
  beforeAll(async () => {
    root = await tempDir('fs-scale-')
    for (let s = 0; s < 50; s++) {
      const dir = path.join(root, 'buckets', `b${s}`)
      await fs.mkdir(dir, { recursive: true })
      await Promise.all(Array.from({ length: 20 }, (_, i) => fs.writeFile(path.join(dir, `f${i}.bin`), `${s}:${i}`)))
    }
  })
  afterAll(() => fs.rm(root, { recursive: true, force: true }))

  it('lands all 50 whole with concurrency 4 and reports each', async () => {
    const ws = path.join(root, 'ws')
    await fs.mkdir(ws)
    const spec =
      [
        'version: 1',
        'sources:',
        ...Array.from({ length: 50 }, (_, s) => `  - {name: s${s}, url: ${path.join(root, 'buckets', `b${s}`)}, kind: host_path}`)
      ].join('\n') + '\n'
    const run = await runSpec({ workspace: ws, spec, inputs: { concurrency: '4' } })
    expect(run.error).toBeUndefined()
    const sources = JSON.parse(run.outputs.sources!)
    expect(Object.keys(sources)).toHaveLength(50)
    for (let s = 0; s < 50; s++) {
      expect(sources[`s${s}`].files).toBe(20)
      expect(await fs.readFile(path.join(ws, `s${s}`, 'f7.bin'), 'utf8')).toBe(`${s}:7`)
    }
    // One log group per source, each complete, none interleaved.
    const starts = run.logs.filter((l) => l.startsWith('▸ '))
    expect(starts).toHaveLength(50)
  })
})
