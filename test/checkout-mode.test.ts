import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { derivedForms } from '../src/connections/redactor.js'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { commit, git, makeRepo, startGitHttp, type GitHttpServer } from './servers/git-http.js'

/**
 * Checkout mode: no `spec`, no `url`, only what a workflow's `actions/checkout` step would give
 * (the token, GITHUB_REPOSITORY/GITHUB_SHA/GITHUB_REF) against a loopback git server that serves
 * `/<owner>/<name>` as GitHub does. Each expectation is checkout's documented behaviour.
 */
const TOKEN = 'ghs_checkoutmode_token_5f1e2d'
let root: string
let home: string
let server: GitHttpServer
let work: string
const sha: Record<string, string> = {}

beforeAll(async () => {
  root = await tempDir('fs-checkout-mode-')
  // git never sees the machine's global config, and a test can see that nothing was written to it.
  home = path.join(root, 'home')
  await fs.mkdir(home)
  process.env.HOME = home
  const repos = path.join(root, 'repos', 'octo')
  await fs.mkdir(repos, { recursive: true })
  await makeRepo(repos, 'app', async (w) => {
    work = w
    await fs.writeFile(path.join(w, '.gitignore'), 'build/\n')
    sha.c1 = await commit(w, { 'README.md': '# app\n', 'src/a.txt': 'one\n' }, 'c1')
    git(w, 'tag', '-a', 'v1', '-m', 'release 1')
    sha.c2 = await commit(w, { 'src/a.txt': 'two\n' }, 'c2')
    git(w, 'checkout', '-q', '-b', 'feature')
    sha.feature = await commit(w, { 'feature.txt': 'feature\n' }, 'feature')
    git(w, 'checkout', '-q', 'main')
    sha.c3 = await commit(w, { 'src/a.txt': 'three\n' }, 'c3')
  })
  const bare = path.join(repos, 'app.git')
  // A pull request's merge ref, as GitHub keeps it: on no branch.
  git(work, 'checkout', '-q', '-b', 'pr', sha.c2)
  sha.merge = await commit(work, { 'pr.txt': 'merged\n' }, 'Merge feature into main')
  git(work, 'checkout', '-q', 'main')
  git(work, 'push', '-q', bare, `${sha.merge}:refs/pull/7/merge`)
  server = await startGitHttp({ root: path.join(root, 'repos'), tokens: [TOKEN] })
})

afterAll(async () => {
  await server?.close()
  await fs.rm(root, { recursive: true, force: true })
})

/** What the runner gives the step for a push of `sha` to `ref`. */
function runnerEnv(event: { sha?: string; ref?: string; repository?: string } = {}): Record<string, string> {
  return {
    HOME: home,
    GITHUB_SERVER_URL: server.url,
    GITHUB_REPOSITORY: event.repository ?? 'octo/app',
    ...(event.sha ? { GITHUB_SHA: event.sha } : {}),
    ...(event.ref ? { GITHUB_REF: event.ref } : {})
  }
}

async function leaks(capture: RunCapture, ws: string): Promise<string[]> {
  const config = await fs.readFile(path.join(ws, '.git', 'config'), 'utf8').catch(() => '')
  const text = [await capture.everything(), String(capture.error ?? ''), config].join('\n')
  return derivedForms(TOKEN).filter((f) => text.includes(f))
}

async function checkout(ws: string, env: Record<string, string>, inputs: Record<string, string> = {}) {
  await fs.mkdir(ws, { recursive: true })
  const capture = await runSpec({ workspace: ws, inputs: { token: TOKEN, ...inputs }, env })
  expect(await leaks(capture, ws)).toEqual([])
  return capture
}

