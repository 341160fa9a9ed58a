/**
 * Writes schema/run-spec.schema.json from the zod schemas, so editors can complete and validate
 * native spec files (`# yaml-language-server: $schema=…`). CI checks the committed file is fresh.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { kinds } from '../src/fetchers/registry.js'
import { UNUSABLE_CONNECTION_KINDS } from '../src/runspec/model.js'
import { connectionSchemaForJson, connectionSchemas, nativeSpecSchema, sourceSchema } from '../src/runspec/schema.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Kinds that cannot back a source on a runner are accepted in a catalog with any schema.
const unusable = Object.fromEntries(Object.keys(UNUSABLE_CONNECTION_KINDS).map((k) => [k, z.looseObject({})]))
const connection = connectionSchemaForJson({ ...connectionSchemas(kinds.connectionSchemas), ...unusable })
const spec = nativeSpecSchema.extend({
  connections: z.array(connection).optional().describe('The connections catalog (Polyaxon connection schema)'),
  artifactsStore: connection.optional().describe('Default connection for sources with `artifacts`/`paths` and no connection'),
  sources: z
    .array(sourceSchema(kinds.list.map((k) => k.kind)))
    .min(1)
    .describe('What to fetch, in order')
})
const json = {
  $id: 'https://github.com/fetch-sources/fetch-sources/schema/run-spec.schema.json',
  title: 'fetch-sources run spec (native, version 1)',
  ...z.toJSONSchema(spec, { target: 'draft-2020-12', io: 'input' })
}
const out = path.join(root, 'schema', 'run-spec.schema.json')
await fs.mkdir(path.dirname(out), { recursive: true })
await fs.writeFile(out, JSON.stringify(json, null, 2) + '\n')
console.log(`wrote ${path.relative(root, out)}`)
