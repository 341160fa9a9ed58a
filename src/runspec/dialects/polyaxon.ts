import { z } from 'zod'
import type { SpecError } from '../../util/errors.js'
import { nameFromUrl } from '../../util/urls.js'
import type { DocPath, SpecDocument } from '../document.js'
import { collect } from '../issues.js'
import { artifactsSchema, pathsSchema } from '../schema.js'
import type { SourceDraft, Translation } from '../translation.js'
import type { Dialect, DialectInput } from './dialect.js'
import { emptyTranslation, isRecord, joinRelative, uniqueName, workspaceRelative } from './common.js'

/**
 * Polyaxon polyaxonfiles (v1 components and operations, and the older `kind: experiment`).
 * Only what decides which code and data land where is read: `run.init`, `params` with
 * `connection` + `toInit`, `run.connections`, `build.commit` and an inline catalog. Everything
 * else in a polyaxonfile (container, environment, resources, hooks, …) is about running the job,
 * which the workflow's later steps do, so it is tolerated and ignored.
 */

const gitSchema = z.strictObject({
  url: z.string().min(1).optional(),
  revision: z.string().min(1).optional(),
  flags: z.array(z.string()).optional()
})

/** Init types that only mean something inside a Polyaxon deployment: refused with the reason. */
const REFUSED_INIT: Record<string, string> = {
  dockerfile: 'generates a Dockerfile inside the Polyaxon pod; build images in a workflow step (e.g. docker/build-push-action)',
  file: 'writes an inline file inside the Polyaxon pod; write it in a workflow step instead',
  tensorboard: "prepares TensorBoard logs of Polyaxon runs, which exist only in a Polyaxon deployment's artifacts",
  lineageRef: "refers to Polyaxon's lineage, which exists only in a Polyaxon deployment",
  modelRef: "refers to Polyaxon's model registry, which exists only in a Polyaxon deployment",
  artifactRef: "refers to Polyaxon's artifact registry, which exists only in a Polyaxon deployment"
}

const initSchema = z.strictObject({
  connection: z.string().min(1).optional(),
  git: gitSchema.optional(),
  artifacts: artifactsSchema.optional(),
  paths: pathsSchema.optional(),
  path: z.string().min(1).optional(),
  container: z.unknown().optional(),
  ...Object.fromEntries(Object.keys(REFUSED_INIT).map((k) => [k, z.unknown().optional()]))
})
type InitEntry = z.infer<typeof initSchema>

const runSchema = z.looseObject({
  kind: z.string().optional(),
  init: z.array(z.unknown()).optional(),
  connections: z.array(z.string().min(1)).optional(),
  container: z.unknown().optional()
})

const paramSchema = z.looseObject({
  connection: z.string().min(1).optional(),
  toInit: z.boolean().optional(),
  /** The spelling in Polyaxon's git connection docs. */
  init: z.boolean().optional(),
  value: z.unknown().optional()
})

/** A param's `value` when it is initialized: git options or an artifacts selection. */
const paramValueSchema = z.strictObject({
  url: z.string().min(1).optional(),
  revision: z.string().min(1).optional(),
  flags: z.array(z.string()).optional(),
  files: z.array(z.string().min(1)).optional(),
  dirs: z.array(z.string().min(1)).optional()
})

const topSchema = z.looseObject({
  dialect: z.literal('polyaxon').optional(),
  version: z.union([z.number(), z.string()]).optional(),
  kind: z.enum(['component', 'operation', 'experiment']).optional(),
  run: z.unknown().optional(),
  component: z.unknown().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  build: z.looseObject({ commit: z.string().min(1).optional() }).optional(),
  connections: z.array(z.unknown()).optional(),
  artifactsStore: z.unknown().optional()
})

interface Context {
  doc: SpecDocument
  errors: SpecError[]
  t: Translation
  names: Set<string>
  buildCommit?: string
}

