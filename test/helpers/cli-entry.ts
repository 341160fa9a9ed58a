// Runs the CLI from source (tests that need a separate process to kill).
import { runCli } from '../../src/cli.js'

process.exitCode = await runCli()
