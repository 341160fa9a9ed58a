/**
 * `.github/workflows/fetch-matrix.yml` run locally job by job, step by step, as the GitHub runner
 * would (scripts/run-workflow.ts): the plan job's dry run produces `sources`, its `run:` step lists
 * the names, the fan-out expression is evaluated on that output, each matrix job runs the action
 * (the committed dist/ bundle, as `uses: ./.fetch-sources-action` does) with `only: <name>`, and the
 * gather job downloads every lock file and merges them. Real sources: host paths and a local git
 * repository. Mutations of the fan-out and of the plan show that a dropped source fails the test.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runLocal } from '../scripts/run-workflow.js'
import type { WorkflowDef, WorkflowRun } from '../scripts/workflow/types.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const MATRIX = path.join(ROOT, '.github', 'workflows', 'fetch-matrix.yml')
const SINGLE = path.join(ROOT, '.github', 'workflows', 'fetch-and-run.yml')

interface Lock {
  specDigest: string
  sources: Record<string, { kind: string; digest: string; commit: string; path: string; files: number }>
}

let root: string
let caller: string
let specNames: string[]
let repoSha: string
let runs = 0
let pinned: Record<string, string>

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).trim()
}

// Each matrix job's command records what it saw, in its own workspace.
const RECORD =
  'node -e \'const e = process.env; require("fs").writeFileSync("seen.json", JSON.stringify({source: e.FETCH_SOURCE, path: e.FETCH_PATH, commit: e.FETCH_COMMIT, sources: Object.keys(JSON.parse(e.FETCH_SOURCES))}))\''

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-matrix-'))
  const data = path.join(root, 'bucket')
  await fs.mkdir(path.join(data, 'images'), { recursive: true })
  await fs.writeFile(path.join(data, 'labels.csv'), 'id,label\n1,cat\n')
  await fs.writeFile(path.join(data, 'images', 'a.png'), 'png-bytes')
  const repo = path.join(root, 'model')
  await fs.mkdir(repo)
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'config', 'user.email', 't@example.org')
  git(repo, 'config', 'user.name', 'T')
  await fs.writeFile(path.join(repo, 'train.py'), 'print("train")\n')
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'one')
  repoSha = git(repo, 'rev-parse', 'HEAD')
  caller = path.join(root, 'caller')
  await fs.mkdir(caller)
  const spec = [
    'version: 1',
    'sources:',
    `  - {name: labels, kind: host_path, url: "${data}", path: fetched/labels, artifacts: {files: [labels.csv]}}`,
    `  - {name: images, kind: host_path, url: "${data}", path: fetched/images, artifacts: {dirs: [images/]}}`,
    `  - {name: code, url: "file://${repo}", path: fetched/code, primary: true}`,
    ''
  ].join('\n')
  await fs.writeFile(path.join(caller, 'run.yaml'), spec)
  // The names the spec declares, read independently of the workflow and the action.
  specNames = (parse(spec) as { sources: { name: string }[] }).sources.map((s) => s.name)
  // Only the action the workflow names by default is served (from this clone): another
  // repository or ref makes the action checkout fail, as it would on GitHub.
  const inputs = (parse(await fs.readFile(MATRIX, 'utf8')) as { on: { workflow_call: { inputs: Record<string, { default: string }> } } }).on.workflow_call
    .inputs
  pinned = { [`${inputs['action-repository']!.default}@${inputs['action-ref']!.default}`]: ROOT }
}, 30_000)

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

function run(workflowFile: string, inputs: Record<string, string>, edit?: (wf: WorkflowDef) => void): Promise<WorkflowRun & { artifacts: string }> {
  return runLocal({ workflowFile, inputs, repository: caller, root: path.join(root, `run-${++runs}`), repositories: pinned, edit })
}

async function readLock(artifacts: string, name: string): Promise<Lock> {
  return JSON.parse(await fs.readFile(path.join(artifacts, name, 'sources.lock.json'), 'utf8')) as Lock
}

/** Every source the spec names was planned, fanned out to its own job, fetched there, and is in the merged lock. */
async function assertEveryPlannedSourceFetched(r: WorkflowRun & { artifacts: string }, names: string[]): Promise<void> {
  expect(JSON.parse(r.jobs.plan!.outputs.names!)).toEqual(names)
  expect(r.jobs.fetch!.instances.map((i) => i.matrix!.source)).toEqual(names)
  const merged = await readLock(r.artifacts, 'sources-lock')
  expect(Object.keys(merged.sources)).toEqual(names)
  for (const name of names) expect(merged.sources[name]).toEqual((await readLock(r.artifacts, `sources-lock-${name}`)).sources[name])
}

