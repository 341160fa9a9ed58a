import * as path from 'node:path'
import { SpecError, type SourceLocation } from '../util/errors.js'
import { didYouMean } from '../util/suggest.js'
import { nameFromUrl } from '../util/urls.js'
import type { DocPath } from './document.js'
import type { KindBuilder, KindField, Kinds } from './kinds.js'
import { UNUSABLE_CONNECTION_KINDS, type Connection, type SecretHandle, type Selection, type SourceBase } from './model.js'
import type { DocLocator, Located, SourceDraft } from './translation.js'

/** A source's secret as the spec asks for it; `connections/` looks it up and reshapes it. */
export interface SecretRequest {
  name: string
  /** Only these keys of the secret. */
  items?: string[]
  /** Use this key of the secret as its whole value (ZenML `{{ name.key }}`). */
  key?: string
  /** Send the value as the password of this user (Gradient `username`). */
  username?: string
  /** Who needs it, for messages: `connection "repo-test"`. */
  what: string
  location?: SourceLocation
}

export interface SecretResolver {
  resolve(request: SecretRequest): SecretHandle
  /** A secret an action input holds itself (`ssh-key`). */
  fromInput(input: string): SecretHandle
  /** Whether a secret of that name exists (quick and checkout modes look one up by host). */
  has(name: string): boolean
  /** Masks the query and fragment of a URL the spec names: every URL query is treated as a secret. */
  protectUrl(url: string): void
}

