import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { interpolate, toText, type Scope } from '../scripts/workflow/expressions.js'
import { tempDir } from './helpers/harness.js'
import { buildRepo, credentialsSent, startForge, type Built } from './helpers/forge.js'
import { inputEnv, parseCommandFile, runnerFiles, stepEnv } from './helpers/runner.js'
import type { GitHttpServer } from './servers/git-http.js'
import { makeCertificate, type TestCertificate } from './servers/tls.js'

/**
 * ZenML's `{{github_secret.pa_token}}` from a workflow (docs/dialects.md, "ZenML secrets from a
 * workflow"): GitHub forbids repository secrets named GITHUB_*, so the docs map another secret to
 * `github_secret`. Each step snippet of the docs is read from the docs themselves, its `with:` and
 * `env:` evaluated as the runner would (the local runner's expression evaluator, with the secrets
 * context a repository would have), and the action entry (src/index.ts) run in a child process
 * with the runner's files and INPUT_* variables, against a loopback https forge.
 */

const ROOT = path.resolve(import.meta.dirname, '..')
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const ENTRY = path.join(ROOT, 'src', 'index.ts')
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'dialects')
const DOCS = readFileSync(path.join(ROOT, 'docs', 'dialects.md'), 'utf8')

const PA_TOKEN = 'ghp_zenml_workflow_pa_token'
const GLPAT = 'glpat-zenml-workflow-token'
// How people paste JSON into the secrets page: pretty-printed, several lines.
const ZENML_GITHUB_SECRET = `{\n  "pa_token": "${PA_TOKEN}"\n}`

interface Step {
  uses: string
  with?: Record<string, string>
  env?: Record<string, string>
}

