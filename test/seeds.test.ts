import * as fs from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { BlobServiceClient } from '@azure/storage-blob'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { buildRepo, credentialsSent, pathsServed, startForge, type Built } from './helpers/forge.js'
import { startAzurite, type Azurite } from './servers/azurite.js'
import { git, type GitHttpServer } from './servers/git-http.js'
import { startSshd, type SshServer } from './servers/sshd.js'
import { makeCertificate } from './servers/tls.js'

/**
 * Every example of the seed documents (/work/shared/seeds, see docs/dialects.md "Seed examples and
 * their tests") that describes a fetch, fetched as written: each fixture is loaded verbatim and only
 * the host part of its URLs is replaced by a loopback server's — https hosts by an https git server
 * with a per-run certificate, `git@github.com:` by an sshd, the Azure account's blob endpoint by
 * azurite. Each test asserts the bytes that landed, the commit and what the server was sent.
 */

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures/dialects')
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8')

const root = await tempDir('fs-seeds-')
const cert = await makeCertificate(path.join(root, 'tls'))
// Before git first runs: the fetcher keeps the environment of its first git process.
process.env.GIT_SSL_CAINFO = cert.certFile

const GL = 'gl-user:gl-token'
const GIT_SECRET = 'ghp_private_repos_token'
const PAPERSPACE = 'ghp_paperspace_token'
const ZENML = 'ghp_zenml_pa_token'
const GHE = 'ghp_enterprise_pa_token'
const GLPAT = 'glpat-zenml-pa-token'
const AZ_KEY = Buffer.from('plxtest account key for azurite, 32+ bytes long').toString('base64')

const repos = path.join(root, 'repos')
let forge: GitHttpServer // github.com, gitlab.com and the self-hosted forges: auth required but for open paths
let anonymous: GitHttpServer // the same repositories, no auth: gitlab.com for a connection without a secret
let newCom: GitHttpServer // https://new.com, the repository at the server's root
let sshd: SshServer
let az: Azurite
let orgTest: Built
let quickStart: Built
let newRepo: Built
const built: Record<string, Built> = {}

beforeAll(async () => {
  const lib = await buildRepo(repos, 'org/lib', { main: [{ 'lib.txt': 'submodule\n' }] })
  orgTest = await buildRepo(repos, 'org/test', {
    main: [{ 'README.md': 'main 1' }, { 'README.md': 'main 2' }],
    submodules: { lib: lib.bare },
    branches: { branchA: [{ 'README.md': 'branch A' }] }
  })
  quickStart = await buildRepo(repos, 'polyaxon/polyaxon-quick-start', { main: [{ 'model.py': 'v1' }, { 'model.py': 'v2' }] })
  built.repo1 = await buildRepo(repos, 'org/private-repo1', { main: [{ 'process.py': 'data' }] })
  built.repo2 = await buildRepo(repos, 'org/private-repo2', { main: [{ 'train.py': 'train' }] })
  built.serving = await buildRepo(repos, 'tensorflow/serving', { main: [{ WORKSPACE: 'serving' }] })
  built.ml = await buildRepo(repos, 'paperspace/ml-private', { main: [{ 'model.py': 'ml' }] })
  built.zenml = await buildRepo(repos, 'zenml-io/zenml', {
    main: [{ 'examples/quickstart/run.py': 'v1', 'README.md': 'zenml' }, { 'examples/quickstart/run.py': 'v2' }]
  })
  built.ghe = await buildRepo(repos, 'ml-team/pipelines', { main: [{ 'pipeline.py': 'ghe' }] })
  built.gitlab = await buildRepo(repos, 'ml/training', { main: [{ 'src/run.py': 'v1', 'README.md': 'top' }, { 'src/run.py': 'v2' }] })
  newRepo = await buildRepo(path.join(root, 'new'), 'root', { main: [{ 'NEW.md': 'from new.com' }] })

  forge = await startForge(cert, {
    root: repos,
    users: { 'gl-user': 'gl-token', 'paperspace-user': PAPERSPACE },
    tokens: [GIT_SECRET, ZENML, GHE, GLPAT],
    open: ['/tensorflow/', '/polyaxon/']
  })
  anonymous = await startForge(cert, { root: repos })
  newCom = await startForge(cert, { root: newRepo.bare, users: { 'gl-user': 'gl-token' } })
  sshd = await startSshd(path.join(root, 'sshd'))
  // Polyaxon's catalog names the storage account plxtest: azurite serves it under that name.
  process.env.AZURITE_ACCOUNTS = `plxtest:${AZ_KEY}`
  az = await startAzurite()
  delete process.env.AZURITE_ACCOUNTS
})