export interface SourceBuildContext {
  catalog: Map<string, Connection>
  /** Default connection for `artifacts`/`paths` sources that name none (Polyaxon artifactsStore). */
  artifactsStore?: string
  workspace: string
  secrets: SecretResolver
  kinds: Kinds
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

/** Whether a destination names the workspace itself (`.`, `./`, `a/..`): a checkout lands there, as actions/checkout's does. */
export function isWorkspaceRoot(workspace: string, relative: string, p: path.PlatformPath = path): boolean {
  return p.resolve(workspace, relative.replace(/\\/g, '/')) === p.resolve(workspace)
}

/** `artifacts: {files, dirs}` and `paths` of a draft as one selection (buckets and host paths). */
export function selectionOf(d: SourceDraft): Selection {
  return {
    files: d.artifacts?.files ?? [],
    dirs: d.artifacts?.dirs ?? [],
    paths: (d.paths ?? []).map((p) => (typeof p === 'string' ? [p, p] : [p[0], p[1]]))
  }
}

/** What a kind-specific field is, when used on a kind that does not take it. */
const MISPLACED: Record<KindField, (kind: string, owners: string) => string> = {
  git: (k, owners) => `\`git\` options apply to ${owners} sources, not ${k}`,
  artifacts: (k) =>
    `\`artifacts\` selects objects of a bucket or a host path${k === 'git' ? '; for git use `git: {sparse: [...]}`' : `, not of a ${k} source`}`,
  paths: (k) => `\`paths\` selects objects of a bucket or a host path${k === 'git' ? '; for git use `git: {sparse: [...]}`' : `, not of a ${k} source`}`,
  unpack: (_k, owners) => `\`unpack\` applies to ${owners} sources only`,
  sha256: (_k, owners) => `\`sha256\` applies to ${owners} sources only`,
  sync: () => '`sync` applies to buckets and host paths',
  subdirectory: (_k, owners) => `\`subdirectory\` applies to ${owners} sources`
}

/** Options that belong to other kinds are mistakes, not things to ignore. */
function checkFields(d: SourceDraft, kind: KindBuilder, kinds: Kinds, fail: (m: string, sub: DocPath) => never): void {
  for (const field of Object.keys(MISPLACED) as KindField[]) {
    if (d[field] === undefined || kind.takes.includes(field)) continue
    const owners = kinds.list
      .filter((k) => k.takes.includes(field))
      .map((k) => k.kind)
      .join(', ')
    fail(MISPLACED[field](kind.kind, owners), [field])
  }
}

/** Builds one resolved source from a draft, or throws a located SpecError. */
export function buildSource(draft: Located<SourceDraft, DocLocator>, ctx: SourceBuildContext): SourceBase {
  const d = draft.value
  const locate = (sub: DocPath = [], key?: string) => draft.doc.locate([...draft.path, ...sub], key)
  const fail = (message: string, sub: DocPath = [], key?: string): never => {
    throw new SpecError(message, locate(sub, key))
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
  // A signed URL carries its credential in the query: masked before any message (ours too) quotes it.
  for (const u of [url, ...Object.values(connection?.schema ?? {})]) if (typeof u === 'string' && /[?#]/.test(u)) ctx.secrets.protectUrl(u)
  let kind: KindBuilder | undefined
  if (connection) {
    kind = ctx.kinds.ofConnection(connection.kind)
    if (!kind) {
      const why = UNUSABLE_CONNECTION_KINDS[connection.kind as keyof typeof UNUSABLE_CONNECTION_KINDS] ?? 'no kind of source fetches it'
      fail(`connection "${connection.name}" is of kind ${connection.kind}: ${why}`, ['connection'])
    }
    if (d.kind !== undefined && d.kind !== kind!.kind)
      fail(`kind "${d.kind}" does not match connection "${connection.name}" of kind ${connection.kind}`, ['kind'])
  } else {
    const forced = d.kind !== undefined ? ctx.kinds.list.find((k) => k.kind === d.kind) : undefined
    // A source with only `git: {url}` is a git source.
    kind = forced ?? (d.url !== undefined ? ctx.kinds.ofUrl(d.url) : ctx.kinds.list.find((k) => k.kind === 'git'))
    if (!kind) fail(`cannot tell what kind of source "${url}" is: set \`kind:\` (${ctx.kinds.list.map((k) => k.kind).join(', ')})`, ['url'])
  }
  checkFields(d, kind!, ctx.kinds, fail)

  const name = d.name ?? connection?.name ?? nameFromUrl(url ?? '')
  const relPath = d.path ?? name
  // The workspace root is checked with the other sources in plan.ts: only a lone git source may land there.
  const dest = isWorkspaceRoot(ctx.workspace, relPath) ? path.resolve(ctx.workspace) : resolveInside(ctx.workspace, relPath)
  if (!dest) fail(`destination "${relPath}" resolves outside the workspace (${ctx.workspace}): use a path inside it`, d.path ? ['path'] : [])

  const ref = d.secret ?? connection?.secret
  const secret = d.secretInput
    ? ctx.secrets.fromInput(d.secretInput)
    : ref
      ? ctx.secrets.resolve({
          name: ref.name,
          what: d.secret ? `source "${name}"` : `connection "${connection!.name}"`,
          location: d.secret ? locate(['secret', 'name']) : connection!.origin,
          ...(ref.items?.length ? { items: ref.items } : {}),
          ...(d.secretKey !== undefined ? { key: d.secretKey } : {}),
          ...(d.username !== undefined ? { username: d.username } : {})
        })
      : undefined
  const common: Omit<SourceBase, 'kind'> = {
    name,
    dest: dest!,
    relPath: path.relative(ctx.workspace, dest!) || '.',
    primary: d.primary ?? false,
    origin: locate(),
    ...(connection ? { connection: connection.name } : {}),
    ...(secret ? { secret } : {}),
    ...(d.timeout !== undefined ? { timeout: d.timeout } : {}),
    ...(d.cache !== undefined ? { cache: d.cache === 'read-only' ? 'read-only' : d.cache ? 'on' : 'off' } : {})
  }
  return kind!.build({
    draft: d,
    ...(connection ? { connection } : {}),
    schema: connection?.schema ?? {},
    ...(url !== undefined ? { url } : {}),
    common,
    workspace: ctx.workspace,
    fail,
    locate
  })
}
