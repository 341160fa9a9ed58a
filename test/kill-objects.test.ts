/**
 * SIGKILL of the CLI (run from source) in the middle of an s3 prefix download: the destination
 * holds the previous complete version, never a mix or a partial tree, and the next run cleans up
 * and lands the current version, verified.
 *
 * Every kill point is an event: a gate in front of the store holds the k-th object GET and the
 * process group is killed the moment it is held. With two transfers at once the others may
 * finish meanwhile (a partial tree in staging), but the held one keeps the source from completing,
 * so each kill lands mid-fetch, before the swap, whatever the machine's load.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from './helpers/harness.js'
import { GUARD_MS, contentOf, killWhenHeld, leftovers, runCli } from './helpers/kill-run.js'
import { GateProxy } from './servers/gate-proxy.js'
import { ACCESS_KEY_ID, startS3, type S3TestServer } from './servers/s3.js'

const OBJECTS = 240
const DIRS = 6
const LARGE = 300_000
const isLarge = (i: number): boolean => i % 40 === 0
/** Above the sum of a test's bounded waits (held, killed, re-run) and a version written to the store. */
const TEST_TIMEOUT = 4 * GUARD_MS

let s3: S3TestServer
let gate: GateProxy
let root: string
let ws: string
let args: string[]
/** Object GETs (ranged parts included) a run makes to download a whole version. */
let getsPerVersion = 0

const objectGet = (method: string, p: string): boolean => method === 'GET' && p.startsWith('/kill/data/')
/** Small parts so the large objects go through the ranged path too; scratch inside the test's directory. */
const env = (): Record<string, string> => ({ FETCH_SOURCES_PART_SIZE_MB: '0.0625', RUNNER_TEMP: path.join(root, 'runner-temp') })

/** Every object of the prefix holds `v` repeated; a few are large enough to take ranged GETs. */
async function writeVersion(v: string): Promise<void> {
  const objects: Record<string, string> = {}
  for (let i = 0; i < OBJECTS; i++) objects[`data/d${i % DIRS}/f${i}.txt`] = v.repeat(isLarge(i) ? LARGE : 2048)
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
    count++
    // A torn file (wrong size, or two letters) counts as a mix.
    seen.add(text.length === (isLarge(i) ? LARGE : 2048) && new Set(text).size === 1 ? text[0]! : '?')
  }
  return seen.size === 1 && count === OBJECTS && !seen.has('?') ? [...seen][0]! : `MIXED/PARTIAL(${[...seen].join('')}, ${count} files)`
}

beforeAll(async () => {
  root = await tempDir('fs-kill-objects-')
  ws = path.join(root, 'ws')
  await fs.mkdir(ws)
  s3 = await startS3()
  await s3.createBucket('kill')
  gate = await new GateProxy(s3.endpoint).start()
  const secrets = path.join(root, 'secrets.json')
  await fs.writeFile(secrets, JSON.stringify({ aws: JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey }) }))
  const spec = `version: 1
connections:
  - {name: store, kind: s3, schema: {bucket: "s3://kill/data", endpoint: "${gate.url}"}, secret: {name: aws}}
sources:
  - {connection: store, name: data, path: data}
`
  args = ['--spec', spec, '--workspace', ws, '--secrets-file', secrets, '--lock-file', path.join(root, 'lock.json'), '--concurrency', '2']
  await writeVersion('A')
  const count = (method: string, p: string): void => void (objectGet(method, p) && getsPerVersion++)
  gate.on('request', count)
  const first = await runCli(args, env())
  gate.off('request', count)
  expect(first.code, first.stderr).toBe(0)
  expect(await versionAt(path.join(ws, 'data'))).toBe('A')
  // Some objects came in several ranged parts: the kill points below cover that path too.
  expect(getsPerVersion).toBeGreaterThan(OBJECTS)
}, TEST_TIMEOUT)

afterAll(async () => {
  await gate?.stop()
  await s3?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('SIGKILL mid s3 prefix download', { timeout: TEST_TIMEOUT }, () => {
  // Each kill point changes every object to the other version, so the run has all of them to fetch.
  const points = [
    { at: 'the first object GET', nth: () => 1 },
    { at: 'about half of the object GETs', nth: () => Math.ceil(getsPerVersion / 2) },
    { at: 'the last object GET', nth: () => getsPerVersion }
  ]
  for (const point of points) {
    it(`killed while ${point.at} is held: the previous version stays; the re-run lands the new one and cleans up`, async () => {
      const dest = path.join(ws, 'data')
      const previous = await versionAt(dest)
      expect(previous, 'a complete version before the kill (left by the previous test or beforeAll)').toMatch(/^[AB]$/)
      const next = previous === 'A' ? 'B' : 'A'
      await writeVersion(next)

      gate.hold(objectGet, { nth: point.nth() })
      const killed = await killWhenHeld(gate, args, env())
      expect(killed.signal, killed.stderr).toBe('SIGKILL')
      // Killed before the swap could begin: exactly the previous version, and this run's staging.
      expect(await versionAt(dest)).toBe(previous)
      expect(await leftovers(ws)).toEqual([expect.stringMatching(/^\.fetch-sources-tmp-data-[0-9a-f]{8}$/)])

      const rerun = await runCli(args, env())
      expect(rerun.code, rerun.stderr).toBe(0)
      expect(await versionAt(dest)).toBe(next)
      expect(await contentOf(ws)).toEqual(['data'])
    })
  }
})
