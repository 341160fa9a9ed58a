import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAuth } from '../src/fetchers/git/credentials.js'
import { gitCredential } from '../src/connections/git.js'
import { createSecret } from '../src/connections/secret.js'
import { Git, GitCommandError } from '../src/fetchers/git/git.js'
import { conePatterns } from '../src/fetchers/git/repo.js'
import { parseLsRemote } from '../src/fetchers/git/revision.js'
import { Redactor } from '../src/connections/redactor.js'
import { runSpec, tempDir } from './helpers/harness.js'
import { commit, git, makeRepo } from './servers/git-http.js'

let root: string
let repos: string
const sha: Record<string, string> = {}

beforeAll(async () => {
  root = await tempDir('fs-git-local-')
  repos = path.join(root, 'repos')
  await fs.mkdir(repos)
  await makeRepo(repos, 'lib', async (w) => {
    sha.lib = await commit(w, { 'lib.txt': 'lib\n' }, 'lib')
  })
  await makeRepo(repos, 'app', async (w) => {
    await fs.writeFile(path.join(w, '.gitmodules'), '[submodule "lib"]\n\tpath = lib\n\turl = ../lib.git\n')
    await fs.writeFile(path.join(w, 'app.txt'), 'app\n')
    git(w, 'add', '.gitmodules', 'app.txt')
    git(w, 'update-index', '--add', '--cacheinfo', `160000,${sha.lib},lib`)
    git(w, 'commit', '-q', '-m', 'app')
    sha.app = git(w, 'rev-parse', 'HEAD')
  })
})

afterAll(() => fs.rm(root, { recursive: true, force: true }))

describe('git over file://', () => {
  it('a file:// repository with a relative file:// submodule', async () => {
    const ws = path.join(root, 'ws-file')
    await fs.mkdir(ws)
    const spec = `version: 1\nsources:\n  - {name: app, url: "file://${repos}/app.git", git: {submodules: recursive}}\n`
    const capture = await runSpec({ workspace: ws, spec })
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(capture.outputs.commit).toBe(sha.app)
    expect(await fs.readFile(path.join(ws, 'app/lib/lib.txt'), 'utf8')).toBe('lib\n')
  })

  it('lfs: objects fetched with git lfs and checked out (not pointers)', async () => {
    const work = path.join(root, 'lfs-work')
    await fs.mkdir(work)
    git(work, 'init', '-q', '-b', 'main')
    git(work, 'lfs', 'install', '--local')
    git(work, 'lfs', 'track', '*.bin')
    const blob = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251))
    await fs.writeFile(path.join(work, 'model.bin'), blob)
    git(work, 'add', '.gitattributes', 'model.bin')
    git(work, 'commit', '-q', '-m', 'lfs')
    git(root, 'init', '-q', '--bare', '-b', 'main', 'lfs.git')
    git(work, 'push', '-q', `file://${root}/lfs.git`, 'main')
    const ws = path.join(root, 'ws-lfs-ok')
    await fs.mkdir(ws)
    const spec = `version: 1\nsources:\n  - {name: m, url: "file://${root}/lfs.git", git: {lfs: true}}\n`
    const capture = await runSpec({ workspace: ws, spec })
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'm/model.bin'))).toEqual(blob)
  })

  it('lfs with a sparse cone: the cone and the files beside it get their objects; blobs outside were never fetched', async () => {
    const work = path.join(root, 'lfs-sparse-work')
    await fs.mkdir(path.join(work, 'a', 'deep'), { recursive: true })
    await fs.mkdir(path.join(work, 'b'))
    git(work, 'init', '-q', '-b', 'main')
    git(work, 'lfs', 'install', '--local')
    git(work, 'lfs', 'track', '*.bin')
    const files: Record<string, string> = { 'r.bin': 'root object\n', 'a/x.bin': 'a object\n', 'a/deep/y.bin': 'deep object\n', 'b/x.bin': 'b object\n' }
    for (const [f, text] of Object.entries(files)) await fs.writeFile(path.join(work, f), text)
    git(work, 'add', '-A')
    git(work, 'commit', '-q', '-m', 'lfs')
    git(root, 'init', '-q', '--bare', '-b', 'main', 'lfs-sparse.git')
    git(path.join(root, 'lfs-sparse.git'), 'config', 'uploadpack.allowFilter', 'true')
    git(work, 'push', '-q', `file://${root}/lfs-sparse.git`, 'main')
    const ws = path.join(root, 'ws-lfs-sparse')
    await fs.mkdir(ws)
    const spec = `version: 1\nsources:\n  - {name: m, url: "file://${root}/lfs-sparse.git", git: {lfs: true, depth: 0, sparse: [a]}}\n`
    const capture = await runSpec({ workspace: ws, spec })
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    for (const f of ['r.bin', 'a/x.bin', 'a/deep/y.bin']) expect(await fs.readFile(path.join(ws, 'm', f), 'utf8')).toBe(files[f])
    await expect(fs.stat(path.join(ws, 'm', 'b'))).rejects.toThrow()
  })

  it('lfs: true without git-lfs on PATH is a clear error', async () => {
    const bin = path.join(root, 'bin-no-lfs')
    await fs.mkdir(bin)
    await fs.symlink('/usr/bin/git', path.join(bin, 'git'))
    const saved = process.env.PATH
    process.env.PATH = bin
    try {
      const ws = path.join(root, 'ws-lfs')
      await fs.mkdir(ws)
      const spec = `version: 1\nsources:\n  - {name: app, url: "file://${repos}/app.git", git: {lfs: true}}\n`
      const capture = await runSpec({ workspace: ws, spec })
      expect(capture.logs.join('\n')).toMatch(/app: `lfs: true` needs git-lfs, which is not installed on this runner/)
    } finally {
      process.env.PATH = saved
    }
  })
})

