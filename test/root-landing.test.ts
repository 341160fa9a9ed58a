import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { commitRootStaging, createRootStaging, recoverRootStale, rootHasContent } from '../src/fetchers/shared/root-landing.js'
import { tempDir } from './helpers/harness.js'

/**
 * The workspace root cannot be renamed, so a landing there swaps its entries. Each state a killed
 * run can leave is built here by hand, and the next run's recovery must give back one whole tree:
 * the previous one, or the new one once every entry of it is in place.
 */
let ws: string

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (d: string, rel: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) await walk(path.join(d, e.name), r)
      else out[r] = await fs.readFile(path.join(d, e.name), 'utf8')
    }
  }
  await walk(dir, '')
  return out
}

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true })
    await fs.writeFile(path.join(dir, rel), text)
  }
}

const PREVIOUS = { '.git/HEAD': 'old head\n', 'README.md': 'old\n', 'src/a.txt': 'old a\n' }
const NEXT = { '.git/HEAD': 'new head\n', 'README.md': 'new\n', 'lib/b.txt': 'new b\n' }

beforeEach(async () => {
  ws = await tempDir('fs-root-landing-')
})
afterEach(async () => {
  await fs.rm(ws, { recursive: true, force: true })
})

describe('landing at the workspace root', () => {
  it('swaps every entry and leaves no marker; a lock file of another run stays where it is', async () => {
    await write(ws, { ...PREVIOUS, '.fetch-sources-lock-data': '{"pid":1}' })
    expect(await rootHasContent(ws)).toBe(true)
    const staging = await createRootStaging(ws)
    await write(staging, NEXT)
    await commitRootStaging(staging, ws)
    expect(await tree(ws)).toEqual({ ...NEXT, '.fetch-sources-lock-data': '{"pid":1}' })
  })

  it('an empty workspace: the staged entries move up, nothing else', async () => {
    expect(await rootHasContent(ws)).toBe(false)
    const staging = await createRootStaging(ws)
    await write(staging, NEXT)
    await commitRootStaging(staging, ws)
    expect(await tree(ws)).toEqual(NEXT)
  })

  it('killed while moving the previous entries aside: they come back, the staging goes', async () => {
    await write(ws, { 'src/a.txt': PREVIOUS['src/a.txt'] })
    await write(path.join(ws, '.fetch-sources-root-aside-0a1b2c3d'), { '.git/HEAD': PREVIOUS['.git/HEAD'], 'README.md': PREVIOUS['README.md'] })
    await write(path.join(ws, '.fetch-sources-root-tmp-11223344'), NEXT)
    expect((await recoverRootStale(ws)).sort()).toEqual(['.fetch-sources-root-aside-0a1b2c3d', '.fetch-sources-root-tmp-11223344'])
    expect(await tree(ws)).toEqual(PREVIOUS)
  })

  it('killed while moving the new entries up: the partial new tree goes, the previous one comes back', async () => {
    await write(path.join(ws, '.fetch-sources-root-old-0a1b2c3d'), PREVIOUS)
    await write(ws, { 'README.md': NEXT['README.md'] })
    await write(path.join(ws, '.fetch-sources-root-tmp-11223344'), { '.git/HEAD': NEXT['.git/HEAD'], 'lib/b.txt': NEXT['lib/b.txt'] })
    await recoverRootStale(ws)
    expect(await tree(ws)).toEqual(PREVIOUS)
  })

  it('killed while removing the previous tree: the new one is complete and stays', async () => {
    await write(ws, NEXT)
    await write(path.join(ws, '.fetch-sources-root-trash-0a1b2c3d'), PREVIOUS)
    await recoverRootStale(ws)
    expect(await tree(ws)).toEqual(NEXT)
  })

  it('names that only look like ours (another length, a destination called "root") are left alone', async () => {
    await write(ws, { '.fetch-sources-root-old-xyz/keep.txt': 'mine\n', '.fetch-sources-tmp-root-0a1b2c3d/keep.txt': 'a subdirectory source named root\n' })
    expect(await recoverRootStale(ws)).toEqual([])
    expect(Object.keys(await tree(ws)).sort()).toEqual(['.fetch-sources-root-old-xyz/keep.txt', '.fetch-sources-tmp-root-0a1b2c3d/keep.txt'])
  })
})
