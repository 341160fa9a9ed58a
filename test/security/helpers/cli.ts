import { spawn, type ChildProcess } from 'node:child_process'
import * as path from 'node:path'
import { ROOT } from '../../helpers/runner.js'

export interface CliExit {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** True when the guard had to kill it. */
  killedByGuard: boolean
}

export interface CliProcess {
  child: ChildProcess
  /** Resolves at exit (after the streams closed). */
  done: Promise<CliExit>
  /** Resolves with the first stderr line that matches. */
  line(match: RegExp): Promise<string>
}

/**
 * The CLI from source in its own process (`node --import tsx test/helpers/cli-entry.ts …`): what
 * tests need when the product must be signalled, raced against itself, or cut off by a guard.
 * `guardMs` SIGKILLs it (by its own PID) if it has not exited by then.
 */
export function spawnCli(
  args: string[],
  opts: {
    env?: Record<string, string>
    cwd?: string
    guardMs?: number
    /** Called synchronously when the process exits (before its output streams are drained). */
    onExit?: () => void
  } = {}
): CliProcess {
  // tsx by its full URL: the CLI may run in another directory, where `tsx` would not resolve.
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'test', 'helpers', 'cli-entry.ts'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  const waiters: Array<{ match: RegExp; resolve: (l: string) => void }> = []
  let partial = ''
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr!.on('data', (d: Buffer) => {
    const text = d.toString()
    stderr += text
    const lines = (partial + text).split('\n')
    partial = lines.pop() ?? ''
    for (const l of lines) {
      for (const w of [...waiters]) {
        if (w.match.test(l)) {
          waiters.splice(waiters.indexOf(w), 1)
          w.resolve(l)
        }
      }
    }
  })
  let killedByGuard = false
  const guard = setTimeout(() => {
    killedByGuard = true
    child.kill('SIGKILL')
  }, opts.guardMs ?? 60_000)
  if (opts.onExit) child.once('exit', opts.onExit)
  const done = new Promise<CliExit>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(guard)
      resolve({ code, signal, stdout, stderr, killedByGuard })
    })
  })
  return {
    child,
    done,
    line: (match) => {
      const seen = stderr.split('\n').find((l) => match.test(l))
      if (seen !== undefined) return Promise.resolve(seen)
      return new Promise((resolve) => waiters.push({ match, resolve }))
    }
  }
}
