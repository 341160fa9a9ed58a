/**
 * The destination lock and the reuse of a persistent workspace (issue 13, items 3 and 7), beyond
 * the race in concurrency.test.ts: a lock left by a process that is gone is taken over; one held
 * by a live process is waited for and, past FETCH_SOURCES_LOCK_TIMEOUT, fails naming the other
 * run; the post step removes a killed main step's lock only when its owner is gone; a symlink
 * planted inside a destination is never followed when the previous content is reused.
 */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lockFileOf } from '../../src/fetchers/shared/destination.js'
import { runPost } from '../../src/post.js'
import { runSpec, tempDir } from '../helpers/harness.js'
import { plantCanary, snapshot, walk } from './helpers/fs-state.js'
import { errorLines, freshWorkspace, transcript } from './helpers/run.js'

let root: string
let source: string

beforeAll(async () => {
  root = await tempDir('fs-sec-locks-')
  source = path.join(root, 'source')
  await fs.mkdir(source)
  await fs.writeFile(path.join(source, 'a.txt'), 'from the source\n')
})
afterAll(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true })
})

const spec = (): string => `version: 1\nsources:\n  - name: data\n    url: ${source}\n    path: data\n`

/** The pid of a process that has exited (a real one, so no live process can own it yet). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.once('exit', resolve))
  return child.pid!
}

async function plantLock(ws: string, owner: Record<string, unknown>): Promise<string> {
  const file = lockFileOf(path.join(ws, 'data'))
  await fs.writeFile(file, JSON.stringify({ host: os.hostname(), started: '2020-01-01T00:00:00.000Z', token: 'planted', ...owner }))
  return file
}

describe('item 7: locks beside destinations', () => {
  it('a lock whose process is gone is taken over, and released at the end', async () => {
    const ws = await freshWorkspace(root)
    const lock = await plantLock(ws, { pid: await deadPid() })
    const run = await runSpec({ workspace: ws, spec: spec() })
    expect(run.error, transcript(run)).toBeUndefined()
    expect(
      run.logs.some((l) => l.includes('took over the lock of a run that is gone')),
      transcript(run)
    ).toBe(true)
    expect(await fs.readFile(path.join(ws, 'data', 'a.txt'), 'utf8')).toBe('from the source\n')
    expect(await walk(ws)).not.toContain(path.basename(lock))
  })

  it('a lock of a live process on this host whose start time differs (a reused pid) is taken over', async () => {
    const stat = await fs.readFile(`/proc/${process.pid}/stat`, 'utf8').catch(() => undefined)
    if (!stat) return // No /proc: the pid check alone applies.
    const ws = await freshWorkspace(root)
    await plantLock(ws, { pid: process.pid, procStart: '1' })
    const run = await runSpec({ workspace: ws, spec: spec() })
    expect(run.error, transcript(run)).toBeUndefined()
    expect(
      run.logs.some((l) => l.includes('took over the lock')),
      transcript(run)
    ).toBe(true)
  })

  it('a lock a live run holds: waited for, then the source fails naming the other run; nothing written, the lock kept', async () => {
    const ws = await freshWorkspace(root)
    // This very process is alive and its start time matches: a live holder.
    const held = await runSpec({ workspace: ws, spec: spec() })
    expect(held.error, transcript(held)).toBeUndefined()
    const before = await snapshot(path.join(ws, 'data'))
    const lock = await plantLock(ws, { pid: process.pid })
    const content = await fs.readFile(lock, 'utf8')
    const run = await runSpec({ workspace: ws, spec: spec(), env: { FETCH_SOURCES_LOCK_TIMEOUT: '0' } })
    expect(
      run.logs.some((l) => /waiting for another fetch-sources run \(pid \d+/.test(l)),
      transcript(run)
    ).toBe(true)
    expect(
      errorLines(run).some(
        (l) => l.includes('data') && /another fetch-sources run \(pid \d+.*\) still holds "data"/.test(l) && l.includes('FETCH_SOURCES_LOCK_TIMEOUT')
      ),
      transcript(run)
    ).toBe(true)
    expect(await fs.readFile(lock, 'utf8')).toBe(content)
    expect(await snapshot(path.join(ws, 'data'))).toEqual(before)
  })

  it('a FETCH_SOURCES_LOCK_TIMEOUT that is not a number of seconds is an error saying so', async () => {
    const ws = await freshWorkspace(root)
    const run = await runSpec({ workspace: ws, spec: spec(), env: { FETCH_SOURCES_LOCK_TIMEOUT: 'ten' } })
    expect(
      errorLines(run).some((l) => l.includes('FETCH_SOURCES_LOCK_TIMEOUT') && l.includes('"ten"')),
      transcript(run)
    ).toBe(true)
  })

  it('the post step removes a killed main step’s lock whose owner is gone, never one a live process holds', async () => {
    const ws = await freshWorkspace(root)
    const gone = await plantLock(ws, { pid: await deadPid() })
    const liveFile = lockFileOf(path.join(ws, 'live'))
    await fs.writeFile(liveFile, JSON.stringify({ pid: process.pid, host: os.hostname(), started: 'now', token: 't' }))
    const saved = process.env.STATE_cleanup
    process.env.STATE_cleanup = JSON.stringify([gone, liveFile])
    try {
      await runPost()
    } finally {
      if (saved === undefined) delete process.env.STATE_cleanup
      else process.env.STATE_cleanup = saved
    }
    expect(await walk(ws)).toEqual([path.basename(liveFile)])
  })
})

describe('item 3: the previous content is not followed through symlinks when reused', () => {
  it('an unchanged file replaced by a link to an outside file of the same size is fetched again; the outside is untouched', async () => {
    const ws = await freshWorkspace(root)
    const first = await runSpec({ workspace: ws, spec: spec() })
    expect(first.error, transcript(first)).toBeUndefined()
    const outside = await fs.mkdtemp(path.join(root, 'outside-'))
    await plantCanary(outside)
    // Same size as a.txt, so only the link itself tells it apart.
    await fs.writeFile(path.join(outside, 'same-size'), 'outside, 16 b!!\n')
    const before = await snapshot(outside)
    await fs.rm(path.join(ws, 'data', 'a.txt'))
    await fs.symlink(path.join(outside, 'same-size'), path.join(ws, 'data', 'a.txt'))
    await fs.symlink(outside, path.join(ws, 'data', 'kept'))
    const run = await runSpec({ workspace: ws, spec: spec() })
    expect(run.error, transcript(run)).toBeUndefined()
    const st = await fs.lstat(path.join(ws, 'data', 'a.txt'))
    expect(st.isFile()).toBe(true)
    expect(await fs.readFile(path.join(ws, 'data', 'a.txt'), 'utf8')).toBe('from the source\n')
    // Nothing of the outside directory was carried in through the planted `kept` link.
    expect(await walk(path.join(ws, 'data'))).toEqual(['a.txt'])
    expect(await snapshot(outside)).toEqual(before)
  })
})
