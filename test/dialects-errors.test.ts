import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { planOf } from './helpers/plan.js'

/** Every dialect error: its message, and exactly where in the user's file it points. */

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures/dialects')
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8')
const AGENT = fixture('polyaxon/agent-catalog.yaml')

interface Row {
  name: string
  spec: string
  message: string | RegExp
  line?: number
  column?: number
  path?: string
  catalog?: string
  secrets?: Record<string, string>
  /** Text that must not appear in any message (a plaintext credential). */
  secretText?: string
}

const rows: Record<string, Row[]> = {
  polyaxon: [
    {
      name: 'git init with neither url nor connection (the Polyaxon error)',
      spec: 'kind: component\nrun:\n  kind: job\n  init:\n    - git: {revision: main}\n',
      message: 'a git init needs a `connection` or `git.url`',
      line: 5,
      column: 7,
      path: 'run.init[0].git'
    },
    {
      name: 'typo in an init entry',
      spec: 'run:\n  init:\n    - connection: repo-test\n      pth: /code\n',
      message: 'unknown key "pth" — did you mean "path"?',
      line: 4,
      column: 7,
      path: 'run.init[0].pth',
      catalog: AGENT
    },
    {
      name: 'dockerfile init',
      spec: 'run:\n  init:\n    - dockerfile: {image: x}\n',
      message: /^init `dockerfile` is not supported: it generates a Dockerfile inside the Polyaxon pod/,
      line: 3,
      column: 7,
      path: 'run.init[0].dockerfile'
    },
    {
      name: 'a source using a registry connection',
      spec: 'run:\n  kind: job\n  init:\n    - connection: docker-connection\n',
      message: 'connection "docker-connection" is of kind registry: a container registry holds images, not sources (use docker/login-action)',
      line: 4,
      column: 19,
      path: 'run.init[0].connection',
      catalog: AGENT
    },
    {
      name: 'a slack connection',
      spec: 'params:\n  notify: {connection: my-slack, toInit: true}\n',
      message: /is of kind slack: a Slack connection is a notification target/,
      line: 2,
      column: 24,
      path: 'params.notify.connection',
      catalog: AGENT
    },
    {
      name: 'a run kind with no single container',
      spec: 'kind: component\nrun:\n  kind: dag\n  init: []\n',
      message: /^run.kind "dag" is not supported: only job and service/,
      line: 3,
      column: 9,
      path: 'run.kind'
    },
    {
      name: 'unknown connection',
      spec: 'run:\n  init:\n    - connection: repo-tst\n',
      message: 'unknown connection "repo-tst" — did you mean "repo-test"?',
      line: 3,
      column: 19,
      catalog: AGENT
    },
    {
      name: 'refused git flag',
      spec: 'run:\n  init:\n    - connection: repo-test\n      git: {flags: [--depth 1, --upload-pack=x]}\n',
      message: 'git flag "--upload-pack=x" is not allowed',
      line: 4,
      column: 32,
      path: 'run.init[0].git.flags[1]',
      catalog: AGENT
    },
    {
      name: 'nothing to fetch',
      spec: 'kind: component\nrun:\n  kind: job\n  container: {image: x}\n',
      message: /^nothing to fetch: list sources as `run.init` entries/,
      line: 3,
      column: 3,
      path: 'run'
    },
    {
      name: 'toInit with nothing to initialize',
      spec: 'params:\n  repo: {connection: repo-test, toInit: true}\n  data: {toInit: true, value: {revision: x}}\n',
      message: 'param "data" has `toInit` but nothing to initialize: add `connection: <name>`',
      line: 3,
      column: 9,
      path: 'params.data',
      catalog: AGENT
    },
    {
      name: 'an operation referring to a hub component',
      spec: 'kind: operation\nhubRef: tensorboard\nparams:\n  x: {value: 1}\n',
      message: /refers to its component with `hubRef`.*inline the component under `component:`/,
      line: 1,
      column: 1
    },
    {
      name: 'a connection secret that is missing',
      spec: 'params:\n  repo: {connection: repo-test, init: true}\n',
      message: /gitlab-connection/,
      line: 11,
      column: 5,
      catalog: AGENT,
      secrets: {}
    }
  ],
  ads: [
    {
      name: 'remote uri that is not oci://',
      spec: 'runtime:\n  type: remote\n  spec:\n    uri: s3://bucket/prefix\n',
      message: '"s3://bucket/prefix" is not an Object Storage URI: write oci://bucket@namespace/prefix',
      line: 4,
      column: 10,
      path: 'runtime.spec.uri'
    },
    {
      name: 'a runtime type with no code to fetch',
      spec: 'runtime:\n  kind: python\n  type: container\n  spec: {image: x}\n',
      message: 'runtime type "container" has no code to fetch: the supported types are git (or gitPython) and remote',
      line: 3,
      column: 9,
      path: 'runtime.type'
    },
    {
      name: 'absolute entry point outside /code',
      spec: 'runtime:\n  type: git\n  spec:\n    uri: https://h/o/r.git\n    entryPoint: /opt/train.py\n',
      message: /entry point "\/opt\/train.py" is outside \/code/,
      line: 5,
      column: 17,
      path: 'runtime.spec.entryPoint'
    },
    {
      name: 'entry point outside the fetched prefix',
      spec: 'runtime:\n  type: remote\n  spec:\n    uri: oci://b@ns/code/app\n    entryPoint: /code/other/train.py\n',
      message: 'entry point "/code/other/train.py" is not inside the fetched prefix (app)',
      line: 5,
      column: 17
    },
    {
      name: 'no uri',
      spec: 'kind: job\nspec:\n  runtime:\n    type: gitPython\n    spec: {entrypoint: a.py}\n',
      message: 'runtime.spec needs `uri` (the git repository to fetch)',
      line: 5,
      column: 11,
      path: 'spec.runtime.spec'
    },
    {
      name: 'both spellings',
      spec: 'runtime:\n  type: git\n  spec:\n    uri: https://h/o/r.git\n    url: https://h/o/s.git\n',
      message: 'give either `uri` or `url`, not both',
      line: 5,
      column: 10,
      path: 'runtime.spec.url'
    },
    {
      name: 'typo in the runtime',
      spec: 'runtime:\n  type: git\n  specs: {uri: https://h/o/r.git}\n',
      message: 'unknown key "specs" — did you mean "spec"?',
      line: 3,
      column: 3,
      path: 'runtime.specs'
    },
    {
      name: 'a transport git must not use',
      spec: 'runtime:\n  type: git\n  spec:\n    uri: "ftp://h/r"\n',
      message: 'transport "ftp" is not allowed',
      line: 4,
      column: 5
    }
  ],
  gradient: [
    {
      name: 'plaintext password',
      spec: 'repositories:\n  mountPath: /repos\n  repositories:\n    - url: https://github.com/o/r\n      name: r\n      username: me\n      password: hunter2-plain\n',
      message: /^password must reference a secret as `secret:NAME`, never the password itself \(Gradient requires this too\)/,
      line: 7,
      column: 17,
      path: 'repositories.repositories[0].password',
      secretText: 'hunter2-plain'
    },
    {
      name: 'a numeric password is not quoted either',
      spec: 'repositories:\n  mountPath: /repos\n  repositories:\n    - {url: "https://github.com/o/r", name: r, username: me, password: 98765432}\n',
      message: /^password must reference a secret/,
      line: 4,
      column: 72,
      secretText: '98765432'
    },
    {
      name: 'mountPath /',
      spec: 'repositories:\n  mountPath: /\n  repositories: [{url: "https://h/o/r", name: r}]\n',
      message: 'mountPath "/" is not allowed (Gradient rejects / and . too): mount the repositories in a directory such as /opt/repos',
      line: 2,
      column: 14
    },
    {
      name: 'mountPath .',
      spec: 'repositories:\n  mountPath: .\n  repositories: [{url: "https://h/o/r", name: r}]\n',
      message: 'mountPath "." is not allowed',
      line: 2,
      column: 14,
      path: 'repositories.mountPath'
    },
    {
      name: 'repository without name',
      spec: 'repositories:\n  mountPath: /r\n  repositories:\n    - url: https://h/o/r\n',
      message: 'is required (string)',
      line: 4,
      column: 7,
      path: 'repositories.repositories[0].name'
    },
    {
      name: 'typo in a repository',
      spec: 'repositories:\n  mountPath: /r\n  repositories:\n    - {url: "https://h/o/r", name: r, usrname: me}\n',
      message: 'unknown key "usrname" — did you mean "username"?',
      line: 4,
      column: 39
    },
    {
      name: 'two repositories with one name',
      spec: 'repositories:\n  mountPath: /r\n  repositories:\n    - {url: "https://h/o/a", name: r}\n    - {url: "https://h/o/b", name: r}\n',
      message: 'repository name "r" is used twice',
      line: 5,
      column: 36
    },
    {
      name: 'no mountPath',
      spec: 'repositories:\n  repositories: [{url: "https://h/o/r", name: r}]\n',
      message: 'is required (string)',
      line: 2,
      column: 3,
      path: 'repositories.mountPath'
    }
  ],
  zenml: [
    {
      name: 'custom type (documented)',
      spec: fixture('zenml/custom.yaml'),
      message:
        /^a custom code repository runs your own Python class \(`source`\), which cannot run here: the supported types are github \(owner, repository, host, api_url\) and gitlab/,
      line: 5,
      column: 9,
      path: 'code_repository.type'
    },
    {
      name: 'unknown type',
      spec: 'code_repository: {type: bitbucket, owner: o, repository: r}\ncommit: abcdef0\n',
      message: /^code repository type "bitbucket" is not known: the supported types are github/,
      line: 1,
      column: 25
    },
    {
      name: 'plaintext token',
      spec: 'code_repository:\n  type: github\n  owner: o\n  repository: r\n  token: ghp_plaintext123\ncommit: abcdef0\n',
      message: /^token must reference a secret as `\{\{ name \}\}`/,
      line: 5,
      column: 10,
      path: 'code_repository.token',
      secretText: 'ghp_plaintext123'
    },
    {
      name: 'a numeric token is not quoted either',
      spec: 'code_repository: {type: github, owner: o, repository: r, token: 1234567890}\ncommit: abcdef0\n',
      message: /^token must reference a secret/,
      line: 1,
      column: 65,
      secretText: '1234567890'
    },
    {
      name: 'no commit',
      spec: 'code_repository: {type: github, owner: o, repository: r}\n',
      message: 'is required (string)',
      line: 1,
      column: 1,
      path: 'commit'
    },
    {
      name: 'commit that is not a SHA',
      spec: 'code_repository: {type: github, owner: o, repository: r}\ncommit: main\n',
      message: /must be a commit SHA/,
      line: 2,
      column: 9
    },
    {
      name: 'github without owner',
      spec: 'code_repository: {type: github, repository: r}\ncommit: abcdef0\n',
      message: 'a github code repository needs `owner`',
      line: 1,
      column: 18
    },
    {
      name: 'gitlab with github fields',
      spec: 'code_repository:\n  type: gitlab\n  group: g\n  project: p\n  owner: o\ncommit: abcdef0\n',
      message: '`owner` does not apply to a gitlab code repository',
      line: 5,
      column: 3,
      path: 'code_repository.owner'
    },
    {
      name: 'subdirectory escaping',
      spec: 'code_repository: {type: github, owner: o, repository: r}\ncommit: abcdef0\nsubdirectory: ../x\n',
      message: /`subdirectory` is a path inside the repository/,
      line: 3,
      column: 15
    },
    {
      name: 'missing secret key',
      spec: 'code_repository: {type: github, owner: o, repository: r, token: "{{ gh.nope }}"}\ncommit: abcdef0\n',
      message: 'secret "gh" for connection "r" has no key "nope"',
      line: 1,
      column: 18,
      secrets: { gh: '{"pa_token": "x"}' }
    }
  ],
  detection: [
    {
      name: 'unknown shape',
      spec: 'image: ubuntu\nport: 80\n',
      message:
        /cannot tell which kind of spec this is\. Each dialect expects:\n {2}native: `version: 1` with `sources:`\n {2}polyaxon: .*\n {2}ads: .*\n {2}gradient: .*\n {2}zenml: `code_repository:` with `commit`/,
      line: 1,
      column: 1
    },
    {
      name: 'ambiguous shape',
      spec: 'repositories: {mountPath: /r, repositories: []}\ncode_repository: {type: github}\n',
      message: /^this spec looks like several dialects: gradient \(repositories\), zenml \(code_repository\)\. Add `dialect: <name>`/,
      line: 1,
      column: 1
    },
    {
      name: 'dialect typo',
      spec: 'dialect: polyaxn\nrun: {init: []}\n',
      message: 'unknown dialect "polyaxn" — did you mean "polyaxon"?: use one of native, polyaxon, ads, gradient, zenml',
      line: 1,
      column: 10,
      path: 'dialect'
    },
    {
      name: 'forced dialect that does not fit',
      spec: 'dialect: zenml\nruntime: {type: git}\ncommit: abcdef0\n',
      message: 'unknown key "runtime"',
      line: 2,
      column: 1,
      path: 'runtime'
    }
  ]
}

