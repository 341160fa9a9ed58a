/**
 * The reusable workflows, checked two ways: their logic run end to end locally
 * (`scripts/fetch-and-run.ts`: the CLI fetch, then the command with the FETCH_* outputs), and their
 * YAML parsed and held to what docs/workflows.md promises.
 */
import { execFileSync, spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { fetchEnv } from '../scripts/fetch-and-run.js'
import { runSpec, tempDir } from './helpers/harness.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const SCRIPT = path.join(ROOT, 'scripts', 'fetch-and-run.ts')
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

let root: string
let data: string
let repo: { url: string; sha: string }

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root } }).trim()
}

/** The git fetcher is written in parallel; the git case runs once it is in. */
async function gitFetcherWorks(): Promise<boolean> {
  const ws = path.join(root, 'probe-ws')
  await fs.mkdir(ws)
  const run = await runSpec({ workspace: ws, spec: `version: 1\nsources:\n  - url: "${repo.url}"\n    path: p\n` })
  return run.error === undefined
}

function fetchAndRun(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, SCRIPT, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout, stderr })
    })
  })
}

// The command a user would write: it records what it saw in a file of the workspace.
const RECORD =
  "node -e \"const e=process.env; require('fs').writeFileSync('seen.json', JSON.stringify({cwd: process.cwd(), commit: e.FETCH_COMMIT, ref: e.FETCH_REF, path: e.FETCH_PATH, sources: e.FETCH_SOURCES, lock: e.FETCH_LOCK_FILE, entrypoint: e.FETCH_ENTRYPOINT}))\""

beforeAll(async () => {
  root = await tempDir('fs-workflow-')
  data = path.join(root, 'bucket')
  await fs.mkdir(path.join(data, 'images'), { recursive: true })
  await fs.writeFile(path.join(data, 'labels.csv'), 'id,label\n1,cat\n')
  await fs.writeFile(path.join(data, 'images', 'a.png'), 'png-bytes')
  const dir = path.join(root, 'repo')
  await fs.mkdir(dir)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.email', 't@example.org')
  git(dir, 'config', 'user.name', 'T')
  await fs.writeFile(path.join(dir, 'train.py'), 'print("train")\n')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'one')
  repo = { url: `file://${dir}`, sha: git(dir, 'rev-parse', 'HEAD') }
}, 30_000)

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

