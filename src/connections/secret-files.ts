import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Host } from '../host/host.js'
import type { SecretStore } from './store.js'
import type { Secret } from './secret.js'
import type { Settings } from '../inputs.js'
import type { Plan } from '../spec/model.js'
import { safeRelative } from '../util/safe-path.js'
import type { Cleanup } from '../fetchers/shared/cleanup.js'

/**
 * `secret.mountPath`: writes the secret's keys as 0600 files under RUNNER_TEMP (the runner has no
 * Kubernetes volume to mount them on). The post step removes the directory.
 * Returns connection name → directory.
 */
/** The secret of a catalog connection, as sources resolved it or looked up now. */
function secretOf(plan: Plan, store: SecretStore, name: string): Secret | undefined {
  const fromSource = plan.sources.find((s) => s.connection === name)?.secret
  if (fromSource) return fromSource
  const c = plan.connections.find((c) => c.name === name)
  return c?.secret ? store.require(c.secret.name, `connection "${name}"`, c.origin) : undefined
}

export async function writeSecretFiles(plan: Plan, store: SecretStore, settings: Settings, host: Host, cleanup: Cleanup): Promise<Record<string, string>> {
  const dirs: Record<string, string> = {}
  const used = new Set(plan.sources.map((s) => s.connection).concat(plan.exposeConnections))
  for (const c of plan.connections) {
    if (!c.secret?.mountPath || !used.has(c.name)) continue
    const secret = secretOf(plan, store, c.name)
    if (!secret) continue
    const root = path.join(settings.tempRoot, `fetch-sources-secrets-${process.pid}`)
    cleanup.add(root, { untilPost: true })
    const dir = path.join(root, c.name, ...c.secret.mountPath.split(/[\\/]/).filter((p) => p && p !== '.' && p !== '..'))
    await fs.mkdir(dir, { recursive: true, mode: 0o700 })
    const files = secret.fields ?? { [secret.name]: secret.raw }
    for (const [key, value] of Object.entries(files)) {
      const safe = safeRelative(key)
      if (!safe || safe.includes('/')) continue
      await fs.writeFile(path.join(dir, safe), value, { mode: 0o600 })
    }
    host.info(`secret "${secret.name}" of connection "${c.name}" written to ${dir} (${Object.keys(files).length} file(s))`)
    dirs[c.name] = dir
  }
  return dirs
}

/** Polyaxon `run.connections`: export the connections' secret keys as masked env vars, on request. */
export function exposeConnections(plan: Plan, store: SecretStore, settings: Settings, host: Host): void {
  if (plan.exposeConnections.length === 0) return
  if (!settings.exposeConnections) {
    host.info(
      `the spec's main container uses connections ${plan.exposeConnections.join(', ')}; set \`expose-connections: true\` to export their secrets as environment variables`
    )
    return
  }
  for (const name of plan.exposeConnections) {
    const secret = secretOf(plan, store, name)
    if (!secret?.fields) {
      host.warning(`connection "${name}" has no secret with keys to expose`)
      continue
    }
    for (const [key, value] of Object.entries(secret.fields)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue
      host.exportVariable(key, value)
    }
    host.info(`exported the keys of secret "${secret.name}" (connection "${name}") as environment variables: ${Object.keys(secret.fields).join(', ')}`)
  }
}
