import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir, type RunCapture } from './helpers/harness.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from './servers/s3.js'

/**
 * The documented examples of each dialect, fetched end to end through the real pipeline: git
 * repositories are `file://` repositories made here, buckets live on a local s3rver (behind a
 * SigV4-checking proxy). The fixtures keep the documented URLs; each test points them at the
 * local servers by replacing exactly those URLs, nothing else.
 */

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures/dialects')
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8')

const root = await tempDir('fs-dialects-e2e-')

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' }
  }).trim()
}

/** A repository with one commit per entry of `commits` (files written, then committed); returns SHAs. */
async function makeRepo(
  dir: string,
  commits: Array<Record<string, string>>,
  branches: Record<string, Record<string, string>> = {}
): Promise<{ url: string; shas: string[]; branchShas: Record<string, string> }> {
  await fs.mkdir(dir, { recursive: true })
  git(dir, 'init', '-q')
  const write = async (files: Record<string, string>) => {
    for (const [f, content] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(dir, f)), { recursive: true })
      await fs.writeFile(path.join(dir, f), content)
    }
    git(dir, 'add', '-A')
  }
  const shas: string[] = []
  for (const [i, files] of commits.entries()) {
    await write(files)
    git(dir, 'commit', '-q', '-m', `commit ${i}`)
    shas.push(git(dir, 'rev-parse', 'HEAD'))
  }
  const branchShas: Record<string, string> = {}
  for (const [branch, files] of Object.entries(branches)) {
    git(dir, 'checkout', '-q', '-b', branch, shas[0]!)
    await write(files)
    git(dir, 'commit', '-q', '-m', `on ${branch}`)
    branchShas[branch] = git(dir, 'rev-parse', 'HEAD')
    git(dir, 'checkout', '-q', 'main')
  }
  return { url: `file://${dir}`, shas, branchShas }
}

/** Whether the git fetcher is in yet (it is written in parallel): fetch one local repository. */
async function probeGit(): Promise<boolean> {
  const repo = await makeRepo(path.join(root, 'probe'), [{ 'a.txt': 'a' }])
  const workspace = path.join(root, 'probe-ws')
  await fs.mkdir(workspace)
  const run = await runSpec({ workspace, spec: `version: 1\nsources:\n  - url: "${repo.url}"\n    path: p\n` })
  // A failed source is reported in the log; the thrown error only counts failures.
  return !/sources of kind git are not supported yet/.test([...run.logs, String((run.error as Error | undefined)?.message ?? '')].join('\n'))
}
const gitFetcherAvailable = await probeGit()

let s3: S3TestServer
let n = 0
async function workspace(): Promise<string> {
  const dir = path.join(root, `ws-${++n}`)
  await fs.mkdir(dir)
  return dir
}
const read = (ws: string, rel: string): Promise<string> => fs.readFile(path.join(ws, rel), 'utf8')
const errorOf = (r: RunCapture): string => (r.error instanceof Error ? r.error.message : String(r.error ?? ''))

beforeAll(async () => {
  s3 = await startS3()
  await s3.createBucket('bucket')
  await s3.put('bucket', {
    'prefix/to/source_code_dir/train.py': 'print("train")\n',
    'prefix/to/source_code_dir/lib/util.py': 'X = 1\n',
    'prefix/release-1.0/run.py': 'print("release")\n',
    'prefix/Makefile': 'all:\n',
    'prefix/to/other/ignored.py': 'no\n'
  })
  await s3.createBucket('ml-data')
  await s3.put('ml-data', { 'train/labels.csv': 'a,b\n', 'train/images/1.png': 'png1', 'train/images/2.png': 'png2', 'train/extra.txt': 'not selected' })
  await s3.createBucket('store')
  await s3.put('store', { 'config.json': '{"lr": 0.1}', 'reports/a.csv': 'A', 'reports/b.csv': 'B' })
})

afterAll(async () => {
  await s3?.stop()
  await fs.rm(root, { recursive: true, force: true })
})

