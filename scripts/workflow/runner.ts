/**
 * Runs a reusable workflow's jobs locally, the way the GitHub runner would: jobs in `needs` order,
 * each matrix combination as its own job with its own workspace, every `${{ }}` evaluated against
 * the same contexts, `if:` with the implicit `success()`, `run:` steps through bash with
 * GITHUB_OUTPUT/GITHUB_ENV files, `uses:` steps handed to a handler (scripts/workflow/actions.ts),
 * post steps last. Jobs run one after another; `max-parallel` is evaluated but not needed.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { condition, interpolate, toText, type Scope, type Status, type Value } from './expressions.js'
import { commandFiles, readCommandFile, runScript } from './process.js'
import type { InputDef, JobDef, JobInstance, JobRecord, Result, StepDef, StepRecord, UsesHandler, WorkflowDef, WorkflowRun } from './types.js'

export interface RunOptions {
  workflow: WorkflowDef
  inputs: Record<string, Value>
  secrets?: Record<string, string>
  /** Extra `github` context properties (repository, sha, …). */
  github?: Record<string, Value>
  /** Job directories go under it: `<root>/<job>[-<n>]/{workspace,temp}`. */
  root: string
  uses: UsesHandler
  /** Environment every step starts from (PATH, HOME, …). */
  env?: Record<string, string>
  log?: (line: string) => void
}

function callDef(wf: WorkflowDef): { inputs: Record<string, InputDef>; outputs: Record<string, { value: string }> } {
  const call = (wf.on as { workflow_call?: { inputs?: Record<string, InputDef>; outputs?: Record<string, { value: string }> } } | undefined)?.workflow_call
  if (!call) throw new Error('not a reusable workflow: `on.workflow_call` is missing')
  return { inputs: call.inputs ?? {}, outputs: call.outputs ?? {} }
}

/** The `inputs` context: given values checked against the declared ones, defaults filled in, types applied. */
export function resolveInputs(declared: Record<string, InputDef>, given: Record<string, Value>): Record<string, Value> {
  for (const name of Object.keys(given)) if (!(name in declared)) throw new Error(`input \`${name}\` is not declared by the workflow`)
  const out: Record<string, Value> = {}
  for (const [name, def] of Object.entries(declared)) {
    const raw = name in given ? given[name]! : ((def.default ?? null) as Value)
    if (def.required && !(name in given)) throw new Error(`input \`${name}\` is required`)
    if (def.type === 'number') out[name] = raw === null ? 0 : Number(raw)
    else if (def.type === 'boolean') out[name] = raw === true || raw === 'true'
    else out[name] = raw === null ? '' : toText(raw)
  }
  return out
}

function order(jobs: Record<string, JobDef>): string[] {
  const done: string[] = []
  const needsOf = (id: string): string[] => [jobs[id]!.needs ?? []].flat()
  while (done.length < Object.keys(jobs).length) {
    const next = Object.keys(jobs).find((id) => !done.includes(id) && needsOf(id).every((n) => done.includes(n)))
    if (!next) throw new Error('the jobs have a `needs` cycle or name a job that does not exist')
    done.push(next)
  }
  return done
}

/** The matrix combinations: the cartesian product of the matrix's lists (include/exclude are refused). */
function combinations(job: JobDef, scope: Scope): (Record<string, Value> | null)[] {
  if (!job.strategy?.matrix) return [null]
  const matrix = interpolate(job.strategy.matrix, scope)
  if (typeof matrix !== 'object' || matrix === null || Array.isArray(matrix)) throw new Error('strategy.matrix is not a mapping')
  let combos: Record<string, Value>[] = [{}]
  for (const [key, raw] of Object.entries(matrix)) {
    if (key === 'include' || key === 'exclude') throw new Error(`matrix \`${key}\` is not supported by the local runner`)
    const values = interpolate(raw, scope)
    if (!Array.isArray(values) || values.length === 0) throw new Error(`matrix \`${key}\` is not a non-empty list (GitHub fails the run too)`)
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })))
  }
  return combos
}

function textRecord(raw: Record<string, unknown> | undefined, scope: Scope): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw ?? {})) out[k] = toText(interpolate(v, scope))
  return out
}

