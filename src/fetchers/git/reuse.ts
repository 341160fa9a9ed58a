import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Git } from './git.js'
import { publicUrl } from '../../util/urls.js'
import { sameRemote } from './url.js'

/**
 * A checkout left at the destination by an earlier run is not trusted: on a persistent runner
 * anything since (a later step, the code it ran) may have written to its `.git`. Git reads a
 * repository's config and runs what it names — `core.hooksPath`, `core.fsmonitor`,
 * `core.sshCommand`, `filter.*.process`, `remote.*.uploadpack`, `protocol.*.allow`, `include.path`,
 * credential helpers, … — so a checkout is only updated in place when every key of its config
 * files is one fetch-sources (or git doing what fetch-sources asks: init, a partial fetch,
 * submodule update, git-lfs) writes. Anything else and the checkout is replaced by a fresh one.
 */
const ALLOWED: Array<{ key: RegExp; value?: (v: string | undefined) => boolean }> = [
  { key: /^core\.(repositoryformatversion|filemode|logallrefupdates|ignorecase|precomposeunicode|symlinks)$/ },
  // A sparse checkout is judged before (never reused); `false` is what `sparse-checkout disable` leaves.
  { key: /^core\.sparsecheckout(cone)?$/, value: (v) => v === 'false' },
  { key: /^core\.bare$/, value: (v) => v === 'false' },
  { key: /^extensions\.(objectformat|partialclone|refstorage)$/ },
  { key: /^remote\.origin\.(url|fetch|promisor|partialclonefilter)$/ },
  { key: /^branch\..+\.remote$/, value: (v) => v === 'origin' },
  { key: /^branch\..+\.merge$/ },
  { key: /^submodule\..+\.(url|active)$/ },
  { key: /^lfs\.repositoryformatversion$/ },
  { key: /^lfs\..+\.access$/ },
  { key: /^user\.(name|email)$/ },
  // Only the file `persist-credentials` wrote; removed before any git process reads the config.
  { key: /^include\.path$/, value: (v) => v !== undefined && isPersistedInclude(v) }
]

/** The `include.path` value `persist-credentials` writes (a 0600 file under RUNNER_TEMP). */
export function isPersistedInclude(value: string): boolean {
  return /[\\/]fetch-sources-git-creds-[0-9a-f]+[\\/]config$/.test(value)
}

export type ReuseVerdict = { reuse: true } | { reuse: false; reason: string }

/**
 * Whether the checkout in `dir` can be updated in place for `url`. Reads config files with
 * `git config --file … --list` (which follows no include and runs nothing), from `cwd`, a
 * directory of our own, so no repository around it is consulted either.
 */
export async function judgeCheckout(git: Git, dir: string, url: string, cwd: string): Promise<ReuseVerdict> {
  const gitDir = path.join(dir, '.git')
  const st = await fs.lstat(gitDir).catch(() => undefined)
  if (!st) return { reuse: false, reason: `holds no checkout of ${publicUrl(url)}` }
  if (!st.isDirectory()) return { reuse: false, reason: 'holds a `.git` that is not a plain directory' }
  // `commondir` makes git read another directory's config and hooks instead.
  if (await fs.lstat(path.join(gitDir, 'commondir')).catch(() => undefined)) return { reuse: false, reason: 'holds a `.git/commondir`' }

  const top = await readConfig(git, path.join(gitDir, 'config'), cwd)
  if (typeof top === 'string') return { reuse: false, reason: top }
  const origin = top.find(([k]) => k === 'remote.origin.url')?.[1]
  if (origin === undefined || !sameRemote(origin, url)) return { reuse: false, reason: `holds no checkout of ${publicUrl(url)}` }
  // Sparse checkouts are never updated in place (their cone is the previous spec's).
  if (top.some(([k, v]) => k === 'core.sparsecheckout' && v !== 'false')) return { reuse: false, reason: 'holds a sparse checkout' }
  const foreign = new Set(top.filter((e) => !allowed(e)).map(([k]) => k))

  // Submodule repositories: the same rule, plus the `core.worktree` git gives each (inside the checkout).
  const modules = await moduleDirs(path.join(gitDir, 'modules'))
  if (typeof modules === 'string') return { reuse: false, reason: modules }
  for (const m of modules) {
    const entries = await readConfig(git, path.join(m, 'config'), cwd)
    if (typeof entries === 'string') return { reuse: false, reason: entries }
    for (const [k, v] of entries) {
      if (k === 'core.worktree' && v !== undefined && within(dir, path.resolve(m, v))) continue
      if (!allowed([k, v])) foreign.add(k)
    }
  }
  if (foreign.size) return { reuse: false, reason: `holds configuration fetch-sources did not write (${[...foreign].sort().join(', ')})` }
  return { reuse: true }
}

