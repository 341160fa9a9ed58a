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
