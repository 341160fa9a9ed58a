/**
 * A cancelled job (issue 13, item 16). The runner cancels a step with SIGINT then SIGTERM; a
 * local user presses Ctrl-C. The CLI must stop, say it was cancelled, exit non-zero, and remove
 * what it made: no `.fetch-sources-tmp-*` / `.fetch-sources-old-*` in the workspace, no partial
 * destination, nothing of ours left in the temp directory (today the process dies at once — 143
 * under a shell — and nothing ever removes its staging or its partial download).
 *
 * The CLI runs in its own process downloading from a server that sends a first chunk and then
 * holds the response: the signal is sent once the server reports those bytes sent.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/harness.js'
import { spawnCli } from './helpers/cli.js'
import { stagingLeftovers, walk } from './helpers/fs-state.js'
import { GatedHttp } from './helpers/gated-http.js'

let root: string
let server: GatedHttp

beforeAll(async () => {
  root = await tempDir('fs-sec-signals-')
  server = await new GatedHttp().start()
})
afterAll(async () => {
  await server?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('item 16: a signal mid-download cancels cleanly', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: exits non-zero saying it was cancelled; no staging, no partial destination, nothing left in TMPDIR`, async () => {
      const route = `/slow/${signal.toLowerCase()}/model.bin`
      server.routes.set(route, { body: Buffer.alloc(4 << 20, 0x5a), firstChunk: 256 * 1024 })
      const ws = path.join(root, `ws-${signal}`)
      const tmp = path.join(root, `tmp-${signal}`)
      await fs.mkdir(ws)
      await fs.mkdir(tmp)
      const sent = server.next('sent', route)
      const cli = spawnCli(['--url', `${server.url}${route}`, '--path', 'model', '--workspace', ws], { env: { TMPDIR: tmp }, guardMs: 60_000 })
      await sent
      cli.child.kill(signal)
      const exit = await cli.done

      expect(exit.killedByGuard, 'did not stop after the signal').toBe(false)
      expect(exit.code, `exit code ${exit.code}, signal ${exit.signal}`).not.toBe(0)
      expect(
        exit.stderr.split('\n').filter((l) => /cancel/i.test(l)),
        `no line saying it was cancelled; stderr:\n${exit.stderr}`
      ).not.toEqual([])
      expect(await stagingLeftovers(ws), 'staging left in the workspace').toEqual([])
      expect(await walk(ws), 'anything left in the workspace').toEqual([])
      // tsx keeps its compile cache under TMPDIR (`tsx-<uid>`): that is the test's launcher, not us.
      expect(
        (await walk(tmp)).filter((p) => !p.split('/')[0]!.startsWith('tsx-')),
        'left in TMPDIR'
      ).toEqual([])
    })
  }
})
