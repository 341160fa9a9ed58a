import { z } from 'zod'

/**
 * The native run spec (`version: 1`). Schemas are pure: no defaults that need the environment,
 * no side effects. Objects are strict so a typo is an error with a suggestion, never ignored.
 */

const relPath = z.string().min(1, 'must not be empty')

/**
 * A path inside a source (an entry point, a sparse directory, a subdirectory): relative, with no
 * `..` segment, `/` or `\` separated — a spec shared between runners must not name a path
 * outside what it fetches on any OS. A pattern, not a refinement, so the JSON Schema has it too.
 */
export const INSIDE_PATH = /^(?![\\/])(?![A-Za-z]:)(?!(?:.*[\\/])?\.\.(?:[\\/]|$)).+$/
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

/** The contract's allow-listed git flags; each is mapped to an option, anything else is refused. */
export const GIT_FLAG_PATTERN = /^(--depth[ =]\d+|--recurse-submodules|--shallow-submodules|--single-branch|--no-tags|--filter=\S+|--experimental-fetch)$/

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
