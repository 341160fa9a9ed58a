import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { RunCapture } from '../../helpers/harness.js'

/** A fresh, empty workspace directory under `root`. */
export async function freshWorkspace(root: string, prefix = 'ws'): Promise<string> {
  const dir = path.join(root, `${prefix}-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(dir)
  return dir
}

/** The `error:` lines a run printed (what a user reads when it fails). */
export function errorLines(c: RunCapture): string[] {
  return c.logs.filter((l) => l.startsWith('error:'))
}

/** Every line of the run, for failure messages. */
export const transcript = (c: RunCapture): string => `(the run ${c.error === undefined ? 'SUCCEEDED' : 'failed'})\n${c.logs.join('\n')}`

/**
 * True when the run failed and one `error:` line names the source and every given fragment (an
 * entry, a key, a limit): the user is told which source and what inside it was refused.
 */
export function failedNaming(c: RunCapture, source: string, ...fragments: Array<string | RegExp>): boolean {
  if (c.error === undefined) return false
  return errorLines(c).some((l) => l.includes(source) && fragments.every((f) => (typeof f === 'string' ? l.includes(f) : f.test(l))))
}
