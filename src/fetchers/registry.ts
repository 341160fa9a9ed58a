import type { Kinds } from '../runspec/kinds.js'
import { UNUSABLE_CONNECTION_KINDS, type SourceBase } from '../runspec/model.js'
import { gcs } from './gcs/index.js'
import { git } from './git/index.js'
import { hostPath } from './host-path/index.js'
import { http } from './http/index.js'
import { oci } from './oci/index.js'
import { s3 } from './s3/index.js'
import type { SourceKind } from './types.js'
import { wasb } from './wasb/index.js'

/**
 * Every kind of source, one line each. The order is the order inline URLs are tried in (git
 * before http: an https URL naming a repository is git). A kind's folder loads its transfer code
 * and SDK only when a source of it is fetched, so a git-only run never parses a cloud SDK.
 */
export const KINDS: readonly SourceKind[] = [git, s3, oci, gcs, wasb, http, hostPath] as readonly SourceKind[]

const byName = new Map(KINDS.map((k) => [k.kind, k]))
const byConnection = new Map(KINDS.flatMap((k) => Object.keys(k.connectionSchemas).map((c) => [c, k] as const)))

/** The kind of a source of the plan. */
export function kindOf(source: SourceBase): SourceKind {
  const kind = byName.get(source.kind)
  if (!kind) throw new Error(`no kind of source is named "${source.kind}"`)
  return kind
}

/** The registry as the spec sees it. */
export const kinds: Kinds = {
  list: KINDS,
  ofUrl: (url) => KINDS.find((k) => k.claimsUrl(url)),
  ofConnection: (connectionKind) => byConnection.get(connectionKind),
  connectionKinds: [...byConnection.keys(), ...Object.keys(UNUSABLE_CONNECTION_KINDS)],
  connectionSchemas: Object.fromEntries(KINDS.flatMap((k) => Object.entries(k.connectionSchemas)))
}

/** The kind an inline `url` means when the source does not say (`git`, `s3`, …). */
export function kindOfUrl(url: string): string | undefined {
  return kinds.ofUrl(url)?.kind
}
