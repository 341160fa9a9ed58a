import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { exposedVariables, writeSecretFiles } from './connections/secret-files.js'
import { SecretStore } from './connections/store.js'
import { Output } from './constants.js'
import { fetchAll, type Outcome } from './fetchers/fetch-all.js'
import { cacheServiceAvailable } from './fetchers/shared/cache.js'
import { Cancelled, type Cleanup } from './util/cleanup.js'
import { writeFileAtomic } from './fetchers/shared/landing.js'
import type { Host } from './host/host.js'
import type { Settings } from './inputs.js'
import { buildPlan, primaryOf } from './plan.js'
import { applyFrozen, lockFile } from './report/lock.js'
import { cacheOutput, plannedSourcesOutput, sourcesOutput } from './report/outputs.js'
import { planText, summaryMarkdown } from './report/summary.js'
import type { Plan } from './runspec/model.js'
import { SpecError, SpecErrors, errorMessage } from './util/errors.js'

export interface RunResult {
  plan: Plan
  outcomes: Outcome[]
}

/**
 * The whole job, shared by the action and the CLI: plan, fetch, report. Throws on any failure.
 * `signal` cancels it (SIGINT/SIGTERM): transfers stop, staging is removed, nothing more lands.
 */
export async function runFetch(settings: Settings, host: Host, cleanup: Cleanup, signal?: AbortSignal): Promise<RunResult> {
  const store = new SecretStore({
    env: settings.env,
    redactor: host.redactor,
    warn: (m) => host.warning(m),
    ...(settings.secrets ? { input: settings.secrets } : {}),
    ...(settings.token ? { token: settings.token } : {}),
    ...(settings.sshKey ? { inputSecrets: { 'ssh-key': settings.sshKey } } : {})
  })
  const plan = await buildPlan(settings, store, (w) => host.warning(w.message, w.location)).catch(async (error: unknown) => {
    // A spec that cannot be planned still says why on the job's summary page.
    await host.summary(specErrorMarkdown(error))
    throw error
  })
  const frozen = settings.frozen ? await applyFrozen(plan, settings.frozen, settings.workspace) : undefined
  if (frozen) host.info(`frozen: replaying ${settings.frozen} — every source pinned to what it recorded`)
  host.info(planText(plan))

  const primary = primaryOf(plan.sources)
  if (settings.dryRun) {
    host.info('dry run: nothing fetched, nothing written')
    if (primary) host.setOutput(Output.Path, primary.dest)
    // The plan as data, so a workflow can fan out one job per source (fetch-matrix.yml).
    host.setOutput(Output.Sources, JSON.stringify(plannedSourcesOutput(plan.sources)))
    return { plan, outcomes: [] }
  }

  signal?.throwIfAborted()
  const written = await writeSecretFiles(plan, store, settings.tempRoot, cleanup)
  for (const w of written) host.info(`secret "${w.secret}" of connection "${w.connection}" written to ${w.dir} (${w.files} file(s))`)
  if (written[0]) host.setOutput(Output.SecretsDir, written[0].root)
  exposeConnections(plan, store, settings, host)
  const options = {
    env: settings.env,
    tempRoot: settings.tempRoot,
    concurrency: settings.concurrency,
    persistCredentials: settings.persistCredentials,
    unpackLimit: settings.unpackLimit,
    cache: { ...settings.cache, root: settings.tempRoot, available: cacheServiceAvailable(settings.env) },
    server: { url: settings.serverUrl, ...(store.serverToken() ? { token: store.serverToken()! } : {}) },
    git: settings.git
  }
  const outcomes = await fetchAll(plan.sources, options, host, cleanup, frozen, signal)
  if (signal?.aborted) throw cancelledError(signal.reason, outcomes)

  // Outputs name only what landed: a failed source has no path, no commit, no entry in `sources`.
  if (outcomes.some((o) => o.result)) host.setOutput(Output.Sources, JSON.stringify(sourcesOutput(outcomes)))
  const primaryOutcome = outcomes.find((o) => o.source === primary)
  if (primaryOutcome?.result) host.setOutput(Output.Path, primaryOutcome.source.dest)
  if (outcomes.some((o) => o.result?.cache && o.result.cache.status !== 'off')) host.setOutput(Output.Cache, JSON.stringify(cacheOutput(outcomes)))
  if (primaryOutcome?.result?.commit) {
    host.setOutput(Output.Commit, primaryOutcome.result.commit)
    host.setOutput(Output.Ref, primaryOutcome.result.ref ?? '')
  }
  await host.summary(summaryMarkdown(plan, outcomes))

  // Each failure was reported once, in its source's group; this is the run's one-line verdict.
  const failed = outcomes.filter((o) => o.error)
  if (failed.length) throw new Error(failedMessage(failed, outcomes.length))

  if (plan.entrypoint) {
    const source = plan.sources.find((s) => s.name === plan.entrypoint!.source)!
    const file = path.resolve(source.dest, plan.entrypoint.path)
    if (!(await fs.stat(file).catch(() => undefined))?.isFile()) {
      throw new Error(`entry point "${plan.entrypoint.path}" does not exist in source "${source.name}" (looked for ${file})`)
    }
    host.setOutput(Output.Entrypoint, file)
  }

  // Written last, atomically: a lock file only ever describes a run that completed.
  const lock = lockFile(plan, outcomes)
  const lockPath = await lockFilePath(settings, plan)
  await writeFileAtomic(lockPath, host.redactor.redact(JSON.stringify(lock, null, 2)) + '\n')
  host.setOutput(Output.LockFile, lockPath)
  return { plan, outcomes }
}

