import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start real servers (git, sshd, s3rver, azurite) and run git.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // 2 cores: more workers only fight over them.
    maxWorkers: 2,
    reporters: process.env.CI ? ['default'] : ['default']
  }
})