describe('dry run prints what was detected', () => {
  const cases: Array<[string, string, string?]> = [
    ['polyaxon/branch.yaml', 'plan (polyaxon, detected by run.init): 1 source(s)', 'polyaxon/agent-catalog.yaml'],
    ['ads/job-gitpython.yaml', 'plan (ads, detected by kind: job, spec.runtime): 1 source(s)'],
    ['gradient/deployment.yaml', 'plan (gradient, detected by repositories): 2 source(s)'],
    ['zenml/github.yaml', 'plan (zenml, detected by code_repository): 1 source(s)']
  ]
  it.each(cases)('%s', async (spec, line, catalog) => {
    const ws = await workspace()
    await fs.writeFile(path.join(ws, 'spec.yaml'), fixture(spec))
    const secrets = { 'gitlab-connection': 'tok', 'az-secret': 'k', 'paperspace-github-token': 'ghp_x', github_secret: '{"pa_token": "ghp_y"}' }
    const run = await runSpec({
      workspace: ws,
      spec: 'spec.yaml',
      secrets,
      inputs: { 'dry-run': 'true', ...(catalog ? { connections: fixture(catalog) } : {}) }
    })
    expect(run.error).toBeUndefined()
    expect(run.logs.some((l) => l.includes(line))).toBe(true)
    expect(await fs.readdir(ws)).toEqual(['spec.yaml'])
  })
})

describe('polyaxon end to end', () => {
  it('artifacts and paths from s3 connections and the artifacts store (agent config in the `connections` input)', async () => {
    const ws = await workspace()
    const catalog = `artifactsStore:\n  name: store\n  kind: s3\n  schema: {bucket: "s3://store/", endpoint: "${s3.endpoint}"}\n  secret: {name: aws-data}\nconnections:\n  - name: datasets\n    kind: s3\n    schema: {bucket: "s3://ml-data/train", endpoint: "${s3.endpoint}"}\n    secret: {name: aws-data}\n`
    const spec =
      'version: 1.1\nkind: component\nrun:\n  kind: job\n  init:\n    - connection: datasets\n      artifacts: {files: [labels.csv], dirs: [images]}\n    - artifacts: {files: [config.json]}\n      path: /plx-context/artifacts/config\n    - paths: [reports/a.csv, [reports/b.csv, b.csv]]\n  container: {image: python}\n'
    const secrets = { 'aws-data': JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey }) }
    const run = await runSpec({ workspace: ws, spec, secrets, inputs: { connections: catalog } })
    expect(errorOf(run)).toBe('')
    expect(await read(ws, 'datasets/labels.csv')).toBe('a,b\n')
    expect(await read(ws, 'datasets/images/2.png')).toBe('png2')
    await expect(fs.stat(path.join(ws, 'datasets/extra.txt'))).rejects.toThrow()
    expect(await read(ws, 'plx-context/artifacts/config/config.json')).toBe('{"lr": 0.1}')
    expect(await read(ws, 'artifacts/reports/a.csv')).toBe('A')
    expect(await read(ws, 'artifacts/b.csv')).toBe('B')
    expect(Object.keys(JSON.parse(run.outputs.sources!) as object).sort()).toEqual(['artifacts', 'artifacts-2', 'datasets'])
  })

  it.skipIf(!gitFetcherAvailable)('documented branch example: repo-test at branchA, POLYAXON_GIT_CREDENTIALS secret', async () => {
    const repo = await makeRepo(path.join(root, 'repo-test'), [{ 'README.md': 'main 1' }, { 'README.md': 'main 2' }], { branchA: { 'README.md': 'branch A' } })
    const ws = await workspace()
    const catalog = fixture('polyaxon/agent-catalog.yaml').replace('https://gitlab.com/org/test', repo.url)
    const secrets = { 'gitlab-connection': 'POLYAXON_GIT_CREDENTIALS=user:gl-token', 'az-secret': 'k' }
    const run = await runSpec({ workspace: ws, spec: fixture('polyaxon/branch.yaml'), secrets, inputs: { connections: catalog } })
    expect(errorOf(run)).toBe('')
    expect(await read(ws, 'repo-test/README.md')).toBe('branch A')
    expect(run.outputs.commit).toBe(repo.branchShas.branchA)
    expect(await run.everything()).not.toContain('gl-token')
  })

  it.skipIf(!gitFetcherAvailable)('documented experiment: build.commit pins the quick-start connection', async () => {
    const repo = await makeRepo(path.join(root, 'quick-start'), [{ 'model.py': 'v1' }, { 'model.py': 'v2' }])
    const ws = await workspace()
    const catalog = fixture('polyaxon/public-catalog.yaml').replace('https://github.com/polyaxon/polyaxon-quick-start', repo.url)
    const spec = fixture('polyaxon/experiment.yaml').replace('62b264813aaf5cba3a81919c623ea55c3f79698f', repo.shas[0]!)
    const run = await runSpec({ workspace: ws, spec, inputs: { connections: catalog } })
    expect(errorOf(run)).toBe('')
    expect(await read(ws, 'polyaxon-quick-start/model.py')).toBe('v1')
    expect(run.outputs.commit).toBe(repo.shas[0])
  })
})

