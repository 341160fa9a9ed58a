import * as fs from 'node:fs/promises'
import type { Limiter } from './limiter.js'
import { withRetry } from './retry.js'
import { IntegrityError, Verifier } from './checksum.js'
import type { FileHasher } from './hash-worker.js'
import { attempt, retryPolicy, type Body, type DownloadOptions } from './download.js'

export interface RangedOptions extends Omit<DownloadOptions, 'open'> {
  size: number
  /** Opens bytes `start`..`end` (inclusive) of the object. */
  openRange(start: number, end: number, signal: AbortSignal): Promise<Body>
  limiter: Limiter
}

interface Part {
  start: number
  end: number
}

/**
 * Runs `worker` over `parts` using the slot the caller already holds plus as many extra limiter
 * slots as it can get. Helpers pull from one queue; the caller waits only for helpers that have
 * started, so a helper still queued in the limiter never blocks anyone: when it gets a slot later
 * it finds the queue empty and gives the slot back. Large objects therefore never deadlock the
 * shared pool, however many of them hold slots at once.
 */
export async function inHeldSlot<T>(limiter: Limiter, items: readonly T[], worker: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  let failure: { error: unknown } | undefined
  const drain = async (): Promise<void> => {
    while (queue.length && !failure) {
      const item = queue.shift()!
      try {
        await worker(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  const started: Array<Promise<void>> = []
  for (let i = 0; i < Math.min(items.length - 1, limiter.size - 1); i++) {
    void limiter.run(() => {
      if (!queue.length || failure) return Promise.resolve()
      const running = drain()
      started.push(running)
      return running
    })
  }
  await drain()
  await Promise.all(started)
  if (failure) throw failure.error
}

/**
 * Hashes the parts of the file in order as soon as each is complete, while later parts are still
 * downloading: a part is read back from the page cache right after it was written (on a worker
 * thread, so the main thread only moves bytes), and the whole object is checked without a second
 * pass over the file once the download ends. Nothing is hashed when the store gave no
 * whole-object checksum and no digest is wanted: each part's length is still checked.
 */
class InOrderHasher {
  private readonly verifier: Verifier
  private readonly hasher: FileHasher | undefined
  private readonly done: boolean[]
  private next = 0

  constructor(
    private readonly file: string,
    private readonly parts: Part[],
    opts: RangedOptions
  ) {
    this.verifier = new Verifier({ ...opts.expected, size: opts.size }, opts.digest, true)
    this.hasher = this.verifier.fileHasher()
    this.done = parts.map(() => false)
  }

  partDone(index: number): void {
    this.done[index] = true
    if (!this.hasher) return
    // The worker takes ranges in the order they are sent: each part once every part before it is.
    while (this.next < this.parts.length && this.done[this.next]) {
      const part = this.parts[this.next++]!
      this.hasher.add(this.file, part.start, part.end + 1)
    }
  }

  async check(label: string, signal: AbortSignal): Promise<string> {
    // Without hashes the parts' own length checks were the verification.
    if (!this.hasher) return ''
    if (this.next !== this.parts.length) throw new IntegrityError(`${label}: only ${this.next} of ${this.parts.length} parts were hashed`)
    return this.verifier.checkDigests(label, await this.hasher.digest(signal))
  }
}

/**
 * A large object as parallel ranged GETs written at their offsets into one preallocated file.
 * Each part is retried on its own; the whole file is then checked against the object's checksum,
 * and a mismatch downloads it again (bounded), then fails.
 */
export async function downloadRanged(opts: RangedOptions): Promise<string> {
  const signal = opts.signal ?? new AbortController().signal
  const parts: Part[] = []
  const partSize = opts.tuning.partSize
  for (let start = 0; start < opts.size; start += partSize) parts.push({ start, end: Math.min(opts.size, start + partSize) - 1 })
  return withRetry(
    async () => {
      const handle = await fs.open(opts.file, 'w')
      await handle.truncate(opts.size)
      await handle.close()
      const hasher = new InOrderHasher(opts.file, parts, opts)
      await inHeldSlot(opts.limiter, [...parts.keys()], async (index) => {
        const part = parts[index]!
        const label = `${opts.label} bytes ${part.start}-${part.end}`
        const partOpts = {
          ...opts,
          label,
          start: part.start,
          expected: { size: part.end - part.start + 1 },
          digest: false,
          open: (s: AbortSignal) => opts.openRange(part.start, part.end, s)
        }
        await withRetry(() => attempt(partOpts, signal), retryPolicy(partOpts))
        hasher.partDone(index)
      })
      return hasher.check(opts.label, signal)
    },
    // Parts retry their own transient errors; only a whole-file mismatch starts over.
    { ...retryPolicy(opts), retryable: (e) => e instanceof IntegrityError }
  )
}
