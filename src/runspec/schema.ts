import { z } from 'zod'
import { INSIDE_PATH } from './patterns.js'

/**
 * The native run spec (`version: 1`). Schemas are pure: no defaults that need the environment,
 * no side effects. Objects are strict so a typo is an error with a suggestion, never ignored.
 */

const relPath = z.string().min(1, 'must not be empty')

const insidePath = (field: string) =>
  relPath.regex(INSIDE_PATH, `${field} is a path inside the source: relative (no leading "/", "\\" or drive letter), without ".." segments`)

/** known_hosts lines trusted for SSH (git connections). */
export const knownHostsSchema = z.union([z.string(), z.array(z.string())]).describe('known_hosts lines trusted for SSH')

export const secretRefSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty').describe('Secret name, looked up in the `secrets` input then the environment'),
  items: z.array(z.string().min(1)).optional().describe('Only these keys of the secret'),
  mountPath: z.string().min(1).optional().describe('Write the keys as files under this directory (inside RUNNER_TEMP)')
})

/** `schema:` of a connection, by catalog kind; each kind of source declares its own. */
export type ConnectionSchemas = Readonly<Record<string, z.ZodType>>

/** What a kind's schema builder may use besides zod: schemas the spec shares. */
export const sharedSchemas = { knownHosts: knownHostsSchema }

/**
 * The part of zod a kind's schema is made of. Named one by one: handing zod's whole namespace
 * around would keep every part of it (and every locale) in the bundle.
 */
const kit = { strictObject: z.strictObject, string: z.string, boolean: z.boolean, array: z.array, record: z.record }
export type SchemaKit = typeof kit

/**
 * Builds a catalog kind's `schema:` with the zod it is handed. A kind never imports zod itself:
 * the schema library is loaded when a connection is validated, and a run of one repository
 * (checkout or quick mode) never loads it.
 */
export type SchemaBuilder = (zod: SchemaKit, shared: typeof sharedSchemas) => z.ZodType
export type ConnectionSchemaBuilders = Readonly<Record<string, SchemaBuilder>>

const built = new Map<string, z.ZodType>()

/** The `schema:` of a catalog kind, built on first use (once per run: zod compiles it on its first parse). */
export function connectionSchema(builders: ConnectionSchemaBuilders, kind: string): z.ZodType | undefined {
  const build = builders[kind]
  if (!build) return undefined
  let schema = built.get(kind)
  if (!schema) built.set(kind, (schema = build(kit, sharedSchemas)))
  return schema
}

/** Every kind's `schema:` built (the JSON Schema needs them all). */
export function connectionSchemas(builders: ConnectionSchemaBuilders): ConnectionSchemas {
  return Object.fromEntries(Object.keys(builders).map((kind) => [kind, connectionSchema(builders, kind)!]))
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/

const baseSchemas = new Map<string, ReturnType<typeof makeConnectionBaseSchema>>()

/**
 * The common fields of a catalog entry; `kind` is one of `kinds` (the registry's and the unusable
 * ones). Made once per list of kinds: zod compiles a schema on its first parse, and compiling one
 * per catalog entry made a 50,000-entry catalog take 7 s.
 */
export function connectionBaseSchema(kinds: readonly string[]) {
  const key = kinds.join('\0')
  let schema = baseSchemas.get(key)
  if (!schema) baseSchemas.set(key, (schema = makeConnectionBaseSchema(kinds)))
  return schema
}

function makeConnectionBaseSchema(kinds: readonly string[]) {
  return z.strictObject({
    name: z.string().regex(NAME, 'use letters, digits, ".", "_" and "-", starting with a letter or digit'),
    kind: z.enum(kinds as [string, ...string[]]),
    description: z.string().optional(),
    tags: z.array(z.string()).optional(),
    schema: z.record(z.string(), z.unknown()).optional(),
    secret: secretRefSchema.optional()
  })
}

/** For the generated JSON Schema only: one branch per kind so editors complete `schema:`. */
export function connectionSchemaForJson(schemas: ConnectionSchemas) {
  const base = connectionBaseSchema(Object.keys(schemas))
  const branches = Object.entries(schemas).map(([kind, schema]) => base.extend({ kind: z.literal(kind), schema: schema.optional() }))
  return z.discriminatedUnion('kind', branches as never)
}

export const gitOptionsSchema = z.strictObject({
  url: z.string().min(1).optional(),
  revision: z.string().min(1).optional(),
  depth: z.int().min(0, 'use 0 for full history or a positive depth').optional(),
  submodules: z.union([z.boolean(), z.literal('recursive')]).optional(),
  lfs: z.boolean().optional(),
  sparse: z.array(insidePath('each `sparse` entry')).optional(),
  tags: z.boolean().optional(),
  flags: z.array(z.string()).optional()
})

export const artifactsSchema = z.strictObject({
  files: z.array(relPath).optional(),
  dirs: z.array(relPath).optional()
})

export const pathsSchema = z.array(z.union([relPath, z.tuple([relPath, relPath])]))

/** One native source; `kinds` are the registry's source kinds (for an inline `url`'s `kind:`). */
export function sourceSchema(kinds: readonly string[]) {
  return z.strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, ".", "_" and "-"')
      .optional(),
    connection: z.string().min(1).optional(),
    kind: z
      .enum(kinds as [string, ...string[]])
      .optional()
      .describe('Forces the kind of an inline `url`'),
    url: z.string().min(1).optional(),
    git: gitOptionsSchema.optional(),
    artifacts: artifactsSchema.optional(),
    paths: pathsSchema.optional(),
    path: relPath.optional(),
    primary: z.boolean().optional(),
    sync: z.boolean().optional(),
    unpack: z.boolean().optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
      .optional(),
    headers: z.record(z.string(), z.string()).optional(),
    secret: secretRefSchema.optional().describe('A secret for an inline `url` source (a connection carries its own)'),
    subdirectory: insidePath('`subdirectory`').optional(),
    timeout: z.number().positive().optional().describe('Seconds without progress before giving up'),
    cache: z
      .union([z.boolean(), z.literal('read-only')])
      .optional()
      .describe(
        'Restore this source from the GitHub Actions cache and save it there (true), only restore (read-only), or neither (false); default: the `cache` input'
      )
  })
}

export const nativeSpecSchema = z.strictObject({
  version: z.literal(1, 'the native spec is `version: 1`'),
  dialect: z.literal('native').optional(),
  connections: z.array(z.unknown()).optional(),
  artifactsStore: z.unknown().optional(),
  sources: z.array(z.unknown()).min(1, 'list at least one source'),
  entrypoint: insidePath('`entrypoint`').optional()
})

export type SourceSpec = z.infer<ReturnType<typeof sourceSchema>>
export type GitOptions = z.infer<typeof gitOptionsSchema>