describe('ads end to end', () => {
  const env = (): Record<string, string> => ({ AWS_ENDPOINT_URL_S3: s3.endpoint })
  beforeAll(() => {
    // ADS remote runtimes name no credentials (a resource principal): the default chain supplies them.
    process.env.AWS_ACCESS_KEY_ID = ACCESS_KEY_ID
    process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey
  })
  afterAll(() => {
    delete process.env.AWS_ACCESS_KEY_ID
    delete process.env.AWS_SECRET_ACCESS_KEY
  })

  it('documented remote runtime: the prefix lands under code/, entrypoint output is the absolute train.py', async () => {
    const ws = await workspace()
    const run = await runSpec({ workspace: ws, spec: fixture('ads/remote.yaml'), env: env() })
    expect(errorOf(run)).toBe('')
    expect(await read(ws, 'code/source_code_dir/train.py')).toBe('print("train")\n')
    expect(await read(ws, 'code/source_code_dir/lib/util.py')).toBe('X = 1\n')
    await expect(fs.stat(path.join(ws, 'code/other'))).rejects.toThrow()
    expect(run.outputs.entrypoint).toBe(path.join(ws, 'code/source_code_dir/train.py'))
  })

  it('a single object lands in codeDir', async () => {
    const ws = await workspace()
    const spec = fixture('ads/remote-file.yaml').replace('prefix/to/train.py', 'prefix/to/source_code_dir/train.py')
    const run = await runSpec({ workspace: ws, spec, env: env() })
    expect(errorOf(run)).toBe('')
    expect(await fs.readdir(path.join(ws, 'code'))).toEqual(['train.py'])
    expect(run.outputs.entrypoint).toBe(path.join(ws, 'code/train.py'))
  })

  it('an entry point that is not there after the fetch is an error', async () => {
    const ws = await workspace()
    const spec = fixture('ads/remote.yaml').replace('/code/source_code_dir/train.py', '/code/source_code_dir/main.py')
    const run = await runSpec({ workspace: ws, spec, env: env() })
    expect(errorOf(run)).toMatch(/entry point "source_code_dir\/main.py" does not exist in source "code"/)
  })

  // ADS asks the service whether the URI is an object or a prefix; a name's look does not decide.
  it('a prefix whose last segment has a dot lands as its directory', async () => {
    const ws = await workspace()
    const spec = fixture('ads/remote.yaml')
      .replace('prefix/to/source_code_dir', 'prefix/release-1.0')
      .replace('/code/source_code_dir/train.py', '/code/release-1.0/run.py')
    const run = await runSpec({ workspace: ws, spec, env: env() })
    expect(errorOf(run)).toBe('')
    expect(await read(ws, 'code/release-1.0/run.py')).toBe('print("release")\n')
    expect(run.outputs.entrypoint).toBe(path.join(ws, 'code/release-1.0/run.py'))
  })

  it('an object without an extension lands as that file', async () => {
    const ws = await workspace()
    const spec = fixture('ads/remote-file.yaml').replace('prefix/to/train.py', 'prefix/Makefile').replace('"train.py"', '"Makefile"')
    const run = await runSpec({ workspace: ws, spec, env: env() })
    expect(errorOf(run)).toBe('')
    expect(await fs.readdir(path.join(ws, 'code'))).toEqual(['Makefile'])
    expect(run.outputs.entrypoint).toBe(path.join(ws, 'code/Makefile'))
  })

  it.skipIf(!gitFetcherAvailable)('documented git runtime: commit wins over branch; entryPoint relative to the repository', async () => {
    const repo = await makeRepo(path.join(root, 'ads-repo'), [{ 'train.py': 'old' }, { 'train.py': 'new' }], { develop: { 'train.py': 'develop' } })
    const ws = await workspace()
    const short = repo.shas[0]!.slice(0, 7)
    const spec = fixture('ads/git.yaml').replace('git@github.com:username/repository.git', repo.url).replace('commit: abcdef', `commit: ${short}`)
    // The SSH key a gitSecretId names; a file:// clone never uses it.
    const run = await runSpec({ workspace: ws, spec, secrets: { 'ocid1.xxxxxx': 'not-used-for-file-urls' } })
    expect(errorOf(run)).toBe('')
    expect(await read(ws, 'code/train.py')).toBe('old')
    expect(run.outputs.commit).toBe(repo.shas[0])
    expect(run.outputs.entrypoint).toBe(path.join(ws, 'code/train.py'))
  })
})

