// `npm run bench [-- --rounds N --only 1,4 --quick --large --build --dest DIR]`: fetch-sources side by
// side with the tools users would pick instead, on the loopback servers the tests use.
import { ACTION_NODE } from '../scripts/requirements.js'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { startCacheService } from '../test/servers/cache-service.js'
import { startS3 } from '../test/servers/s3.js'
import type { BenchContext, Options } from './context.js'
import { generateRepo, objectSets, seedObjects, type RepoShape } from './data.js'
import { startBenchGit } from './git-server.js'
import { measure, median } from './measure.js'
import { failuresText, judge, markdownTable } from './report.js'
import type { Scenario, ScenarioResult, SideResult } from './scenario.js'
import { bigRepo, bigRepoHistory, fourRepos, gitSecrets, gitSpec, sameRepository, smallRepo } from './scenarios/git.js'
import { cacheRestore, cacheRestoreSmall } from './scenarios/cache.js'
import { secondRun } from './scenarios/rerun.js'
import { largeObject, mediumObjects, smallObjects } from './scenarios/s3.js'
import { dryRun } from './scenarios/startup.js'
import { failure, fetchSourcesCommand } from './sides.js'
import { ROOT, ensureBaselines, fetchSourcesBinary } from './tools.js'
import { DEFAULT_WAN, startWanLink, wanText, type WanProfile } from './wan.js'

const USAGE = `usage: npm run bench -- [--rounds N] [--only 1,2a,4] [--quick] [--large] [--build [--ref REF]] [--dest DIR] [--wan [--rtt MS] [--mbit N]]
  --rounds N   rounds per scenario, sides alternating (default 3; 2 with --quick)
  --only LIST  scenarios to run: 1 2a 2b 3 4 5 6 7 8 9 10 10a (2 = 2a and 2b, 10 = 10 and 10a)
  --quick      small data sets, for a smoke run in about a minute
  --large      include scenario 6, one 1 GiB object (about a minute per round)
  --build      bundle the current src/ with ncc into a temp dir instead of using dist/
  --ref REF    with --build: bundle src/ as it is at this git ref (a "before" column)
  --dest DIR   filesystem every side writes to (default /dev/shm)
  --wan        every server behind an emulated runner link (latency per exchange, shared bandwidth)
  --rtt MS     round-trip time of --wan (default ${DEFAULT_WAN.rttMs})
  --mbit N     bandwidth of --wan in Mbit/s, each direction (default ${DEFAULT_WAN.mbit})
  --fs-args S  more flags for every fetch-sources run through the CLI, e.g. "--concurrency 32"`

type Builder = (ctx: BenchContext) => Promise<Scenario | string>
const GIT_IDS = new Set(['1', '2a', '2b', '3', '9'])
const S3_IDS = new Set(['4', '5', '6', '7', '10', '10a'])
const SCENARIOS: Array<[string, Builder]> = [
  ['1', smallRepo],
  ['2a', bigRepo],
  ['2b', bigRepoHistory],
  ['3', fourRepos],
  ['4', smallObjects],
  ['5', mediumObjects],
  ['6', largeObject],
  ['7', secondRun],
  ['8', dryRun],
  ['9', sameRepository],
  ['10', cacheRestore],
  ['10a', cacheRestoreSmall]
]

const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`)

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string' },
      only: { type: 'string' },
      quick: { type: 'boolean' },
      large: { type: 'boolean' },
      build: { type: 'boolean' },
      ref: { type: 'string' },
      dest: { type: 'string' },
      wan: { type: 'boolean' },
      rtt: { type: 'string' },
      mbit: { type: 'string' },
      'fs-args': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const quick = values.quick ?? false
  const rounds = values.rounds === undefined ? (quick ? 2 : 3) : Number(values.rounds)
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, not ${values.rounds}`)
  let only: Set<string> | undefined
  if (values.only) {
    only = new Set()
    for (const id of values.only.split(/[\s,]+/).filter(Boolean)) {
      const matches = SCENARIOS.map(([i]) => i).filter((i) => i === id || i.replace(/[ab]$/, '') === id)
      if (!matches.length) throw new Error(`--only: no scenario "${id}" (known: ${SCENARIOS.map(([i]) => i).join(', ')})`)
      matches.forEach((m) => only!.add(m))
    }
  }
  // --only 6 asks for the large object explicitly.
  const large = (values.large ?? false) || (only?.has('6') ?? false)
  if (values.ref && !values.build) throw new Error('--ref needs --build: it names the source to bundle')
  let wan: WanProfile | undefined
  if (values.wan || values.rtt || values.mbit) {
    const rttMs = values.rtt === undefined ? DEFAULT_WAN.rttMs : Number(values.rtt)
    const mbit = values.mbit === undefined ? DEFAULT_WAN.mbit : Number(values.mbit)
    if (!(rttMs >= 0) || !(mbit > 0)) throw new Error(`--rtt must be ≥ 0 and --mbit > 0 (got ${values.rtt}, ${values.mbit})`)
    wan = { rttMs, mbit }
  }
  return {
    rounds,
    only,
    quick,
    large,
    build: values.build ?? false,
    ...(values.ref ? { ref: values.ref } : {}),
    dest: path.resolve(values.dest ?? '/dev/shm'),
    ...(wan ? { wan } : {}),
    ...(values['fs-args'] ? { fsArgs: values['fs-args'].split(/\s+/).filter(Boolean) } : {})
  }
}

