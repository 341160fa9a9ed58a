import type { KindBuilder } from '../runspec/kinds.js'
import type { SecretHandle, SourceBase } from '../runspec/model.js'
import type { UnpackLimit } from './shared/archive.js'
import type { CacheOutcome, CacheSettings } from './shared/cache.js'
import type { ObjectEntry } from './shared/digest.js'
import type { Limiter } from './shared/limiter.js'
import type { SourceLog } from './shared/progress.js'

export type { CacheOutcome, ObjectEntry, SourceLog }

/** What a lock file recorded for one source; replay fetches exactly this. */
export interface Locked {
  kind: string
  url: string
  commit: string
  ref: string
  digest: string
  objects?: ObjectEntry[]
}

/** Git settings of the whole run, from actions/checkout's inputs: they apply to every git source. */
export interface GitRunOptions {
  /** `ssh-known-hosts`: known_hosts lines trusted besides github.com's and the runner user's. */
  knownHosts: string
  /** `ssh-strict`: false accepts an unknown host key (never a changed one). */
  sshStrict: boolean
  /** `show-progress`: git's transfer progress, a line every few seconds. */
  showProgress: boolean
  /** `set-safe-directory`: git may work in the destination whoever owns it (a container job). */
  safeDirectory: boolean
}

/** The run's settings a fetcher may read: never the secrets or the token themselves. */
export interface FetchOptions {
  /** The run's environment (proxies, FETCH_SOURCES_* tuning, cloud SDK defaults). */
  env: Record<string, string | undefined>
  /** Root for our temp files: RUNNER_TEMP on a runner, else the OS temp. */
  tempRoot: string
  concurrency: number
  persistCredentials: boolean
  /** How much an archive may unpack to (the `unpack-limit` input). */
  unpackLimit: UnpackLimit
  /** The GitHub Actions cache: the run's default mode, the size limit, where entries are staged. */
  cache: CacheSettings & { available: boolean }
  /** GITHUB_SERVER_URL, and the `token` input as a secret: the credential for https git URLs there. */
  server: { url: string; token?: SecretHandle }
  git: GitRunOptions
}

export interface FetchContext {
  options: FetchOptions
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
  registerCleanup(path: string, options?: { untilPost?: boolean; kept?: boolean }): void
  /** Every source of the plan (a git source's submodules may use another source's credentials). */
  peers?: readonly SourceBase[]
  /** This source's log: lines are grouped under the source when it finishes. */
  log: SourceLog
  /**
   * Frozen replay: what the lock recorded. Git and http sources are already pinned in the plan;
   * object listings are compared with `objects` (landObjects does it) and fail on drift.
   */
  frozen?: { commit: string; digest: string; objects?: ObjectEntry[] }
  /** This source's use of the Actions cache ('off' when it has none, or no cache service is reachable). */
  cache: CacheSettings
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
  cache?: CacheOutcome
}

/**
 * A kind of source: everything the run needs to know about it, in its own folder. The registry
 * lists one of these per kind; leaving a member out is a type error.
 */
export interface SourceKind<S extends SourceBase = SourceBase> extends KindBuilder {
  build(ctx: Parameters<KindBuilder['build']>[0]): S
  /** One line for the dry-run plan and the log group; never a secret. */
  describe(source: S): string
  /** The URL the source is known by before fetching (outputs, lock file); no credentials. */
  address(source: S): string
  /** The `revision` the `sources` output shows before fetching ('' when the kind has none). */
  revision(source: S): string
  /** Frozen replay: pins the source to what the lock recorded, or says why it cannot. */
  pin(source: S, locked: Locked): string | undefined
  /** Fetches into `ctx.staging`; the implementation is loaded on first use (SDKs stay unloaded). */
  fetch(source: S, ctx: FetchContext): Promise<FetchResult>
}
