import * as core from '@actions/core'
import { State } from './constants.js'
import { errorMessage } from './util/errors.js'
import { removeOwned } from './util/cleanup.js'

/** The post step: removes what the main step left (credential files, secret files, temp dirs). Never fails the job. */
export async function runPost(): Promise<void> {
  try {
    const saved = core.getState(State.Cleanup)
    const paths: unknown = saved ? JSON.parse(saved) : []
    if (!Array.isArray(paths)) return
    for (const p of paths) {
      if (typeof p !== 'string') continue
      try {
        await removeOwned(p)
        core.info(`removed ${p}`)
      } catch (e) {
        core.warning(`cleanup: ${errorMessage(e)}`)
      }
    }
  } catch (e) {
    core.warning(`cleanup failed: ${errorMessage(e)}`)
  }
}
