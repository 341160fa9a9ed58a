import { PutObjectCommand } from '@aws-sdk/client-s3'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { once } from 'node:events'
import type { S3TestServer } from '../test/servers/s3.js'
import { sh } from './measure.js'

/** Generated repositories survive between bench runs: a 20,000-file history takes a while. */
export const CACHE = path.join(os.tmpdir(), 'fs-bench-cache')
const GENERATOR_VERSION = 1

export interface RepoShape {
  name: string
  files: number
  commits: number
  /** Different seeds give different content, so four repositories really are four. */
  seed: number
}

/** A small deterministic PRNG (mulberry32): same shape → same repository → comparable runs. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Source-like text of 0.5–4 KiB: compresses about as well as real code does (~3–4×). */
function fileText(rand: () => number, name: string, version: number): string {
  const words = ['const', 'return', 'value', 'import', 'function', 'export', 'if', 'for', 'await', 'data', 'result', 'index', 'name', 'path', 'error']
  const lines: string[] = [`// ${name} v${version}`]
  const target = 512 + Math.floor(rand() * 3584)
  let size = 0
  while (size < target) {
    const n = 3 + Math.floor(rand() * 8)
    const parts: string[] = []
    for (let i = 0; i < n; i++) parts.push(rand() < 0.2 ? Math.floor(rand() * 1e6).toString(36) : words[Math.floor(rand() * words.length)]!)
    const line = '  '.repeat(Math.floor(rand() * 4)) + parts.join(' ')
    lines.push(line)
    size += line.length + 1
  }
  return lines.join('\n') + '\n'
}

const filePath = (i: number): string => `src/m${Math.floor(i / 400)}/d${Math.floor(i / 40)}/f${i}.ts`

/**
 * A bare repository with `files` files and `commits` commits, written by one `git fast-import`
 * (seconds, where a commit-per-step script would take minutes). The first commit adds every
 * file; each later one rewrites 1 % of them, so history has real deltas to pack.
 */
export async function generateRepo(shape: RepoShape): Promise<string> {
  const dir = path.join(CACHE, `v${GENERATOR_VERSION}-${shape.name}-${shape.files}f-${shape.commits}c-s${shape.seed}.git`)
  if (
    await fs.stat(path.join(dir, 'bench-complete')).then(
      () => true,
      () => false
    )
  )
    return dir
  await fs.rm(dir, { recursive: true, force: true })
  await fs.mkdir(dir, { recursive: true })
  await sh('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir])
  const rand = prng(shape.seed)
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] })
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const exited = once(child, 'close')
  const write = async (s: string): Promise<void> => {
    if (!child.stdin.write(s)) await once(child.stdin, 'drain')
  }
  const versions = new Array<number>(shape.files).fill(0)
  const time = 1_700_000_000
  for (let c = 0; c < shape.commits; c++) {
    const message = c === 0 ? 'initial import' : `change ${c}`
    await write(`commit refs/heads/main\nauthor Bench <bench@example.org> ${time + c * 60} +0000\ncommitter Bench <bench@example.org> ${time + c * 60} +0000\n`)
    await write(`data ${Buffer.byteLength(message)}\n${message}\n`)
    const touched = c === 0 ? shape.files : Math.max(1, Math.floor(shape.files / 100))
    for (let k = 0; k < touched; k++) {
      const i = c === 0 ? k : Math.floor(rand() * shape.files)
      const text = fileText(rand, filePath(i), ++versions[i]!)
      await write(`M 100644 inline ${filePath(i)}\ndata ${Buffer.byteLength(text)}\n${text}\n`)
    }
  }
  child.stdin.end()
  const [code] = (await exited) as [number | null]
  if (code !== 0) throw new Error(`git fast-import failed (${code}): ${err}`)
  // What a real forge has: one pack with a bitmap, and exact-SHA fetches allowed (GitHub does).
  await sh('git', ['repack', '-a', '-d', '-b', '-q'], { cwd: dir })
  await sh('git', ['config', 'uploadpack.allowAnySHA1InWant', 'true'], { cwd: dir })
  await sh('git', ['config', 'http.receivepack', 'false'], { cwd: dir })
  await fs.writeFile(path.join(dir, 'bench-complete'), '')
  return dir
}

const KiB = 1024
const MiB = 1024 * KiB

export interface ObjectSets {
  small: { prefix: string; count: number; size: number }
  medium: { prefix: string; count: number; size: number }
  large?: { prefix: string; size: number }
}

export function objectSets(quick: boolean, large: boolean): ObjectSets {
  return {
    small: { prefix: 'small', count: quick ? 200 : 1000, size: 4 * KiB },
    medium: { prefix: 'medium', count: quick ? 4 : 20, size: quick ? 8 * MiB : 20 * MiB },
    ...(large || quick ? { large: { prefix: 'large', size: quick ? 64 * MiB : 1024 * MiB } } : {})
  }
}

/** Writes `size` random bytes to a file without holding them in memory. */
async function randomFile(file: string, size: number): Promise<void> {
  const out = createWriteStream(file)
  for (let left = size; left > 0; left -= 4 * MiB) {
    if (!out.write(randomBytes(Math.min(left, 4 * MiB)))) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

/** Seeds the bucket: incompressible bytes, keys under one prefix per scenario. */
export async function seedObjects(s3: S3TestServer, bucket: string, sets: ObjectSets, log: (l: string) => void): Promise<void> {
  await s3.createBucket(bucket)
  const small: Record<string, Buffer> = {}
  for (let i = 0; i < sets.small.count; i++) small[`${sets.small.prefix}/d${Math.floor(i / 100)}/o${i}.bin`] = randomBytes(sets.small.size)
  log(`seeding ${sets.small.count} × ${sets.small.size / KiB} KiB`)
  await s3.put(bucket, small)
  log(`seeding ${sets.medium.count} × ${sets.medium.size / MiB} MiB`)
  for (let i = 0; i < sets.medium.count; i += 4) {
    const batch: Record<string, Buffer> = {}
    for (let j = i; j < Math.min(i + 4, sets.medium.count); j++) batch[`${sets.medium.prefix}/o${j}.bin`] = randomBytes(sets.medium.size)
    await s3.put(bucket, batch, 4)
  }
  if (sets.large) {
    log(`seeding 1 × ${sets.large.size / MiB} MiB`)
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-bench-large-'))
    const file = path.join(tmp, 'blob.bin')
    await randomFile(file, sets.large.size)
    // A file stream: the SDK hashes it by path instead of buffering a gigabyte.
    await s3.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: `${sets.large.prefix}/blob.bin`, Body: createReadStream(file), ContentLength: sets.large.size })
    )
    await fs.rm(tmp, { recursive: true, force: true })
  }
}

/** Files and bytes under a directory (`.git` left out): a cheap check that both sides landed the same. */
export async function treeSize(root: string): Promise<{ files: number; bytes: number }> {
  let files = 0
  let bytes = 0
  const walk = async (dir: string): Promise<void> => {
    for (const e of await fs.readdir(dir, { withFileTypes: true })) {
      if (e.name === '.git') continue
      const p = path.join(dir, e.name)
      if (e.isDirectory()) await walk(p)
      else if (e.isFile()) {
        files++
        bytes += (await fs.stat(p)).size
      }
    }
  }
  const st = await fs.stat(root)
  if (st.isFile()) return { files: 1, bytes: st.size }
  await walk(root)
  return { files, bytes }
}