afterAll(async () => {
  await Promise.all([forge?.close(), anonymous?.close(), newCom?.close(), sshd?.close(), az?.stop()])
  await fs.rm(root, { recursive: true, force: true })
})

beforeEach(() => {
  for (const server of [forge, anonymous, newCom]) if (server) server.requests.length = 0
})

let n = 0
async function workspace(): Promise<string> {
  const dir = path.join(root, `ws-${++n}`)
  await fs.mkdir(dir)
  return dir
}
const read = (ws: string, rel: string): Promise<string> => fs.readFile(path.join(ws, rel), 'utf8')
/** Empty when the run succeeded; else the error and the log (where per-source failures are). */
const failure = (r: RunCapture): string => (r.error === undefined ? '' : [...r.logs, String((r.error as Error).message ?? r.error)].join('\n'))
/** `https://host` → a loopback server's origin, and nothing else of the text. */
const onHost = (text: string, host: string, server: GitHttpServer): string => text.replaceAll(`https://${host}`, server.url)
const hostOf = (server: GitHttpServer): string => new URL(server.url).host

describe('polyaxon: git connections', () => {
  const gitlab = { 'gitlab-connection': JSON.stringify({ POLYAXON_GIT_CREDENTIALS: GL }) }
  const connection = (server = forge): string => onHost(fixture('polyaxon/connection.yaml'), 'gitlab.com', server)

  it('Schema Fields (url) as the catalog, "Example usage as init param": a public clone named after the param', async () => {
    const ws = await workspace()
    const catalog = onHost(fixture('polyaxon/schema-url.yaml'), 'gitlab.com', anonymous)
    const run = await runSpec({ workspace: ws, spec: fixture('polyaxon/init-param.yaml'), inputs: { connections: catalog } })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'repo-test/README.md')).toBe('main 2')
    expect(run.outputs.commit).toBe(orgTest.shas.at(-1))
    expect(Object.keys(JSON.parse(run.outputs.sources!) as object)).toEqual(['repo'])
    expect(credentialsSent(anonymous, '/org/test')).toEqual([])
  })

  it('"Example connection" and "Specific branch or commit": branchA with POLYAXON_GIT_CREDENTIALS', async () => {
    const ws = await workspace()
    const run = await runSpec({ workspace: ws, spec: fixture('polyaxon/branch.yaml'), secrets: gitlab, inputs: { connections: connection() } })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'repo-test/README.md')).toBe('branch A')
    expect(run.outputs.commit).toBe(orgTest.branches.branchA)
    expect(credentialsSent(forge, '/org/test')).toEqual([GL])
    expect(await run.everything()).not.toContain('gl-token')
    expect(await read(ws, 'repo-test/.git/config')).not.toContain('gl-token')
  })

  it('"Usage with a custom init container": fetched here, `container:` warned', async () => {
    const ws = await workspace()
    const run = await runSpec({ workspace: ws, spec: fixture('polyaxon/init-container.yaml'), secrets: gitlab, inputs: { connections: connection() } })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'repo-test/README.md')).toBe('main 2')
    expect(run.logs.some((l) => l.includes('`container:` ignored: a custom init container cannot run on a GitHub runner'))).toBe(true)
  })

  it('"Overriding the default git url": https://new.com, with the connection’s secret', async () => {
    const ws = await workspace()
    const spec = onHost(fixture('polyaxon/url-override.yaml'), 'new.com', newCom)
    const run = await runSpec({ workspace: ws, spec, secrets: gitlab, inputs: { connections: connection() } })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'repo-test/NEW.md')).toBe('from new.com')
    expect(run.outputs.commit).toBe(newRepo.shas[0])
    expect(credentialsSent(newCom, '/')).toEqual([GL])
  })

  it('"Passing flags": --experimental-fetch, --depth 1, --recurse-submodules', async () => {
    const ws = await workspace()
    const run = await runSpec({ workspace: ws, spec: fixture('polyaxon/flags.yaml'), secrets: gitlab, inputs: { connections: connection() } })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'repo-test/README.md')).toBe('main 2')
    expect(await read(ws, 'repo-test/lib/lib.txt')).toBe('submodule\n')
    // --depth 1: one commit of history, the one fetched.
    expect((await read(ws, 'repo-test/.git/shallow')).trim()).toBe(orgTest.shas.at(-1))
    expect(pathsServed(forge, '/org/lib/')).not.toEqual([])
  })

  it('"Example using the connection inside the main container": nothing fetched, the secret’s keys exported', async () => {
    const ws = await workspace()
    const inputs = { connections: connection(), 'expose-connections': 'true' }
    const run = await runSpec({ workspace: ws, spec: fixture('polyaxon/main-container.yaml'), secrets: gitlab, inputs })
    expect(failure(run)).toBe('')
    expect(run.exported).toEqual({ POLYAXON_GIT_CREDENTIALS: GL })
    expect(await fs.readdir(ws)).toEqual([])
  })

  it('"Connecting public repos" + "Run an experiment": build.commit pins polyaxon-quick-start', async () => {
    const ws = await workspace()
    const catalog = onHost(fixture('polyaxon/public-catalog.yaml'), 'github.com', forge)
    const spec = fixture('polyaxon/experiment.yaml').replace('62b264813aaf5cba3a81919c623ea55c3f79698f', quickStart.shas[0]!)
    const run = await runSpec({ workspace: ws, spec, inputs: { connections: catalog } })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'polyaxon-quick-start/model.py')).toBe('v1')
    expect(run.outputs.commit).toBe(quickStart.shas[0])
  })

  it('"Connecting private repos": two connections, one git-secret', async () => {
    const ws = await workspace()
    const catalog = onHost(fixture('polyaxon/private-catalog.yaml'), 'github.com', forge)
    // The docs show no spec for this catalog: the smallest one that initialises both connections.
    const spec = 'kind: component\nrun:\n  kind: job\n  init:\n    - connection: repo1\n    - connection: repo2\n      path: /plx-context/code\n'
    const run = await runSpec({ workspace: ws, spec, secrets: { 'git-secret': GIT_SECRET }, inputs: { connections: catalog } })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'repo1/process.py')).toBe('data')
    expect(await read(ws, 'plx-context/code/repo2/train.py')).toBe('train')
    expect(credentialsSent(forge, '/org/private-repo')).toEqual([`x-access-token:${GIT_SECRET}`])
  })
})

