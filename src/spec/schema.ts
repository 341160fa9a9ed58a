import { z } from 'zod'
import { CONNECTION_KINDS, SOURCE_KINDS } from './model.js'

/**
 * The native run spec (`version: 1`). Schemas are pure: no defaults that need the environment,
 * no side effects. Objects are strict so a typo is an error with a suggestion, never ignored.
 */

const relPath = z.string().min(1, 'must not be empty')

export const secretRefSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty').describe('Secret name, looked up in the `secrets` input then the environment'),
  items: z.array(z.string().min(1)).optional().describe('Only these keys of the secret'),
  mountPath: z.string().min(1).optional().describe('Write the keys as files under this directory (inside RUNNER_TEMP)')
})

const knownHosts = z.union([z.string(), z.array(z.string())]).describe('known_hosts lines trusted for SSH')
const httpsOrSsh = z.string().min(1, 'must not be empty')

/** `schema:` of a connection, by kind. */
export const connectionSchemas = {
  git: z.strictObject({ url: httpsOrSsh, revision: z.string().optional(), flags: z.array(z.string()).optional(), knownHosts: knownHosts.optional() }),
  github: z.strictObject({
    owner: z.string().min(1),
    repository: z.string().min(1),
    host: z.string().optional(),
    apiUrl: z.string().optional(),
    url: z.string().optional(),
    knownHosts: knownHosts.optional()
  }),
  gitlab: z.strictObject({
    group: z.string().min(1),
    project: z.string().min(1),
    host: z.string().optional(),
    instanceUrl: z.string().optional(),
    url: z.string().optional(),
    knownHosts: knownHosts.optional()
  }),
  s3: z.strictObject({
    bucket: z.string().min(1),
    endpoint: z.string().optional(),
    region: z.string().optional(),
    forcePathStyle: z.boolean().optional(),
    requesterPays: z.boolean().optional()
  }),
  gcs: z.strictObject({ bucket: z.string().min(1), endpoint: z.string().optional(), projectId: z.string().optional(), requesterPays: z.boolean().optional() }),
  wasb: z.strictObject({ bucket: z.string().min(1), endpoint: z.string().optional() }),
  oci: z.strictObject({
    bucket: z.string().min(1),
    namespace: z.string().optional(),
    region: z.string().optional(),
    endpoint: z.string().optional(),
    forcePathStyle: z.boolean().optional()
  }),
  http: z.strictObject({ url: z.string().min(1), headers: z.record(z.string(), z.string()).optional() }),
  host_path: z.strictObject({ hostPath: z.string().min(1), mountPath: z.string().optional(), readOnly: z.boolean().optional() }),
  // Accepted in a catalog (Polyaxon agents have them) but cannot back a source on a runner.
  volume_claim: z.looseObject({}),
  registry: z.looseObject({}),
  slack: z.looseObject({}),
  custom: z.looseObject({})
} satisfies Record<(typeof CONNECTION_KINDS)[number], z.ZodType>

export const connectionBaseSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, ".", "_" and "-", starting with a letter or digit'),
  kind: z.enum(CONNECTION_KINDS),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  schema: z.record(z.string(), z.unknown()).optional(),
  secret: secretRefSchema.optional()
})

/** For the generated JSON Schema only: one branch per kind so editors complete `schema:`. */
export function connectionSchemaForJson() {
  const branches = CONNECTION_KINDS.map((kind) => connectionBaseSchema.extend({ kind: z.literal(kind), schema: connectionSchemas[kind].optional() }))
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
  sparse: z.array(relPath).optional(),
  tags: z.boolean().optional(),
  flags: z.array(z.string()).optional()
})

export const artifactsSchema = z.strictObject({
  files: z.array(relPath).optional(),
  dirs: z.array(relPath).optional()
})

export const pathsSchema = z.array(z.union([relPath, z.tuple([relPath, relPath])]))

export const sourceSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, ".", "_" and "-"')
    .optional(),
  connection: z.string().min(1).optional(),
  kind: z.enum(SOURCE_KINDS).optional().describe('Forces the kind of an inline `url`'),
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
  subdirectory: relPath.optional(),
  timeout: z.number().positive().optional().describe('Seconds without progress before giving up')
})

export const nativeSpecSchema = z.strictObject({
  version: z.literal(1, 'the native spec is `version: 1`'),
  dialect: z.literal('native').optional(),
  connections: z.array(z.unknown()).optional(),
  artifactsStore: z.unknown().optional(),
  sources: z.array(z.unknown()).min(1, 'list at least one source'),
  entrypoint: z.string().min(1).optional()
})

export type SourceSpec = z.infer<typeof sourceSchema>
export type ConnectionSpec = z.infer<typeof connectionBaseSchema>
export type GitOptions = z.infer<typeof gitOptionsSchema>
