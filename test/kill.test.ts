/**
 * SIGKILL of the CLI (run from source) in the middle of fetching a tree of many small files: the
 * destination holds the previous complete version, or nothing if there was none, never a mix or a
 * partial tree; the next run removes what the killed one left and lands the new version.
 *
 * Every kill point is an event, not a delay: a gate in front of the server holds one request (or
 * its answer part-way) and the process group is killed the moment it is held. Staging is made
 * before the first request, and the source cannot complete while one of its requests is held, so
 * each kill lands mid-fetch, before the swap, whatever the machine's load.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from './helpers/harness.js'
import { GUARD_MS, contentOf, killWhenHeld, leftovers, runCli } from './helpers/kill-run.js'
import { GateProxy, type HoldOptions } from './servers/gate-proxy.js'
import { startGitHttp, type GitHttpServer } from './servers/git-http.js'
import { makeTar, startHttp, type HttpTestServer } from './servers/http.js'

const FILES = 960
const DIRS = 12
type Version = 'A' | 'B'
const fileName = (i: number): string => `d${i % DIRS}/f${i}.txt`
/** Distinct per file (so git packs 960 blobs), marked by its version's letter. */
const content = (v: Version, i: number): string => `${v.repeat(64)} ${i}\n`
/** The pack (about 58 KiB) and the archive (about 15 KiB) of this tree: a hold here is mid-body. */
const MID_BODY = 4096

let root: string
let upstream: GitHttpServer
let web: HttpTestServer
let gitGate: GateProxy
let webGate: GateProxy

/** A bare repository with the tree at version A on branch `a` and version B on `b` (no work tree). */
function makeTreeRepo(repos: string): void {
  const bare = path.join(repos, 'tree.git')
  execFileSync('git', ['init', '-q', '--bare', '-b', 'a', bare])
  const stream: string[] = []
  for (const v of ['A', 'B'] as const) {
    stream.push(`commit refs/heads/${v.toLowerCase()}`, 'committer Test <test@example.com> 0 +0000', 'data 1', v)
    if (v === 'B') stream.push('from refs/heads/a')
    for (let i = 0; i < FILES; i++) {
      const text = content(v, i)
      stream.push(`M 100644 inline ${fileName(i)}`, `data ${Buffer.byteLength(text)}`, text)
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: bare, input: stream.join('\n') + '\n' })
}

