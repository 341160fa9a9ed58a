import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { derivedForms } from '../src/connections/redactor.js'
import { runSpec, tempDir } from './helpers/harness.js'
import { commit, git } from './servers/git-http.js'

/**
 * No usable git on the runner (here: a `git` that reports 2.1.0) and a github/gitlab connection:
 * the source comes from the hosting API's tarball of the resolved commit, against a local server
 * that speaks the few endpoints involved.
 */
const TOKEN = 'gh-api-token-99c1f0e2'
let root: string
let server: http.Server
let api: string
let main: string
let tagged: string
let linked: string
let hostDir: string
const seen: Array<{ path: string; authorization?: string }> = []
const savedPath = process.env.PATH

beforeAll(async () => {
  root = await tempDir('fs-git-fallback-')
  const work = path.join(root, 'work')
  await fs.mkdir(work)
  git(work, 'init', '-q', '-b', 'main')
  tagged = await commit(work, { 'README.md': 'v1\n', 'src/app.py': 'print(1)\n' }, 'one')
  main = await commit(work, { 'README.md': 'main\n', 'sub/dir/x.txt': 'x\n' }, 'two')
  // A branch whose `ml` is a link to a directory of the runner.
  hostDir = path.join(root, 'host')
  await fs.mkdir(hostDir)
  await fs.writeFile(path.join(hostDir, 'keep.txt'), 'host file\n')
  git(work, 'checkout', '-q', '-b', 'linked')
  await fs.symlink(hostDir, path.join(work, 'ml'))
  git(work, 'add', 'ml')
  git(work, 'commit', '-q', '-m', 'ml is a link')
  linked = git(work, 'rev-parse', 'HEAD')
  git(work, 'checkout', '-q', 'main')
  const archives: Record<string, Buffer> = {}
  for (const sha of [main, tagged, linked])
    archives[sha] = execFileSync('git', ['archive', '--format=tar.gz', `--prefix=acme-app-${sha.slice(0, 7)}/`, sha], { cwd: work })
  server = http.createServer((req, res): void => {
    const u = new URL(req.url ?? '/', 'http://x')
    seen.push({ path: u.pathname, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) })
    const json = (body: unknown): void => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    const gh = /^\/repos\/acme\/app(?:\/(commits|tarball)\/(.+))?$/.exec(u.pathname)
    const gl = /^\/api\/v4\/projects\/acme%2Fapp(?:\/repository\/(commits\/(.+)|archive\.tar\.gz))?$/.exec(req.url!.split('?')[0]!)
    if (req.headers.authorization && !req.headers.authorization.includes(TOKEN)) return void res.writeHead(401).end('{"message":"Bad credentials"}')
    // Which names are branches and tags, for the `ref` output.
    // octokit sends `git/ref/tags%2Fv1`; GitHub reads it as `git/ref/tags/v1`.
    const named = /^\/(?:repos\/acme\/app\/(branches|git\/ref\/tags)|api\/v4\/projects\/acme%2Fapp\/repository\/(branches|tags))\/(.+)$/.exec(
      req.url!.split('?')[0]!.replace('/git/ref/tags%2F', '/git/ref/tags/')
    )
    if (named) {
      const isBranch = (named[1] ?? named[2]) === 'branches'
      const known = isBranch ? ['main', 'linked'] : ['v1']
      return known.includes(decodeURIComponent(named[3]!)) ? json({ name: named[3] }) : void res.writeHead(404).end('{"message":"Not Found"}')
    }
    if (u.pathname.startsWith('/download/'))
      return void res.writeHead(200, { 'content-type': 'application/gzip' }).end(archives[u.pathname.slice('/download/'.length)])
    if (gh) {
      if (!gh[1]) return json({ default_branch: 'main' })
      if (gh[1] === 'commits')
        return gh[2] === 'main' || gh[2] === main
          ? json({ sha: main })
          : gh[2] === 'v1'
            ? json({ sha: tagged })
            : gh[2] === 'linked'
              ? json({ sha: linked })
              : void res.writeHead(422).end('{"message":"No commit found"}')
      return void res.writeHead(302, { location: `${api}/download/${gh[2]}` }).end()
    }
    if (gl) {
      if (!gl[1]) return json({ default_branch: 'main' })
      if (gl[2]) return json({ id: gl[2] === 'main' ? main : tagged })
      return void res.writeHead(200).end(archives[u.searchParams.get('sha')!])
    }
    res.writeHead(404).end('{"message":"Not Found"}')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // A git too old to use, first on PATH.
  const bin = path.join(root, 'bin')
  await fs.mkdir(bin)
  await fs.writeFile(path.join(bin, 'git'), '#!/bin/sh\necho "git version 2.1.0"\n', { mode: 0o755 })
  process.env.PATH = `${bin}:${savedPath}`
})

afterAll(async () => {
  process.env.PATH = savedPath
  server?.closeAllConnections()
  await new Promise((r) => server?.close(r))
  await fs.rm(root, { recursive: true, force: true })
})

async function run(name: string, spec: string) {
  const ws = path.join(root, 'ws', name)
  await fs.mkdir(ws, { recursive: true })
  const capture = await runSpec({ workspace: ws, spec, secrets: { gh: TOKEN } })
  const text = (await capture.everything()) + String(capture.error)
  expect(derivedForms(TOKEN).filter((f) => text.includes(f))).toEqual([])
  return { ws, capture, sources: capture.outputs.sources ? JSON.parse(capture.outputs.sources) : {} }
}

describe('API archive fallback when git is unusable', () => {
  it('github: default branch resolved through the API, tarball at that SHA, commit output set', async () => {
    const spec = `version: 1
connections:
  - {name: app, kind: github, schema: {owner: acme, repository: app, apiUrl: "${api}"}, secret: {name: gh}}
sources:
  - connection: app
`
    const { ws, capture, sources } = await run('github', spec)
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(capture.logs.join('\n')).toMatch(/git 2\.1\.0 is older than the minimum .*downloading the github archive instead/)
    expect(sources.app).toMatchObject({ commit: main, ref: 'refs/heads/main', url: 'https://github.com/acme/app.git', files: 3 })
    expect(capture.outputs.commit).toBe(main)
    expect(await fs.readFile(path.join(ws, 'app/README.md'), 'utf8')).toBe('main\n')
    expect(await fs.readFile(path.join(ws, 'app/sub/dir/x.txt'), 'utf8')).toBe('x\n')
    expect(seen.some((s) => s.path === `/repos/acme/app/tarball/${main}` && s.authorization === `token ${TOKEN}`)).toBe(true)
  })

  it('github: a named revision and a subdirectory (ZenML)', async () => {
    const spec = `version: 1
connections:
  - {name: app, kind: github, schema: {owner: acme, repository: app, apiUrl: "${api}"}, secret: {name: gh}}
sources:
  - {connection: app, git: {revision: v1}, subdirectory: src}
`
    const { ws, capture, sources } = await run('github-sub', spec)
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(sources.app.commit).toBe(tagged)
    // A tag name is reported as the tag it is, as with git.
    expect(sources.app.ref).toBe('refs/tags/v1')
    expect(await fs.readdir(path.join(ws, 'app'))).toEqual(['app.py'])
  })

  it('github: a named branch fills the `ref` output, as with git', async () => {
    const spec = `version: 1
connections:
  - {name: app, kind: github, schema: {owner: acme, repository: app, apiUrl: "${api}"}, secret: {name: gh}}
sources:
  - {connection: app, git: {revision: main}}
`
    const { capture, sources } = await run('github-branch', spec)
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(sources.app).toMatchObject({ commit: main, ref: 'refs/heads/main' })
    expect(capture.outputs.ref).toBe('refs/heads/main')
  })

  // The archive goes through the landing checks first: its link out of the repository refuses it
  // before the subdirectory is looked at. Either way the link is never followed.
  it('a subdirectory that is a symbolic link in the archive: refused by name, the directory it points to untouched', async () => {
    const spec = `version: 1
connections:
  - {name: app, kind: github, schema: {owner: acme, repository: app, apiUrl: "${api}"}, secret: {name: gh}}
sources:
  - {connection: app, git: {revision: linked}, subdirectory: ml}
`
    const { ws, capture } = await run('github-link', spec)
    expect(capture.logs.join('\n')).toMatch(
      /error: app: .*(subdirectory "ml" is a symbolic link in the repository|symlink "ml" points outside the destination)/
    )
    expect(await fs.readdir(hostDir)).toEqual(['keep.txt'])
    expect(await fs.stat(path.join(ws, 'app')).catch(() => undefined)).toBeUndefined()
  })

  it('gitlab: project API, archive at the resolved SHA', async () => {
    const spec = `version: 1
connections:
  - {name: app, kind: gitlab, schema: {group: acme, project: app, instanceUrl: "${api}"}, secret: {name: gh}}
sources:
  - connection: app
`
    const { ws, capture, sources } = await run('gitlab', spec)
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(sources.app.commit).toBe(main)
    expect(await fs.readFile(path.join(ws, 'app/README.md'), 'utf8')).toBe('main\n')
  })

  it('a plain git URL cannot fall back: the error says to install git', async () => {
    const spec = `version: 1\nsources:\n  - {name: app, url: "${api}/acme/app.git"}\n`
    const { capture } = await run('plain', spec)
    expect(capture.logs.join('\n')).toMatch(/app: git 2\.1\.0 is older than the minimum 2\.25\.0: install git/)
  })

  it('checkout mode without git: the workflow repository at GITHUB_SHA from the API, GITHUB_REF as `ref`, in the workspace root', async () => {
    const ws = path.join(root, 'ws', 'checkout-mode')
    await fs.mkdir(ws, { recursive: true })
    const capture = await runSpec({
      workspace: ws,
      inputs: { token: TOKEN },
      env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: main, GITHUB_REF: 'refs/heads/main', GITHUB_SERVER_URL: 'https://github.com', GITHUB_API_URL: api }
    })
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(capture.outputs).toMatchObject({ commit: main, ref: 'refs/heads/main', path: ws })
    expect(await fs.readFile(path.join(ws, 'README.md'), 'utf8')).toBe('main\n')
    expect((await fs.readdir(ws)).sort()).toEqual(['README.md', 'src', 'sub'])
    expect(seen.some((s) => s.path === `/repos/acme/app/tarball/${main}` && s.authorization === `token ${TOKEN}`)).toBe(true)
    expect(derivedForms(TOKEN).filter((f) => (capture.logs.join('\n') + JSON.stringify(capture.outputs)).includes(f))).toEqual([])
  })
})