interface JobContext {
  id: string
  job: JobDef
  matrix: Record<string, Value> | null
  index: number
  contexts: Record<string, Value>
  opts: RunOptions
}

async function runInstance(c: JobContext): Promise<JobInstance> {
  const { job, opts } = c
  const base = path.join(opts.root, c.index < 0 ? c.id : `${c.id}-${c.index + 1}`)
  const dirs = { workspace: path.join(base, 'workspace'), temp: path.join(base, 'temp') }
  await fs.mkdir(dirs.workspace, { recursive: true })
  await fs.mkdir(dirs.temp, { recursive: true })
  const log: string[] = []
  const say = (line: string): void => {
    log.push(line)
    opts.log?.(`[${c.id}${c.matrix ? ` ${Object.values(c.matrix).map(toText).join(', ')}` : ''}] ${line}`)
  }
  const steps: Record<string, Value> = {}
  const records: StepRecord[] = []
  const posts: { name: string; run: () => Promise<number> }[] = []
  let status: Status = 'success'
  let jobEnv: Record<string, string> = {}
  let extraPath: string[] = []
  const contexts: Record<string, Value> = {
    ...c.contexts,
    github: { ...(c.contexts.github as Record<string, Value>), workspace: dirs.workspace, job: c.id },
    matrix: c.matrix ?? {},
    strategy: { 'fail-fast': true, 'job-index': Math.max(c.index, 0), 'max-parallel': 1 },
    runner: { os: 'Linux', arch: 'X64', temp: dirs.temp, name: 'local' },
    steps
  }
  let staticEnv: Record<string, string> = {}
  const scope = (): Scope => ({ contexts: { ...contexts, job: { status }, env: { ...staticEnv, ...jobEnv } }, status })
  staticEnv = { ...textRecord(opts.workflow.env, scope()), ...textRecord(job.env, scope()) }
  const runsOn = interpolate(job['runs-on'], scope())
  for (const [i, step] of (job.steps ?? []).entries()) {
    const id = step.id ?? `__step${i}`
    const stepScope = scope()
    const name = toText(interpolate(step.name ?? step.uses ?? step.run?.split('\n')[0] ?? id, stepScope))
    if (!condition(step.if, stepScope)) {
      records.push({ id, name, outcome: 'skipped', outputs: {} })
      steps[id] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} }
      say(`skip: ${name}`)
      continue
    }
    say(`run: ${name}`)
    const files = await commandFiles(dirs.temp, i)
    const env: Record<string, string> = {
      ...opts.env,
      ...githubEnv(contexts, dirs),
      ...files,
      ...staticEnv,
      ...jobEnv,
      ...textRecord(step.env, stepScope)
    }
    if (extraPath.length) env.PATH = [...extraPath, env.PATH ?? ''].join(path.delimiter)
    const result = await runStep(step, { env, dirs, scope: stepScope, log: say, addPost: (n, run) => posts.push({ name: n, run }) }, job, opts.uses)
    const outcome: Result = result.code === 0 ? 'success' : 'failure'
    if (outcome === 'failure') say(`failed: ${name} (exit ${result.code})`)
    if (outcome === 'failure' && !step['continue-on-error']) status = 'failure'
    records.push({ id, name, outcome, outputs: result.outputs })
    steps[id] = { outcome, conclusion: step['continue-on-error'] ? 'success' : outcome, outputs: result.outputs }
    jobEnv = { ...jobEnv, ...(await readCommandFile(files.GITHUB_ENV)) }
    extraPath = [...(await fs.readFile(files.GITHUB_PATH, 'utf8')).split('\n').filter(Boolean).reverse(), ...extraPath]
  }
  for (const post of posts.reverse()) {
    say(`post: ${post.name}`)
    if ((await post.run()) !== 0) status = 'failure'
  }
  const outputs = textRecord(job.outputs, scope())
  return { matrix: c.matrix, runsOn, dirs, result: status === 'success' ? 'success' : 'failure', outputs, steps: records, log }
}

