import type { SpecError } from '../../util/errors.js'
import type { SpecDocument } from '../document.js'
import { parseAt } from '../issues.js'
import { nativeSpecSchema, sourceSchema } from '../schema.js'
import type { Located, SourceDraft, Translation } from '../translation.js'

/** `version: 1` specs: already the native model; only validated and located. */
export function translateNative(doc: SpecDocument, value: unknown, errors: SpecError[]): Translation | undefined {
  const top = parseAt(nativeSpecSchema, value, doc, [])
  if (!top.ok) {
    errors.push(...top.errors)
    return undefined
  }
  const sources: Array<Located<SourceDraft>> = []
  top.data.sources.forEach((raw, i) => {
    const parsed = parseAt(sourceSchema, raw, doc, ['sources', i])
    if (parsed.ok) sources.push({ value: parsed.data, doc, path: ['sources', i] })
    else errors.push(...parsed.errors)
  })
  const t: Translation = {
    dialect: 'native',
    detectedBy: 'version: 1',
    connections: (top.data.connections ?? []).map((v, i) => ({ value: v, doc, path: ['connections', i] })),
    sources,
    exposeConnections: [],
    warnings: []
  }
  if (top.data.artifactsStore !== undefined) t.artifactsStore = { value: top.data.artifactsStore, doc, path: ['artifactsStore'] }
  if (top.data.entrypoint !== undefined) t.entrypoint = { value: top.data.entrypoint, doc, path: ['entrypoint'] }
  return t
}
