import * as fs from 'node:fs'
import * as path from 'node:path'
import { setImmediate as yieldToLoop } from 'node:timers/promises'

export interface TreeSize {
  files: number
  bytes: number
}

/**
 * Files and bytes under `root`, without `.git` directories (a submodule's `.git` file counts as a
 * file, as it is one). Each directory is read and its entries stat'ed synchronously, with a turn
 * of the event loop between directories: one `fs.promises` call per file costs a thread-pool round
 * trip (~0.1 ms here, 1.4 s for 20,000 files), a synchronous `lstat` a few microseconds, and the
 * yields keep other sources' transfers flowing while a large tree is counted.
 */
export async function walkSize(root: string): Promise<TreeSize> {
  let files = 0
  let bytes = 0
  const pending = [root]
  let sinceYield = 0
  while (pending.length) {
    const dir = pending.pop()!
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) {
        if (e.name !== '.git') pending.push(full)
        continue
      }
      files++
      bytes += fs.lstatSync(full).size
      sinceYield++
    }
    if (sinceYield >= 512) {
      sinceYield = 0
      await yieldToLoop()
    }
  }
  return { files, bytes }
}

const GITLINK = 0o160000
const SKIP_WORKTREE = 0x4000
const EXTENDED = 0x4000

/**
 * The same count read from `.git/index` right after a checkout: git records every entry's size
 * as it wrote the file, so a 20,000-file tree is counted from one ~2 MB read instead of 20,000
 * `lstat`s. Returns undefined (the caller walks instead) for anything but a plain index of
 * version 2 or 3: version 4 (path compression), a sparse index, or an unreadable file.
 *
 * Entries marked skip-worktree (outside a sparse cone) are not on disk and not counted. A size of
 * 0 is checked with `lstat`, because git zeroes the recorded size of "racily clean" entries (files
 * written in the same instant as the index). Submodules (gitlinks) are walked. Sizes are stored
 * modulo 2^32: callers must not use this when files may exceed 4 GiB (LFS).
 */
export async function indexSize(workTree: string, hashBytes: 20 | 32 = 20): Promise<TreeSize | undefined> {
  let buf: Buffer
  try {
    buf = fs.readFileSync(path.join(workTree, '.git', 'index'))
  } catch {
    return undefined
  }
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') return undefined
  const version = buf.readUInt32BE(4)
  if (version !== 2 && version !== 3) return undefined
  const count = buf.readUInt32BE(8)
  let files = 0
  let bytes = 0
  const gitlinks: string[] = []
  let at = 12
  const fixed = 40 + hashBytes + 2
  for (let i = 0; i < count; i++) {
    if (at + fixed > buf.length) return undefined
    const mode = buf.readUInt32BE(at + 24)
    const size = buf.readUInt32BE(at + 36)
    const flags = buf.readUInt16BE(at + 40 + hashBytes)
    let header = fixed
    let skip = false
    if (flags & EXTENDED) {
      if (version < 3) return undefined
      skip = (buf.readUInt16BE(at + fixed) & SKIP_WORKTREE) !== 0
      header += 2
    }
    const nameStart = at + header
    const nameEnd = buf.indexOf(0, nameStart)
    if (nameEnd < 0) return undefined
    const name = buf.toString('utf8', nameStart, nameEnd)
    // Entries are NUL-padded to a multiple of 8 bytes (at least one NUL).
    at += (header + (nameEnd - nameStart) + 8) & ~7
    // A directory entry only exists in a sparse index: count from the disk instead.
    if ((mode & 0o170000) === 0o040000) return undefined
    if (skip) continue
    if ((mode & 0o170000) === GITLINK) {
      gitlinks.push(name)
      continue
    }
    files++
    bytes += size === 0 ? lstatSize(path.join(workTree, name)) : size
  }
  for (const link of gitlinks) {
    const dir = path.join(workTree, link)
    if (!fs.existsSync(dir)) continue
    const sub = await walkSize(dir)
    files += sub.files
    bytes += sub.bytes
  }
  return { files, bytes }
}

function lstatSize(file: string): number {
  try {
    return fs.lstatSync(file).size
  } catch {
    return 0
  }
}
