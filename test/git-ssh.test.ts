import { execFile, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { derivedForms } from '../src/connections/redactor.js'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { commit, makeRepo } from './servers/git-http.js'
import { startConnectProxy } from './servers/connect-proxy.js'
import { startSshd, type SshServer } from './servers/sshd.js'

const execFileAsync = promisify(execFile)

let root: string
let sshd: SshServer
let url: string
let head: string
let otherKey: string
let otherHostLine: string

function keyForms(key: string): string[] {
  // The whole key, its base64 body lines, and their derived forms.
  const lines = key.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))
  return [key, key.trim(), ...lines].flatMap((v) => derivedForms(v))
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim()
}

/** The processes of this user whose command line or environment contains `text`. */
function processesHolding(text: string): string[] {
  const found: string[] = []
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    for (const file of ['cmdline', 'environ']) {
      try {
        if (readFileSync(`/proc/${pid}/${file}`).includes(text))
          found.push(`${pid} ${file}: ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ')}`)
      } catch {
        // Another user's process, or one that has exited.
      }
    }
  }
  return found
}

async function leaks(capture: RunCapture, ws: string, key: string): Promise<string[]> {
  const config = await fs.readFile(path.join(ws, 'app/.git/config'), 'utf8').catch(() => '')
  const text = [await capture.everything(), String(capture.error), config].join('\n')
  return keyForms(key).filter((f) => text.includes(f))
}

async function run(name: string, spec: string, secrets: Record<string, string>) {
  const ws = path.join(root, 'ws', name)
  await fs.mkdir(ws, { recursive: true })
  const capture = await runSpec({ workspace: ws, spec, secrets })
  expect(await leaks(capture, ws, sshd.userKey)).toEqual([])
  // No key file outlives the run.
  const temp = `${ws}-runner-temp`
  const left = execFileSync('sh', ['-c', `grep -rl "PRIVATE KEY" ${temp} 2>/dev/null || true`], { encoding: 'utf8' }).trim()
  expect(left).toBe('')
  return { ws, capture, sources: capture.outputs.sources ? JSON.parse(capture.outputs.sources) : {} }
}

const spec = (knownHosts: string) => `version: 1
connections:
  - name: app
    kind: git
    schema: {url: "${url}", knownHosts: ["${knownHosts}"]}
    secret: {name: deploy-key}
sources:
  - connection: app
`

beforeAll(async () => {
  root = await tempDir('fs-git-ssh-')
  sshd = await startSshd(path.join(root, 'sshd'))
  const repos = path.join(root, 'repos')
  await fs.mkdir(repos)
  await makeRepo(repos, 'app', async (w) => {
    head = await commit(w, { 'hello.txt': 'over ssh\n' }, 'c1')
  })
  url = `ssh://root@127.0.0.1:${sshd.port}${repos}/app.git`
  const other = path.join(root, 'other')
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other])
  otherKey = await fs.readFile(other, 'utf8')
  otherHostLine = `[127.0.0.1]:${sshd.port} ${(await fs.readFile(`${other}.pub`, 'utf8')).trim().split(' ').slice(0, 2).join(' ')}`
})

afterAll(async () => {
  await sshd?.close()
  await fs.rm(root, { recursive: true, force: true })
})

