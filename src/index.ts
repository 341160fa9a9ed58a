import * as core from '@actions/core'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { State } from './constants.js'
import { run } from './main.js'
import { runPost } from './post.js'

export { runCli } from './cli.js'

/** True when node runs this file itself (the runner), false when the CLI imports it. */
function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (invokedDirectly()) {
  // Same bundle for main and post, as actions/checkout does: the main step saved `isPost`.
  await (core.getState(State.IsPost) ? runPost() : run())
}
