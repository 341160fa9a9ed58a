import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from './helpers/harness.js'
import type { Source } from './helpers/plan.js'

/** examples/<dialect>.yaml: each one validates and plans as documented; Polyaxon's runs locally. */

const REPO = path.resolve(import.meta.dirname, '..')
const root = await tempDir('fs-dialect-examples-')
afterAll(() => fs.rm(root, { recursive: true, force: true }))

const SECRETS = { 'paperspace-github-token': 'ghp_example', github_secret: JSON.stringify({ pa_token: 'ghp_zenml_example' }) }

async function copyWorkspace(): Promise<string> {
  const ws = await fs.mkdtemp(path.join(root, 'ws-'))
  await fs.cp(path.join(REPO, 'examples'), path.join(ws, 'examples'), { recursive: true })
  return ws
}

describe('examples/ dry runs', () => {
  const cases: Array<[string, string, string[]]> = [
    ['polyaxon.yaml', 'plan (polyaxon, detected by run.init): 2 source(s)', ['- polyaxon-quick-start: ', 'main-container connections: polyaxon-quick-start']],
    ['ads.yaml', 'plan (ads, detected by kind: job, spec.runtime): 1 source(s)', ['entrypoint: mnist/main.py (in code)']],
    ['gradient.yaml', 'plan (gradient, detected by repositories): 2 source(s)', ['tf-serving', 'paperspace-ml']],
    ['zenml.yaml', 'plan (zenml, detected by code_repository): 1 source(s)', ['via connection "zenml"']]
  ]
  it.each(cases)('%s', async (file, head, parts) => {
    const ws = await copyWorkspace()
    const run = await runSpec({
      workspace: ws,
      spec: `examples/${file}`,
      secrets: SECRETS,
      inputs: { 'dry-run': 'true', ...(file === 'polyaxon.yaml' ? { connections: 'examples/polyaxon-catalog.yaml' } : {}) }
    })
    expect(run.error).toBeUndefined()
    const plan = run.logs.find((l) => l.startsWith(head))
    expect(plan, run.logs.join('\n')).toBeDefined()
    for (const p of parts) expect(plan).toContain(p)
  })
})

const gitFetcherAvailable = await (async () => {
  const ws = await fs.mkdtemp(path.join(root, 'probe-'))
  const run = await runSpec({ workspace: ws, spec: 'version: 1\nsources:\n  - {url: "file:///nonexistent/repo.git", path: p}\n' })
  return !run.logs.join('\n').includes('sources of kind git are not supported yet')
})()

describe('examples/polyaxon.yaml runs against a local catalog', () => {
  it.skipIf(!gitFetcherAvailable)('the same spec, a catalog pointing the connection at a local repository', async () => {
    const repo = path.join(root, 'quick-start')
    await fs.mkdir(repo)
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], {
        cwd: repo,
        encoding: 'utf8'
      }).trim()
    git('init', '-q', '-b', 'master')
    await fs.writeFile(path.join(repo, 'model.py'), 'print(1)\n')
    git('add', '.')
    git('commit', '-q', '-m', 'quick start')
    const ws = await copyWorkspace()
    const catalog = `connections:\n  - name: polyaxon-quick-start\n    kind: git\n    schema: {url: "file://${repo}"}\n`
    const run = await runSpec({ workspace: ws, spec: 'examples/polyaxon.yaml', inputs: { connections: catalog } })
    expect(run.error).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'plx-context/code/polyaxon-quick-start/model.py'), 'utf8')).toBe('print(1)\n')
    expect(await fs.readFile(path.join(ws, 'local-data/labels.csv'), 'utf8')).toBe(await fs.readFile(path.join(REPO, 'examples/data/labels.csv'), 'utf8'))
    expect(run.outputs.commit).toBe(git('rev-parse', 'HEAD'))
  })
})

describe('docs/dialects.md: each example equals the native spec shown beside it', () => {
  const docs = readFileSync(path.join(REPO, 'docs/dialects.md'), 'utf8')
  const native = (dialect: string): string => {
    const m = new RegExp(`<!-- native-equivalent: ${dialect} -->\\s*\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(docs)
    if (!m) throw new Error(`docs/dialects.md has no native equivalent for ${dialect}`)
    return m[1]!
  }
  const shape = (s: Source) => ({
    name: s.name,
    kind: s.kind,
    relPath: s.relPath,
    primary: s.primary,
    connection: s.connection,
    secret: s.secret?.name,
    ...(s.kind === 'git' ? { url: s.url, revision: s.revision, depth: s.depth, subdirectory: s.subdirectory, provider: s.provider } : {}),
    ...('selection' in s ? { selection: s.selection } : {})
  })
  it.each(['polyaxon', 'ads', 'gradient', 'zenml'])('%s', async (dialect) => {
    const ws = await copyWorkspace()
    const inputs = { 'dry-run': 'true', ...(dialect === 'polyaxon' ? { connections: 'examples/polyaxon-catalog.yaml' } : {}) }
    const fromExample = await runSpec({ workspace: ws, spec: `examples/${dialect}.yaml`, secrets: SECRETS, inputs })
    const fromNative = await runSpec({ workspace: ws, spec: native(dialect), secrets: SECRETS, inputs })
    expect(fromExample.error).toBeUndefined()
    expect(fromNative.error).toBeUndefined()
    expect(fromNative.result!.plan.sources.length).toBeGreaterThan(0)
    expect((fromExample.result!.plan.sources as Source[]).map(shape)).toEqual((fromNative.result!.plan.sources as Source[]).map(shape))
    expect(fromExample.result!.plan.entrypoint).toEqual(fromNative.result!.plan.entrypoint)
  })
})
