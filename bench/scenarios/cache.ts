import { ACTION_NODE } from '../../scripts/requirements.js'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { cacheEnv } from '../../test/helpers/cache-env.js'
import { dirsFor, type BenchContext } from '../context.js'
import { measure, type Sample } from '../measure.js'
import type { Scenario, Side } from '../scenario.js'
import { expectFiles, failure, fetchSourcesCommand } from '../sides.js'
import { s3Connection, s3Secrets } from './s3.js'

/** What the CLI printed as its `cache` output: source name → hit, miss, saved, off. */
function cacheOutcome(sample: Sample): Record<string, string> {
  try {
    const outputs = JSON.parse(sample.stdout) as { cache?: string }
    return JSON.parse(outputs.cache ?? '{}') as Record<string, string>
  } catch {
    return {}
  }
}

/**
 * Bucket data (scenario 4's small objects, 5's large ones, or both), restored from
 * the GitHub Actions cache — the tests' loopback cache service, archives in azurite reached
 * through the Azure blob host name, the real `@actions/cache` client — against downloading it
 * from S3 with the cache off. Both sides list the bucket (the listing is the cache key), both
 * start from an empty workspace and an empty RUNNER_TEMP on `--dest`, as a fresh runner does, and
 * both have the same environment but for `--cache`. The entries are saved once, untimed, first.
 */
async function cacheScenario(ctx: BenchContext, id: string, names: Array<'small' | 'medium'>): Promise<Scenario> {
  const dirs = await dirsFor(ctx, `s${id}`)
  const { sets } = ctx.s3!
  const cache = ctx.cache!
  const spec = `version: 1
connections:
${names.map((n) => s3Connection(ctx, n, sets[n].prefix)).join('\n')}
sources:
${names.map((n) => `  - connection: ${n}\n    path: ${n}`).join('\n')}
`
  const side = async (name: string, label: string, args: string[], expect: string): Promise<{ side: Side; run: () => Promise<Sample> }> => {
    const workspace = path.join(dirs.out, name)
    const runnerTemp = path.join(dirs.out, `${name}-runner-temp`)
    const env = cacheEnv(cache.service, { workspace, runnerTemp })
    env.ACTIONS_RESULTS_URL = cache.url
    if (cache.blobProxy) env.HTTP_PROXY = cache.blobProxy
    const cmd = await fetchSourcesCommand({ bin: ctx.bin, dirs, name, spec, secrets: s3Secrets(ctx), args, env })
    const fresh = async (): Promise<void> => {
      for (const dir of [workspace, runnerTemp]) {
        await fs.rm(dir, { recursive: true, force: true })
        await fs.mkdir(dir, { recursive: true })
      }
    }
    let last: Sample | undefined
    const run = async (): Promise<Sample> => (last = await measure({ cmd: ACTION_NODE, args: cmd.argv, env: cmd.env, cwd: workspace }))
    return {
      run,
      side: {
        label,
        prepare: fresh,
        run,
        verify: async () => {
          // With the cache off the CLI may print no `cache` output at all.
          const got = cacheOutcome(last!)
          if (names.some((n) => (got[n] ?? 'off') !== expect)) return `cache output ${JSON.stringify(got)}, expected ${expect} for ${names.join(' and ')}`
          for (const n of names) {
            const bad = await expectFiles(path.join(workspace, n), sets[n].count)
            if (bad) return bad
          }
          return undefined
        }
      }
    }
  }
  const restore = await side('restore', 'fetch-sources --cache true (hit)', ['--cache', 'true'], 'hit')
  const download = await side('download', 'S3 download (cache off)', [], 'off')
  // The entries, saved by a first run on an empty runner (a miss, then the save); an entry another
  // scenario saved already (the same listing is the same key) is a hit here.
  await restore.side.prepare()
  const saving = await restore.run()
  const bad = failure(saving)
  if (bad) throw new Error(`the run that saves the cache entries failed: ${bad}`)
  const saved = cacheOutcome(saving)
  if (names.some((n) => saved[n] !== 'saved' && saved[n] !== 'hit')) throw new Error(`the first run did not save every source: ${JSON.stringify(saved)}`)
  const savedMs = saving.wallMs
  const what = names.map((n) =>
    n === 'small' ? `${sets.small.count} × ${sets.small.size / 1024} KiB` : `${sets.medium.count} × ${sets.medium.size / 2 ** 20} MiB`
  )
  return {
    id,
    title: `Actions cache restore vs S3 download (${what.join(' + ')})`,
    sides: [restore.side, download.side],
    targets: [{ kind: 'ratio', max: 0.5, baseline: 1, text: '≤ 0.50× download' }],
    notes: async () => [`the untimed first run (download, then saving the entries: ${JSON.stringify(saved)}) took ${(savedMs / 1000).toFixed(2)} s`]
  }
}

/** The bucket data of scenarios 4 and 5 together, as issue 16's benchmark names it. */
export const cacheRestore = (ctx: BenchContext): Promise<Scenario> => cacheScenario(ctx, '10', ['small', 'medium'])

/** The many small objects alone: what the cache is for (one archive instead of a request each). */
export const cacheRestoreSmall = (ctx: BenchContext): Promise<Scenario> => cacheScenario(ctx, '10a', ['small'])
