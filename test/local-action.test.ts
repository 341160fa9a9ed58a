/**
 * Local runs outside the CLI: `@github/local-action` driving `src/main.ts` with the committed
 * `.env.example`, and `act`, which runs the entry with `ACT=true` and none of the runner's
 * GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files.
 */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from './helpers/harness.js'
import { inputEnv } from './helpers/runner.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const LOCAL_ACTION = path.join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js')
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** A child with only the environment given (plus PATH/HOME), bounded in time. */
function run(args: string[], env: Record<string, string>, cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' }
    const child = spawn(process.execPath, args, { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout, stderr })
    })
  })
}

/** `::set-output name=x::value` lines (what @actions/core writes without a GITHUB_OUTPUT file). */
function commands(stdout: string, command: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of stdout.matchAll(new RegExp(`^::${command} name=([^:]+)::(.*)$`, 'gm'))) out[m[1]!] = m[2]!
  return out
}

let root: string

/** A workspace holding `examples/data`, the host path `.env.example` names. */
async function workspace(name: string): Promise<string> {
  const ws = path.join(root, name)
  await fs.mkdir(path.join(ws, 'examples', 'data', 'images'), { recursive: true })
  await fs.writeFile(path.join(ws, 'examples', 'data', 'labels.csv'), `labels of ${name}\n`)
  await fs.writeFile(path.join(ws, 'examples', 'data', 'images', 'a.png'), 'png')
  return ws
}

beforeAll(async () => {
  root = await tempDir('fs-local-')
})

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

describe('@github/local-action', () => {
  it('runs src/main.ts with .env.example against a local host_path source', async () => {
    const ws = await workspace('local-action')
    const r = await run([LOCAL_ACTION, 'run', ROOT, 'src/main.ts', path.join(ROOT, '.env.example')], { GITHUB_WORKSPACE: ws })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const outputs = commands(r.stdout, 'set-output')
    const dest = path.join(ws, '.local-action', 'data')
    expect(outputs.path).toBe(dest)
    expect(outputs['lock-file']).toBe(path.join(ws, '.local-action', 'sources.lock.json'))
    const sources = JSON.parse(outputs.sources!) as Record<string, { kind: string; files: number; bytes: number; digest: string }>
    expect(sources['example-data']).toMatchObject({ kind: 'host_path', files: 2, bytes: 'labels of local-action\n'.length + 3 })
    expect(await fs.readFile(path.join(dest, 'labels.csv'), 'utf8')).toBe('labels of local-action\n')
    const lock = JSON.parse(await fs.readFile(outputs['lock-file']!, 'utf8')) as { sources: Record<string, { digest: string }> }
    expect(lock.sources['example-data']!.digest).toBe(sources['example-data']!.digest)
    expect(r.stdout).not.toMatch(/::error::/)
  }, 90_000)
})

describe('act (ACT=true, no runner files)', () => {
  it('fetches, prints outputs as workflow commands, and the post step reads the saved state', async () => {
    const ws = await workspace('act')
    const spec = 'version: 1\nsources:\n  - {name: data, kind: host_path, url: ./examples/data, path: fetched}\n'
    // Exactly what act gives a JavaScript step here: INPUT_* and ACT, no GITHUB_OUTPUT/STATE/STEP_SUMMARY.
    const env = { ...(await inputEnv({ spec, workspace: ws, 'lock-file': 'sources.lock.json' })), ACT: 'true', GITHUB_ACTIONS: 'true', RUNNER_TEMP: root }
    const main = await run([TSX, path.join(ROOT, 'src', 'index.ts')], env, ws)
    expect(main.code, main.stdout + main.stderr).toBe(0)
    const outputs = commands(main.stdout, 'set-output')
    expect(outputs.path).toBe(path.join(ws, 'fetched'))
    expect(await fs.readFile(path.join(ws, 'fetched', 'labels.csv'), 'utf8')).toBe('labels of act\n')
    expect(JSON.parse(await fs.readFile(path.join(ws, 'sources.lock.json'), 'utf8'))).toHaveProperty('sources.data.files', 2)

    const state = commands(main.stdout, 'save-state')
    expect(state.isPost).toBe('true')
    // act hands saved state back to the post step as STATE_<name>.
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
    const post = await run([TSX, path.join(ROOT, 'src', 'index.ts')], { ...env, ...stateEnv }, ws)
    expect(post.code, post.stdout + post.stderr).toBe(0)
    expect(post.stdout).not.toMatch(/::(error|warning)/)
  }, 90_000)
})
