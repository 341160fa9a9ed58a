/** Workspaces and file trees for the cache tests: what a job has, and the bytes to compare. */
import { createHash } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'

export interface Job {
  workspace: string
  runnerTemp: string
}

/** A fresh `<root>/<name>/workspace` and `<root>/<name>/runner-temp`. */
export async function newJob(root: string, name: string): Promise<Job> {
  const workspace = path.join(root, name, 'workspace')
  const runnerTemp = path.join(root, name, 'runner-temp')
  await fs.mkdir(workspace, { recursive: true })
  await fs.mkdir(runnerTemp, { recursive: true })
  return { workspace, runnerTemp }
}

export async function writeTree(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true })
    await fs.writeFile(path.join(dir, rel), content)
  }
}

/** sha256 of every file under `dir`, by path relative to it. */
export async function digest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const rel of (await fs.readdir(dir, { recursive: true })).sort()) {
    const file = path.join(dir, rel)
    if ((await fs.stat(file)).isFile())
      out[rel] = createHash('sha256')
        .update(await fs.readFile(file))
        .digest('hex')
  }
  return out
}
