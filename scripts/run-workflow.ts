/**
 * Runs one of the reusable workflows (`fetch-and-run.yml`, `fetch-matrix.yml`) on this machine,
 * job by job and step by step as the GitHub runner would (scripts/workflow/runner.ts):
 *
 *   npx tsx scripts/run-workflow.ts .github/workflows/fetch-matrix.yml \
 *     --input spec=run.yaml --input command='ls "$FETCH_PATH"' [--repository DIR] [--secrets-file F]
 *
 * `--repository` is what the workflow's first checkout copies (your repository; default: the
 * current directory). The action checkout (`action-repository` at `action-ref`) is served from
 * this clone of fetch-sources, which must have a built `dist/`. Job workspaces and artifacts go
 * under `--root` (default: a new temporary directory). Logs go to stderr; the result (each job's
 * result, workspaces, the workflow outputs, the artifacts directory) is printed as JSON on stdout.
 * Exit code 0 when every job succeeded, 1 otherwise, 2 on bad usage.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { NODE24 } from './requirements.js'
import { localActions } from './workflow/actions.js'
import { resolveInputs, runWorkflow } from './workflow/runner.js'
import type { InputDef, WorkflowDef, WorkflowRun } from './workflow/types.js'
import type { Value } from './workflow/expressions.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The runner's own node for `node24` actions: Node 24 from tools/node24 when installed. */
export function actionNode(): string {
  return fs.existsSync(NODE24) ? NODE24 : process.execPath
}

export interface LocalRun {
  workflowFile: string
  inputs: Record<string, Value>
  repository: string
  root: string
  secrets?: Record<string, string>
  /** Directories for checkouts of other repositories, keyed `owner/name@ref`. Default: this clone for `action-repository@action-ref`. */
  repositories?: Record<string, string>
  /** Edits the parsed workflow before it runs (tests use it to mutate the fan-out). */
  edit?: (wf: WorkflowDef) => void
  log?: (line: string) => void
}

/** Runs a reusable workflow locally with the stand-ins of scripts/workflow/actions.ts. */
export async function runLocal(o: LocalRun): Promise<WorkflowRun & { artifacts: string }> {
  const wf = parse(fs.readFileSync(o.workflowFile, 'utf8')) as WorkflowDef
  o.edit?.(wf)
  const declared = (wf.on as { workflow_call?: { inputs?: Record<string, InputDef> } }).workflow_call?.inputs ?? {}
  const inputs = resolveInputs(declared, o.inputs)
  const artifacts = path.join(o.root, 'artifacts')
  fs.mkdirSync(artifacts, { recursive: true })
  const repositories = o.repositories ?? { [`${String(inputs['action-repository'])}@${String(inputs['action-ref'])}`]: ROOT }
  const run = await runWorkflow({
    workflow: wf,
    inputs: o.inputs,
    secrets: o.secrets,
    root: o.root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir() },
    uses: localActions({ caller: o.repository, repositories, artifacts, node: actionNode() }),
    log: o.log
  })
  return { ...run, artifacts }
}

function usage(message: string): never {
  console.error(`run-workflow: ${message}`)
  console.error('usage: run-workflow.ts WORKFLOW.yml [--input NAME=VALUE]… [--repository DIR] [--secrets-file FILE] [--root DIR]')
  process.exit(2)
}

async function main(argv: string[]): Promise<number> {
  const [file, ...rest] = argv
  if (!file || file.startsWith('--')) usage('name the workflow file first')
  const inputs: Record<string, Value> = {}
  let repository = process.cwd()
  let root = ''
  let secrets: Record<string, string> = {}
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!
    const value = rest[++i]
    if (value === undefined) usage(`${flag} needs a value`)
    if (flag === '--input') {
      const eq = value.indexOf('=')
      if (eq < 1) usage(`--input takes NAME=VALUE, got \`${value}\``)
      inputs[value.slice(0, eq)] = value.slice(eq + 1)
    } else if (flag === '--repository') repository = path.resolve(value)
    else if (flag === '--root') root = path.resolve(value)
    else if (flag === '--secrets-file') secrets = JSON.parse(fs.readFileSync(value, 'utf8')) as Record<string, string>
    else usage(`unknown option ${flag}`)
  }
  root ||= fs.mkdtempSync(path.join(os.tmpdir(), 'fetch-sources-workflow-'))
  const run = await runLocal({ workflowFile: path.resolve(file), inputs, repository, root, secrets, log: (l) => console.error(l) })
  const jobs = Object.fromEntries(
    Object.entries(run.jobs).map(([id, j]) => [
      id,
      { result: j.result, outputs: j.outputs, instances: j.instances.map((i) => ({ matrix: i.matrix, result: i.result, workspace: i.dirs.workspace })) }
    ])
  )
  console.log(JSON.stringify({ result: run.result, outputs: run.outputs, jobs, artifacts: run.artifacts }, null, 2))
  return run.result === 'success' ? 0 : 1
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main(process.argv.slice(2))
  } catch (e) {
    console.error(`run-workflow: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = 2
  }
}
