import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Outcome } from '../fetchers/fetch-all.js'
import { kindOf } from '../fetchers/registry.js'
import type { Locked, ObjectEntry } from '../fetchers/types.js'
import type { Plan } from '../runspec/model.js'
import { SpecError } from '../util/errors.js'
import type { LockRecord } from './lock-schema.js'
import { publicAddress, sourceOutput, type SourceOutput } from './outputs.js'

/** The lock file: the `sources` output plus what replay needs. */
export interface LockFile {
  version: 1
  specDigest: string
  time: string
  dialect: string
  sources: Record<string, SourceOutput & { objects?: ObjectEntry[] }>
}

export function lockFile(plan: Plan, outcomes: Outcome[], now = new Date()): LockFile {
  const sources: LockFile['sources'] = {}
  for (const o of outcomes) {
    if (!o.result) continue
    sources[o.source.name] = { ...sourceOutput(o), ...(o.result.objects ? { objects: o.result.objects } : {}) }
  }
  return { version: 1, specDigest: plan.specDigest, time: now.toISOString(), dialect: plan.dialect, sources }
}

/**
 * `frozen:` — pins every source of the plan to what the lock recorded (each kind says how: git
 * sources to their commit, http sources to their sha256, object sources to their object list,
 * checked for drift when listed). A lock from a different spec is accepted only if the sources it
 * names are the same (kind and address); anything else is an error before anything is fetched.
 */
export async function applyFrozen(plan: Plan, lockPath: string, workspace: string): Promise<Map<string, Locked>> {
  const file = path.resolve(workspace, lockPath)
  let parsed: LockRecord
  try {
    // Loaded when a lock is read (`frozen`): a run that only writes one never loads the schema library.
    const { parseLock } = await import('./lock-schema.js')
    parsed = parseLock(JSON.parse(await fs.readFile(file, 'utf8')))
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not a fetch-sources lock file (version 1)'
    throw new SpecError(`input \`frozen\`: ${lockPath} (${file}) is ${why}`, undefined, { cause: e })
  }
  const pinned = new Map<string, Locked>()
  const problems: string[] = []
  for (const source of plan.sources) {
    const locked = parsed.sources[source.name]
    if (!locked) {
      problems.push(`source "${source.name}" is not in the lock file: run once without \`frozen\` to lock it`)
      continue
    }
    const kind = kindOf(source)
    // Compared without queries: a re-signed URL (new signature, same file) still matches its lock,
    // and so does a lock written before queries were left out of it.
    const address = publicAddress(kind.address(source))
    const lockedAddress = publicAddress(locked.url)
    if (locked.kind !== source.kind || lockedAddress !== address) {
      problems.push(`source "${source.name}" changed since the lock (${locked.kind} ${lockedAddress} → ${source.kind} ${address})`)
      continue
    }
    const problem = kind.pin(source, locked)
    if (problem) problems.push(`source "${source.name}": ${problem}`)
    pinned.set(source.name, locked)
  }
  if (problems.length) {
    const specNote = parsed.specDigest === plan.specDigest ? '' : ' (the spec itself differs from the one the lock was made with)'
    throw new SpecError(`cannot replay ${lockPath}${specNote}:\n  ${problems.join('\n  ')}`)
  }
  return pinned
}
