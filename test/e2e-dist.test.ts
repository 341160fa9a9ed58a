import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { derivedForms } from '../src/connections/redactor.js'
import { tempDir } from './helpers/harness.js'
import { NODE24, inputEnv, parseCommandFile, postEnv, runStep, runnerFiles, stepEnv, type RunnerFiles } from './helpers/runner.js'

const SECRET_VALUES = ['e2e-token-value-123', 'hunter2-password', 'unused-secret-value-xyz']
const SECRETS = {
  'data-secret': JSON.stringify({ TOKEN: SECRET_VALUES[0], PASSWORD: SECRET_VALUES[1] }),
  UNUSED: SECRET_VALUES[2]
}

const SPEC = `version: 1
connections:
  - name: local-data
    kind: host_path
    schema: {hostPath: ../bucket}
    secret: {name: data-secret, mountPath: /etc/data-creds}
sources:
  - connection: local-data
    artifacts: {files: [labels.csv], dirs: [images/]}
    path: data
  - name: everything
    connection: local-data
    path: copies/all
`

/** Every form a secret could leak in, minus the runner's own `::add-mask::` commands. */
function leaks(text: string): string[] {
  const visible = text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  return SECRET_VALUES.flatMap((v) => derivedForms(v)).filter((form) => visible.includes(form))
}

