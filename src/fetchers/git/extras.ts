import type { GitSource } from './source.js'
import type { Git } from './git.js'

/**
 * Submodules, after the superproject's checkout: all at once (`--jobs`), each fetched with the
 * credentials the environment scopes to its host.
 */
export async function updateSubmodules(git: Git, dir: string, source: GitSource, env: Record<string, string>, only?: string): Promise<void> {
  const args = ['submodule', 'update', '--init', '--force', '--jobs=8']
  if (source.submodules === 'recursive') args.push('--recursive')
  if (source.depth > 0) args.push(`--depth=${source.depth}`)
  else if (source.shallowSubmodules) args.push('--depth=1')
  if (only) args.push('--', only)
  await git.exec(args, { cwd: dir, env })
}

export class LfsMissing extends Error {
  override name = 'LfsMissing'
}

/** LFS objects of the checked-out commit, fetched in parallel by git-lfs, then put in place. */
export async function fetchLfs(
  git: Git,
  dir: string,
  commit: string,
  env: Record<string, string>,
  network: <T>(what: string, fn: () => Promise<T>) => Promise<T>
): Promise<void> {
  if (!(await git.hasLfs())) {
    throw new LfsMissing(
      '`lfs: true` needs git-lfs, which is not installed on this runner: install it (e.g. `sudo apt-get install git-lfs`) or set `lfs: false`'
    )
  }
  await network('lfs fetch', () => git.exec(['lfs', 'fetch', 'origin', commit], { cwd: dir, env }))
  await git.exec(['lfs', 'checkout'], { cwd: dir, env })
}
