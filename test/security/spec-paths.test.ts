/**
 * Paths inside sources that a spec names (issue 13, item 11): `entrypoint` must stay inside its
 * source, `sparse` entries must be relative and without `..`. Each is a spec error with a
 * location (file:line:col) and the field's name, before anything is fetched.
 */
import * as fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir, type RunCapture } from '../helpers/harness.js'
import { commit, makeRepo } from '../servers/git-http.js'
import { errorLines, freshWorkspace, transcript } from './helpers/run.js'

let root: string
let bare: string

beforeAll(async () => {
  root = await tempDir('fs-sec-spec-')
  bare = await makeRepo(root, 'code', (work) => commit(work, { 'train.py': 'print(1)\n', 'pkg/a.py': 'a\n' }, 'code').then(() => undefined))
})
afterAll(() => (root ? fs.rm(root, { recursive: true, force: true }) : undefined))

/** A spec error: the run failed, and one error line has a `:line:col:` location and names `field`. */
function specErrorAt(run: RunCapture, field: string): boolean {
  return run.error !== undefined && errorLines(run).some((l) => /:\d+:\d+: /.test(l) && l.includes(field))
}

describe('item 11: entrypoint stays inside its source', () => {
  for (const entry of ['../../../../etc/passwd', '/etc/passwd', 'pkg/../../../../../etc/passwd']) {
    it(`entrypoint: ${entry} is a spec error naming \`entrypoint\`; no entrypoint output`, async () => {
      const ws = await freshWorkspace(root)
      const spec = `version: 1\nsources:\n  - name: code\n    url: file://${bare}\nentrypoint: ${entry}\n`
      const run = await runSpec({ workspace: ws, spec })
      expect(run.outputs.entrypoint).toBeUndefined()
      expect(specErrorAt(run, 'entrypoint'), transcript(run)).toBe(true)
      // Refused while reading the spec: nothing was fetched.
      expect(await fs.readdir(ws)).toEqual([])
    })
  }
})

describe('item 11: sparse paths are relative and stay inside the repository', () => {
  for (const sparse of ['../../etc', 'pkg/../../etc', '/etc']) {
    it(`sparse: ['${sparse}'] is a spec error naming \`sparse\``, async () => {
      const ws = await freshWorkspace(root)
      const spec = `version: 1\nsources:\n  - name: code\n    url: file://${bare}\n    git:\n      sparse: ['${sparse}']\n`
      const run = await runSpec({ workspace: ws, spec, inputs: { 'dry-run': 'true' } })
      expect(specErrorAt(run, 'sparse'), transcript(run)).toBe(true)
    })
  }
})
