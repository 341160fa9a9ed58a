import type { SourceLocation } from '../util/errors.js'
import type { Secret } from '../connections/secret.js'

/** Connection kinds a catalog may hold (Polyaxon's names). Only FETCHABLE ones can back a source. */
export const CONNECTION_KINDS = [
  'git',
  'github',
  'gitlab',
  's3',
  'gcs',
  'wasb',
  'oci',
  'http',
  'host_path',
  'volume_claim',
  'registry',
  'slack',
  'custom'
] as const
export type ConnectionKind = (typeof CONNECTION_KINDS)[number]

/** What each kind of source is fetched as. github/gitlab connections become git sources. */
export const SOURCE_KINDS = ['git', 's3', 'gcs', 'wasb', 'oci', 'http', 'host_path'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]
export type BucketKind = 's3' | 'gcs' | 'wasb' | 'oci'

export interface SecretRef {
  name: string
  /** Only these keys of the secret are used / written. */
  items?: string[]
  /** Write the secret's keys as files into this directory (under RUNNER_TEMP). */
  mountPath?: string
}

export interface Connection {
  name: string
  kind: ConnectionKind
  description?: string
  /** Kind-specific settings, validated by the kind's schema. */
  schema: Record<string, unknown>
  secret?: SecretRef
  origin: SourceLocation
}

/**
 * Which part of a tree to fetch. Empty = everything. `paths` pairs are `[from, to]` with `to`
 * relative to the destination; `files`/`dirs` keep their relative path.
 */
export interface Selection {
  files: string[]
  dirs: string[]
  paths: Array<[from: string, to: string]>
}

interface SourceCommon {
  name: string
  connection?: string
  /** Absolute destination, always inside the workspace. */
  dest: string
  /** Destination as shown to users (relative to the workspace). */
  relPath: string
  primary: boolean
  /** Resolved secret of the connection (or the source), if any. */
  secret?: Secret
  /** Seconds without progress before a transfer is abandoned. */
  timeout?: number
  origin: SourceLocation
}

export type Submodules = false | true | 'recursive'

/** Proxies for one clone, as the spec's environment gave them (ADS runtime `env`). */
export interface GitProxy {
  /** `host:port` of an HTTP CONNECT proxy for ssh transports (used as an ssh ProxyCommand). */
  ssh?: string
  http?: string
  https?: string
  noProxy?: string
}

export interface GitSource extends SourceCommon {
  kind: 'git'
  url: string
  /** Branch, tag, SHA or refs/...; undefined = remote HEAD. */
  revision?: string
  /** 0 = full history. */
  depth: number
  submodules: Submodules
  shallowSubmodules: boolean
  lfs: boolean
  sparse: string[]
  tags: boolean
  singleBranch: boolean
  filter?: string
  /** Only this directory of the repository lands at `dest` (ZenML). */
  subdirectory?: string
  /** Hosting API for a tarball fallback when git is unusable (github/gitlab connections). */
  provider?: { type: 'github' | 'gitlab'; apiUrl: string; owner: string; repo: string }
  knownHosts?: string
  proxy?: GitProxy
}

export interface BucketSource extends SourceCommon {
  kind: BucketKind
  /** `s3://bucket/prefix`, `gs://…`, `wasbs://container@account…/prefix`, `oci://bucket@ns/prefix`. */
  uri: string
  /** The connection's schema (endpoint, region, forcePathStyle, requesterPays, …). */
  options: Record<string, unknown>
  selection: Selection
  sync: boolean
}

export interface HttpSource extends SourceCommon {
  kind: 'http'
  url: string
  unpack: boolean
  sha256?: string
  headers?: Record<string, string>
}

export interface HostPathSource extends SourceCommon {
  kind: 'host_path'
  /** Absolute directory or file to copy from. */
  hostPath: string
  selection: Selection
  sync: boolean
}

export type Source = GitSource | BucketSource | HttpSource | HostPathSource

/** Everything a run will do, fully resolved except for the network. */
export interface Plan {
  dialect: string
  /** Why that dialect was chosen, e.g. `run.init` for polyaxon. */
  detectedBy: string
  specFile?: string
  /** sha256 of the spec text and the catalog text, for the lock file. */
  specDigest: string
  sources: Source[]
  /** ADS entry point, relative to the primary source's destination. */
  entrypoint?: { source: string; path: string }
  /** Connections the main container uses (Polyaxon `run.connections`). */
  exposeConnections: string[]
  connections: Connection[]
}
