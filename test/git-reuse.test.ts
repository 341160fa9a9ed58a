import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Git } from '../src/fetchers/git/git.js'
import { judgeCheckout } from '../src/fetchers/git/reuse.js'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { commit, git, makeRepo, startGitHttp, type GitHttpServer } from './servers/git-http.js'

/**
 * Re-runs on a checkout an earlier run left: what fetch-sources and git wrote (submodules, a
 * persisted credential include) is updated in place; any other configuration — anything git could
 * run — makes it a fresh checkout instead; hooks never run.
 */
const TOKEN = 'ghp_reuse_unit_token_77aa01'
let root: string
let server: GitHttpServer
let url: string
let first: { ws: string; capture: RunCapture }

const spec = (extra = '') =>
  `version: 1\nsources:\n  - name: app\n    url: ${url}\n    secret: {name: tok}\n    path: app\n    git: {submodules: true}\n${extra}`
const log = (c: RunCapture) => c.logs.join('\n')

async function run(ws: string, inputs: Record<string, string> = {}): Promise<RunCapture> {
  return runSpec({ workspace: ws, spec: spec(), secrets: { tok: TOKEN }, inputs })
}

beforeAll(async () => {
  root = await tempDir('fs-git-reuse-')
  const repos = path.join(root, 'repos')
  await fs.mkdir(repos)
  const lib = await makeRepo(repos, 'lib', (w) => commit(w, { 'lib.txt': 'lib\n' }, 'lib').then(() => undefined))
  void lib
  await makeRepo(repos, 'app', async (w) => {
    await fs.writeFile(path.join(w, '.gitmodules'), '[submodule "lib"]\n\tpath = vendor/lib\n\turl = ../lib.git\n')
    await fs.writeFile(path.join(w, 'app.txt'), 'app\n')
    git(w, 'add', '.gitmodules', 'app.txt')
    git(w, 'update-index', '--add', '--cacheinfo', `160000,${git(path.join(repos, 'lib.git'), 'rev-parse', 'HEAD')},vendor/lib`)
    git(w, 'commit', '-q', '-m', 'app')
  })
  server = await startGitHttp({ root: repos, tokens: [TOKEN] })
  url = `${server.url}/app.git`
  const ws = path.join(root, 'ws-first')
  await fs.mkdir(ws)
  first = { ws, capture: await run(ws) }
})
afterAll(async () => {
  await server?.close()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('a checkout fetch-sources wrote', () => {
  it('with a submodule: updated in place, and no hook of the checkout or of the submodule runs', async () => {
    expect(first.capture.error, log(first.capture)).toBeUndefined()
    const checkout = path.join(first.ws, 'app')
    expect(await fs.readFile(path.join(checkout, 'vendor/lib/lib.txt'), 'utf8')).toBe('lib\n')
    const marker = path.join(root, 'hook-ran')
    for (const dir of [path.join(checkout, '.git/hooks'), path.join(checkout, '.git/modules/lib/hooks')]) {
      await fs.mkdir(dir, { recursive: true })
      for (const hook of ['post-checkout', 'reference-transaction', 'post-index-change']) {
        await fs.writeFile(path.join(dir, hook), `#!/bin/sh\necho "$0" >> '${marker}'\n`, { mode: 0o755 })
      }
    }
    await fs.writeFile(path.join(checkout, 'vendor/lib/lib.txt'), 'edited\n')
    const again = await run(first.ws)
    expect(again.error, log(again)).toBeUndefined()
    expect(log(again)).toMatch(/updating the existing checkout at app in place/)
    expect(await fs.readFile(path.join(checkout, 'vendor/lib/lib.txt'), 'utf8')).toBe('lib\n')
    expect(await fs.readFile(marker, 'utf8').catch(() => '')).toBe('')
    expect(await fs.stat(path.join(checkout, '.git/hooks')).catch(() => undefined)).toBeUndefined()
  })

  it('persisted credentials twice: in place, and the config includes only the newest credential file', async () => {
    const ws = path.join(root, 'ws-persist')
    await fs.mkdir(ws)
    const one = await run(ws, { 'persist-credentials': 'true' })
    expect(one.error, log(one)).toBeUndefined()
    const two = await run(ws, { 'persist-credentials': 'true' })
    expect(two.error, log(two)).toBeUndefined()
    expect(log(two)).toMatch(/updating the existing checkout at app in place/)
    const includes = git(path.join(ws, 'app'), 'config', '--local', '--get-all', 'include.path').split('\n')
    expect(includes).toHaveLength(1)
    expect(await fs.stat(includes[0]!).then((s) => s.mode & 0o777)).toBe(0o600)
    // The credential file holds no header: nothing in it is the base64 form git would send.
    expect(await fs.readFile(includes[0]!, 'utf8')).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'))
  })
})

describe('a checkout holding configuration fetch-sources did not write is not reused', () => {
  let gitBin: Git
  let n = 0
  beforeAll(async () => {
    gitBin = await Git.create()
  })
  /** A copy of the first run's checkout, changed by `plant`, then judged. */
  async function judge(plant: (copy: string) => Promise<void> | void): Promise<string> {
    const copy = path.join(root, `copy-${n++}`)
    await fs.cp(path.join(first.ws, 'app'), copy, { recursive: true, verbatimSymlinks: true })
    await plant(copy)
    const cwd = await fs.mkdtemp(path.join(root, 'cwd-'))
    const verdict = await judgeCheckout(gitBin, copy, url, cwd)
    return verdict.reuse ? 'reused' : verdict.reason
  }

  it('the untouched checkout is reusable', async () => {
    expect(await judge(() => undefined)).toBe('reused')
  })

  it.each([
    ['core.hooksPath', '/tmp/hooks'],
    ['core.fsmonitor', '/tmp/fsmonitor'],
    ['core.sshCommand', 'touch /tmp/pwned'],
    ['core.gitProxy', '/tmp/proxy'],
    ['core.pager', 'touch /tmp/pwned'],
    ['core.worktree', '/home'],
    ['core.bare', 'true'],
    ['filter.evil.smudge', 'touch /tmp/pwned'],
    ['filter.evil.process', 'touch /tmp/pwned'],
    ['remote.origin.uploadpack', 'touch /tmp/pwned'],
    ['remote.upstream.url', 'https://example.com/x.git'],
    ['protocol.ext.allow', 'always'],
    ['credential.helper', '!touch /tmp/pwned'],
    ['include.path', '/tmp/elsewhere/config'],
    ['includeIf.gitdir:/.path', '/tmp/elsewhere/config'],
    ['submodule.lib.update', '!touch /tmp/pwned'],
    ['branch.main.remote', '/tmp/elsewhere']
  ])('%s = %s', async (key, value) => {
    const reason = await judge((copy) => void git(copy, 'config', key, value))
    expect(reason).toMatch(/holds configuration fetch-sources did not write \(.+\)/)
    expect(reason.toLowerCase()).toContain(key.toLowerCase())
  })

  it('a key in a submodule repository’s config', async () => {
    const reason = await judge((copy) => void git(path.join(copy, '.git/modules/lib'), 'config', 'core.hooksPath', '/tmp/hooks'))
    expect(reason).toBe('holds configuration fetch-sources did not write (core.hookspath)')
  })

  it('a submodule work tree outside the checkout', async () => {
    const reason = await judge((copy) => void git(path.join(copy, '.git/modules/lib'), 'config', 'core.worktree', '../../../../..'))
    expect(reason).toBe('holds configuration fetch-sources did not write (core.worktree)')
  })

  it('a `.git` that is a link, a `commondir`, a config git cannot parse', async () => {
    expect(
      await judge(async (copy) => {
        await fs.rename(path.join(copy, '.git'), path.join(copy, 'real-git'))
        await fs.symlink(path.join(copy, 'real-git'), path.join(copy, '.git'))
      })
    ).toMatch(/not a plain directory/)
    expect(await judge((copy) => fs.writeFile(path.join(copy, '.git/commondir'), '/elsewhere\n'))).toMatch(/commondir/)
    expect(await judge((copy) => fs.appendFile(path.join(copy, '.git/config'), '[core\n'))).toMatch(/cannot read/)
  })

  it('a whole run: the log says why, and the fresh checkout lands', async () => {
    const ws = path.join(root, 'ws-planted')
    await fs.cp(first.ws, ws, { recursive: true, verbatimSymlinks: true })
    git(path.join(ws, 'app'), 'config', 'filter.evil.clean', 'touch /tmp/pwned')
    const again = await run(ws)
    expect(again.error, log(again)).toBeUndefined()
    expect(log(again)).toContain('app holds configuration fetch-sources did not write (filter.evil.clean): replacing it with a fresh checkout')
    expect(git(path.join(ws, 'app'), 'config', '--local', '--list')).not.toContain('filter.evil')
  })
})
