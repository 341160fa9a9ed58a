import { ACTION_NODE } from '../../scripts/requirements.js'
import * as path from 'node:path'
import { dirsFor, type BenchContext } from '../context.js'
import { measure } from '../measure.js'
import type { Scenario } from '../scenario.js'
import { expectFiles, failure, fetchSourcesCommand } from '../sides.js'
import { gitSecrets, gitSpecParts } from './git.js'
import { s3Connection, s3Secrets } from './s3.js'

/**
 * The same spec twice with nothing changed: the second run must only list and compare. The
 * spec mixes what a training job has — a repository, many small files, a few large ones.
 */
export async function secondRun(ctx: BenchContext): Promise<Scenario> {
  const dirs = await dirsFor(ctx, 's7')
  const { sets } = ctx.s3!
  const git = ctx.gitSupported ? gitSpecParts(ctx, [{ name: 'code', repo: ctx.git!.shapes.small[0]!.name, depth: 1 }]) : { connections: [], sources: [] }
  const store = (name: string, prefix: string): string => s3Connection(ctx, name, prefix)
  const spec = `version: 1
connections:
${[...git.connections, store('small', sets.small.prefix), store('medium', sets.medium.prefix)].join('\n')}
sources:
${[...git.sources, '  - connection: small\n    path: small', '  - connection: medium\n    path: medium'].join('\n')}
`
  const secrets = { ...s3Secrets(ctx), ...(ctx.gitSupported ? gitSecrets(ctx) : {}) }
  // One workspace: the second run needs the first one's result (and its state files).
  const cmd = await fetchSourcesCommand({ bin: ctx.bin, dirs, name: 'ws', spec, secrets })
  const { rm, mkdir } = await import('node:fs/promises')
  const fresh = async (): Promise<void> => {
    await rm(cmd.workspace, { recursive: true, force: true })
    await mkdir(cmd.workspace, { recursive: true })
  }
  const run = () => measure({ cmd: ACTION_NODE, args: cmd.argv, env: cmd.env })
  const verify = async (): Promise<string | undefined> =>
    (await expectFiles(path.join(cmd.workspace, 'small'), sets.small.count)) ?? (await expectFiles(path.join(cmd.workspace, 'medium'), sets.medium.count))
  return {
    id: '7',
    title: `second run, nothing changed (${ctx.gitSupported ? 'git + ' : ''}S3 small + medium)`,
    sides: [
      {
        label: 'second run',
        prepare: async () => {
          await fresh()
          const first = await run()
          const bad = failure(first)
          if (bad) throw new Error(`first run failed: ${bad}`)
        },
        run,
        verify
      },
      { label: 'first run', prepare: fresh, run, verify }
    ],
    targets: [{ kind: 'ratio', max: 0.1, baseline: 1, text: '≤ 0.10× first run' }]
  }
}
