/**
 * A cancelled job beyond the http download of signals.test.ts (issue 13, item 16): a git
 * transfer is stopped too (no git process outlives the run), the action's main step says it was
 * cancelled and exits 128 + signal, the post step removes what a main step killed outright left
 * (staging, scratch, the destination lock), and a run whose transfers will not stop still exits.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/harness.js'
import { ROOT, inputEnv, postEnv, runnerFiles, stepEnv, type RunnerFiles } from '../helpers/runner.js'
import { commit, makeRepo, startGitHttp, type GitHttpServer } from '../servers/git-http.js'
import { spawnCli, type CliExit } from './helpers/cli.js'
import { walk } from './helpers/fs-state.js'
import { GatedHttp } from './helpers/gated-http.js'
import { GateProxy } from '../servers/gate-proxy.js'

let root: string
let web: GatedHttp

beforeAll(async () => {
  root = await tempDir('fs-sec-cancel-')
  web = await new GatedHttp().start()
})
afterAll(async () => {
  await web?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

/** Processes (other than ours) whose command line mentions `needle`: what a run left running. */
function processesMentioning(needle: string): string[] {
  const found: string[] = []
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
      if (cmd.includes(needle) && Number(pid) !== process.pid) found.push(`${pid}: ${cmd}`)
    } catch {
      // Gone while listing.
    }
  }
  return found
}

/** The action from source, as the runner runs it (`node index.js`: main, or post once isPost is saved). */
function runStep(env: Record<string, string>, onStarted?: (child: ReturnType<typeof spawn>) => void): Promise<CliExit> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'index.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  onStarted?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(guard)
      resolve({ code, signal, stdout, stderr, killedByGuard: false })
    })
  })
}

async function slowFile(name: string): Promise<string> {
  const route = `/cancel/${name}/model.bin`
  web.routes.set(route, { body: Buffer.alloc(2 << 20, 0x41), firstChunk: 128 * 1024 })
  return route
}

/** Everything the run may have left: staging, scratch, locks (tsx's own cache excluded). */
const ours = async (dir: string): Promise<string[]> => (await walk(dir)).filter((p) => !p.split('/')[0]!.startsWith('tsx-'))

describe('item 16: cancelling git, the action, and a run that will not stop', () => {
  it('SIGTERM while git is mid-fetch: git is stopped, exit 143, nothing left in the workspace or TMPDIR', async () => {
    const repos = path.join(root, 'repos')
    await fs.mkdir(repos, { recursive: true })
    await makeRepo(repos, 'app', async (work) => {
      await commit(work, { 'main.py': 'print(1)\n' }, 'one')
    })
    const upstream: GitHttpServer = await startGitHttp({ root: repos })
    const proxy = await new GateProxy(upstream.url).start()
    try {
      const held = new Promise((resolve) => proxy.once('held', resolve))
      proxy.hold((method, p) => method === 'POST' && p.endsWith('/git-upload-pack'))
      const ws = path.join(root, 'ws-git')
      const tmp = path.join(root, 'tmp-git')
      await fs.mkdir(ws)
      await fs.mkdir(tmp)
      const cli = spawnCli(['--url', `${proxy.url}/app.git`, '--path', 'code', '--workspace', ws], { env: { TMPDIR: tmp } })
      await held
      expect(processesMentioning(proxy.url), 'git is not running: the test holds nothing').not.toEqual([])
      cli.child.kill('SIGTERM')
      const exit = await cli.done
      expect(exit.code, exit.stderr).toBe(143)
      expect(exit.stderr).toMatch(/^error: cancelled by SIGTERM: stopped app and removed its staging and partial downloads; nothing landed/m)
      expect(processesMentioning(proxy.url), 'git left running after the run ended').toEqual([])
      expect(await walk(ws)).toEqual([])
      expect(await ours(tmp)).toEqual([])
    } finally {
      await proxy.stop()
      await upstream.close()
    }
  })

  async function actionStep(name: string, route: string): Promise<{ f: RunnerFiles; env: Record<string, string> }> {
    const f = await runnerFiles(path.join(root, name))
    const env = { ...stepEnv(f), ...(await inputEnv({ url: `${web.url}${route}`, path: 'model' })) }
    return { f, env }
  }

  it('the main step on SIGINT: `::error::cancelled by SIGINT`, exit 130, nothing left for the post step', async () => {
    const route = await slowFile('action-int')
    const { f, env } = await actionStep('action-int', route)
    const sent = web.next('sent', route)
    const exit = await runStep(env, (child) => void sent.then(() => child.kill('SIGINT')))
    expect(exit.code, exit.stdout + exit.stderr).toBe(130)
    expect(exit.stdout).toMatch(/^::error::cancelled by SIGINT: stopped model/m)
    expect(await walk(f.workspace)).toEqual([])
    expect(await ours(f.temp)).toEqual([])
  })

  it('the main step killed outright (SIGKILL): the post step removes its staging, scratch and lock', async () => {
    const route = await slowFile('action-kill')
    const { f, env } = await actionStep('action-kill', route)
    const sent = web.next('sent', route)
    const main = await runStep(env, (child) => void sent.then(() => child.kill('SIGKILL')))
    expect(main.signal).toBe('SIGKILL')
    // What the killed step left, so the test shows the post step had something to do.
    const left = [...(await walk(f.workspace)), ...(await ours(f.temp))]
    expect(left.some((p) => p.startsWith('.fetch-sources-lock-model'))).toBe(true)
    expect(left.some((p) => p.startsWith('.fetch-sources-tmp-model-'))).toBe(true)
    expect(left.some((p) => p.startsWith('fetch-sources-scratch-'))).toBe(true)
    const post = await runStep({ ...stepEnv(f), ...(await postEnv(f)) })
    expect(post.code, post.stdout + post.stderr).toBe(0)
    expect(await walk(f.workspace)).toEqual([])
    expect(await ours(f.temp)).toEqual([])
  })

  it('transfers that ignore the cancel: the process still exits 143 after the grace period, having run its cleanup', async () => {
    const dir = await fs.mkdtemp(path.join(root, 'stuck-'))
    const marker = path.join(dir, 'fetch-sources-marker')
    await fs.mkdir(marker)
    const script = path.join(dir, 'stuck.ts')
    await fs.writeFile(
      script,
      `import * as fs from 'node:fs/promises'
import { Cancellation } from ${JSON.stringify(path.join(ROOT, 'src', 'util', 'cleanup.ts'))}
new Cancellation({ say: (l) => process.stderr.write(l + '\\n'), finish: () => fs.rm(${JSON.stringify(marker)}, { recursive: true }), graceMs: 200 })
// A transfer that never looks at the signal.
setInterval(() => undefined, 1000)
process.stderr.write('ready\\n')
`
    )
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    const ready = new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString()
        if (stderr.includes('ready\n')) resolve()
      })
    )
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000)
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal }))
    )
    await ready
    child.kill('SIGTERM')
    const exit = await closed
    clearTimeout(guard)
    expect(exit, stderr).toEqual({ code: 143, signal: null })
    expect(stderr).toMatch(/cancelled by SIGTERM: transfers still running/)
    expect(await walk(dir)).toEqual(['stuck.ts'])
  })
})
