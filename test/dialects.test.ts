import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { planOf, WORKSPACE, type PlanOutcome, type Source } from './helpers/plan.js'
import { rawOf } from './helpers/secrets.js'

/**
 * The four seed dialects: each documented example, loaded verbatim from its fixture, planned
 * (translation + catalog + secrets + destinations) and compared with the native model field by
 * field. Errors are in dialects-errors.test.ts, fetches in dialects-e2e.test.ts.
 */

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures/dialects')
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8')

const SECRETS = {
  'gitlab-connection': JSON.stringify({ POLYAXON_GIT_CREDENTIALS: 'gl-user:gl-token' }),
  'az-secret': 'DefaultEndpointsProtocol=https;AccountName=plxtest;AccountKey=a2V5',
  'aws-data': 'AWS_ACCESS_KEY_ID=AKIA1\nAWS_SECRET_ACCESS_KEY=s3cr3t',
  'git-secret': 'ghp_private',
  'ocid1.xxxxxx': '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n',
  'paperspace-github-token': 'ghp_paperspace',
  github_secret: JSON.stringify({ pa_token: 'ghp_zenml' }),
  ghe_secret: JSON.stringify({ pa_token: 'ghp_ghe' }),
  gitlab_secret: JSON.stringify({ pa_token: 'glpat_zenml' })
}

async function planFixture(spec: string, catalog?: string): Promise<PlanOutcome & { plan: NonNullable<PlanOutcome['plan']> }> {
  const out = await planOf(fixture(spec), { secrets: SECRETS, ...(catalog ? { inputs: { connections: fixture(catalog) } } : {}) })
  expect(out.errors.map((e) => e.describe())).toEqual([])
  expect(out.other).toBeUndefined()
  return out as PlanOutcome & { plan: NonNullable<PlanOutcome['plan']> }
}

/** The fields that decide what lands where, in a stable, comparable shape. */
function fields(s: Source): Record<string, unknown> {
  const base = { name: s.name, kind: s.kind, relPath: s.relPath, dest: s.dest, primary: s.primary, connection: s.connection, secret: rawOf(s.secret) }
  switch (s.kind) {
    case 'git':
      return {
        ...base,
        url: s.url,
        revision: s.revision,
        depth: s.depth,
        submodules: s.submodules,
        subdirectory: s.subdirectory,
        provider: s.provider,
        proxy: s.proxy
      }
    case 'host_path':
      return { ...base, hostPath: s.hostPath, selection: s.selection }
    case 'http':
      return { ...base, url: s.url }
    default:
      return { ...base, uri: s.uri, selection: s.selection }
  }
}

const ws = (rel: string): string => path.join(WORKSPACE, rel)
const none = { files: [], dirs: [], paths: [] }
const gitDefaults = {
  depth: 1,
  submodules: false,
  subdirectory: undefined,
  provider: undefined,
  proxy: undefined,
  connection: undefined,
  secret: undefined,
  revision: undefined,
  primary: false
}

