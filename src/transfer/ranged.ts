import { createReadStream } from 'node:fs'
import * as fs from 'node:fs/promises'
import type { Limiter } from '../run/limiter.js'
import { withRetry } from '../util/retry.js'
import { IntegrityError, Verifier } from './checksum.js'
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

async function verifyWhole(file: string, opts: RangedOptions): Promise<string> {
  const verifier = new Verifier({ ...opts.expected, size: opts.size })
  for await (const chunk of createReadStream(file)) verifier.update(chunk as Buffer)
  return verifier.check(opts.label)
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
      await inHeldSlot(opts.limiter, parts, (part) => {
        const label = `${opts.label} bytes ${part.start}-${part.end}`
        const partOpts = {
          ...opts,
          label,
          start: part.start,
          expected: { size: part.end - part.start + 1 },
          open: (s: AbortSignal) => opts.openRange(part.start, part.end, s)
        }
        return withRetry(() => attempt(partOpts, signal), retryPolicy(partOpts)).then(() => undefined)
      })
      return verifyWhole(opts.file, opts)
    },
    // Parts retry their own transient errors; only a whole-file mismatch starts over.
    { ...retryPolicy(opts), retryable: (e) => e instanceof IntegrityError }
  )
}