describe('checkout mode: the workflow repository, as actions/checkout checks it out', () => {
  it('no inputs but the token: the workspace root holds the repository at GITHUB_SHA, on branch main', async () => {
    const ws = path.join(root, 'ws', 'push')
    // GITHUB_SHA is not the branch tip: what triggered the workflow is checked out, not main's head.
    const c = await checkout(ws, runnerEnv({ sha: sha.c2, ref: 'refs/heads/main' }))
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(c.outputs.commit).toBe(sha.c2)
    expect(c.outputs.ref).toBe('refs/heads/main')
    expect(c.outputs.path).toBe(ws)
    expect(await fs.readFile(path.join(ws, 'src', 'a.txt'), 'utf8')).toBe('two\n')
    expect(git(ws, 'rev-parse', 'HEAD')).toBe(sha.c2)
    expect(git(ws, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main')
    expect(git(ws, 'rev-parse', 'origin/main')).toBe(sha.c2)
    expect(git(ws, 'rev-parse', '--abbrev-ref', 'main@{upstream}')).toBe('origin/main')
    expect(git(ws, 'rev-list', '--count', 'HEAD')).toBe('1')
    expect(git(ws, 'config', 'remote.origin.url')).toBe(`${server.url}/octo/app`)
    // Nothing of ours in the checkout: no staging, lock or state file shows up as untracked.
    expect(git(ws, 'status', '--porcelain', '--ignored')).toBe('')
    expect(JSON.parse(c.outputs.sources!)).toMatchObject({ app: { kind: 'git', ref: 'refs/heads/main', commit: sha.c2, path: ws } })
    expect(c.logs).toContain('▸ app (git) → .')
    await expect(fs.stat(path.join(home, '.gitconfig'))).rejects.toThrow()
  })

  it('a second run after GITHUB_SHA moved updates in place and cleans like checkout (clean: true)', async () => {
    const ws = path.join(root, 'ws', 'rerun')
    expect((await checkout(ws, runnerEnv({ sha: sha.c2, ref: 'refs/heads/main' }))).error).toBeUndefined()
    await fs.writeFile(path.join(ws, 'src', 'a.txt'), 'changed by a later step\n')
    await fs.writeFile(path.join(ws, 'untracked.txt'), 'left behind\n')
    await fs.mkdir(path.join(ws, 'build'))
    await fs.writeFile(path.join(ws, 'build', 'out.o'), 'ignored\n')
    const inode = (await fs.stat(path.join(ws, '.git'))).ino

    const c = await checkout(ws, runnerEnv({ sha: sha.c3, ref: 'refs/heads/main' }))
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(c.logs.join('\n')).toContain('updating the existing checkout at . in place')
    expect(c.outputs.commit).toBe(sha.c3)
    expect(git(ws, 'rev-parse', 'HEAD', 'origin/main')).toBe(`${sha.c3}\n${sha.c3}`)
    expect(await fs.readFile(path.join(ws, 'src', 'a.txt'), 'utf8')).toBe('three\n')
    await expect(fs.stat(path.join(ws, 'untracked.txt'))).rejects.toThrow()
    await expect(fs.stat(path.join(ws, 'build'))).rejects.toThrow()
    // The same .git: an incremental fetch, not a fresh clone.
    expect((await fs.stat(path.join(ws, '.git'))).ino).toBe(inode)
    expect(git(ws, 'status', '--porcelain', '--ignored')).toBe('')
  })

  it('clean: false keeps untracked and ignored files on a re-run; tracked files are still reset', async () => {
    const ws = path.join(root, 'ws', 'no-clean')
    expect((await checkout(ws, runnerEnv({ sha: sha.c2, ref: 'refs/heads/main' }))).error).toBeUndefined()
    await fs.writeFile(path.join(ws, 'src', 'a.txt'), 'changed\n')
    await fs.writeFile(path.join(ws, 'untracked.txt'), 'kept\n')
    await fs.mkdir(path.join(ws, 'build'))
    await fs.writeFile(path.join(ws, 'build', 'out.o'), 'kept too\n')
    const c = await checkout(ws, runnerEnv({ sha: sha.c3, ref: 'refs/heads/main' }), { clean: 'false' })
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'src', 'a.txt'), 'utf8')).toBe('three\n')
    expect(await fs.readFile(path.join(ws, 'untracked.txt'), 'utf8')).toBe('kept\n')
    expect(await fs.readFile(path.join(ws, 'build', 'out.o'), 'utf8')).toBe('kept too\n')
  })

  it('a workspace holding something else is replaced whole, as checkout deletes its contents', async () => {
    const ws = path.join(root, 'ws', 'occupied')
    await fs.mkdir(path.join(ws, 'old-dir'), { recursive: true })
    await fs.writeFile(path.join(ws, 'old-dir', 'x'), 'x')
    await fs.writeFile(path.join(ws, 'README.md'), 'not the repository\n')
    const c = await checkout(ws, runnerEnv({ sha: sha.c3, ref: 'refs/heads/main' }))
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect((await fs.readdir(ws)).sort()).toEqual(['.git', '.gitignore', 'README.md', 'src'])
    expect(await fs.readFile(path.join(ws, 'README.md'), 'utf8')).toBe('# app\n')
    // Only the workspace's entries moved: nothing beside it but the lock's parent's own files.
    expect((await fs.readdir(path.dirname(ws))).filter((n) => n.startsWith('.fetch-sources-'))).toEqual([])
  })

  it('refs/pull/N/merge: detached at GITHUB_SHA, recorded as refs/remotes/pull/N/merge', async () => {
    const ws = path.join(root, 'ws', 'pull')
    const c = await checkout(ws, runnerEnv({ sha: sha.merge, ref: 'refs/pull/7/merge' }))
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(c.outputs).toMatchObject({ commit: sha.merge, ref: 'refs/pull/7/merge' })
    expect(git(ws, 'rev-parse', 'HEAD', 'refs/remotes/pull/7/merge')).toBe(`${sha.merge}\n${sha.merge}`)
    expect(git(ws, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('HEAD')
    expect(await fs.readFile(path.join(ws, 'pr.txt'), 'utf8')).toBe('merged\n')
  })

  it('refs/tags/v1: the annotated tag fetched by name and checked to name GITHUB_SHA', async () => {
    const ws = path.join(root, 'ws', 'tag')
    const c = await checkout(ws, runnerEnv({ sha: sha.c1, ref: 'refs/tags/v1' }))
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(c.outputs).toMatchObject({ commit: sha.c1, ref: 'refs/tags/v1' })
    expect(git(ws, 'cat-file', '-t', 'refs/tags/v1')).toBe('tag')
    expect(git(ws, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('HEAD')

    const full = await checkout(path.join(root, 'ws', 'tag-full'), runnerEnv({ sha: sha.c1, ref: 'refs/tags/v1' }), { 'fetch-depth': '0' })
    expect(full.error, full.logs.join('\n')).toBeUndefined()
    expect(full.outputs).toMatchObject({ commit: sha.c1, ref: 'refs/tags/v1' })

    // The tag no longer names the event's commit (moved since the workflow started): refused, as checkout does.
    const moved = await checkout(path.join(root, 'ws', 'tag-moved'), runnerEnv({ sha: sha.c2, ref: 'refs/tags/v1' }))
    expect(moved.logs.join('\n')).toContain(`the ref 'refs/tags/v1' does not point to the expected commit '${sha.c2}'`)
  })

  it('an unqualified GITHUB_REF (a merged pull request) is read as a branch', async () => {
    const ws = path.join(root, 'ws', 'unqualified')
    const c = await checkout(ws, runnerEnv({ sha: sha.c3, ref: 'main' }))
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(c.outputs.ref).toBe('refs/heads/main')
    expect(git(ws, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main')
  })

  it('the repository name compares case-insensitively with GITHUB_REPOSITORY', async () => {
    const ws = path.join(root, 'ws', 'case')
    // GitHub's own names are case-insensitive; the loopback server is not, so the input is the exact one.
    const c = await checkout(ws, runnerEnv({ sha: sha.c1, ref: 'refs/heads/main', repository: 'Octo/APP' }), { repository: 'octo/app' })
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(c.outputs.commit).toBe(sha.c1)
  })
})

describe('checkout mode with inputs', () => {
  it('repository, ref, path and fetch-depth: 0: every branch and tag, the complete history', async () => {
    const ws = path.join(root, 'ws', 'full')
    const c = await checkout(ws, runnerEnv({ sha: sha.c1, ref: 'refs/heads/main', repository: 'someone/else' }), {
      repository: 'octo/app',
      ref: 'feature',
      path: 'code',
      'fetch-depth': '0'
    })
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    const dir = path.join(ws, 'code')
    expect(c.outputs).toMatchObject({ commit: sha.feature, ref: 'refs/heads/feature', path: dir })
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe('3')
    expect(git(dir, 'rev-list', '--count', 'origin/main')).toBe('3')
    expect(git(dir, 'rev-parse', 'v1^{commit}')).toBe(sha.c1)
    await expect(fs.stat(path.join(dir, '.git', 'shallow'))).rejects.toThrow()
    expect(git(dir, 'symbolic-ref', 'HEAD')).toBe('refs/heads/feature')
  })

  it('fetch-depth: 0 for the workflow repository: complete history, branch at GITHUB_SHA', async () => {
    const ws = path.join(root, 'ws', 'full-own')
    const c = await checkout(ws, runnerEnv({ sha: sha.c2, ref: 'refs/heads/main' }), { 'fetch-depth': '0' })
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(git(ws, 'rev-parse', 'HEAD', 'origin/main')).toBe(`${sha.c2}\n${sha.c2}`)
    expect(git(ws, 'rev-list', '--count', 'HEAD')).toBe('2')
    expect(git(ws, 'rev-parse', 'origin/feature')).toBe(sha.feature)
    expect(git(ws, 'tag')).toBe('v1')
  })

  it('another repository without ref: its default branch; a full SHA as ref: detached, ref empty', async () => {
    const other = await checkout(path.join(root, 'ws', 'other'), runnerEnv({ sha: sha.c1, ref: 'refs/heads/x', repository: 'someone/else' }), {
      repository: 'octo/app'
    })
    expect(other.error, other.logs.join('\n')).toBeUndefined()
    expect(other.outputs).toMatchObject({ commit: sha.c3, ref: 'refs/heads/main' })

    const ws = path.join(root, 'ws', 'by-sha')
    const bySha = await checkout(ws, runnerEnv({ sha: sha.c3, ref: 'refs/heads/main' }), { ref: sha.c1 })
    expect(bySha.error, bySha.logs.join('\n')).toBeUndefined()
    expect(bySha.outputs).toMatchObject({ commit: sha.c1, ref: '' })
    expect(git(ws, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('HEAD')
  })

  it('without GITHUB_REPOSITORY and without inputs there is nothing to fetch, and the message says what to set', async () => {
    const ws = path.join(root, 'ws', 'nothing')
    await fs.mkdir(ws, { recursive: true })
    const c = await runSpec({ workspace: ws, env: { HOME: home } })
    expect(String(c.error)).toMatch(/nothing to fetch: set the `spec` input \(a run spec\), the `url` input \(one source\) or the `repository` input/)
  })
})

describe('checkout mode: progress and safe.directory', () => {
  it('show-progress (default): git’s progress lines inside the group; show-progress: false prints none', async () => {
    const env = { ...runnerEnv({ sha: sha.c3, ref: 'refs/heads/main' }), FETCH_SOURCES_PROGRESS_SECONDS: '0' }
    const shown = await checkout(path.join(root, 'ws', 'progress'), env)
    expect(shown.error, shown.logs.join('\n')).toBeUndefined()
    const lines = shown.logs.filter((l) => /^\[app\] (remote: )?(Enumerating|Counting|Compressing|Receiving|Resolving|Updating)/.test(l))
    expect(lines.length).toBeGreaterThan(0)
    // Inside the source's group: after its title, before the run's closing lines.
    expect(shown.logs.indexOf(lines[0]!)).toBeGreaterThan(shown.logs.indexOf('▸ app (git) → .'))

    const quiet = await checkout(path.join(root, 'ws', 'no-progress'), env, { 'show-progress': 'false' })
    expect(quiet.error).toBeUndefined()
    expect(quiet.logs.filter((l) => /Receiving objects|Enumerating objects|Updating files/.test(l))).toEqual([])
  })

  it('set-safe-directory: git works in a checkout another user owns; ~/.gitconfig is never written', async () => {
    const ws = path.join(root, 'ws', 'owned-by-nobody')
    expect((await checkout(ws, runnerEnv({ sha: sha.c2, ref: 'refs/heads/main' }))).error).toBeUndefined()
    // A container job: the workspace belongs to the runner's user, git runs as another one.
    execFileSync('chown', ['-R', '65534:65534', ws])

    const refused = await checkout(ws, runnerEnv({ sha: sha.c3, ref: 'refs/heads/main' }), { 'set-safe-directory': 'false' })
    expect(refused.logs.join('\n')).toMatch(
      /git refuses to work in the checkout at the destination of app: another user owns it .*Set `set-safe-directory: true`/
    )

    const allowed = await checkout(ws, runnerEnv({ sha: sha.c3, ref: 'refs/heads/main' }))
    expect(allowed.error, allowed.logs.join('\n')).toBeUndefined()
    expect(allowed.logs.join('\n')).toContain('updating the existing checkout at . in place')
    expect(allowed.outputs.commit).toBe(sha.c3)
    await expect(fs.stat(path.join(home, '.gitconfig'))).rejects.toThrow()
  })
})