/**
 * Readies a judged checkout: its hooks are removed (git is also told `core.hooksPath=/dev/null`),
 * a persisted credential include is dropped (re-added when persisting again), and the lock files
 * of a killed earlier run go (the destination is only ever written by one run at a time).
 */
export async function prepareReuse(git: Git, dir: string, cwd: string): Promise<void> {
  const gitDir = path.join(dir, '.git')
  const modules = await moduleDirs(path.join(gitDir, 'modules'))
  for (const d of [gitDir, ...(typeof modules === 'string' ? [] : modules)]) {
    await fs.rm(path.join(d, 'hooks'), { recursive: true, force: true })
  }
  await git.exec(['config', '--file', path.join(gitDir, 'config'), '--unset-all', 'include.path'], { cwd, allowFailure: true })
  for (const name of ['index.lock', 'shallow.lock', 'HEAD.lock', 'config.lock', 'packed-refs.lock', 'FETCH_HEAD.lock', 'ORIG_HEAD.lock']) {
    await fs.rm(path.join(gitDir, name), { force: true })
  }
}

function allowed([key, value]: [string, string | undefined]): boolean {
  const rule = ALLOWED.find((r) => r.key.test(key))
  return rule !== undefined && (rule.value?.(value) ?? true)
}

function within(root: string, p: string): boolean {
  const rel = path.relative(root, p)
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && rel.split(path.sep)[0] !== '.git'
}

/** `[key, value]` of one config file (value undefined for a bare `key` line), or why it cannot be read. */
async function readConfig(git: Git, file: string, cwd: string): Promise<Array<[string, string | undefined]> | string> {
  const st = await fs.lstat(file).catch(() => undefined)
  if (!st?.isFile()) return `holds a ${path.basename(path.dirname(path.dirname(file))) === 'modules' ? 'submodule ' : ''}config that is not a plain file`
  const out = await git.exec(['config', '--file', file, '--list', '-z'], { cwd, allowFailure: true })
  if (out.code !== 0) return 'holds a `.git/config` git cannot read'
  return out.stdout
    .split('\0')
    .filter(Boolean)
    .map((entry) => {
      const nl = entry.indexOf('\n')
      return nl < 0 ? [entry, undefined] : [entry.slice(0, nl), entry.slice(nl + 1)]
    })
}

/** Every submodule git directory under `.git/modules` (nested ones too), or why they cannot be trusted. */
async function moduleDirs(root: string, depth = 0): Promise<string[] | string> {
  const st = await fs.lstat(root).catch(() => undefined)
  if (!st) return []
  if (!st.isDirectory() || depth > 16) return 'holds a `.git/modules` that is not a plain directory tree'
  const found: string[] = []
  for (const e of await fs.readdir(root, { withFileTypes: true })) {
    if (e.isSymbolicLink()) return 'holds a symbolic link in `.git/modules`'
    if (!e.isDirectory()) continue
    const dir = path.join(root, e.name)
    // A git directory has a HEAD; anything else is a path component of a module name (`a/b`).
    if (await fs.lstat(path.join(dir, 'HEAD')).catch(() => undefined)) {
      found.push(dir)
      const nested = await moduleDirs(path.join(dir, 'modules'), depth + 1)
      if (typeof nested === 'string') return nested
      found.push(...nested)
    } else {
      const deeper = await moduleDirs(dir, depth + 1)
      if (typeof deeper === 'string') return deeper
      found.push(...deeper)
    }
  }
  return found
}
