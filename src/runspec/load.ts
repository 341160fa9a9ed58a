import { createReadStream } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { SpecError } from '../util/errors.js'
import { SpecDocument } from './document.js'
import { isInline } from './inline.js'

/**
 * The largest spec or catalog read, file or inline. Planning is linear, but the spec is the one
 * input nothing else bounds; 10 MB is far past any real spec (100,000 sources fit) and is checked
 * before parsing, so a huge input costs nothing.
 */
export const MAX_SPEC_BYTES = 10 * 1024 * 1024

const mb = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`

/** `exact`: the size is known (else it is only known to be past the limit: a pipe, a growing file). */
function tooLarge(what: string, bytes: number, exact: boolean): SpecError {
  // Just past the limit rounds to it: then the bytes say how far past.
  const size = !exact ? `over ${mb(MAX_SPEC_BYTES)}` : mb(bytes) === mb(MAX_SPEC_BYTES) ? `${bytes} bytes` : mb(bytes)
  return new SpecError(
    `${what} is ${size}: the limit is ${mb(MAX_SPEC_BYTES)} (${MAX_SPEC_BYTES} bytes). ` +
      'A run spec names sources, it does not list their contents: select objects by prefix or with `artifacts.dirs` instead of one entry each'
  )
}

/** Reads at most one byte past the limit, so neither a huge file nor a device that never ends is read whole. */
async function readBounded(file: string, what: string): Promise<string> {
  const { size } = await fs.stat(file)
  if (size > MAX_SPEC_BYTES) throw tooLarge(what, size, true)
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of createReadStream(file, { end: MAX_SPEC_BYTES })) {
    chunks.push(chunk as Buffer)
    total += (chunk as Buffer).length
  }
  if (total > MAX_SPEC_BYTES) throw tooLarge(what, total, false)
  return Buffer.concat(chunks, total).toString('utf8')
}

/**
 * Reads a spec or catalog given as a path (relative to the workspace) or inline YAML.
 * The file name in locations is workspace-relative, as GitHub annotations want.
 */
export async function loadDocument(value: string, workspace: string, input: 'spec' | 'connections' | 'frozen'): Promise<SpecDocument> {
  if (isInline(value)) {
    const bytes = Buffer.byteLength(value, 'utf8')
    if (bytes > MAX_SPEC_BYTES) throw tooLarge(`the inline \`${input}\` input`, bytes, true)
    return SpecDocument.parse(value, `(inline \`${input}\` input)`)
  }
  const file = path.resolve(workspace, value)
  let text: string
  try {
    text = await readBounded(file, `${input} file "${value}"`)
  } catch (e) {
    if (e instanceof SpecError) throw e
    const code = (e as NodeJS.ErrnoException).code
    throw new SpecError(
      code === 'ENOENT'
        ? `${input} file "${value}" not found (looked for ${file}); paths are relative to the workspace`
        : `cannot read ${input} file "${value}": ${(e as Error).message}`
    )
  }
  const shown = path.relative(workspace, file)
  return SpecDocument.parse(text, shown.startsWith('..') ? file : shown.split(path.sep).join('/'))
}
