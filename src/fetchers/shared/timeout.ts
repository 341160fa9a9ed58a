import { errorMessage, FetchError } from '../../util/errors.js'

/** Rejects with a transient ETIMEDOUT error when `p` has not settled within `ms` (listing, metadata calls). */
export async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`no response for ${ms / 1000} s`), { code: 'ETIMEDOUT' })), ms)
      })
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** The last error of a failed download as a FetchError that says which object it was. */
export function namingTheObject(source: string, label: string, error: unknown): unknown {
  if (error instanceof FetchError) return error
  const message = errorMessage(error)
  return new FetchError(source, message.includes(label) ? message : `${label}: ${message}`, { cause: error })
}