describe('gradient end to end', () => {
  it.skipIf(!gitFetcherAvailable)('documented deployment: both repositories under opt/repositories, dataset warned', async () => {
    const serving = await makeRepo(path.join(root, 'serving'), [{ WORKSPACE: 'serving' }])
    const ml = await makeRepo(path.join(root, 'ml-private'), [{ 'model.py': 'ml' }])
    const ws = await workspace()
    const spec = fixture('gradient/deployment.yaml')
      .replace('https://github.com/tensorflow/serving', serving.url)
      .replace('https://github.com/paperspace/ml-private', ml.url)
    const run = await runSpec({ workspace: ws, spec, secrets: { 'paperspace-github-token': 'ghp_gradient_token' } })
    expect(errorOf(run)).toBe('')
    expect(await read(ws, 'opt/repositories/tf-serving/WORKSPACE')).toBe('serving')
    expect(await read(ws, 'opt/repositories/paperspace-ml/model.py')).toBe('ml')
    expect(run.logs.some((l) => l.includes('`dataset` ignored'))).toBe(true)
    expect(await run.everything()).not.toContain('ghp_gradient_token')
  })
})

describe('zenml end to end', () => {
  it.skipIf(!gitFetcherAvailable)('documented gitlab registration: only the subdirectory of the recorded commit lands at path', async () => {
    const instance = path.join(root, 'gitlab')
    const repo = await makeRepo(path.join(instance, 'ml', 'training.git'), [{ 'src/run.py': 'v1', 'README.md': 'top' }, { 'src/run.py': 'v2' }])
    const ws = await workspace()
    const spec = fixture('zenml/gitlab.yaml')
      .replace('instance_url: https://gitlab.example.com/', `instance_url: "file://${instance}"`)
      .replace('89abcdef0123456789abcdef0123456789abcdef', repo.shas[0]!)
    const run = await runSpec({ workspace: ws, spec, secrets: { gitlab_secret: JSON.stringify({ pa_token: 'glpat-zenml-token' }) } })
    expect(errorOf(run)).toBe('')
    expect(await fs.readdir(path.join(ws, 'workdir/code'))).toEqual(['run.py'])
    expect(await read(ws, 'workdir/code/run.py')).toBe('v1')
    expect(await run.everything()).not.toContain('glpat-zenml-token')
  })
})
