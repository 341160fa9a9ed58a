/** Where something is in a spec document: file, 1-based line/column, and the path inside it. */
export interface SourceLocation {
  file: string
  line?: number
  column?: number
  /** Dotted document path, e.g. `sources[1].connection`. */
  path?: string
}

/** A problem with the user's spec or inputs: always says where and what to do. */
export class SpecError extends Error {
  override name = 'SpecError'
  constructor(
    message: string,
    readonly location?: SourceLocation,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }

  /** `file:line:col: path: message` — the form shown in logs and the CLI. */
  describe(): string {
    const loc = this.location
    if (!loc) return this.message
    const where = [loc.file, loc.line, loc.column].filter((p) => p !== undefined).join(':')
    return `${where}: ${loc.path ? `${loc.path}: ` : ''}${this.message}`
  }
}

/** Several spec problems found in one pass: users fix them all at once. */
export class SpecErrors extends Error {
  override name = 'SpecErrors'
  constructor(readonly errors: SpecError[]) {
    super(errors.map((e) => e.describe()).join('\n'))
  }
}

/** A source failed to fetch. `permanent` failures are not retried. */
export class FetchError extends Error {
  override name = 'FetchError'
  constructor(
    readonly source: string,
    message: string,
    options?: { cause?: unknown; permanent?: boolean }
  ) {
    super(`${source}: ${message}`, options)
    this.permanent = options?.permanent ?? false
  }
  readonly permanent: boolean
}

/** Message of anything thrown, including non-Error throws (a thrown string must fail the step). */
export function errorMessage(error: unknown): string {
  if (error instanceof SpecError) return error.describe()
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}
