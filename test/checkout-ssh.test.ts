import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { derivedForms } from '../src/connections/redactor.js'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { commit, git, makeRepo } from './servers/git-http.js'
import { startSshd, type SshServer } from './servers/sshd.js'

/**
 * checkout's SSH inputs against a real sshd on loopback: `ssh-key` as a masked secret,
 * `ssh-known-hosts` and the runner user's `~/.ssh/known_hosts` trusted for every git source (an
 * ADS file whose `gitSecretId` is a bare key for a host that is not github.com needs nothing
 * else), `ssh-strict: false` accepting an unknown host key but never a changed one.
 */
let root: string
let home: string
let sshd: SshServer
let repos: string
let head: string
let wrongHostLine: string

const ADS = readFileSync(path.resolve(import.meta.dirname, 'fixtures/dialects/ads/git.yaml'), 'utf8')

function keyForms(key: string): string[] {
  const lines = key.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))
  return [key.trim(), ...lines].flatMap((v) => derivedForms(v))
}

async function run(
  name: string,
  o: { spec?: string; inputs?: Record<string, string>; secrets?: Record<string, string>; knownHosts?: string }
): Promise<RunCapture> {
  const ws = path.join(root, 'ws', name)
  await fs.mkdir(ws, { recursive: true })
  // The runner user's home: its known_hosts is the test's, or there is none.
  const userHome = path.join(root, 'homes', name)
  await fs.mkdir(path.join(userHome, '.ssh'), { recursive: true })
  if (o.knownHosts) await fs.writeFile(path.join(userHome, '.ssh', 'known_hosts'), o.knownHosts)
  const capture = await runSpec({
    workspace: ws,
    ...(o.spec ? { spec: o.spec } : {}),
    ...(o.inputs ? { inputs: o.inputs } : {}),
    ...(o.secrets ? { secrets: o.secrets } : {}),
    env: { HOME: userHome }
  })
  const text = [
    await capture.everything(),
    String(capture.error ?? ''),
    await fs.readFile(path.join(ws, 'code', '.git', 'config'), 'utf8').catch(() => '')
  ].join('\n')
  expect(keyForms(sshd.userKey).filter((f) => text.includes(f))).toEqual([])
  return capture
}

/** The ADS fixture pointed at the loopback sshd (the machine has no `git` account: root logs in). */
const adsSpec = (): string =>
  ADS.replace('git@github.com:username/repository.git', `ssh://root@127.0.0.1:${sshd.port}${repos}/app.git`)
    .replace(/\n\s+commit: abcdef/, '')
    .replace('branch: develop', 'branch: main')

beforeAll(async () => {
  root = await tempDir('fs-checkout-ssh-')
  home = path.join(root, 'home')
  await fs.mkdir(home)
  process.env.HOME = home
  sshd = await startSshd(path.join(root, 'sshd'))
  repos = path.join(root, 'repos')
  await fs.mkdir(repos)
  await makeRepo(repos, 'app', async (w) => {
    head = await commit(w, { 'train.py': 'print("over ssh")\n' }, 'c1')
  })
  const other = path.join(root, 'other-host-key')
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other])
  wrongHostLine = `[127.0.0.1]:${sshd.port} ${(await fs.readFile(`${other}.pub`, 'utf8')).trim().split(' ').slice(0, 2).join(' ')}`
})

afterAll(async () => {
  await sshd?.close()
  await fs.rm(root, { recursive: true, force: true })
})

describe('ssh-known-hosts and the runner user’s known_hosts serve every git source', () => {
  it('ADS: a bare key in gitSecretId and the host in `ssh-known-hosts` (no JSON secret needed)', async () => {
    const c = await run('ads-input', { spec: adsSpec(), secrets: { 'ocid1.xxxxxx': sshd.userKey }, inputs: { 'ssh-known-hosts': sshd.knownHosts } })
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(c.outputs.commit).toBe(head)
  })

  it("ADS: the host in the runner user's ~/.ssh/known_hosts", async () => {
    const c = await run('ads-home', { spec: adsSpec(), secrets: { 'ocid1.xxxxxx': sshd.userKey }, knownHosts: `${sshd.knownHosts}\n` })
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(c.outputs.commit).toBe(head)
  })

  it('neither: the unknown host is refused (ssh-strict defaults to true)', async () => {
    const c = await run('ads-unknown', { spec: adsSpec(), secrets: { 'ocid1.xxxxxx': sshd.userKey } })
    expect(c.logs.join('\n')).toMatch(/host key verification failed/)
  })

  it('ssh-strict: false accepts an unknown host key, and still refuses a changed one', async () => {
    const accepted = await run('lax-unknown', { spec: adsSpec(), secrets: { 'ocid1.xxxxxx': sshd.userKey }, inputs: { 'ssh-strict': 'false' } })
    expect(accepted.error, accepted.logs.join('\n')).toBeUndefined()
    expect(accepted.outputs.commit).toBe(head)
    const changed = await run('lax-changed', {
      spec: adsSpec(),
      secrets: { 'ocid1.xxxxxx': sshd.userKey },
      inputs: { 'ssh-strict': 'false', 'ssh-known-hosts': wrongHostLine }
    })
    expect(changed.logs.join('\n')).toMatch(/host key verification failed/)
  })
})

describe('ssh-key as an input', () => {
  it('quick mode: an ssh URL, the key from `ssh-key`, masked and gone after the run', async () => {
    const c = await run('quick-key', {
      inputs: { url: `ssh://root@127.0.0.1:${sshd.port}${repos}/app.git`, path: 'code', 'ssh-key': sshd.userKey, 'ssh-known-hosts': sshd.knownHosts }
    })
    expect(c.error, c.logs.join('\n')).toBeUndefined()
    expect(c.outputs.commit).toBe(head)
    expect(c.logs.join('\n')).toContain('credentials: SSH key from the `ssh-key` input')
    expect(git(path.join(root, 'ws', 'quick-key', 'code'), 'rev-parse', 'HEAD')).toBe(head)
    const temp = path.join(root, 'ws', 'quick-key-runner-temp')
    expect(execFileSync('sh', ['-c', `grep -rl "PRIVATE KEY" ${temp} 2>/dev/null || true`], { encoding: 'utf8' }).trim()).toBe('')
  })

  it('quick mode: `ssh-key` with an https URL is refused before anything runs', async () => {
    const c = await run('quick-https', { inputs: { url: 'https://git.example.com/o/r.git', 'ssh-key': sshd.userKey } })
    expect(String(c.error)).toContain('input `ssh-key` needs an SSH URL')
  })
})
