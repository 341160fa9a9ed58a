import { collect } from '../issues.js'
import { nativeSpecSchema, sourceSchema } from '../schema.js'
import type { Located, SourceDraft, Translation } from '../translation.js'
import type { Dialect } from './dialect.js'

/** `version: 1` specs: already the native model; only validated and located. */
export const native: Dialect = {
  name: 'native',
  expects: '`version: 1` with `sources:`',
  // A wrong `version` still reads as native, so the version error is the one reported.
  shape: (v) => ('sources' in v && ('version' in v || !('kind' in v)) ? 'version: 1' : undefined),

  translate({ doc, value, errors, detectedBy, kinds }) {
    const top = collect(nativeSpecSchema, value, doc, [], errors)
    if (!top) return undefined
    const schema = sourceSchema(kinds)
    const sources: Array<Located<SourceDraft>> = []
    top.sources.forEach((raw, i) => {
      const parsed = collect(schema, raw, doc, ['sources', i], errors)
      if (parsed) sources.push({ value: parsed, doc, path: ['sources', i] })
    })
    const t: Translation = {
      dialect: 'native',
      detectedBy,
      connections: (top.connections ?? []).map((v, i) => ({ value: v, doc, path: ['connections', i] })),
      sources,
      exposeConnections: [],
      warnings: []
    }
    if (top.artifactsStore !== undefined) t.artifactsStore = { value: top.artifactsStore, doc, path: ['artifactsStore'] }
    if (top.entrypoint !== undefined) t.entrypoint = { value: top.entrypoint, doc, path: ['entrypoint'] }
    return t
  }
}
