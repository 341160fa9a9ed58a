import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { publicUrl } from '../../util/urls.js'
import { cacheKey, entryDir, restoreEntry, saveEntry, type CacheLog, type CacheOutcome, type CacheSettings } from '../shared/cache.js'
import type { Git } from './git.js'
import { initSourceRepo } from './repo.js'
import { resolveRevision } from './revision.js'
import type { GitSource } from './source.js'
import { linkOrCopy } from '../shared/landing.js'

/**
 * A git source in the Actions cache: the pack files and the shallow boundary of a fresh checkout,
 * keyed by the commit the revision resolves to (one ls-remote) and the options that shape the
 * checkout. A restored entry never brings configuration (the repository is initialised fresh, as
 * for a fetch); its packs are indexed again with `git index-pack --strict`, which recomputes every
 * object's hash, so only objects that are what their names say land, and the checkout is then
 * made from them like a reused one. Submodules and LFS are not cached (their objects live
 * elsewhere), nor a `subdirectory` checkout (it lands without `.git`); such a source is fetched
 * as usual.
 */
export interface GitCache {
  /** On a hit, `dir` is an initialised repository holding the commit (true); else it is left empty. */
  restore(): Promise<boolean>
  outcome(): CacheOutcome
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/

export function gitCache(
  settings: CacheSettings,
  source: GitSource,
  git: Git,
  dir: string,
  /** The directories the checkout keeps, as the fetch initialises them (repo.ts). */
  keep: string[],
  env: Record<string, string>,
  network: <T>(what: string, fn: () => Promise<T>) => Promise<T>,
  log: CacheLog
): GitCache {
  const entry = entryDir(settings, 'git', source.name)
  let key: string | undefined
  let status: CacheOutcome['status'] = 'off'
  return {
    async restore() {
      if (settings.mode === 'off') return false
      if (source.submodules || source.lfs) {
        log.info('cache: off for this source: submodules and LFS objects are not cached')
        return false
      }
      // What lands of a subdirectory source is its files without `.git`: no packs to save.
      if (source.subdirectory) {
        log.info('cache: off for this source: a `subdirectory` checkout lands without the packs an entry is made of')
        return false
      }
      await initSourceRepo(git, dir, source, keep)
      const target = await network('ls-remote', () => resolveRevision(git, dir, source.revision, env))
      if (!target.commit) {
        await fs.rm(path.join(dir, '.git'), { recursive: true, force: true })
        return false
      }
      const { url, depth, sparse, filter, tags, singleBranch } = source
      key = cacheKey('git', { url: publicUrl(url), commit: target.commit, depth, sparse, filter, tags, singleBranch })
      status = 'miss'
      if ((await restoreEntry(entry, key, log)) && (await adopt(git, entry, dir, target.commit, log))) {
        status = 'hit'
        return true
      }
      // Nothing of the entry stays: the fetch starts from a fresh repository.
      await fs.rm(path.join(dir, '.git'), { recursive: true, force: true })
      return false
    },
    outcome() {
      if (status === 'off' || !key) return { status: 'off' }
      if (status === 'hit' || settings.mode !== 'on') return { status, key }
      return { status, key, save: (dest: string) => saveCheckout(settings, entry, key!, dest, log) }
    }
  }
}

/** Indexes the entry's packs into `dir`'s repository (hashes recomputed) and checks the commit is there. */
async function adopt(git: Git, entry: string, dir: string, commit: string, log: CacheLog): Promise<boolean> {
  const packDir = path.join(dir, '.git', 'objects', 'pack')
  const packs = (await fs.readdir(path.join(entry, 'pack')).catch(() => [] as string[])).filter((f) => f.endsWith('.pack'))
  try {
    await fs.mkdir(packDir, { recursive: true })
    for (const [i, pack] of packs.entries()) {
      const tmp = path.join(packDir, `tmp-cache-${i}.pack`)
      await fs.copyFile(path.join(entry, 'pack', pack), tmp)
      const out = await git.exec(['index-pack', '--strict', tmp], { cwd: dir })
      const hash = /^(?:pack\t)?([0-9a-f]{40,64})$/m.exec(out.stdout.trim())?.[1]
      if (!hash) throw new Error(`git index-pack named no pack for ${pack}`)
      await fs.rename(tmp, path.join(packDir, `pack-${hash}.pack`))
      await fs.rename(tmp.replace(/\.pack$/, '.idx'), path.join(packDir, `pack-${hash}.idx`))
    }
    const shallow = await fs.readFile(path.join(entry, 'shallow'), 'utf8').catch(() => '')
    const lines = shallow.split('\n').filter(Boolean)
    if (lines.some((l) => !SHA.test(l))) throw new Error('its shallow boundary is not a list of commits')
    if (lines.length) await fs.writeFile(path.join(dir, '.git', 'shallow'), lines.join('\n') + '\n')
    const has = await git.exec(['cat-file', '-e', `${commit}^{commit}`], { cwd: dir, allowFailure: true })
    if (has.code !== 0) throw new Error(`it does not hold commit ${commit}`)
    return true
  } catch (e) {
    log.warning(`cache: the git entry is not usable (${e instanceof Error ? e.message : String(e)}): fetching from the origin`)
    return false
  }
}

/** Links the checkout's packs and shallow boundary into the entry directory and saves it. */
async function saveCheckout(settings: CacheSettings, entry: string, key: string, dest: string, log: CacheLog): Promise<'saved' | 'miss'> {
  const packDir = path.join(dest, '.git', 'objects', 'pack')
  const packs = (await fs.readdir(packDir).catch(() => [] as string[])).filter((f) => f.endsWith('.pack'))
  const sizes = await Promise.all(packs.map(async (p) => (await fs.stat(path.join(packDir, p))).size))
  const bytes = sizes.reduce((n, s) => n + s, 0)
  if (packs.length === 0) return 'miss'
  if (bytes > settings.maxBytes) {
    log.info(`cache: not saved: ${bytes} bytes of packs is over cache-max-size (${settings.maxBytes})`)
    return 'miss'
  }
  await fs.rm(entry, { recursive: true, force: true })
  await fs.mkdir(path.join(entry, 'pack'), { recursive: true })
  for (const p of packs) await linkOrCopy(path.join(packDir, p), path.join(entry, 'pack', p))
  await fs.copyFile(path.join(dest, '.git', 'shallow'), path.join(entry, 'shallow')).catch(() => undefined)
  return (await saveEntry(entry, key, log)) === 'saved' ? 'saved' : 'miss'
}
