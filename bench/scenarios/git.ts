import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { ACTION_NODE } from '../../scripts/requirements.js'
import { measure } from '../measure.js'
import { dirsFor, type BenchContext } from '../context.js'
import type { RepoShape } from '../data.js'
import type { Scenario } from '../scenario.js'
import { commandSide, expectFiles, fetchSourcesSide, type Dirs } from '../sides.js'
import { inputEnv } from '../../test/helpers/runner.js'
import { cleanEnv } from '../tools.js'

const execFileAsync = promisify(execFile)

export interface GitSource {
  name: string
  repo: string
  depth: number
}

/** A native spec with one git connection per source, authenticated by one `user:password` secret. */
export function gitSpecParts(ctx: BenchContext, sources: GitSource[]): { connections: string[]; sources: string[] } {
  return {
    connections: sources.map((s) => `  - name: ${s.name}\n    kind: git\n    schema: {url: "${ctx.git!.server.url(s.repo)}"}\n    secret: {name: git-bench}`),
    sources: sources.map((s) => `  - connection: ${s.name}\n    path: ${s.name}\n    git: {depth: ${s.depth}}`)
  }
}

export function gitSpec(ctx: BenchContext, sources: GitSource[]): string {
  const parts = gitSpecParts(ctx, sources)
  return `version: 1\nconnections:\n${parts.connections.join('\n')}\nsources:\n${parts.sources.join('\n')}\n`
}

export const gitSecrets = (ctx: BenchContext): Record<string, string> => ({ 'git-bench': ctx.git!.server.secret })

/** fetch-sources on `sources` vs one plain `git clone` per source, one after another. */
async function cloneScenario(
  ctx: BenchContext,
  o: { id: string; title: string; repos: RepoShape[]; depth: number; targets: Scenario['targets'] }
): Promise<Scenario> {
  const dirs = await dirsFor(ctx, `s${o.id}`)
  const sources = o.repos.map((r, i) => ({ name: `code${i}`, repo: r.name, depth: o.depth }))
  const fsSide = await fetchSourcesSide({
    bin: ctx.bin,
    dirs,
    name: 'fetch-sources',
    spec: gitSpec(ctx, sources),
    secrets: gitSecrets(ctx),
    verify: async (ws) => {
      for (const [i, r] of o.repos.entries()) {
        const bad = await expectFiles(path.join(ws, `code${i}`), r.files)
        if (bad) return bad
      }
      return undefined
    }
  })
  const dest = path.join(dirs.out, 'git')
  const depthArgs = o.depth > 0 ? ['--depth', String(o.depth)] : []
  const baseline = commandSide({
    label: o.repos.length > 1 ? `${o.repos.length} × git clone${o.depth ? ' --depth 1' : ''}` : `git clone${o.depth ? ' --depth 1' : ''}`,
    dest,
    env: cleanEnv({ ...ctx.git!.server.cloneEnv, HOME: dirs.conf }),
    commands: sources.map((s) => ({ cmd: 'git', args: ['clone', '-q', ...depthArgs, ctx.git!.server.url(s.repo), path.join(dest, s.name)] })),
    verify: async (d) => {
      for (const [i, r] of o.repos.entries()) {
        const bad = await expectFiles(path.join(d, `code${i}`), r.files)
        if (bad) return bad
      }
      return undefined
    }
  })
  return { id: o.id, title: o.title, sides: [fsSide, baseline], targets: o.targets }
}

export function smallRepo(ctx: BenchContext): Promise<Scenario> {
  const r = ctx.git!.shapes.small[0]!
  return cloneScenario(ctx, {
    id: '1',
    title: `git depth 1, ${r.files} files`,
    repos: [r],
    depth: 1,
    // A fixed start-up cost, not a factor: what fetch-sources adds to the clone it runs.
    targets: [{ kind: 'overhead', maxMs: 120, baseline: 1, text: '≤ raw clone + 120 ms' }]
  })
}

export function bigRepo(ctx: BenchContext): Promise<Scenario> {
  const r = ctx.git!.shapes.big[0]!
  return cloneScenario(ctx, {
    id: '2a',
    title: `git depth 1, ${r.files} files`,
    repos: [r],
    depth: 1,
    targets: [{ kind: 'ratio', max: 1.1, baseline: 1, text: '≤ 1.10×' }]
  })
}