describe('polyaxon: the connections catalog', () => {
  it('"Example configuration" (agent catalog): the git connection and the wasb artifacts store', async () => {
    const endpoint = az.endpoint.replace(/\/devstoreaccount1$/, '/plxtest')
    const connectionString = `DefaultEndpointsProtocol=http;AccountName=plxtest;AccountKey=${AZ_KEY};BlobEndpoint=${endpoint};`
    const logs = BlobServiceClient.fromConnectionString(connectionString).getContainerClient('logs')
    await logs.create()
    for (const [name, body] of Object.entries({ 'outputs/model.json': '{"acc": 0.9}', 'outputs/skip.txt': 'no' }))
      await logs.getBlockBlobClient(name).upload(body, body.length)
    const ws = await workspace()
    // The catalog keeps its wasbs://logs@plxtest.blob.core.windows.net/ bucket: the secret's
    // connection string points the account at azurite, as it would at Azure Stack.
    const catalog = onHost(fixture('polyaxon/agent-catalog.yaml'), 'gitlab.com', forge)
    const spec = 'run:\n  kind: job\n  init:\n    - connection: repo-test\n    - artifacts: {files: [outputs/model.json]}\n'
    const secrets = { 'gitlab-connection': JSON.stringify({ POLYAXON_GIT_CREDENTIALS: GL }), 'az-secret': connectionString }
    const run = await runSpec({ workspace: ws, spec, secrets, inputs: { connections: catalog } })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'repo-test/README.md')).toBe('main 2')
    expect(await read(ws, 'artifacts/outputs/model.json')).toBe('{"acc": 0.9}')
    await expect(fs.stat(path.join(ws, 'artifacts/outputs/skip.txt'))).rejects.toThrow()
    expect(az.requests.some((r) => r.url.startsWith('/plxtest/logs'))).toBe(true)
    expect(await run.everything()).not.toContain(AZ_KEY)
  })
})

describe('ads: git runtime', () => {
  it('git@ URI over ssh with the gitSecretId key; commit wins over branch; entryPoint in the repository', async () => {
    const sshRoot = path.join(root, 'ssh')
    const repo = await buildRepo(sshRoot, 'username/repository', {
      main: [{ 'train.py': 'main' }],
      branches: { develop: [{ 'train.py': 'develop 1' }, { 'train.py': 'develop 2' }] }
    })
    const develop1 = git(repo.bare, 'rev-parse', 'develop~1')
    const ws = await workspace()
    // The machine has no `git` account: sshd logs in root (the user part changes with the host).
    const spec = fixture('ads/git.yaml')
      .replace('git@github.com:', `ssh://root@127.0.0.1:${sshd.port}${sshRoot}/`)
      .replace('commit: abcdef', `commit: ${develop1.slice(0, 7)}`)
    const secrets = { 'ocid1.xxxxxx': JSON.stringify({ SSH_PRIVATE_KEY: sshd.userKey, KNOWN_HOSTS: sshd.knownHosts }) }
    const run = await runSpec({ workspace: ws, spec, secrets })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'code/train.py')).toBe('develop 1')
    expect(run.outputs.commit).toBe(develop1)
    expect(run.outputs.entrypoint).toBe(path.join(ws, 'code/train.py'))
    expect(await run.everything()).not.toContain('PRIVATE KEY')
  })
})

