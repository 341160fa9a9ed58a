import { DEFAULT_ATTEMPTS } from './retry.js'

const MiB = 1024 * 1024

/** Transfer knobs shared by every object store and http; defaults suit a GitHub-hosted runner. */
export interface Tuning {
  /** Objects larger than `2 × partSize` are fetched as parallel ranged GETs of this size. */
  partSize: number
  /** Seconds without a byte before a transfer is abandoned (and retried). */
  idleMs: number
  attempts: number
  retryBaseMs: number
  /** Least time between two progress lines of a source. */
  progressMs: number
}

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw)
  return raw !== undefined && raw !== '' && Number.isFinite(n) && n > 0 ? n : fallback
}

/**
 * `timeout` of the source (seconds) wins for the idle timeout. The FETCH_SOURCES_* variables are
 * advanced tuning (documented in docs/object-storage.md), read from the run's environment.
 */
export function tuningFor(env: Record<string, string | undefined>, timeoutSeconds?: number): Tuning {
  return {
    partSize: Math.max(1, Math.floor(positive(env.FETCH_SOURCES_PART_SIZE_MB, 16) * MiB)),
    idleMs: (timeoutSeconds ?? positive(env.FETCH_SOURCES_IDLE_TIMEOUT, 30)) * 1000,
    attempts: Math.floor(positive(env.FETCH_SOURCES_ATTEMPTS, DEFAULT_ATTEMPTS)),
    retryBaseMs: positive(env.FETCH_SOURCES_RETRY_BASE_MS, 500),
    // 0 (every line) is for tests that must see a line without waiting.
    progressMs: env.FETCH_SOURCES_PROGRESS_SECONDS === '0' ? 0 : positive(env.FETCH_SOURCES_PROGRESS_SECONDS, 5) * 1000
  }
}
