#!/usr/bin/env node
// The CLI runs the same bundle the action runs.
import { runCli } from '../dist/index.js'

process.exitCode = await runCli()