describe.each([
  ['node 20', process.execPath],
  ['node 24', NODE24]
])('dist/index.js under %s, run the way the runner runs it', (_, node) => {
  let root: string
  let f: RunnerFiles
  beforeAll(async () => {
    root = await tempDir('fs-e2e-')
    f = await runnerFiles(root)
    await fs.mkdir(path.join(root, 'bucket', 'images'), { recursive: true })
    await fs.writeFile(path.join(root, 'bucket', 'labels.csv'), 'id,label\n1,cat\n')
    await fs.writeFile(path.join(root, 'bucket', 'images', 'cat.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    await fs.writeFile(path.join(root, 'bucket', 'notes.txt'), 'not selected')
    await fs.writeFile(path.join(f.workspace, 'run.yaml'), SPEC)
  })
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true })
  })

  it('main step: fetches, writes outputs, summary and lock; post step cleans up', async () => {
    const main = await runStep(
      node,
      { ...stepEnv(f), ...(await inputEnv({ spec: 'run.yaml', secrets: JSON.stringify(SECRETS), concurrency: '4' })) },
      f.workspace
    )
    expect(main.stderr).toBe('')
    expect(main.code, main.stdout).toBe(0)

    const outputs = parseCommandFile(await fs.readFile(f.output, 'utf8'))
    const sources = JSON.parse(outputs.sources!)
    expect(Object.keys(sources)).toEqual(['local-data', 'everything'])
    expect(sources['local-data']).toMatchObject({ kind: 'host_path', path: path.join(f.workspace, 'data'), files: 2, bytes: 19, commit: '', ref: '' })
    expect(sources['local-data'].digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(sources.everything.files).toBe(3)
    expect(outputs.path).toBe(path.join(f.workspace, 'data'))
    expect(outputs['lock-file']).toBe(path.join(f.temp, 'sources.lock.json'))

    expect(await fs.readFile(path.join(f.workspace, 'data', 'labels.csv'), 'utf8')).toBe('id,label\n1,cat\n')
    expect([...(await fs.readFile(path.join(f.workspace, 'data', 'images', 'cat.png')))]).toEqual([0x89, 0x50, 0x4e, 0x47])
    await expect(fs.stat(path.join(f.workspace, 'data', 'notes.txt'))).rejects.toThrow()
    expect(await fs.readFile(path.join(f.workspace, 'copies', 'all', 'notes.txt'), 'utf8')).toBe('not selected')

    const lock = JSON.parse(await fs.readFile(outputs['lock-file']!, 'utf8'))
    expect(lock).toMatchObject({ version: 1, dialect: 'native', sources: { 'local-data': sources['local-data'] } })
    expect(lock.specDigest).toMatch(/^sha256:/)
    expect(Date.now() - Date.parse(lock.time)).toBeLessThan(120_000)

    const summary = await fs.readFile(f.summary, 'utf8')
    expect(summary).toContain('| local-data | host_path |')
    expect(summary).toContain('| everything | host_path |')

    expect(main.stdout).toContain('::group::local-data (host_path) → data')
    expect(main.stdout).toContain('::endgroup::')
    expect(main.stdout).toMatch(/::add-mask::e2e-token-value-123/)

    // mountPath: the secret's keys as 0600 files under RUNNER_TEMP, kept for later steps.
    const mounted = (await fs.readdir(f.temp)).find((d) => d.startsWith('fetch-sources-secrets-'))
    expect(mounted).toBeDefined()
    const tokenFile = path.join(f.temp, mounted!, 'local-data', 'etc', 'data-creds', 'TOKEN')
    expect(await fs.readFile(tokenFile, 'utf8')).toBe(SECRET_VALUES[0])
    expect((await fs.stat(tokenFile)).mode & 0o777).toBe(0o600)

    // No secret, in any form, anywhere a user or a later step can read.
    const everywhere = [
      main.stdout,
      main.stderr,
      await fs.readFile(f.output, 'utf8'),
      summary,
      await fs.readFile(outputs['lock-file']!, 'utf8'),
      await fs.readFile(f.state, 'utf8')
    ].join('\n')
    expect(leaks(everywhere)).toEqual([])

    const post = await runStep(node, { ...stepEnv(f), ...(await postEnv(f)) }, f.workspace)
    expect(post.code, post.stdout).toBe(0)
    expect(post.stdout).toContain('removed')
    expect((await fs.readdir(f.temp)).filter((d) => d.startsWith('fetch-sources-'))).toEqual([])
    expect(leaks(post.stdout)).toEqual([])
    // The fetched data stays.
    expect(await fs.readFile(path.join(f.workspace, 'data', 'labels.csv'), 'utf8')).toContain('cat')
  })

  it('a second run with nothing changed is up to date and gives the same digest', async () => {
    const before = JSON.parse(parseCommandFile(await fs.readFile(f.output, 'utf8')).sources!)
    await fs.writeFile(f.output, '')
    await fs.writeFile(f.summary, '')
    const again = await runStep(node, { ...stepEnv(f), ...(await inputEnv({ spec: 'run.yaml', secrets: JSON.stringify(SECRETS) })) }, f.workspace)
    expect(again.code, again.stdout).toBe(0)
    expect(again.stdout).toContain('already up to date')
    const after = JSON.parse(parseCommandFile(await fs.readFile(f.output, 'utf8')).sources!)
    expect(after['local-data'].digest).toBe(before['local-data'].digest)
    expect(await fs.readFile(f.summary, 'utf8')).toContain('up to date')
  })

  it('dry-run prints the plan and writes nothing', async () => {
    const ws = path.join(root, 'dry')
    const g = { ...f, workspace: ws }
    await fs.mkdir(ws)
    await fs.writeFile(path.join(ws, 'run.yaml'), SPEC.replace('../bucket', '../bucket'))
    await fs.writeFile(f.output, '')
    const dry = await runStep(node, { ...stepEnv(g), ...(await inputEnv({ spec: 'run.yaml', secrets: JSON.stringify(SECRETS), 'dry-run': 'true' })) }, ws)
    expect(dry.code, dry.stdout).toBe(0)
    expect(dry.stdout).toContain('plan (native, detected by version: 1): 2 source(s)')
    expect(dry.stdout).toContain('secret "data-secret" (secrets input)')
    expect(dry.stdout).toContain('dry run: nothing fetched, nothing written')
    expect((await fs.readdir(ws)).sort()).toEqual(['run.yaml'])
    expect(leaks(dry.stdout)).toEqual([])
  })

  it('a bad spec fails the step with an annotation at the file, line and column', async () => {
    await fs.writeFile(path.join(f.workspace, 'bad.yaml'), 'version: 1\nsources:\n  - connection: local-dta\n')
    const bad = await runStep(
      node,
      {
        ...stepEnv(f),
        ...(await inputEnv({ spec: 'bad.yaml', connections: 'connections:\n  - {name: local-data, kind: host_path, schema: {hostPath: /tmp}}\n' }))
      },
      f.workspace
    )
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('::error file=bad.yaml,line=3,col=17::sources[0].connection: unknown connection "local-dta" — did you mean "local-data"?')
  })

  it('a thrown non-spec failure still fails the step and names the source', async () => {
    await fs.writeFile(path.join(f.workspace, 'missing.yaml'), 'version: 1\nsources:\n  - {url: /nonexistent/dir, kind: host_path, name: gone}\n')
    const res = await runStep(node, { ...stepEnv(f), ...(await inputEnv({ spec: 'missing.yaml' })) }, f.workspace)
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('::error::gone: host path /nonexistent/dir does not exist')
    expect(res.stdout).toMatch(/::error::1 of 1 source failed: gone; no lock file was written/)
  })
})
