import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { run } from '../../../src/main.js'
import { inputEnv, parseCommandFile, runnerFiles, stepEnv } from '../../helpers/runner.js'

export interface ActionRun {
  /** What the step printed: workflow commands (`::add-mask::…`, `::error::…`) and log lines. */
  stdout: string
  outputs: Record<string, string>
  summary: string
  /** The lock file's text, '' when none was written. */
  lock: string
  workspace: string
  failed: boolean
  /** stdout, outputs, summary and lock file together, for "appears nowhere" scans. */
  everything: string
}

/**
 * Runs the action's main step in this process, as the runner would run it (`INPUT_*` with the
 * defaults of action.yml, GITHUB_OUTPUT/STATE/STEP_SUMMARY files, RUNNER_TEMP), capturing stdout.
 * The dist bundle is not used: it is rebuilt only at the end of a round, the source is current.
 */
export async function runAction(root: string, inputs: Record<string, string>, prepare?: (workspace: string) => Promise<void>): Promise<ActionRun> {
  const f = await runnerFiles(root)
  await prepare?.(f.workspace)
  const env = { ...stepEnv(f), ...(await inputEnv(inputs)) }
  const saved = new Map<string, string | undefined>()
  for (const [k, v] of Object.entries(env)) {
    saved.set(k, process.env[k])
    process.env[k] = v
  }
  const chunks: string[] = []
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    return true
  }) as typeof process.stdout.write
  const exitCode = process.exitCode
  let failed: boolean
  try {
    await run()
    failed = process.exitCode !== undefined && process.exitCode !== 0
  } finally {
    process.stdout.write = write
    process.exitCode = exitCode
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
  const stdout = chunks.join('')
  const outputs = parseCommandFile(await fs.readFile(f.output, 'utf8'))
  const summary = await fs.readFile(f.summary, 'utf8')
  const lock = await fs.readFile(outputs['lock-file'] ?? path.join(f.temp, 'sources.lock.json'), 'utf8').catch(() => '')
  return { stdout, outputs, summary, lock, workspace: f.workspace, failed, everything: [stdout, JSON.stringify(outputs), summary, lock].join('\n') }
}

/** The values the step asked the runner to mask. */
export function maskedValues(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length))
}
