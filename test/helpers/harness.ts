import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { createCliHost } from '../../src/host/cli.js'
import { reportError } from '../../src/host/report-error.js'
import { Cleanup } from '../../src/util/cleanup.js'
import { runFetch, type RunResult } from '../../src/run.js'
import { Input, parseSettings, type RawInputs } from '../../src/inputs.js'

/** A fresh directory under the OS temp dir, removed by `cleanupTemp`. */
export async function tempDir(prefix = 'fs-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix))
}

export interface RunOptions {
  workspace: string
  spec?: string
  inputs?: Partial<Record<Input, string>>
  secrets?: Record<string, string>
  env?: Record<string, string | undefined>
}

export interface RunCapture {
  /** Every line the host printed, already redacted as a user would see it. */
  logs: string[]
  outputs: Record<string, string>
  exported: Record<string, string>
  result?: RunResult
  error?: unknown
  /** Lines and outputs joined, for "no secret anywhere" scans. */
  everything(): Promise<string>
}

/**
 * Runs the real pipeline (settings → plan → fetch → report) in-process with the CLI host, the way
 * the CLI does, and captures what a user would see.
 */
export async function runSpec(opts: RunOptions): Promise<RunCapture> {
  const logs: string[] = []
  const host = createCliHost({ verbose: true, write: (l) => logs.push(l) })
  const tempRoot = path.join(opts.workspace, '..', `${path.basename(opts.workspace)}-runner-temp`)
  await fs.mkdir(tempRoot, { recursive: true })
  const raw: Partial<RawInputs> = {
    [Input.Spec]: opts.spec,
    [Input.Workspace]: opts.workspace,
    [Input.LockFile]: path.join(tempRoot, 'sources.lock.json'),
    ...(opts.secrets ? { [Input.Secrets]: JSON.stringify(opts.secrets) } : {}),
    ...opts.inputs
  }
  const capture: RunCapture = {
    logs,
    outputs: host.outputs,
    exported: host.exported,
    async everything() {
      const lock = await fs.readFile(raw[Input.LockFile]!, 'utf8').catch(() => '')
      return [...logs, JSON.stringify(host.outputs), lock].join('\n')
    }
  }
  const cleanup = new Cleanup()
  try {
    const settings = parseSettings(raw as RawInputs, { RUNNER_TEMP: tempRoot, ...opts.env })
    capture.result = await runFetch(settings, host, cleanup)
  } catch (error) {
    capture.error = error
    if (!reportError(host, error)) host.error(error instanceof Error ? error.message : String(error))
  } finally {
    await cleanup.run()
  }
  return capture
}
