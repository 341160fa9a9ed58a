import { readFileSync } from 'node:fs'
import { SpecError } from '../util/errors.js'

const PR_REF = /^refs\/pull\/[0-9]+\/(?:head|merge)$/

function at(payload: unknown, dotted: string): unknown {
  let v = payload
  for (const key of dotted.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined
  return v
}

function readPayload(env: Record<string, string | undefined>): unknown {
  if (!env.GITHUB_EVENT_PATH) return undefined
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
  } catch {
    return undefined
  }
}

/**
 * actions/checkout's guard against "pwn requests": a `pull_request_target` or `workflow_run`
 * workflow runs with the base repository's token and secrets, so checking out a fork's pull
 * request code there is refused unless `allow-unsafe-pr-checkout: true` says it was reviewed.
 * Only asked when the repository or ref was chosen (the default checkout is the trusted commit).
 * The same payload fields and conditions as checkout's unsafe-pr-checkout-helper.
 */
export function assertSafePrCheckout(o: { repository: string; ref: string; commit?: string; allow: boolean; env: Record<string, string | undefined> }): void {
  const event = o.env.GITHUB_EVENT_NAME
  if (o.allow || (event !== 'pull_request_target' && event !== 'workflow_run')) return
  const payload = readPayload(o.env)
  const baseId = at(payload, 'repository.id')
  if (typeof baseId !== 'number') return
  const shas: unknown[] = []
  let headId: unknown
  let headName: unknown
  if (event === 'pull_request_target') {
    headId = at(payload, 'pull_request.head.repo.id')
    headName = at(payload, 'pull_request.head.repo.full_name')
    shas.push(at(payload, 'pull_request.head.sha'), at(payload, 'pull_request.merge_commit_sha'))
  } else {
    const run = at(payload, 'workflow_run.event')
    if (typeof run !== 'string' || !run.startsWith('pull_request')) return
    headId = at(payload, 'workflow_run.head_repository.id')
    headName = at(payload, 'workflow_run.head_repository.full_name')
    shas.push(at(payload, 'workflow_run.head_commit.id'))
    // For a pull_request_target run, head_sha is the base branch's commit, not the fork's.
    if (run !== 'pull_request_target') shas.push(at(payload, 'workflow_run.head_sha'))
  }
  if (typeof headId !== 'number' || headId === baseId) return
  const forkShas = shas.filter((s): s is string => typeof s === 'string' && s !== '').map((s) => s.toLowerCase())
  const fork =
    (typeof headName === 'string' && o.repository.toLowerCase() === headName.toLowerCase()) ||
    PR_REF.test(o.ref) ||
    (o.commit !== undefined && forkShas.includes(o.commit.toLowerCase()))
  if (!fork) return
  throw new SpecError(
    `refusing to check out fork pull request code from a '${event}' workflow: it runs with the base repository's token, secrets and cache, ` +
      'and running a fork\'s code there is how "pwn requests" happen. Review https://gh.io/securely-using-pull_request_target, then set ' +
      '`allow-unsafe-pr-checkout: true` to opt in'
  )
}
