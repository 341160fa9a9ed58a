/**
 * Scale check (not part of the test suite: seeding s3rver is slow): a prefix of N objects
 * (default 20,000) in a real s3rver, fetched by the CLI from source in a child process, whose
 * peak RSS and open file descriptors are sampled from /proc while it runs, then a re-run that
 * must download nothing. Numbers are printed as JSON; docs/reliability.md records them.
 *
 *   node --import tsx scripts/scale-check.ts [objects] [concurrency]
 */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { ACCESS_KEY_ID, startS3 } from '../test/servers/s3.js'

const OBJECTS = Number(process.argv[2] ?? 20_000)
const CONCURRENCY = Number(process.argv[3] ?? 16)
const ROOT = path.resolve(import.meta.dirname, '..')

interface Sample {
  seconds: number
  code: number | null
  peakRssMiB: number
  peakFds: number
}

/** Runs the CLI and samples /proc/PID every 100 ms (Linux only). */
async function measured(args: string[]): Promise<Sample> {
  const started = Date.now()
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'cli-entry.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  let peakRssKiB = 0
  let peakFds = 0
  const timer = setInterval(() => {
    void (async () => {
      const status = await fs.readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '')
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
      peakRssKiB = Math.max(peakRssKiB, hwm)
      const fds = await fs.readdir(`/proc/${child.pid}/fd`).catch(() => [])
      peakFds = Math.max(peakFds, fds.length)
    })()
  }, 100)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearInterval(timer)
  return { seconds: (Date.now() - started) / 1000, code, peakRssMiB: Math.round(peakRssKiB / 1024), peakFds }
}

const shm = await fs.stat('/dev/shm').then(
  () => '/dev/shm',
  () => os.tmpdir()
)
const s3 = await startS3({ root: shm })
const work = await fs.mkdtemp(path.join(shm, 'fs-scale-'))
try {
  await s3.createBucket('scale')
  const seedStart = Date.now()
  const objects: Record<string, string> = {}
  for (let i = 0; i < OBJECTS; i++) objects[`prefix/d${i % 100}/f${i}.txt`] = `object ${i}\n`
  await s3.put('scale', objects, 64)
  const seedSeconds = (Date.now() - seedStart) / 1000
  const ws = path.join(work, 'ws')
  await fs.mkdir(ws)
  const secrets = path.join(work, 'secrets.json')
  await fs.writeFile(secrets, JSON.stringify({ aws: JSON.stringify({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey }) }))
  const spec = `version: 1
connections:
  - {name: store, kind: s3, schema: {bucket: "s3://scale/prefix", endpoint: "${s3.endpoint}"}, secret: {name: aws}}
sources:
  - {connection: store, name: many, path: many}
`
  const args = ['--spec', spec, '--workspace', ws, '--secrets-file', secrets, '--lock-file', path.join(work, 'lock.json'), '--concurrency', String(CONCURRENCY)]
  const before = s3.requests.length
  const first = await measured(args)
  const gets = s3.requests.slice(before).filter((r) => r.startsWith('GET /scale/prefix/')).length
  let files = 0
  for (const e of await fs.readdir(path.join(ws, 'many'), { recursive: true, withFileTypes: true })) if (e.isFile()) files++
  const mid = s3.requests.length
  const rerun = await measured(args)
  const regets = s3.requests.slice(mid).filter((r) => r.startsWith('GET /scale/prefix/')).length
  const { soft } = await fs
    .readFile('/proc/self/limits', 'utf8')
    .then((t) => ({ soft: /Max open files\s+(\d+)/.exec(t)?.[1] ?? '?' }))
    .catch(() => ({ soft: '?' }))
  console.log(
    JSON.stringify(
      {
        objects: OBJECTS,
        concurrency: CONCURRENCY,
        seedSeconds,
        first,
        objectGets: gets,
        filesLanded: files,
        rerun,
        rerunObjectGets: regets,
        fdSoftLimit: soft,
        cpus: os.cpus().length
      },
      null,
      2
    )
  )
  if (first.code !== 0 || files !== OBJECTS || rerun.code !== 0 || regets !== 0) process.exitCode = 1
} finally {
  await s3.stop()
  await fs.rm(work, { recursive: true, force: true })
}
