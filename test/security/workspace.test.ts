/**
 * Where sources land (issue 13, items 2, 3 and 9). The spec is trusted; the repository's content
 * and the workspace left by an earlier job are not.
 *
 * - 2: a repository symlink used as `subdirectory:` (native or ZenML) is refused, naming the
 *   subdirectory; the host directory it points at is untouched (today its entries are *moved*).
 * - 3: a destination that is a symlink, or whose path passes through one, is refused before
 *   anything is written; the directory outside is untouched (today `shared/sub` with
 *   `shared -> /outside` replaces `/outside/sub`, and a destination link gets the target's files
 *   hard-linked in).
 * - 9: RUNNER_TEMP and the workspace on different filesystems work (a copy, not a raw EXDEV).
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from '../helpers/harness.js'
import { git, makeRepo } from '../servers/git-http.js'
import { startHttp, type HttpTestServer } from '../servers/http.js'
import { exists, plantCanary, snapshot, stagingLeftovers, walk } from './helpers/fs-state.js'
import { failedNaming, freshWorkspace, transcript } from './helpers/run.js'

let root: string
let web: HttpTestServer

beforeAll(async () => {
  root = await tempDir('fs-sec-ws-')
  web = await startHttp()
})
afterAll(async () => {
  await web?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

/** A bare repository whose `ml` is a symlink to `hostDir` (absolute), next to a real `src/`. */
async function repoWithHostLink(parent: string, name: string, hostDir: string): Promise<{ bare: string; sha: string }> {
  await fs.mkdir(parent, { recursive: true })
  let sha = ''
  const bare = await makeRepo(parent, name, async (work) => {
    await fs.mkdir(path.join(work, 'src'))
    await fs.writeFile(path.join(work, 'src', 'train.py'), 'print(1)\n')
    await fs.symlink(hostDir, path.join(work, 'ml'))
    git(work, 'add', '-A')
    git(work, 'commit', '-q', '-m', 'ml is a link to a host directory')
    sha = git(work, 'rev-parse', 'HEAD')
  })
  return { bare, sha }
}

describe('item 2: a repository symlink used as `subdirectory` is refused', () => {
  it('native `subdirectory:` naming a link to a host directory: refused, the host directory untouched', async () => {
    const hostDir = await fs.mkdtemp(path.join(root, 'host-'))
    const before = await plantCanary(hostDir)
    const { bare } = await repoWithHostLink(path.join(root, 'native'), 'linked', hostDir)
    const ws = await freshWorkspace(root)
    const spec = `version: 1\nsources:\n  - name: code\n    url: file://${bare}\n    subdirectory: ml\n    path: code\n`
    const run = await runSpec({ workspace: ws, spec })
    expect(await snapshot(hostDir), 'the host directory behind the link changed').toEqual(before)
    expect(failedNaming(run, 'code', '"ml"'), transcript(run)).toBe(true)
    expect(await exists(path.join(ws, 'code'))).toBe(false)
  })

  it('ZenML `subdirectory` naming a link to a host directory: refused, the host directory untouched', async () => {
    const hostDir = await fs.mkdtemp(path.join(root, 'host-'))
    const before = await plantCanary(hostDir)
    const instance = path.join(root, 'gitlab')
    const { sha } = await repoWithHostLink(path.join(instance, 'ml'), 'training', hostDir)
    const ws = await freshWorkspace(root)
    const spec = `code_repository:
  name: repo
  type: gitlab
  group: ml
  project: training
  instance_url: "file://${instance}"
commit: ${sha}
subdirectory: ml
path: code
`
    const run = await runSpec({ workspace: ws, spec })
    expect(await snapshot(hostDir), 'the host directory behind the link changed').toEqual(before)
    expect(failedNaming(run, 'repo', '"ml"'), transcript(run)).toBe(true)
    expect(await exists(path.join(ws, 'code'))).toBe(false)
  })
})

