import type { Outcome } from '../fetchers/fetch-all.js'
import { kindOf } from '../fetchers/registry.js'
import type { SourceBase } from '../runspec/model.js'
import { publicUrl } from '../util/urls.js'

/**
 * What the report shows of a source's address, whichever kind made it: an http(s) URL without
 * credentials, query or fragment (a signed URL's query is its credential). Bucket URIs are left
 * as they are: `?` and `#` are characters of an object key there.
 */
export function publicAddress(address: string): string {
  return /^https?:\/\//i.test(address) ? publicUrl(address) : address
}

/** One entry of the `sources` output, exactly the contract's fields. */
export interface SourceOutput {
  kind: string
  url: string
  revision: string
  ref: string
  commit: string
  digest: string
  path: string
  files: number
  bytes: number
}

export function sourceOutput(o: Outcome): SourceOutput {
  const s = o.source
  const r = o.result!
  return {
    kind: s.kind,
    url: publicAddress(r.url),
    revision: r.revision ?? kindOf(s).revision(s),
    ref: r.ref ?? '',
    commit: r.commit ?? '',
    digest: r.digest ?? '',
    path: s.dest,
    files: r.files,
    bytes: r.bytes
  }
}

export function sourcesOutput(outcomes: Outcome[]): Record<string, SourceOutput> {
  const out: Record<string, SourceOutput> = {}
  for (const o of outcomes) if (o.result) out[o.source.name] = sourceOutput(o)
  return out
}

/** The `sources` output of a dry run: what would be fetched, with nothing resolved yet. */
export function plannedSourcesOutput(sources: SourceBase[]): Record<string, SourceOutput> {
  const out: Record<string, SourceOutput> = {}
  for (const s of sources) {
    const kind = kindOf(s)
    out[s.name] = {
      kind: s.kind,
      url: publicAddress(kind.address(s)),
      revision: kind.revision(s),
      ref: '',
      commit: '',
      digest: '',
      path: s.dest,
      files: 0,
      bytes: 0
    }
  }
  return out
}

/** The `cache` output: what the GitHub Actions cache did for each source that was fetched. */
export function cacheOutput(outcomes: Outcome[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const o of outcomes) if (o.result) out[o.source.name] = o.result.cache?.status ?? 'off'
  return out
}
