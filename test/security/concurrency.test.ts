/**
 * Two runs into one workspace at once (issue 13, item 7): two CLI processes, same destination,
 * different content. They must not corrupt each other: the second waits for the first, or fails
 * with a clear line that mentions the other run. Every run that exits 0 reports what was on disk
 * when it exited (`commit` for git, the digest for an object source); at the end the disk holds
 * what the last successful run reported; no staging is left (today run B removes run A's staging
 * as "leftovers of an interrupted run", and A fails with an unrelated error).
 *
 * The order is forced with events: run A is held mid-transfer by the server; run B starts; A is
 * released once B has reached the server (today), once B says it is waiting for another run, or
 * once B has exited. If B waits silently (a lock, the behaviour asked for), a fallback releases
 * A 5 s after B printed its plan (20 s after B started if it never does) — it only keeps the test
 * moving; the assertions hold for any interleaving.
 */
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/harness.js'
import { commit, git, makeRepo, startGitHttp, type GitHttpServer } from '../servers/git-http.js'
import { spawnCli, type CliExit, type CliProcess } from './helpers/cli.js'
import { stagingLeftovers } from './helpers/fs-state.js'
import { GatedHttp } from './helpers/gated-http.js'
import { GateProxy } from '../servers/gate-proxy.js'

const OTHER_RUN = /another (fetch-sources )?run|other run|already running|in use by|locked by|waiting for/i

let root: string
let upstream: GitHttpServer
let shas: [string, string]