function repoShapes(quick: boolean): Record<'small' | 'big' | 'four', RepoShape[]> {
  const files = quick ? 300 : 2000
  const four = [1, 2, 3, 4].map((seed) => ({ name: `repo${seed}`, files, commits: quick ? 5 : 20, seed }))
  return { small: [four[0]!], big: [{ name: 'big', files: quick ? 2000 : 20000, commits: quick ? 20 : 200, seed: 99 }], four }
}

/** Runs the sides alternately, reversing the order every round so neither always goes first. */
async function runScenario(s: Scenario, rounds: number): Promise<ScenarioResult> {
  const sides: SideResult[] = s.sides.map((x) => ({ label: x.label, samples: [], failures: [], medianWallMs: NaN, medianRssMb: NaN, medianCpuMs: NaN }))
  const verified = new Set<number>()
  for (let round = 0; round < rounds; round++) {
    const order = s.sides.map((_, i) => i)
    if (round % 2) order.reverse()
    for (const i of order) {
      const side = s.sides[i]!
      const result = sides[i]!
      try {
        await side.prepare()
        const sample = await side.run()
        const bad = failure(sample)
        if (bad) {
          result.failures.push(bad)
          continue
        }
        if (!verified.has(i) && side.verify) {
          const wrong = await side.verify()
          if (wrong) {
            result.failures.push(`wrong result: ${wrong}`)
            continue
          }
          verified.add(i)
        }
        result.samples.push({ wallMs: sample.wallMs, peakRssMb: sample.peakRssMb, cpuMs: sample.cpuMs })
        log(
          `  ${s.id} round ${round + 1} ${side.label}: ${Math.round(sample.wallMs)} ms, ${Math.round(sample.peakRssMb)} MB, ${Math.round(sample.cpuMs)} ms CPU`
        )
      } catch (error) {
        result.failures.push(error instanceof Error ? error.message : String(error))
      }
    }
  }
  for (const r of sides) {
    r.medianWallMs = median(r.samples.map((x) => x.wallMs))
    r.medianRssMb = median(r.samples.map((x) => x.peakRssMb))
    r.medianCpuMs = median(r.samples.map((x) => x.cpuMs))
  }
  const result: ScenarioResult = { id: s.id, title: s.title, sides, targets: s.targets.map((t) => ({ ...t, met: undefined, value: '' })), notes: [] }
  judge(result)
  result.notes = s.notes ? await s.notes().catch((e: unknown) => [`notes failed: ${String(e)}`]) : []
  return result
}

