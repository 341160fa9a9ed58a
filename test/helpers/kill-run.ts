import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { GateProxy } from '../servers/gate-proxy.js'
import { ROOT } from './runner.js'

/**
 * The CLI (from source) as a process a test can SIGKILL at a known point. Each run leads its own
 * process group, and a kill goes to the whole group by the CLI's own PID, as a runner cancelling
 * a job kills the tree: the git processes the CLI started die with it instead of living on against
 * the next run's checkout.
 */
export interface CliExit {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

/**
 * How long one wait may take before the test fails and the run is killed: a guard against a hang,
 * never a trigger and never a measure (a run here takes about a second, ten under heavy load).
 * Tests that use these waits give themselves more than the sum of their guards, so a hang is
 * reported by the guard, with the run's output, and the run is ended.
 */
export const GUARD_MS = 45_000

function start(args: string[], env: Record<string, string>): { done: Promise<CliExit>; kill: () => void; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'cli-entry.ts'), ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env }
  })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const done = new Promise<CliExit>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stderr }))
  })
  const kill = (): void => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // The group is already gone.
    }
  }
  return { done, kill, stderr: () => stderr }
}

/** Waits for `event`, or fails with `message` (and kills the run) when the guard runs out. */
async function bounded<T>(event: Promise<T>, run: { kill: () => void; stderr: () => string }, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      run.kill()
      reject(new Error(`${message} within ${GUARD_MS / 1000} s; stderr so far:\n${run.stderr()}`))
    }, GUARD_MS)
  })
  try {
    return await Promise.race([event, guard])
  } finally {
    clearTimeout(timer)
  }
}

/** Runs the CLI to its end. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliExit> {
  const run = start(args, env)
  return bounded(run.done, run, 'the run did not end')
}

/**
 * Runs the CLI with `gate` armed and SIGKILLs it the moment the gate holds the request it was
 * armed for (the caller arms it). Fails if the run ends first: then the kill point never came.
 */
export async function killWhenHeld(gate: GateProxy, args: string[], env: Record<string, string> = {}): Promise<CliExit> {
  let onHeld: (() => void) | undefined
  const held = new Promise<'held'>((resolve) => {
    onHeld = () => resolve('held')
    gate.once('held', onHeld)
  })
  const run = start(args, env)
  try {
    const first = await bounded(Promise.race([held, run.done]), run, 'the gate held nothing and the run did not end')
    if (first !== 'held') throw new Error(`the run ended (exit ${first.code}) before the gate held the request it was armed for:\n${first.stderr}`)
    run.kill()
    return await bounded(run.done, run, 'the run did not end after SIGKILL')
  } finally {
    gate.off('held', onHeld!)
  }
}

/** What a run leaves beside destinations while it works: staging and a moved-aside destination. */
export async function leftovers(ws: string): Promise<string[]> {
  return (await fs.readdir(ws)).filter((e) => e.startsWith('.fetch-sources-tmp-') || e.startsWith('.fetch-sources-old-'))
}

/** The workspace's entries other than the re-run state files kept beside destinations. */
export async function contentOf(ws: string): Promise<string[]> {
  return (await fs.readdir(ws)).filter((e) => !e.startsWith('.fetch-sources-state-')).sort()
}
