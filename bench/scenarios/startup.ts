import { ACTION_NODE } from '../../scripts/requirements.js'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirsFor, type BenchContext } from '../context.js'
import { measure } from '../measure.js'
import type { Scenario } from '../scenario.js'
import { failure, fetchSourcesCommand } from '../sides.js'
import { cleanEnv } from '../tools.js'
import { gitSpec, gitSecrets } from './git.js'

const HOOK = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'hooks', 'record-loads.mjs')

/** Text only a cloud SDK's own code contains: a loaded file holding one means the SDK was parsed. */
const SDK_MARKERS: Record<string, string> = {
  '@aws-sdk/client-s3': 'class ListObjectsV2Command',
  '@google-cloud/storage': 'storage.googleapis.com',
  '@azure/storage-blob': 'class BlobServiceClient'
}

/**
 * A git-only spec with `--dry-run`: what every run pays before fetching anything. The baseline
 * is a bare `node -e 0`, the floor no Node program can go under.
 */
export async function dryRun(ctx: BenchContext): Promise<Scenario> {
  const dirs = await dirsFor(ctx, 's8')
  const spec = ctx.git
    ? gitSpec(ctx, [{ name: 'code', repo: ctx.git.shapes.small[0]!.name, depth: 1 }])
    : 'version: 1\nsources:\n  - name: code\n    url: https://github.com/octocat/Hello-World.git\n'
  const cmd = await fetchSourcesCommand({ bin: ctx.bin, dirs, name: 'fetch-sources', spec, secrets: ctx.git ? gitSecrets(ctx) : {}, args: ['--dry-run'] })
  await fs.mkdir(cmd.workspace, { recursive: true })
  return {
    id: '8',
    title: 'git-only dry run (start-up)',
    sides: [
      { label: 'fetch-sources --dry-run', prepare: async () => {}, run: () => measure({ cmd: ACTION_NODE, args: cmd.argv, env: cmd.env }) },
      { label: 'node -e 0', prepare: async () => {}, run: () => measure({ cmd: ACTION_NODE, args: ['-e', '0'], env: cleanEnv() }) }
    ],
    targets: [{ kind: 'overhead', maxMs: 100, baseline: 1, text: '≤ node -e 0 + 100 ms' }],
    notes: async () => {
      // Untimed: the loader hook itself costs a few milliseconds.
      const loads = path.join(dirs.conf, 'loads.txt')
      await fs.rm(loads, { force: true })
      const sample = await measure({
        cmd: ACTION_NODE,
        args: ['--import', pathToFileURL(HOOK).href, ...cmd.argv],
        env: { ...cmd.env, FS_BENCH_LOADS: loads }
      })
      const bad = failure(sample)
      if (bad) return [`dry run with the load recorder failed: ${bad}`]
      const urls = (await fs.readFile(loads, 'utf8').catch(() => '')).split('\n').filter(Boolean)
      const bundle = pathToFileURL(ctx.bin.bundleDir).href
      const chunks = urls.filter((u) => u.startsWith(bundle)).map((u) => u.slice(bundle.length + 1))
      const parsed: string[] = []
      let bytes = 0
      for (const c of chunks) {
        const text = await fs.readFile(path.join(ctx.bin.bundleDir, c), 'utf8')
        bytes += Buffer.byteLength(text)
        for (const [sdk, marker] of Object.entries(SDK_MARKERS)) if (text.includes(marker)) parsed.push(`${sdk} (in ${c})`)
      }
      return [
        `dry run loaded ${chunks.length} bundle file(s), ${(bytes / 2 ** 20).toFixed(1)} MiB: ${chunks.join(', ')}`,
        parsed.length ? `cloud SDK code parsed by a git-only dry run: ${parsed.join(', ')}` : 'no cloud SDK code parsed by a git-only dry run'
      ]
    }
  }
}
