import { existsSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sh } from './measure.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Baselines are the Debian packages a user would `apt-get install` in a shell step. */
const BASELINES = [
  { bin: '/usr/bin/rclone', pkg: 'rclone' },
  { bin: '/usr/bin/aws', pkg: 'awscli' },
  { bin: '/usr/bin/time', pkg: 'time' }
]

export async function ensureBaselines(log: (l: string) => void): Promise<void> {
  const missing = BASELINES.filter((b) => !existsSync(b.bin)).map((b) => b.pkg)
  if (missing.length === 0) return
  log(`installing ${missing.join(', ')} from Debian`)
  const sudo = process.getuid?.() === 0 ? [] : ['sudo']
  const run = (args: string[]): Promise<string> =>
    sh(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  await run(['apt-get', 'update', '-qq'])
  await run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing])
}

/** How to start fetch-sources: `node <entry> …args`. */
export interface FetchSourcesBinary {
  entry: string
  /** Directory holding the bundle's chunks (to tell which files a run loaded). */
  bundleDir: string
  label: string
  /** `--fs-args`: more CLI flags for every fetch-sources run through the CLI (`--concurrency 32`). */
  extraArgs?: string[]
  dispose(): Promise<void>
}

/**
 * Default: the committed bundle through the real CLI (`bin/fetch-sources.js` imports
 * `dist/index.js`). `--build`: the current source bundled with ncc into a temp directory, behind
 * a wrapper that does exactly what `bin/fetch-sources.js` does — dist/ itself is never touched.
 */
export async function fetchSourcesBinary(build: boolean, log: (l: string) => void, ref?: string): Promise<FetchSourcesBinary> {
  if (!build) {
    return { entry: path.join(ROOT, 'bin', 'fetch-sources.js'), bundleDir: path.join(ROOT, 'dist'), label: 'dist/ (committed bundle)', dispose: async () => {} }
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-bench-build-'))
  const tree = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-bench-src-'))
  log(`bundling src/index.ts${ref ? ` at ${ref}` : ''} with ncc into ${dir}`)
  // A copy of src/ with only src/ in the program: the tests others are editing, and an unused
  // local in a file mid-edit, must not stop a measurement (ncc type-checks the whole program).
  if (ref) await sh('/bin/sh', ['-c', `git -C "$1" archive "$2" src | tar -x -C "$3"`, 'sh', ROOT, ref, tree])
  else await fs.cp(path.join(ROOT, 'src'), path.join(tree, 'src'), { recursive: true })
  await fs.copyFile(path.join(ROOT, 'package.json'), path.join(tree, 'package.json'))
  await fs.symlink(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'))
  const tsconfig = JSON.parse(await fs.readFile(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown>; include: string[] }
  Object.assign(tsconfig.compilerOptions, { noUnusedLocals: false, noUnusedParameters: false, noImplicitReturns: false })
  tsconfig.include = ['src']
  await fs.writeFile(path.join(tree, 'tsconfig.json'), JSON.stringify(tsconfig))
  try {
    await sh(path.join(ROOT, 'node_modules', '.bin', 'ncc'), ['build', path.join(tree, 'src', 'index.ts'), '-o', dir, '--target', 'es2022', '--quiet'], {
      cwd: tree
    })
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true })
    throw error
  } finally {
    await fs.rm(tree, { recursive: true, force: true })
  }
  await fs.writeFile(path.join(dir, 'package.json'), '{\n  "type": "module"\n}\n')
  const entry = path.join(dir, 'cli.js')
  await fs.writeFile(entry, "import { runCli } from './index.js'\n\nprocess.exitCode = await runCli()\n")
  const label = ref ? `ncc build of src/ at ${ref} (${(await sh('git', ['-C', ROOT, 'rev-parse', '--short', ref])).trim()})` : 'fresh ncc build of src/'
  return { entry, bundleDir: dir, label, dispose: () => fs.rm(dir, { recursive: true, force: true }) }
}

/** An environment without the runner's or the user's settings leaking into either side. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(AWS_|RCLONE_|GITHUB_|INPUT_|RUNNER_|GIT_|FETCH_SOURCES_)/.test(k)) continue
    env[k] = v
  }
  return { ...env, GIT_TERMINAL_PROMPT: '0', ...extra }
}
