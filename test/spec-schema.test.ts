import { describe, expect, it } from 'vitest'
import { fieldsOf } from './helpers/secrets.js'
import { planOf, WORKSPACE } from './helpers/plan.js'

const CATALOG = `version: 1
connections:
  - name: repo-test
    kind: git
    schema: {url: https://gitlab.com/org/test}
  - name: datasets
    kind: s3
    schema: {bucket: s3://ml-data/, endpoint: http://127.0.0.1:9000, region: us-east-1, forcePathStyle: true}
`

interface Row {
  name: string
  spec: string
  message: string | RegExp
  line?: number
  column?: number
  path?: string
  secrets?: Record<string, string>
}

/** Each malformed spec: the message, and exactly where it points. */
const invalid: Row[] = [
  { name: 'empty document', spec: '# nothing\n# still nothing\n', message: 'cannot tell which kind of spec' },
  { name: 'not a mapping', spec: '- a\n- b\n', message: 'cannot tell which kind of spec' },
  { name: 'YAML syntax', spec: 'version: 1\nsources: [\n', message: 'invalid YAML', line: 2 },
  { name: 'duplicate key', spec: 'version: 1\nversion: 1\nsources: []\n', message: 'invalid YAML', line: 2 },
  { name: 'wrong version', spec: 'version: 2\nsources:\n  - url: s3://b/\n', message: 'the native spec is `version: 1`', line: 1, column: 10, path: 'version' },
  { name: 'no sources', spec: 'version: 1\nsources: []\n', message: 'list at least one source', line: 2, column: 10, path: 'sources' },
  {
    name: 'unknown top-level key',
    spec: 'version: 1\nsorces: []\nsources:\n  - url: s3://b/\n',
    message: 'unknown key "sorces" — did you mean "sources"?',
    line: 2,
    column: 1,
    path: 'sorces'
  },
  {
    name: 'unknown source key',
    spec: 'version: 1\nsources:\n  - url: s3://b/x\n    pth: data\n',
    message: 'unknown key "pth" — did you mean "path"?',
    line: 4,
    column: 5,
    path: 'sources[0].pth'
  },
  {
    name: 'unknown git option',
    spec: 'version: 1\nsources:\n  - url: https://h/o/r.git\n    git: {revison: main}\n',
    message: 'unknown key "revison" — did you mean "revision"?',
    line: 4,
    column: 11,
    path: 'sources[0].git.revison'
  },
  {
    name: 'unknown connection',
    spec: CATALOG + 'sources:\n  - connection: repo-tst\n',
    message: 'unknown connection "repo-tst" — did you mean "repo-test"?',
    line: 10,
    column: 17,
    path: 'sources[0].connection'
  },
  {
    name: 'connection and url',
    spec: CATALOG + 'sources:\n  - connection: repo-test\n    url: https://x/y/z.git\n',
    message: 'give either `connection` or `url`',
    line: 11,
    column: 10,
    path: 'sources[0].url'
  },
  {
    name: 'neither connection nor url',
    spec: 'version: 1\nsources:\n  - path: code\n',
    message: 'needs a `connection`',
    line: 3,
    column: 5,
    path: 'sources[0]'
  },
  {
    name: 'unknown connection kind',
    spec: 'version: 1\nconnections:\n  - name: c\n    kind: s4\n    schema: {bucket: s3://b}\nsources:\n  - connection: c\n',
    message: /must be one of .*"s3".* — did you mean "s3"\?/,
    line: 4,
    column: 11,
    path: 'connections[0].kind'
  },
  {
    name: 'unknown schema field',
    spec: 'version: 1\nconnections:\n  - name: c\n    kind: s3\n    schema: {bucket: s3://b, regoin: x}\nsources:\n  - connection: c\n',
    message: 'unknown key "regoin" — did you mean "region"?',
    line: 5,
    column: 30,
    path: 'connections[0].schema.regoin'
  },
  {
    name: 'missing bucket',
    spec: 'version: 1\nconnections:\n  - name: c\n    kind: s3\n    schema: {region: x}\nsources:\n  - connection: c\n',
    message: 'is required',
    line: 5,
    path: 'connections[0].schema.bucket'
  },
  {
    name: 'bad connection name',
    spec: 'version: 1\nconnections:\n  - name: "bad name"\n    kind: git\n    schema: {url: https://h/o/r}\nsources:\n  - url: s3://b/\n',
    message: 'use letters, digits',
    line: 3,
    column: 11,
    path: 'connections[0].name'
  },
  {
    name: 'duplicate connection',
    spec: 'version: 1\nconnections:\n  - {name: c, kind: s3, schema: {bucket: s3://a}}\n  - {name: c, kind: s3, schema: {bucket: s3://b}}\nsources:\n  - connection: c\n',
    message: 'defined twice',
    line: 4,
    column: 5
  },
  {
    name: 'disallowed git flag',
    spec: 'version: 1\nsources:\n  - url: https://h/o/r.git\n    git:\n      flags: [--depth 1, --upload-pack=evil]\n',
    message: 'git flag "--upload-pack=evil" is not allowed',
    line: 5,
    column: 26,
    path: 'sources[0].git.flags[1]'
  },
  {
    name: 'config flag',
    spec: 'version: 1\nsources:\n  - url: https://h/o/r.git\n    git: {flags: ["-c core.sshCommand=x"]}\n',
    message: 'is not allowed',
    line: 4,
    path: 'sources[0].git.flags[0]'
  },
  {
    name: 'ext transport',
    spec: 'version: 1\nsources:\n  - url: "ext::sh -c touch% /tmp/pwned"\n    kind: git\n',
    message: 'transport "ext" is not allowed',
    line: 3,
    column: 10,
    path: 'sources[0].url'
  },
  { name: 'credentials in URL', spec: 'version: 1\nsources:\n  - url: https://user:pw@h/o/r.git\n', message: 'carries credentials', line: 3, column: 10 },
  {
    name: 'negative depth',
    spec: 'version: 1\nsources:\n  - url: https://h/o/r.git\n    git: {depth: -1}\n',
    message: 'use 0 for full history',
    line: 4,
    column: 18,
    path: 'sources[0].git.depth'
  },
  {
    name: 'depth not a number',
    spec: 'version: 1\nsources:\n  - url: https://h/o/r.git\n    git: {depth: one}\n',
    message: 'expected number, got string "one"',
    line: 4,
    column: 18
  },
  {
    name: 'revision like an option',
    spec: 'version: 1\nsources:\n  - url: https://h/o/r.git\n    git: {revision: --exec=x}\n',
    message: 'not a valid branch',
    line: 4,
    column: 21,
    path: 'sources[0].git.revision'
  },
  {
    name: 'destination escapes',
    spec: 'version: 1\nsources:\n  - url: s3://b/x\n    path: ../../etc\n',
    message: 'resolves outside the workspace',
    line: 4,
    column: 11,
    path: 'sources[0].path'
  },
  {
    name: 'an object source at the workspace root',
    spec: 'version: 1\nsources:\n  - url: s3://b/x\n    path: .\n',
    message: 'is the workspace root, which only a git source may use',
    line: 3
  },
  {
    name: 'duplicate names',
    spec: 'version: 1\nsources:\n  - {url: s3://b/x, name: d, path: a}\n  - {url: s3://b/y, name: d, path: b}\n',
    message: 'source name "d" is used twice',
    line: 4,
    column: 5
  },
  {
    name: 'overlapping destinations',
    spec: 'version: 1\nsources:\n  - {url: s3://b/x, path: data}\n  - {url: s3://b/y, path: data/sub}\n',
    message: 'overlaps "data"',
    line: 4
  },
  {
    name: 'two primaries',
    spec: 'version: 1\nsources:\n  - {url: s3://b/x, primary: true}\n  - {url: s3://b/y, primary: true}\n',
    message: 'only one source can be `primary: true`',
    line: 4
  },
  {
    name: 'git options on a bucket',
    spec: 'version: 1\nsources:\n  - url: s3://b/x\n    git: {depth: 1}\n',
    message: '`git` options apply to git sources, not s3',
    line: 4,
    column: 10
  },
  {
    name: 'artifacts on git',
    spec: 'version: 1\nsources:\n  - url: https://h/o/r.git\n    artifacts: {files: [a]}\n',
    message: 'for git use `git: {sparse',
    line: 4
  },
  {
    name: 'sha256 not hex',
    spec: 'version: 1\nsources:\n  - url: https://h/w.tar.gz\n    sha256: xyz\n',
    message: 'must be 64 hex characters',
    line: 4,
    column: 13
  },
  {
    name: 'unpack on s3',
    spec: 'version: 1\nsources:\n  - url: s3://b/w.tar.gz\n    unpack: true\n',
    message: '`unpack` applies to http sources only',
    line: 4
  },
  { name: 'unknown url kind', spec: 'version: 1\nsources:\n  - url: ftp://h/file\n', message: 'cannot tell what kind of source', line: 3, column: 10 },
  { name: 'bucket uri of wrong kind', spec: 'version: 1\nsources:\n  - url: gs://b/x\n    kind: s3\n', message: 'is not a s3 URI', line: 3 },
  {
    name: 'volume claim used',
    spec: 'version: 1\nconnections:\n  - {name: vol, kind: volume_claim, schema: {volumeClaim: x}}\nsources:\n  - connection: vol\n',
    message: 'kind volume_claim: a Kubernetes volume claim cannot be mounted',
    line: 5,
    column: 17
  },
  {
    name: 'missing secret',
    spec: 'version: 1\nconnections:\n  - name: repo-test\n    kind: git\n    schema: {url: https://gitlab.com/org/test}\n    secret: {name: gitlab-connection}\nsources:\n  - connection: repo-test\n',
    message: 'secret "gitlab-connection" for connection "repo-test" not found: tried "gitlab-connection", "GITLAB_CONNECTION"',
    line: 3,
    column: 5
  },
  {
    name: 'missing secret item',
    spec: 'version: 1\nconnections:\n  - name: d\n    kind: s3\n    schema: {bucket: s3://b}\n    secret: {name: aws, items: [AWS_SECRET_ACCES_KEY]}\nsources:\n  - connection: d\n',
    secrets: { aws: 'AWS_ACCESS_KEY_ID=AKIAEXAMPLE1\nAWS_SECRET_ACCESS_KEY=abcdefghijkl' },
    message: 'has no key "AWS_SECRET_ACCES_KEY" (listed in `items`) — did you mean "AWS_SECRET_ACCESS_KEY"?',
    line: 3
  },
  { name: 'timeout not positive', spec: 'version: 1\nsources:\n  - url: s3://b/x\n    timeout: 0\n', message: 'Too small', line: 4, column: 14 }
]

