import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { derivedForms } from '../src/connections/redactor.js'
import { tempDir } from './helpers/harness.js'
import { NODE24, inputEnv, parseCommandFile, runStep, runnerFiles, stepEnv } from './helpers/runner.js'
import { commit, git, makeRepo, startGitHttp, type GitHttpServer } from './servers/git-http.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from './servers/s3.js'

/**
 * The built bundle, run as the runner runs it, on every kind together and on one spec of each
 * dialect, against real servers on loopback: git smart-HTTP with Basic auth, s3rver behind a
 * SigV4-checking proxy, a local directory.
 */
const TOKEN = 'e2e-git-token-5d1f0a'
let root: string
let gitServer: GitHttpServer
let s3: S3TestServer
const heads: Record<string, string> = {}

beforeAll(async () => {
  root = await tempDir('fs-e2e-kinds-')
  const repos = path.join(root, 'repos')
  await fs.mkdir(path.join(repos, 'ml-group'), { recursive: true })
  for (const [dir, name] of [
    [repos, 'app'],
    [repos, 'lib'],
    [path.join(repos, 'ml-group'), 'pipelines']
  ] as const) {
    await makeRepo(dir, name, async (work) => {
      await commit(work, { 'README.md': `# ${name}\n`, 'train.py': 'print(1)\n', 'src/quickstart/run.py': 'print(2)\n' }, 'first')
      await commit(work, { 'model.py': `NAME = "${name}"\n` }, 'second')
      heads[name] = git(work, 'rev-parse', 'HEAD')
    })
  }
  gitServer = await startGitHttp({ root: repos, tokens: [TOKEN] })
  s3 = await startS3()
  await s3.createBucket('ml-data')
  await s3.put('ml-data', { '2026/a.csv': 'a,1\n', '2026/b.csv': 'b,2\n', '2026/img/c.bin': Buffer.alloc(3000, 7), 'other/x': 'x' })
  await fs.mkdir(path.join(root, 'local'))
  await fs.writeFile(path.join(root, 'local', 'config.json'), '{"lr": 0.1}\n')
}, 120_000)

afterAll(async () => {
  await gitServer?.close()
  await s3?.stop()
  await fs.rm(root, { recursive: true, force: true })
})

const secretsFor = () => ({
  GIT_TOKEN: TOKEN,
  'aws-data': `AWS_ACCESS_KEY_ID=${ACCESS_KEY_ID}\nAWS_SECRET_ACCESS_KEY=${s3.secretAccessKey}\nAWS_REGION=us-east-1`
})

function leaks(text: string): string[] {
  const visible = text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  return [TOKEN, s3.secretAccessKey].flatMap((v) => derivedForms(v)).filter((f) => visible.includes(f))
}

async function step(name: string, inputs: Record<string, string>, files?: Awaited<ReturnType<typeof runnerFiles>>) {
  const f = files ?? (await runnerFiles(path.join(root, name)))
  await fs.writeFile(f.output, '')
  const res = await runStep(NODE24, { ...stepEnv(f), ...(await inputEnv({ secrets: JSON.stringify(secretsFor()), ...inputs })) }, f.workspace)
  const outputs = parseCommandFile(await fs.readFile(f.output, 'utf8'))
  return { res, outputs, f, sources: outputs.sources ? JSON.parse(outputs.sources) : {} }
}

