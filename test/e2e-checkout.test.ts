import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { derivedForms } from '../src/connections/redactor.js'
import { tempDir } from './helpers/harness.js'
import { DIST, NODE24, SRC_ENTRY, inputEnv, parseCommandFile, postEnv, runStep, runnerFiles, stepEnv } from './helpers/runner.js'
import { commit, git, makeRepo, startGitHttp, type GitHttpServer } from './servers/git-http.js'

/**
 * The drop-in promise, run the way the runner runs a step: `node <entry>` with INPUT_* for every
 * input of action.yml (defaults applied) and *no input but the token*, GITHUB_REPOSITORY,
 * GITHUB_SHA and GITHUB_REF pointing at a loopback git server that serves `/<owner>/<name>` as
 * GitHub does, then the post step. Once for the bundle (dist/index.js, or FETCH_SOURCES_DIST
 * until the lead rebuilds dist/) and once for src/ through tsx.
 */
const TOKEN = 'ghs_e2e_checkout_token_7d3a9c'
let root: string
let server: GitHttpServer
const sha: Record<string, string> = {}

beforeAll(async () => {
  root = await tempDir('fs-e2e-checkout-')
  const repos = path.join(root, 'repos', 'octo')
  await fs.mkdir(repos, { recursive: true })
  await makeRepo(repos, 'app', async (w) => {
    sha.c1 = await commit(w, { 'README.md': '# app\n', 'src/a.txt': 'one\n' }, 'c1')
    sha.c2 = await commit(w, { 'src/a.txt': 'two\n' }, 'c2')
    git(w, 'checkout', '-q', '-b', 'feature')
    sha.feature = await commit(w, { 'feature.txt': 'f\n' }, 'feature')
    git(w, 'checkout', '-q', 'main')
    sha.c3 = await commit(w, { 'src/a.txt': 'three\n' }, 'c3')
  })
  server = await startGitHttp({ root: path.join(root, 'repos'), tokens: [TOKEN] })
})

afterAll(async () => {
  await server?.close()
  await fs.rm(root, { recursive: true, force: true })
})

describe.each([
  ['the bundle', NODE24, [DIST]],
  ['src/ through tsx', process.execPath, SRC_ENTRY]
])('%s, run as the runner runs it', (_, node, entry) => {
  let base: string
  beforeAll(async () => {
    base = await tempDir('fs-e2e-checkout-run-')
  })
  afterAll(async () => {
    await fs.rm(base, { recursive: true, force: true })
  })

  async function step(dir: string, event: { sha: string; ref: string }, inputs: Record<string, string> = {}) {
    const f = await runnerFiles(path.join(base, dir))
    const home = path.join(f.root, 'home')
    await fs.mkdir(home, { recursive: true })
    const env = {
      ...stepEnv(f),
      HOME: home,
      GITHUB_SERVER_URL: server.url,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_SHA: event.sha,
      GITHUB_REF: event.ref,
      GITHUB_EVENT_NAME: 'push',
      ...(await inputEnv({ token: TOKEN, ...inputs }))
    }
    const main = await runStep(node, env, f.workspace, entry)
    const outputs = parseCommandFile(await fs.readFile(f.output, 'utf8'))
    const visible = [main.stdout, main.stderr, await fs.readFile(f.output, 'utf8'), await fs.readFile(f.summary, 'utf8')].join('\n')
    expect(derivedForms(TOKEN).filter((form) => visible.replace(/^::add-mask::.*$/gm, '').includes(form))).toEqual([])
    await fs.writeFile(f.output, '')
    const post = await runStep(node, { ...stepEnv(f), HOME: home, ...(await postEnv(f)) }, f.workspace, entry)
    expect(post.code, post.stdout).toBe(0)
    return { f, main, outputs, home }
  }

  it('no inputs but the token: the workspace root holds the repository at GITHUB_SHA; `commit` equals it', async () => {
    const { f, main, outputs, home } = await step('first', { sha: sha.c2!, ref: 'refs/heads/main' })
    expect(main.stderr).toBe('')
    expect(main.code, main.stdout).toBe(0)
    expect(outputs).toMatchObject({ commit: sha.c2, ref: 'refs/heads/main', path: f.workspace })
    expect(git(f.workspace, 'rev-parse', 'HEAD')).toBe(sha.c2)
    expect(git(f.workspace, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main')
    expect(await fs.readFile(path.join(f.workspace, 'src', 'a.txt'), 'utf8')).toBe('two\n')
    expect(git(f.workspace, 'status', '--porcelain', '--ignored')).toBe('')
    expect(main.stdout).toContain('::group::app (git) → .')
    // No credential in the checkout after the post step; the user's git config untouched.
    expect(await fs.readFile(path.join(f.workspace, '.git', 'config'), 'utf8')).not.toMatch(/include|extraheader|credential/i)
    await expect(fs.stat(path.join(home, '.gitconfig'))).rejects.toThrow()
    expect((await fs.readdir(f.temp)).filter((d) => d.startsWith('fetch-sources-'))).toEqual([])
  })

  it('a second run after GITHUB_SHA moved cleans the tree as checkout does', async () => {
    const first = await step('rerun', { sha: sha.c2!, ref: 'refs/heads/main' })
    const ws = first.f.workspace
    await fs.writeFile(path.join(ws, 'src', 'a.txt'), 'edited\n')
    await fs.writeFile(path.join(ws, 'stray.txt'), 'untracked\n')
    const again = await step('rerun', { sha: sha.c3!, ref: 'refs/heads/main' })
    expect(again.main.code, again.main.stdout).toBe(0)
    expect(again.outputs.commit).toBe(sha.c3)
    expect(again.main.stdout).toContain('updating the existing checkout at . in place')
    expect(await fs.readFile(path.join(ws, 'src', 'a.txt'), 'utf8')).toBe('three\n')
    await expect(fs.stat(path.join(ws, 'stray.txt'))).rejects.toThrow()
    expect(git(ws, 'status', '--porcelain', '--ignored')).toBe('')
  })

  it('repository, ref, path and fetch-depth: 0: the history is complete', async () => {
    const { f, main, outputs } = await step(
      'full',
      { sha: sha.c1!, ref: 'refs/heads/main' },
      { repository: 'octo/app', ref: 'feature', path: 'code', 'fetch-depth': '0' }
    )
    expect(main.code, main.stdout).toBe(0)
    const dir = path.join(f.workspace, 'code')
    expect(outputs).toMatchObject({ commit: sha.feature, ref: 'refs/heads/feature', path: dir })
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe('3')
    expect(git(dir, 'rev-list', '--count', 'origin/main')).toBe('3')
    await expect(fs.stat(path.join(dir, '.git', 'shallow'))).rejects.toThrow()
    expect(execFileSync('git', ['-C', dir, 'branch', '-r'], { encoding: 'utf8' })).toContain('origin/main')
  })
})
