import type { GitSource, Submodules } from '../../spec/model.js'
import { GIT_FLAG_PATTERN, type GitOptions } from '../../spec/schema.js'

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
