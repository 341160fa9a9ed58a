import { SpecError, type SpecError as SpecErrorT } from '../../util/errors.js'
import { didYouMean } from '../../util/suggest.js'
import type { SpecDocument } from '../document.js'
import type { Translation } from '../translation.js'
import { ads } from './ads.js'
import { isRecord } from './common.js'
import type { Dialect } from './dialect.js'
import { gradient } from './gradient.js'
import { native } from './native.js'
import { polyaxon } from './polyaxon.js'
import { zenml } from './zenml.js'

/** Every dialect, in the order shapes are tried (and listed in messages). */
export const DIALECTS: readonly Dialect[] = [native, polyaxon, ads, gradient, zenml]

/** Which dialect a document is, and the shape that said so. */
export function detectDialect(value: unknown): { dialect: string; by: string } | undefined {
  if (!isRecord(value)) return undefined
  if (value.dialect !== undefined) return { dialect: value.dialect as string, by: '`dialect:`' }
  const found: Array<{ dialect: string; by: string }> = []
  for (const d of DIALECTS) {
    const by = d.shape(value)
    if (by) found.push({ dialect: d.name, by })
  }
  if (found.length > 1) return { dialect: found[0]!.dialect, by: `ambiguous:${found.map((f) => `${f.dialect} (${f.by})`).join(', ')}` }
  return found[0]
}

/** Translates any supported document into the native model (not yet resolved). */
export function translate(doc: SpecDocument, errors: SpecErrorT[], kinds: readonly string[]): Translation | undefined {
  const value = doc.toJS()
  const detected = detectDialect(value)
  const names = DIALECTS.map((d) => d.name)
  const list = DIALECTS.map((d) => `  ${d.name}: ${d.expects}`).join('\n')
  if (!detected) {
    throw new SpecError(`cannot tell which kind of spec this is. Each dialect expects:\n${list}\nor force one with \`dialect: <name>\``, doc.locate([]))
  }
  if (detected.by.startsWith('ambiguous:')) {
    throw new SpecError(
      `this spec looks like several dialects: ${detected.by.slice(10)}. Add \`dialect: <name>\` to choose one; each dialect expects:\n${list}`,
      doc.locate([])
    )
  }
  const dialect = DIALECTS.find((d) => d.name === detected.dialect)
  if (!dialect) {
    throw doc.error(
      `unknown dialect ${JSON.stringify(detected.dialect)}${typeof detected.dialect === 'string' ? didYouMean(detected.dialect, names) : ''}: use one of ${names.join(', ')}`,
      ['dialect']
    )
  }
  return dialect.translate({ doc, value, errors, detectedBy: detected.by, kinds })
}
