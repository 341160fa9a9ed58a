import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/runner.js'

describe('the README promise: npm run demo', () => {
  it('builds the local example, runs the CLI bundle on it and prints the outputs', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'demo.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    expect(run.status, run.stderr).toBe(0)
    const outputs = JSON.parse(run.stdout)
    expect(outputs.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(outputs.ref).toBe('refs/heads/main')
    expect(outputs.entrypoint).toBe(path.join(ROOT, '.demo', 'workspace', 'code', 'train.py'))
    expect(outputs.sources['train-data'].files).toBe(2)
    expect(run.stderr).toContain("✓ commit output equals the repository's HEAD")
  })
})
