import { ACTION_NODE } from '../scripts/requirements.js'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { treeSize } from './data.js'
import { measure, type Sample } from './measure.js'
import type { Side } from './scenario.js'
import { cleanEnv, type FetchSourcesBinary } from './tools.js'

/** Where each side of each scenario writes: the same filesystem for every side (`--dest`). */
export interface Dirs {
  /** Under `--dest`: what is fetched. */
  out: string
  /** Off the measured filesystem: specs, secrets, lock files. */
  conf: string
}

const RUN_TIMEOUT_MS = 15 * 60_000

async function emptyDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true })
  await fs.mkdir(dir, { recursive: true })
}

/** A failed run: its exit code and the end of what it said. */
export function failure(sample: Sample): string | undefined {
  if (sample.code === 0) return undefined
  const said = (sample.stderr.trim() || sample.stdout.trim()).split('\n').slice(-6).join(' ⏎ ')
  return `exit ${sample.code}: ${said.slice(-600)}`
}

export async function expectFiles(dir: string, files: number): Promise<string | undefined> {
  const got = await treeSize(dir).catch(() => ({ files: -1, bytes: 0 }))
  return got.files === files ? undefined : `expected ${files} files in ${dir}, found ${got.files < 0 ? 'no directory' : got.files}`
}

export interface FetchSourcesRun {
  bin: FetchSourcesBinary
  dirs: Dirs
  /** Distinguishes the side's directories within the scenario. */
  name: string
  spec: string
  secrets: Record<string, string>
  args?: string[]
  env?: Record<string, string>
}

/** Writes the spec and secrets once; returns the argv and workspace for a run of the CLI. */
export async function fetchSourcesCommand(o: FetchSourcesRun): Promise<{ argv: string[]; workspace: string; env: NodeJS.ProcessEnv }> {
  const conf = path.join(o.dirs.conf, o.name)
  await fs.mkdir(conf, { recursive: true })
  const spec = path.join(conf, 'run.yaml')
  const secrets = path.join(conf, 'secrets.json')
  await fs.writeFile(spec, o.spec)
  await fs.writeFile(secrets, JSON.stringify(o.secrets), { mode: 0o600 })
  const workspace = path.join(o.dirs.out, o.name)
  const argv = [
    o.bin.entry,
    '--spec',
    spec,
    '--workspace',
    workspace,
    '--secrets-file',
    secrets,
    '--lock-file',
    path.join(conf, 'sources.lock.json'),
    ...(o.args ?? []),
    ...(o.bin.extraArgs ?? [])
  ]
  const runnerTemp = path.join(conf, 'runner-temp')
  await fs.mkdir(runnerTemp, { recursive: true })
  return { argv, workspace, env: cleanEnv({ RUNNER_TEMP: runnerTemp, ...o.env }) }
}

/** fetch-sources through its CLI, into a fresh workspace every run. */
export async function fetchSourcesSide(o: FetchSourcesRun & { label?: string; verify?: (workspace: string) => Promise<string | undefined> }): Promise<Side> {
  const cmd = await fetchSourcesCommand(o)
  return {
    label: o.label ?? 'fetch-sources',
    prepare: () => emptyDir(cmd.workspace),
    run: () => measure({ cmd: ACTION_NODE, args: cmd.argv, env: cmd.env, timeoutMs: RUN_TIMEOUT_MS }),
    verify: o.verify ? () => o.verify!(cmd.workspace) : undefined
  }
}

export interface CommandRun {
  label: string
  dest: string
  /** One or more commands run one after another inside the timed section (four clones). */
  commands: Array<{ cmd: string; args: string[] }>
  env: NodeJS.ProcessEnv
  verify?: (dest: string) => Promise<string | undefined>
}

/**
 * A baseline tool. Several commands run sequentially through `sh -c` in one timed process, so
 * wall time and peak RSS cover them all exactly as a shell step would.
 */
export function commandSide(o: CommandRun): Side {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`
  const script = o.commands.map((c) => [c.cmd, ...c.args].map(quote).join(' ')).join(' && ')
  return {
    label: o.label,
    prepare: () => emptyDir(o.dest),
    run: () =>
      o.commands.length === 1
        ? measure({ cmd: o.commands[0]!.cmd, args: o.commands[0]!.args, env: o.env, cwd: o.dest, timeoutMs: RUN_TIMEOUT_MS })
        : measure({ cmd: '/bin/sh', args: ['-c', script], env: o.env, cwd: o.dest, timeoutMs: RUN_TIMEOUT_MS }),
    verify: o.verify ? () => o.verify!(o.dest) : undefined
  }
}
