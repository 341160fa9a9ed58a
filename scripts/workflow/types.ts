/** The parts of a workflow file the local runner reads, and what it reports back. */
import type { Scope, Value } from './expressions.js'

export interface StepDef {
  id?: string
  name?: string
  if?: unknown
  uses?: string
  run?: string
  shell?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
  'working-directory'?: string
  'continue-on-error'?: boolean
}

export interface JobDef {
  needs?: string | string[]
  if?: unknown
  'runs-on'?: unknown
  strategy?: { matrix?: unknown; 'fail-fast'?: unknown; 'max-parallel'?: unknown }
  outputs?: Record<string, string>
  env?: Record<string, unknown>
  defaults?: { run?: { shell?: string; 'working-directory'?: string } }
  steps?: StepDef[]
  uses?: string
}

export interface InputDef {
  type?: 'string' | 'number' | 'boolean'
  required?: boolean
  default?: unknown
}

export interface WorkflowDef {
  on?: { workflow_call?: { inputs?: Record<string, InputDef>; outputs?: Record<string, { value: string }> } } | unknown
  env?: Record<string, unknown>
  jobs: Record<string, JobDef>
}

export type Result = 'success' | 'failure' | 'skipped'

export interface JobDirs {
  workspace: string
  temp: string
}

/** What a `uses:` step gets: its evaluated `with:`, the job's directories and environment. */
export interface StepIO {
  dirs: JobDirs
  env: Record<string, string>
  scope: Scope
  log(line: string): void
  /** Registers a post step (an action's `runs.post`), run after the job's steps, last first. */
  addPost(name: string, run: () => Promise<number>): void
}

export interface ActionResult {
  code: number
  outputs: Record<string, string>
}

export type UsesHandler = (uses: string, inputs: Record<string, string>, io: StepIO) => Promise<ActionResult>

export interface StepRecord {
  id: string
  name: string
  outcome: Result
  outputs: Record<string, string>
}

export interface JobInstance {
  matrix: Record<string, Value> | null
  runsOn: Value
  dirs: JobDirs
  result: Result
  outputs: Record<string, string>
  steps: StepRecord[]
  log: string[]
}

export interface JobRecord {
  result: Result
  outputs: Record<string, string>
  instances: JobInstance[]
}

export interface WorkflowRun {
  result: Result
  jobs: Record<string, JobRecord>
  outputs: Record<string, string>
}
