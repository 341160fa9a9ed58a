import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { SpecError } from '../util/errors.js'
import { SpecDocument } from './document.js'

/** An input is inline YAML when it cannot be a file name: several lines, a mapping or a list. */
export function isInline(value: string): boolean {
  return value.includes('\n') || /^\s*[[{]/.test(value) || /^\s*- /.test(value) || /^[\w.-]+:\s/.test(value)
}

/**
 * Reads a spec or catalog given as a path (relative to the workspace) or inline YAML.
 * The file name in locations is workspace-relative, as GitHub annotations want.
 */
export async function loadDocument(value: string, workspace: string, input: 'spec' | 'connections' | 'frozen'): Promise<SpecDocument> {
  if (isInline(value)) return SpecDocument.parse(value, `(inline \`${input}\` input)`)
  const file = path.resolve(workspace, value)
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (e) {
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
