import type { SpecError } from '../../util/errors.js'
import type { SpecDocument } from '../document.js'
import type { Translation } from '../translation.js'

/** What a dialect's translation gets: the document, its plain value, and where to put problems. */
export interface DialectInput {
  doc: SpecDocument
  value: unknown
  /** Every problem found goes here; the translation is undefined when there are any. */
  errors: SpecError[]
  /** Why this dialect was chosen (the shape that said so, or `dialect:`). */
  detectedBy: string
  /** The source kinds of the registry (a native source's `kind:`). */
  kinds: readonly string[]
}

/**
 * One spec format read into the native model. A new dialect is one file exporting one of these
 * plus one line in `dialects/index.ts`.
 */
export interface Dialect {
  readonly name: string
  /** What its files look like, for the "cannot tell" error. */
  readonly expects: string
  /** The shape that makes a document look like this dialect (a short phrase), or undefined. */
  shape(value: Record<string, unknown>): string | undefined
  translate(input: DialectInput): Translation | undefined
}
