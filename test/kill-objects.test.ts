import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from './helpers/harness.js'
import { ROOT } from './helpers/runner.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from './servers/s3.js'

/**
 * SIGKILL of the CLI (run from source) in the middle of an s3 prefix download: the destination
 * holds the previous complete version or the new complete one, never a mix or a partial tree,
 * and the next run cleans up and lands the current version, verified.
 */
const OBJECTS = 240
const DIRS = 6

let s3: S3TestServer
let root: string
let ws: string
let args: string[]

/** Every object of the prefix holds `v` repeated; a few are large enough to take ranged GETs. */
async function writeVersion(v: string): Promise<void> {
  const objects: Record<string, string> = {}
  for (let i = 0; i < OBJECTS; i++) objects[`data/d${i % DIRS}/f${i}.txt`] = v.repeat(i % 40 === 0 ? 300_000 : 2048)
  await s3.put('kill', objects, 16)
}

/** Which version every file at `dest` holds: 'A', 'B', 'absent', or 'MIXED/PARTIAL(…)'. */
async function versionAt(dest: string): Promise<string> {
  if (!(await fs.stat(dest).catch(() => undefined))) return 'absent'
  const seen = new Set<string>()
  let count = 0
  for (const e of await fs.readdir(dest, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue
    const text = await fs.readFile(path.join(e.parentPath, e.name), 'utf8')
    const i = Number(/^f(\d+)\.txt$/.exec(e.name)?.[1] ?? -1)
    const size = i % 40 === 0 ? 300_000 : 2048
    count++
    // A torn file (wrong size, or two letters) counts as a mix.
    seen.add(text.length === size && new Set(text).size === 1 ? text[0]! : '?')
  }
  return seen.size === 1 && count === OBJECTS && !seen.has('?') ? [...seen][0]! : `MIXED/PARTIAL(${[...seen].join('')}, ${count} files)`
}

function runCli(killAfterPlanMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'cli-entry.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      // Small parts so the large objects go through the ranged path too.
      env: { ...process.env, FETCH_SOURCES_PART_SIZE_MB: '0.0625' }
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

beforeAll(async () => {
  root = await tempDir('fs-kill-objects-')
  ws = path.join(root, 'ws')
  await fs.mkdir(ws)
  s3 = await startS3()
  await s3.createBucket('kill')
  const secrets = path.join(root, 'secrets.json')
  await fs.writeFile(secrets, JSON.stringify({ aws: JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey }) }))
  const spec = `version: 1
connections:
  - {name: store, kind: s3, schema: {bucket: "s3://kill/data", endpoint: "${s3.endpoint}"}, secret: {name: aws}}
sources:
  - {connection: store, name: data, path: data}
`
  args = ['--spec', spec, '--workspace', ws, '--secrets-file', secrets, '--lock-file', path.join(root, 'lock.json'), '--concurrency', '2']
  await writeVersion('A')
  expect((await runCli()).code).toBe(0)
  expect(await versionAt(path.join(ws, 'data'))).toBe('A')
}, 90_000)

afterAll(async () => {
  await s3?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('SIGKILL mid s3 prefix download', () => {
  it('leaves the previous version or the new one, never a partial tree; the re-run completes', async () => {
    let previous = 'A'
    let killedMidFetch = 0
    for (const [ms, next] of [
      [0, 'B'],
      [250, 'A'],
      [600, 'B']
    ] as const) {
      await writeVersion(next)
      const killed = await runCli(ms)
      const state = await versionAt(path.join(ws, 'data'))
      expect([previous, next], `kill at ${ms} ms`).toContain(state)
      const leftovers = (await fs.readdir(ws)).filter((e) => e.startsWith('.fetch-sources-tmp-') || e.startsWith('.fetch-sources-old-'))
      if (killed.signal === 'SIGKILL' && leftovers.length > 0) killedMidFetch++
      const rerun = await runCli()
      expect(rerun.code).toBe(0)
      expect(await versionAt(path.join(ws, 'data'))).toBe(next)
      // The re-run removed what the killed run left behind.
      expect((await fs.readdir(ws)).filter((e) => !e.startsWith('.fetch-sources-state-'))).toEqual(['data'])
      previous = next
    }
    // The test proves something only if kills really landed mid-transfer.
    expect(killedMidFetch).toBeGreaterThan(0)
  }, 120_000)
})
