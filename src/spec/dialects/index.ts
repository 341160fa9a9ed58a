import { SpecError, type SpecError as SpecErrorT } from '../../util/errors.js'
import type { SpecDocument } from '../document.js'
import type { Translation } from '../translation.js'
import { didYouMean } from '../../util/suggest.js'
import { isAdsShape, translateAds } from './ads.js'
import { isRecord } from './common.js'
import { translateGradient } from './gradient.js'
import { translateNative } from './native.js'
import { translatePolyaxon } from './polyaxon.js'
import { translateZenml } from './zenml.js'

export const DIALECTS = ['native', 'polyaxon', 'ads', 'gradient', 'zenml'] as const
export type Dialect = (typeof DIALECTS)[number]

/** What each dialect's files look like, for the "cannot tell" error. */
const EXPECTS: Record<Dialect, string> = {
  native: '`version: 1` with `sources:`',
  polyaxon: '`kind: component|operation|experiment`, or `run:` with `init`/`connections`, or `params` with `connection` + `toInit`',
  ads: '`runtime:` (or `kind: job` with `spec.runtime`) of type git, gitPython or remote',
  gradient: '`repositories:` with `mountPath` and a list of repositories',
  zenml: '`code_repository:` with `commit`'
}

/** The shape that makes a document look like each dialect (a short phrase), or undefined. */
const SHAPES: Record<Dialect, (v: Record<string, unknown>) => string | undefined> = {
  // A wrong `version` still reads as native, so the version error is the one reported.
  native: (v) => ('sources' in v && ('version' in v || !('kind' in v)) ? 'version: 1' : undefined),
  polyaxon: (v) => {
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
  ads: isAdsShape,
  gradient: (v) => (isRecord(v.repositories) ? 'repositories' : undefined),
  zenml: (v) => (isRecord(v.code_repository) ? 'code_repository' : undefined)
}

/** Which dialect a document is, and the shape that said so. */
export function detectDialect(value: unknown): { dialect: Dialect; by: string } | undefined {
  if (!isRecord(value)) return undefined
  if (value.dialect !== undefined) return { dialect: value.dialect as Dialect, by: '`dialect:`' }
  const found: Array<{ dialect: Dialect; by: string }> = []
  for (const d of DIALECTS) {
    const by = SHAPES[d](value)
    if (by) found.push({ dialect: d, by })
  }
  if (found.length > 1) return { dialect: found[0]!.dialect, by: `ambiguous:${found.map((f) => `${f.dialect} (${f.by})`).join(', ')}` }
  return found[0]
}

/** Translates any supported document into the native model (not yet resolved). */
export function translate(doc: SpecDocument, errors: SpecErrorT[]): Translation | undefined {
  const value = doc.toJS()
  const detected = detectDialect(value)
  const list = DIALECTS.map((d) => `  ${d}: ${EXPECTS[d]}`).join('\n')
  if (!detected) {
    throw new SpecError(`cannot tell which kind of spec this is. Each dialect expects:\n${list}\nor force one with \`dialect: <name>\``, doc.locate([]))
  }
  if (detected.by.startsWith('ambiguous:')) {
    throw new SpecError(
      `this spec looks like several dialects: ${detected.by.slice(10)}. Add \`dialect: <name>\` to choose one; each dialect expects:\n${list}`,
      doc.locate([])
    )
  }
  if (!(DIALECTS as readonly string[]).includes(detected.dialect)) {
    throw doc.error(
      `unknown dialect ${JSON.stringify(detected.dialect)}${typeof detected.dialect === 'string' ? didYouMean(detected.dialect, DIALECTS) : ''}: use one of ${DIALECTS.join(', ')}`,
      ['dialect']
    )
  }
  switch (detected.dialect) {
    case 'native': {
      const t = translateNative(doc, value, errors)
      if (t && detected.by === '`dialect:`') t.detectedBy = detected.by
      return t
    }
    case 'polyaxon':
      return translatePolyaxon(doc, value, errors, detected.by)
    case 'ads':
      return translateAds(doc, value, errors, detected.by)
    case 'gradient':
      return translateGradient(doc, value, errors, detected.by)
    case 'zenml':
      return translateZenml(doc, value, errors, detected.by)
  }
}
