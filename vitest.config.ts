import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // sshd, git-lfs and Node 24 present (or installed) before the first file, not deep in a suite.
    globalSetup: ['test/setup/requirements.ts'],
    // Integration tests start real servers (git, sshd, s3rver, azurite) and run git.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // 2 cores: more workers only fight over them.
    maxWorkers: 2,
    reporters: process.env.CI ? ['default'] : ['default']
  }
})