/** Which version the whole tree at `dest` holds: 'A', 'B', 'absent', or 'MIXED/PARTIAL(…)'. */
async function versionAt(dest: string): Promise<string> {
  if (!(await fs.stat(dest).catch(() => undefined))) return 'absent'
  const seen = new Set<string>()
  let count = 0
  for (const e of await fs.readdir(dest, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(dest, path.join(e.parentPath, e.name))
    if (!e.isFile() || rel.split(path.sep)[0] === '.git') continue
    const i = Number(/^f(\d+)\.txt$/.exec(e.name)?.[1] ?? -1)
    const text = await fs.readFile(path.join(e.parentPath, e.name), 'utf8')
    count++
    // A torn or misplaced file counts as a mix.
    seen.add((['A', 'B'] as const).find((v) => rel === fileName(i) && text === content(v, i)) ?? '?')
  }
  return seen.size === 1 && count === FILES && !seen.has('?') ? [...seen][0]! : `MIXED/PARTIAL(${[...seen].join('')}, ${count} files)`
}

beforeAll(async () => {
  root = await tempDir('fs-kill-')
  const repos = path.join(root, 'repos')
  await fs.mkdir(repos)
  makeTreeRepo(repos)
  upstream = await startGitHttp({ root: repos })
  gitGate = await new GateProxy(upstream.url).start()
  web = await startHttp()
  webGate = await new GateProxy(web.url).start()
})

afterAll(async () => {
  await gitGate?.stop()
  await webGate?.stop()
  await upstream?.close()
  await web?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

interface Source {
  /** The CLI arguments that fetch version `v` into `ws/data`. */
  args(v: Version, ws: string): string[]
  /** Makes version `v` the one the server has (archives; a git revision is in the arguments). */
  serve(v: Version): void
  /** More checks of a landed B, beyond its files. */
  verify?(dest: string): Promise<void> | void
}

const lockIn = (ws: string): string[] => ['--lock-file', path.join(ws, '..', `${path.basename(ws)}.lock.json`)]
/** Scratch space of the runs: inside the test's directory, removed with it, killed runs' too. */
const env = (): Record<string, string> => ({ RUNNER_TEMP: path.join(root, 'runner-temp') })

const git: Source = {
  args: (v, ws) => ['--url', `${gitGate.url}/tree.git`, '--revision', v.toLowerCase(), '--path', 'data', '--workspace', ws, ...lockIn(ws)],
  serve: () => undefined,
  verify: (dest) => {
    // A checkout of exactly `b`, nothing stray in the work tree.
    const at = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim()
    expect(at(dest, 'rev-parse', 'HEAD')).toBe(at(path.join(root, 'repos', 'tree.git'), 'rev-parse', 'refs/heads/b'))
    expect(at(dest, 'status', '--porcelain', '--ignored')).toBe('')
  }
}

const archive: Source = {
  args: (_, ws) => {
    const spec = `version: 1\nsources:\n  - {name: data, url: "${webGate.url}/tree.tar.gz", unpack: true, path: data}\n`
    return ['--spec', spec, '--workspace', ws, ...lockIn(ws)]
  },
  serve: (v) => {
    const entries = Array.from({ length: FILES }, (_, i) => ({ path: fileName(i), body: content(v, i) }))
    web.routes.set('/tree.tar.gz', { body: makeTar(entries, true) })
  }
}

interface KillPoint {
  /** Where the run is when it is killed, for messages. */
  at: string
  arm: [match: (method: string, p: string) => boolean, options?: HoldOptions]
}

/**
 * In a fresh workspace: lands version A first (or not), then kills one run fetching B at each
 * point in turn, each the moment `gate` holds what the point names; checks after each kill what
 * is on disk, then that a re-run lands B and cleans up. B is never on disk before the re-run, so
 * every killed run had to fetch it over the wire.
 */
async function killAndRecover(o: { source: Source; gate: GateProxy; ws: string; previous: 'A' | 'nothing'; kills: KillPoint[] }): Promise<void> {
  const dest = path.join(o.ws, 'data')
  await fs.mkdir(o.ws)
  if (o.previous === 'A') {
    o.source.serve('A')
    const landed = await runCli(o.source.args('A', o.ws), env())
    expect(landed.code, landed.stderr).toBe(0)
  }
  const before = o.previous === 'A' ? 'A' : 'absent'
  expect(await versionAt(dest)).toBe(before)
  o.source.serve('B')

  for (const kill of o.kills) {
    o.gate.hold(...kill.arm)
    const killed = await killWhenHeld(o.gate, o.source.args('B', o.ws), env())
    expect(killed.signal, `${kill.at}: ${killed.stderr}`).toBe('SIGKILL')
    // Killed before the swap could begin: exactly what was there before, and one staging
    // directory, this run's (it removed what an earlier killed run left before making its own).
    expect(await versionAt(dest), kill.at).toBe(before)
    expect(await leftovers(o.ws), kill.at).toEqual([expect.stringMatching(/^\.fetch-sources-tmp-data-[0-9a-f]{8}$/)])
  }

  const rerun = await runCli(o.source.args('B', o.ws), env())
  expect(rerun.code, rerun.stderr).toBe(0)
  expect(await versionAt(dest)).toBe('B')
  expect(await contentOf(o.ws)).toEqual(['data'])
  await o.source.verify?.(dest)
}

const infoRefs = (method: string, p: string): boolean => method === 'GET' && p.endsWith('/info/refs')
const uploadPack = (method: string, p: string): boolean => method === 'POST' && p.endsWith('/git-upload-pack')

const midBody: HoldOptions = { afterBytes: MID_BODY }
/** Above the sum of a test's bounded waits (a landing, two kills of two waits, a re-run). */
const TEST_TIMEOUT = 7 * GUARD_MS

describe('SIGKILL mid-fetch of a tree of many small files: previous content or nothing, then a clean re-run', { timeout: TEST_TIMEOUT }, () => {
  it('git, first fetch (clone into staging), killed at info/refs then mid-pack: nothing lands', async () => {
    await killAndRecover({
      source: git,
      gate: gitGate,
      ws: path.join(root, 'ws-git-first'),
      previous: 'nothing',
      kills: [
        { at: 'first info/refs held', arm: [infoRefs] },
        { at: 'pack held part-way', arm: [uploadPack, midBody] }
      ]
    })
  })

  it('git, update in place, killed at ls-refs then mid-pack: the previous checkout stays', async () => {
    await killAndRecover({
      source: git,
      gate: gitGate,
      ws: path.join(root, 'ws-git-update'),
      previous: 'A',
      kills: [
        { at: 'ls-refs held', arm: [uploadPack] },
        { at: 'pack held part-way', arm: [uploadPack, midBody] }
      ]
    })
  })

  it('http archive, killed at the request then mid-body: the previous tree stays', async () => {
    const tarball = (method: string, p: string): boolean => method === 'GET' && p === '/tree.tar.gz'
    await killAndRecover({
      source: archive,
      gate: webGate,
      ws: path.join(root, 'ws-archive'),
      previous: 'A',
      kills: [
        { at: 'request held', arm: [tarball] },
        { at: 'body held part-way', arm: [tarball, midBody] }
      ]
    })
  })
})
