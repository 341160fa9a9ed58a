import * as path from 'node:path'
import { SpecError, type SourceLocation } from '../util/errors.js'
import type { Secret } from '../connections/secret.js'
import type { SecretStore } from '../connections/store.js'
import { didYouMean } from '../util/suggest.js'
import { gitUrlProblem, kindOfUrl, nameFromUrl } from '../util/urls.js'
import type { DocPath } from './document.js'
import { gitSettings } from '../fetchers/git/options.js'
import type { BucketKind, Connection, GitSource, Selection, Source, SourceKind } from './model.js'
import type { Located, SourceDraft } from './translation.js'

export interface SourceBuildContext {
  catalog: Map<string, Connection>
  /** Default connection for `artifacts`/`paths` sources that name none (Polyaxon artifactsStore). */
  artifactsStore?: string
  workspace: string
  secrets: SecretStore
}

const UNUSABLE: Partial<Record<Connection['kind'], string>> = {
  volume_claim: 'a Kubernetes volume claim cannot be mounted on a GitHub runner',
  registry: 'a container registry holds images, not sources (use docker/login-action)',
  slack: 'a Slack connection is a notification target, not a source',
  custom: 'a custom connection has no fetcher'
}

/**
 * Destination inside the workspace, or undefined when it escapes it. A spec is shared between
 * runners, so `\` separates segments on every OS, and a drive-letter path (`C:\data`, `D:foo`)
 * is never a relative name: on Windows it is checked like any absolute path, elsewhere refused.
 * `p` is the path flavour (tests pass `path.win32`).
 */
export function resolveInside(workspace: string, relative: string, p: path.PlatformPath = path): string | undefined {
  const normal = relative.replace(/\\/g, '/')
  if (/^[A-Za-z]:/.test(normal) && p.sep === '/') return undefined
  const dest = p.resolve(workspace, normal)
  const rel = p.relative(workspace, dest)
  if (rel === '' || rel === '..' || rel.startsWith('..' + p.sep) || p.isAbsolute(rel)) return undefined
  return dest
}

function sourceKindOf(connection: Connection): SourceKind | undefined {
  switch (connection.kind) {
    case 'git':
    case 'github':
    case 'gitlab':
      return 'git'
    case 's3':
    case 'gcs':
    case 'wasb':
    case 'oci':
    case 'http':
    case 'host_path':
      return connection.kind
    default:
      return undefined
  }
}

function selectionOf(d: SourceDraft): Selection {
  return {
    files: d.artifacts?.files ?? [],
    dirs: d.artifacts?.dirs ?? [],
    paths: (d.paths ?? []).map((p) => (typeof p === 'string' ? [p, p] : [p[0], p[1]]))
  }
}

