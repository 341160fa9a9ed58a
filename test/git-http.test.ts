import { execFile } from 'node:child_process'
import * as fs from 'node:fs/promises'
import { promisify } from 'node:util'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { derivedForms } from '../src/connections/redactor.js'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { commit, git, makeRepo, startGitHttp, type GitHttpServer } from './servers/git-http.js'

const execFileAsync = promisify(execFile)
const TOKEN = 'ghp_testtoken_5e8a1c2b9d'
const PASSWORD = 'pw-git-alice-7731'
const LIB_TOKEN = 'lib-token-0a9b8c7d6e'
const SECRET_FORMS = [TOKEN, PASSWORD, LIB_TOKEN, `x-access-token:${TOKEN}`, `alice:${PASSWORD}`, `x-access-token:${LIB_TOKEN}`].flatMap((v) => derivedForms(v))

let root: string
let server: GitHttpServer
let libServer: GitHttpServer
const sha: Record<string, string> = {}

/** Every place a user or a later step can read: logs, outputs, lock file, and each `.git/config`. */
async function leaks(capture: RunCapture, ws: string): Promise<string[]> {
  const configs: string[] = []
  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, e.name)
      if (e.name === 'config' && dir.includes('.git')) configs.push(await fs.readFile(full, 'utf8'))
      else if (e.isDirectory() && depth < 6 && e.name !== 'objects') await walk(full, depth + 1)
    }
  }
  await walk(ws, 0)
  const text = [await capture.everything(), capture.error instanceof Error ? capture.error.message : '', ...configs].join('\n')
  return SECRET_FORMS.filter((f) => text.includes(f))
}

async function run(name: string, spec: string, secrets: Record<string, string> = { 'app-token': TOKEN }, inputs: Record<string, string> = {}) {
  const ws = path.join(root, 'ws', name)
  await fs.mkdir(ws, { recursive: true })
  const capture = await runSpec({ workspace: ws, spec, secrets, inputs })
  expect(await leaks(capture, ws)).toEqual([])
  return { ws, capture, sources: capture.outputs.sources ? JSON.parse(capture.outputs.sources) : {} }
}

const src = (opts: string, secret = 'app-token') => `version: 1
sources:
  - name: app
    url: ${server.url}/app.git
    secret: {name: ${secret}}
${opts
  .split('\n')
  .filter(Boolean)
  .map((l) => `    ${l}`)
  .join('\n')}
`

beforeAll(async () => {
  root = await tempDir('fs-git-http-')
  const repos = path.join(root, 'repos')
  await fs.mkdir(repos)
  await makeRepo(repos, 'app', async (w) => {
    sha.c1 = await commit(w, { 'README.md': '# app\n', 'src/a.txt': 'one\n', 'docs/guide.md': 'guide\n', 'docs/deep/x.md': 'x\n' }, 'c1')
    git(w, 'tag', '-a', 'v1', '-m', 'release 1')
    sha.v1tag = git(w, 'rev-parse', 'v1')
    sha.c2 = await commit(w, { 'src/a.txt': 'two\n' }, 'c2')
    git(w, 'tag', 'light')
    git(w, 'checkout', '-q', '-b', 'feature')
    sha.feature = await commit(w, { 'feature.txt': 'feature\n' }, 'feature')
    git(w, 'checkout', '-q', 'main')
    sha.c3 = await commit(w, { 'src/a.txt': 'three\n', 'src/b.txt': 'b\n' }, 'c3')
  })
  const libRepos = path.join(root, 'lib-repos')
  await fs.mkdir(libRepos)
  await makeRepo(libRepos, 'lib', async (w) => {
    sha.lib = await commit(w, { 'lib.txt': 'library\n' }, 'lib')
  })
  server = await startGitHttp({ root: repos, tokens: [TOKEN], users: { alice: PASSWORD } })
  libServer = await startGitHttp({ root: libRepos, tokens: [LIB_TOKEN] })
  await makeRepo(repos, 'super', async (w) => {
    await fs.writeFile(path.join(w, '.gitmodules'), `[submodule "lib"]\n\tpath = vendor/lib\n\turl = ${libServer.url}/lib.git\n`)
    await fs.writeFile(path.join(w, 'main.txt'), 'super\n')
    git(w, 'add', '.gitmodules', 'main.txt')
    // A gitlink without a checked-out submodule: `git add -A` would stage its removal.
    git(w, 'update-index', '--add', '--cacheinfo', `160000,${sha.lib},vendor/lib`)
    git(w, 'commit', '-q', '-m', 'super')
    sha.super = git(w, 'rev-parse', 'HEAD')
  })
  await makeRepo(repos, 'evil', async (w) => {
    await fs.writeFile(path.join(w, '.gitmodules'), `[submodule "x"]\n\tpath = x\n\turl = ext::sh -c touch% ${root}/pwned\n`)
    git(w, 'add', '.gitmodules')
    git(w, 'update-index', '--add', '--cacheinfo', `160000,${sha.lib},x`)
    git(w, 'commit', '-q', '-m', 'evil')
  })
})

