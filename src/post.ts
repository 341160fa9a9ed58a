import * as core from '@actions/core'
import { State } from './constants.js'
import { errorMessage } from './util/errors.js'
import { removeOwned } from './util/cleanup.js'
import { describeOwner, isLockFile, removeLockIfGone } from './fetchers/shared/destination.js'

/**
 * The post step: removes what the main step left (credential files, secret files, temp dirs, and
 * after a killed main step its staging and destination locks). Never fails the job.
 */
export async function runPost(): Promise<void> {
  try {
    const saved = core.getState(State.Cleanup)
    const paths: unknown = saved ? JSON.parse(saved) : []
    if (!Array.isArray(paths)) return
    for (const p of paths) {
      if (typeof p !== 'string') continue
      try {
        if (isLockFile(p)) {
          // A killed main step leaves its destination locks; one a live run has taken since is not ours.
          const holder = await removeLockIfGone(p)
          core.info(holder ? `left ${p}: held by a running fetch-sources run (${describeOwner(holder)})` : `released ${p}`)
          continue
        }
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
