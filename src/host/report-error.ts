import { SpecError, SpecErrors } from '../util/errors.js'
import type { Host } from './host.js'

/** Spec errors become `::error file=…,line=…,col=…::` annotations, one per problem; false for other errors. */
export function reportError(host: Host, error: unknown): boolean {
  const list = error instanceof SpecErrors ? error.errors : error instanceof SpecError ? [error] : []
  for (const e of list) host.error(e.location?.path ? `${e.location.path}: ${e.message}` : e.message, e.location)
  return list.length > 0
}
