import { spawn } from 'node:child_process'
import * as os from 'node:os'

/** Oldest git we drive: `--end-of-options` (2.24), partial clone + cone sparse checkout that work. */
export const MIN_GIT_VERSION = [2, 25, 0] as const

export interface GitExecOptions {
  cwd?: string
  /** Added to the base environment (credentials, protocol config). Never logged. */
  env?: Record<string, string>
  /** Return a non-zero exit code instead of throwing. */
  allowFailure?: boolean
  /** Kills the command when aborted (the run was cancelled); the call then rejects. */
  signal?: AbortSignal
  /** Called with stderr as it arrives (`--progress`); it is still collected in full. */
  onStderr?: (chunk: string) => void
}

export interface GitOutput {
  code: number
  stdout: string
  stderr: string
}

/** A git command that failed: its arguments (never secret: credentials travel by environment) and stderr. */
export class GitCommandError extends Error {
  override name = 'GitCommandError'
  constructor(
    readonly args: string[],
    readonly code: number,
    readonly stderr: string
  ) {
    super(`git ${args[0] ?? ''} failed (exit ${code}): ${lastLines(stderr)}`)
  }
}

function lastLines(text: string, n = 4): string {
  return (
    // `--progress` rewrites its line with `\r`: each rewrite is a line of its own.
    text
      .split(/[\r\n]+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-n)
      .join(' | ') || 'no output'
  )
}

/** Variables of the calling process that would redirect git somewhere we did not choose. */
const SCRUBBED =
  /^(GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE|CEILING_DIRECTORIES|CONFIG_COUNT|CONFIG_KEY_\d+|CONFIG_VALUE_\d+|CONFIG_PARAMETERS|ASKPASS|SSH|SSH_COMMAND|PROXY_COMMAND)|SSH_ASKPASS)$/

/**
 * The one way this project runs git: argument arrays, no shell, no prompt (`GIT_TERMINAL_PROMPT=0`,
 * no askpass), output captured and never echoed (argv is safe to show, but we log our own lines).
 */
export class Git {
  private constructor(
    readonly path: string,
    readonly version: string,
    private readonly baseEnv: Record<string, string>,
    private readonly signal?: AbortSignal
  ) {}

  /** The same git, every command of which is killed when `signal` aborts (a cancelled run). */
  withSignal(signal: AbortSignal): Git {
    return new Git(this.path, this.version, this.baseEnv, signal)
  }

  /** Finds git and checks its version; throws `GitUnavailable` when it is missing or too old. */
  static async create(options: { env?: NodeJS.ProcessEnv } = {}): Promise<Git> {
    const source = options.env ?? process.env
    const baseEnv: Record<string, string> = {}
    for (const [k, v] of Object.entries(source)) if (v !== undefined && !SCRUBBED.test(k)) baseEnv[k] = v
    Object.assign(baseEnv, { GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'Never', GIT_LFS_SKIP_SMUDGE: '1', LC_ALL: 'C' })
    let out: GitOutput
    try {
      // The same spawn as every other git command (no @actions/exec: its module is one more to load).
      out = await run('git', ['--version'], { env: baseEnv, signal: undefined })
    } catch (e) {
      throw new GitUnavailable(`git was not found on PATH (${(e as Error).message})`)
    }
    const m = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(out.stdout)
    if (out.code !== 0 || !m) throw new GitUnavailable(`\`git --version\` did not report a version: ${lastLines(out.stdout + out.stderr)}`)
    const found = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)]
    if (compareVersions(found, MIN_GIT_VERSION) < 0) {
      throw new GitUnavailable(`git ${found.join('.')} is older than the minimum ${MIN_GIT_VERSION.join('.')}`)
    }
    return new Git('git', found.join('.'), baseEnv)
  }

  async exec(args: string[], options: GitExecOptions = {}): Promise<GitOutput> {
    const out = await run(this.path, args, {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      env: { ...this.baseEnv, ...options.env },
      signal: options.signal ?? this.signal,
      ...(options.onStderr ? { onStderr: options.onStderr } : {})
    })
    if (out.code !== 0 && !options.allowFailure) throw new GitCommandError(args, out.code, out.stderr || out.stdout)
    return out
  }

  /** Whether `git lfs` is installed (it is a separate program). */
  async hasLfs(): Promise<boolean> {
    const out = await this.exec(['lfs', 'version'], { allowFailure: true })
    return out.code === 0
  }
}

/**
 * Runs a command with no stdin and its output captured. Not @actions/exec: that cannot stop a
 * child, and a cancelled run must not leave git writing into staging it is about to remove. Git
 * does not end the helpers it starts (`git-remote-http` outlives a killed `git fetch`), so git
 * runs in its own process group and the whole group gets SIGTERM; the call settles once git has
 * exited, so its staging is removed after the last write.
 */
function run(
  file: string,
  args: string[],
  opts: { cwd?: string; env: Record<string, string>; signal: AbortSignal | undefined; onStderr?: (chunk: string) => void }
): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(opts.signal.reason)
    const group = process.platform !== 'win32'
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: opts.env, detached: group, ...(opts.cwd ? { cwd: opts.cwd } : {}) })
    const stop = (): void => {
      try {
        if (group && child.pid) process.kill(-child.pid, 'SIGTERM')
        else child.kill('SIGTERM')
      } catch {
        // Already gone.
      }
    }
    opts.signal?.addEventListener('abort', stop, { once: true })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => stdout.push(d))
    child.stderr.on('data', (d: Buffer) => {
      stderr.push(d)
      opts.onStderr?.(d.toString())
    })
    child.once('error', (e) => {
      opts.signal?.removeEventListener('abort', stop)
      reject(e)
    })
    child.once('close', (code, signal) => {
      opts.signal?.removeEventListener('abort', stop)
      if (opts.signal?.aborted) return reject(opts.signal.reason)
      // A command ended by a signal reports it as a shell would (128 + its number).
      const exit = code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0)
      resolve({ code: exit, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() })
    })
  })
}

/** git cannot be used here: the caller may fall back to a hosting API. */
export class GitUnavailable extends Error {
  override name = 'GitUnavailable'
}

export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
