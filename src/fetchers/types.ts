import type { Host } from '../host/host.js'
import type { Limiter } from './shared/limiter.js'
import type { Settings } from '../inputs.js'
import type { Source } from '../spec/model.js'

/** One entry of what a source held, recorded in the lock for digests and frozen replay. */
export interface ObjectEntry {
  key: string
  size: number
  /** ETag, generation, version id or content hash: whatever the store gives to tell versions apart. */
  version: string
}

export interface FetchContext {
  host: Host
  settings: Settings
  /** Transfer slots shared by every source in the run. */
  limiter: Limiter
  /**
   * An empty directory on the destination's filesystem. Fill it; the runner swaps it into place
   * only when `fetch` returns, so a failure never leaves a half-written destination.
   */
  staging: string
  /** The destination's current content from an earlier run, when there is one (read-only). */
  previous?: string
  /** Private scratch directory (credential files, downloads), removed after the source. */
  scratch: string
  signal: AbortSignal
  /**
   * Paths the post step must remove if this process dies before its own cleanup. `untilPost`:
   * kept for later steps of the job (persisted git credentials), removed only by the post step.
   */
  registerCleanup(path: string, options?: { untilPost?: boolean }): void
  /** Every source of the plan (a git source's submodules may use another source's credentials). */
  peers?: readonly Source[]
  /** This source's log: lines are grouped under the source when it finishes. */
  log: SourceLog
  /**
   * Frozen replay: what the lock recorded. Git and http sources are already pinned in the plan;
   * object listings are compared with `objects` (landObjects does it) and fail on drift.
   */
  frozen?: { commit: string; digest: string; objects?: ObjectEntry[] }
}

export interface SourceLog {
  info(message: string): void
  warning(message: string): void
  /** Shown at once (outside the group), for long transfers; call at most every few seconds. */
  progress(message: string): void
}

export interface FetchResult {
  /** The source's address without credentials. */
  url: string
  revision?: string
  ref?: string
  commit?: string
  digest?: string
  files: number
  bytes: number
  /** Object list for the lock (buckets, host paths, archives). */
  objects?: ObjectEntry[]
  /**
   * The fetcher brought `previous` up to date in place (a git re-run) and left `staging` empty:
   * nothing to swap.
   */
  inPlace?: boolean
  /** Kept beside the destination after landing (for cheap re-runs); removed when absent. */
  state?: unknown
}

/** One per kind of source; `fetchers/index.ts` picks it with an exhaustive switch. */
export interface Fetcher<S extends Source = Source> {
  /** One line for the dry-run plan and the log group; never a secret. */
  describe(source: S): string
  fetch(source: S, ctx: FetchContext): Promise<FetchResult>
}
