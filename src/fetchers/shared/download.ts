import type { Readable } from 'node:stream'
import { isDirectBody, type DirectBody } from './raw-http.js'
import { errorMessage } from '../../util/errors.js'
import { withRetry } from './retry.js'
import { Verifier, type Expected } from './checksum.js'
import type { ProgressReporter } from './progress.js'
import { SMALL_BODY, streamToFile } from './stream.js'
import type { Tuning } from './tuning.js'

export type Body = Readable | AsyncIterable<Uint8Array> | DirectBody

export interface DownloadOptions {
  /** Shown in retry lines and integrity errors: `bucket/key`, never a credential. */
  label: string
  file: string
  /** Opens the response body; called again on every attempt. Throw permanent errors for 403/404. */
  open(signal: AbortSignal): Promise<Body>
  expected: Expected
  /** Return the SHA-256 of the bytes (costs a hash pass; object stores do not need it). */
  digest?: boolean
  tuning: Tuning
  signal?: AbortSignal
  progress?: ProgressReporter
  onRetry?: (message: string) => void
}

/** One retryable attempt's plumbing, shared by whole-object and ranged downloads. */
export async function attempt(opts: DownloadOptions & { start?: number }, signal: AbortSignal): Promise<string> {
  let counted = 0
  const controller = new AbortController()
  const abort = (): void => controller.abort(signal.reason)
  signal.addEventListener('abort', abort, { once: true })
  try {
    const body = await opts.open(controller.signal)
    // A whole body past the small-body size arriving as a stream is hashed from the file once
    // written, on a worker: the main thread already runs the stream machinery of every transfer.
    // A direct body (raw-http) costs the main thread one write per read, so it is hashed as it is
    // read, which saves the second pass over the file; so is a small one (a worker's round trip
    // would cost more than its hash).
    const inFile = opts.start === undefined && !isDirectBody(body) && (opts.expected.size === undefined || opts.expected.size > SMALL_BODY)
    const verifier = new Verifier(opts.expected, opts.digest, inFile)
    await streamToFile(body, {
      file: opts.file,
      ...(opts.start !== undefined ? { start: opts.start } : {}),
      ...(opts.expected.size !== undefined ? { expectedSize: opts.expected.size } : {}),
      idleMs: opts.tuning.idleMs,
      signal: controller.signal,
      verifier,
      onBytes: (n) => {
        counted += n
        opts.progress?.addBytes(n)
      }
    })
    return inFile ? await verifier.checkFile(opts.label, opts.file, controller.signal) : verifier.check(opts.label)
  } catch (error) {
    opts.progress?.removeBytes(counted)
    // Stop the response body of a failed attempt so its socket goes back to the pool.
    controller.abort(error)
    throw error
  } finally {
    signal.removeEventListener('abort', abort)
  }
}

export function retryPolicy(opts: Pick<DownloadOptions, 'label' | 'tuning' | 'signal' | 'onRetry'>) {
  return {
    attempts: opts.tuning.attempts,
    baseMs: opts.tuning.retryBaseMs,
    ...(opts.signal ? { signal: opts.signal } : {}),
    onRetry: (error: unknown, n: number, delay: number) =>
      opts.onRetry?.(`${opts.label}: ${errorMessage(error)}; retry ${n} of ${opts.tuning.attempts - 1} in ${(delay / 1000).toFixed(1)} s`)
  }
}

/**
 * Downloads one object to `file` with size and checksum verification, an idle timeout, and
 * retries of transient failures and mismatches. Returns the sha256 hex of the bytes written when
 * `digest` is set, else ''.
 */
export async function downloadToFile(opts: DownloadOptions): Promise<string> {
  const signal = opts.signal ?? new AbortController().signal
  return withRetry(() => attempt(opts, signal), retryPolicy(opts))
}
