import { closeSync, createWriteStream, openSync, writeFileSync, writeSync } from 'node:fs'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { IntegrityError, type Verifier } from './checksum.js'
import { isDirectBody, type DirectBody } from './raw-http.js'

/** A stalled connection: transient, so the transfer is retried. */
export class IdleTimeoutError extends Error {
  override name = 'IdleTimeoutError'
  readonly code = 'ETIMEDOUT'
  readonly transient = true
}

export interface StreamToFileOptions {
  file: string
  /** Write at this offset into an existing file (a ranged part); default: create/truncate. */
  start?: number
  idleMs: number
  signal?: AbortSignal
  verifier?: Verifier
  onBytes?: (n: number) => void
  /** The size the store announced: a small body is gathered in memory and written in one call. */
  expectedSize?: number
}

/**
 * Up to this size a body is gathered and written with one synchronous call. A file stream costs
 * an open, a write and a close on the thread pool plus a pipeline's bookkeeping (~0.6 ms of main
 * thread per file measured here): for 1,000 objects of 4 KiB that is most of the work. Writing
 * 256 KiB to the page cache blocks the loop for well under a millisecond.
 */
export const SMALL_BODY = 256 * 1024

/**
 * The file stream's buffer. Chunks that arrive while a write is in flight are gathered up to this
 * size and written with one writev: each write is a thread-pool round trip (~0.1 ms here), and
 * network chunks of 16–64 KiB made 6,400 of them for 400 MiB (0.6 s of main thread).
 */
const WRITE_BUFFER = 256 * 1024

/**
 * Streams a response body to disk, chunk by chunk (never the whole object in memory), hashing as
 * it goes, and gives up when no byte arrives for `idleMs`.
 */
export async function streamToFile(body: Readable | AsyncIterable<Uint8Array> | DirectBody, opts: StreamToFileOptions): Promise<number> {
  if (isDirectBody(body)) return directToFile(body, opts)
  if (opts.start === undefined && opts.expectedSize !== undefined && opts.expectedSize <= SMALL_BODY) return gatherToFile(body, opts)
  let written = 0
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      idle.poke()
      written += chunk.length
      account(chunk, opts)
      done(null, chunk)
    }
  })
  const idle = idleTimer(opts.idleMs, (e) => meter.destroy(e))
  const out = createWriteStream(opts.file, { highWaterMark: WRITE_BUFFER, ...(opts.start === undefined ? { flags: 'w' } : { flags: 'r+', start: opts.start }) })
  try {
    await pipeline(body, meter, out, opts.signal ? { signal: opts.signal } : {})
  } finally {
    idle.clear()
  }
  return written
}

/** What both paths do with every chunk: hash it and count it. */
function account(chunk: Uint8Array, opts: StreamToFileOptions): void {
  opts.verifier?.update(chunk)
  opts.onBytes?.(chunk.length)
}

/** Calls `onIdle` once `poke` has not been called for `idleMs` (armed at once). */
function idleTimer(idleMs: number, onIdle: (e: IdleTimeoutError) => void): { poke(): void; clear(): void } {
  // One timer re-armed in place: a new one per chunk was garbage for every read.
  const timer = setTimeout(() => onIdle(new IdleTimeoutError(`no data for ${idleMs / 1000} s`)), idleMs)
  return { poke: () => void timer.refresh(), clear: () => clearTimeout(timer) }
}

/** The small-body path of `streamToFile`: same idle timeout, abort, hashing and accounting. */
async function gatherToFile(body: Readable | AsyncIterable<Uint8Array>, opts: StreamToFileOptions): Promise<number> {
  const chunks: Uint8Array[] = []
  let got = 0
  let stop: ((e: Error) => void) | undefined
  const stopped = new Promise<never>((_, reject) => (stop = reject))
  // Keep an unobserved rejection from being reported when the body ends first.
  stopped.catch(() => undefined)
  const fail = (e: Error): void => {
    const destroy = (body as { destroy?: (e?: Error) => void }).destroy
    if (typeof destroy === 'function') destroy.call(body, e)
    stop?.(e)
  }
  const onAbort = (): void => fail(opts.signal!.reason instanceof Error ? opts.signal!.reason : new Error('aborted'))
  if (opts.signal?.aborted) onAbort()
  opts.signal?.addEventListener('abort', onAbort, { once: true })
  const idle = idleTimer(opts.idleMs, fail)
  try {
    const read = (async () => {
      for await (const chunk of body) {
        idle.poke()
        got += chunk.length
        chunks.push(chunk)
        account(chunk, opts)
        // A server sending more than it announced fails the size check; do not hoard the rest.
        if (got > opts.expectedSize!) break
      }
    })()
    await Promise.race([read, stopped])
  } finally {
    idle.clear()
    opts.signal?.removeEventListener('abort', onAbort)
  }
  const bytes = Buffer.concat(chunks)
  writeFileSync(opts.file, bytes)
  return bytes.length
}

/**
 * A body read into its connection's buffer (raw-http.ts): each read is written at its offset
 * before the next one, with a synchronous write (a page-cache copy of at most 256 KiB), so no
 * byte waits in memory and nothing is left for the garbage collector.
 */
async function directToFile(body: DirectBody, opts: StreamToFileOptions): Promise<number> {
  const fd = openSync(opts.file, opts.start === undefined ? 'w' : 'r+')
  let at = opts.start ?? 0
  const first = at
  const idle = idleTimer(opts.idleMs, (e) => body.destroy(e))
  const onAbort = (): void => body.destroy(opts.signal!.reason instanceof Error ? opts.signal!.reason : new Error('aborted'))
  if (opts.signal?.aborted) onAbort()
  opts.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    await body.drain((chunk) => {
      idle.poke()
      // A server that sends more than it announced is stopped there, not left to fill the disk.
      if (opts.expectedSize !== undefined && at - first + chunk.length > opts.expectedSize)
        throw new IntegrityError(`the server sent more than the ${opts.expectedSize} bytes announced`)
      for (let off = 0; off < chunk.length;) off += writeSync(fd, chunk, off, chunk.length - off, at + off)
      at += chunk.length
      account(chunk, opts)
    })
  } finally {
    idle.clear()
    opts.signal?.removeEventListener('abort', onAbort)
    closeSync(fd)
  }
  return at - first
}

/**
 * A small direct body (a listing page, an error answer) read whole, in copies (each read is the
 * connection's buffer). No byte for `idleMs` fails it; past `limit` bytes the rest is left unread
 * and the connection closed.
 */
export async function readWhole(body: DirectBody, idleMs: number, limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = []
  let got = 0
  const idle = idleTimer(idleMs, (e) => body.destroy(e))
  try {
    await body.drain((chunk) => {
      idle.poke()
      const take = Math.min(chunk.length, limit - got)
      chunks.push(Buffer.from(chunk.subarray(0, take)))
      got += take
      if (got >= limit) body.destroy()
    })
  } catch (error) {
    if (got < limit) throw error
  } finally {
    idle.clear()
  }
  return Buffer.concat(chunks)
}
