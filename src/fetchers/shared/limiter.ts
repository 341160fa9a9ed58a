/**
 * One pool of transfer slots shared by every source, so `concurrency` bounds the whole run rather
 * than being multiplied per source. Only leaf transfers take a slot (never a whole source), so a
 * source waiting for its objects cannot deadlock the pool.
 */
export class Limiter {
  private active = 0
  private readonly queue: Array<() => void> = []

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`limiter size must be ≥ 1, got ${size}`)
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.queue.push(resolve))
    else this.active++
    try {
      return await fn()
    } finally {
      const next = this.queue.shift()
      // Hand the slot straight to the next waiter; `active` stays the same.
      if (next) next()
      else this.active--
    }
  }

  /** Runs `fn` over items with at most `size` in flight; rejects with the first error after all settle. */
  async map<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const results = await Promise.allSettled(items.map((item, i) => this.run(() => fn(item, i))))
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failed) throw failed.reason
    return results.map((r) => (r as PromiseFulfilledResult<R>).value)
  }
}
