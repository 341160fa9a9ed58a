import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveInside } from '../src/runspec/sources.js'
import { kindOfUrl } from '../src/fetchers/registry.js'
import { fileUrlOf } from '../src/util/urls.js'

const ROOT = path.resolve(import.meta.dirname, '..')

describe('resolveInside on Windows (path.win32)', () => {
  const ws = 'D:\\a\\repo\\repo'
  it.each([
    ['data', 'D:\\a\\repo\\repo\\data'],
    ['data\\train', 'D:\\a\\repo\\repo\\data\\train'],
    ['data/train', 'D:\\a\\repo\\repo\\data\\train'],
    ['.\\code', 'D:\\a\\repo\\repo\\code'],
    ['..foo', 'D:\\a\\repo\\repo\\..foo'],
    ['D:\\a\\repo\\repo\\inside', 'D:\\a\\repo\\repo\\inside'],
    ['d:\\A\\Repo\\repo\\inside', 'd:\\A\\Repo\\repo\\inside']
  ])('%s lands at %s', (rel, dest) => {
    expect(resolveInside(ws, rel, path.win32)).toBe(dest)
  })
  it.each([['..\\escape'], ['data\\..\\..\\escape'], ['C:\\elsewhere'], ['C:relative'], ['\\\\server\\share\\x'], ['.'], ['data\\..']])(
    '%s is refused',
    (rel) => {
      expect(resolveInside(ws, rel, path.win32)).toBeUndefined()
    }
  )
})

describe('resolveInside on posix', () => {
  const ws = '/home/runner/work/repo/repo'
  it.each([
    ['data', `${ws}/data`],
    ['data\\train', `${ws}/data/train`],
    ['..foo', `${ws}/..foo`],
    [`${ws}/inside`, `${ws}/inside`]
  ])('%s lands at %s', (rel, dest) => {
    expect(resolveInside(ws, rel, path.posix)).toBe(dest)
  })
  it.each([['../escape'], ['..\\escape'], ['C:\\data'], ['D:data'], ['/etc'], ['.'], ['']])('%s is refused', (rel) => {
    expect(resolveInside(ws, rel, path.posix)).toBeUndefined()
  })
})

describe('inline URLs that are Windows paths', () => {
  it.each([['C:\\data\\set'], ['d:/data'], ['.\\data'], ['..\\data'], ['/srv/data'], ['./data']])('%s is a host path', (url) => {
    expect(kindOfUrl(url)).toBe('host_path')
  })
  it('file URLs of local paths have three slashes on every OS', () => {
    expect(fileUrlOf('C:\\data\\set', path.win32)).toBe('file:///C:/data/set')
    expect(fileUrlOf('/srv/data', path.posix)).toBe('file:///srv/data')
  })
  it('a scp-like git URL stays git', () => {
    expect(kindOfUrl('git@github.com:org/repo.git')).toBe('git')
  })
})

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...(await sourceFiles(p)))
    else if (e.name.endsWith('.ts')) out.push(p)
  }
  return out
}

describe('nothing in src/ assumes a posix runner', () => {
  it('no hardcoded /tmp, no bash, no `sh -c`', async () => {
    const offenders: string[] = []
    for (const file of await sourceFiles(path.join(ROOT, 'src'))) {
      const lines = (await fs.readFile(file, 'utf8')).split('\n')
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '')
        if (/['"`]\/tmp\b|['"`](?:\/bin\/)?bash\b|['"`]sh['"`]\s*,\s*\[?\s*['"`]-c/.test(code))
          offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`)
      })
    }
    expect(offenders).toEqual([])
  })
})
