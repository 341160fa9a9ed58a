import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { derivedForms } from '../src/connections/redactor.js'
import { runSpec, tempDir } from './helpers/harness.js'
import { ROOT } from './helpers/runner.js'
import { commit, git, makeRepo, startGitHttp, type GitHttpServer } from './servers/git-http.js'

/**
 * Every fetch-sources step of docs/migration.md's "From actions/checkout" section, run as written
 * against a loopback git server standing in for github.com: `https://github.com` becomes the
 * server's URL, `${{ secrets.MODEL_TOKEN }}` the one token it accepts for `org/model`. The
 * workflow's default `token` (`${{ github.token }}`) is one the server refuses there, so a step
 * that lands `org/model` used the credential its example names.
 */
const MODEL_TOKEN = 'ghp_model_token_3c9b2a1f7e'
const WORKFLOW_TOKEN = 'ghs_workflow_token_not_for_model'
let root: string
let server: GitHttpServer
const sha: Record<string, string> = {}

interface Step {
  uses: string
  with?: Record<string, string>
}

/** The fetch-sources steps of the section, in order, with the block's first comment line (its name). */
async function examples(): Promise<Array<{ name: string; with: Record<string, string> }>> {
  const doc = await fs.readFile(path.join(ROOT, 'docs', 'migration.md'), 'utf8')
  const section = doc.slice(doc.indexOf('## From `actions/checkout`'), doc.indexOf('### Input by input'))
  const found: Array<{ name: string; with: Record<string, string> }> = []
  for (const [i, m] of [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].entries()) {
    const steps = (parse(m[1]!) as Step[] | null) ?? []
    for (const step of steps)
      if (step.uses.startsWith('fetch-sources/')) found.push({ name: `block ${i + 1}: ${JSON.stringify(step.with ?? {})}`, with: step.with ?? {} })
  }
  return found
}

/** What the runner does to a `with:` value: expressions evaluated; github.com is the loopback server. */
function evaluate(value: string): string {
  const host = new URL(server.url).host
  return String(value)
    .replaceAll('${{ secrets.MODEL_TOKEN }}', MODEL_TOKEN)
    .replaceAll('${{ toJSON(secrets) }}', JSON.stringify({ MODEL_TOKEN }))
    .replaceAll('https://github.com', server.url)
    .replaceAll('"github.com"', JSON.stringify(host))
}

beforeAll(async () => {
  root = await tempDir('fs-migration-')
  const repos = path.join(root, 'repos', 'org')
  await fs.mkdir(repos, { recursive: true })
  await makeRepo(repos, 'model', async (w) => {
    sha.v1 = await commit(w, { 'src/train.py': 'print(1)\n', 'configs/a.yaml': 'a: 1\n', 'docs/x.md': 'x\n' }, 'v1.2.0')
    git(w, 'tag', 'v1.2.0')
    sha.head = await commit(w, { 'src/train.py': 'print(2)\n' }, 'later')
  })
  await makeRepo(repos, 'app', async (w) => {
    sha.app = await commit(w, { 'app.txt': 'the workflow repository\n' }, 'app')
  })
  // The workflow's own repository answers without credentials (as github.token would be accepted);
  // org/model only with MODEL_TOKEN.
  server = await startGitHttp({ root: path.join(root, 'repos'), tokens: [MODEL_TOKEN], open: ['/org/app'] })
})

afterAll(async () => {
  await server?.close()
  await fs.rm(root, { recursive: true, force: true })
})

describe('docs/migration.md: the actions/checkout examples run as written', () => {
  it('the section has the swap, checkout inputs, two quick-mode forms and a spec', async () => {
    expect((await examples()).length).toBe(5)
  })

  it('each example lands what it says, with the credential it names', async () => {
    for (const [i, example] of (await examples()).entries()) {
      const ws = path.join(root, 'ws', String(i))
      await fs.mkdir(ws, { recursive: true })
      const inputs = Object.fromEntries(Object.entries(example.with).map(([k, v]) => [k, evaluate(v)]))
      const capture = await runSpec({
        workspace: ws,
        inputs: { token: WORKFLOW_TOKEN, ...inputs },
        env: { GITHUB_SERVER_URL: server.url, GITHUB_REPOSITORY: 'org/app', GITHUB_SHA: sha.app!, GITHUB_REF: 'refs/heads/main' }
      })
      expect(capture.error, `${example.name}\n${capture.logs.join('\n')}`).toBeUndefined()
      const everything = await capture.everything()
      expect(derivedForms(MODEL_TOKEN).filter((f) => everything.includes(f))).toEqual([])
      if (Object.keys(example.with).length === 0) {
        // The two-line swap: the workflow's repository at its commit, in the workspace root.
        expect(capture.outputs.commit).toBe(sha.app)
        expect(await fs.readFile(path.join(ws, 'app.txt'), 'utf8')).toBe('the workflow repository\n')
        continue
      }
      expect(capture.outputs.commit, example.name).toBe(sha.v1)
      expect(await fs.readFile(path.join(ws, 'model', 'src', 'train.py'), 'utf8')).toBe('print(1)\n')
    }
  })
})