function translatePolyaxon({ doc, value, errors, detectedBy }: DialectInput): Translation | undefined {
  const top = collect(topSchema, value, doc, [], errors)
  if (!top) return undefined
  const t = emptyTranslation('polyaxon', detectedBy)
  const ctx: Context = { doc, errors, t, names: new Set(), ...(top.build?.commit ? { buildCommit: top.build.commit } : {}) }
  t.connections = (top.connections ?? []).map((v, i) => ({ value: v, doc, path: ['connections', i] }))
  if (top.artifactsStore !== undefined) t.artifactsStore = { value: top.artifactsStore, doc, path: ['artifactsStore'] }

  // An operation may carry its component inline; a hub/path/url reference cannot be resolved here.
  let runPath: DocPath = ['run']
  let run = top.run
  if (run === undefined && isRecord(top.component)) {
    runPath = ['component', 'run']
    run = top.component.run
  }
  let params = top.params
  // Polyaxon's git docs show `params: {kind: job, init: [...]}` where `run:` is meant.
  if (run === undefined && params && Array.isArray(params.init) && typeof params.kind === 'string') {
    t.warnings.push(doc.error("`params` holds `kind` and `init` like a `run:` block (as in Polyaxon's git connection docs): read as `run:`", ['params']))
    run = params
    runPath = ['params']
    params = undefined
  }

  if (run !== undefined && run !== null) {
    const parsed = collect(runSchema, run, doc, runPath, errors)
    if (parsed && parsed.kind !== undefined && parsed.kind !== 'job' && parsed.kind !== 'service') {
      // dags, distributed jobs and tuners run many containers, each with its own init: not one checkout.
      errors.push(
        doc.error(`run.kind "${parsed.kind}" is not supported: only job and service runs have one set of init entries to reproduce`, [...runPath, 'kind'])
      )
    } else if (parsed) {
      parsed.init?.forEach((raw, i) => {
        const entry = collect(initSchema, raw, doc, [...runPath, 'init', i], errors)
        if (entry) addInit(ctx, entry, [...runPath, 'init', i])
      })
      t.exposeConnections = parsed.connections ?? []
    }
  }
  for (const [name, raw] of Object.entries(params ?? {})) addParam(ctx, name, raw)

  if (t.sources.length === 0 && t.exposeConnections.length === 0 && errors.length === 0) {
    const refs = ['hubRef', 'pathRef', 'urlRef', 'dagRef'].filter((k) => isRecord(value) && k in value)
    errors.push(
      doc.error(
        refs.length
          ? `this operation refers to its component with \`${refs[0]}\`, which is resolved by a Polyaxon deployment: inline the component under \`component:\``
          : 'nothing to fetch: list sources as `run.init` entries (`connection`, `git`, `artifacts`, `paths`) or as `params` with `connection` and `toInit: true`',
        refs.length ? [] : run !== undefined ? runPath : []
      )
    )
  }
  return errors.length ? undefined : t
}

/** A `params` entry with a connection (or an artifacts value) and `toInit`/`init: true` is an init. */
function addParam(ctx: Context, name: string, raw: unknown): void {
  if (!isRecord(raw)) return // a plain value param: an input of the container, nothing to fetch
  const at: DocPath = ['params', name]
  const p = collect(paramSchema, raw, ctx.doc, at, ctx.errors)
  if (!p) return
  if (!(p.toInit || p.init)) return // exposed to the container, not initialized: nothing to fetch
  const v = p.value === undefined || p.value === null ? {} : p.value
  const value = collect(paramValueSchema, v, ctx.doc, [...at, 'value'], ctx.errors)
  if (!value) return
  const { url, revision, flags, files, dirs } = value
  const isGit = url !== undefined || revision !== undefined || flags !== undefined
  if (isGit && (files || dirs))
    return void ctx.errors.push(
      ctx.doc.error('a param value is either git options (url, revision, flags) or an artifacts selection (files, dirs), not both', [...at, 'value'])
    )
  if (!p.connection && !files && !dirs && !url) {
    return void ctx.errors.push(ctx.doc.error(`param "${name}" has \`toInit\` but nothing to initialize: add \`connection: <name>\``, at))
  }
  const entry: InitEntry = {
    ...(p.connection ? { connection: p.connection } : {}),
    ...(isGit ? { git: { ...(url ? { url } : {}), ...(revision ? { revision } : {}), ...(flags ? { flags } : {}) } } : {}),
    ...(files || dirs ? { artifacts: { ...(files ? { files } : {}), ...(dirs ? { dirs } : {}) } } : {})
  }
  addInit(ctx, entry, at, name)
}

