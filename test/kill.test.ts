import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './helpers/runner.js'
import { tempDir } from './helpers/harness.js'

const FILES = 960

async function writeVersion(dir: string, v: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true })
  for (let d = 0; d < 12; d++) {
    await fs.mkdir(path.join(dir, `d${d}`), { recursive: true })
    await Promise.all(Array.from({ length: FILES / 12 }, (_, i) => fs.writeFile(path.join(dir, `d${d}`, `f${i}.txt`), `${v}`.repeat(64))))
  }
}

/** Which version every file at `dest` holds: 'A', 'B', 'absent', or 'MIXED/PARTIAL'. */
async function versionAt(dest: string): Promise<string> {
  const exists = await fs.stat(dest).catch(() => undefined)
  if (!exists) return 'absent'
  const seen = new Set<string>()
  let count = 0
  for (const d of await fs.readdir(dest)) {
    for (const f of await fs.readdir(path.join(dest, d))) {
      count++
      seen.add((await fs.readFile(path.join(dest, d, f), 'utf8'))[0]!)
    }
  }
  return seen.size === 1 && count === FILES ? [...seen][0]! : `MIXED/PARTIAL(${[...seen].join('')}, ${count} files)`
}

function runCli(args: string[], killAfterPlanMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'cli-entry.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let killed = false
    child.stderr.on('data', (d: Buffer) => {
      if (killAfterPlanMs !== undefined && !killed && d.toString().includes('plan (')) {
        killed = true
        setTimeout(() => child.kill('SIGKILL'), killAfterPlanMs)
      }
    })
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('close', (code, signal) => {
      clearTimeout(guard)
      resolve({ code, signal })
    })
  })
}

describe('a process killed at any point leaves the previous content or nothing', () => {
  let root: string
  let bucket: string
  let ws: string
  let args: string[]
  beforeAll(async () => {
    root = await tempDir('fs-kill-')
    bucket = path.join(root, 'bucket')
    ws = path.join(root, 'ws')
    await fs.mkdir(ws)
    args = ['--url', bucket, '--path', 'data', '--workspace', ws, '--lock-file', path.join(root, 'lock.json'), '--concurrency', '4']
    await writeVersion(bucket, 'A')
    expect((await runCli(args)).code).toBe(0)
    expect(await versionAt(path.join(ws, 'data'))).toBe('A')
    await writeVersion(bucket, 'B')
  })
  afterAll(() => fs.rm(root, { recursive: true, force: true }))

  it('SIGKILL at several points mid-fetch, then a clean re-run each time', async () => {
    let killedMidFetch = 0
    for (const ms of [0, 120, 350]) {
      const killed = await runCli(args, ms)
      const state = await versionAt(path.join(ws, 'data'))
      // Killed before the swap: A. Killed after it: B. Never a mix, never a partial tree.
      expect(['A', 'B', 'absent'], `kill at ${ms} ms`).toContain(state)
      const leftovers = (await fs.readdir(ws)).filter((e) => e.startsWith('.fetch-sources-tmp-') || e.startsWith('.fetch-sources-old-'))
      if (killed.signal === 'SIGKILL' && leftovers.length > 0) killedMidFetch++
      const rerun = await runCli(args)
      expect(rerun.code).toBe(0)
      expect(await versionAt(path.join(ws, 'data'))).toBe('B')
      // The re-run removed what the killed run left.
      expect((await fs.readdir(ws)).filter((e) => !e.startsWith('.fetch-sources-state-'))).toEqual(['data'])
      // Put A back for the next kill point.
      await writeVersion(bucket, 'A')
      expect((await runCli(args)).code).toBe(0)
      await writeVersion(bucket, 'B')
    }
    // The test proves something only if kills really landed mid-transfer.
    expect(killedMidFetch).toBeGreaterThan(0)
  })
})
