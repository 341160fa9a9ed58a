/**
 * What a failed action run leaves for later steps (issue 15): outputs only for what landed (a
 * failed primary has no `path`; nothing landed, no `sources`), and a spec error still writes the
 * job summary, saying where the problem is.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from './helpers/harness.js'
import { runAction } from './security/helpers/action.js'

let root: string
beforeAll(async () => {
  root = await tempDir('fs-action-fail-')
})
afterAll(() => fs.rm(root, { recursive: true, force: true }))

describe('a failed action run', () => {
  it('writes no `path` for a primary that did not land, and no `sources` when nothing landed', async () => {
    const run = await runAction(path.join(root, 'one'), { spec: `version: 1\nsources:\n  - {name: gone, url: ${path.join(root, 'missing')}, path: data}\n` })
    expect(run.failed).toBe(true)
    expect(run.outputs.path).toBeUndefined()
    expect(run.outputs.sources).toBeUndefined()
    expect(run.stdout).toMatch(/::error::1 of 1 source failed: gone; no lock file was written/)
  })

  it('names only what landed when some sources fail', async () => {
    const data = path.join(root, 'data')
    await fs.mkdir(data, { recursive: true })
    await fs.writeFile(path.join(data, 'a.txt'), 'a')
    const spec = `version: 1\nsources:\n  - {name: gone, url: ${path.join(root, 'missing')}, path: x, primary: true}\n  - {name: ok, url: ${data}, path: y}\n`
    const run = await runAction(path.join(root, 'two'), { spec })
    expect(run.failed).toBe(true)
    expect(run.outputs.path).toBeUndefined()
    expect(Object.keys(JSON.parse(run.outputs.sources!))).toEqual(['ok'])
  })

  it('a spec error still writes the job summary, with where the problem is', async () => {
    const run = await runAction(path.join(root, 'three'), { spec: 'version: 1\nsources:\n  - {name: x, url: ftp://h/f}\n' })
    expect(run.failed).toBe(true)
    expect(run.summary).toContain('### fetch-sources: the spec could not be planned')
    expect(run.summary).toMatch(/\(inline `spec` input\):3:\d+: sources\[0\]\.url: cannot tell what kind of source "ftp:\/\/h\/f" is/)
  })
})