describe('item 3: symlinks already in the workspace are never followed', () => {
  async function bucketDir(): Promise<string> {
    const dir = await fs.mkdtemp(path.join(root, 'bucket-'))
    await fs.writeFile(path.join(dir, 'data.txt'), 'from the source\n')
    return dir
  }

  it('host_path with `path: shared/sub` where the workspace has `shared -> /outside`: refused, /outside untouched', async () => {
    const outside = await fs.mkdtemp(path.join(root, 'outside-'))
    const before = await plantCanary(outside)
    const ws = await freshWorkspace(root)
    await fs.symlink(outside, path.join(ws, 'shared'))
    const spec = `version: 1\nsources:\n  - name: data\n    url: ${await bucketDir()}\n    path: shared/sub\n`
    const run = await runSpec({ workspace: ws, spec })
    expect(await snapshot(outside), 'the directory behind the workspace symlink changed').toEqual(before)
    expect(failedNaming(run, 'data', 'shared', /symlink|symbolic link/i), transcript(run)).toBe(true)
  })

  it('http with `path: shared/sub` where the workspace has `shared -> /outside`: refused, /outside untouched', async () => {
    web.routes.set('/f/model.bin', { body: Buffer.from('weights\n') })
    const outside = await fs.mkdtemp(path.join(root, 'outside-'))
    const before = await plantCanary(outside)
    const ws = await freshWorkspace(root)
    await fs.symlink(outside, path.join(ws, 'shared'))
    const spec = `version: 1\nsources:\n  - name: model\n    url: ${web.url}/f/model.bin\n    path: shared/sub\n`
    const run = await runSpec({ workspace: ws, spec })
    expect(await snapshot(outside), 'the directory behind the workspace symlink changed').toEqual(before)
    expect(failedNaming(run, 'model', 'shared', /symlink|symbolic link/i), transcript(run)).toBe(true)
  })

  it('a destination that is itself a symlink (`data -> /outside`): refused, nothing of /outside copied in, the link left as it was', async () => {
    const outside = await fs.mkdtemp(path.join(root, 'outside-'))
    const before = await plantCanary(outside)
    const ws = await freshWorkspace(root)
    await fs.symlink(outside, path.join(ws, 'data'))
    const spec = `version: 1\nsources:\n  - name: data\n    url: ${await bucketDir()}\n    path: data\n`
    const run = await runSpec({ workspace: ws, spec })
    expect(await snapshot(outside), 'the directory behind the destination symlink changed').toEqual(before)
    expect(failedNaming(run, 'data', /symlink|symbolic link/i), transcript(run)).toBe(true)
    expect(await fs.readlink(path.join(ws, 'data'))).toBe(outside)
    expect((await walk(ws)).filter((p) => !p.split('/')[0]!.startsWith('.fetch-sources-'))).toEqual(['data'])
  })
})

describe('item 9: RUNNER_TEMP on another filesystem than the workspace', () => {
  const SHM = '/dev/shm'
  let temp: string
  beforeAll(async () => {
    temp = await fs.mkdtemp(path.join(SHM, 'fs-sec-runner-temp-'))
    // The point of the test: a rename from one to the other is EXDEV.
    expect((await fs.stat(temp)).dev).not.toBe((await fs.stat(root)).dev)
  })
  afterAll(() => (temp ? fs.rm(temp, { recursive: true, force: true }) : undefined))

  it('an http file (downloaded into scratch under RUNNER_TEMP) lands in the workspace', async () => {
    const body = Buffer.from('cross-device bytes\n')
    web.routes.set('/f/cross.bin', { body })
    const ws = await freshWorkspace(root)
    const spec = `version: 1\nsources:\n  - name: blob\n    url: ${web.url}/f/cross.bin\n    path: blob\n`
    const run = await runSpec({ workspace: ws, spec, env: { RUNNER_TEMP: temp } })
    expect(run.error, transcript(run)).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'blob', 'cross.bin'))).toEqual(body)
    expect(await stagingLeftovers(ws)).toEqual([])
  })

  it('a git `subdirectory` (checked out in scratch under RUNNER_TEMP) lands in the workspace', async () => {
    const parent = path.join(root, 'xdev')
    await fs.mkdir(parent, { recursive: true })
    const bare = await makeRepo(parent, 'repo', async (work) => {
      await fs.mkdir(path.join(work, 'pkg'))
      await fs.writeFile(path.join(work, 'pkg', 'a.py'), 'a = 1\n')
      git(work, 'add', '-A')
      git(work, 'commit', '-q', '-m', 'pkg')
    })
    const ws = await freshWorkspace(root)
    const spec = `version: 1\nsources:\n  - name: code\n    url: file://${bare}\n    subdirectory: pkg\n    path: code\n`
    const run = await runSpec({ workspace: ws, spec, env: { RUNNER_TEMP: temp } })
    expect(run.error, transcript(run)).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'code', 'a.py'), 'utf8')).toBe('a = 1\n')
  })
})
