import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexSize, walkSize } from '../src/fetchers/git/tree-size.js'
import { tempDir } from './helpers/harness.js'
import { git } from './servers/git-http.js'

// Counting a checkout from .git/index must agree with counting the disk, in every shape of tree
// the index can describe: empty files, symlinks, executables, nested paths, submodules, sparse.
let root: string
const FILES: Record<string, string> = {
  'a.txt': 'alpha\n',
  'empty.txt': '',
  'deep/er/still/x.bin': 'x'.repeat(5000),
  'deep/y.txt': 'why\n',
  'ünï cödé/ß.txt': 'unicode path\n',
  'run.sh': '#!/bin/sh\necho hi\n'
}
const expectedBytes = Object.values(FILES).reduce((n, v) => n + Buffer.byteLength(v), 0) + 'a.txt'.length /* symlink */

beforeAll(async () => {
  root = await tempDir('fs-tree-size-')
  const src = path.join(root, 'src')
  await fs.mkdir(src)
  git(src, 'init', '-q', '-b', 'main')
  for (const [rel, text] of Object.entries(FILES)) {
    await fs.mkdir(path.dirname(path.join(src, rel)), { recursive: true })
    await fs.writeFile(path.join(src, rel), text)
  }
  await fs.chmod(path.join(src, 'run.sh'), 0o755)
  await fs.symlink('a.txt', path.join(src, 'link'))
  git(src, 'add', '-A')
  git(src, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'tree')
})

afterAll(() => fs.rm(root, { recursive: true, force: true }))

async function clone(name: string, ...args: string[]): Promise<string> {
  const dir = path.join(root, name)
  git(root, '-c', 'protocol.file.allow=always', 'clone', '-q', ...args, `file://${root}/src`, dir)
  return dir
}

describe('size of a checked-out tree', () => {
  it('the index gives what a walk of the disk gives, without .git', async () => {
    const dir = await clone('plain')
    const walked = await walkSize(dir)
    expect(walked).toEqual({ files: 7, bytes: expectedBytes })
    expect(await indexSize(dir)).toEqual(walked)
  })

  it('an entry whose recorded size git zeroed (racily clean) is measured on disk', async () => {
    const dir = await clone('racy')
    // git writes size 0 for entries as new as the index itself, so that it re-checks them later.
    // Zero every recorded size in place (the parser does not need the trailing checksum).
    const file = path.join(dir, '.git', 'index')
    const buf = await fs.readFile(file)
    let at = 12
    for (let i = 0; i < buf.readUInt32BE(8); i++) {
      buf.writeUInt32BE(0, at + 36)
      const end = buf.indexOf(0, at + 62)
      at += (62 + (end - (at + 62)) + 8) & ~7
    }
    await fs.writeFile(file, buf)
    expect(await indexSize(dir)).toEqual({ files: 7, bytes: expectedBytes })
  })

  it('files outside a sparse cone are not counted (skip-worktree, index version 3)', async () => {
    const dir = await clone('sparse', '--no-checkout')
    git(dir, 'sparse-checkout', 'set', '--cone', 'deep/er')
    git(dir, 'checkout', '-q', 'main')
    const walked = await walkSize(dir)
    expect(walked.files).toBe(6) // top-level files and symlink, deep/y.txt (a parent's files) and deep/er/still/x.bin
    expect(await indexSize(dir)).toEqual(walked)
  })

  it('a submodule is counted from its directory', async () => {
    const outer = path.join(root, 'outer')
    await fs.mkdir(outer)
    git(outer, 'init', '-q', '-b', 'main')
    await fs.writeFile(path.join(outer, 'top.txt'), 'top\n')
    git(outer, 'add', 'top.txt')
    git(outer, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${root}/src`, 'sub')
    git(outer, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'outer')
    const walked = await walkSize(outer)
    // top.txt, .gitmodules, sub/.git (a file) and the submodule's 7 files.
    expect(walked.files).toBe(10)
    expect(await indexSize(outer)).toEqual(walked)
  })

  it('an index it cannot read plainly (version 4, missing) is left to the walk', async () => {
    const dir = await clone('v4')
    git(dir, 'update-index', '--index-version', '4')
    expect(await indexSize(dir)).toBeUndefined()
    expect(await indexSize(path.join(root, 'nowhere'))).toBeUndefined()
  })
})
