/**
 * Git credentials and redirects (issue 13, item 12). The README promises that a credential is
 * only ever sent to the origin it was given for. A git server with Basic auth answers 302 to a
 * second loopback server on another port: that server must never receive an Authorization
 * header, whatever the run's outcome (ideally the run fails saying it was redirected to another
 * origin).
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from '../helpers/harness.js'
import { commit, makeRepo, startGitHttp, type GitHttpServer } from '../servers/git-http.js'
import { startRedirector, type Redirector } from './helpers/redirect.js'
import { freshWorkspace, transcript } from './helpers/run.js'

const TOKEN = 'ghp_redirect_secret_token_0123456789'
const basic = `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`

let root: string
let other: GitHttpServer
let origin: Redirector

beforeAll(async () => {
  root = await tempDir('fs-sec-redirect-')
  const repos = path.join(root, 'repos')
  await fs.mkdir(repos)
  await makeRepo(repos, 'app', (work) => commit(work, { 'main.py': 'print(1)\n' }, 'one').then(() => undefined))
  // The other origin serves the same repository without asking for credentials, so a client that
  // follows the redirect gets all the way through and every request it makes there is recorded.
  other = await startGitHttp({ root: repos })
  origin = await startRedirector({ to: other.url, authorization: basic })
})
afterAll(async () => {
  await other?.close()
  await origin?.close()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('item 12: credentials never follow a redirect to another origin', () => {
  it('a 302 from the authenticated origin to another port: the other server never sees Authorization', async () => {
    const ws = await freshWorkspace(root)
    const spec = `version: 1\nsources:\n  - name: app\n    url: ${origin.url}/app.git\n    secret: {name: git-token}\n    path: app\n`
    const run = await runSpec({ workspace: ws, spec, secrets: { 'git-token': TOKEN } })
    // The redirect really happened: the origin was asked with the credential and answered 302.
    expect(
      origin.requests.some((r) => r.authorization?.toLowerCase() === basic.toLowerCase()),
      transcript(run)
    ).toBe(true)
    expect(other.requests.length, 'the test needs the client to have followed the redirect').toBeGreaterThan(0)
    const leaked = other.requests.filter((r) => r.authorization !== undefined).map((r) => `${r.method} ${r.path}`)
    expect(leaked, `Authorization sent to ${other.url}:\n${transcript(run)}`).toEqual([])
  })
})
