import * as core from '@actions/core'
import { State } from './constants.js'
import { errorMessage } from './util/errors.js'
import { createActionHost } from './host/action.js'
import { reportError } from './host/report-error.js'
import { Cancellation, Cleanup } from './util/cleanup.js'
import { runFetch } from './run.js'
import { Input, parseSettings, type RawInputs } from './inputs.js'
import { runPost } from './post.js'

/** The entry's dispatch: the same bundle runs main and post, as actions/checkout's does (main saved `isPost`). */
export async function runStep(): Promise<void> {
  await (core.getState(State.IsPost) ? runPost() : run())
}

/** The action's inputs, read here and only here (the CLI builds the same record from its flags). */
function readInputs(): RawInputs {
  return Object.fromEntries(Object.values(Input).map((name) => [name, core.getInput(name)])) as RawInputs
}

/** The action's main step. The only place that fails the step. */
export async function run(): Promise<void> {
  const host = createActionHost()
  const cleanup = new Cleanup((paths) => host.saveState(State.Cleanup, JSON.stringify(paths)))
  host.saveState(State.IsPost, 'true')
  // A cancelled job: the post step removes what `finish` could not (the saved cleanup list).
  const cancellation = new Cancellation({ say: (line) => host.info(line), finish: () => cleanup.run() })
  try {
    const settings = parseSettings(readInputs(), process.env)
    await runFetch(settings, host, cleanup, cancellation.signal)
  } catch (error) {
    if (reportError(host, error)) process.exitCode = core.ExitCode.Failure
    else core.setFailed(host.redactor.redact(errorMessage(error)))
    if (cancellation.reason) process.exitCode = cancellation.reason.exitCode
  } finally {
    for (const p of await cleanup.run()) core.warning(`could not remove ${p}; the post step will retry`)
    cancellation.dispose()
  }
}
