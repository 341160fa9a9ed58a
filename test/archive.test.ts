import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unpackArchive } from '../src/fetchers/shared/archive.js'
import { runSpec, tempDir } from './helpers/harness.js'
import { makeTar, makeZip, sha256, startHttp, type ArchiveEntry, type HttpTestServer } from './servers/http.js'

let web: HttpTestServer
let root: string

const good: ArchiveEntry[] = [
  { path: 'model/', type: 'Directory' },
  { path: 'model/weights.bin', body: randomBytes(5000) },
  { path: 'model/config.json', body: '{"a": 1}' },
  { path: 'model/latest', type: 'SymbolicLink', linkpath: 'config.json' }
]

async function workspace(): Promise<string> {
  const dir = path.join(root, `ws-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(dir)
  return dir
}
function spec(name: string, sha?: string): string {
  return `version: 1
sources:
  - name: bundle
    url: ${web.url}/a/${name}
    unpack: true
    path: data
${sha ? `    sha256: ${sha}\n` : ''}`
}

beforeAll(async () => {
  root = await tempDir('fs-arch-')
  web = await startHttp()
})
afterAll(async () => {
  await web?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('archives over http', () => {
  for (const [name, bytes] of [
    ['model.tar.gz', () => makeTar(good, true)],
    ['model.tgz', () => makeTar(good, true)],
    ['model.tar', () => makeTar(good)],
    ['model.zip', () => makeZip(good)]
  ] as const) {
    it(`unpacks ${name} into the destination with the archive's sha256 as digest`, async () => {
      const body = bytes()
      web.routes.set(`/a/${name}`, { body, etag: `"${name}"` })
      const ws = await workspace()
      const c = await runSpec({ workspace: ws, spec: spec(name, sha256(body)) })
      expect(c.error).toBeUndefined()
      const data = path.join(ws, 'data')
      expect(await fs.readFile(path.join(data, 'model/weights.bin'))).toEqual(good[1]!.body)
      expect(await fs.readlink(path.join(data, 'model/latest'))).toBe('config.json')
      expect(await fs.readFile(path.join(data, 'model/latest'), 'utf8')).toBe('{"a": 1}')
      await expect(fs.stat(path.join(data, name))).rejects.toThrow()
      const out = JSON.parse(c.outputs.sources!) as Record<string, { digest: string; files: number }>
      expect(out.bundle).toMatchObject({ digest: `sha256:${sha256(body)}`, files: 2 })
    })
  }

  it('unpacks a tarball made with `tar -C dir -czf x.tgz .` (entries start with ./)', async () => {
    const tar = await import('tar')
    const src = await fs.mkdtemp(path.join(root, 'src-'))
    await fs.mkdir(path.join(src, 'sub'))
    await fs.writeFile(path.join(src, 'sub/a.txt'), 'dot-slash')
    const file = path.join(root, 'dot.tgz')
    await tar.c({ gzip: true, cwd: src, file }, ['.'])
    const body = await fs.readFile(file)
    web.routes.set('/a/dot.tgz', { body })
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec('dot.tgz') })
    expect(c.error).toBeUndefined()
    expect(await fs.readFile(path.join(ws, 'data/sub/a.txt'), 'utf8')).toBe('dot-slash')
  })

  it('refuses a zip-slip tar.gz and lands nothing', async () => {
    const body = makeTar(
      [
        { path: 'ok.txt', body: 'fine' },
        { path: '../../evil.txt', body: 'gotcha' }
      ],
      true
    )
    web.routes.set('/a/slip.tar.gz', { body })
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec('slip.tar.gz') })
    expect(c.logs.join('\n')).toContain('bundle: slip.tar.gz: refusing the archive: "../../evil.txt" would land outside the destination')
    await expect(fs.stat(path.join(ws, 'data'))).rejects.toThrow()
    expect(await fs.readdir(ws)).toEqual([])
    await expect(fs.stat(path.join(root, 'evil.txt'))).rejects.toThrow()
  })

  it('refuses a zip-slip zip and lands nothing', async () => {
    const body = makeZip([
      { path: 'ok.txt', body: 'fine' },
      { path: '../evil.txt', body: 'gotcha' }
    ])
    web.routes.set('/a/slip.zip', { body })
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec('slip.zip') })
    expect(c.logs.join('\n')).toContain('"../evil.txt" would land outside the destination')
    await expect(fs.stat(path.join(ws, 'data'))).rejects.toThrow()
    await expect(fs.stat(path.join(ws, 'evil.txt'))).rejects.toThrow()
  })

  it('refuses symlinks that point outside, in tar and zip', async () => {
    const entries: ArchiveEntry[] = [
      { path: 'ok.txt', body: 'fine' },
      { path: 'sneaky', type: 'SymbolicLink', linkpath: '../../../etc' },
      { path: 'abs', type: 'SymbolicLink', linkpath: '/etc/passwd' }
    ]
    web.routes.set('/a/links.tar', { body: makeTar(entries) })
    web.routes.set('/a/links.zip', { body: makeZip(entries) })
    for (const name of ['links.tar', 'links.zip']) {
      const ws = await workspace()
      const c = await runSpec({ workspace: ws, spec: spec(name) })
      const logs = c.logs.join('\n')
      expect(logs).toContain('symlink "sneaky" points outside the destination ("../../../etc")')
      expect(logs).toContain('symlink "abs" points outside the destination ("/etc/passwd")')
      await expect(fs.stat(path.join(ws, 'data'))).rejects.toThrow()
    }
  })
})

describe('unpackArchive', () => {
  it('refuses absolute paths, hard links out, and writing through an archive symlink', async () => {
    const cases: Array<[ArchiveEntry[], string]> = [
      [[{ path: '/tmp/abs.txt', body: 'x' }], '"/tmp/abs.txt" would land outside'],
      [[{ path: 'h', type: 'Link', linkpath: '../outside' }], 'hard link "h" points outside'],
      [
        [
          { path: 'd/up', type: 'SymbolicLink', linkpath: '..' },
          { path: 'd/up/x.txt', body: 'x' }
        ],
        '"d/up/x.txt" would be written through the symlink "d/up"'
      ]
    ]
    for (const [entries, message] of cases) {
      const dest = await fs.mkdtemp(path.join(root, 'u-'))
      const file = path.join(root, `case-${randomBytes(3).toString('hex')}.tar`)
      await fs.writeFile(file, makeTar(entries))
      await expect(unpackArchive(file, 'tar', dest)).rejects.toThrow(message)
      // Zip has no hard links.
      if (entries.some((e) => e.type === 'Link')) continue
      await fs.writeFile(file, makeZip(entries))
      await expect(unpackArchive(file, 'zip', await fs.mkdtemp(path.join(root, 'u-')))).rejects.toThrow(message)
    }
  })
})
