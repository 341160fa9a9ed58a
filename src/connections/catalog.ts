import { SpecError } from '../util/errors.js'
import { didYouMean } from '../util/suggest.js'
import type { SpecDocument } from '../runspec/document.js'
import { issuesToErrors, parseAt } from '../runspec/issues.js'
import type { Kinds } from '../runspec/kinds.js'
import type { Connection } from '../runspec/model.js'
import { connectionBaseSchema, connectionSchema } from '../runspec/schema.js'
import type { Located } from '../runspec/translation.js'
import { z } from 'zod'

/** Validates one catalog entry: the common fields, then `schema:` by its kind. */
export function parseConnection(entry: Located<unknown>, kinds: Kinds, errors: SpecError[]): Connection | undefined {
  const base = parseAt(connectionBaseSchema(kinds.connectionKinds), entry.value, entry.doc, entry.path)
  if (!base.ok) {
    errors.push(...base.errors)
    return undefined
  }
  const { name, kind, description, secret } = base.data
  // Kinds that cannot back a source (volume claims, registries, …) take any schema.
  const kindSchema = connectionSchema(kinds.connectionSchemas, kind) ?? z.looseObject({})
  const schemaPath = [...entry.path, 'schema']
  const parsed = z.safeParse(kindSchema, base.data.schema ?? {}, { reportInput: true })
  if (!parsed.success) {
    errors.push(...issuesToErrors(parsed.error.issues, kindSchema, entry.doc, schemaPath))
    return undefined
  }
  const connection: Connection = {
    name,
    kind,
    schema: parsed.data as Record<string, unknown>,
    origin: entry.doc.locate(entry.path)
  }
  if (description !== undefined) connection.description = description
  if (secret) connection.secret = secret
  return connection
}

/**
 * The catalog input: a list, `{connections: [...], artifactsStore: {...}}` (a Polyaxon agent
 * config), or one connection on its own (`{name, kind, schema, secret}`, as Polyaxon's docs show a
 * single connection).
 */
export function catalogEntries(doc: SpecDocument): { connections: Array<Located<unknown>>; artifactsStore?: Located<unknown> } {
  const value = doc.toJS()
  if (value === null) return { connections: [] }
  if (Array.isArray(value)) return { connections: value.map((v, i) => ({ value: v, doc, path: [i] })) }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>
    if ('name' in obj && 'kind' in obj && !('connections' in obj)) return { connections: [{ value: obj, doc, path: [] }] }
    for (const key of Object.keys(obj)) {
      if (key !== 'connections' && key !== 'artifactsStore') {
        throw doc.error(`unknown key "${key}" in the connections catalog${didYouMean(key, ['connections', 'artifactsStore'])}`, [], key)
      }
    }
    const list = obj.connections ?? []
    if (!Array.isArray(list)) throw doc.error('expected a list of connections', ['connections'])
    const out: { connections: Array<Located<unknown>>; artifactsStore?: Located<unknown> } = {
      connections: list.map((v, i) => ({ value: v, doc, path: ['connections', i] }))
    }
    if (obj.artifactsStore !== undefined) out.artifactsStore = { value: obj.artifactsStore, doc, path: ['artifactsStore'] }
    return out
  }
  throw doc.error('the connections catalog must be a list of connections, one connection, or {connections: [...], artifactsStore: {...}}', [])
}

/**
 * Merges catalogs: the spec's own connections win over the `connections` input's of the same name
 * (the input is a shared default catalog; the spec is the more specific word).
 */
export function buildCatalog(
  specEntries: Array<Located<unknown>>,
  inputEntries: Array<Located<unknown>>,
  kinds: Kinds,
  errors: SpecError[]
): Map<string, Connection> {
  const catalog = new Map<string, Connection>()
  for (const [entries, fromSpec] of [
    [inputEntries, false],
    [specEntries, true]
  ] as const) {
    const seen = new Set<string>()
    for (const entry of entries) {
      const c = parseConnection(entry, kinds, errors)
      if (!c) continue
      if (seen.has(c.name)) {
        errors.push(new SpecError(`connection "${c.name}" is defined twice in the same catalog; rename one`, c.origin))
        continue
      }
      seen.add(c.name)
      if (fromSpec || !catalog.has(c.name)) catalog.set(c.name, c)
    }
  }
  return catalog
}
