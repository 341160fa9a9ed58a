import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from './helpers/harness.js'
import { commit, makeRepo } from './servers/git-http.js'

describe('git lock files left by a killed run', () => {
  let root: string
  afterAll(() => fs.rm(root, { recursive: true, force: true }))

  it('are removed before an existing checkout is updated in place', async () => {
    root = await tempDir('fs-git-locks-')
    let work = ''
    const bare = await makeRepo(root, 'repo', async (w) => {
      work = w
      await commit(w, { 'a.txt': 'one\n' }, 'first')
    })
    const ws = path.join(root, 'ws')
    await fs.mkdir(ws)
    const spec = `version: 1\nsources:\n  - {name: code, url: "file://${bare}"}\n`
    expect((await runSpec({ workspace: ws, spec })).error).toBeUndefined()
    // A new commit upstream, and the locks a SIGKILLed git would leave.
    const { git } = await import('./servers/git-http.js')
    await commit(work, { 'a.txt': 'two\n' }, 'second')
    git(work, 'push', '-q', bare, 'main')
    for (const lock of ['index.lock', 'shallow.lock']) await fs.writeFile(path.join(ws, 'code', '.git', lock), '')
    const rerun = await runSpec({ workspace: ws, spec })
    expect(rerun.error, rerun.logs.join('\n')).toBeUndefined()
    expect(rerun.logs.join('\n')).toContain('in place')
    expect(await fs.readFile(path.join(ws, 'code', 'a.txt'), 'utf8')).toBe('two\n')
    await expect(fs.stat(path.join(ws, 'code', '.git', 'index.lock'))).rejects.toThrow()
  })
})
