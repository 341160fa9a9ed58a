import type { KindField, SchemaBuilder } from '../runspec/kinds.js'
import type { Selection, SourceBase } from '../runspec/model.js'
import { selectionOf } from '../runspec/sources.js'
import type { FetchContext, FetchResult, SourceKind } from './types.js'

/** A prefix (or one object) of a bucket: s3, gcs, wasb and oci sources. */
export interface BucketSource<K extends string = string> extends SourceBase {
  kind: K
  /** `s3://bucket/prefix`, `gs://…`, `wasbs://container@account…/prefix`, `oci://bucket@ns/prefix`. */
  uri: string
  /** The connection's schema (endpoint, region, forcePathStyle, requesterPays, …). */
  options: Record<string, unknown>
  selection: Selection
  sync: boolean
  /** A prefix lands in a directory of its last segment's name, one object as itself (ADS). */
  prefixAsDirectory?: boolean
}

export interface BucketKindOptions {
  kind: string
  /** URI prefixes of this store (`s3://`); the first is the one named in messages. */
  schemes: readonly string[]
  /** `schema:` of its catalog connections (catalog kind = source kind). */
  schema: SchemaBuilder
  describe?(source: BucketSource): string
  fetch(source: BucketSource, ctx: FetchContext): Promise<FetchResult>
}

const TAKES: readonly KindField[] = ['artifacts', 'paths', 'sync']

/** What the four bucket kinds share at the spec level: the URI check, the selection, the replay rule. */
export function bucketKind(o: BucketKindOptions): SourceKind<BucketSource> {
  return {
    kind: o.kind,
    connectionSchemas: { [o.kind]: o.schema },
    takes: TAKES,
    claimsUrl: (url) => o.schemes.some((s) => url.toLowerCase().startsWith(s)),
    build({ draft: d, schema, url, common, fail }) {
      const uri = (schema.bucket as string | undefined) ?? url!
      if (!o.schemes.some((p) => uri.startsWith(p)))
        fail(`"${uri}" is not a ${o.kind} URI: it should start with ${o.schemes.join(' or ')}`, d.url ? ['url'] : ['connection'])
      return {
        ...common,
        kind: o.kind,
        uri,
        options: schema,
        selection: selectionOf(d),
        sync: d.sync ?? false,
        ...(d.prefixAsDirectory ? { prefixAsDirectory: true } : {})
      }
    },
    describe: o.describe ?? ((s) => `${s.uri} → ${s.relPath}`),
    address: (s) => s.uri,
    revision: () => '',
    pin: (_source, locked) => (locked.objects ? undefined : 'the lock has no object list to replay (written by an older version?)'),
    fetch: o.fetch
  }
}

/** The line for s3 and oci sources, which name their endpoint. */
export function describeWithEndpoint(source: BucketSource): string {
  const endpoint = typeof source.options.endpoint === 'string' ? ` (endpoint ${source.options.endpoint})` : ''
  return `${source.uri}${endpoint} → ${source.relPath}`
}
