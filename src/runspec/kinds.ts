import type { SourceLocation } from '../util/errors.js'
import type { DocPath } from './document.js'
import type { Connection, SourceBase } from './model.js'
import type { ConnectionSchemaBuilders } from './schema.js'
import type { SourceDraft } from './translation.js'

/**
 * How the spec knows kinds of source: only through this interface. Each kind's folder under
 * `fetchers/` implements it (and more: how to fetch); the registry lists them and the run passes
 * the list in. The spec never imports a kind.
 */

export type { SchemaBuilder } from './schema.js'

/** Source fields that only some kinds take; a kind lists those it takes, the others refuse them. */
export const KIND_FIELDS = ['git', 'artifacts', 'paths', 'unpack', 'sha256', 'sync', 'subdirectory'] as const
export type KindField = (typeof KIND_FIELDS)[number]

/** What a kind gets to build one source from: the draft, its connection, and what is already resolved. */
export interface BuildContext {
  draft: SourceDraft
  connection?: Connection
  /** The connection's `schema:` (validated by this kind's schema), or `{}`. */
  schema: Record<string, unknown>
  /** `url` or `git.url` of the draft. */
  url?: string
  /** The fields every source has, resolved (name, destination, secret, …); the kind adds its own. */
  common: Omit<SourceBase, 'kind'>
  workspace: string
  /** Throws a SpecError located at `sub` (a path under the source) and `key`. */
  fail(message: string, sub?: DocPath, key?: string): never
  locate(sub?: DocPath, key?: string): SourceLocation
}

export interface KindBuilder {
  /** The source kind (`git`, `s3`, …). */
  readonly kind: string
  /** Catalog kinds whose connections become sources of this kind, each with its `schema:`. */
  readonly connectionSchemas: ConnectionSchemaBuilders
  /** The kind-specific source fields it takes. */
  readonly takes: readonly KindField[]
  /** Whether an inline `url` is of this kind (kinds are asked in registry order). */
  claimsUrl(url: string): boolean
  build(ctx: BuildContext): SourceBase
}

/** The registry as the spec sees it. */
export interface Kinds {
  readonly list: readonly KindBuilder[]
  /** The kind an inline `url` means when the source does not say. */
  ofUrl(url: string): KindBuilder | undefined
  /** The kind a catalog connection of this catalog kind becomes, if any. */
  ofConnection(connectionKind: string): KindBuilder | undefined
  /** Every catalog kind a connection may have (usable or not). */
  readonly connectionKinds: readonly string[]
  /** `schema:` of each usable catalog kind. */
  readonly connectionSchemas: ConnectionSchemaBuilders
}