/** Builds one resolved source from a draft, or throws a located SpecError. */
export function buildSource(draft: Located<SourceDraft>, ctx: SourceBuildContext): Source {
  const d = draft.value
  const at = (sub: DocPath = [], key?: string) => draft.doc.locate([...draft.path, ...sub], key)
  const fail = (message: string, sub: DocPath = [], key?: string): never => {
    throw new SpecError(message, at(sub, key))
  }

  let connection: Connection | undefined
  if (d.connection !== undefined) {
    connection = ctx.catalog.get(d.connection)
    if (!connection) {
      const known = [...ctx.catalog.keys()]
      fail(
        `unknown connection "${d.connection}"${didYouMean(d.connection, known)}` +
          (known.length ? '' : ' (the catalog is empty: define `connections:` in the spec or pass the `connections` input)'),
        ['connection']
      )
    }
    if (d.url !== undefined) fail('give either `connection` or `url`, not both (override a git URL with `git: {url: …}`)', ['url'])
  } else if (d.url === undefined && d.git?.url === undefined) {
    if ((d.artifacts || d.paths) && ctx.artifactsStore) connection = ctx.catalog.get(ctx.artifactsStore)
    if (!connection) fail('a source needs a `connection` (a name from the catalog) or a `url`')
  }

  const url = d.url ?? d.git?.url
  let kind: SourceKind | undefined
  if (connection) {
    kind = sourceKindOf(connection)
    if (!kind) fail(`connection "${connection.name}" is of kind ${connection.kind}: ${UNUSABLE[connection.kind]}`, ['connection'])
  } else {
    kind = d.kind ?? (d.url !== undefined ? kindOfUrl(d.url) : 'git')
    if (!kind) fail(`cannot tell what kind of source "${url}" is: set \`kind:\` (git, s3, gcs, wasb, oci, http or host_path)`, ['url'])
  }
  if (d.kind !== undefined && d.kind !== kind) fail(`kind "${d.kind}" does not match connection "${connection?.name}" of kind ${connection?.kind}`, ['kind'])
  const k = kind as SourceKind

  // Options that belong to other kinds are mistakes, not things to ignore.
  if (d.git && k !== 'git') fail(`\`git\` options apply to git sources, not ${k}`, ['git'])
  if ((d.artifacts || d.paths) && (k === 'git' || k === 'http'))
    fail(`\`${d.artifacts ? 'artifacts' : 'paths'}\` selects objects of a bucket or a host path; for git use \`git: {sparse: [...]}\``, [
      d.artifacts ? 'artifacts' : 'paths'
    ])
  if ((d.unpack !== undefined || d.sha256 !== undefined) && k !== 'http')
    fail(`\`${d.unpack !== undefined ? 'unpack' : 'sha256'}\` applies to http sources only`, [d.unpack !== undefined ? 'unpack' : 'sha256'])
  if (d.sync !== undefined && (k === 'git' || k === 'http')) fail('`sync` applies to buckets and host paths', ['sync'])
  if (d.subdirectory !== undefined && k !== 'git') fail('`subdirectory` applies to git sources', ['subdirectory'])

  const name = d.name ?? connection?.name ?? nameFromUrl(url ?? '')
  const relPath = d.path ?? name
  const dest = resolveInside(ctx.workspace, relPath)
  if (!dest)
    fail(`destination "${relPath}" resolves outside the workspace or to the workspace itself (${ctx.workspace}): use a subdirectory`, d.path ? ['path'] : [])

  const secret = resolveSecret(d, connection, name, ctx.secrets, at)
  const common = {
    name,
    dest: dest!,
    relPath: path.relative(ctx.workspace, dest!) || '.',
    primary: d.primary ?? false,
    origin: at(),
    ...(connection ? { connection: connection.name } : {}),
    ...(secret ? { secret } : {}),
    ...(d.timeout !== undefined ? { timeout: d.timeout } : {})
  }
  const schema = connection?.schema ?? {}

  switch (k) {
    case 'git': {
      const provider = connection ? providerOf(connection) : undefined
      const gitUrl = d.git?.url ?? (schema.url as string | undefined) ?? provider?.url ?? url!
      const problem = gitUrlProblem(gitUrl)
      if (problem) fail(problem, d.git?.url ? ['git', 'url'] : d.url ? ['url'] : ['connection'])
      const settings = gitSettings(d.git, (schema.flags as string[] | undefined) ?? [])
      if ('refused' in settings) fail(settings.refused, settings.index >= 0 ? ['git', 'flags', settings.index] : ['connection'])
      const revision = d.git?.revision ?? d.defaultRevision ?? (schema.revision as string | undefined)
      if (revision !== undefined && /^-|\s|\.\.|[~^:?*[\\]|@\{/.test(revision))
        fail(`revision "${revision}" is not a valid branch, tag, SHA or ref`, ['git', 'revision'])
      const known = schema.knownHosts as string | string[] | undefined
      const source: GitSource = {
        ...common,
        kind: 'git',
        url: gitUrl,
        ...(settings as Exclude<typeof settings, { refused: string }>),
        ...(revision !== undefined ? { revision } : {}),
        ...(d.subdirectory !== undefined ? { subdirectory: d.subdirectory } : {}),
        ...(provider ? { provider: provider.api } : {}),
        ...(known !== undefined ? { knownHosts: Array.isArray(known) ? known.join('\n') : known } : {}),
        ...(d.proxy ? { proxy: d.proxy } : {})
      }
      return source
    }
    case 's3':
    case 'gcs':
    case 'wasb':
    case 'oci': {
      const uri = (schema.bucket as string | undefined) ?? url!
      const expected = { s3: ['s3://'], gcs: ['gs://'], wasb: ['wasb://', 'wasbs://', 'az://'], oci: ['oci://'] }[k]
      if (!expected.some((p) => uri.startsWith(p)))
        fail(`"${uri}" is not a ${k} URI: it should start with ${expected.join(' or ')}`, d.url ? ['url'] : ['connection'])
      return { ...common, kind: k as BucketKind, uri, options: schema, selection: selectionOf(d), sync: d.sync ?? false }
    }
    case 'http': {
      const httpUrl = (schema.url as string | undefined) ?? url!
      if (!/^https?:\/\//i.test(httpUrl)) fail(`"${httpUrl}" is not an http(s) URL`, d.url ? ['url'] : ['connection'])
      const headers = { ...((schema.headers as Record<string, string> | undefined) ?? {}), ...(d.headers ?? {}) }
      return {
        ...common,
        kind: 'http',
        url: httpUrl,
        unpack: d.unpack ?? false,
        ...(d.sha256 ? { sha256: d.sha256.toLowerCase() } : {}),
        ...(Object.keys(headers).length ? { headers } : {})
      }
    }
    case 'host_path': {
      const raw = (schema.hostPath as string | undefined) ?? url!
      // `file:///C:/data` names a Windows drive path: drop the slash before the drive letter.
      const hostPath = path.resolve(ctx.workspace, raw.replace(/^file:\/\//, '').replace(/^\/([A-Za-z]:[\\/])/, '$1'))
      return { ...common, kind: 'host_path', hostPath, selection: selectionOf(d), sync: d.sync ?? false }
    }
  }
}

function providerOf(c: Connection): { url: string; api: NonNullable<GitSource['provider']> } | undefined {
  const s = c.schema as Record<string, string | undefined>
  if (c.kind === 'github') {
    const host = s.host ?? 'github.com'
    const web = s.url ?? `https://${host}`
    const apiUrl = s.apiUrl ?? (host === 'github.com' ? 'https://api.github.com' : `${web.replace(/\/$/, '')}/api/v3`)
    return { url: `${web.replace(/\/$/, '')}/${s.owner}/${s.repository}.git`, api: { type: 'github', apiUrl, owner: s.owner!, repo: s.repository! } }
  }
  if (c.kind === 'gitlab') {
    const web = (s.instanceUrl ?? s.url ?? `https://${s.host ?? 'gitlab.com'}`).replace(/\/$/, '')
    return { url: `${web}/${s.group}/${s.project}.git`, api: { type: 'gitlab', apiUrl: `${web}/api/v4`, owner: s.group!, repo: s.project! } }
  }
  return undefined
}

function resolveSecret(
  d: SourceDraft,
  connection: Connection | undefined,
  name: string,
  store: SecretStore,
  at: (sub?: DocPath, key?: string) => SourceLocation
): Secret | undefined {
  const ref = d.secret ?? connection?.secret
  if (!ref) return undefined
  const what = d.secret ? `source "${name}"` : `connection "${connection!.name}"`
  const location = d.secret ? at(['secret', 'name']) : connection!.origin
  let secret = store.require(ref.name, what, location)
  if (ref.items?.length) {
    const fields: Record<string, string> = {}
    for (const item of ref.items) {
      const v = secret.fields?.[item]
      if (v === undefined)
        throw new SpecError(
          `secret "${ref.name}" for ${what} has no key "${item}" (listed in \`items\`)${didYouMean(item, Object.keys(secret.fields ?? {}))}`,
          location
        )
      fields[item] = v
    }
    secret = { ...secret, fields }
  }
  if (d.secretKey !== undefined) {
    const v = secret.fields?.[d.secretKey]
    if (v === undefined)
      throw new SpecError(`secret "${ref.name}" for ${what} has no key "${d.secretKey}"${didYouMean(d.secretKey, Object.keys(secret.fields ?? {}))}`, location)
    secret = { name: secret.name, foundIn: secret.foundIn, raw: v }
  }
  if (d.username !== undefined) {
    secret = { name: secret.name, foundIn: secret.foundIn, raw: `${d.username}:${secret.raw}` }
  }
  return secret
}
