/**
 * Regenerates the input and output tables of README.md from action.yml (between the
 * `<!-- inputs:start -->`/`<!-- outputs:start -->` markers) so they cannot drift.
 * `--check` exits 1 when the committed README differs (CI).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim()
const inputs = [
  '| input | description | default |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(([name, i]) => `| \`${name}\` | ${cell(i.description)} | ${i.default ? `\`${cell(String(i.default))}\`` : "`''`"} |`)
].join('\n')
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`)
].join('\n')

function replace(text: string, marker: string, body: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${start} … ${end} markers`)
  return `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`
}

const file = path.join(root, 'README.md')
const current = fs.readFileSync(file, 'utf8')
const next = replace(replace(current, 'inputs', inputs), 'outputs', outputs)
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md input/output tables differ from action.yml: run `npm run readme`')
    process.exit(1)
  }
} else if (next !== current) fs.writeFileSync(file, next)
