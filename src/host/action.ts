import * as core from '@actions/core'
import * as fs from 'node:fs/promises'
import type { SourceLocation } from '../util/errors.js'
import type { Host } from './host.js'
import { Redactor } from '../connections/redactor.js'

function annotation(location?: SourceLocation): core.AnnotationProperties | undefined {
  if (!location) return undefined
  return { file: location.file, startLine: location.line, startColumn: location.column }
}

/** The GitHub Actions runner: workflow commands, `GITHUB_OUTPUT`/`GITHUB_STATE` files. */
export function createActionHost(redactor = new Redactor()): Host {
  redactor.listen((value) => core.setSecret(value))
  const r = (s: string): string => redactor.redact(s)
  return {
    redactor,
    debug: (m) => core.debug(r(m)),
    info: (m) => core.info(r(m)),
    warning: (m, loc) => core.warning(r(m), annotation(loc)),
    error: (m, loc) => core.error(r(m), annotation(loc)),
    group: (name, fn) => core.group(r(name), fn),
    setOutput: (name, value) => core.setOutput(name, r(value)),
    saveState: (name, value) => core.saveState(name, r(value)),
    exportVariable: (name, value) => core.exportVariable(name, value),
    async summary(markdown) {
      // `act` and local runs have no summary file; that is not an error.
      const file = process.env.GITHUB_STEP_SUMMARY
      if (!file) return
      await fs.appendFile(file, r(markdown) + '\n')
    }
  }
}
