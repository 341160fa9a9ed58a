/**
 * One retry policy for every kind of source: transient failures are retried with jittered
 * exponential backoff up to a bound; permanent ones fail at once. The clock and randomness are
 * injectable so tests do not sleep.
 */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number
  baseMs?: number
  maxMs?: number
  /** Decides whether an error is worth another attempt. Default: `isTransient`. */
  retryable?: (error: unknown) => boolean
  /** Called once per retry, with the cause, before waiting. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  signal?: AbortSignal
}

export const DEFAULT_ATTEMPTS = 5

/** An error that carries a server's `Retry-After`, in milliseconds. */
export interface RetryAfter {
  retryAfterMs?: number
}

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'TimeoutError',
  'RequestTimeout',
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'InternalError',
  'ServiceUnavailable'
])

/** HTTP status codes that mean "try again". */
export function isTransientStatus(status: number | undefined): boolean {
  return status === 408 || status === 429 || (status !== undefined && status >= 500 && status !== 501 && status !== 505)
}

/** Best-effort classification of errors from fetch, undici, the cloud SDKs and git. */
export function isTransient(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const e = error as {
    code?: unknown
    name?: unknown
    status?: unknown
    statusCode?: unknown
    $metadata?: { httpStatusCode?: number }
    transient?: unknown
    permanent?: unknown
    cause?: unknown
    $retryable?: unknown
  }
  if (e.permanent === true) return false
  if (e.transient === true || e.$retryable) return true
  const status = [e.status, e.statusCode, e.$metadata?.httpStatusCode].find((s) => typeof s === 'number') as number | undefined
  if (status !== undefined) return isTransientStatus(status)
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true
  if (typeof e.name === 'string' && TRANSIENT_CODES.has(e.name)) return true
  return e.cause !== undefined && e.cause !== error ? isTransient(e.cause) : false
}

export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  // Full jitter: spreads retries of many parallel transfers.
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

const realSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t)
        reject(signal.reason)
      },
      { once: true }
    )
  })

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS
  const baseMs = options.baseMs ?? 500
  const maxMs = options.maxMs ?? 15_000
  const retryable = options.retryable ?? isTransient
  const random = options.random ?? Math.random
  const sleep = options.sleep ?? ((ms: number) => realSleep(ms, options.signal))
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (error) {
      if (attempt >= attempts || options.signal?.aborted || !retryable(error)) throw error
      const hinted = retryAfterOf(error)
      const delay = hinted !== undefined ? Math.min(hinted, 60_000) : backoffMs(attempt, baseMs, maxMs, random)
      options.onRetry?.(error, attempt, delay)
      await sleep(delay)
    }
  }
}

/**
 * The wait a server asked for: `retryAfterMs` set by our own fetchers, else the `Retry-After`
 * header of the raw response an SDK error carries — the AWS SDK keeps it (non-enumerable) in
 * `$response.headers`, Azure's RestError in `response.headers` (an object with `get`). With the
 * SDKs' own retries off, nobody else reads it. A wrapped error's `cause` is looked at too.
 */
export function retryAfterOf(error: unknown, depth = 0): number | undefined {
  if (!error || typeof error !== 'object' || depth > 3) return undefined
  type Headers = { get?: (name: string) => string | undefined | null } & Record<string, unknown>
  const e = error as RetryAfter & { $response?: { headers?: Headers }; response?: { headers?: Headers }; cause?: unknown }
  if (e.retryAfterMs !== undefined) return e.retryAfterMs
  for (const headers of [e.$response?.headers, e.response?.headers]) {
    if (!headers || typeof headers !== 'object') continue
    if (typeof headers.get === 'function') {
      const value = headers.get('retry-after')
      if (value) return parseRetryAfter(value)
      continue
    }
    const name = Object.keys(headers).find((k) => k.toLowerCase() === 'retry-after')
    if (name) return parseRetryAfter(String(headers[name]))
  }
  return e.cause !== error ? retryAfterOf(e.cause, depth + 1) : undefined
}

/** `Retry-After` header (seconds or HTTP date) in milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
