import * as fs from 'node:fs/promises'
import * as path from 'node:path'

/**
 * The real directory `sub` names inside `root`, walked one component at a time with `lstat`. A
 * repository can hold a symbolic link to anywhere on the runner (`ml -> /home/runner`): a
 * component that is a link, or anything but a directory, is refused — it is never followed, so
 * what lands at the destination always comes from inside the checkout.
 */
export async function realSubdirectory(root: string, sub: string): Promise<{ dir: string } | { problem: 'missing' | 'link' | 'not a directory' }> {
  const parts = sub.split(/[\\/]+/).filter((p) => p !== '' && p !== '.')
  // The spec refuses these already; the walk must not depend on it.
  if (!parts.length || parts.includes('..') || path.isAbsolute(sub)) return { problem: 'not a directory' }
  let dir = root
  for (const part of parts) {
    dir = path.join(dir, part)
    const st = await fs.lstat(dir).catch(() => undefined)
    if (!st) return { problem: 'missing' }
    if (st.isSymbolicLink()) return { problem: 'link' }
    if (!st.isDirectory()) return { problem: 'not a directory' }
  }
  return { dir }
}

/** The line a refused or missing `subdirectory` fails its source with. */
export function subdirectoryMessage(sub: string, problem: 'missing' | 'link' | 'not a directory', commit: string): string {
  if (problem === 'link') {
    return `subdirectory "${sub}" is a symbolic link in the repository at commit ${commit}: fetch-sources does not follow links out of a checkout — name the directory it points to inside the repository instead`
  }
  if (problem === 'not a directory') return `subdirectory "${sub}" is not a directory at commit ${commit}`
  return `subdirectory "${sub}" does not exist at commit ${commit}`
}
