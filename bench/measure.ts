import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'

/** One timed run of a command. */
export interface Sample {
  wallMs: number
  /**
   * Peak resident set of the largest single process in the tree, in MB, from the kernel's
   * rusage (GNU time's %M): the children a process waits for are folded into its own maximum,
   * so for fetch-sources this is max(node, every git it ran), not their sum.
   */
  peakRssMb: number
  /**
   * CPU time (user + system) of the process and every descendant it waited for (GNU time's
   * %U + %S): the client's work, whichever process did it (node, git, index-pack).
   */
  cpuMs: number
  code: number
  stdout: string
  stderr: string
}

export interface RunCommand {
  cmd: string
  args: string[]
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Kill the whole process group after this long. */
  timeoutMs?: number
}

const TIME = '/usr/bin/time'
const KEEP = 64 * 1024

/** Keeps the tail of a stream: enough for an error message, bounded for a chatty tool. */
function tail(into: { text: string }): (d: Buffer) => void {
  return (d) => {
    into.text += d.toString()
    if (into.text.length > KEEP * 2) into.text = into.text.slice(-KEEP)
  }
}

/**
 * Runs `cmd` under GNU time (so rusage covers the child and everything it waited for) and
 * measures wall time around it. The ~1 ms that `time` itself adds is the same for both sides.
 */
export async function measure(run: RunCommand): Promise<Sample> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-bench-time-'))
  const rssFile = path.join(dir, 'rss')
  const out = { text: '' }
  const err = { text: '' }
  const started = process.hrtime.bigint()
  const child = spawn(TIME, ['-f', '%M %U %S', '-o', rssFile, run.cmd, ...run.args], {
    env: run.env ?? process.env,
    cwd: run.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  child.stdout.on('data', tail(out))
  child.stderr.on('data', tail(err))
  const timer = setTimeout(
    () => {
      err.text += `\n[bench] killed after ${run.timeoutMs} ms`
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    },
    run.timeoutMs ?? 10 * 60_000
  )
  const code = await new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)))
  }).finally(() => clearTimeout(timer))
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  // GNU time writes "Command exited with non-zero status N" before the numbers on failure.
  const rssText = await fs.readFile(rssFile, 'utf8').catch(() => '')
  const [kb, user, sys] = (rssText.trim().split('\n').pop() ?? '').split(' ').map(Number)
  await fs.rm(dir, { recursive: true, force: true })
  const cpu = (user ?? NaN) + (sys ?? NaN)
  return {
    wallMs,
    peakRssMb: Number.isFinite(kb) ? kb! / 1024 : NaN,
    cpuMs: Number.isFinite(cpu) ? cpu * 1000 : NaN,
    code,
    stdout: out.text,
    stderr: err.text
  }
}

/** Runs a command to completion, untimed; throws with its stderr when it fails. */
export async function sh(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<string> {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] })
  const out: Buffer[] = []
  const err = { text: '' }
  child.stdout.on('data', (d: Buffer) => out.push(d))
  child.stderr.on('data', tail(err))
  // A command that exits without reading its input closes the pipe first: EPIPE, not a failure.
  child.stdin.on('error', () => undefined)
  child.stdin.end(opts.input ?? '')
  const code = await new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (c) => resolve(c ?? 1))
  })
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${err.text.trim().slice(-2000)}`)
  return Buffer.concat(out).toString()
}

export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (v.length === 0) return NaN
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2
}
