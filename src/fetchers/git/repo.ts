import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { configFileText } from './credentials.js'
import type { Git } from './git.js'
import type { GitSource } from './source.js'

/**
 * A fresh repository with `origin` configured, in one git process: the remote and sparse settings
 * are appended to `.git/config` directly (they hold no secret) instead of costing a process each.
 */
export async function initRepo(git: Git, dir: string, url: string, options: { sha256?: boolean; sparse?: string[]; cone?: boolean } = {}): Promise<void> {
  await git.exec(['init', '-q', '--template=', ...(options.sha256 ? ['--object-format=sha256'] : []), '--end-of-options', dir])
  const entries: Array<[string, string]> = [
    ['remote.origin.url', url],
    ['remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*']
  ]
  if (options.sparse?.length) {
    const cone = options.cone ?? true
    entries.push(['core.sparseCheckout', 'true'], ['core.sparseCheckoutCone', String(cone)])
    await fs.mkdir(path.join(dir, '.git', 'info'), { recursive: true })
    // Without cone mode the patterns are gitignore-style lines, written as given (checkout's
    // `sparse-checkout-cone-mode: false`).
    await fs.writeFile(path.join(dir, '.git', 'info', 'sparse-checkout'), cone ? conePatterns(options.sparse) : options.sparse.join('\n') + '\n')
  }
  await fs.appendFile(path.join(dir, '.git', 'config'), configFileText(entries))
}

/**
 * The fresh repository every fetch of `source` starts from (a checkout, or a cache entry adopted
 * into it): its object format, `origin`, and `sparse`, the directories the checkout keeps (the
 * subdirectory's included), in cone mode unless the source gives gitignore-style patterns.
 */
export function initSourceRepo(git: Git, dir: string, source: GitSource, sparse: string[]): Promise<void> {
  return initRepo(git, dir, source.url, { sha256: source.revision?.length === 64, sparse, cone: !source.checkout?.sparsePatterns })
}

/** The patterns `git sparse-checkout set --cone DIRS` writes: top-level files plus each directory. */
export function conePatterns(dirs: string[]): string {
  const lines = new Set<string>(['/*', '!/*/'])
  for (const raw of dirs) {
    const parts = raw.split('/').filter((p) => p && p !== '.')
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/')
      lines.add(`/${parent}/`)
      lines.add(`!/${parent}/*/`)
    }
    if (parts.length) lines.add(`/${parts.join('/')}/`)
  }
  return [...lines].join('\n') + '\n'
}

/** The commit HEAD points at, read from the files (no process); undefined when it cannot tell. */
export async function readHead(dir: string): Promise<string | undefined> {
  const gitDir = path.join(dir, '.git')
  const head = (await fs.readFile(path.join(gitDir, 'HEAD'), 'utf8').catch(() => '')).trim()
  if (/^[0-9a-f]{40,64}$/.test(head)) return head
  const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1]
  if (!ref) return undefined
  const loose = (await fs.readFile(path.join(gitDir, ...ref.split('/')), 'utf8').catch(() => '')).trim()
  return /^[0-9a-f]{40,64}$/.test(loose) ? loose : undefined
}
