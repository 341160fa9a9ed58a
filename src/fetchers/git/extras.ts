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

/**
 * LFS objects of the checked-out commit, fetched in parallel by git-lfs, then put in place. A
 * cone-mode sparse checkout (fetched with `--filter=blob:none`) names what it holds: git-lfs
 * scanning the whole tree would read blobs that were never fetched and fail ("Could not scan for
 * Git LFS files"), so it is given the cone's directories and the files beside them.
 */
export async function fetchLfs(
  git: Git,
  dir: string,
  commit: string,
  env: Record<string, string>,
  network: <T>(what: string, fn: () => Promise<T>) => Promise<T>,
  cone: string[] = []
): Promise<void> {
  if (!(await git.hasLfs())) {
    throw new LfsMissing(
      '`lfs: true` needs git-lfs, which is not installed on this runner: install it (e.g. `sudo apt-get install git-lfs`) or set `lfs: false`'
    )
  }
  const patterns = cone.length ? await conePatterns(git, dir, commit, cone) : []
  const include = patterns.length ? ['--include', patterns.join(',')] : []
  await network('lfs fetch', () => git.exec(['lfs', 'fetch', ...include, 'origin', commit], { cwd: dir, env }))
  // Without patterns git-lfs 3.3 also writes the pointers of paths outside the cone.
  await git.exec(['lfs', 'checkout', ...patterns], { cwd: dir, env })
}

/** git-lfs patterns for a cone: `dir/**` for each directory, `/file` for each file at the root and in each parent. */
async function conePatterns(git: Git, dir: string, commit: string, cone: string[]): Promise<string[]> {
  const dirs = cone.map((d) => d.replace(/^\/+|\/+$/g, '')).filter(Boolean)
  const parents = new Set<string>([''])
  for (const d of dirs) {
    const parts = d.split('/')
    for (let i = 1; i < parts.length; i++) parents.add(parts.slice(0, i).join('/') + '/')
  }
  // Only trees are read (they were fetched); a file's blob may not be.
  const out = await git.exec(['ls-tree', '-z', '--end-of-options', commit, '--', ...[...parents].map((p) => p || '.')], { cwd: dir })
  const files = out.stdout
    .split('\0')
    .filter((e) => /^\d+ blob /.test(e))
    .map((e) => e.slice(e.indexOf('\t') + 1))
  // A comma separates patterns, glob characters would widen them and a leading `-` reads as a
  // flag: such names keep their pointer files.
  const plain = (p: string) => !/[,*?[\\]|^-/.test(p)
  return [...dirs.filter(plain).map((d) => `${d}/**`), ...files.filter(plain).map((f) => `/${f}`)]
}