describe('fetch-and-run (the reusable workflow, locally)', () => {
  it('fetches a host path, then runs the command with the outputs in its environment', async () => {
    const ws = path.join(root, 'ws-host')
    await fs.mkdir(ws)
    await fs.writeFile(path.join(ws, 'run.yaml'), `version: 1\nsources:\n  - name: train-data\n    kind: host_path\n    url: ${data}\n    path: data\n`)
    const r = await fetchAndRun(['--command', RECORD, '--', '--spec', 'run.yaml', '--workspace', ws, '--lock-file', 'sources.lock.json'])
    expect(r.code, r.stderr).toBe(0)
    const seen = JSON.parse(await fs.readFile(path.join(ws, 'seen.json'), 'utf8')) as Record<string, string>
    expect(await fs.realpath(seen.cwd!)).toBe(await fs.realpath(ws))
    expect(seen.path).toBe(path.join(ws, 'data'))
    expect(seen.commit).toBe('')
    expect(seen.lock).toBe(path.join(ws, 'sources.lock.json'))
    const sources = JSON.parse(seen.sources!) as Record<string, { kind: string; digest: string; files: number; path: string }>
    expect(Object.keys(sources)).toEqual(['train-data'])
    expect(sources['train-data']).toMatchObject({ kind: 'host_path', files: 2, path: path.join(ws, 'data') })
    expect(sources['train-data']!.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const lock = JSON.parse(await fs.readFile(seen.lock!, 'utf8')) as { sources: Record<string, { digest: string }> }
    expect(lock.sources['train-data']!.digest).toBe(sources['train-data']!.digest)
    expect(await fs.readFile(path.join(ws, 'data', 'images', 'a.png'), 'utf8')).toBe('png-bytes')
  }, 60_000)

  it("propagates the command's exit code", async () => {
    const ws = path.join(root, 'ws-exit')
    await fs.mkdir(ws)
    const r = await fetchAndRun(['--command', 'node -e "process.exit(7)"', '--', '--url', data, '--path', 'd', '--workspace', ws])
    expect(r.code, r.stderr).toBe(7)
    expect(await fs.readFile(path.join(ws, 'd', 'labels.csv'), 'utf8')).toBe('id,label\n1,cat\n')
  }, 60_000)

  it('a failed fetch fails with the CLI exit code and never runs the command', async () => {
    const ws = path.join(root, 'ws-fail')
    await fs.mkdir(ws)
    const r = await fetchAndRun([
      '--command',
      "node -e \"require('fs').writeFileSync('ran', '')\"",
      '--',
      '--url',
      path.join(root, 'missing'),
      '--workspace',
      ws
    ])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('not running the command')
    await expect(fs.stat(path.join(ws, 'ran'))).rejects.toThrow()
  }, 60_000)

  it('refuses to run without a command', async () => {
    const r = await fetchAndRun(['--', '--url', data])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--command is required')
  }, 30_000)

  it('FETCH_COMMIT is the primary git commit', async (ctx) => {
    if (!(await gitFetcherWorks())) ctx.skip()
    const ws = path.join(root, 'ws-git')
    await fs.mkdir(ws)
    const spec = `version: 1\nsources:\n  - {name: code, url: "${repo.url}", path: code, primary: true}\n  - {name: data, kind: host_path, url: "${data}", path: data}\n`
    const r = await fetchAndRun(['--command', RECORD, '--', '--spec', spec, '--workspace', ws])
    expect(r.code, r.stderr).toBe(0)
    const seen = JSON.parse(await fs.readFile(path.join(ws, 'seen.json'), 'utf8')) as Record<string, string>
    expect(seen.commit).toBe(repo.sha)
    expect(seen.path).toBe(path.join(ws, 'code'))
    expect(await fs.readFile(path.join(seen.path!, 'train.py'), 'utf8')).toBe('print("train")\n')
  }, 60_000)

  it('maps outputs to FETCH_* names, JSON for the sources object', () => {
    expect(fetchEnv({ commit: 'abc', path: '/w/c', sources: { a: { kind: 'git' } }, 'lock-file': '/l.json' })).toEqual({
      FETCH_COMMIT: 'abc',
      FETCH_REF: '',
      FETCH_PATH: '/w/c',
      FETCH_SOURCES: '{"a":{"kind":"git"}}',
      FETCH_LOCK_FILE: '/l.json',
      FETCH_ENTRYPOINT: ''
    })
  })
})

interface Workflow {
  on: { workflow_call: { inputs: Record<string, { type: string; required?: boolean; default?: unknown }>; outputs?: Record<string, unknown> } }
  jobs: Record<
    string,
    {
      'runs-on': string
      steps: { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; shell?: string }[]
      strategy?: unknown
      needs?: string
    }
  >
}

async function workflow(name: string): Promise<Workflow> {
  return parse(await fs.readFile(path.join(ROOT, '.github', 'workflows', name), 'utf8')) as Workflow
}

describe('reusable workflow YAML', () => {
  it('fetch-and-run.yml declares the documented inputs and hands every output to the command', async () => {
    const wf = await workflow('fetch-and-run.yml')
    const inputs = wf.on.workflow_call.inputs
    expect(Object.keys(inputs).sort()).toEqual([
      'action-ref',
      'action-repository',
      'command',
      'connections',
      'frozen',
      'lock-artifact',
      'only',
      'runs-on',
      'spec'
    ])
    expect(inputs.spec!.required).toBe(true)
    expect(inputs['runs-on']!.default).toBe('"ubuntu-latest"')
    const job = Object.values(wf.jobs)[0]!
    expect(job['runs-on']).toBe('${{ fromJSON(inputs.runs-on) }}')
    const fetch = job.steps.find((s) => s.uses === './.fetch-sources-action')!
    expect(fetch.with!.secrets).toBe('${{ toJSON(secrets) }}')
    expect(fetch.with!.only).toBe('${{ inputs.only }}')
    expect(fetch.with!.frozen).toBe('${{ inputs.frozen }}')
    const checkoutAction = job.steps.find((s) => s.with?.path === '.fetch-sources-action')!
    // The action comes from inputs whose defaults are the released tag, not from job.workflow_*.
    expect(checkoutAction.with!.repository).toBe('${{ inputs.action-repository }}')
    expect(checkoutAction.with!.ref).toBe('${{ inputs.action-ref }}')
    expect(inputs['action-repository']!.default).toBe('fetch-sources/fetch-sources')
    expect(inputs['action-ref']!.default).toMatch(/^v\d+$/)
    const command = job.steps.find((s) => s.env?.FETCH_COMMAND)!
    expect(command.shell).toBe('bash')
    expect(command.env!.FETCH_COMMAND).toBe('${{ inputs.command }}')
    for (const name of Object.keys(fetchEnv({}))) expect(command.env![name]).toMatch(/^\$\{\{ steps\.fetch\.outputs\.[a-z-]+ \}\}$/)
    expect(job.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true)
  })

  it('docs/workflows.md documents every input of fetch-and-run.yml and every FETCH_* variable', async () => {
    const docs = await fs.readFile(path.join(ROOT, 'docs', 'workflows.md'), 'utf8')
    const section = docs.slice(docs.indexOf('## `fetch-and-run.yml`'), docs.indexOf('## `fetch-matrix.yml`'))
    const documented = [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1]!)
    const wf = await workflow('fetch-and-run.yml')
    expect(documented.sort()).toEqual(Object.keys(wf.on.workflow_call.inputs).sort())
    for (const name of Object.keys(fetchEnv({}))) expect(section).toContain(`| \`${name}\``)
  })

  it('fetch-matrix.yml plans with a dry run, then fetches one source per job', async () => {
    const wf = await workflow('fetch-matrix.yml')
    expect(Object.keys(wf.on.workflow_call.inputs)).toEqual(expect.arrayContaining(['spec', 'command', 'runs-on', 'frozen']))
    const [plan, fetch] = Object.values(wf.jobs)
    expect(plan!.steps.find((s) => s.uses === './.fetch-sources-action')!.with!['dry-run']).toBe(true)
    expect(fetch!.needs).toBe(Object.keys(wf.jobs)[0])
    expect(JSON.stringify(fetch!.strategy)).toContain('fromJSON(needs.plan.outputs.names)')
    expect(fetch!.steps.find((s) => s.uses === './.fetch-sources-action')!.with!.only).toBe('${{ matrix.source }}')
  })

  it('the dry run the matrix reads sets a sources output with every planned name', async () => {
    const ws = path.join(root, 'ws-plan')
    await fs.mkdir(ws)
    const spec = `version: 1\nsources:\n  - {name: a, kind: host_path, url: "${data}"}\n  - {name: b, kind: host_path, url: "${data}", path: sub/b}\n`
    const run = await runSpec({ workspace: ws, spec, inputs: { 'dry-run': 'true' } })
    expect(run.error).toBeUndefined()
    const planned = JSON.parse(run.outputs.sources!) as Record<string, { kind: string; path: string; commit: string }>
    expect(Object.keys(planned)).toEqual(['a', 'b'])
    expect(planned.b).toMatchObject({ kind: 'host_path', path: path.join(ws, 'sub', 'b'), commit: '' })
    expect(await fs.readdir(ws)).toEqual([])
  })

  it.each(['e2e.yml', 'release.yml'])('%s parses', async (name) => {
    const wf = (await workflow(name)) as unknown as { jobs: Record<string, unknown> }
    expect(Object.keys(wf.jobs).length).toBeGreaterThan(0)
  })
})
