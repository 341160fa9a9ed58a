import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { parse } from 'yaml'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')
/**
 * The bundle under test: `dist/index.js`, or FETCH_SOURCES_DIST (a bundle built into a temp dir
 * with `npx ncc build src/index.ts -o <dir> --target es2022`, so `dist/` is only rebuilt once).
 */
export const DIST = process.env.FETCH_SOURCES_DIST ? path.resolve(process.env.FETCH_SOURCES_DIST) : path.join(ROOT, 'dist', 'index.js')

/** The action's entry from source, as the runner would start it: node, tsx's loader, src/index.ts. */
export const SRC_ENTRY = ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src', 'index.ts')]
export { NODE24 } from '../../scripts/requirements.js'

export interface RunnerFiles {
  root: string
  workspace: string
  temp: string
  output: string
  state: string
  summary: string
}

/** The files and directories a GitHub runner gives a step. */
export async function runnerFiles(root: string): Promise<RunnerFiles> {
  const f = {
    root,
    workspace: path.join(root, 'workspace'),
    temp: path.join(root, 'runner-temp'),
    output: path.join(root, 'github_output'),
    state: path.join(root, 'github_state'),
    summary: path.join(root, 'step_summary.md')
  }
  await fs.mkdir(f.workspace, { recursive: true })
  await fs.mkdir(f.temp, { recursive: true })
  for (const file of [f.output, f.state, f.summary]) await fs.writeFile(file, '')
  return f
}

/** `INPUT_*` as the runner sets them: every declared input, defaults applied, dashes kept. */
export async function inputEnv(inputs: Record<string, string>): Promise<Record<string, string>> {
  const action = parse(await fs.readFile(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
  const env: Record<string, string> = {}
  for (const [name, def] of Object.entries(action.inputs)) {
    const value = inputs[name] ?? (String(def.default ?? '').includes('${{') ? 'ghs_defaultworkflowtoken000' : String(def.default ?? ''))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  return env
}

/** Reads `name<<delimiter` blocks (and plain `name=value` lines) from a GITHUB_OUTPUT/STATE file. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const body: string[] = []
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]!)
      out[heredoc[1]!] = body.join('\n')
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
  }
  return out
}

export interface StepResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs the bundle exactly as the runner does: `node dist/index.js` with a clean step environment. */
export function runStep(node: string, env: Record<string, string>, cwd: string, entry: string[] = [DIST]): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const base: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' }
    const child = spawn(node, entry, { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout, stderr })
    })
  })
}

/** The step environment for a runner layout. */
export function stepEnv(f: RunnerFiles): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: f.workspace,
    RUNNER_TEMP: f.temp,
    GITHUB_OUTPUT: f.output,
    GITHUB_STATE: f.state,
    GITHUB_STEP_SUMMARY: f.summary,
    GITHUB_SERVER_URL: 'https://github.com'
  }
}

/** The post step's environment: saved state comes back as `STATE_*` variables. */
export async function postEnv(f: RunnerFiles): Promise<Record<string, string>> {
  const saved = parseCommandFile(await fs.readFile(f.state, 'utf8'))
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(saved)) env[`STATE_${k}`] = v
  return env
}
