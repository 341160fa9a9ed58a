import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { derivedForms } from '../src/connections/redactor.js'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { commit, makeRepo } from './servers/git-http.js'
import { startConnectProxy } from './servers/connect-proxy.js'
import { startSshd, type SshServer } from './servers/sshd.js'

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
  it('ADS `ssh_proxy`: the clone goes through the HTTP CONNECT proxy', async () => {
    const proxy = await startConnectProxy()
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
      const secrets = { deploy: JSON.stringify({ SSH_PRIVATE_KEY: sshd.userKey, KNOWN_HOSTS: sshd.knownHosts }) }
      const { ws, capture, sources } = await run('ssh-proxy', ads(proxy.address), secrets)
      expect(capture.error, capture.logs.join('\n')).toBeUndefined()
      expect(sources.code.commit).toBe(head)
      expect(await fs.readFile(path.join(ws, 'code/hello.txt'), 'utf8')).toBe('over ssh\n')
      expect(proxy.tunnels).toContain(`127.0.0.1:${sshd.port}`)
      // A proxy that refuses the tunnel stops the clone: the connection never went around it.
      proxy.refuse = true
      proxy.tunnels.length = 0
      const refused = await run('ssh-proxy-refused', ads(proxy.address), secrets)
      expect(refused.capture.error).toBeDefined()
      expect(proxy.tunnels.length).toBeGreaterThan(0)
      expect(refused.capture.logs.join('\n')).toMatch(
        /error: code: the ssh proxy 127\.0\.0\.1:\d+ for ssh:\/\/.*: refused the tunnel: HTTP\/1\.1 403 Forbidden/
      )
    } finally {
      await proxy.close()
    }
  })
})
