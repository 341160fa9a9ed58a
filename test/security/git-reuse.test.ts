/**
 * A checkout left in a persistent workspace is untrusted (issue 13, item 13). On self-hosted
 * runners workspaces persist, and anything that could write there (a previous job, the code it
 * ran) can plant git configuration. Re-using that checkout must not run any of it: no
 * `core.hooksPath` hook, no `core.fsmonitor` command, no `.git/hooks/*` — today each runs during
 * the update with the token in its environment (`GIT_CONFIG_VALUE_n=AUTHORIZATION: basic …`).
 *
 * Each test: a first run checks out commit 1; the test plants one mechanism that writes a marker
 * file (with its environment) whenever git runs it; upstream moves to commit 2; a second run must
 * succeed with commit 2 on disk and no marker may ever exist.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from '../helpers/harness.js'
import { commit, git, makeRepo, startGitHttp, type GitHttpServer } from '../servers/git-http.js'
import { exists } from './helpers/fs-state.js'
import { freshWorkspace, transcript } from './helpers/run.js'

const TOKEN = 'ghp_reuse_secret_token_0123456789abcd'
/** Hooks git runs around fetch, checkout, clean and ref updates. */
const HOOKS = ['post-checkout', 'reference-transaction', 'post-merge', 'post-rewrite', 'pre-auto-gc', 'post-index-change', 'fsmonitor-watchman']

let root: string
let server: GitHttpServer
let bare: string
let work: string

const spec = (): string => `version: 1\nsources:\n  - name: app\n    url: ${server.url}/app.git\n    secret: {name: git-token}\n    path: app\n`
const secrets = { 'git-token': TOKEN }

beforeAll(async () => {
  root = await tempDir('fs-sec-reuse-')
  const repos = path.join(root, 'repos')
  await fs.mkdir(repos)
  bare = await makeRepo(repos, 'app', (w) => commit(w, { 'main.py': 'v1\n' }, 'one').then(() => undefined))
  work = path.join(repos, 'app-work')
  server = await startGitHttp({ root: repos, tokens: [TOKEN] })
})
afterAll(async () => {
  await server?.close()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

/** A script that appends its name, arguments and environment to `marker`. */
async function markerScript(file: string, marker: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, `#!/bin/sh\n{ echo "ran: $0 $*"; env; } >> '${marker}'\nexit 0\n`, { mode: 0o755 })
}

/** First run (commit 1), plant, move upstream, second run; asserts nothing planted ran and commit 2 landed. */
async function replantAndRerun(plant: (checkout: string, marker: string) => Promise<void>): Promise<void> {
  const ws = await freshWorkspace(root)
  const marker = path.join(await fs.mkdtemp(path.join(root, 'marker-')), 'ran')
  const first = await runSpec({ workspace: ws, spec: spec(), secrets })
  expect(first.error, transcript(first)).toBeUndefined()
  const checkout = path.join(ws, 'app')
  await plant(checkout, marker)

  const next = await commit(work, { 'main.py': `v-${path.basename(ws)}\n` }, 'next')
  git(work, 'push', '-q', bare, 'main')
  const second = await runSpec({ workspace: ws, spec: spec(), secrets })

  const ran = (await exists(marker)) ? await fs.readFile(marker, 'utf8') : ''
  const ranLines = ran.split('\n').filter((l) => l.startsWith('ran: '))
  const withToken = /AUTHORIZATION: basic/i.test(ran) ? ' (its environment held the credential header)' : ''
  expect(ranLines, `planted code ran during the re-run${withToken}:\n${ranLines.join('\n')}\n`).toEqual([])
  expect(second.error, transcript(second)).toBeUndefined()
  expect(second.outputs.commit).toBe(next)
  expect(git(checkout, 'rev-parse', 'HEAD')).toBe(next)
  expect(await fs.readFile(path.join(checkout, 'main.py'), 'utf8')).toBe(`v-${path.basename(ws)}\n`)
}

describe('item 13: a reused checkout runs none of its own configuration', () => {
  it('`core.hooksPath` pointing at a directory of hooks: none runs', async () => {
    await replantAndRerun(async (checkout, marker) => {
      const hooks = path.join(root, `hooks-${path.basename(path.dirname(marker))}`)
      for (const hook of HOOKS) await markerScript(path.join(hooks, hook), marker)
      git(checkout, 'config', 'core.hooksPath', hooks)
    })
  })

  it('`core.fsmonitor` naming a script: it never runs', async () => {
    await replantAndRerun(async (checkout, marker) => {
      const script = path.join(root, `fsmonitor-${path.basename(path.dirname(marker))}`)
      await markerScript(script, marker)
      git(checkout, 'config', 'core.fsmonitor', script)
    })
  })

  it('`.git/hooks/*` in the checkout: none runs', async () => {
    await replantAndRerun(async (checkout, marker) => {
      for (const hook of HOOKS) await markerScript(path.join(checkout, '.git', 'hooks', hook), marker)
    })
  })
})