function addInit(ctx: Context, e: InitEntry, at: DocPath, sourceName?: string): void {
  const { doc, errors, t } = ctx
  for (const key of Object.keys(REFUSED_INIT)) {
    if ((e as Record<string, unknown>)[key] !== undefined)
      return void errors.push(doc.error(`init \`${key}\` is not supported: it ${REFUSED_INIT[key]}`, at, key))
  }
  if (e.container !== undefined) {
    t.warnings.push(
      doc.error(
        '`container:` ignored: a custom init container cannot run on a GitHub runner; the connection is fetched by fetch-sources itself (post-process it in a later step)',
        at,
        'container'
      )
    )
  }
  if (e.git && (e.artifacts || e.paths))
    return void errors.push(doc.error('an init entry is either `git` or `artifacts`/`paths`, not both: split it in two', at, 'git'))
  if (e.git && !e.git.url && !e.connection) {
    return void errors.push(
      doc.error('a git init needs a `connection` or `git.url` (Polyaxon refuses it too): name a git connection or give `git: {url: …}`', at, 'git')
    )
  }
  if (!e.connection && !e.git && !e.artifacts && !e.paths) {
    return void errors.push(doc.error('an init entry needs a `connection`, `git: {url: …}`, `artifacts` or `paths`', at))
  }
  // Polyaxon clones and downloads into `<path>/<connection name>`; without a path, the runner's
  // equivalent of its context root is the workspace itself. Artifacts-store entries land at the
  // artifacts root, `path` or `artifacts`.
  const root = e.path !== undefined ? workspaceRelative(e.path) : ''
  const base = e.connection ?? (e.git?.url ? nameFromUrl(e.git.url) : undefined)
  const dest = base !== undefined ? joinRelative(root, base) : root || 'artifacts'
  const draft: SourceDraft = {
    name: uniqueName(sourceName ?? base ?? 'artifacts', ctx.names),
    path: dest,
    ...(e.connection ? { connection: e.connection } : {}),
    ...(e.git ? { git: e.git } : {}),
    ...(e.artifacts ? { artifacts: e.artifacts } : {}),
    ...(e.paths ? { paths: e.paths } : {}),
    ...(ctx.buildCommit && !e.git?.revision ? { defaultRevision: ctx.buildCommit } : {})
  }
  t.sources.push({ value: draft, doc, path: at })
}

export const polyaxon: Dialect = {
  name: 'polyaxon',
  expects: '`kind: component|operation|experiment`, or `run:` with `init`/`connections`, or `params` with `connection` + `toInit`',
  shape: (v) => {
    const run = isRecord(v.run) ? v.run : isRecord(v.component) && isRecord(v.component.run) ? v.component.run : undefined
    const params = isRecord(v.params) ? v.params : undefined
    const initParams = params && Object.values(params).some((p) => isRecord(p) && 'connection' in p && (p.toInit === true || p.init === true))
    if (run?.init) return 'run.init'
    if (initParams) return 'params'
    if (params && Array.isArray(params.init)) return 'params.init'
    if (run?.connections) return 'run.connections'
    if (typeof v.kind === 'string' && ['component', 'operation', 'experiment'].includes(v.kind)) return `kind: ${v.kind}`
    return undefined
  },
  translate: translatePolyaxon
}
