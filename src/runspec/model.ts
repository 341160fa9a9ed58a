import type { SourceLocation } from '../util/errors.js'

/** Catalog kinds Polyaxon agents have that cannot back a source on a runner, and why. */
export const UNUSABLE_CONNECTION_KINDS = {
  volume_claim: 'a Kubernetes volume claim cannot be mounted on a GitHub runner',
  registry: 'a container registry holds images, not sources (use docker/login-action)',
  slack: 'a Slack connection is a notification target, not a source',
  custom: 'a custom connection has no fetcher'
} as const

/**
 * Which part of a tree to fetch. Empty = everything. `paths` pairs are `[from, to]` with `to`
 * relative to the destination; `files`/`dirs` keep their relative path.
 */
export interface Selection {
  files: string[]
  dirs: string[]
  paths: Array<[from: string, to: string]>
}

export interface SecretRef {
  name: string
  /** Only these keys of the secret are used / written. */
  items?: string[]
  /** Write the secret's keys as files into this directory (under RUNNER_TEMP). */
  mountPath?: string
}

/**
 * A secret found for a source: its name and where it was found. The value is only readable by
 * `connections/`, which turns it into the typed credential a kind needs.
 */
export interface SecretHandle {
  readonly name: string
  readonly foundIn: string
}

export interface Connection {
  name: string
  /** A catalog kind (`git`, `github`, `s3`, …, or one of the unusable ones). */
  kind: string
  description?: string
  /** Kind-specific settings, validated by the kind's schema. */
  schema: Record<string, unknown>
  secret?: SecretRef
  origin: SourceLocation
}

/** What every source has, whatever its kind; each kind's folder adds its own fields. */
export interface SourceBase {
  /** The kind that fetches it (`git`, `s3`, …): a name in the registry of kinds. */
  kind: string
  name: string
  connection?: string
  /** Absolute destination, always inside the workspace. */
  dest: string
  /** Destination as shown to users (relative to the workspace). */
  relPath: string
  primary: boolean
  /** Resolved secret of the connection (or the source), if any. */
  secret?: SecretHandle
  /** Seconds without progress before a transfer is abandoned. */
  timeout?: number
  /** The source's own `cache:` (else the run's `cache` input). */
  cache?: 'on' | 'off' | 'read-only'
  origin: SourceLocation
}

/** Everything a run will do, fully resolved except for the network. */
export interface Plan {
  dialect: string
  /** Why that dialect was chosen, e.g. `run.init` for polyaxon. */
  detectedBy: string
  specFile?: string
  /** sha256 of the spec text and the catalog text, for the lock file. */
  specDigest: string
  sources: SourceBase[]
  /** ADS entry point, relative to the primary source's destination. */
  entrypoint?: { source: string; path: string }
  /** Connections the main container uses (Polyaxon `run.connections`). */
  exposeConnections: string[]
  connections: Connection[]
}