describe('git over ssh', () => {
  it('key from the secret, host key from schema.knownHosts, checked strictly', async () => {
    const { ws, capture, sources } = await run('ok', spec(sshd.knownHosts), { 'deploy-key': sshd.userKey })
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(sources.app).toMatchObject({ commit: head, ref: 'refs/heads/main', url })
    expect(await fs.readFile(path.join(ws, 'app/hello.txt'), 'utf8')).toBe('over ssh\n')
  })

  it('SSH_PRIVATE_KEY and KNOWN_HOSTS keys of one secret', async () => {
    const s = `version: 1\nsources:\n  - {name: app, url: "${url}", secret: {name: deploy}}\n`
    const { capture, sources } = await run('fields', s, { deploy: JSON.stringify({ SSH_PRIVATE_KEY: sshd.userKey, KNOWN_HOSTS: sshd.knownHosts }) })
    expect(capture.error, capture.logs.join('\n')).toBeUndefined()
    expect(sources.app.commit).toBe(head)
  })

  it('refuses a server whose host key does not match known_hosts', async () => {
    const started = Date.now()
    const { ws, capture } = await run('mismatch', spec(otherHostLine), { 'deploy-key': sshd.userKey })
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(capture.logs.join('\n')).toMatch(
      /app: the SSH host key of ssh:\/\/root@127\.0\.0\.1:\d+\/.*app\.git is not trusted \(host key verification failed\)/
    )
    expect(await fs.stat(path.join(ws, 'app')).catch(() => undefined)).toBeUndefined()
  })

  it('refuses an unknown host (no known_hosts line): no trust on first use', async () => {
    const s = `version: 1\nsources:\n  - {name: app, url: "${url}", secret: {name: deploy-key}}\n`
    const { capture } = await run('unknown', s, { 'deploy-key': sshd.userKey })
    expect(capture.logs.join('\n')).toMatch(/host key verification failed/)
  })

  it('a key the server does not accept: clear message naming the secret', async () => {
    const ws = path.join(root, 'ws', 'wrong-key')
    await fs.mkdir(ws, { recursive: true })
    const capture = await runSpec({ workspace: ws, spec: spec(sshd.knownHosts), secrets: { 'deploy-key': otherKey } })
    expect(capture.logs.join('\n')).toMatch(/app: the SSH server of .* refused SSH key from secret "deploy-key"/)
    expect(keyForms(otherKey).filter((f) => capture.logs.join('\n').includes(f))).toEqual([])
  })

  // ADS documents `ssh_proxy` in the runtime's env for the clone; it is an HTTP CONNECT proxy.
  it('ADS `ssh_proxy`: the clone goes through the HTTP CONNECT proxy, its password never on a command line', async () => {
    const password = `proxy-pw-${randomBytes(8).toString('hex')}`
    const proxy = await startConnectProxy(`tunnel:${password}`)
    // While a tunnel is asked for, ssh, git and the proxy command are running: none may hold the
    // password in its argv (world-readable) or its environment (GIT_SSH_COMMAND).
    const holders: string[] = []
    proxy.onTunnel = () => holders.push(...processesHolding(password))
    try {
      const ads = (address: string) => `runtime:
  kind: python
  type: git
  spec:
    uri: "${url}"
    gitSecretId: deploy
    env:
      - {name: ssh_proxy, value: "${address}"}
`
      const address = `tunnel:${password}@${proxy.address}`
      const secrets = { deploy: JSON.stringify({ SSH_PRIVATE_KEY: sshd.userKey, KNOWN_HOSTS: sshd.knownHosts }) }
      const ws = path.join(root, 'ws', 'ssh-proxy')
      await fs.mkdir(ws, { recursive: true })
      const capture = await runSpec({ workspace: ws, spec: ads(address), secrets, inputs: { 'persist-credentials': 'true' } })
      expect(capture.error, capture.logs.join('\n')).toBeUndefined()
      expect(JSON.parse(capture.outputs.sources!).code.commit).toBe(head)
      expect(await fs.readFile(path.join(ws, 'code/hello.txt'), 'utf8')).toBe('over ssh\n')
      expect(proxy.tunnels).toContain(`127.0.0.1:${sshd.port}`)
      // The persisted config names the script; the password stays in the 0600 file beside it.
      const include = git(path.join(ws, 'code'), 'config', '--local', 'include.path')
      const persisted = await fs.readFile(include, 'utf8')
      expect(persisted).toMatch(/ProxyCommand=.*connect-proxy\.cjs\S* %h %p/)
      expect(persisted + (await fs.readFile(path.join(ws, 'code/.git/config'), 'utf8')) + (await capture.everything())).not.toContain(password)
      // Later git commands in the checkout still tunnel through the proxy (asynchronously: it runs here).
      proxy.tunnels.length = 0
      const { stdout } = await execFileAsync('git', ['ls-remote', 'origin', 'HEAD'], { cwd: path.join(ws, 'code') })
      expect(stdout).toContain(head)
      expect(proxy.tunnels).toEqual([`127.0.0.1:${sshd.port}`])
      await fs.rm(path.dirname(include), { recursive: true, force: true })

      // A proxy that refuses the tunnel stops the clone: the connection never went around it.
      proxy.refuse = true
      proxy.tunnels.length = 0
      const refused = await run('ssh-proxy-refused', ads(address), secrets)
      expect(refused.capture.error).toBeDefined()
      expect(proxy.tunnels.length).toBeGreaterThan(0)
      expect(refused.capture.logs.join('\n')).toMatch(
        /error: code: the ssh proxy 127\.0\.0\.1:\d+ for ssh:\/\/.*: refused the tunnel: HTTP\/1\.1 403 Forbidden/
      )
      expect(await refused.capture.everything()).not.toContain(password)
      expect(holders).toEqual([])
    } finally {
      await proxy.close()
    }
  })
})
