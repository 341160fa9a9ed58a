import type { SourceLocation, SpecError } from '../util/errors.js'
import type { DocPath, SpecDocument } from './document.js'
import type { SourceSpec } from './schema.js'

/** Proxies for one clone, as the spec's environment gave them (ADS runtime `env`). */
export interface GitProxy {
  /** `host:port` of an HTTP CONNECT proxy for ssh transports (used as an ssh ProxyCommand). */
  ssh?: string
  http?: string
  https?: string
  noProxy?: string
}

/** actions/checkout's semantics for the one git source of checkout mode (and of quick mode). */
export interface CheckoutOptions {
  /**
   * The ref the pinned commit (`revision`, a full SHA) came from, as checkout knows it for the
   * workflow's own repository (GITHUB_REF): reported as `ref`, and checked out as checkout does
   * (`refs/heads/X` as local branch X tracking `origin/X`, `refs/pull/N/merge` detached).
   */
  knownRef?: string
  /** `clean: false`: a re-run keeps untracked and ignored files (no `git clean`). */
  keepUntracked?: boolean
  /** `sparse` holds non-cone patterns (`sparse-checkout-cone-mode: false`). */
  sparsePatterns?: boolean
  /** `fetch-depth: 0` fetches every branch and tag whatever the revision, as checkout does. */
  everyBranch?: boolean
  /** The repository on GitHub's API: without git, its archive is downloaded (checkout's REST fallback). */
  api?: { apiUrl: string; owner: string; repo: string }
}

/** Where a path of a document is: all a source's draft needs of its document. */
export interface DocLocator {
  readonly file: string
  locate(path: DocPath, key?: string): SourceLocation
}

/** A value together with where it was written, so later errors point at the user's file. */
export interface Located<T, D extends DocLocator = SpecDocument> {
  value: T
  doc: D
  path: DocPath
}

/** A source in native shape plus what some dialects carry that the native spec spells otherwise. */
export interface SourceDraft extends SourceSpec {
  /** Username sent with the secret's value as password (Gradient `username`). */
  username?: string
  /** Use this key of the secret rather than the whole value (ZenML `{{ name.key }}`). */
  secretKey?: string
  /** Revision for a git source that names none, before the connection's (Polyaxon `build.commit`). */
  defaultRevision?: string
  /**
   * A bucket prefix lands in a directory named after its last segment, one object as itself
   * (ADS remote runtimes); which of the two it is, the listing says.
   */
  prefixAsDirectory?: boolean
  /** Proxies the original system used for the clone (ADS `ssh_proxy`, `https_proxy`, `no_proxy`). */
  proxy?: GitProxy
  /** The source's secret is held by this action input (`ssh-key`), not named. */
  secretInput?: string
  checkout?: CheckoutOptions
}

/** What every dialect produces: the native model, unresolved, still pointing at its origin. */
export interface Translation {
  dialect: string
  detectedBy: string
  /** Catalog entries, not yet validated (validated once, the same way for every dialect). */
  connections: Array<Located<unknown>>
  artifactsStore?: Located<unknown>
  /** Checkout and quick mode drafts come from inputs, not a YAML document (yaml stays unloaded). */
  sources: Array<Located<SourceDraft, DocLocator>>
  /** ADS entry point, relative to the primary source's destination. */
  entrypoint?: Located<string>
  exposeConnections: string[]
  warnings: SpecError[]
}
