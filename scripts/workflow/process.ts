/** Child processes of the local runner, and the runner's command files (GITHUB_OUTPUT and friends). */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'

/** Runs a program, handing each line of its stdout and stderr to `log`; resolves to the exit code. */
export function runProcess(file: string, args: string[], opts: { cwd: string; env: Record<string, string>; log: (line: string) => void }): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] })
    const pending = { out: '', err: '' }
    const feed = (which: 'out' | 'err') => (d: Buffer) => {
      const lines = (pending[which] + d.toString()).split('\n')
      pending[which] = lines.pop()!
      for (const l of lines) opts.log(l)
    }
    child.stdout.on('data', feed('out'))
    child.stderr.on('data', feed('err'))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      for (const rest of [pending.out, pending.err]) if (rest) opts.log(rest)
      resolve(code ?? (signal ? 128 : 1))
    })
  })
}

/** Reads `name<<delimiter` blocks and `name=value` lines, as the runner reads GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STATE. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const body: string[] = []
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]!)
      if (i >= lines.length) throw new Error(`unterminated ${heredoc[1]}<<${heredoc[2]} in a command file`)
      out[heredoc[1]!] = body.join('\n')
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
  }
  return out
}

export interface CommandFiles {
  GITHUB_OUTPUT: string
  GITHUB_ENV: string
  GITHUB_PATH: string
  GITHUB_STATE: string
  GITHUB_STEP_SUMMARY: string
}

/** Fresh, empty command files for one step, under the job's temp directory. */
export async function commandFiles(temp: string, step: number): Promise<CommandFiles> {
  const dir = path.join(temp, '_runner_file_commands', String(step))
  await fs.mkdir(dir, { recursive: true })
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary')
  }
  for (const f of Object.values(files)) await fs.writeFile(f, '')
  return files
}

export async function readCommandFile(file: string): Promise<Record<string, string>> {
  return parseCommandFile(await fs.readFile(file, 'utf8'))
}

/** Shells as the runner starts them (`{0}` is the script file). */
const SHELLS: Record<string, string[]> = {
  bash: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'],
  sh: ['sh', '-e', '{0}']
}

/** A `run:` step: the script goes to a file and the shell runs it, as on a Linux runner. */
export async function runScript(
  script: string,
  shell: string,
  opts: { cwd: string; env: Record<string, string>; temp: string; log: (line: string) => void }
): Promise<number> {
  const argv = SHELLS[shell]
  if (!argv) throw new Error(`shell \`${shell}\` is not supported by the local runner (bash, sh)`)
  const file = path.join(opts.temp, `script-${Date.now()}-${Math.random().toString(16).slice(2)}.sh`)
  await fs.writeFile(file, script)
  const [cmd, ...args] = argv.map((a) => (a === '{0}' ? file : a))
  return runProcess(cmd!, args, opts)
}