beforeAll(async () => {
  root = await tempDir('fs-sec-concurrency-')
  const repos = path.join(root, 'repos')
  await fs.mkdir(repos)
  const made: string[] = []
  await makeRepo(repos, 'app', async (work) => {
    made.push(await commit(work, { 'main.py': 'revision one\n' }, 'one'))
    made.push(await commit(work, { 'main.py': 'revision two\n', 'extra.py': 'x\n' }, 'two'))
    git(work, 'branch', 'one', made[0]!)
  })
  shas = [made[0]!, made[1]!]
  // Scratch space of the CLI processes: inside the test's directory, removed with it.
  await fs.mkdir(path.join(root, 'tmp'))
  upstream = await startGitHttp({ root: repos })
})
afterAll(async () => {
  await upstream?.close()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

interface Finished {
  name: 'A' | 'B'
  exit: CliExit
  /** What the destination held at the moment the process exited. */
  diskAtExit: string
}

/**
 * Runs A, holds it (`held` resolves once it is parked), starts B, releases A when `bMoved`
 * resolves, B says it waits, B exits, or the fallback fires. Returns both in the order they exited.
 */
async function race(opts: {
  start: (name: 'A' | 'B', onExit: () => void) => CliProcess
  held: Promise<unknown>
  bMoved: Promise<unknown>
  release: () => void
  disk: () => string
}): Promise<Finished[]> {
  const order: Array<{ name: 'A' | 'B'; disk: string }> = []
  const a = opts.start('A', () => order.push({ name: 'A', disk: opts.disk() }))
  await opts.held
  const b = opts.start('B', () => order.push({ name: 'B', disk: opts.disk() }))
  // Counted from B's plan line (B is up and about to fetch), or from its start if it never plans.
  const timers: NodeJS.Timeout[] = []
  const after = (ms: number): Promise<void> => new Promise((resolve) => timers.push(setTimeout(resolve, ms)))
  const silentWait = Promise.race([b.line(/^plan \(/).then(() => after(5_000)), after(20_000)])
  await Promise.race([opts.bMoved, b.line(OTHER_RUN), b.done, silentWait])
  timers.forEach(clearTimeout)
  opts.release()
  const exits = { A: await a.done, B: await b.done }
  return order.map((o) => ({ name: o.name, exit: exits[o.name], diskAtExit: o.disk }))
}

/** The contract, given how to read what a successful run reported. */
function expectNoCorruption(finished: Finished[], reported: (exit: CliExit) => string): void {
  const story = finished.map((f) => `run ${f.name}: exit ${f.exit.code}${f.exit.signal ? ` (${f.exit.signal})` : ''}\n${f.exit.stderr}`).join('\n')
  expect(
    finished.map((f) => f.exit.killedByGuard),
    story
  ).toEqual([false, false])
  for (const f of finished) {
    if (f.exit.code === 0) expect(reported(f.exit), `run ${f.name} reported something other than what was on disk when it exited\n${story}`).toBe(f.diskAtExit)
    else
      expect(
        f.exit.stderr.split('\n').filter((l) => OTHER_RUN.test(l)),
        `run ${f.name} failed without a line about the other run\n${story}`
      ).not.toEqual([])
  }
  // A was first and mid-transfer: it is the one that must get through.
  expect(finished.find((f) => f.name === 'A')!.exit.code, `run A (first, holding the destination) failed\n${story}`).toBe(0)
  const lastOk = finished.filter((f) => f.exit.code === 0).at(-1)!
  expect(finished.at(-1)!.diskAtExit, `the disk does not hold what the last successful run (${lastOk.name}) reported\n${story}`).toBe(reported(lastOk.exit))
}

describe('item 7: two runs into one destination at once', () => {
  it('git, two revisions: no corruption, outputs match the disk, no staging left', async () => {
    const proxy = await new GateProxy(upstream.url).start()
    try {
      const ws = path.join(root, 'ws-git')
      await fs.mkdir(ws)
      const dest = path.join(ws, 'code')
      const held = new Promise((resolve) => proxy.once('held', resolve))
      proxy.hold((method, p) => method === 'POST' && p.endsWith('/git-upload-pack'))
      let heldSeen = false
      proxy.once('held', () => (heldSeen = true))
      const bMoved = new Promise((resolve) => proxy.on('request', () => heldSeen && resolve(undefined)))
      const finished = await race({
        start: (name, onExit) =>
          spawnCli(
            [
              '--url',
              `${proxy.url}/app.git`,
              '--revision',
              shas[name === 'A' ? 0 : 1],
              '--path',
              'code',
              '--workspace',
              ws,
              '--lock-file',
              path.join(root, `git-${name}.lock.json`)
            ],
            { onExit, env: { TMPDIR: path.join(root, 'tmp') } }
          ),
        held,
        bMoved,
        release: () => proxy.release(),
        disk: () => {
          try {
            return execFileSync('git', ['-C', dest, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
          } catch {
            return 'absent'
          }
        }
      })
      expectNoCorruption(finished, (exit) => (JSON.parse(exit.stdout) as { commit: string }).commit)
      expect(await stagingLeftovers(ws)).toEqual([])
    } finally {
      await proxy.stop()
    }
  })

  it('http object, two versions: no corruption, digests match the disk, no staging left', async () => {
    const web = await new GatedHttp().start()
    try {
      const v1 = Buffer.alloc(512 * 1024, 0x31)
      const v2 = Buffer.alloc(512 * 1024, 0x32)
      web.routes.set('/v1/model.bin', { body: v1, firstChunk: 64 * 1024 })
      web.routes.set('/v2/model.bin', { body: v2, firstChunk: 64 * 1024 })
      web.release('/v2/model.bin')
      const ws = path.join(root, 'ws-http')
      await fs.mkdir(ws)
      const file = path.join(ws, 'data', 'model.bin')
      const finished = await race({
        start: (name, onExit) =>
          spawnCli(
            [
              '--url',
              `${web.url}/${name === 'A' ? 'v1' : 'v2'}/model.bin`,
              '--path',
              'data',
              '--workspace',
              ws,
              '--lock-file',
              path.join(root, `http-${name}.lock.json`)
            ],
            { onExit, env: { TMPDIR: path.join(root, 'tmp') } }
          ),
        held: web.next('sent', '/v1/model.bin'),
        bMoved: web.next('request', '/v2/model.bin'),
        release: () => web.release('/v1/model.bin'),
        disk: () => {
          try {
            return `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`
          } catch {
            return 'absent'
          }
        }
      })
      expectNoCorruption(finished, (exit) => Object.values((JSON.parse(exit.stdout) as { sources: Record<string, { digest: string }> }).sources)[0]!.digest)
      expect(await stagingLeftovers(ws)).toEqual([])
    } finally {
      await web.stop()
    }
  })
})