async function main(): Promise<void> {
  const options = parseOptions()
  const loadBefore = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')
  const chosen = SCENARIOS.filter(([id]) => !options.only || options.only.has(id))
  const needGit = chosen.some(([id]) => GIT_IDS.has(id) || id === '7' || id === '8')
  const needS3 = chosen.some(([id]) => S3_IDS.has(id))
  const needCache = chosen.some(([id]) => id.startsWith('10'))
  await ensureBaselines(log)
  const disposers: Array<() => Promise<void>> = []
  const results: ScenarioResult[] = []
  try {
    const bin = await fetchSourcesBinary(options.build, log, options.ref)
    disposers.push(bin.dispose)
    if (options.fsArgs) bin.extraArgs = options.fsArgs
    const outRoot = await fs.mkdtemp(path.join(options.dest, 'fs-bench-'))
    const confRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-bench-conf-'))
    disposers.push(
      () => fs.rm(outRoot, { recursive: true, force: true }),
      () => fs.rm(confRoot, { recursive: true, force: true })
    )
    const ctx: BenchContext = { options, bin, log, outRoot, confRoot, gitSupported: false }
    if (options.wan) {
      const link = await startWanLink(options.wan)
      disposers.unshift(link.stop)
      ctx.wan = link
      log(`WAN profile: every server behind a link of ${wanText(options.wan)}`)
    }
    const front = (url: string): Promise<string> => (ctx.wan ? ctx.wan.front(url) : Promise.resolve(url))
    if (needGit) {
      const shapes = repoShapes(options.quick)
      const repos: Record<string, string> = {}
      for (const shape of [...shapes.four, ...shapes.big]) {
        const t = Date.now()
        repos[shape.name] = await generateRepo(shape)
        log(`repository ${shape.name}: ${shape.files} files × ${shape.commits} commits (${Date.now() - t} ms, cached between runs)`)
      }
      const server = await startBenchGit(repos, ctx.wan ? front : undefined)
      disposers.unshift(server.stop)
      ctx.git = { server, shapes }
      ctx.gitSupported = await probeGit(ctx)
    }
    if (needS3) {
      const server = await startS3()
      disposers.unshift(server.stop)
      const sets = objectSets(options.quick, options.large)
      const t = Date.now()
      await seedObjects(server, 'bench', sets, log)
      log(`seeded s3rver in ${Date.now() - t} ms`)
      ctx.s3 = { server, endpoint: await front(server.endpoint), bucket: 'bench', sets }
    }
    if (needCache) {
      const service = await startCacheService()
      disposers.unshift(service.stop)
      ctx.cache = { service, url: await front(service.url), blobProxy: service.blobProxy ? await front(service.blobProxy.url) : undefined }
    }
    const profile = options.wan ? `WAN (${wanText(options.wan)})` : 'loopback'
    log(`fetch-sources: ${bin.label}; ${options.rounds} round(s); writing under ${options.dest}; profile ${profile}`)
    for (const [id, build] of chosen) {
      if (GIT_IDS.has(id) && !ctx.gitSupported) {
        results.push(skipped(id, 'the bundle has no working git fetcher (see the probe line above; try --build)'))
        continue
      }
      const scenario = await build(ctx)
      if (typeof scenario === 'string') {
        results.push(skipped(id, scenario))
        continue
      }
      log(`scenario ${id}: ${scenario.title}`)
      results.push(await runScenario(scenario, options.rounds))
    }
    const table = markdownTable(results)
    process.stdout.write(
      `\n${table}\n\nProfile: ${profile}. Cells: median wall time · median peak RSS of the largest process (GNU time %M); client CPU: median user + system time of each side's process tree (GNU time %U + %S). ${options.rounds} round(s), fetch-sources = ${bin.label}${options.fsArgs ? ` with ${options.fsArgs.join(' ')}` : ''}, ${os.cpus().length} CPUs, writing to ${options.dest}, load average before the run ${loadBefore}.\n`
    )
    const problems = failuresText(results)
    if (problems) process.stdout.write(`\n${problems}\n`)
    const summary = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      profile,
      loadBefore,
      options: { ...options, only: options.only ? [...options.only] : undefined },
      fetchSources: bin.label,
      results,
      table
    }
    const file = `results${options.wan ? '-wan' : ''}.json`
    await fs.writeFile(path.join(ROOT, 'bench', file), `${JSON.stringify(summary, null, 2)}\n`)
    log(`wrote bench/${file}`)
  } finally {
    for (const d of disposers) await d().catch(() => {})
  }
}

function skipped(id: string, why: string): ScenarioResult {
  return { id, title: `scenario ${id}`, sides: [], targets: [], notes: [], skipped: why }
}

/** One untimed depth-1 fetch: tells whether this bundle can fetch git at all. */
async function probeGit(ctx: BenchContext): Promise<boolean> {
  const dirs = { out: path.join(ctx.outRoot, 'probe'), conf: path.join(ctx.confRoot, 'probe') }
  const cmd = await fetchSourcesCommand({
    bin: ctx.bin,
    dirs,
    name: 'probe',
    spec: gitSpec(ctx, [{ name: 'code', repo: ctx.git!.shapes.small[0]!.name, depth: 1 }]),
    secrets: gitSecrets(ctx)
  })
  await fs.mkdir(cmd.workspace, { recursive: true })
  const sample = await measure({ cmd: ACTION_NODE, args: cmd.argv, env: cmd.env })
  const bad = failure(sample)
  log(bad ? `git probe failed, git scenarios skipped: ${bad}` : `git probe: ok (${Math.round(sample.wallMs)} ms)`)
  await fs.rm(dirs.out, { recursive: true, force: true })
  return !bad
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