describe('polyaxon: documented examples', () => {
  const repoTest = {
    ...gitDefaults,
    kind: 'git',
    connection: 'repo-test',
    url: 'https://gitlab.com/org/test',
    relPath: 'repo-test',
    dest: ws('repo-test'),
    secret: SECRETS['gitlab-connection']
  }

  it('init param (`init: true`) with the agent catalog from the `connections` input', async () => {
    const { plan, warnings } = await planFixture('polyaxon/init-param.yaml', 'polyaxon/agent-catalog.yaml')
    expect(plan.dialect).toBe('polyaxon')
    expect(plan.detectedBy).toBe('params')
    expect(plan.sources.map(fields)).toEqual([{ ...repoTest, name: 'repo' }])
    expect(warnings).toEqual([])
    // The whole agent catalog is accepted, registry and slack included, because no source uses them.
    expect(plan.connections.map((c) => `${c.name}:${c.kind}`).sort()).toEqual(['azure:wasb', 'docker-connection:registry', 'my-slack:slack', 'repo-test:git'])
  })

  it('custom init container: fetched by us, `container:` ignored with a located warning', async () => {
    const { plan, warnings } = await planFixture('polyaxon/init-container.yaml', 'polyaxon/agent-catalog.yaml')
    expect(plan.detectedBy).toBe('run.init')
    expect(plan.sources.map(fields)).toEqual([{ ...repoTest, name: 'repo-test' }])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.message).toMatch(/^`container:` ignored: a custom init container cannot run on a GitHub runner/)
    expect(warnings[0]!.location).toMatchObject({ line: 6, column: 7, path: 'run.init[0].container' })
  })

  it('specific branch', async () => {
    const { plan } = await planFixture('polyaxon/branch.yaml', 'polyaxon/agent-catalog.yaml')
    expect(plan.sources.map(fields)).toEqual([{ ...repoTest, name: 'repo-test', revision: 'branchA' }])
  })

  it('the single "Example connection" (a mapping, not a list) is a one-connection catalog', async () => {
    const { plan } = await planFixture('polyaxon/branch.yaml', 'polyaxon/connection.yaml')
    expect(plan.sources.map(fields)).toEqual([{ ...repoTest, name: 'repo-test', revision: 'branchA' }])
  })

  it('the "Schema Fields" fragment (ending in `...`, YAML\'s document end) is a one-connection catalog without a secret', async () => {
    const { plan } = await planFixture('polyaxon/init-param.yaml', 'polyaxon/schema-url.yaml')
    expect(plan.sources.map(fields)).toEqual([{ ...repoTest, name: 'repo', secret: undefined }])
  })

  it('url override: the docs write it under `params:`; read as `run:` with a warning', async () => {
    const { plan, warnings } = await planFixture('polyaxon/url-override.yaml', 'polyaxon/agent-catalog.yaml')
    expect(plan.detectedBy).toBe('params.init')
    // The per-use url wins over the connection's; the connection's secret stays.
    expect(plan.sources.map(fields)).toEqual([{ ...repoTest, name: 'repo-test', url: 'https://new.com' }])
    expect(warnings.map((w) => [w.message, w.location?.line])).toEqual([[expect.stringContaining('read as `run:`'), 3]])
  })

  it('flags: --depth 1 and --recurse-submodules become options, --experimental-fetch is accepted', async () => {
    const { plan } = await planFixture('polyaxon/flags.yaml', 'polyaxon/agent-catalog.yaml')
    expect(plan.sources.map(fields)).toEqual([{ ...repoTest, name: 'repo-test', depth: 1, submodules: 'recursive' }])
  })

  it('run.connections: nothing to fetch, the main container connections listed in the plan', async () => {
    const { plan } = await planFixture('polyaxon/main-container.yaml', 'polyaxon/agent-catalog.yaml')
    expect(plan.detectedBy).toBe('run.connections')
    expect(plan.sources).toEqual([])
    expect(plan.exposeConnections).toEqual(['repo-test'])
  })

  it('kind: experiment: build.commit pins the git init that sets no revision', async () => {
    const { plan } = await planFixture('polyaxon/experiment.yaml', 'polyaxon/public-catalog.yaml')
    expect(plan.sources.map(fields)).toEqual([
      {
        ...gitDefaults,
        name: 'polyaxon-quick-start',
        kind: 'git',
        connection: 'polyaxon-quick-start',
        url: 'https://github.com/polyaxon/polyaxon-quick-start',
        revision: '62b264813aaf5cba3a81919c623ea55c3f79698f',
        relPath: 'polyaxon-quick-start',
        dest: ws('polyaxon-quick-start')
      }
    ])
  })

  it('private repos: two connections sharing one secret', async () => {
    const spec = 'kind: component\nrun:\n  kind: job\n  init:\n    - connection: repo1\n    - connection: repo2\n      path: /plx-context/code\n'
    const out = await planOf(spec, { secrets: SECRETS, inputs: { connections: fixture('polyaxon/private-catalog.yaml') } })
    expect(out.errors).toEqual([])
    expect(out.plan!.sources.map(fields)).toEqual([
      {
        ...gitDefaults,
        kind: 'git',
        name: 'repo1',
        connection: 'repo1',
        url: 'https://github.com/org/private-repo1',
        relPath: 'repo1',
        dest: ws('repo1'),
        secret: 'ghp_private'
      },
      {
        ...gitDefaults,
        kind: 'git',
        name: 'repo2',
        connection: 'repo2',
        url: 'https://github.com/org/private-repo2',
        relPath: 'plx-context/code/repo2',
        dest: ws('plx-context/code/repo2'),
        secret: 'ghp_private'
      }
    ])
  })

  it('a component with an inline catalog, params toInit, git url, artifacts store and paths', async () => {
    const { plan } = await planFixture('polyaxon/component.yaml', 'polyaxon/agent-catalog.yaml')
    expect(plan.detectedBy).toBe('run.init')
    expect(plan.exposeConnections).toEqual(['repo-test'])
    const azure = { primary: false, connection: 'azure', secret: SECRETS['az-secret'], kind: 'wasb', uri: 'wasbs://logs@plxtest.blob.core.windows.net/' }
    expect(plan.sources.map(fields)).toEqual([
      { ...repoTest, name: 'repo-test', relPath: 'plx-context/code/repo-test', dest: ws('plx-context/code/repo-test') },
      {
        ...gitDefaults,
        kind: 'git',
        name: 'polyaxon-quick-start',
        url: 'https://github.com/polyaxon/polyaxon-quick-start',
        revision: 'master',
        relPath: 'polyaxon-quick-start',
        dest: ws('polyaxon-quick-start')
      },
      {
        ...azure,
        name: 'artifacts',
        relPath: 'plx-context/artifacts/config',
        dest: ws('plx-context/artifacts/config'),
        selection: { ...none, files: ['config.json'] }
      },
      {
        ...azure,
        name: 'artifacts-2',
        relPath: 'artifacts',
        dest: ws('artifacts'),
        selection: {
          ...none,
          paths: [
            ['reports/a.csv', 'reports/a.csv'],
            ['reports/b.csv', 'b.csv']
          ]
        }
      },
      {
        name: 'data',
        kind: 's3',
        primary: false,
        connection: 'datasets',
        secret: SECRETS['aws-data'],
        uri: 's3://ml-data/train',
        relPath: 'datasets',
        dest: ws('datasets'),
        selection: { ...none, files: ['labels.csv'], dirs: ['images'] }
      }
    ])
  })

  it('the spec’s own connection wins over the input catalog’s of the same name', async () => {
    const spec =
      'kind: component\nconnections:\n  - {name: repo-test, kind: git, schema: {url: "https://example.org/mine.git"}}\nrun:\n  init:\n    - connection: repo-test\n'
    const out = await planOf(spec, { secrets: SECRETS, inputs: { connections: fixture('polyaxon/agent-catalog.yaml') } })
    expect(out.plan!.sources.map((s) => [s.name, (s as { url: string }).url, s.secret])).toEqual([['repo-test', 'https://example.org/mine.git', undefined]])
  })

  it('an operation with its component inline', async () => {
    const spec =
      'version: 1.1\nkind: operation\nname: op\ncomponent:\n  kind: component\n  run:\n    kind: job\n    init:\n      - git: {url: "https://github.com/org/a.git", revision: v1}\n'
    const out = await planOf(spec)
    expect(out.errors).toEqual([])
    expect(out.plan!.sources.map((s) => [s.name, s.relPath, (s as { revision: string }).revision])).toEqual([['a', 'a', 'v1']])
  })
})

