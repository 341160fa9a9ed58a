import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { LandingRefusal, TreeWriter } from './tree-writer.js'
import { formatBytes } from '../../util/format.js'

export type ArchiveType = 'tar' | 'zip'

/** An archive we refused: permanent, and the message names the entry. */
export class UnsafeArchiveError extends Error {
  override name = 'UnsafeArchiveError'
  readonly permanent = true
}

/** `.tar`, `.tar.gz`, `.tgz` (gzip is detected from the bytes) or `.zip`, from a file name. */
export function archiveTypeOf(name: string): ArchiveType | undefined {
  if (/\.zip$/i.test(name)) return 'zip'
  if (/\.(tar|tar\.gz|tgz)$/i.test(name)) return 'tar'
  return undefined
}

/** How much an archive may unpack to: `ratio` × its own size, and never more than `bytes`. */
export interface UnpackLimit {
  ratio: number
  bytes: number
}

export const DEFAULT_UNPACK_LIMIT: UnpackLimit = { ratio: 20, bytes: 50 * 1024 ** 3 }

/** One entry of either format, as the writer sees it. */
interface Entry {
  name: string
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other'
  mode?: number
  /** Declared size of a file's bytes. */
  size: number
  linkpath?: string
  /** The bytes of a file (or a zip symlink's target). */
  body(): Promise<Readable>
}

export interface UnpackOptions {
  limit?: UnpackLimit
  /** Leading path components to drop (GitHub's tarballs hold one top directory). */
  strip?: number
}

async function readAll(s: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of s) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Unpacks an archive into `dest` (a staging directory: on any refusal the caller discards it, so
 * nothing of a hostile archive ever lands). Every entry goes through one TreeWriter; the unpacked
 * size is limited to `limit.ratio` × the archive's size and `limit.bytes` in all.
 */
export async function unpackArchive(file: string, type: ArchiveType, dest: string, options: UnpackOptions = {}): Promise<void> {
  const limit = options.limit ?? DEFAULT_UNPACK_LIMIT
  const { size } = await (await import('node:fs/promises')).stat(file)
  const max = Math.min(limit.bytes, limit.ratio * size)
  const describe = `${formatBytes(max)} (${limit.ratio}× the ${formatBytes(size)} archive, at most ${formatBytes(limit.bytes)}; raise it with the \`unpack-limit\` input)`
  const writer = new TreeWriter(dest, { bytes: max, describe })
  let declared = 0
  // One refused entry does not stop the walk (every problem is reported at once, and a refused
  // entry is never written); a passed size limit does.
  const problems: string[] = []
  const land = async (e: Entry): Promise<void> => {
    try {
      await landOne(e)
    } catch (error) {
      if (!(error instanceof LandingRefusal) || error.final) throw error
      problems.push(error.message)
    }
  }
  const landOne = async (e: Entry): Promise<void> => {
    const name = strip(e.name, options.strip ?? 0)
    // `tar -C dir -czf x.tgz .` starts with `./`: the destination itself, nothing to make.
    if (name === undefined || (e.type === 'dir' && /^(\.\/*)*$/.test(name))) return
    switch (e.type) {
      case 'dir':
        return writer.dir(name)
      case 'file':
        declared += e.size
        if (declared > max) throw new LandingRefusal(`unpacked size passes the limit of ${describe} (at "${name}")`, true)
        return writer.file(name, await e.body(), e.mode)
      case 'symlink':
        // A zip keeps a link's target as its content: a path, never megabytes.
        if (e.linkpath === undefined && e.size > 4096) throw new LandingRefusal(`symlink "${name}" has a ${e.size}-byte target`)
        return writer.symlink(name, e.linkpath ?? (await readAll(await e.body())))
      case 'hardlink':
        return writer.hardlink(name, strip(e.linkpath ?? '', options.strip ?? 0) ?? '')
      default:
        // Devices, FIFOs and the like have no business in a dataset: skipped.
        return
    }
  }
  try {
    await (type === 'zip' ? zipEntries(file, land) : tarEntries(file, land))
  } catch (error) {
    if (error instanceof LandingRefusal) problems.push(error.message)
    else throw error
  }
  if (problems.length) {
    throw new UnsafeArchiveError(`refusing the archive: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`)
  }
}

/** The name without its first `n` components; undefined when nothing is left. */
function strip(name: string, n: number): string | undefined {
  if (n === 0) return name
  const parts = name.split('/').filter((p) => p !== '' && p !== '.')
  return parts.length > n ? parts.slice(n).join('/') : undefined
}

/** Tar (gzip detected from the bytes) entries in order; `land` finishes each before the next. */
async function tarEntries(file: string, land: (e: Entry) => Promise<void>): Promise<void> {
  const { Parser } = await import('tar')
  const kinds: Record<string, Entry['type']> = {
    File: 'file',
    OldFile: 'file',
    ContiguousFile: 'file',
    Directory: 'dir',
    SymbolicLink: 'symlink',
    Link: 'hardlink'
  }
  await new Promise<void>((resolve, reject) => {
    let chain = Promise.resolve()
    let failed = false
    const parser = new Parser({ strict: true })
    const fail = (error: unknown): void => {
      if (failed) return
      failed = true
      input.destroy()
      reject(error)
    }
    parser.on('entry', (entry) => {
      // Entries are landed one after the other; the parser waits while an entry's body is unread.
      chain = chain.then(async () => {
        if (failed) return entry.resume()
        await land({
          name: entry.path,
          type: kinds[entry.type] ?? 'other',
          mode: entry.mode,
          size: entry.size ?? 0,
          ...(entry.linkpath !== undefined ? { linkpath: entry.linkpath } : {}),
          body: async () => entry as unknown as Readable
        })
        entry.resume()
      })
      chain.catch(fail)
    })
    parser.on('error', fail)
    parser.on('end', () => void chain.then(() => !failed && resolve(), fail))
    const input = createReadStream(file)
    input.on('error', fail)
    input.pipe(parser as unknown as NodeJS.WritableStream)
  })
}

/** Zip entries in order (yauzl checks every entry's size against its header). */
async function zipEntries(file: string, land: (e: Entry) => Promise<void>): Promise<void> {
  const yauzl = (await import('yauzl')).default
  const zip = await new Promise<import('yauzl').ZipFile>((resolve, reject) =>
    // decodeStrings: false — names are checked by the writer, not refused by yauzl before we can name them.
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (err, z) => (err ? reject(err) : resolve(z)))
  )
  const open = (entry: import('yauzl').Entry): Promise<Readable> =>
    new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))))
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', resolve)
    zip.on('entry', (entry: import('yauzl').Entry) => {
      void (async () => {
        const raw = entry.fileName as unknown as Buffer
        // Bit 11: UTF-8 names; older zips use CP437, whose ASCII range is what matters for safety.
        const name = raw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1')
        const mode = (entry.externalFileAttributes >>> 16) & 0xffff
        const type: Entry['type'] = name.endsWith('/') ? 'dir' : (mode & 0o170000) === 0o120000 ? 'symlink' : 'file'
        await land({ name, type, mode, size: entry.uncompressedSize, body: () => open(entry) })
        zip.readEntry()
      })().catch((error: unknown) => {
        zip.close()
        reject(error)
      })
    })
    zip.readEntry()
  })
}
