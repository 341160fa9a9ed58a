import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

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
  // Only the action loads @actions/core (and with it @actions/http-client and undici, which its
  // OIDC client imports statically: half the bundle); the CLI has a host of its own.
  const { runStep } = await import('./main.js')
  await runStep()
}