describe('transports git itself refuses', () => {
  it('ext:: is refused by git through protocol.allow, and nothing runs', async () => {
    const git = await Git.create()
    const auth = await buildAuth({
      url: 'https://example.invalid/x.git',
      credentials: [],
      knownHosts: [],
      dir: path.join(root, 'auth')
    })
    const marker = path.join(root, 'pwned')
    const err = await git.exec(['ls-remote', '--end-of-options', `ext::sh -c touch% ${marker}`], { env: auth.env }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(GitCommandError)
    expect((err as GitCommandError).stderr).toMatch(/transport 'ext' not allowed/)
    expect(await fs.stat(marker).catch(() => undefined)).toBeUndefined()
    // file:// is refused too for a remote superproject (submodules cannot reach the runner's disk).
    const file = await git.exec(['ls-remote', `file://${repos}/lib.git`], { env: auth.env, allowFailure: true })
    expect(file.stderr).toMatch(/transport 'file' not allowed/)
  })

  it('ext:: and other transports are spec errors before anything runs', async () => {
    const ws = path.join(root, 'ws-ext')
    await fs.mkdir(ws)
    for (const url of ['ext::sh -c touch% /tmp/x', 'fd::17', 'rsync://host/repo.git']) {
      const capture = await runSpec({ workspace: ws, spec: `version: 1\nsources:\n  - {name: x, kind: git, url: "${url}"}\n` })
      expect(String(capture.error)).toMatch(/not allowed|not a URL/)
    }
  })
})

describe('pieces', () => {
  it('cone patterns match git sparse-checkout set --cone', () => {
    expect(conePatterns(['docs/deep', 'src'])).toBe('/*\n!/*/\n/docs/\n!/docs/*/\n/docs/deep/\n/src/\n')
  })

  it('ls-remote output with symrefs and peeled tags', () => {
    const sha1 = 'a'.repeat(40)
    const sha2 = 'b'.repeat(40)
    const { refs, symrefs } = parseLsRemote(`ref: refs/heads/main\tHEAD\n${sha1}\tHEAD\n${sha2}\trefs/tags/v1\n${sha1}\trefs/tags/v1^{}\n`)
    expect(symrefs.get('HEAD')).toBe('refs/heads/main')
    expect(refs.get('refs/tags/v1^{}')).toBe(sha1)
  })

  it('credentials reach git through a helper scoped to their origin, never through the environment; masked in base64 form too', async () => {
    const redactor = new Redactor()
    const secret = createSecret('s', 'secrets input', 'tok-abcdef123', (d) => void redactor.add(d))
    const auth = await buildAuth({
      url: 'https://git.example.com/a/b.git',
      credentials: [{ url: 'https://git.example.com/a/b.git', credential: gitCredential(secret, 'x-access-token') }],
      knownHosts: [],
      dir: path.join(root, 'auth2')
    })
    const b64 = Buffer.from('x-access-token:tok-abcdef123').toString('base64')
    // Nothing a hook or filter would inherit holds the secret in any form.
    expect(Object.values(auth.env).filter((v) => v.includes('tok-abcdef123') || v.includes(b64))).toEqual([])
    expect(Object.values(auth.env)).toContain('credential.https://git.example.com/.helper')
    expect(redactor.redact(`header ${b64} and tok-abcdef123`)).toBe('header *** and ***')
  })
})