describe('native spec: malformed specs are refused with a message and a location', () => {
  it.each(invalid)('$name', async (row) => {
    const { errors, plan, other } = await planOf(row.spec, row.secrets ? { secrets: row.secrets } : {})
    expect(other).toBeUndefined()
    expect(plan).toBeUndefined()
    const err = errors.find((e) => (typeof row.message === 'string' ? e.message.includes(row.message) : row.message.test(e.message)))
    expect(err, `no error matching ${String(row.message)}; got:\n${errors.map((e) => e.describe()).join('\n')}`).toBeDefined()
    if (row.line !== undefined) expect(err!.location?.line).toBe(row.line)
    if (row.column !== undefined) expect(err!.location?.column).toBe(row.column)
    if (row.path !== undefined) expect(err!.location?.path).toBe(row.path)
    expect(err!.location?.file ?? '(inline `spec` input)').toBe('(inline `spec` input)')
  })

  it('reports every problem of a spec in one pass', async () => {
    const { errors } = await planOf('version: 1\nsources:\n  - {url: s3://b/x, pth: a}\n  - {url: "ext::x", kind: git}\n  - {connection: nope}\n')
    expect(errors.map((e) => e.location?.line)).toEqual([3, 4, 5])
  })
})

describe('native spec: every field of a valid spec lands in the model', () => {
  it('reads the contract example end to end', async () => {
    const spec = `${CATALOG}    secret: {name: aws-data}
sources:
  - connection: repo-test
    git: {revision: branchA, flags: [--depth 1, --recurse-submodules], url: https://override.example/org/test.git}
    path: code
    primary: true
  - name: train-data
    connection: datasets
    artifacts: {files: [labels.csv], dirs: [images/]}
    paths: [a/b, [from, to]]
    path: data
    sync: true
    timeout: 45
  - name: weights
    url: https://example.org/w.tar.gz
    unpack: true
    sha256: ${'AB'.repeat(32)}
    headers: {X-Api: v1}
`
    const { plan, errors } = await planOf(spec, { secrets: { 'aws-data': '{"AWS_ACCESS_KEY_ID":"AKIAEXAMPLE","AWS_SECRET_ACCESS_KEY":"s3cr3tvalue"}' } })
    expect(errors.map((e) => e.describe())).toEqual([])
    const [code, data, weights] = plan!.sources
    expect(code).toMatchObject({
      kind: 'git',
      name: 'repo-test',
      url: 'https://override.example/org/test.git',
      revision: 'branchA',
      depth: 1,
      submodules: 'recursive',
      dest: `${WORKSPACE}/code`,
      relPath: 'code',
      primary: true,
      tags: false
    })
    expect(data).toMatchObject({
      kind: 's3',
      name: 'train-data',
      connection: 'datasets',
      uri: 's3://ml-data/',
      options: { endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', forcePathStyle: true },
      selection: {
        files: ['labels.csv'],
        dirs: ['images/'],
        paths: [
          ['a/b', 'a/b'],
          ['from', 'to']
        ]
      },
      sync: true,
      timeout: 45,
      dest: `${WORKSPACE}/data`
    })
    expect(fieldsOf(data!.secret)).toEqual({ AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 's3cr3tvalue' })
    expect(weights).toMatchObject({ kind: 'http', url: 'https://example.org/w.tar.gz', unpack: true, sha256: 'ab'.repeat(32), headers: { 'X-Api': 'v1' } })
    expect(plan!.dialect).toBe('native')
    expect(plan!.specDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it.each([
    ['https://github.com/org/repo', 'git', 'repo'],
    ['git@github.com:org/repo.git', 'git', 'repo'],
    ['ssh://git@host:2222/org/repo.git', 'git', 'repo'],
    ['file:///srv/repos/thing.git', 'git', 'thing'],
    ['s3://bucket/prefix/', 's3', 'prefix'],
    ['gs://bucket/data', 'gcs', 'data'],
    ['wasbs://c@acct.blob.core.windows.net/p', 'wasb', 'p'],
    ['oci://bucket@ns/code', 'oci', 'code'],
    ['https://example.org/model.tar.gz', 'http', 'model'],
    ['./local/dir', 'host_path', 'dir']
  ])('infers the kind and name of inline url %s', async (url, kind, name) => {
    const { plan, errors } = await planOf(`version: 1\nsources:\n  - url: "${url}"\n`)
    expect(errors).toEqual([])
    expect(plan!.sources[0]).toMatchObject({ kind, name })
  })

  it('git defaults: depth 1, no tags; depth 0 brings tags; options override flags', async () => {
    const { plan } = await planOf(
      'version: 1\nsources:\n  - {url: https://h/o/a.git}\n  - {url: https://h/o/b.git, git: {depth: 0}}\n  - {url: https://h/o/c.git, git: {depth: 5, flags: [--depth 2, --no-tags, --single-branch, --shallow-submodules, "--filter=blob:none", --experimental-fetch], lfs: true, sparse: [src], submodules: true}}\n'
    )
    expect(plan!.sources.map((s) => s.kind === 'git' && [s.depth, s.tags])).toEqual([
      [1, false],
      [0, true],
      [5, false]
    ])
    expect(plan!.sources[2]).toMatchObject({ singleBranch: true, shallowSubmodules: true, filter: 'blob:none', lfs: true, sparse: ['src'], submodules: true })
  })

  it('github and gitlab connections resolve to git URLs and API endpoints', async () => {
    const { plan, errors } = await planOf(
      'version: 1\nconnections:\n  - {name: gh, kind: github, schema: {owner: o, repository: r}}\n  - {name: ghe, kind: github, schema: {owner: o, repository: r, host: ghe.corp}}\n  - {name: gl, kind: gitlab, schema: {group: g, project: p, instanceUrl: "https://gl.corp/"}}\nsources:\n  - connection: gh\n  - connection: ghe\n  - connection: gl\n'
    )
    expect(errors).toEqual([])
    expect(plan!.sources.map((s) => s.kind === 'git' && [s.url, s.provider?.apiUrl])).toEqual([
      ['https://github.com/o/r.git', 'https://api.github.com'],
      ['https://ghe.corp/o/r.git', 'https://ghe.corp/api/v3'],
      ['https://gl.corp/g/p.git', 'https://gl.corp/api/v4']
    ])
  })

  it('the connections input merges under the spec: the spec wins on a name clash', async () => {
    const catalog =
      'connections:\n  - {name: shared, kind: s3, schema: {bucket: s3://from-input}}\n  - {name: only-input, kind: s3, schema: {bucket: s3://input-only}}\nartifactsStore: {name: store, kind: s3, schema: {bucket: s3://artifacts}}\n'
    const spec =
      'version: 1\nconnections:\n  - {name: shared, kind: s3, schema: {bucket: s3://from-spec}}\nsources:\n  - {connection: shared}\n  - {connection: only-input}\n  - {name: arts, paths: [x]}\n'
    const { plan, errors } = await planOf(spec, { inputs: { connections: catalog } })
    expect(errors).toEqual([])
    expect(plan!.sources.map((s) => 'uri' in s && s.uri)).toEqual(['s3://from-spec', 's3://input-only', 's3://artifacts'])
  })

  it('`only` selects sources and names unknown ones with a suggestion', async () => {
    const spec = 'version: 1\nsources:\n  - {url: s3://b/a, name: alpha}\n  - {url: s3://b/b, name: beta}\n'
    expect((await planOf(spec, { inputs: { only: 'beta' } })).plan!.sources.map((s) => s.name)).toEqual(['beta'])
    const { other, errors } = await planOf(spec, { inputs: { only: 'alpha,bta' } })
    expect(other).toBeUndefined()
    expect(errors[0]!.message).toContain('"bta" — did you mean "beta"?')
  })

  it('inputs are validated, never coerced', async () => {
    for (const [input, value, message] of [
      ['dry-run', 'yes', 'input `dry-run` must be true or false, got "yes"'],
      ['concurrency', '0', 'input `concurrency` must be a whole number from 1 to 256'],
      ['concurrency', '2.5', 'whole number'],
      ['secrets', '{not json', 'input `secrets` is not valid JSON'],
      ['secrets', '["a"]', 'must be a JSON object']
    ] as const) {
      const { errors } = await planOf('version: 1\nsources:\n  - url: s3://b/x\n', { inputs: { [input]: value } })
      expect(errors[0]?.message).toContain(message)
    }
  })
})
