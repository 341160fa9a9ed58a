import * as path from 'node:path'
import { z } from 'zod'
import { publicUrl } from '../../util/urls.js'
import type { DocPath } from '../document.js'
import { collect } from '../issues.js'
import type { GitProxy, SourceDraft, Translation } from '../translation.js'
import type { Dialect, DialectInput } from './dialect.js'
import { emptyTranslation, isRecord, workspaceRelative } from './common.js'

/**
 * Oracle ADS job runtimes that fetch their code at start: `type: git` (and the `gitPython`
 * runtime's spelling) and `type: remote` (OCI Object Storage). Infrastructure, conda, args and the
 * rest of a job are about running it, which later workflow steps do: tolerated, ignored.
 */

/** Where ADS puts the code inside its container; absolute entry points are read against it. */
const ADS_CODE_ROOT = '/code'

const envSchema = z.array(z.looseObject({ name: z.string().min(1), value: z.unknown().optional() }))

const runtimeSpecSchema = z.looseObject({
  uri: z.string().min(1).optional(),
  url: z.string().min(1).optional(),
  branch: z.string().min(1).optional(),
  commit: z.string().min(1).optional(),
  gitSecretId: z.string().min(1).optional(),
  entryPoint: z.string().min(1).optional(),
  entrypoint: z.string().min(1).optional(),
  codeDir: z.string().min(1).optional(),
  env: envSchema.optional()
})

const runtimeSchema = z.strictObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  type: z.string().min(1),
  // Optional here so that a misspelt `spec` is reported as such, not as a missing one.
  spec: runtimeSpecSchema.optional()
})

const topSchema = z.looseObject({
  dialect: z.literal('ads').optional(),
  kind: z.string().optional(),
  runtime: z.unknown().optional(),
  spec: z.looseObject({ runtime: z.unknown().optional() }).optional()
})

const SUPPORTED = 'git (or gitPython) and remote'

function translateAds({ doc, value, errors, detectedBy }: DialectInput): Translation | undefined {
  const top = collect(topSchema, value, doc, [], errors)
  if (!top) return undefined
  const base: DocPath = top.runtime !== undefined ? ['runtime'] : ['spec', 'runtime']
  const raw = top.runtime ?? top.spec?.runtime
  if (raw === undefined) {
    errors.push(doc.error('an ADS spec needs `runtime:` (or `kind: job` with `spec.runtime`)', []))
    return undefined
  }
  const parsed = collect(runtimeSchema, raw, doc, base, errors)
  if (!parsed) return undefined
  const rt = parsed
  if (!rt.spec) {
    errors.push(doc.error('the runtime needs `spec:` with the `uri` to fetch', base))
    return undefined
  }
  const spec = rt.spec
  const at = (...sub: Array<string | number>): DocPath => [...base, 'spec', ...sub]
  const type = rt.type === 'gitPython' ? 'git' : rt.type
  if (type !== 'git' && type !== 'remote') {
    errors.push(doc.error(`runtime type "${rt.type}" has no code to fetch: the supported types are ${SUPPORTED}`, [...base, 'type']))
    return undefined
  }

  // The two spellings (python runtime `uri`/`entryPoint`, gitPython `url`/`entrypoint`).
  const pick = (a: 'uri' | 'entryPoint', b: 'url' | 'entrypoint'): { value?: string; key: string } => {
    if (spec[a] !== undefined && spec[b] !== undefined) errors.push(doc.error(`give either \`${a}\` or \`${b}\`, not both`, at(b)))
    return spec[a] !== undefined ? { value: spec[a], key: a } : { value: spec[b], key: b }
  }
  const uri = pick('uri', 'url')
  const entry = pick('entryPoint', 'entrypoint')
  if (!uri.value) {
    errors.push(doc.error(`runtime.spec needs \`uri\` (the ${type === 'git' ? 'git repository' : 'oci://bucket@namespace/prefix'} to fetch)`, at()))
    return undefined
  }
  const codeDir = workspaceRelative(spec.codeDir ?? 'code')
  if (!codeDir) {
    errors.push(doc.error('`codeDir` must be a directory inside the workspace, not its root', at('codeDir')))
    return undefined
  }

  const t = emptyTranslation('ads', detectedBy)
  let fetched = ''
  let draft: SourceDraft
  if (type === 'git') {
    if (spec.gitSecretId !== undefined && !/^(ssh:\/\/|[^/:@]+@[^/:]+:)/.test(uri.value)) {
      t.warnings.push(
        doc.error('`gitSecretId` holds an SSH key, but `uri` is not an ssh URL: the key is offered as the secret of an https clone instead', at(uri.key))
      )
    }
    const proxy = proxyOf(spec.env)
    draft = {
      name: 'code',
      kind: 'git',
      url: uri.value,
      path: codeDir,
      primary: true,
      // A commit is exact; the branch then only says where it came from.
      ...((spec.commit ?? spec.branch) ? { git: { revision: (spec.commit ?? spec.branch)! } } : {}),
      ...(spec.gitSecretId ? { secret: { name: spec.gitSecretId } } : {}),
      ...(proxy ? { proxy } : {})
    }
  } else {
    const m = /^oci:\/\/([^@/]+)@([^/]+)(\/.*)?$/.exec(uri.value)
    if (!m) {
      errors.push(doc.error(`"${publicUrl(uri.value)}" is not an Object Storage URI: write oci://bucket@namespace/prefix`, at(uri.key)))
      return undefined
    }
    const [, bucket, namespace, rest = ''] = m
    const key = rest.replace(/^\/+/, '')
    const root = `oci://${bucket}@${namespace}/`
    // ADS asks the service whether the URI is one object (it lands as that file in /code) or a
    // prefix (it lands as a directory of its name); so does the fetch, from the listing.
    draft = { name: 'code', kind: 'oci', url: root + key, path: codeDir, primary: true, ...(key ? { prefixAsDirectory: true } : {}) }
    fetched = key
    if (spec.gitSecretId || spec.branch || spec.commit) {
      const k = spec.gitSecretId ? 'gitSecretId' : spec.branch ? 'branch' : 'commit'
      t.warnings.push(doc.error(`\`${k}\` ignored: it applies to git runtimes, not remote`, at(k)))
    }
  }
  t.sources.push({ value: draft, doc, path: [...base, 'spec'] })

  if (entry.value !== undefined) {
    const rel = entrypointRelative(entry.value, type, fetched)
    if ('error' in rel) errors.push(doc.error(rel.error, at(entry.key)))
    else t.entrypoint = { value: rel.path, doc, path: at(entry.key) }
  }
  return errors.length ? undefined : t
}