for (const [dialect, list] of Object.entries(rows)) {
  describe(`${dialect} errors`, () => {
    it.each(list.map((r) => [r.name, r] as const))('%s', async (_, row) => {
      const out = await planOf(row.spec, {
        secrets: row.secrets ?? { 'gitlab-connection': 'tok', 'az-secret': 'k' },
        ...(row.catalog ? { inputs: { connections: row.catalog } } : {})
      })
      expect(out.other).toBeUndefined()
      expect(out.plan).toBeUndefined()
      const matching = out.errors.filter((e) => (typeof row.message === 'string' ? e.message.includes(row.message) : row.message.test(e.message)))
      expect(
        matching.map((e) => e.describe()),
        out.errors.map((e) => e.describe()).join('\n')
      ).toHaveLength(1)
      const loc = matching[0]!.location
      if (row.line !== undefined) expect(loc?.line).toBe(row.line)
      if (row.column !== undefined) expect(loc?.column).toBe(row.column)
      if (row.path !== undefined) expect(loc?.path).toBe(row.path)
      if (row.secretText) for (const e of out.errors) expect(e.describe()).not.toContain(row.secretText)
    })
  })
}

describe('quick mode (url / revision / path inputs)', () => {
  it('one git source, primary, pinned and placed', async () => {
    const out = await planOf('', { inputs: { url: 'https://github.com/o/r.git', revision: 'v1.2', path: 'src' } })
    expect(out.errors).toEqual([])
    expect([out.plan!.dialect, out.plan!.detectedBy]).toEqual(['quick', '`url` input'])
    expect(
      out.plan!.sources.map((s) => ({
        name: s.name,
        kind: s.kind,
        url: (s as { url: string }).url,
        revision: (s as { revision: string }).revision,
        relPath: s.relPath,
        primary: s.primary
      }))
    ).toEqual([{ name: 'r', kind: 'git', url: 'https://github.com/o/r.git', revision: 'v1.2', relPath: 'src', primary: true }])
  })

  it('a bucket URL lands at its last segment by default', async () => {
    const out = await planOf('', { inputs: { url: 's3://ml-data/models/v1' } })
    expect(out.plan!.sources.map((s) => [s.kind, (s as { uri: string }).uri, s.relPath])).toEqual([['s3', 's3://ml-data/models/v1', 'v1']])
  })

  it('`revision` with a non-git URL is an error', async () => {
    const out = await planOf('', { inputs: { url: 's3://ml-data/x', revision: 'main' } })
    expect(out.errors.map((e) => e.message)).toEqual(['input `revision` applies to git URLs only'])
  })

  it('`spec` and `url` together is an error', async () => {
    const out = await planOf('version: 1\nsources: [{url: "s3://b/x"}]\n', { inputs: { url: 's3://b/y' } })
    expect(out.errors.map((e) => e.message)).toEqual(['give either the `spec` input or the `url` input (quick mode), not both'])
  })

  it('a URL with credentials is refused', async () => {
    const out = await planOf('', { inputs: { url: 'https://user:pw@github.com/o/r.git' } })
    expect(out.errors.map((e) => e.message)).toEqual([expect.stringContaining('the URL carries credentials')])
  })
})
