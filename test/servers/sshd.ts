import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as net from 'node:net'
import * as path from 'node:path'

/**
 * A real OpenSSH server on 127.0.0.1 for git-over-ssh tests: host and user keys generated per run
 * in `dir`, public-key login as root only, no PAM. Git runs over it as on any forge
 * (`ssh://root@127.0.0.1:PORT/abs/path/repo.git`).
 */
export interface SshServer {
  port: number
  /** The user's private key (OpenSSH format). */
  userKey: string
  /** A known_hosts line for this server's host key. */
  knownHosts: string
  close(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

async function waitForBanner(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}`)
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1')
      sock.once('data', (d) => {
        sock.destroy()
        resolve(d.toString().startsWith('SSH-'))
      })
      sock.once('error', () => resolve(false))
      sock.setTimeout(1000, () => {
        sock.destroy()
        resolve(false)
      })
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('sshd did not start')
}

export async function startSshd(dir: string): Promise<SshServer> {
  await fs.mkdir(dir, { recursive: true })
  await fs.mkdir('/run/sshd', { recursive: true })
  const hostKey = path.join(dir, 'host_ed25519')
  const userKey = path.join(dir, 'user_ed25519')
  for (const k of [hostKey, userKey]) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'fetch-sources-test', '-f', k])
  await fs.copyFile(`${userKey}.pub`, path.join(dir, 'authorized_keys'))
  const port = await freePort()
  const config = path.join(dir, 'sshd_config')
  await fs.writeFile(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PermitRootLogin prohibit-password',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'AcceptEnv GIT_PROTOCOL',
      'LogLevel ERROR',
      ''
    ].join('\n')
  )
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] })
  child.stderr?.resume()
  await waitForBanner(port, child)
  const pub = (await fs.readFile(`${hostKey}.pub`, 'utf8')).trim().split(' ')
  return {
    port,
    userKey: await fs.readFile(userKey, 'utf8'),
    knownHosts: `[127.0.0.1]:${port} ${pub[0]} ${pub[1]}`,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
    }
  }
}