afterAll(async () => {
  await server?.close()
  await libServer?.close()
  await fs.rm(root, { recursive: true, force: true })
})

describe('git over smart HTTP', () => {
  it('token auth, default branch, depth 1, protocol v2', async () => {
    const before = server.requests.length
    const { ws, capture, sources } = await run('default', src(''))
    expect(capture.error).toBeUndefined()
    expect(sources.app).toMatchObject({ kind: 'git', url: `${server.url}/app.git`, ref: 'refs/heads/main', commit: sha.c3 })
    expect(capture.outputs.commit).toBe(sha.c3)
    expect(await fs.readFile(path.join(ws, 'app/src/a.txt'), 'utf8')).toBe('three\n')
    expect(git(path.join(ws, 'app'), 'rev-list', '--count', 'HEAD')).toBe('1')
    expect(git(path.join(ws, 'app'), 'symbolic-ref', 'HEAD')).toBe('refs/heads/main')
    // As `git clone` leaves it: origin/main and the branch's upstream.
    expect(git(path.join(ws, 'app'), 'rev-parse', '--abbrev-ref', 'main@{upstream}')).toBe('origin/main')
    expect(git(path.join(ws, 'app'), 'rev-parse', 'origin/main')).toBe(sha.c3)
    expect(sources.app.files).toBe(5)
    const mine = server.requests.slice(before)
    expect(mine.some((r) => r.protocol === 'version=2')).toBe(true)
    expect(mine.filter((r) => r.authorization).length).toBeGreaterThan(0)
  })

  it('user:password auth on a branch', async () => {
    const { ws, capture, sources } = await run('branch', src('git: {revision: feature}', 'alice'), { alice: `alice:${PASSWORD}` })
    expect(capture.error).toBeUndefined()
    expect(sources.app).toMatchObject({ ref: 'refs/heads/feature', commit: sha.feature, revision: 'feature' })
    expect(await fs.readFile(path.join(ws, 'app/feature.txt'), 'utf8')).toBe('feature\n')
  })

  it('POLYAXON_GIT_CREDENTIALS (user:password) from a KEY=VALUE secret', async () => {
    const { capture, sources } = await run('polyaxon', src('', 'px'), { px: `POLYAXON_GIT_CREDENTIALS=alice:${PASSWORD}` })
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(sources.app.commit).toBe(sha.c3)
  })

  it("the `token` input serves https URLs on GITHUB_SERVER_URL's host when a source has no secret", async () => {
    const ws = path.join(root, 'ws', 'token-input')
    await fs.mkdir(ws, { recursive: true })
    const spec = `version: 1\nsources:\n  - {name: app, url: ${server.url}/app.git}\n`
    const capture = await runSpec({ workspace: ws, spec, inputs: { token: TOKEN }, env: { GITHUB_SERVER_URL: server.url } })
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(capture.logs.join('\n')).toMatch(/credentials: the `token` input for http:\/\/127\.0\.0\.1:\d+\//)
    expect(await leaks(capture, ws)).toEqual([])
  })

  it.each([
    ['lightweight tag', 'light', 'refs/tags/light', 'c2'],
    ['annotated tag (peeled)', 'v1', 'refs/tags/v1', 'c1'],
    ['refs/… revision', 'refs/heads/feature', 'refs/heads/feature', 'feature'],
    ['abbreviated SHA', 'ABBREV', '', 'c2']
  ])('%s', async (_label, revision, ref, key) => {
    const rev = revision === 'ABBREV' ? sha.c2!.slice(0, 9) : revision
    const { ws, capture, sources } = await run(`rev-${key}-${ref.replace(/\W/g, '')}`, src(`git: {revision: "${rev}"}`))
    expect(capture.error).toBeUndefined()
    expect(sources.app).toMatchObject({ ref, commit: sha[key!] })
    expect(git(path.join(ws, 'app'), 'rev-parse', 'HEAD')).toBe(sha[key!])
  })

  it('depth 1 of a full SHA that is not a branch tip', async () => {
    const { ws, capture, sources } = await run('sha', src(`git: {revision: "${sha.c1}"}`))
    expect(capture.error).toBeUndefined()
    expect(sources.app).toMatchObject({ ref: '', commit: sha.c1 })
    expect(capture.outputs.ref).toBe('')
    expect(git(path.join(ws, 'app'), 'rev-list', '--count', 'HEAD')).toBe('1')
    expect(await fs.readFile(path.join(ws, 'app/src/a.txt'), 'utf8')).toBe('one\n')
  })

  it('a protocol v0 server that refuses a non-tip SHA: found through its branches instead', async () => {
    const v0 = await startGitHttp({ root: path.join(root, 'repos'), tokens: [TOKEN], v0: true })
    try {
      const spec = `version: 1\nsources:\n  - {name: app, url: ${v0.url}/app.git, secret: {name: app-token}, git: {revision: "${sha.c1}"}}\n`
      const { ws, capture } = await run('v0', spec)
      expect(capture.error, capture.logs.join('\n')).toBeUndefined()
      expect(capture.logs.join('\n')).toMatch(/does not serve commit .* directly/)
      expect(git(path.join(ws, 'app'), 'rev-parse', 'HEAD')).toBe(sha.c1)
      expect(v0.requests.every((r) => r.protocol === undefined)).toBe(true)
    } finally {
      await v0.close()
    }
  })

  it('full history with depth 0 brings tags and every commit', async () => {
    const { ws, capture } = await run('full', src('git: {depth: 0}'))
    expect(capture.error).toBeUndefined()
    expect(git(path.join(ws, 'app'), 'rev-list', '--count', 'HEAD')).toBe('3')
    expect(git(path.join(ws, 'app'), 'tag', '--list').split('\n').sort()).toEqual(['light', 'v1'])
  })

  it('wrong credentials fail at once with a clear 401 message naming the source and the secret', async () => {
    const started = Date.now()
    const { capture } = await run('wrong', src(''), { 'app-token': 'not-the-token-123' })
    expect(Date.now() - started).toBeLessThan(15_000)
    const text = (await capture.everything()) + String(capture.error)
    expect(text).toMatch(/app: authentication to http:\/\/127\.0\.0\.1:\d+\/app\.git failed: the server refused secret "app-token"/)
    expect(text).not.toMatch(/retry/)
    expect(await fs.stat(path.join(root, 'ws/wrong/app')).catch(() => undefined)).toBeUndefined()
  })

  it('no credentials for a private repository: says to add a secret', async () => {
    const spec = `version: 1\nsources:\n  - {name: app, url: ${server.url}/app.git}\n`
    const { capture } = await run('anon', spec, {})
    expect(String(capture.error)).toMatch(/app/)
    expect(capture.logs.join('\n')).toMatch(/no credentials are configured for it/)
  })

  it('re-run on an existing checkout: in place, nothing downloaded, local changes cleaned', async () => {
    const spec = src('')
    const first = await run('rerun', spec)
    expect(first.capture.error).toBeUndefined()
    const dest = path.join(first.ws, 'app')
    const inode = (await fs.stat(path.join(dest, 'README.md'))).ino
    await fs.writeFile(path.join(dest, 'src/a.txt'), 'edited\n')
    await fs.writeFile(path.join(dest, 'junk.txt'), 'junk\n')
    const before = server.requests.filter((r) => r.method === 'POST').length
    const second = await run('rerun', spec)
    expect(second.capture.error).toBeUndefined()
    expect(second.sources.app.commit).toBe(sha.c3)
    expect(second.capture.logs.join('\n')).toMatch(/updating the existing checkout .* in place/)
    expect(second.capture.logs.join('\n')).toMatch(/nothing downloaded/)
    expect((await fs.stat(path.join(dest, 'README.md'))).ino).toBe(inode)
    expect(await fs.readFile(path.join(dest, 'src/a.txt'), 'utf8')).toBe('three\n')
    expect(await fs.stat(path.join(dest, 'junk.txt')).catch(() => undefined)).toBeUndefined()
    // Only the ls-remote round trip: no upload-pack fetch.
    expect(server.requests.filter((r) => r.method === 'POST').length - before).toBe(1)
    // A different revision on the same checkout fetches just that.
    const third = await run('rerun', src(`git: {revision: "${sha.c1}"}`))
    expect(third.sources.app.commit).toBe(sha.c1)
    expect(await fs.readFile(path.join(dest, 'src/a.txt'), 'utf8')).toBe('one\n')
  })

  it('sparse: cone directories only, with a blob filter', async () => {
    const { ws, capture } = await run('sparse', src('git: {sparse: [docs/deep]}'))
    expect(capture.error).toBeUndefined()
    const dest = path.join(ws, 'app')
    expect(await fs.readFile(path.join(dest, 'docs/deep/x.md'), 'utf8')).toBe('x\n')
    expect(await fs.readFile(path.join(dest, 'README.md'), 'utf8')).toBe('# app\n')
    expect(await fs.stat(path.join(dest, 'src')).catch(() => undefined)).toBeUndefined()
    // Cone mode keeps the files directly inside each parent of a listed directory.
    expect(await fs.readFile(path.join(dest, 'docs/guide.md'), 'utf8')).toBe('guide\n')
    expect(git(dest, 'config', 'remote.origin.partialclonefilter')).toBe('blob:none')
  })

  it('subdirectory: only that directory lands', async () => {
    const { ws, capture, sources } = await run('subdir', src('subdirectory: docs'))
    expect(capture.error).toBeUndefined()
    expect((await fs.readdir(path.join(ws, 'app'))).sort()).toEqual(['deep', 'guide.md'])
    expect(sources.app.commit).toBe(sha.c3)
  })

  it('submodule on another host gets the credentials of the source whose URL matches it', async () => {
    const before = libServer.requests.length
    const spec = `version: 1
sources:
  - {name: super, url: ${server.url}/super.git, secret: {name: app-token}, git: {submodules: true}}
  - {name: lib, url: ${libServer.url}/lib.git, secret: {name: lib-token}}
`
    const { ws, capture, sources } = await run('submodules', spec, { 'app-token': TOKEN, 'lib-token': LIB_TOKEN })
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(sources.super.commit).toBe(sha.super)
    expect(await fs.readFile(path.join(ws, 'super/vendor/lib/lib.txt'), 'utf8')).toBe('library\n')
    expect(git(path.join(ws, 'super/vendor/lib'), 'rev-parse', 'HEAD')).toBe(sha.lib)
    // Each server only ever saw its own credential.
    const b64 = (s: string) => Buffer.from(`x-access-token:${s}`).toString('base64')
    expect(libServer.requests.slice(before).every((r) => !r.authorization || r.authorization.includes(b64(LIB_TOKEN)))).toBe(true)
    expect(server.requests.every((r) => !r.authorization?.includes(b64(LIB_TOKEN)))).toBe(true)
  })

  it('git itself refuses an ext:: submodule (protocol.allow)', async () => {
    const spec = `version: 1\nsources:\n  - {name: evil, url: ${server.url}/evil.git, secret: {name: app-token}, git: {submodules: true}}\n`
    const { capture } = await run('ext', spec)
    expect(capture.logs.join('\n'), capture.logs.join('\n')).toMatch(/evil: git refused the transport/)
    expect(await fs.stat(path.join(root, 'pwned')).catch(() => undefined)).toBeUndefined()
  })

  it('allow-list: a flag outside it is a spec error', async () => {
    const { capture } = await run('flags', src('git: {flags: ["--upload-pack=touch /tmp/x"]}'))
    expect(String(capture.error)).toMatch(/git flag "--upload-pack=touch \/tmp\/x" is not allowed/)
  })

  it('several sources concurrently: one failing is named, the others land', async () => {
    const spec = `version: 1
sources:
  - {name: one, url: ${server.url}/app.git, secret: {name: app-token}, git: {revision: feature}}
  - {name: two, url: ${server.url}/app.git, secret: {name: app-token}, git: {revision: v1}}
  - {name: bad, url: ${server.url}/app.git, secret: {name: app-token}, git: {revision: no-such-branch}}
  - {name: lib, url: ${libServer.url}/lib.git, secret: {name: lib-token}}
`
    const { ws, capture } = await run('many', spec, { 'app-token': TOKEN, 'lib-token': LIB_TOKEN })
    expect(String(capture.error)).toMatch(/1 of 4 sources failed: bad; the other 3 landed complete/)
    expect(capture.logs.join('\n')).toMatch(/bad: the remote has no branch or tag named "no-such-branch"/)
    expect(git(path.join(ws, 'one'), 'rev-parse', 'HEAD')).toBe(sha.feature)
    expect(git(path.join(ws, 'two'), 'rev-parse', 'HEAD')).toBe(sha.c1)
    expect(await fs.readFile(path.join(ws, 'lib/lib.txt'), 'utf8')).toBe('library\n')
    expect(await fs.stat(path.join(ws, 'bad')).catch(() => undefined)).toBeUndefined()
  })

  it('persist-credentials: later git commands work, .git/config holds only an include path', async () => {
    const { ws, capture } = await run('persist', src(''), { 'app-token': TOKEN }, { 'persist-credentials': 'true' })
    expect(capture.error).toBeUndefined()
    const dest = path.join(ws, 'app')
    const include = git(dest, 'config', '--local', 'include.path')
    expect(include).toMatch(/fetch-sources-git-creds-[0-9a-f]+\/config$/)
    // Asynchronously: the server runs in this process.
    const { stdout } = await execFileAsync('git', ['ls-remote', 'origin', 'refs/heads/main'], { cwd: dest, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } })
    expect(stdout).toContain(sha.c3)
    await fs.rm(path.dirname(include), { recursive: true, force: true })
    // A later run without it removes the include.
    const again = await run('persist', src(''))
    expect(again.capture.error).toBeUndefined()
    expect(await fs.readFile(path.join(dest, '.git/config'), 'utf8')).not.toContain('fetch-sources-git-creds')
  })

  // Last: it moves main on the server.
  it('frozen: a lock file replays the locked commit after the branch moved', async () => {
    const first = await run('frozen', src(''))
    expect(first.sources.app.commit).toBe(sha.c3)
    const lock = path.join(`${first.ws}-runner-temp`, 'sources.lock.json')
    const saved = path.join(root, 'frozen.lock.json')
    await fs.copyFile(lock, saved)
    const work = path.join(root, 'repos', 'app-work')
    const c4 = await commit(work, { 'src/a.txt': 'four\n' }, 'c4')
    git(work, 'push', '-q', path.join(root, 'repos', 'app.git'), 'main')
    const fresh = await run('frozen-fresh', src(''))
    expect(fresh.sources.app.commit).toBe(c4)
    const replay = await run('frozen-replay', src(''), { 'app-token': TOKEN }, { frozen: saved })
    expect(replay.capture.error, replay.capture.logs.join('\n')).toBeUndefined()
    expect(replay.sources.app.commit).toBe(sha.c3)
    expect(await fs.readFile(path.join(replay.ws, 'app/src/a.txt'), 'utf8')).toBe('three\n')
  })
})
