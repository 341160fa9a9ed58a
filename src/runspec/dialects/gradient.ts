import { z } from 'zod'
import { collect } from '../issues.js'
import type { SourceDraft, Translation } from '../translation.js'
import type { Dialect, DialectInput } from './dialect.js'
import { emptyTranslation, isRecord, uniqueName, workspaceRelative } from './common.js'

/**
 * Paperspace Gradient deployment specs: only `repositories:` is read. The rest of a deployment
 * (image, port, replicas, resources, env, models, …) describes the running service, which is not
 * ours to start, so it is ignored without a word.
 */

const repositorySchema = z.strictObject({
  url: z.string().min(1),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'is the directory name under mountPath: use letters, digits, ".", "_" and "-"'),
  ref: z.string().min(1).optional(),
  username: z.string().min(1).optional(),
  // Checked by hand: a schema error would quote the value, which may be the password itself.
  password: z.unknown().optional()
})

const repositoriesSchema = z.strictObject({
  dataset: z.string().optional(),
  mountPath: z.string().min(1),
  repositories: z.array(z.unknown()).min(1, 'list at least one repository')
})

const topSchema = z.looseObject({
  dialect: z.literal('gradient').optional(),
  repositories: z.unknown()
})

/** `secret:NAME`, any case of the prefix, as Gradient reads it. */
const SECRET_REF = /^secret:(.+)$/i

function translateGradient({ doc, value, errors, detectedBy }: DialectInput): Translation | undefined {
  const top = collect(topSchema, value, doc, [], errors)
  if (!top) return undefined
  const block = collect(repositoriesSchema, top.repositories, doc, ['repositories'], errors)
  if (!block) return undefined
  const t = emptyTranslation('gradient', detectedBy)
  const { dataset, mountPath } = block
  if (dataset !== undefined) {
    t.warnings.push(
      doc.error(
        '`dataset` ignored: Gradient clones into a dataset and mounts it; on a runner the repositories are cloned straight into the workspace',
        ['repositories'],
        'dataset'
      )
    )
  }
  // Gradient refuses the root and the working directory as mount points; so do we, and any other
  // spelling of them would mean "the workspace itself".
  const root = workspaceRelative(mountPath)
  if (mountPath.trim() === '/' || mountPath.trim() === '.' || root === '') {
    errors.push(
      doc.error(`mountPath "${mountPath}" is not allowed (Gradient rejects / and . too): mount the repositories in a directory such as /opt/repos`, [
        'repositories',
        'mountPath'
      ])
    )
  }

  const names = new Set<string>()
  block.repositories.forEach((raw, i) => {
    const at = ['repositories', 'repositories', i]
    const r = collect(repositorySchema, raw, doc, at, errors)
    if (!r) return
    if (names.has(r.name))
      return void errors.push(doc.error(`repository name "${r.name}" is used twice: each repository needs its own directory under mountPath`, [...at, 'name']))
    uniqueName(r.name, names)
    const draft: SourceDraft = { name: r.name, kind: 'git', url: r.url, path: `${root}/${r.name}`, ...(r.ref ? { git: { revision: r.ref } } : {}) }
    if (r.password !== undefined) {
      const m = typeof r.password === 'string' ? SECRET_REF.exec(r.password.trim()) : null
      // Never quote the value: it may be the password itself.
      if (!m || !m[1]!.trim()) {
        return void errors.push(
          doc.error(
            'password must reference a secret as `secret:NAME`, never the password itself (Gradient requires this too): store it as a GitHub secret and pass it through the `secrets` input',
            [...at, 'password']
          )
        )
      }
      draft.secret = { name: m[1]!.trim() }
      if (r.username !== undefined) draft.username = r.username
    } else if (r.username !== undefined) {
      t.warnings.push(doc.error('`username` ignored: it is only used with a `password`', at, 'username'))
    }
    t.sources.push({ value: draft, doc, path: at })
  })
  return errors.length ? undefined : t
}

export const gradient: Dialect = {
  name: 'gradient',
  expects: '`repositories:` with `mountPath` and a list of repositories',
  shape: (v) => (isRecord(v.repositories) ? 'repositories' : undefined),
  translate: translateGradient
}