function githubEnv(contexts: Record<string, Value>, dirs: { workspace: string; temp: string }): Record<string, string> {
  const g = contexts.github as Record<string, Value>
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dirs.workspace,
    RUNNER_TEMP: dirs.temp,
    RUNNER_OS: 'Linux',
    GITHUB_REPOSITORY: toText(g.repository ?? null),
    GITHUB_SHA: toText(g.sha ?? null),
    GITHUB_REF: toText(g.ref ?? null),
    GITHUB_SERVER_URL: toText(g.server_url ?? null),
    GITHUB_EVENT_NAME: toText(g.event_name ?? null)
  }
}

async function runStep(
  step: StepDef,
  io: Parameters<UsesHandler>[2],
  job: JobDef,
  uses: UsesHandler
): Promise<{ code: number; outputs: Record<string, string> }> {
  if (step.uses) return uses(step.uses, textRecord(step.with, io.scope), io)
  if (step.run === undefined) throw new Error('a step needs `uses:` or `run:`')
  const script = toText(interpolate(step.run, io.scope))
  const shell = step.shell ?? job.defaults?.run?.shell ?? 'bash'
  const wd = step['working-directory'] ?? job.defaults?.run?.['working-directory']
  const cwd = wd ? path.resolve(io.dirs.workspace, wd) : io.dirs.workspace
  const code = await runScript(script, shell, { cwd, env: io.env, temp: io.dirs.temp, log: io.log })
  return { code, outputs: await readCommandFile(io.env.GITHUB_OUTPUT!) }
}

/** Runs every job of a reusable workflow with `inputs` and returns each job's result and outputs. */
export async function runWorkflow(opts: RunOptions): Promise<WorkflowRun> {
  const call = callDef(opts.workflow)
  const inputs = resolveInputs(call.inputs, opts.inputs)
  const github: Record<string, Value> = {
    repository: 'local/caller',
    sha: '0'.repeat(40),
    ref: 'refs/heads/main',
    server_url: 'https://github.com',
    event_name: 'workflow_call',
    token: '',
    ...opts.github
  }
  const jobs: Record<string, JobRecord> = {}
  const needsCtx: Record<string, Value> = {}
  for (const id of order(opts.workflow.jobs)) {
    const job = opts.workflow.jobs[id]!
    if (job.uses) throw new Error(`job \`${id}\` calls another workflow; the local runner runs steps only`)
    const needs = [job.needs ?? []].flat()
    const needsResults = needs.map((n) => jobs[n]!.result)
    const status: Status = needsResults.every((r) => r === 'success') ? 'success' : 'failure'
    const own: Record<string, Value> = {}
    for (const n of needs) own[n] = needsCtx[n]!
    const contexts: Record<string, Value> = { github, inputs, secrets: { ...opts.secrets }, vars: {}, needs: own }
    const scope: Scope = { contexts: { ...contexts, matrix: {}, strategy: {} }, status }
    if (!condition(job.if, scope)) {
      jobs[id] = { result: 'skipped', outputs: {}, instances: [] }
      needsCtx[id] = { result: 'skipped', outputs: {} }
      opts.log?.(`[${id}] skipped`)
      continue
    }
    if (job.strategy) interpolate(job.strategy['max-parallel'], scope)
    const combos = combinations(job, scope)
    const instances: JobInstance[] = []
    for (const [index, matrix] of combos.entries()) {
      instances.push(await runInstance({ id, job, matrix, index: matrix ? index : -1, contexts, opts }))
    }
    const result: Result = instances.every((i) => i.result === 'success') ? 'success' : 'failure'
    const outputs = instances.at(-1)?.outputs ?? {}
    jobs[id] = { result, outputs, instances }
    needsCtx[id] = { result, outputs }
  }
  const jobsCtx: Record<string, Value> = {}
  for (const [id, j] of Object.entries(jobs)) jobsCtx[id] = { result: j.result, outputs: j.outputs }
  const scope: Scope = { contexts: { github, inputs, vars: {}, jobs: jobsCtx }, status: 'success' }
  const outputs: Record<string, string> = {}
  for (const [name, def] of Object.entries(call.outputs)) outputs[name] = toText(interpolate(def.value, scope))
  const result: Result = Object.values(jobs).every((j) => j.result !== 'failure') ? 'success' : 'failure'
  return { result, jobs, outputs }
}