describe('gradient: repositories in a deployment', () => {
  it('both repositories under /opt/repositories; the private one with paperspace-user and the secret', async () => {
    const ws = await workspace()
    const spec = onHost(fixture('gradient/deployment.yaml'), 'github.com', forge)
    const run = await runSpec({ workspace: ws, spec, secrets: { 'paperspace-github-token': PAPERSPACE } })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'opt/repositories/tf-serving/WORKSPACE')).toBe('serving')
    expect(await read(ws, 'opt/repositories/paperspace-ml/model.py')).toBe('ml')
    const sources = JSON.parse(run.outputs.sources!) as Record<string, { commit: string }>
    expect([sources['tf-serving']!.commit, sources['paperspace-ml']!.commit]).toEqual([built.serving!.shas[0], built.ml!.shas[0]])
    expect(credentialsSent(forge, '/paperspace/ml-private')).toEqual([`paperspace-user:${PAPERSPACE}`])
    expect(run.logs.some((l) => l.includes('`dataset` ignored'))).toBe(true)
    expect(await run.everything()).not.toContain(PAPERSPACE)
  })
})

describe('zenml: code repositories', () => {
  it('github (--owner, --repository, --token={{github_secret.pa_token}}) with --host: the recorded commit’s subdirectory', async () => {
    const ws = await workspace()
    const spec = fixture('zenml/github.yaml')
      .replace('  repository: zenml\n', `  repository: zenml\n  host: ${hostOf(forge)}\n`)
      .replace('3f6ee2c4a4b5a3a3b8d0c6b1f0f1c0e8f6a9d2b1', built.zenml!.shas[0]!)
    const run = await runSpec({ workspace: ws, spec, secrets: { github_secret: JSON.stringify({ pa_token: ZENML }) } })
    expect(failure(run)).toBe('')
    expect(await fs.readdir(path.join(ws, 'code'))).toEqual(['run.py'])
    expect(await read(ws, 'code/run.py')).toBe('v1')
    expect(run.outputs.commit).toBe(built.zenml!.shas[0])
    expect(credentialsSent(forge, '/zenml-io/zenml.git')).toEqual([`x-access-token:${ZENML}`])
    expect(await run.everything()).not.toContain(ZENML)
  })

  it('self-hosted GitHub Enterprise (--host, --api_url)', async () => {
    const ws = await workspace()
    const spec = fixture('zenml/github-enterprise.yaml')
      .replaceAll('github.example.com', hostOf(forge))
      .replace('0123456789abcdef0123456789abcdef01234567', built.ghe!.shas[0]!)
    const run = await runSpec({ workspace: ws, spec, secrets: { ghe_secret: JSON.stringify({ pa_token: GHE }) } })
    expect(failure(run)).toBe('')
    expect(await read(ws, 'code/pipeline.py')).toBe('ghe')
    expect(run.outputs.commit).toBe(built.ghe!.shas[0])
    expect(credentialsSent(forge, '/ml-team/pipelines.git')).toEqual([`x-access-token:${GHE}`])
  })

  it('self-hosted gitlab (--group, --project, --instance_url, --host): only src/ of the recorded commit at path', async () => {
    const ws = await workspace()
    const spec = fixture('zenml/gitlab.yaml')
      .replaceAll('gitlab.example.com', hostOf(forge))
      .replace('89abcdef0123456789abcdef0123456789abcdef', built.gitlab!.shas[0]!)
    const run = await runSpec({ workspace: ws, spec, secrets: { gitlab_secret: JSON.stringify({ pa_token: GLPAT }) } })
    expect(failure(run)).toBe('')
    expect(await fs.readdir(path.join(ws, 'workdir/code'))).toEqual(['run.py'])
    expect(await read(ws, 'workdir/code/run.py')).toBe('v1')
    expect(run.outputs.commit).toBe(built.gitlab!.shas[0])
    expect(credentialsSent(forge, '/ml/training.git')).toEqual([`oauth2:${GLPAT}`])
  })
})
