/**
 * What `npm test` needs besides npm packages, checked before the first test file runs (vitest
 * globalSetup): sshd (git over ssh against a real server), git and git-lfs, zstd (the cache
 * archives of @actions/cache), and Node 24 (the runtime action.yml declares, for the tests that
 * run dist/ as the runner does).
 *
 * Missing Debian packages are installed when the run is root with apt-get (as `.ci/run` does),
 * unless FETCH_SOURCES_TEST_PROVISION=0; otherwise the run stops at once with the exact command.
 * Node 24 comes from the npm registry into tools/node24 (kept out of the main package so npm
 * scripts run on the machine's own Node).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const NODE24_DIR = path.join(ROOT, 'tools', 'node24')
export const NODE24 = path.join(NODE24_DIR, 'node_modules', '.bin', 'node')

const PACKAGES: Array<{ command: string; paths: string[]; pkg: string }> = [
  { command: 'sshd', paths: ['/usr/sbin/sshd'], pkg: 'openssh-server' },
  { command: 'git', paths: [], pkg: 'git' },
  { command: 'git-lfs', paths: [], pkg: 'git-lfs' },
  // @actions/cache archives with zstd when it runs (as on GitHub's runners), else gzip: another version.
  { command: 'zstd', paths: [], pkg: 'zstd' }
]

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/** Whether `command` is an executable file on PATH or at one of `paths`. */
export function found(command: string, paths: string[] = [], env: NodeJS.ProcessEnv = process.env): boolean {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean)
  return [...paths, ...dirs.map((d) => path.join(d, command))].some(executable)
}

/** The Debian packages whose commands are missing. */
export function missingPackages(env: NodeJS.ProcessEnv = process.env): string[] {
  return PACKAGES.filter((p) => !found(p.command, p.paths, env)).map((p) => p.pkg)
}

export function installCommand(packages: string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`
}

/** Installs what is missing where that is ours to do; otherwise throws the command to run. */
export function provision(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.error): void {
  const missing = missingPackages(env)
  if (missing.length) {
    const canInstall = process.getuid?.() === 0 && found('apt-get', [], env) && env.FETCH_SOURCES_TEST_PROVISION !== '0'
    if (!canInstall) {
      throw new Error(`the tests need ${missing.join(', ')} (real servers and tools on loopback). Install them first:\n  ${installCommand(missing)}`)
    }
    log(`installing ${missing.join(', ')} for the tests (apt-get, as .ci/run does)`)
    const apt = { stdio: 'inherit' as const, env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } }
    execFileSync('apt-get', ['update', '-qq'], apt)
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], apt)
  }
  if (!executable(NODE24)) {
    log('installing Node 24 (the runtime action.yml declares) into tools/node24')
    const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', NODE24_DIR], { stdio: 'inherit', env })
    if (npm.status !== 0) throw new Error(`could not install Node 24 into tools/node24: run \`npm ci --prefix tools/node24\``)
  }
}

/** The node the action runs on: Node 24 from tools/node24 when installed, else this process's. */
export const ACTION_NODE = executable(NODE24) ? NODE24 : process.execPath
