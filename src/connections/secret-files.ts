import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Cleanup } from '../util/cleanup.js'
import type { Plan, SecretHandle } from '../runspec/model.js'
import { safeRelative } from '../util/safe-path.js'
import type { SecretStore } from './store.js'
import { valueOf } from './secret.js'

/** The secret of a catalog connection, as sources resolved it or looked up now. */
function secretOf(plan: Plan, store: SecretStore, name: string): SecretHandle | undefined {
  const fromSource = plan.sources.find((s) => s.connection === name)?.secret
  if (fromSource) return fromSource
  const c = plan.connections.find((c) => c.name === name)
  return c?.secret ? store.require(c.secret.name, `connection "${name}"`, c.origin) : undefined
}

export interface WrittenSecret {
  /** The directory holding every connection's files (the `secrets-dir` output). */
  root: string
  connection: string
  secret: string
  dir: string
  files: number
}

/**
 * `secret.mountPath`: writes the secret's keys as 0600 files under the temp root (the runner has
 * no Kubernetes volume to mount them on). The post step removes the directory.
 */
export async function writeSecretFiles(plan: Plan, store: SecretStore, tempRoot: string, cleanup: Cleanup): Promise<WrittenSecret[]> {
  const written: WrittenSecret[] = []
  const used = new Set(plan.sources.map((s) => s.connection).concat(plan.exposeConnections))
  for (const c of plan.connections) {
    if (!c.secret?.mountPath || !used.has(c.name)) continue
    const secret = secretOf(plan, store, c.name)
    if (!secret) continue
    const root = path.join(tempRoot, `fetch-sources-secrets-${process.pid}`)
    cleanup.add(root, { untilPost: true })
    const dir = path.join(root, c.name, ...c.secret.mountPath.split(/[\\/]/).filter((p) => p && p !== '.' && p !== '..'))
    await fs.mkdir(dir, { recursive: true, mode: 0o700 })
    const { raw, fields } = valueOf(secret)
    const files = fields ?? { [secret.name]: raw }
    for (const [key, value] of Object.entries(files)) {
      const safe = safeRelative(key)
      if (!safe || safe.includes('/')) continue
      await fs.writeFile(path.join(dir, safe), value, { mode: 0o600 })
    }
    written.push({ root, connection: c.name, secret: secret.name, dir, files: Object.keys(files).length })
  }
  return written
}

export interface ExposedSecret {
  connection: string
  secret?: string
  /** Names of the exported keys. */
  keys: string[]
  /** Key → value for the environment of later steps; undefined when the secret has no keys. */
  variables?: Record<string, string>
}

/** Polyaxon `run.connections`: the keys of each named connection's secret, as environment variables. */
export function exposedVariables(plan: Plan, store: SecretStore): ExposedSecret[] {
  return plan.exposeConnections.map((name) => {
    const secret = secretOf(plan, store, name)
    const fields = secret ? valueOf(secret).fields : undefined
    if (!secret || !fields) return { connection: name, keys: [] }
    const variables = Object.fromEntries(Object.entries(fields).filter(([key]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)))
    return { connection: name, secret: secret.name, keys: Object.keys(fields), variables }
  })
}
