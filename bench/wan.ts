import { fork, type ChildProcess } from 'node:child_process'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The `--wan` profile: round-trip time and bandwidth of the emulated runner link. */
export interface WanProfile {
  rttMs: number
  mbit: number
}

export const DEFAULT_WAN: WanProfile = { rttMs: 40, mbit: 200 }

/** The emulated link (`wan-link.ts`, in a process of its own so its timers keep time). */
export interface WanLink {
  profile: WanProfile
  /** A front for the server at `url` on the link: the same URL with the front's port. */
  front(url: string): Promise<string>
  stop(): Promise<void>
}

const LINK = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wan-link.ts')

export const wanText = (p: WanProfile): string => `${p.rttMs} ms RTT, ${p.mbit} Mbit/s`

export async function startWanLink(profile: WanProfile): Promise<WanLink> {
  const child: ChildProcess = fork(LINK, [JSON.stringify(profile)], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const waiting = new Map<number, { resolve: (port: number) => void; reject: (e: Error) => void }>()
  let nextId = 1
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the WAN link did not start within 20 s')), 20_000)
    child.once('exit', (code) => reject(new Error(`the WAN link exited with ${code}`)))
    child.on('message', (m: { ready?: true; id?: number; port?: number; error?: string }) => {
      if (m.ready) {
        clearTimeout(timer)
        resolve()
        return
      }
      const w = waiting.get(m.id ?? 0)
      waiting.delete(m.id ?? 0)
      if (m.error || !m.port) w?.reject(new Error(`WAN front: ${m.error ?? 'no port'}`))
      else w?.resolve(m.port)
    })
  })
  return {
    profile,
    async front(url) {
      const u = new URL(url)
      const id = nextId++
      const port = await new Promise<number>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        child.send({ id, host: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)) })
      })
      u.port = String(port)
      // URL keeps a trailing slash on an origin; give back what was given.
      const out = u.toString()
      return url.endsWith('/') || !out.endsWith('/') ? out : out.slice(0, -1)
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.disconnect()
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))])
      if (child.exitCode === null) process.kill(child.pid!, 'SIGKILL')
    }
  }
}
