import * as path from 'node:path'
import { SpecError, SpecErrors } from '../../src/util/errors.js'
import { Redactor } from '../../src/connections/redactor.js'
import { SecretStore } from '../../src/connections/store.js'
import type { BucketSource } from '../../src/fetchers/bucket.js'
import type { GitSource } from '../../src/fetchers/git/source.js'
import type { HostPathSource } from '../../src/fetchers/host-path/source.js'
import type { HttpSource } from '../../src/fetchers/http/source.js'
import { Input, parseSettings, type RawInputs } from '../../src/inputs.js'
import type { Plan } from '../../src/runspec/model.js'
import { buildPlan } from '../../src/plan.js'

export const WORKSPACE = path.resolve('/tmp/fetch-sources-plan-ws')

/** Every kind's source type, so tests can narrow on `kind`. */
export type Source = GitSource | BucketSource<'s3' | 'gcs' | 'wasb' | 'oci'> | HttpSource | HostPathSource

export interface PlanOutcome {
  plan?: Omit<Plan, 'sources'> & { sources: Source[] }
  errors: SpecError[]
  warnings: SpecError[]
  other?: unknown
}

/** Plans an inline spec without touching the network or the disk (inline specs only). */
export async function planOf(
  spec: string,
  opts: { secrets?: Record<string, string>; env?: Record<string, string>; inputs?: Partial<Record<Input, string>> } = {}
): Promise<PlanOutcome> {
  const raw = {
    [Input.Spec]: spec,
    [Input.Workspace]: WORKSPACE,
    ...(opts.secrets ? { [Input.Secrets]: JSON.stringify(opts.secrets) } : {}),
    ...opts.inputs
  } as RawInputs
  const warnings: SpecError[] = []
  try {
    const settings = parseSettings(raw, opts.env ?? {})
    const store = new SecretStore({
      env: opts.env ?? {},
      redactor: new Redactor(),
      warn: () => undefined,
      ...(settings.secrets ? { input: settings.secrets } : {}),
      ...(settings.sshKey ? { inputSecrets: { 'ssh-key': settings.sshKey } } : {})
    })
    const plan = await buildPlan(settings, store, (w) => warnings.push(w))
    return { plan: plan as PlanOutcome['plan'], errors: [], warnings }
  } catch (e) {
    if (e instanceof SpecErrors) return { errors: e.errors, warnings }
    if (e instanceof SpecError) return { errors: [e], warnings }
    return { errors: [], warnings, other: e }
  }
}
