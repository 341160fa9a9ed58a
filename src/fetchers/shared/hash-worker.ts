import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/**
 * MD5 / SHA-256 / CRC32C of files already written, computed on worker threads: the file is read
 * back from the page cache right after it was written, so the main thread, which receives and
 * writes the bytes of every transfer, never hashes (MD5 alone was ~0.8 s of it per 400 MiB).
 * What is hashed is what landed on disk, the bytes that are then checked against the store.
 */
export type Algorithm = 'md5' | 'sha256' | 'crc32c'

export interface Digests {
  /** Bytes hashed. */
  bytes: number
  md5?: Buffer
  sha256?: Buffer
  crc32c?: Buffer
}

/**
 * The worker, as source text: evaluated by `new Worker(…, { eval: true })`, so the bundle needs
 * no second entry file. Jobs are hashes in progress; each message adds a byte range of a file to
 * one (in order) or ends it; messages of one worker are handled in the order they were sent.
 */
const WORKER = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const fs = require('node:fs')
const TABLE = new Int32Array(256)
for (let n = 0; n < 256; n++) {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1
  TABLE[n] = c
}
const buffer = Buffer.allocUnsafe(1 << 20)
const jobs = new Map()
parentPort.on('message', (m) => {
  let job = jobs.get(m.id)
  try {
    if (!job) {
      job = { bytes: 0, crc: m.algorithms.includes('crc32c') ? 0xffffffff : undefined, hashes: {} }
      for (const a of m.algorithms) if (a !== 'crc32c') job.hashes[a] = createHash(a)
      jobs.set(m.id, job)
    }
    if (m.op === 'range') {
      const fd = fs.openSync(m.file, 'r')
      try {
        for (let at = m.start; at < m.end; ) {
          const n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, m.end - at), at)
          if (n === 0) break
          const chunk = buffer.subarray(0, n)
          for (const h of Object.values(job.hashes)) h.update(chunk)
          if (job.crc !== undefined) {
            let c = job.crc
            for (let i = 0; i < n; i++) c = TABLE[(c ^ chunk[i]) & 0xff] ^ (c >>> 8)
            job.crc = c
          }
          at += n
          job.bytes += n
        }
      } finally {
        fs.closeSync(fd)
      }
      parentPort.postMessage({ id: m.id, seq: m.seq })
    } else {
      jobs.delete(m.id)
      const out = { id: m.id, seq: m.seq, bytes: job.bytes }
      for (const [a, h] of Object.entries(job.hashes)) out[a] = h.digest()
      if (job.crc !== undefined) {
        const b = Buffer.alloc(4)
        b.writeUInt32BE((job.crc ^ 0xffffffff) >>> 0)
        out.crc32c = b
      }
      parentPort.postMessage(out)
    }
  } catch (error) {
    jobs.delete(m.id)
    parentPort.postMessage({ id: m.id, seq: m.seq, error: String(error && error.message || error) })
  }
})
`

type Reply = { id: number; seq: number; error?: string; bytes?: number } & Partial<Record<Algorithm, Uint8Array>>

interface Slot {
  worker: Worker
  /** Messages sent and not yet answered: the worker keeps the process alive only while there are some. */
  waiting: Map<string, { resolve: (r: Reply) => void; reject: (e: Error) => void }>
}

/** One or two workers: the main thread keeps a core for the transfers. */
const SIZE = Math.max(1, Math.min(2, availableParallelism() - 1))
const slots: Array<Slot | undefined> = []
let nextJob = 1

function slotFor(job: number): Slot {
  const i = job % SIZE
  let slot = slots[i]
  if (!slot) {
    const worker = new Worker(WORKER, { eval: true })
    worker.unref()
    const waiting: Slot['waiting'] = new Map()
    slot = slots[i] = { worker, waiting }
    const failAll = (e: Error): void => {
      for (const w of waiting.values()) w.reject(e)
      waiting.clear()
      if (slots[i] === slot) slots[i] = undefined
    }
    worker.on('message', (r: Reply) => {
      const key = `${r.id}:${r.seq}`
      const w = waiting.get(key)
      waiting.delete(key)
      if (waiting.size === 0) worker.unref()
      if (r.error) w?.reject(new Error(`hashing failed: ${r.error}`))
      else w?.resolve(r)
    })
    worker.on('error', failAll)
    worker.on('exit', (code) => failAll(new Error(`the hashing worker exited (${code})`)))
  }
  return slot
}

/**
 * The hash of a file (or of several byte ranges of files, in the order added) computed on a
 * worker. `add` returns at once; `digest` waits for every range and the result.
 */
export class FileHasher {
  private readonly id = nextJob++
  private readonly slot = slotFor(this.id)
  private seq = 0
  private readonly pending: Array<Promise<Reply>> = []

  constructor(private readonly algorithms: readonly Algorithm[]) {}

  private send(message: object): Promise<Reply> {
    const seq = this.seq++
    const reply = new Promise<Reply>((resolve, reject) => this.slot.waiting.set(`${this.id}:${seq}`, { resolve, reject }))
    this.slot.worker.ref()
    this.slot.worker.postMessage({ ...message, id: this.id, seq, algorithms: this.algorithms })
    return reply
  }

  /** Stops waiting for this job's answers. */
  private forget(): void {
    for (const key of [...this.slot.waiting.keys()]) if (key.startsWith(`${this.id}:`)) this.slot.waiting.delete(key)
    if (this.slot.waiting.size === 0) this.slot.worker.unref()
  }

  /** Hashes bytes `start` (inclusive) to `end` (exclusive) of `file` after every range added before. */
  add(file: string, start: number, end: number): void {
    const reply = this.send({ op: 'range', file, start, end })
    // Observed here; a failure is thrown by `digest`.
    reply.catch(() => undefined)
    this.pending.push(reply)
  }

  /** The digests of everything added; rejects when a range could not be read. */
  async digest(signal?: AbortSignal): Promise<Digests> {
    const done = Promise.all([...this.pending, this.send({ op: 'digest' })])
    // A cancelled run does not wait for the worker (nor does the worker keep the process alive).
    const replies = await (signal ? abortable(done, signal, () => this.forget()) : done)
    const last = replies.at(-1)!
    const out: Digests = { bytes: last.bytes ?? 0 }
    for (const a of this.algorithms) if (last[a]) out[a] = Buffer.from(last[a])
    return out
  }
}

/** `p`, or the abort's reason as soon as `signal` aborts (the worker finishes on its own). */
function abortable<T>(p: Promise<T>, signal: AbortSignal, onAbort_: () => void): Promise<T> {
  if (signal.aborted) {
    onAbort_()
    return Promise.reject(signal.reason)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      onAbort_()
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
