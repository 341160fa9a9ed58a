import { SpecError, type SpecError as SpecErrorT } from '../../errors.js'
import type { SpecDocument } from '../document.js'
import type { Translation } from '../translation.js'
import { translateNative } from './native.js'

export const DIALECTS = ['native', 'polyaxon', 'ads', 'gradient', 'zenml'] as const
export type Dialect = (typeof DIALECTS)[number]

/** What each dialect's files look like, for the "cannot tell" error. */
const EXPECTS: Record<Dialect, string> = {
  native: '`version: 1` with `sources:`',
  polyaxon: '`kind: component|operation|experiment` with `run.init` or `params`',
  ads: '`runtime:` (or `kind: job` with `spec.runtime`)',
  gradient: '`repositories:` with `mountPath` and a list of repositories',
  zenml: '`code_repository:` with `commit`'
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Which dialect a document is, and the shape that said so. */
export function detectDialect(value: unknown): { dialect: Dialect; by: string } | undefined {
  if (!isRecord(value)) return undefined
  if (value.dialect !== undefined) return { dialect: value.dialect as Dialect, by: '`dialect:`' }
  const found: Array<{ dialect: Dialect; by: string }> = []
  if ('sources' in value && ('version' in value || !('kind' in value))) found.push({ dialect: 'native', by: 'version: 1' })
  if (typeof value.kind === 'string' && ['component', 'operation', 'experiment'].includes(value.kind)) {
    const run = isRecord(value.run) ? value.run : undefined
    found.push({ dialect: 'polyaxon', by: run?.init ? 'run.init' : value.params ? 'params' : `kind: ${value.kind}` })
  }
  if (isRecord(value.runtime) || (value.kind === 'job' && isRecord(value.spec) && isRecord(value.spec.runtime))) {
    found.push({ dialect: 'ads', by: isRecord(value.runtime) ? 'runtime' : 'spec.runtime' })
  }
  if (isRecord(value.repositories)) found.push({ dialect: 'gradient', by: 'repositories' })
  if (isRecord(value.code_repository)) found.push({ dialect: 'zenml', by: 'code_repository' })
  return found.length === 1 ? found[0] : found.length > 1 ? { dialect: found[0]!.dialect, by: `ambiguous:${found.map((f) => f.dialect).join(',')}` } : undefined
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
    throw new SpecError(`this spec matches several dialects (${detected.by.slice(10)}): add \`dialect: <name>\` to choose`, doc.locate([]))
  }
  if (!(DIALECTS as readonly string[]).includes(detected.dialect)) {
    throw doc.error(`unknown dialect "${String(detected.dialect)}": use one of ${DIALECTS.join(', ')}`, ['dialect'])
  }
  switch (detected.dialect) {
    case 'native': {
      const t = translateNative(doc, value, errors)
      if (t && detected.by === '`dialect:`') t.detectedBy = detected.by
      return t
    }
    case 'polyaxon':
    case 'ads':
    case 'gradient':
    case 'zenml':
      throw new SpecError(`the ${detected.dialect} dialect is not supported yet`, doc.locate([]))
  }
}
