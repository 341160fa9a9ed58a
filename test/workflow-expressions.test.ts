/**
 * The local runner's expression evaluator (scripts/workflow/expressions.ts) on the expressions the
 * reusable workflows use, and on GitHub's documented semantics: loose equality, `||`/`&&` returning
 * an operand, the implicit `success()` of `if:`, and types kept by a lone `${{ }}`.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { condition, evaluate, interpolate, type Scope } from '../scripts/workflow/expressions.js'
import { parseCommandFile } from '../scripts/workflow/process.js'
import { resolveInputs } from '../scripts/workflow/runner.js'

const ROOT = path.resolve(import.meta.dirname, '..')

const scope = (status: Scope['status'] = 'success'): Scope => ({
  status,
  contexts: {
    inputs: { 'runs-on': '"ubuntu-latest"', 'action-ref': 'v1', command: '', 'max-parallel': 8 },
    needs: { plan: { result: 'success', outputs: { names: '["labels","images"]' } } },
    steps: { fetch: { outputs: { 'lock-file': '/tmp/l.json' } } },
    matrix: { source: 'labels' },
    github: { repository: 'octo/app' }
  }
})

describe('workflow expressions', () => {
  it('evaluates the fan-out to the list the plan printed', () => {
    expect(interpolate('${{ fromJSON(needs.plan.outputs.names) }}', scope())).toEqual(['labels', 'images'])
    expect(interpolate('${{ fromJSON(inputs.runs-on) }}', scope())).toBe('ubuntu-latest')
    expect(interpolate('${{ inputs.max-parallel }}', scope())).toBe(8)
  })

  it('substitutes expressions inside text', () => {
    expect(interpolate('sources-lock-${{ matrix.source }}', scope())).toBe('sources-lock-labels')
    expect(interpolate('Fetch ${{ matrix.source }} at ${{ inputs.action-ref }}', scope())).toBe('Fetch labels at v1')
    expect(interpolate('${{ toJSON(matrix) }}', scope())).toBe('{\n  "source": "labels"\n}')
  })

  it('follows GitHub semantics for operators and missing properties', () => {
    const s = scope()
    expect(evaluate("inputs.command != ''", s)).toBe(false)
    expect(evaluate("inputs.nope || 'fallback'", s)).toBe('fallback')
    expect(evaluate("inputs.action-ref && 'set'", s)).toBe('set')
    expect(evaluate("'ABC' == 'abc'", s)).toBe(true)
    expect(evaluate("1 == '1'", s)).toBe(true)
    expect(evaluate('null == 0', s)).toBe(true)
    expect(evaluate("steps.nope.outputs.x == ''", s)).toBe(true)
    expect(evaluate("github['repository']", s)).toBe('octo/app')
    expect(evaluate("contains(fromJSON(needs.plan.outputs.names), 'images')", s)).toBe(true)
    expect(evaluate("format('{0}-{1}', 'a', 2)", s)).toBe('a-2')
    expect(evaluate("!startsWith(github.repository, 'octo/')", s)).toBe(false)
    expect(evaluate("'it''s'", s)).toBe("it's")
  })

  it('refuses what it does not implement instead of guessing', () => {
    expect(() => evaluate("hashFiles('**/x')", scope())).toThrow(/hashFiles\(\) is not supported/)
    expect(() => evaluate('nocontext.x', scope())).toThrow(/unknown context `nocontext`/)
    expect(() => evaluate('inputs.a +', scope())).toThrow()
  })

  it('adds the implicit success() to if: unless a status function is called', () => {
    const always = "always() && steps.fetch.outputs.lock-file != ''"
    expect(condition(always, scope('failure'))).toBe(true)
    expect(condition("steps.fetch.outputs.lock-file != ''", scope('failure'))).toBe(false)
    expect(condition("${{ steps.fetch.outputs.lock-file != '' }}", scope())).toBe(true)
    expect(condition(undefined, scope('failure'))).toBe(false)
    expect(condition("always() && needs.plan.result == 'success'", scope('failure'))).toBe(true)
  })

  it('applies declared input defaults and types, and rejects unknown or missing inputs', async () => {
    const wf = (await import('yaml')).parse(await fs.readFile(path.join(ROOT, '.github', 'workflows', 'fetch-matrix.yml'), 'utf8')) as {
      on: { workflow_call: { inputs: Parameters<typeof resolveInputs>[0] } }
    }
    const declared = wf.on.workflow_call.inputs
    const inputs = resolveInputs(declared, { spec: 'run.yaml', 'max-parallel': '3' })
    expect(inputs).toMatchObject({ spec: 'run.yaml', 'max-parallel': 3, 'runs-on': '"ubuntu-latest"', 'action-repository': 'fetch-sources/fetch-sources' })
    expect(() => resolveInputs(declared, {})).toThrow('input `spec` is required')
    expect(() => resolveInputs(declared, { spec: 'x', 'action-sha': 'y' })).toThrow('input `action-sha` is not declared')
  })

  it('reads GITHUB_OUTPUT files as the runner does', () => {
    expect(parseCommandFile('names=["a"]\nsources<<EOF\n{"a":\n1}\nEOF\n')).toEqual({ names: '["a"]', sources: '{"a":\n1}' })
    expect(() => parseCommandFile('x<<EOF\nno end\n')).toThrow('unterminated')
  })
})
