import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { ACCESS_KEY_ID } from '../../test/servers/s3.js'
import { dirsFor, type BenchContext } from '../context.js'
import type { Scenario, Side } from '../scenario.js'
import { commandSide, expectFiles, fetchSourcesSide } from '../sides.js'
import { cleanEnv } from '../tools.js'

const s3Spec = (ctx: BenchContext, uri: string): string => `version: 1
connections:
  - name: store
    kind: s3
    schema: {bucket: "${uri}", endpoint: "${ctx.s3!.endpoint}", region: us-east-1}
    secret: {name: aws-bench}
sources:
  - connection: store
    path: data
`

/** A connection of a native spec to the bench bucket at `prefix`. */
export const s3Connection = (ctx: BenchContext, name: string, prefix: string): string =>
  `  - name: ${name}\n    kind: s3\n    schema: {bucket: "s3://${ctx.s3!.bucket}/${prefix}", endpoint: "${ctx.s3!.endpoint}", region: us-east-1}\n    secret: {name: aws-bench}`

export const s3Secrets = (ctx: BenchContext): Record<string, string> => ({
  'aws-bench': JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: ctx.s3!.server.secretAccessKey })
})

/** rclone and aws configured only through the environment and files of their own. */
async function baselineEnvs(ctx: BenchContext, conf: string): Promise<{ rclone: NodeJS.ProcessEnv; aws: NodeJS.ProcessEnv }> {
  const s3 = ctx.s3!.server
  const rcloneConf = path.join(conf, 'rclone.conf')
  const awsConf = path.join(conf, 'aws-config')
  await fs.writeFile(rcloneConf, '')
  await fs.writeFile(awsConf, '[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n')
  return {
    // cleanEnv drops AWS_CA_BUNDLE (`env -u AWS_CA_BUNDLE`): rclone refuses a bundle it cannot read.
    rclone: cleanEnv({
      RCLONE_CONFIG: rcloneConf,
      RCLONE_CONFIG_BENCH_TYPE: 's3',
      RCLONE_CONFIG_BENCH_PROVIDER: 'Other',
      RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: ACCESS_KEY_ID,
      RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: s3.secretAccessKey,
      RCLONE_CONFIG_BENCH_ENDPOINT: ctx.s3!.endpoint,
      RCLONE_CONFIG_BENCH_REGION: 'us-east-1',
      RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE: 'true'
    }),
    aws: cleanEnv({
      AWS_CONFIG_FILE: awsConf,
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true'
    })
  }
}

/**
 * fetch-sources vs `rclone copy --transfers 16 --checkers 16` (the target baseline) and
 * `aws s3 sync` (or `aws s3 cp` for one key), all reading the same keys into the same filesystem.
 */
async function objectScenario(
  ctx: BenchContext,
  o: { id: string; title: string; key: string; single: boolean; files: number; targets: Scenario['targets'] }
): Promise<Scenario> {
  const dirs = await dirsFor(ctx, `s${o.id}`)
  const bucket = ctx.s3!.bucket
  const env = await baselineEnvs(ctx, dirs.conf)
  const fsSide = await fetchSourcesSide({
    bin: ctx.bin,
    dirs,
    name: 'fetch-sources',
    spec: s3Spec(ctx, `s3://${bucket}/${o.key}`),
    secrets: s3Secrets(ctx),
    verify: (ws) => expectFiles(path.join(ws, 'data'), o.files)
  })
  const rcloneDest = path.join(dirs.out, 'rclone')
  const awsDest = path.join(dirs.out, 'aws')
  const sides: Side[] = [
    fsSide,
    commandSide({
      label: 'rclone',
      dest: rcloneDest,
      env: env.rclone,
      commands: [{ cmd: '/usr/bin/rclone', args: ['copy', `bench:${bucket}/${o.key}`, rcloneDest, '--transfers', '16', '--checkers', '16'] }],
      verify: (d) => expectFiles(d, o.files)
    }),
    commandSide({
      label: o.single ? 'aws s3 cp' : 'aws s3 sync',
      dest: awsDest,
      env: env.aws,
      commands: [
        {
          cmd: '/usr/bin/aws',
          args: [
            ...(o.single ? ['s3', 'cp', `s3://${bucket}/${o.key}`, `${awsDest}/`] : ['s3', 'sync', `s3://${bucket}/${o.key}`, awsDest]),
            '--endpoint-url',
            ctx.s3!.endpoint,
            '--only-show-errors',
            '--no-progress'
          ]
        }
      ],
      verify: (d) => expectFiles(d, o.files)
    })
  ]
  return { id: o.id, title: o.title, sides, targets: o.targets }
}

export async function smallObjects(ctx: BenchContext): Promise<Scenario> {
  const set = ctx.s3!.sets.small
  return objectScenario(ctx, {
    id: '4',
    title: `S3: ${set.count} × ${set.size / 1024} KiB`,
    key: set.prefix,
    single: false,
    files: set.count,
    // Latency is what concurrency hides: the tighter target holds where there is some.
    targets: ctx.wan ? [{ kind: 'ratio', max: 0.75, baseline: 1, text: '≤ 0.75× rclone' }] : [{ kind: 'ratio', max: 1.0, baseline: 1, text: '≤ 1.0× rclone' }]
  })
}

export async function mediumObjects(ctx: BenchContext): Promise<Scenario> {
  const set = ctx.s3!.sets.medium
  return objectScenario(ctx, {
    id: '5',
    title: `S3: ${set.count} × ${set.size / 2 ** 20} MiB`,
    key: set.prefix,
    single: false,
    files: set.count,
    targets: [{ kind: 'ratio', max: 1.0, baseline: 1, text: '≤ 1.0× rclone' }]
  })
}

export async function largeObject(ctx: BenchContext): Promise<Scenario | string> {
  const set = ctx.s3!.sets.large
  if (!set) return 'pass --large (1 GiB object; about a minute per round)'
  return objectScenario(ctx, {
    id: '6',
    title: `S3: 1 × ${set.size / 2 ** 20} MiB`,
    key: `${set.prefix}/blob.bin`,
    single: true,
    files: 1,
    targets: [{ kind: 'rss', maxMb: 120, text: 'peak RSS ≤ 120 MB' }]
  })
}
