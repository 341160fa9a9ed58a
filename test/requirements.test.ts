import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { installCommand, missingPackages } from '../scripts/requirements.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const unshare = spawnSync('unshare', ['--mount', 'true']).status === 0

/**
 * The README's `npm ci && npm test` on a machine without sshd and git-lfs: the run stops before the
 * first test file with the command that installs them, never deep in a suite. The machine is
 * made to lack them in a mount namespace (their files covered by /dev/null, which is not
 * executable); provisioning is turned off so the check, not apt, answers.
 */
describe('test requirements', () => {
  it('names the Debian packages whose commands are missing', () => {
    expect(missingPackages({ PATH: '/nonexistent' })).toEqual(expect.arrayContaining(['git', 'git-lfs']))
    expect(installCommand(['openssh-server', 'git-lfs'])).toBe('sudo apt-get update && sudo apt-get install -y --no-install-recommends openssh-server git-lfs')
  })

  it.skipIf(!unshare || process.getuid?.() !== 0)('without sshd and git-lfs, npm test stops before any test file with the command to run', () => {
    const hide = ['/usr/sbin/sshd', '/usr/bin/git-lfs'].map((f) => `mount --bind /dev/null ${f}`).join(' && ')
    const vitest = path.join(ROOT, 'node_modules', '.bin', 'vitest')
    const res = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', `${hide} && exec ${vitest} run test/kinds.test.ts`], {
      cwd: ROOT,
      env: { ...process.env, FETCH_SOURCES_TEST_PROVISION: '0', CI: 'true' },
      encoding: 'utf8',
      timeout: 60_000
    })
    const out = res.stdout + res.stderr
    expect(res.status, out).not.toBe(0)
    expect(out).toContain('sudo apt-get install -y --no-install-recommends openssh-server git-lfs')
    // No test file ran: the check came first.
    expect(out).not.toMatch(/✓|passed \(/)
  })
})