/** `2 of 5 sources failed: a, b; the other 3 landed complete; no lock file was written`. */
export function failedMessage(failed: Outcome[], total: number): string {
  const names = failed.map((f) => f.source.name).join(', ')
  const others = total - failed.length
  const rest = others === 0 ? '' : `; the other ${others === 1 ? 'one' : others} landed complete`
  return `${failed.length} of ${total} source${total === 1 ? '' : 's'} failed: ${names}${rest}; no lock file was written`
}

/** The summary of a run whose spec could not be planned: each problem where it is. */
function specErrorMarkdown(error: unknown): string {
  const list = error instanceof SpecErrors ? error.errors : error instanceof SpecError ? [error] : undefined
  const lines = list ? list.map((e) => `- ${e.describe().replace(/\n/g, ' ')}`) : [`- ${errorMessage(error)}`]
  return ['### fetch-sources: the spec could not be planned', '', ...lines, ''].join('\n')
}

/** One line: what the cancel stopped and what it left (staging is gone by now; see fetch-all). */
function cancelledError(reason: unknown, outcomes: Outcome[]): Error {
  const landed = outcomes.filter((o) => o.result).map((o) => o.source.name)
  const stopped = outcomes.filter((o) => o.error).map((o) => o.source.name)
  const what = [
    stopped.length ? `stopped ${stopped.join(', ')} and removed ${stopped.length === 1 ? 'its' : 'their'} staging and partial downloads` : '',
    landed.length ? `${landed.join(', ')} had landed complete before and stay` : 'nothing landed'
  ].filter(Boolean)
  const head = reason instanceof Cancelled ? reason.message : 'cancelled'
  return new Error(`${head}: ${what.join('; ')}; no lock file was written`, { cause: reason })
}

/** Polyaxon `run.connections`: export the connections' secret keys as masked env vars, on request. */
function exposeConnections(plan: Plan, store: SecretStore, settings: Settings, host: Host): void {
  if (plan.exposeConnections.length === 0) return
  if (!settings.exposeConnections) {
    host.info(
      `the spec's main container uses connections ${plan.exposeConnections.join(', ')}; set \`expose-connections: true\` to export their secrets as environment variables`
    )
    return
  }
  for (const exposed of exposedVariables(plan, store)) {
    if (!exposed.variables) {
      host.warning(`connection "${exposed.connection}" has no secret with keys to expose`)
      continue
    }
    for (const [key, value] of Object.entries(exposed.variables)) host.exportVariable(key, value)
    host.info(`exported the keys of secret "${exposed.secret}" (connection "${exposed.connection}") as environment variables: ${exposed.keys.join(', ')}`)
  }
}

/**
 * Where the lock file goes. A CLI run with a checkout at the workspace root keeps it in `.git`:
 * in the root it would show up in `git status` and be removed by the next run's clean.
 */
async function lockFilePath(settings: Settings, plan: Plan): Promise<string> {
  if (!settings.lockFileInWorkspace || !plan.sources.some((s) => s.relPath === '.')) return settings.lockFile
  const gitDir = path.join(settings.workspace, '.git')
  return (await fs.stat(gitDir).catch(() => undefined))?.isDirectory() ? path.join(gitDir, 'sources.lock.json') : settings.lockFile
}
