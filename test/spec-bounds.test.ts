/**
 * Unit behaviour behind the spec's trust boundary (issue 13, items 10, 11, 14, 15): destination
 * overlaps found by sorting, paths inside a source, URL queries kept out of names and addresses,
 * secret values masked whatever their JSON type.
 */
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { uniqueName } from '../src/runspec/dialects/common.js'
import { loadDocument, MAX_SPEC_BYTES } from '../src/runspec/load.js'
import { earliestOverlaps } from '../src/runspec/overlaps.js'
import { INSIDE_PATH } from '../src/runspec/patterns.js'

/** The quadratic definition the sort-based check replaces: for each later path, the earliest overlapping one. */
function pairwise(paths: string[], sep: string): Map<number, number> {
  const out = new Map<number, number>()
  const overlaps = (a: string, b: string) => a === b || a.startsWith(b + sep) || b.startsWith(a + sep)
  paths.forEach((a, i) => {
    const j = paths.findIndex((b, k) => k < i && overlaps(a, b))
    if (j >= 0) out.set(i, j)
  })
  return out
}

describe('destination overlaps (sorted, not pairwise)', () => {
  it('equal, inside and containing paths name the earliest earlier one; siblings that share a prefix do not overlap', () => {
    const paths = ['/w/a/b', '/w/a-x', '/w/a', '/w/a/b/c', '/w/ab', '/w/a-x', '/w/c']
    expect([...earliestOverlaps(paths, '/')].sort()).toEqual([
      [2, 0],
      [3, 0],
      [5, 1]
    ])
  })

  it('agrees with the pairwise definition on random trees', () => {
    let seed = 7
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    for (let round = 0; round < 200; round++) {
      const paths = Array.from({ length: 1 + rnd(12) }, () => '/w/' + Array.from({ length: 1 + rnd(3) }, () => ['a', 'b', 'a-b', 'a.b'][rnd(4)]).join('/'))
      expect(earliestOverlaps(paths, '/'), JSON.stringify(paths)).toEqual(pairwise(paths, '/'))
    }
  })

  it('uses the platform separator', () => {
    expect([...earliestOverlaps(['C:\\w\\a', 'C:\\w\\a\\b'], path.win32.sep)]).toEqual([[1, 0]])
    expect([...earliestOverlaps(['C:\\w\\a', 'C:\\w\\a\\b'], '/')]).toEqual([])
  })
})

describe('paths inside a source (entrypoint, sparse, subdirectory)', () => {
  it('relative paths without a `..` segment are inside; `..` inside a name is fine', () => {
    for (const p of ['train.py', './train.py', 'pkg/a.py', '.hidden/x', 'a..b', '..a', 'a/b..', 'a\\b']) expect(INSIDE_PATH.test(p), p).toBe(true)
  })
  it('absolute, drive-letter and `..` paths (either separator) are not', () => {
    for (const p of ['..', '../a', 'a/..', 'a/../b', 'pkg/../../../etc/passwd', '/etc', '\\etc', 'C:x', 'c:\\x', 'a\\..\\b', '..\\a', 'a/\n/b'])
      expect(INSIDE_PATH.test(p), p).toBe(false)
  })
})

describe('spec size', () => {
  it('an inline spec or catalog over 10 MB is refused before parsing, naming the input, its size and the limit', async () => {
    const text = 'version: 1\n# ' + 'x'.repeat(MAX_SPEC_BYTES + 512 * 1024) + '\n'
    await expect(loadDocument(text, '/ws', 'connections')).rejects.toThrow(/^the inline `connections` input is 10\.5 MB: the limit is 10 MB \(10485760 bytes\)/)
    // Multi-byte characters count as the bytes they are.
    await expect(loadDocument('a: ' + 'é'.repeat(MAX_SPEC_BYTES / 2) + '\n', '/ws', 'spec')).rejects.toThrow(
      /^the inline `spec` input is 10485764 bytes: the limit is 10 MB/
    )
  })

  it('exactly 10 MB is read', async () => {
    const head = 'version: 1\n# '
    const doc = await loadDocument(head + 'x'.repeat(MAX_SPEC_BYTES - head.length - 1) + '\n', '/ws', 'spec')
    expect(doc.text.length).toBe(MAX_SPEC_BYTES)
  })
})

describe('unique names (dialects that name sources after their connection)', () => {
  it('base, then base-2, base-3…, skipping names taken otherwise; one set does not affect another', () => {
    const taken = new Set(['r-3'])
    expect([uniqueName('r', taken), uniqueName('r', taken), uniqueName('q', taken), uniqueName('r', taken)]).toEqual(['r', 'r-2', 'q', 'r-4'])
    taken.add('r-5')
    expect(uniqueName('r', taken)).toBe('r-6')
    expect(uniqueName('r', new Set())).toBe('r')
  })
})
