import { z } from 'zod'
import type { SpecError } from '../util/errors.js'
import { didYouMean } from '../util/suggest.js'
import type { DocPath, SpecDocument } from './document.js'

type AnySchema = z.core.$ZodType

function unwrap(schema: AnySchema): AnySchema {
  let s = schema
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as AnySchema
  return s
}

/** Keys an object schema allows at `path`, for "did you mean" on unknown keys. */
export function keysAt(schema: AnySchema, path: ReadonlyArray<PropertyKey>): string[] | undefined {
  let s: AnySchema | undefined = schema
  for (const seg of path) {
    if (!s) return undefined
    s = unwrap(s)
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, AnySchema>)[String(seg)]
    else if (s instanceof z.ZodArray) s = s.element as AnySchema
    else if (s instanceof z.ZodRecord) s = s.valueType as AnySchema
    else return undefined
  }
  if (!s) return undefined
  s = unwrap(s)
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined
}

function describeValue(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  return `${typeof v} ${JSON.stringify(v)}`
}

/** One SpecError per zod issue, located in the document under `base`. */
export function issuesToErrors(issues: z.core.$ZodIssue[], schema: AnySchema, doc: SpecDocument, base: DocPath): SpecError[] {
  const errors: SpecError[] = []
  for (const issue of issues) {
    const path = [...base, ...(issue.path as Array<string | number>)]
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = keysAt(schema, issue.path) ?? []
        for (const key of issue.keys) {
          const hint = didYouMean(key, allowed) || (allowed.length ? ` (allowed: ${allowed.join(', ')})` : '')
          errors.push(doc.error(`unknown key "${key}"${hint}`, path, key))
        }
        break
      }
      case 'invalid_type': {
        const got = 'input' in issue ? `, got ${describeValue(issue.input)}` : ''
        const missing = 'input' in issue && issue.input === undefined
        errors.push(doc.error(missing ? `is required (${issue.expected})` : `expected ${issue.expected}${got}`, path))
        break
      }
      case 'invalid_value': {
        const input = 'input' in issue ? issue.input : undefined
        const options = issue.values.map((v) => String(v))
        const hint = typeof input === 'string' ? didYouMean(input, options) : ''
        const msg =
          issue.values.length === 1 && issue.message && !issue.message.startsWith('Invalid')
            ? issue.message
            : `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`
        errors.push(doc.error(`${msg}${input !== undefined ? `, got ${describeValue(input)}` : ''}${hint}`, path))
        break
      }
      default:
        errors.push(doc.error(issue.message, path))
    }
  }
  return errors
}

/** Parses `value` (found at `base` in `doc`) or returns located errors. */
export function parseAt<T extends AnySchema>(
  schema: T,
  value: unknown,
  doc: SpecDocument,
  base: DocPath
): { ok: true; data: z.output<T> } | { ok: false; errors: SpecError[] } {
  const result = z.safeParse(schema, value, { reportInput: true })
  if (result.success) return { ok: true, data: result.data as z.output<T> }
  return { ok: false, errors: issuesToErrors(result.error.issues, schema, doc, base) }
}

/**
 * The one parse-then-collect step every dialect takes: the parsed value, or undefined with the
 * located errors added to `errors` (so one run reports every problem).
 */
export function collect<T extends AnySchema>(schema: T, value: unknown, doc: SpecDocument, base: DocPath, errors: SpecError[]): z.output<T> | undefined {
  const parsed = parseAt(schema, value, doc, base)
  if (parsed.ok) return parsed.data
  errors.push(...parsed.errors)
  return undefined
}
