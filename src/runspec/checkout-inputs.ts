import { SpecError } from '../util/errors.js'

/**
 * actions/checkout's inputs that shape the one git source of checkout mode (no `spec`, no `url`)
 * and of quick mode (`url`). action.yml leaves them empty by default so a spec run can tell a set
 * input (refused: a spec says it per source) from checkout's default (applied here).
 */
export interface CheckoutInputs {
  /** `owner/name`; '' = GITHUB_REPOSITORY. */
  repository: string
  ref: string
  /** true unless `clean: false`. */
  clean: boolean
  filter?: string
  sparseCheckout: string[]
  sparseCheckoutConeMode: boolean
  /** undefined = 1, as checkout; 0 = all history. */
  fetchDepth?: number
  fetchTags: boolean
  lfs: boolean
  submodules: false | true | 'recursive'
  /** Whether the `ssh-key` input is set (its value goes to the secret store only). */
  sshKey: boolean
  /** '' = `git`. */
  sshUser: string
  /** A name to look up in the `secrets` input (then the environment) for this source. */
  secret: string
  allowUnsafePrCheckout: boolean
  /** The inputs above that were set: a spec refuses them (its sources say it themselves). */
  set: string[]
}

/** What each source-level input is in a spec, for the message refusing it there. */
export const SPEC_EQUIVALENT: Record<string, string> = {
  repository: 'a source with `url: https://host/owner/name`',
  ref: '`git: {revision: …}`',
  clean: 'nothing: spec sources are always cleaned on a re-run',
  filter: '`git: {flags: [--filter=…]}`',
  'sparse-checkout': '`git: {sparse: [dir, …]}`',
  'sparse-checkout-cone-mode': '`git: {sparse: [dir, …]}` (cone mode)',
  'fetch-depth': '`git: {depth: …}`',
  'fetch-tags': '`git: {tags: true}`',
  lfs: '`git: {lfs: true}`',
  submodules: '`git: {submodules: …}`',
  'ssh-key': 'a connection whose secret is the key',
  'ssh-user': 'the user in the URL (`deploy@host:org/repo.git`)',
  secret: "the source's `secret: {name: …}`",
  'allow-unsafe-pr-checkout': 'nothing: a spec names its repositories itself'
}

const TRUE = /^true$/i
const FALSE = /^false$/i

type Get = (name: string) => string | undefined

/** A boolean input: true or false in any case, empty for `fallback`; anything else is an error. */
export function boolInput(get: Get, name: string, fallback: boolean): boolean {
  const v = (get(name) ?? '').trim()
  if (v === '') return fallback
  if (TRUE.test(v)) return true
  if (FALSE.test(v)) return false
  // checkout reads anything but "true" as false; a typo here must not silently mean false.
  throw new SpecError(`input \`${name}\` must be true or false, got "${v}"`)
}

/** Reads the source-level checkout inputs; `get` returns an input as the runner passed it. */
export function parseCheckoutInputs(get: Get): CheckoutInputs {
  const text = (name: string): string => (get(name) ?? '').trim()
  const set = Object.keys(SPEC_EQUIVALENT).filter((name) => text(name) !== '')

  const depthText = text('fetch-depth')
  let fetchDepth: number | undefined
  if (depthText !== '') {
    fetchDepth = Number(depthText)
    // checkout reads a negative or unreadable depth as 0 (all history): a typo would clone everything.
    if (!Number.isInteger(fetchDepth) || fetchDepth < 0)
      throw new SpecError(`input \`fetch-depth\` must be 0 (all history) or a positive whole number, got "${depthText}"`)
  }
  const submodulesText = text('submodules').toLowerCase()
  if (!['', 'true', 'false', 'recursive'].includes(submodulesText))
    throw new SpecError(`input \`submodules\` must be true, false or recursive, got "${text('submodules')}"`)
  const repository = text('repository')
  if (repository && !/^[^/\s]+\/[^/\s]+$/.test(repository))
    throw new SpecError(`input \`repository\` must be owner/name (e.g. actions/checkout), got "${repository}"`)

  return {
    repository,
    // checkout trims only ASCII whitespace from `ref` (a branch may start with other characters).
    ref: (get('ref') ?? '').replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, ''),
    clean: boolInput(get, 'clean', true),
    ...(text('filter') ? { filter: text('filter') } : {}),
    sparseCheckout: (get('sparse-checkout') ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    sparseCheckoutConeMode: boolInput(get, 'sparse-checkout-cone-mode', true),
    ...(fetchDepth !== undefined ? { fetchDepth } : {}),
    fetchTags: boolInput(get, 'fetch-tags', false),
    lfs: boolInput(get, 'lfs', false),
    submodules: submodulesText === 'recursive' ? 'recursive' : submodulesText === 'true',
    sshKey: text('ssh-key') !== '',
    sshUser: text('ssh-user'),
    secret: text('secret'),
    allowUnsafePrCheckout: boolInput(get, 'allow-unsafe-pr-checkout', false),
    set
  }
}
