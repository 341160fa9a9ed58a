import { createHash } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'

/**
 * A directory as data: every entry (symlinks not followed) with its type, mode and content hash or
 * link target. Two snapshots are equal only if nothing under the directory changed at all.
 */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const visit = async (rel: string): Promise<void> => {
    const full = path.join(dir, rel)
    const st = await fs.lstat(full)
    const mode = (st.mode & 0o7777).toString(8)
    if (st.isSymbolicLink()) out[rel] = `link ${mode} -> ${await fs.readlink(full)}`
    else if (st.isDirectory()) {
      out[rel || '.'] = `dir ${mode}`
      for (const name of (await fs.readdir(full)).sort()) await visit(rel ? `${rel}/${name}` : name)
    } else if (st.isFile())
      out[rel] = `file ${mode} nlink=${st.nlink} sha256=${createHash('sha256')
        .update(await fs.readFile(full))
        .digest('hex')}`
    else out[rel] = `other ${st.mode.toString(8)}`
  }
  await visit('')
  return out
}

/** A canary tree outside the workspace: the target attacks aim at, compared before and after. */
export async function plantCanary(dir: string): Promise<Record<string, string>> {
  await fs.mkdir(path.join(dir, 'sub'), { recursive: true })
  await fs.writeFile(path.join(dir, 'x'), 'canary: original x\n')
  await fs.writeFile(path.join(dir, 'sub', 'y'), 'canary: original y\n')
  return snapshot(dir)
}

/** Every path under `dir` (relative, symlinks listed, not followed). */
export async function walk(dir: string): Promise<string[]> {
  const out: string[] = []
  const visit = async (rel: string): Promise<void> => {
    for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name
      out.push(r)
      if (e.isDirectory()) await visit(r)
    }
  }
  await visit('')
  return out.sort()
}

export async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false
  )
}

/** Entries a run leaves beside destinations while it works (staging, the replaced copy). */
export async function stagingLeftovers(dir: string): Promise<string[]> {
  return (await walk(dir).catch(() => [])).filter((p) => /(^|\/)\.fetch-sources-(tmp|old)-/.test(p))
}
