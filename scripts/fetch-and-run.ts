/**
 * What the reusable workflow `.github/workflows/fetch-and-run.yml` does, as one local command:
 * fetch with the CLI, then run `--command` with the outputs in its environment.
 *
 *   npx tsx scripts/fetch-and-run.ts --command 'python train.py' -- --spec run.yaml --workspace ws
 *
 * Everything after `--` goes to the fetch-sources CLI unchanged. The command runs in the platform
 * shell (`sh` here, `cmd.exe` on Windows; the workflow uses bash on every runner), in the workspace,
 * with FETCH_COMMIT, FETCH_REF, FETCH_PATH, FETCH_SOURCES, FETCH_LOCK_FILE and FETCH_ENTRYPOINT set.
 * The exit code is the CLI's when the fetch fails (the command is then not run), else the command's.
 * `--dist` runs the built bundle (`bin/fetch-sources.js`) instead of the sources.
 */
import { spawn } from 'node:child_process'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SELF = fileURLToPath(import.meta.url)
const AS_CLI = '--as-fetch-sources-cli'

/** The action's outputs as the workflow hands them to the command. */
export function fetchEnv(outputs: Record<string, unknown>): Record<string, string> {
  const text = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v))
  return {
    FETCH_COMMIT: text(outputs.commit),
    FETCH_REF: text(outputs.ref),
    FETCH_PATH: text(outputs.path),
    FETCH_SOURCES: text(outputs.sources),
    FETCH_LOCK_FILE: text(outputs['lock-file']),
    FETCH_ENTRYPOINT: text(outputs.entrypoint)
  }
}

interface Options {
  command: string
  dist: boolean
  cliArgs: string[]
}

function parse(argv: string[]): Options {
  const sep = argv.indexOf('--')
  const own = sep < 0 ? argv : argv.slice(0, sep)
  const cliArgs = sep < 0 ? [] : argv.slice(sep + 1)
  let command = ''
  let dist = false
  for (let i = 0; i < own.length; i++) {
    if (own[i] === '--command') command = own[++i] ?? ''
    else if (own[i] === '--dist') dist = true
    else throw new Error(`unknown option ${own[i]}; fetch-sources options go after \`--\``)
  }
  if (!command.trim()) throw new Error('--command is required (what to run after the fetch)')
  return { command, dist, cliArgs }
}

/** Runs the CLI in a child process; its JSON stdout is the outputs, its stderr the log. */
function runFetch(options: Options): Promise<{ code: number; outputs: Record<string, unknown> }> {
  const argv = options.dist ? [path.join(ROOT, 'bin', 'fetch-sources.js'), ...options.cliArgs] : [...process.execArgv, SELF, AS_CLI, ...options.cliArgs]
  return new Promise((resolve, reject) => {
    // In the workspace, as the workflow's step runs: the spec's path there means the same thing.
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'], cwd: workspaceOf(options.cliArgs) })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return resolve({ code: code ?? 1, outputs: {} })
      try {
        resolve({ code: 0, outputs: JSON.parse(stdout) as Record<string, unknown> })
      } catch {
        reject(new Error(`the CLI printed no JSON outputs:\n${stdout}`))
      }
    })
  })
}

function workspaceOf(cliArgs: string[]): string {
  const i = cliArgs.indexOf('--workspace')
  const inline = cliArgs.find((a) => a.startsWith('--workspace='))
  const value = i >= 0 ? cliArgs[i + 1] : inline?.slice('--workspace='.length)
  return path.resolve(value || process.env.GITHUB_WORKSPACE || '.')
}

function runCommand(command: string, cwd: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, cwd, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)))
  })
}

export async function fetchAndRun(argv: string[]): Promise<number> {
  const options = parse(argv)
  const fetched = await runFetch(options)
  if (fetched.code !== 0) {
    console.error(`fetch-and-run: the fetch failed (exit ${fetched.code}); not running the command`)
    return fetched.code
  }
  return runCommand(options.command, workspaceOf(options.cliArgs), fetchEnv(fetched.outputs))
}

if (process.argv[2] === AS_CLI) {
  const { runCli } = await import('../src/cli.js')
  process.exitCode = await runCli(process.argv.slice(3))
} else if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  try {
    process.exitCode = await fetchAndRun(process.argv.slice(2))
  } catch (e) {
    console.error(`fetch-and-run: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = 2
  }
}
