import * as core from '@actions/core'
import { Input, State } from './constants.js'
import { SpecError, SpecErrors, errorMessage } from './util/errors.js'
import type { Host } from './host/host.js'
import { createActionHost } from './host/action.js'
import { Cleanup } from './fetchers/shared/cleanup.js'
import { runFetch } from './run.js'
import { parseSettings, type RawInputs } from './inputs.js'

/** Every input, read here and only here. */
export function readInputs(): RawInputs {
  return Object.fromEntries(Object.values(Input).map((name) => [name, core.getInput(name)])) as RawInputs
}

/** Spec errors become `::error file=…,line=…,col=…::` annotations, one per problem. */
export function reportError(host: Host, error: unknown): boolean {
  const list = error instanceof SpecErrors ? error.errors : error instanceof SpecError ? [error] : []
  for (const e of list) host.error(e.location?.path ? `${e.location.path}: ${e.message}` : e.message, e.location)
  return list.length > 0
}

/** The action's main step. The only place that fails the step. */
export async function run(): Promise<void> {
  const host = createActionHost()
  const cleanup = new Cleanup((paths) => host.saveState(State.Cleanup, JSON.stringify(paths)))
  host.saveState(State.IsPost, 'true')
  try {
    const settings = parseSettings(readInputs(), process.env)
    await runFetch(settings, host, cleanup)
  } catch (error) {
    if (reportError(host, error)) process.exitCode = core.ExitCode.Failure
    else core.setFailed(host.redactor.redact(errorMessage(error)))
  } finally {
    for (const p of await cleanup.run()) core.warning(`could not remove ${p}; the post step will retry`)
  }
}
