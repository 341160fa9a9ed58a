import { provision } from '../../scripts/requirements.js'

/** vitest globalSetup: stop in the first second when the machine lacks what the suites need. */
export default function setup(): void {
  provision()
}