describe('ads: documented examples', () => {
  it('git runtime: commit wins over branch, gitSecretId is the SSH key secret, entryPoint relative to the repo', async () => {
    const { plan } = await planFixture('ads/git.yaml')
    expect([plan.dialect, plan.detectedBy]).toEqual(['ads', 'runtime'])
    expect(plan.sources.map(fields)).toEqual([
      {
        ...gitDefaults,
        name: 'code',
        kind: 'git',
        primary: true,
        url: 'git@github.com:username/repository.git',
        revision: 'abcdef',
        relPath: 'code',
        dest: ws('code'),
        secret: SECRETS['ocid1.xxxxxx']
      }
    ])
    expect(plan.entrypoint).toEqual({ source: 'code', path: 'train.py' })
  })

  it('remote runtime: the URI lands in codeDir, a prefix as its directory (the listing decides); /code/… entry point', async () => {
    const { plan } = await planFixture('ads/remote.yaml')
    expect(plan.sources.map(fields)).toEqual([
      {
        name: 'code',
        kind: 'oci',
        primary: true,
        connection: undefined,
        secret: undefined,
        uri: 'oci://bucket@namespace/prefix/to/source_code_dir',
        relPath: 'code',
        dest: ws('code'),
        selection: none
      }
    ])
    expect(plan.sources[0]).toMatchObject({ prefixAsDirectory: true })
    expect(plan.entrypoint).toEqual({ source: 'code', path: 'source_code_dir/train.py' })
  })

  it('remote runtime: a single object lands in codeDir', async () => {
    const { plan } = await planFixture('ads/remote-file.yaml')
    expect(plan.sources.map(fields)).toEqual([
      {
        name: 'code',
        kind: 'oci',
        primary: true,
        connection: undefined,
        secret: undefined,
        uri: 'oci://bucket@namespace/prefix/to/train.py',
        relPath: 'code',
        dest: ws('code'),
        selection: none
      }
    ])
    expect(plan.entrypoint).toEqual({ source: 'code', path: 'train.py' })
  })

  it('job YAML with the gitPython spelling, codeDir, and proxies from the runtime env', async () => {
    const { plan } = await planFixture('ads/job-gitpython.yaml')
    expect(plan.detectedBy).toBe('kind: job, spec.runtime')
    expect(plan.sources.map(fields)).toEqual([
      {
        ...gitDefaults,
        name: 'code',
        kind: 'git',
        primary: true,
        url: 'https://github.com/pytorch/examples.git',
        revision: 'main',
        relPath: 'src',
        dest: ws('src'),
        proxy: { ssh: 'proxy.example.com:3128', https: 'http://proxy.example.com:3128', noProxy: '10.0.0.0/16,localhost' }
      }
    ])
    expect(plan.entrypoint).toEqual({ source: 'code', path: 'mnist/main.py' })
  })
})

