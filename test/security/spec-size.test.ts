/**
 * Spec size (issue 13, item 10). Planning is linear in the size of the spec, and the size is
 * bounded: a spec just under 10 MB is answered (dry run) well within a 30 s guard — linear code
 * takes a few seconds; today the pairwise destination check makes 100,000 sources take minutes —
 * and a spec over 10 MB fails at once with a message that names the limit.
 *
 * Each run is a separate CLI process so that the guard can stop it (by its PID) without leaving a
 * runaway computation in the test worker.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/harness.js'
import { spawnCli } from './helpers/cli.js'

const GUARD_MS = 30_000
const SOURCES = 100_000

let root: string
let ws: string

beforeAll(async () => {
  root = await tempDir('fs-sec-size-')
  ws = path.join(root, 'ws')
  await fs.mkdir(ws)
})
afterAll(() => (root ? fs.rm(root, { recursive: true, force: true }) : undefined))

describe('item 10: spec size', () => {
  it(
    `a spec just under 10 MB (${SOURCES} sources) is planned within ${GUARD_MS / 1000} s`,
    async () => {
      const lines = ['version: 1', 'sources:']
      for (let i = 0; i < SOURCES; i++) {
        const k = String(i).padStart(6, '0')
        lines.push(`  - {name: s${k}, url: /data/sets/archive-2024/exp/run-alpha/s${k}, path: dest/s${k}}`)
      }
      const text = lines.join('\n') + '\n'
      expect(text.length).toBeGreaterThan(9_000_000)
      expect(text.length).toBeLessThan(9_500_000)
      const file = path.join(root, 'big.yaml')
      await fs.writeFile(file, text)
      const exit = await spawnCli(['--dry-run', '--spec', file, '--workspace', ws], { guardMs: GUARD_MS }).done
      expect(exit.killedByGuard, `still planning after ${GUARD_MS / 1000} s`).toBe(false)
      expect(exit.code, exit.stderr.slice(-2000)).toBe(0)
      const out = JSON.parse(exit.stdout) as { sources: Record<string, unknown> }
      expect(Object.keys(out.sources)).toHaveLength(SOURCES)
    },
    GUARD_MS + 30_000
  )

  it(
    'a spec over 10 MB fails at once, naming the limit',
    async () => {
      const lines = ['version: 1', 'sources:', '  - name: one', '    url: /data', '    paths:']
      let size = 0
      for (let i = 0; size < 10.5 * 1024 * 1024; i++) {
        const line = `      - dir/sub/file-${String(i).padStart(7, '0')}.bin`
        lines.push(line)
        size += line.length + 1
      }
      const file = path.join(root, 'too-big.yaml')
      await fs.writeFile(file, lines.join('\n') + '\n')
      const exit = await spawnCli(['--dry-run', '--spec', file, '--workspace', ws], { guardMs: GUARD_MS }).done
      expect(exit.killedByGuard, `still running after ${GUARD_MS / 1000} s`).toBe(false)
      expect(exit.code, 'a spec over the limit was accepted').not.toBe(0)
      expect(
        exit.stderr.split('\n').filter((l) => /\b10 ?Mi?B\b/.test(l)),
        exit.stderr.slice(-2000)
      ).not.toEqual([])
    },
    GUARD_MS + 30_000
  )
})
