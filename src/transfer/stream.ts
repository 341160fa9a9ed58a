import { createWriteStream } from 'node:fs'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Verifier } from './checksum.js'

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
}

/**
 * Streams a response body to disk, chunk by chunk (never the whole object in memory), hashing as
 * it goes, and gives up when no byte arrives for `idleMs`.
 */
export async function streamToFile(body: Readable | AsyncIterable<Uint8Array>, opts: StreamToFileOptions): Promise<number> {
  let written = 0
  let timer: NodeJS.Timeout | undefined
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      arm()
      written += chunk.length
      opts.verifier?.update(chunk)
      opts.onBytes?.(chunk.length)
      done(null, chunk)
    }
  })
  const arm = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => meter.destroy(new IdleTimeoutError(`no data for ${opts.idleMs / 1000} s`)), opts.idleMs)
  }
  const out = createWriteStream(opts.file, opts.start === undefined ? { flags: 'w' } : { flags: 'r+', start: opts.start })
  arm()
  try {
    await pipeline(body, meter, out, opts.signal ? { signal: opts.signal } : {})
  } finally {
    clearTimeout(timer)
  }
  return written
}
