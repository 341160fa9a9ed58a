import type { BuildContext } from '../../runspec/kinds.js'
import type { Connection, SourceBase } from '../../runspec/model.js'
import type { CheckoutOptions, GitProxy } from '../../runspec/translation.js'
import { GIT_FLAG_PATTERN, INSIDE_PATH } from '../../runspec/patterns.js'
import type { GitOptions } from '../../runspec/schema.js'
import { gitUrlProblem } from './url.js'

export type Submodules = false | true | 'recursive'

export interface GitSource extends SourceBase {
  kind: 'git'
  url: string
  /** Branch, tag, SHA or refs/...; undefined = remote HEAD. */
  revision?: string
  /** 0 = full history. */
  depth: number
  submodules: Submodules
  shallowSubmodules: boolean
  lfs: boolean
  sparse: string[]
  tags: boolean
  singleBranch: boolean
  filter?: string
  /** Only this directory of the repository lands at `dest` (ZenML). */
  subdirectory?: string
  /** Hosting API for a tarball fallback when git is unusable (github/gitlab connections). */
  provider?: { type: 'github' | 'gitlab'; apiUrl: string; owner: string; repo: string }
  knownHosts?: string
  proxy?: GitProxy
  /** actions/checkout's semantics (checkout mode, quick mode). */
  checkout?: CheckoutOptions
}

/** A git source from its draft: URL (from the draft, the connection or its provider), options, revision. */
export function buildGit({ draft: d, connection, schema, url, common, fail }: BuildContext): GitSource {
  // Checkout mode names its repository on GitHub's API too (its URL is the draft's own).
  const provider = connection ? providerOf(connection) : d.checkout?.api ? { url: url!, api: { type: 'github' as const, ...d.checkout.api } } : undefined
  const gitUrl = d.git?.url ?? (schema.url as string | undefined) ?? provider?.url ?? url!
  const problem = gitUrlProblem(gitUrl)
  if (problem) fail(problem, d.git?.url ? ['git', 'url'] : d.url ? ['url'] : ['connection'])
  const settings = gitSettings(d.git, (schema.flags as string[] | undefined) ?? [])
  if ('refused' in settings) fail(settings.refused, settings.index >= 0 ? ['git', 'flags', settings.index] : ['connection'])
  const revision = d.git?.revision ?? d.defaultRevision ?? (schema.revision as string | undefined)
  if (revision !== undefined && /^-|\s|\.\.|[~^:?*[\\]|@\{/.test(revision))
    fail(`revision "${revision}" is not a valid branch, tag, SHA or ref`, ['git', 'revision'])
  // The native schema checks these with a location; drafts of other dialects are checked here.
  // Non-cone patterns (`!/tests/`, `*.md`) are git's to interpret, always inside the work tree.
  const sparse = d.checkout?.sparsePatterns ? [] : (d.git?.sparse ?? [])
  const outside = sparse.findIndex((p) => !INSIDE_PATH.test(p))
  if (outside >= 0) fail(`sparse entry "${sparse[outside]}" is not a path inside the repository: relative, without ".." segments`, ['git', 'sparse', outside])
  if (d.subdirectory !== undefined && !INSIDE_PATH.test(d.subdirectory))
    fail(`subdirectory "${d.subdirectory}" is not a path inside the repository: relative, without ".." segments`, ['subdirectory'])
  const known = schema.knownHosts as string | string[] | undefined
  return {
    ...common,
    kind: 'git',
    url: gitUrl,
    ...(settings as Exclude<typeof settings, { refused: string }>),
    ...(revision !== undefined ? { revision } : {}),
    ...(d.subdirectory !== undefined ? { subdirectory: d.subdirectory } : {}),
    ...(provider ? { provider: provider.api } : {}),
    ...(known !== undefined ? { knownHosts: Array.isArray(known) ? known.join('\n') : known } : {}),
    ...(d.proxy ? { proxy: d.proxy } : {}),
    ...(d.checkout ? { checkout: d.checkout } : {})
  }
}

/** github and gitlab connections name a repository on a host: its clone URL and its API. */
function providerOf(c: Connection): { url: string; api: NonNullable<GitSource['provider']> } | undefined {
  const s = c.schema as Record<string, string | undefined>
  if (c.kind === 'github') {
    const host = s.host ?? 'github.com'
    const web = s.url ?? `https://${host}`
    const apiUrl = s.apiUrl ?? (host === 'github.com' ? 'https://api.github.com' : `${web.replace(/\/$/, '')}/api/v3`)
    return { url: `${web.replace(/\/$/, '')}/${s.owner}/${s.repository}.git`, api: { type: 'github', apiUrl, owner: s.owner!, repo: s.repository! } }
  }
  if (c.kind === 'gitlab') {
    const web = (s.instanceUrl ?? s.url ?? `https://${s.host ?? 'gitlab.com'}`).replace(/\/$/, '')
    return { url: `${web}/${s.group}/${s.project}.git`, api: { type: 'gitlab', apiUrl: `${web}/api/v4`, owner: s.group!, repo: s.project! } }
  }
  return undefined
}

export type GitSettings = Pick<GitSource, 'depth' | 'submodules' | 'shallowSubmodules' | 'lfs' | 'sparse' | 'tags' | 'singleBranch' | 'filter'>

/**
 * Folds the allow-listed `flags` (Polyaxon style) into typed options. Explicit options win over
 * flags. Returns the refused flag's message instead when one is not allowed.
 */
export function gitSettings(options: GitOptions | undefined, connectionFlags: string[] = []): GitSettings | { refused: string; index: number } {
  const flags = [...connectionFlags, ...(options?.flags ?? [])]
  let depth: number | undefined
  let submodules: Submodules | undefined
  let shallowSubmodules = false
  let singleBranch = false
  let tags: boolean | undefined
  let filter: string | undefined
  for (const [i, raw] of flags.entries()) {
    const flag = raw.trim()
    if (!GIT_FLAG_PATTERN.test(flag)) {
      return {
        refused:
          `git flag "${flag}" is not allowed: only --depth N, --recurse-submodules, --shallow-submodules, ` +
          '--single-branch, --no-tags, --filter=…, --experimental-fetch are (use `depth`, `submodules`, `sparse`, `tags` instead)',
        index: i - connectionFlags.length
      }
    }
    if (flag.startsWith('--depth')) depth = Number(flag.slice('--depth'.length + 1))
    else if (flag === '--recurse-submodules') submodules = 'recursive'
    else if (flag === '--shallow-submodules') shallowSubmodules = true
    else if (flag === '--single-branch') singleBranch = true
    else if (flag === '--no-tags') tags = false
    else if (flag.startsWith('--filter=')) filter = flag.slice('--filter='.length)
    // --experimental-fetch: Polyaxon's "fetch instead of clone" — what we always do.
  }
  const finalDepth = options?.depth ?? depth ?? 1
  return {
    depth: finalDepth,
    submodules: options?.submodules ?? submodules ?? false,
    shallowSubmodules,
    lfs: options?.lfs ?? false,
    sparse: options?.sparse ?? [],
    // Full history means full history, tags included, unless said otherwise.
    tags: options?.tags ?? tags ?? finalDepth === 0,
    singleBranch,
    ...(filter !== undefined ? { filter } : {})
  }
}