describe('dist/index.js: git, S3 and host_path sources in one step', () => {
  const spec = () => `version: 1
connections:
  - {name: app, kind: git, schema: {url: "${gitServer.url}/app.git"}, secret: {name: git-token}}
  - {name: lib, kind: git, schema: {url: "${gitServer.url}/lib.git"}, secret: {name: git-token}}
  - name: datasets
    kind: s3
    schema: {bucket: "s3://ml-data/2026/", endpoint: "${s3.endpoint}", region: us-east-1}
    secret: {name: aws-data}
sources:
  - {connection: lib, path: deps/lib}
  - {connection: app, path: code, primary: true, git: {revision: main}}
  - {name: train, connection: datasets, path: data}
  - {name: config, url: "${path.join(root, 'local')}", kind: host_path}
`

  it('fetches all four concurrently; commit is the server SHA; the S3 digest is stable across runs', async () => {
    const first = await step('all-kinds', { spec: spec() })
    expect(first.res.stderr).toBe('')
    expect(first.res.code, first.res.stdout).toBe(0)
    expect(first.outputs.commit).toBe(heads.app)
    expect(first.outputs.ref).toBe('refs/heads/main')
    expect(first.outputs.path).toBe(path.join(first.f.workspace, 'code'))
    expect(first.sources.lib.commit).toBe(heads.lib)
    // Every byte of the checkout counted (README 6 + train.py 9 + run.py 9 + model.py 13).
    expect(first.sources.app).toMatchObject({ files: 4, bytes: 37 })
    expect(first.sources.train).toMatchObject({ kind: 's3', files: 3, bytes: 3008 })
    expect(first.sources.train.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(await fs.readFile(path.join(first.f.workspace, 'code', 'model.py'), 'utf8')).toBe('NAME = "app"\n')
    expect(await fs.readFile(path.join(first.f.workspace, 'data', 'img', 'c.bin'))).toEqual(Buffer.alloc(3000, 7))
    expect(await fs.readFile(path.join(first.f.workspace, 'config', 'config.json'), 'utf8')).toContain('0.1')
    // Four log groups, none interleaved.
    expect(first.res.stdout.match(/::group::/g)).toHaveLength(4)
    expect(first.res.stdout.match(/::endgroup::/g)).toHaveLength(4)

    const second = await step('all-kinds', { spec: spec() }, first.f)
    expect(second.res.code, second.res.stdout).toBe(0)
    expect(second.sources.train.digest).toBe(first.sources.train.digest)
    expect(second.outputs.commit).toBe(heads.app)

    for (const dir of ['code', 'deps/lib']) {
      const config = await fs.readFile(path.join(first.f.workspace, dir, '.git', 'config'), 'utf8')
      expect(leaks(config)).toEqual([])
      expect(config).not.toMatch(/extraheader/i)
    }
    const lock = await fs.readFile(first.outputs['lock-file']!, 'utf8')
    const summary = await fs.readFile(first.f.summary, 'utf8')
    expect(leaks([first.res.stdout, second.res.stdout, await fs.readFile(first.f.output, 'utf8'), lock, summary].join('\n'))).toEqual([])
  })
})

describe('dist/index.js: one spec of each dialect', () => {
  const cases = (): Array<
    [string, string, Record<string, string>, (f: { sources: Record<string, { commit: string }>; outputs: Record<string, string>; ws: string }) => Promise<void>]
  > => [
    [
      'polyaxon',
      `version: 1.1
kind: component
run:
  kind: job
  init:
    - connection: repo-test
      git: {revision: main, flags: [--depth 1]}
      path: /plx-context
  container: {image: python:3.12, command: [python3, train.py]}
`,
      { connections: `- {name: repo-test, kind: git, schema: {url: "${gitServer.url}/app.git"}, secret: {name: gitlab-connection}}\n` },
      async ({ sources, ws }) => {
        expect(sources['repo-test']!.commit).toBe(heads.app)
        expect(await fs.readFile(path.join(ws, 'plx-context', 'repo-test', 'model.py'), 'utf8')).toContain('app')
      }
    ],
    [
      'ads',
      `kind: job
spec:
  runtime:
    kind: python
    type: git
    spec:
      uri: "${gitServer.url}/lib.git"
      branch: main
      gitSecretId: git-token
      entryPoint: /code/train.py
`,
      {},
      async ({ sources, outputs, ws }) => {
        expect(Object.values(sources)[0]!.commit).toBe(heads.lib)
        expect(outputs.entrypoint).toBe(path.join(ws, 'code', 'train.py'))
      }
    ],
    [
      'gradient',
      `enabled: true
image: ubuntu:20.04
repositories:
  dataset: dstflhstfexl6w3
  mountPath: /opt/repositories
  repositories:
    - url: "${gitServer.url}/app.git"
      name: app
      username: paperspace-user
      password: secret:git-token
`,
      {},
      async ({ sources, ws }) => {
        expect(sources.app!.commit).toBe(heads.app)
        expect(await fs.readFile(path.join(ws, 'opt', 'repositories', 'app', 'train.py'), 'utf8')).toBe('print(1)\n')
      }
    ],
    [
      'zenml',
      `code_repository:
  name: ml
  type: gitlab
  group: ml-group
  project: pipelines
  instance_url: "${gitServer.url}"
  token: "{{ zenml_secret.pa_token }}"
commit: PIPELINES_HEAD
subdirectory: src/quickstart
`,
      {},
      async ({ outputs, ws }) => {
        expect(outputs.commit).toBe(heads.pipelines)
        expect((await fs.readdir(path.join(ws, 'code'))).sort()).toEqual(['run.py'])
      }
    ]
  ]

  it.each(['polyaxon', 'ads', 'gradient', 'zenml'])('%s', async (dialect) => {
    const [, spec, extra, check] = cases().find((c) => c[0] === dialect)!
    const f = await runnerFiles(path.join(root, `dialect-${dialect}`))
    await fs.writeFile(path.join(f.workspace, 'spec.yaml'), spec.replace('PIPELINES_HEAD', heads.pipelines!))
    const secrets = { ...secretsFor(), 'gitlab-connection': `POLYAXON_GIT_CREDENTIALS=x:${TOKEN}`, zenml_secret: JSON.stringify({ pa_token: TOKEN }) }
    await fs.writeFile(f.output, '')
    const res = await runStep(NODE24, { ...stepEnv(f), ...(await inputEnv({ spec: 'spec.yaml', secrets: JSON.stringify(secrets), ...extra })) }, f.workspace)
    expect(res.code, res.stdout).toBe(0)
    expect(res.stdout).toContain(`plan (${dialect}, detected by`)
    const outputs = parseCommandFile(await fs.readFile(f.output, 'utf8'))
    await check({ sources: JSON.parse(outputs.sources!), outputs, ws: f.workspace })
    expect(leaks(res.stdout + (await fs.readFile(f.output, 'utf8')))).toEqual([])
  })
})
