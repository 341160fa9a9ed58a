import type { ObjectEntry } from '../fetchers/types.js'
import type { Plan, Source } from '../spec/model.js'
import type { Outcome } from '../fetchers/fetch-all.js'
import { fileUrlOf } from '../util/urls.js'

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

/** The lock file: the `sources` output plus what replay needs. */
export interface LockFile {
  version: 1
  specDigest: string
  time: string
  dialect: string
  sources: Record<string, SourceOutput & { objects?: ObjectEntry[] }>
}

/** The URL a source is known by, before or without fetching (no credentials). */
export function sourceAddress(s: Source): string {
  switch (s.kind) {
    case 'git':
    case 'http':
      return s.url
    case 'host_path':
      return fileUrlOf(s.hostPath)
    default:
      return s.uri
  }
}

export function sourceOutput(o: Outcome): SourceOutput {
  const s = o.source
  const r = o.result!
  return {
    kind: s.kind,
    url: r.url,
    revision: r.revision ?? (s.kind === 'git' ? (s.revision ?? '') : ''),
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
export function plannedSourcesOutput(sources: Source[]): Record<string, SourceOutput> {
  const out: Record<string, SourceOutput> = {}
  for (const s of sources) {
    const revision = s.kind === 'git' ? (s.revision ?? '') : ''
    out[s.name] = { kind: s.kind, url: sourceAddress(s), revision, ref: '', commit: '', digest: '', path: s.dest, files: 0, bytes: 0 }
  }
  return out
}

export function lockFile(plan: Plan, outcomes: Outcome[], now = new Date()): LockFile {
  const sources: LockFile['sources'] = {}
  for (const o of outcomes) {
    if (!o.result) continue
    sources[o.source.name] = { ...sourceOutput(o), ...(o.result.objects ? { objects: o.result.objects } : {}) }
  }
  return { version: 1, specDigest: plan.specDigest, time: now.toISOString(), dialect: plan.dialect, sources }
}
