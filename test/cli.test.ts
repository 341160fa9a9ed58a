/**
 * The CLI behaves like a CLI (issue 15): path flags are relative to where it runs, messages name
 * its flags, a failure is said once, a missing --secrets-file is one clear line, and what it says
 * it persisted is really there afterwards. Each test spawns the CLI from source.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from './helpers/harness.js'
import { spawnCli } from './security/helpers/cli.js'
import { commit, makeRepo, startGitHttp, type GitHttpServer } from './servers/git-http.js'

let root: string
let here: string
let server: GitHttpServer
const TOKEN = 'cli-test-token-5f3e9a'

beforeAll(async () => {
  root = await tempDir('fs-cli-')
  here = path.join(root, 'here')
  await fs.mkdir(path.join(here, 'data'), { recursive: true })
  await fs.writeFile(path.join(here, 'data', 'a.txt'), 'a\n')
  await fs.writeFile(path.join(here, 'spec.yaml'), 'version: 1\nsources:\n  - {name: local, url: ./data, path: copied}\n')
  const repos = path.join(root, 'repos')
  await makeRepo(repos, 'app', async (w) => void (await commit(w, { 'README.md': 'app\n' }, 'one')))
  server = await startGitHttp({ root: repos, tokens: [TOKEN] })
})
afterAll(async () => {
  await server?.close()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

const cli = (args: string[], env: Record<string, string> = {}) => spawnCli(args, { cwd: here, env: { TMPDIR: path.join(root, 'tmp'), ...env } }).done

describe('the CLI', () => {
  it('reads --spec, --lock-file and --frozen relative to where it runs, not to --workspace', async () => {
    await fs.mkdir(path.join(root, 'tmp'), { recursive: true })
    const ws = path.join(root, 'ws-paths')
    // The host path inside the spec is the workspace's business (the spec's own words), so it is absolute here.
    await fs.writeFile(path.join(here, 'spec.yaml'), `version: 1\nsources:\n  - {name: local, url: ${path.join(here, 'data')}, path: copied}\n`)
    const first = await cli(['--spec', 'spec.yaml', '--workspace', ws, '--lock-file', 'out/lock.json'])
    expect(first.code, first.stderr).toBe(0)
    expect(await fs.readFile(path.join(ws, 'copied', 'a.txt'), 'utf8')).toBe('a\n')
    expect(JSON.parse(first.stdout)['lock-file']).toBe(path.join(here, 'out', 'lock.json'))
    const replay = await cli(['--spec', 'spec.yaml', '--workspace', ws, '--frozen', 'out/lock.json', '--lock-file', 'out/again.json'])
    expect(replay.code, replay.stderr).toBe(0)
  })

  it('names its flags in messages, not action inputs', async () => {
    const none = await cli(['--workspace', path.join(root, 'ws-none')])
    expect(none.stderr).toContain('nothing to fetch: set `--spec` (a run spec), `--url` (one source) or `--repository` (owner/name;')
    expect(none.stderr).not.toMatch(/`spec` input|input `/)
    const bad = await cli(['--url', './data', '--concurrency', '0'])
    expect(bad.stderr).toContain('`--concurrency` must be a whole number from 1 to 256, got "0"')
    const quick = await cli(['--url', 's3://b/p', '--revision', 'main'])
    expect(quick.stderr).toContain('`--revision` applies to git URLs only')
  })

  it('a missing --secrets-file is one clear line, not a raw ENOENT', async () => {
    const res = await cli(['--url', './data', '--secrets-file', 'nope.json'])
    expect(res.code).toBe(1)
    expect(res.stderr).toContain(`--secrets-file ${path.join(here, 'nope.json')} not found`)
    expect(res.stderr).not.toContain('ENOENT')
  })

  it('says a failure once, and does not speak of "the others" when there are none', async () => {
    const res = await cli(['--url', `${server.url}/app.git`, '--workspace', path.join(root, 'ws-fail')], { GITHUB_SERVER_URL: 'https://github.com' })
    expect(res.code).toBe(1)
    const lines = res.stderr.split('\n')
    const auth = lines.filter((l) => l.includes('authentication to'))
    expect(auth, res.stderr).toHaveLength(1)
    expect(auth[0]).toMatch(/^error: app: authentication to /)
    expect(res.stderr).toContain('error: 1 of 1 source failed: app; no lock file was written')
    expect(res.stderr).not.toContain('others landed')
  })

  it('--persist-credentials leaves working credentials in the checkout and says where', async () => {
    const ws = path.join(root, 'ws-persist')
    const secrets = path.join(root, 'secrets.json')
    await fs.writeFile(secrets, JSON.stringify({ APP: TOKEN }))
    const spec = `version: 1\nsources:\n  - {name: app, url: "${server.url}/app.git", secret: {name: APP}}\n`
    const res = await cli(['--spec', spec, '--workspace', ws, '--secrets-file', secrets, '--persist-credentials'])
    expect(res.code, res.stderr).toBe(0)
    const kept = /git credentials kept in (\S+) for git commands in the checkout/.exec(res.stderr)?.[1]
    expect(kept, res.stderr).toBeDefined()
    // A later git command in the checkout authenticates with them (async: the server is in this process).
    const { stdout: remote } = await promisify(execFile)('git', ['ls-remote', 'origin', 'HEAD'], {
      cwd: path.join(ws, 'app'),
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      timeout: 30_000
    })
    expect(remote).toMatch(/^[0-9a-f]{40}\tHEAD/)
    expect(await fs.readFile(path.join(ws, 'app', '.git', 'config'), 'utf8')).not.toContain(TOKEN)
    await fs.rm(kept!, { recursive: true, force: true })
  })

  it('keeps the lock file of a checkout at the workspace root in .git: git status stays clean', async () => {
    const ws = path.join(root, 'ws-root')
    const secrets = path.join(root, 'secrets-root.json')
    await fs.writeFile(secrets, JSON.stringify({ APP: TOKEN }))
    const spec = `version: 1\nsources:\n  - {name: app, url: "${server.url}/app.git", secret: {name: APP}, path: .}\n`
    const res = await cli(['--spec', spec, '--workspace', ws, '--secrets-file', secrets])
    expect(res.code, res.stderr).toBe(0)
    expect(JSON.parse(res.stdout)['lock-file']).toBe(path.join(ws, '.git', 'sources.lock.json'))
    expect(JSON.parse(await fs.readFile(path.join(ws, '.git', 'sources.lock.json'), 'utf8')).sources.app.commit).toMatch(/^[0-9a-f]{40}$/)
    const { stdout: status } = await promisify(execFile)('git', ['status', '--porcelain', '--ignored'], { cwd: ws, timeout: 30_000 })
    expect(status).toBe('')
  })

  it('names the directory of secret files (`secrets-dir`) and removes it when the process ends', async () => {
    const ws = path.join(root, 'ws-secret-files')
    const secrets = path.join(root, 'kv.json')
    await fs.writeFile(
      secrets,
      JSON.stringify({ 'aws-data': JSON.stringify({ AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEKEY', AWS_SECRET_ACCESS_KEY: 'secret-value-123' }) })
    )
    const spec = `version: 1\nconnections:\n  - {name: files, kind: host_path, schema: {hostPath: ${path.join(here, 'data')}}, secret: {name: aws-data, mountPath: /creds}}\nsources:\n  - connection: files\n`
    const res = await cli(['--spec', spec, '--workspace', ws, '--secrets-file', secrets])
    expect(res.code, res.stderr).toBe(0)
    const dir = JSON.parse(res.stdout)['secrets-dir'] as string
    expect(dir).toMatch(/fetch-sources-secrets-\d+$/)
    expect(res.stderr).toContain(`written to ${path.join(dir, 'files', 'creds')}`)
    await expect(fs.stat(dir)).rejects.toThrow()
  })
})