export function bigRepoHistory(ctx: BenchContext): Promise<Scenario> {
  const r = ctx.git!.shapes.big[0]!
  return cloneScenario(ctx, {
    id: '2b',
    title: `git full history, ${r.files} files × ${r.commits} commits`,
    repos: [r],
    depth: 0,
    targets: [{ kind: 'ratio', max: 1.15, baseline: 1, text: '≤ 1.15×' }]
  })
}

export function fourRepos(ctx: BenchContext): Promise<Scenario> {
  const repos = ctx.git!.shapes.four
  return cloneScenario(ctx, {
    id: '3',
    title: `${repos.length} repositories in one spec`,
    repos,
    depth: 1,
    // On loopback every fetch is CPU-bound on both ends: there is no latency to overlap.
    targets: ctx.wan ? [{ kind: 'ratio', max: 0.5, baseline: 1, text: '≤ 0.50×' }] : []
  })
}

/**
 * Checkout mode, as a workflow's `actions/checkout` step is swapped for fetch-sources: the bundle
 * run as the runner runs the action (`node index.js`, INPUT_* for every input of action.yml with
 * its default and only the token set, GITHUB_* pointing at the server), no spec, no url, the
 * workflow's repository at GITHUB_SHA into the workspace root, beside the `git clone --depth 1`
 * it is meant to cost no more than.
 */
export async function sameRepository(ctx: BenchContext): Promise<Scenario> {
  const r = ctx.git!.shapes.small[0]!
  const server = ctx.git!.server
  const dirs: Dirs = await dirsFor(ctx, 's9')
  // Not execFileSync: the git server answers from this very process.
  const head = (
    await execFileAsync('git', ['ls-remote', server.url(r.name), 'refs/heads/main'], { env: cleanEnv(server.cloneEnv), encoding: 'utf8' })
  ).stdout.split('\t')[0]!
  const workspace = path.join(dirs.out, 'workspace')
  const runner = path.join(dirs.conf, 'runner')
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md' }
  const env = cleanEnv({
    ...(await inputEnv({ token: server.token })),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(runner, 'temp'),
    ...Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(runner, f)])),
    GITHUB_SERVER_URL: server.serverUrl,
    GITHUB_REPOSITORY: server.repository(r.name),
    GITHUB_SHA: head,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push'
  })
  const fsSide = {
    label: 'fetch-sources',
    prepare: async () => {
      await fs.rm(runner, { recursive: true, force: true })
      await fs.mkdir(path.join(runner, 'temp'), { recursive: true })
      for (const f of Object.values(files)) await fs.writeFile(path.join(runner, f), '')
      await fs.rm(workspace, { recursive: true, force: true })
      await fs.mkdir(workspace, { recursive: true })
    },
    run: () => measure({ cmd: ACTION_NODE, args: [path.join(ctx.bin.bundleDir, 'index.js')], env, cwd: workspace }),
    verify: async () => {
      const bad = await expectFiles(workspace, r.files)
      if (bad) return bad
      const at = (await execFileAsync('git', ['-C', workspace, 'rev-parse', 'HEAD'], { encoding: 'utf8' })).stdout.trim()
      const commit = /^commit<<(.+)\n(.*)\n/m.exec(await fs.readFile(path.join(runner, files.GITHUB_OUTPUT), 'utf8'))?.[2]
      return at === head && commit === head ? undefined : `checked out ${at} (output commit ${commit}), not GITHUB_SHA ${head}`
    }
  }
  const dest = path.join(dirs.out, 'git')
  const baseline = commandSide({
    label: 'git clone --depth 1',
    dest,
    env: cleanEnv({ ...server.cloneEnv, HOME: dirs.conf }),
    commands: [{ cmd: 'git', args: ['clone', '-q', '--depth', '1', server.url(r.name), path.join(dest, 'repo')] }],
    verify: (d) => expectFiles(path.join(d, 'repo'), r.files)
  })
  return {
    id: '9',
    title: `same repository, as checkout is used (no spec, workspace root), ${r.files} files`,
    sides: [fsSide, baseline],
    targets: [{ kind: 'overhead', maxMs: 120, baseline: 1, text: '≤ raw clone + 120 ms' }]
  }
}