/**
 * The entry point relative to codeDir, the source's destination. ADS runs from `/code`: an
 * absolute `/code/x` is `x` under codeDir; a relative one is relative to the repository root
 * (git) or to codeDir (remote), where the fetched object is, or the fetched prefix's directory.
 */
function entrypointRelative(entry: string, type: 'git' | 'remote', key: string): { path: string } | { error: string } {
  let inCodeDir: string
  if (entry.startsWith('/')) {
    const rel = path.posix.relative(ADS_CODE_ROOT, path.posix.normalize(entry))
    if (rel === '' || rel.startsWith('..'))
      return { error: `entry point "${entry}" is outside ${ADS_CODE_ROOT}, where ADS puts the code: use a path under ${ADS_CODE_ROOT}/ or a relative one` }
    inCodeDir = rel
  } else {
    inCodeDir = path.posix.normalize(entry)
  }
  if (inCodeDir === '.' || inCodeDir === '..' || inCodeDir.startsWith('../')) {
    return { error: `entry point "${entry}" is not inside ${type === 'git' ? 'the repository' : 'the fetched code'}` }
  }
  // A remote key `…/app` is the object `app` or the prefix `app/`; `…/app/` only the prefix.
  const last = key.replace(/\/+$/, '').split('/').pop() ?? ''
  const inside = !last || inCodeDir.startsWith(`${last}/`) || (!key.endsWith('/') && inCodeDir === last)
  if (type === 'remote' && !inside) return { error: `entry point "${entry}" is not inside the fetched prefix (${last})` }
  return { path: inCodeDir }
}

/** ADS honours these in the job's environment for the clone; so do we, for this source only. */
function proxyOf(env: z.infer<typeof envSchema> | undefined): GitProxy | undefined {
  const get = (name: string) => {
    const e = env?.find((v) => v.name === name || v.name === name.toUpperCase())
    return typeof e?.value === 'string' && e.value ? e.value : undefined
  }
  const proxy: GitProxy = {}
  const ssh = get('ssh_proxy')
  const http = get('http_proxy')
  const https = get('https_proxy')
  const noProxy = get('no_proxy')
  if (ssh) proxy.ssh = ssh
  if (http) proxy.http = http
  if (https) proxy.https = https
  if (noProxy) proxy.noProxy = noProxy
  return Object.keys(proxy).length ? proxy : undefined
}

export const ads: Dialect = {
  name: 'ads',
  expects: '`runtime:` (or `kind: job` with `spec.runtime`) of type git, gitPython or remote',
  shape: (v) => {
    if (isRecord(v.runtime)) return 'runtime'
    if (v.kind === 'job' && isRecord(v.spec) && isRecord(v.spec.runtime)) return 'kind: job, spec.runtime'
    return undefined
  },
  translate: translateAds
}
