import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { z } from 'zod'
import { SpecError } from '../util/errors.js'
import type { ObjectEntry } from '../fetchers/types.js'
import { sourceAddress } from './outputs.js'
import type { Plan } from '../spec/model.js'

/** What a lock file recorded for one source; replay fetches exactly this. */
export interface Locked {
  kind: string
  url: string
  commit: string
  ref: string
  digest: string
  objects?: ObjectEntry[]
}

const lockSchema = z.object({
  version: z.literal(1),
  specDigest: z.string(),
  sources: z.record(
    z.string(),
    z.object({
      kind: z.string(),
      url: z.string(),
      commit: z.string().default(''),
      ref: z.string().default(''),
      digest: z.string().default(''),
      objects: z.array(z.object({ key: z.string(), size: z.number(), version: z.string() })).optional()
    })
  )
})

/**
 * `frozen:` — pins every source of the plan to what the lock recorded: git sources to their
 * commit, http sources to their sha256, object sources to their object list (checked for drift
 * when listed). A lock from a different spec is accepted only if the sources it names are the
 * same (kind and address); anything else is an error before anything is fetched.
 */
export async function applyFrozen(plan: Plan, lockPath: string, workspace: string): Promise<Map<string, Locked>> {
  const file = path.resolve(workspace, lockPath)
  let parsed: z.infer<typeof lockSchema>
  try {
    parsed = lockSchema.parse(JSON.parse(await fs.readFile(file, 'utf8')))
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
    if (locked.kind !== source.kind || locked.url !== sourceAddress(source)) {
      problems.push(`source "${source.name}" changed since the lock (${locked.kind} ${locked.url} → ${source.kind} ${sourceAddress(source)})`)
      continue
    }
    if (source.kind === 'git') {
      if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(locked.commit)) problems.push(`source "${source.name}": the lock has no commit to replay`)
      else source.revision = locked.commit
    } else if (source.kind === 'http') {
      const sha = /^sha256:([0-9a-f]{64})$/.exec(locked.digest)?.[1]
      if (sha) source.sha256 = sha
    } else if (!locked.objects) {
      problems.push(`source "${source.name}": the lock has no object list to replay (written by an older version?)`)
    }
    pinned.set(source.name, locked)
  }
  if (problems.length) {
    const specNote = parsed.specDigest === plan.specDigest ? '' : ' (the spec itself differs from the one the lock was made with)'
    throw new SpecError(`cannot replay ${lockPath}${specNote}:\n  ${problems.join('\n  ')}`)
  }
  return pinned
}

/** Compares a fresh listing with the locked one: the per-source drift report, or undefined. */
export function objectDrift(locked: readonly ObjectEntry[], now: readonly ObjectEntry[]): string | undefined {
  const before = new Map(locked.map((o) => [o.key, o]))
  const after = new Map(now.map((o) => [o.key, o]))
  const changed = [...after.values()].filter((o) => before.has(o.key) && (before.get(o.key)!.size !== o.size || before.get(o.key)!.version !== o.version))
  const removed = [...before.keys()].filter((k) => !after.has(k))
  const added = [...after.keys()].filter((k) => !before.has(k))
  if (changed.length + removed.length + added.length === 0) return undefined
  const parts = [
    changed.length && `${changed.length} object${changed.length > 1 ? 's' : ''} changed`,
    removed.length && `${removed.length} removed`,
    added.length && `${added.length} added`
  ].filter(Boolean)
  const examples = [...changed.map((o) => `"${o.key}" changed`), ...removed.map((k) => `"${k}" removed`), ...added.map((k) => `"${k}" added`)].slice(0, 5)
  return `${parts.join(', ')} since the lock (${examples.join(', ')}${changed.length + removed.length + added.length > 5 ? ', …' : ''})`
}