describe('gradient: documented example', () => {
  it('each repository at mountPath/name; secret:NAME + username; dataset warned; the rest ignored silently', async () => {
    const { plan, warnings } = await planFixture('gradient/deployment.yaml')
    expect([plan.dialect, plan.detectedBy]).toEqual(['gradient', 'repositories'])
    expect(plan.sources.map(fields)).toEqual([
      {
        ...gitDefaults,
        name: 'tf-serving',
        kind: 'git',
        url: 'https://github.com/tensorflow/serving',
        relPath: 'opt/repositories/tf-serving',
        dest: ws('opt/repositories/tf-serving')
      },
      {
        ...gitDefaults,
        name: 'paperspace-ml',
        kind: 'git',
        url: 'https://github.com/paperspace/ml-private',
        relPath: 'opt/repositories/paperspace-ml',
        dest: ws('opt/repositories/paperspace-ml'),
        secret: 'paperspace-user:ghp_paperspace'
      }
    ])
    expect(warnings.map((w) => [w.message.slice(0, 20), w.location?.line, w.location?.column, w.location?.path])).toEqual([
      ['`dataset` ignored: G', 9, 3, 'repositories.dataset']
    ])
  })

  it('any case of `secret:`, and `ref` as the revision', async () => {
    const spec =
      'repositories:\n  mountPath: /repos\n  repositories:\n    - {url: "https://github.com/o/r", name: r, ref: v2, username: u, password: "SECRET:paperspace-github-token"}\n'
    const out = await planOf(spec, { secrets: SECRETS })
    expect(out.plan!.sources.map((s) => [s.relPath, (s as { revision: string }).revision, rawOf(s.secret)])).toEqual([['repos/r', 'v2', 'u:ghp_paperspace']])
  })
})

