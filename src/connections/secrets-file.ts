import * as fs from 'node:fs/promises'
import { parseSecretValue } from './secret.js'

/** The CLI's `--secrets-file`: a JSON object or KEY=VALUE lines, as the `secrets` input's JSON. */
export async function readSecretsFile(file: string): Promise<string> {
  const text = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(
      e.code === 'ENOENT' ? `--secrets-file ${file} not found: give a JSON object or KEY=VALUE lines of secrets` : `--secrets-file ${file}: ${e.message}`
    )
  })
  if (text.trim().startsWith('{')) return text
  const fields = parseSecretValue(text)
  if (!fields) throw new Error(`--secrets-file ${file}: expected a JSON object or KEY=VALUE lines`)
  return JSON.stringify(fields)
}
