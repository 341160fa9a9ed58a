import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { FetchError } from '../../util/errors.js'
import { landObjects, type PlannedObject } from '../shared/objects.js'
import { select } from '../shared/select.js'
import { fileUrlOf } from '../../util/urls.js'
import type { FetchContext, FetchResult } from '../types.js'
import type { HostPathSource } from './source.js'

async function listTree(root: string, rel = ''): Promise<Array<{ key: string; size: number }>> {
  const out: Array<{ key: string; size: number }> = []
  for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
    const key = rel ? `${rel}/${entry.name}` : entry.name
    const full = path.join(root, key)
    if (entry.isDirectory()) out.push(...(await listTree(root, key)))
    else if (entry.isFile()) out.push({ key, size: (await fs.stat(full)).size })
    else if (entry.isSymbolicLink()) {
      // Follow a link only when it stays inside the tree being copied.
      const real = await fs.realpath(full).catch(() => undefined)
      const rootReal = await fs.realpath(root)
      if (real && (real + path.sep).startsWith(rootReal + path.sep)) {
        const st = await fs.stat(real)
        if (st.isFile()) out.push({ key, size: st.size })
      }
    }
  }
  return out
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** `host_path`: a directory (or one file) on the runner, copied with the same selectors as buckets. */
export async function fetchHostPath(source: HostPathSource, ctx: FetchContext): Promise<FetchResult> {
  const st = await fs.stat(source.hostPath).catch(() => undefined)
  if (!st) throw new FetchError(source.name, `host path ${source.hostPath} does not exist`, { permanent: true })
  const single = st.isFile()
  const root = single ? path.dirname(source.hostPath) : source.hostPath
  const listing = single ? [{ key: path.basename(source.hostPath), size: st.size }] : await listTree(root)
  const { selected, unmatched } = select(
    listing.map((l) => l.key),
    source.selection
  )
  if (unmatched.length) throw new FetchError(source.name, `nothing in ${source.hostPath} matches ${unmatched.join(', ')}`, { permanent: true })
  const sizes = new Map(listing.map((l) => [l.key, l.size]))
  const objects: PlannedObject[] = await ctx.limiter.map(selected, async (s) => {
    const sha256 = await sha256File(path.join(root, ...s.key.split('/')))
    return { key: s.key, target: s.target, size: sizes.get(s.key)!, version: sha256, expected: { sha256 } }
  })
  const landed = await landObjects({
    name: source.name,
    sync: source.sync,
    identity: `host_path:${source.hostPath}:${JSON.stringify(source.selection)}`,
    objects,
    ctx,
    download: (o, file) => fs.copyFile(path.join(root, ...o.key.split('/')), file)
  })
  return { url: fileUrlOf(source.hostPath), ...landed }
}