describe('fetch-matrix.yml, run locally step by step', () => {
  it('plans, fans out one job per source, fetches each alone and gathers one lock file', async () => {
    const r = await run(MATRIX, { spec: 'run.yaml', command: RECORD })
    const logs = Object.values(r.jobs).flatMap((j) => j.instances.flatMap((i) => i.log))
    expect(r.result, logs.join('\n')).toBe('success')
    expect(Object.fromEntries(Object.entries(r.jobs).map(([id, j]) => [id, j.result]))).toEqual({ plan: 'success', fetch: 'success', gather: 'success' })
    await assertEveryPlannedSourceFetched(r, specNames)
    expect(r.outputs).toEqual({ names: JSON.stringify(specNames), 'lock-artifact': 'sources-lock' })

    // The plan fetched nothing; each matrix job fetched its own source and nothing else.
    await expect(fs.stat(path.join(r.jobs.plan!.instances[0]!.dirs.workspace, 'fetched'))).rejects.toThrow()
    for (const job of r.jobs.fetch!.instances) {
      const ws = job.dirs.workspace
      const name = String(job.matrix!.source)
      // (the action keeps a dot-file of re-run state beside each destination)
      expect((await fs.readdir(path.join(ws, 'fetched'))).filter((f) => !f.startsWith('.'))).toEqual([name])
      const seen = JSON.parse(await fs.readFile(path.join(ws, 'seen.json'), 'utf8')) as { source: string; path: string; commit: string; sources: string[] }
      expect(seen).toMatchObject({ source: name, sources: [name] })
      expect(seen.path).toBe(path.join(ws, 'fetched', name))
      expect(seen.commit).toBe(name === 'code' ? repoSha : '')
    }
    const byName = Object.fromEntries(r.jobs.fetch!.instances.map((i) => [String(i.matrix!.source), i.dirs.workspace]))
    expect(await fs.readFile(path.join(byName.labels!, 'fetched', 'labels', 'labels.csv'), 'utf8')).toBe('id,label\n1,cat\n')
    expect(await fs.readFile(path.join(byName.images!, 'fetched', 'images', 'images', 'a.png'), 'utf8')).toBe('png-bytes')
    expect(await fs.readFile(path.join(byName.code!, 'fetched', 'code', 'train.py'), 'utf8')).toBe('print("train")\n')

    const merged = await readLock(r.artifacts, 'sources-lock')
    expect(merged.sources.code).toMatchObject({ kind: 'git', commit: repoSha })
    expect(merged.sources.labels).toMatchObject({ kind: 'host_path', files: 1 })
    expect(merged.sources.images).toMatchObject({ kind: 'host_path', files: 1 })
    expect(new Set(await Promise.all(specNames.map(async (n) => (await readLock(r.artifacts, `sources-lock-${n}`)).specDigest)))).toEqual(
      new Set([merged.specDigest])
    )

    // The merged lock replays the whole spec: fetch-and-run.yml with `frozen:` on it.
    await fs.copyFile(path.join(r.artifacts, 'sources-lock', 'sources.lock.json'), path.join(caller, 'merged.lock.json'))
    const replay = await run(SINGLE, { spec: 'run.yaml', frozen: 'merged.lock.json', command: RECORD })
    const replayLogs = replay.jobs['fetch-and-run']!.instances[0]!.log
    expect(replay.result, replayLogs.join('\n')).toBe('success')
    const ws = replay.jobs['fetch-and-run']!.instances[0]!.dirs.workspace
    expect((await fs.readdir(path.join(ws, 'fetched'))).filter((f) => !f.startsWith('.')).sort()).toEqual([...specNames].sort())
    expect(replay.outputs.commit).toBe(repoSha)
  }, 120_000)

  it('a source dropped from the fan-out fails the gather job, which names it', async () => {
    const kept = specNames.slice(0, -1)
    const dropped = specNames.at(-1)!
    const r = await run(MATRIX, { spec: 'run.yaml' }, (wf) => {
      wf.jobs.fetch!.strategy!.matrix = { source: kept }
    })
    expect(r.jobs.fetch!.result).toBe('success')
    expect(r.jobs.gather!.result).toBe('failure')
    expect(r.result).toBe('failure')
    expect(r.jobs.gather!.instances[0]!.log).toContain(`::error::source ${dropped} was planned but no lock file for it came back from its matrix job`)
    await expect(fs.stat(path.join(r.artifacts, 'sources-lock'))).rejects.toThrow()
    await expect(assertEveryPlannedSourceFetched(r, specNames)).rejects.toThrow()
  }, 120_000)

  it('a plan that loses a source passes the gather job but not the names check of this test', async () => {
    const r = await run(MATRIX, { spec: 'run.yaml' }, (wf) => {
      const names = wf.jobs.plan!.steps!.find((s) => s.id === 'names')!
      names.run = names.run!.replace('Object.keys(JSON.parse(process.env.PLANNED))', 'Object.keys(JSON.parse(process.env.PLANNED)).slice(1)')
    })
    expect(r.result).toBe('success')
    expect(r.jobs.fetch!.instances).toHaveLength(specNames.length - 1)
    await expect(assertEveryPlannedSourceFetched(r, specNames)).rejects.toThrow()
  }, 120_000)

  it('a failed matrix job does not stop the others; gather still merges what came back', async () => {
    const r = await run(MATRIX, { spec: 'run.yaml', only: 'labels,images', command: 'test "$FETCH_SOURCE" != labels' })
    expect(r.jobs.fetch!.instances.map((i) => [i.matrix!.source, i.result])).toEqual([
      ['labels', 'failure'],
      ['images', 'success']
    ])
    expect(r.jobs.gather!.result).toBe('success')
    expect(r.result).toBe('failure')
    expect(Object.keys((await readLock(r.artifacts, 'sources-lock')).sources)).toEqual(['labels', 'images'])
  }, 120_000)

  it('checks the action out from the default inputs: this project at the major tag', async () => {
    const wf = parse(await fs.readFile(MATRIX, 'utf8')) as WorkflowDef & { on: { workflow_call: { inputs: Record<string, { default: unknown }> } } }
    expect(wf.on.workflow_call.inputs['action-repository']!.default).toBe('fetch-sources/fetch-sources')
    expect(wf.on.workflow_call.inputs['action-ref']!.default).toMatch(/^v\d+$/)
    expect(Object.keys(pinned)).toEqual([`fetch-sources/fetch-sources@${String(wf.on.workflow_call.inputs['action-ref']!.default)}`])
    const r = await run(MATRIX, { spec: 'run.yaml', only: 'labels', 'action-ref': 'v0-unknown' })
    expect(r.jobs.plan!.result).toBe('failure')
    expect(r.jobs.plan!.instances[0]!.log.join('\n')).toContain('no local copy of fetch-sources/fetch-sources@v0-unknown')
    expect(r.jobs.fetch!.result).toBe('skipped')
    expect(r.jobs.gather!.result).toBe('skipped')
  }, 60_000)
})