/** The one step of the snippet marked `<!-- zenml-secrets: NAME -->` in docs/dialects.md. */
function snippet(name: string): Step {
  const m = new RegExp(`<!-- zenml-secrets: ${name} -->\\s*\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(DOCS)
  if (!m) throw new Error(`docs/dialects.md has no snippet "zenml-secrets: ${name}"`)
  const steps = parse(m[1]!) as Step[]
  expect(steps).toHaveLength(1)
  expect(steps[0]!.uses).toMatch(/^fetch-sources\/fetch-sources@/)
  return steps[0]!
}

/** `with:` and `env:` as the runner hands them to the action: every `${{ }}` evaluated. */
function evaluate(step: Step, secrets: Record<string, string>): { inputs: Record<string, string>; env: Record<string, string> } {
  // A repository's secrets context: its secrets plus the job token GitHub adds.
  const scope: Scope = { status: 'success', contexts: { secrets: { github_token: 'ghs_jobtoken0000', ...secrets }, github: {}, env: {}, vars: {} } }
  const each = (o: Record<string, string> = {}) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, toText(interpolate(v, scope))]))
  return { inputs: each(step.with), env: each(step.env) }
}

let root: string
let cert: TestCertificate
let forge: GitHttpServer
let zenml: Built
let gitlab: Built

beforeAll(async () => {
  root = await tempDir('fs-seeds-zenml-')
  cert = await makeCertificate(path.join(root, 'tls'))
  const repos = path.join(root, 'repos')
  zenml = await buildRepo(repos, 'zenml-io/zenml', {
    main: [{ 'examples/quickstart/run.py': 'v1', 'README.md': 'zenml' }, { 'examples/quickstart/run.py': 'v2' }]
  })
  gitlab = await buildRepo(repos, 'ml/training', { main: [{ 'src/run.py': 'v1' }, { 'src/run.py': 'v2' }] })
  forge = await startForge(cert, { root: repos, tokens: [PA_TOKEN, GLPAT] })
})

afterAll(async () => {
  await forge?.close()
  await fs.rm(root, { recursive: true, force: true })
})

interface ActionRun {
  code: number
  stdout: string
  outputs: Record<string, string>
  workspace: string
}

let n = 0
/** The action entry as the runner starts it: `node <entry>` with the step's environment only. */
async function runAction(step: Step, secrets: Record<string, string>, files: Record<string, string>): Promise<ActionRun> {
  const f = await runnerFiles(path.join(root, `step-${++n}`))
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(f.workspace, name), text)
  const { inputs, env } = evaluate(step, secrets)
  const childEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    // The runner trusts real hosts' certificates; this one trusts the loopback forge's.
    GIT_SSL_CAINFO: cert.certFile,
    ...stepEnv(f),
    ...(await inputEnv(inputs)),
    ...env
  }
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, ENTRY], { cwd: f.workspace, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('error', reject)
    child.on('close', (c) => {
      clearTimeout(timer)
      resolve({ code: c ?? -1, stdout: out })
    })
  })
  return { code, stdout, outputs: parseCommandFile(await fs.readFile(f.output, 'utf8')), workspace: f.workspace }
}

const host = (): string => new URL(forge.url).host
/** The documented github example with `--host` pointing at the forge, pinned to a commit it has. */
const githubSpec = (): string =>
  readFileSync(path.join(FIXTURES, 'zenml/github.yaml'), 'utf8')
    .replace('  repository: zenml\n', `  repository: zenml\n  host: ${host()}\n`)
    .replace('3f6ee2c4a4b5a3a3b8d0c6b1f0f1c0e8f6a9d2b1', zenml.shas[0]!)

/** Every line of the step's output that shows `secret`: only the runner's `::add-mask::` commands may. */
const showing = (stdout: string, secret: string): string[] => stdout.split('\n').filter((l) => l.includes(secret) && !l.startsWith('::add-mask::'))

describe('ZenML {{github_secret.pa_token}} from a workflow', () => {
  it('the `secrets` input mapping: INPUT_SECRETS holds the secret as a JSON string under github_secret', async () => {
    const step = snippet('input')
    expect(evaluate(step, { ZENML_GITHUB_SECRET }).inputs.secrets).toBe(`{"github_secret": ${JSON.stringify(ZENML_GITHUB_SECRET)} }`)
    forge.requests.length = 0
    const run = await runAction(step, { ZENML_GITHUB_SECRET }, { 'zenml.yaml': githubSpec() })
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.commit).toBe(zenml.shas[0])
    expect(run.outputs.path).toBe(path.join(run.workspace, 'code'))
    expect(await fs.readdir(path.join(run.workspace, 'code'))).toEqual(['run.py'])
    expect(await fs.readFile(path.join(run.workspace, 'code/run.py'), 'utf8')).toBe('v1')
    expect(credentialsSent(forge, '/zenml-io/zenml.git')).toEqual([`x-access-token:${PA_TOKEN}`])
    expect(showing(run.stdout, PA_TOKEN)).toEqual([])
  })

  it('the step `env:` mapping: github_secret found among environment variables', async () => {
    const step = snippet('env')
    forge.requests.length = 0
    const run = await runAction(step, { ZENML_GITHUB_SECRET }, { 'zenml.yaml': githubSpec() })
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.commit).toBe(zenml.shas[0])
    expect(await fs.readFile(path.join(run.workspace, 'code/run.py'), 'utf8')).toBe('v1')
    expect(credentialsSent(forge, '/zenml-io/zenml.git')).toEqual([`x-access-token:${PA_TOKEN}`])
    expect(showing(run.stdout, PA_TOKEN)).toEqual([])
  })

  it('why a mapping is needed: `secrets: ${{ toJSON(secrets) }}` has no GITHUB_SECRET to offer', async () => {
    const step: Step = { uses: 'fetch-sources/fetch-sources@v1', with: { spec: 'zenml.yaml', secrets: '${{ toJSON(secrets) }}' } }
    const run = await runAction(step, { ZENML_GITHUB_SECRET }, { 'zenml.yaml': githubSpec() })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/secret "github_secret" for connection "my-repo" not found: tried "github_secret", "GITHUB_SECRET"/)
    // The error says why and what to do.
    expect(run.stdout).toContain('GitHub does not allow repository secrets named GITHUB_SECRET: store it under another name and map it')
    expect(showing(run.stdout, PA_TOKEN)).toEqual([])
  })

  it('{{gitlab_secret.pa_token}} needs no mapping: the repository secret GITLAB_SECRET', async () => {
    const step = snippet('gitlab')
    const spec = readFileSync(path.join(FIXTURES, 'zenml/gitlab.yaml'), 'utf8')
      .replaceAll('gitlab.example.com', host())
      .replace('89abcdef0123456789abcdef0123456789abcdef', gitlab.shas[0]!)
    forge.requests.length = 0
    const run = await runAction(step, { GITLAB_SECRET: JSON.stringify({ pa_token: GLPAT }) }, { 'zenml-gitlab.yaml': spec })
    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs.commit).toBe(gitlab.shas[0])
    expect(await fs.readFile(path.join(run.workspace, 'workdir/code/run.py'), 'utf8')).toBe('v1')
    expect(credentialsSent(forge, '/ml/training.git')).toEqual([`oauth2:${GLPAT}`])
    expect(showing(run.stdout, GLPAT)).toEqual([])
  })
})
