import { createWriteStream } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { safeRelative, under } from '../../util/safe-path.js'

export type ArchiveType = 'tar' | 'zip'

/** An archive entry we refused; unpacking fails listing them all (nothing lands). */
export class UnsafeArchiveError extends Error {
  override name = 'UnsafeArchiveError'
  readonly permanent = true
  constructor(readonly problems: string[]) {
    super(`refusing the archive: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`)
  }
}

/** `.tar`, `.tar.gz`, `.tgz` (gzip is detected from the bytes) or `.zip`, from a file name. */
export function archiveTypeOf(name: string): ArchiveType | undefined {
  if (/\.zip$/i.test(name)) return 'zip'
  if (/\.(tar|tar\.gz|tgz)$/i.test(name)) return 'tar'
  return undefined
}

/**
 * Tracks what has been unpacked so far and judges each entry: its path must stay inside the
 * destination, a symlink must point inside it (relative to where it sits), a hard link must name
 * an entry inside, and nothing may be written through a symlink made by the archive itself.
 */
class EntryJudge {
  readonly problems: string[] = []
  private readonly links = new Set<string>()

  /** The safe relative path, or undefined (problem recorded) when the entry must not land. */
  judge(name: string, type: 'file' | 'dir' | 'symlink' | 'hardlink', linkpath?: string): string | undefined {
    // `tar -C dir -czf x.tgz .` starts with `./`: the destination itself, nothing to make.
    if (type === 'dir' && /^(\.\/*)*$/.test(name)) return undefined
    const rel = safeRelative(name.replace(/\/+$/, ''))
    if (!rel) return this.refuse(`"${name}" would land outside the destination`)
    const parts = rel.split('/')
    for (let i = 1; i < parts.length; i++) {
      if (this.links.has(parts.slice(0, i).join('/'))) return this.refuse(`"${name}" would be written through the symlink "${parts.slice(0, i).join('/')}"`)
    }
    if (type === 'symlink') {
      const target = linkpath ?? ''
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(rel), target))
      if (!target || target.startsWith('/') || /^[A-Za-z]:|\\|\0/.test(target) || resolved === '..' || resolved.startsWith('../')) {
        return this.refuse(`symlink "${name}" points outside the destination ("${target}")`)
      }
      this.links.add(rel)
    }
    if (type === 'hardlink' && !safeRelative(linkpath ?? '')) return this.refuse(`hard link "${name}" points outside the destination ("${linkpath ?? ''}")`)
    return rel
  }

  private refuse(problem: string): undefined {
    this.problems.push(problem)
    return undefined
  }
}

async function unpackTar(file: string, dest: string): Promise<void> {
  const tar = await import('tar')
  const judge = new EntryJudge()
  const kinds: Record<string, 'file' | 'dir' | 'symlink' | 'hardlink'> = {
    File: 'file',
    OldFile: 'file',
    ContiguousFile: 'file',
    Directory: 'dir',
    SymbolicLink: 'symlink',
    Link: 'hardlink'
  }
  await tar.x({
    file,
    cwd: dest,
    strict: true,
    // Never take owners or odd permissions from a downloaded archive.
    preserveOwner: false,
    filter: (name, entry) => {
      const type = 'type' in entry ? kinds[entry.type] : undefined
      // Devices, FIFOs and the like have no business in a dataset: skipped.
      if (!type) return false
      return judge.judge(name, type, 'linkpath' in entry ? entry.linkpath : undefined) !== undefined
    }
  })
  if (judge.problems.length) throw new UnsafeArchiveError(judge.problems)
}

async function unpackZip(file: string, dest: string): Promise<void> {
  const yauzl = (await import('yauzl')).default
  const judge = new EntryJudge()
  const zip = await new Promise<import('yauzl').ZipFile>((resolve, reject) =>
    // decodeStrings: false — names are checked here, so one bad entry is reported with the others.
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (err, z) => (err ? reject(err) : resolve(z)))
  )
  const openStream = (entry: import('yauzl').Entry): Promise<Readable> =>
    new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))))
  const readAll = async (s: Readable): Promise<string> => {
    const chunks: Buffer[] = []
    for await (const c of s) chunks.push(c as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', resolve)
    zip.on('entry', (entry: import('yauzl').Entry) => {
      void (async () => {
        const raw = entry.fileName as unknown as Buffer
        // Bit 11: UTF-8 names; older zips use CP437, whose ASCII range is what matters for safety.
        const name = raw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1')
        const mode = (entry.externalFileAttributes >>> 16) & 0xffff
        const isLink = (mode & 0o170000) === 0o120000
        const isDir = name.endsWith('/')
        const target = isLink ? await readAll(await openStream(entry)) : undefined
        const rel = judge.judge(name, isDir ? 'dir' : isLink ? 'symlink' : 'file', target)
        if (rel) {
          const out = under(dest, rel)
          if (isDir) await fs.mkdir(out, { recursive: true })
          else {
            await fs.mkdir(path.dirname(out), { recursive: true })
            if (isLink) await fs.symlink(target!, out)
            // Only the executable bit is taken from the archive.
            else await pipeline(await openStream(entry), createWriteStream(out, { mode: mode & 0o111 ? 0o755 : 0o644 }))
          }
        }
        zip.readEntry()
      })().catch(reject)
    })
    zip.readEntry()
  })
  if (judge.problems.length) throw new UnsafeArchiveError(judge.problems)
}

/**
 * Unpacks an archive into `dest` (a staging directory: on any refusal the caller discards it, so
 * nothing of a hostile archive ever lands).
 */
export async function unpackArchive(file: string, type: ArchiveType, dest: string): Promise<void> {
  if (type === 'zip') await unpackZip(file, dest)
  else await unpackTar(file, dest)
}
