import { z } from 'zod'
import { collect } from '../issues.js'
import type { SourceDraft, Translation } from '../translation.js'
import type { Dialect, DialectInput } from './dialect.js'
import { emptyTranslation, isRecord, workspaceRelative } from './common.js'

/**
 * ZenML code references: a registered `code_repository` (the options of `zenml code-repository
 * register`) plus the `commit` and `subdirectory` a pipeline run recorded. ZenML downloads that
 * commit's `subdirectory` before the step runs; we fetch it into `path` (default `code`).
 */

const repoSchema = z.strictObject({
  name: z.string().min(1).optional(),
  type: z.string().min(1),
  description: z.string().optional(),
  logo_url: z.string().optional(),
  // github
  owner: z.string().min(1).optional(),
  repository: z.string().min(1).optional(),
  api_url: z.string().min(1).optional(),
  // gitlab
  group: z.string().min(1).optional(),
  project: z.string().min(1).optional(),
  instance_url: z.string().min(1).optional(),
  // both
  host: z.string().min(1).optional(),
  // Checked by hand: a schema error would quote the value, which may be the token itself.
  token: z.unknown().optional(),
  // custom
  source: z.string().optional()
})

const topSchema = z.strictObject({
  dialect: z.literal('zenml').optional(),
  code_repository: z.unknown(),
  commit: z.string().regex(/^[0-9a-fA-F]{4,40}$/, 'must be a commit SHA: ZenML pins every run to the commit it recorded'),
  subdirectory: z.string().min(1).optional(),
  path: z.string().min(1).optional()
})

/** `{{ name }}` or `{{ name.key }}`: ZenML's secret reference syntax. */
const SECRET_REF = /^\{\{\s*([A-Za-z0-9_.-]+?)(?:\.([A-Za-z0-9_-]+))?\s*\}\}$/

const FIELDS = { github: ['owner', 'repository', 'api_url'], gitlab: ['group', 'project', 'instance_url'] } as const

function translateZenml({ doc, value, errors, detectedBy }: DialectInput): Translation | undefined {
  const top = collect(topSchema, value, doc, [], errors)
  if (!top) return undefined
  const repo = collect(repoSchema, top.code_repository, doc, ['code_repository'], errors)
  if (!repo) return undefined
  const r = repo
  if (r.type !== 'github' && r.type !== 'gitlab') {
    const custom = r.type === 'custom'
    errors.push(
      doc.error(
        `${custom ? 'a custom code repository runs your own Python class (`source`), which cannot run here' : `code repository type "${r.type}" is not known`}: ` +
          'the supported types are github (owner, repository, host, api_url) and gitlab (group, project, host, instance_url); for another git host use a native spec with `kind: git`',
        ['code_repository', 'type']
      )
    )
    return undefined
  }
  const type = r.type
  const other = type === 'github' ? 'gitlab' : 'github'
  for (const key of [...FIELDS[other], 'source'] as const) {
    if (r[key] !== undefined) errors.push(doc.error(`\`${key}\` does not apply to a ${type} code repository`, ['code_repository'], key))
  }
  const [ownerKey, repoKey] = FIELDS[type]
  for (const key of [ownerKey, repoKey]) {
    if (r[key] === undefined) errors.push(doc.error(`a ${type} code repository needs \`${key}\``, ['code_repository']))
  }

  let secret: { name: string; key?: string } | undefined
  if (r.token !== undefined) {
    const m = typeof r.token === 'string' ? SECRET_REF.exec(r.token.trim()) : null
    // Never quote the value: it may be the token itself.
    if (!m)
      errors.push(
        doc.error(
          'token must reference a secret as `{{ name }}` or `{{ name.key }}`, never the token itself (as ZenML recommends): pass the secret through the `secrets` input',
          ['code_repository', 'token']
        )
      )
    else secret = { name: m[1]!, ...(m[2] ? { key: m[2] } : {}) }
  }
  const sub = top.subdirectory !== undefined ? workspaceRelative(top.subdirectory) : undefined
  if (sub !== undefined && (sub.startsWith('..') || top.subdirectory!.startsWith('/'))) {
    errors.push(doc.error('`subdirectory` is a path inside the repository: relative, without ".."', ['subdirectory']))
  }
  const dest = workspaceRelative(top.path ?? 'code')
  if (!dest) errors.push(doc.error('`path` must be a directory inside the workspace, not its root', ['path']))
  if (errors.length) return undefined

  const name = r.name ?? r[repoKey]!
  const schema =
    type === 'github'
      ? { owner: r.owner, repository: r.repository, ...(r.host ? { host: r.host } : {}), ...(r.api_url ? { apiUrl: r.api_url.replace(/\/$/, '') } : {}) }
      : { group: r.group, project: r.project, ...(r.host ? { host: r.host } : {}), ...(r.instance_url ? { instanceUrl: r.instance_url } : {}) }
  const t = emptyTranslation('zenml', detectedBy)
  t.connections.push({
    value: { name, kind: type, ...(r.description ? { description: r.description } : {}), schema, ...(secret ? { secret: { name: secret.name } } : {}) },
    doc,
    path: ['code_repository']
  })
  const draft: SourceDraft = {
    name,
    connection: name,
    git: { revision: top.commit },
    path: dest,
    primary: true,
    // An empty subdirectory (".") is the whole repository.
    ...(sub ? { subdirectory: sub } : {}),
    ...(secret?.key ? { secretKey: secret.key } : {})
  }
  t.sources.push({ value: draft, doc, path: [] })
  return t
}

export const zenml: Dialect = {
  name: 'zenml',
  expects: '`code_repository:` with `commit`',
  shape: (v) => (isRecord(v.code_repository) ? 'code_repository' : undefined),
  translate: translateZenml
}