describe('zenml: documented examples', () => {
  it('github: a github connection and the recorded commit, only the subdirectory at `code`', async () => {
    const { plan } = await planFixture('zenml/github.yaml')
    expect([plan.dialect, plan.detectedBy]).toEqual(['zenml', 'code_repository'])
    expect(plan.sources.map(fields)).toEqual([
      {
        ...gitDefaults,
        name: 'my-repo',
        kind: 'git',
        primary: true,
        connection: 'my-repo',
        url: 'https://github.com/zenml-io/zenml.git',
        revision: '3f6ee2c4a4b5a3a3b8d0c6b1f0f1c0e8f6a9d2b1',
        subdirectory: 'examples/quickstart',
        relPath: 'code',
        dest: ws('code'),
        secret: 'ghp_zenml',
        provider: { type: 'github', apiUrl: 'https://api.github.com', owner: 'zenml-io', repo: 'zenml' }
      }
    ])
    expect(plan.connections.map((c) => [c.name, c.kind, c.schema, c.secret])).toEqual([
      ['my-repo', 'github', { owner: 'zenml-io', repository: 'zenml' }, { name: 'github_secret' }]
    ])
  })

  it('self-hosted GitHub Enterprise: host and api_url', async () => {
    const { plan } = await planFixture('zenml/github-enterprise.yaml')
    const s = plan.sources[0]!
    expect(fields(s)).toMatchObject({
      url: 'https://github.example.com/ml-team/pipelines.git',
      subdirectory: undefined,
      secret: 'ghp_ghe',
      provider: { type: 'github', apiUrl: 'https://github.example.com/api/v3', owner: 'ml-team', repo: 'pipelines' }
    })
  })

  it('self-hosted gitlab: instance_url, group/project, path', async () => {
    const { plan } = await planFixture('zenml/gitlab.yaml')
    expect(plan.sources.map(fields)).toEqual([
      {
        ...gitDefaults,
        name: 'my-gitlab-repo',
        kind: 'git',
        primary: true,
        connection: 'my-gitlab-repo',
        url: 'https://gitlab.example.com/ml/training.git',
        revision: '89abcdef0123456789abcdef0123456789abcdef',
        subdirectory: 'src',
        relPath: 'workdir/code',
        dest: ws('workdir/code'),
        secret: 'glpat_zenml',
        provider: { type: 'gitlab', apiUrl: 'https://gitlab.example.com/api/v4', owner: 'ml', repo: 'training' }
      }
    ])
  })

  it('a `{{ name }}` token uses the whole secret', async () => {
    const spec = 'code_repository: {type: github, owner: o, repository: r, token: "{{ git-secret }}"}\ncommit: abcdef0\n'
    const out = await planOf(spec, { secrets: SECRETS })
    expect(out.plan!.sources.map((s) => [s.name, rawOf(s.secret)])).toEqual([['r', 'ghp_private']])
  })
})

describe('detection', () => {
  const cases: Array<[string, string, string]> = [
    ['version: 1\nsources:\n  - url: s3://b/x\n', 'native', 'version: 1'],
    ['kind: component\nrun:\n  init:\n    - git: {url: "https://h/o/r.git"}\n', 'polyaxon', 'run.init'],
    ['kind: experiment\nbuild: {commit: abc}\nrun:\n  kind: job\n  connections: [c]\n', 'polyaxon', 'run.connections'],
    ['params:\n  repo: {connection: c, toInit: true}\n', 'polyaxon', 'params'],
    ['runtime: {type: git, spec: {uri: "https://h/o/r.git"}}\n', 'ads', 'runtime'],
    ['kind: job\nspec:\n  runtime: {type: git, spec: {uri: "https://h/o/r.git"}}\n', 'ads', 'kind: job, spec.runtime'],
    ['repositories: {mountPath: /r, repositories: [{url: "https://h/o/r", name: r}]}\n', 'gradient', 'repositories'],
    ['code_repository: {type: github, owner: o, repository: r}\ncommit: abcdef0\n', 'zenml', 'code_repository'],
    ['dialect: ads\nruntime: {type: git, spec: {uri: "https://h/o/r.git"}}\n', 'ads', '`dialect:`']
  ]
  it.each(cases)('%j → %s (%s)', async (spec, dialect, by) => {
    const out = await planOf(spec, { secrets: SECRETS, inputs: { connections: 'connections: [{name: c, kind: git, schema: {url: "https://h/o/c.git"}}]' } })
    expect(out.errors.map((e) => e.describe())).toEqual([])
    expect([out.plan!.dialect, out.plan!.detectedBy]).toEqual([dialect, by])
  })

  it('`dialect:` forces a dialect over an ambiguous shape', async () => {
    const spec = 'dialect: gradient\nrepositories: {mountPath: /r, repositories: [{url: "https://h/o/r", name: r}]}\ncode_repository: {type: github}\n'
    const out = await planOf(spec)
    expect(out.errors).toEqual([])
    expect(out.plan!.sources.map((s) => s.relPath)).toEqual(['r/r'])
  })
})
