import { crc32, deflateRawSync, gzipSync } from 'node:zlib'

/**
 * Hostile archives, written byte by byte so a test controls what no archiver would let it: modes
 * with setuid/setgid/sticky bits, symlinks whose targets only escape once resolved, entries that
 * reuse a symlink's name, `.git` paths, and deflated bombs.
 */
export interface Entry {
  path: string
  type?: 'file' | 'dir' | 'symlink'
  body?: string | Buffer
  /** Symlink target. */
  target?: string
  /** Permission bits (0o7777 range); defaults 0o644 for files, 0o755 for dirs, 0o777 for links. */
  mode?: number
}

const defaultMode = (e: Entry): number => e.mode ?? (e.type === 'dir' ? 0o755 : e.type === 'symlink' ? 0o777 : 0o644)

function field(block: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8')
  if (bytes.length > length) throw new Error(`tar field too long (${bytes.length} > ${length}): ${value}`)
  bytes.copy(block, offset)
}

const octal = (n: number, width: number): string => n.toString(8).padStart(width - 1, '0') + '\0'

/** A ustar archive (names up to 100 bytes, no prefix needed by these tests), optionally gzipped. */
export function ustar(entries: Entry[], gzip = false): Buffer {
  const blocks: Buffer[] = []
  for (const e of entries) {
    const type = e.type ?? 'file'
    const body = type === 'file' ? Buffer.from(e.body ?? '') : Buffer.alloc(0)
    const h = Buffer.alloc(512)
    field(h, 0, 100, type === 'dir' && !e.path.endsWith('/') ? `${e.path}/` : e.path)
    field(h, 100, 8, octal(defaultMode(e), 8))
    field(h, 108, 8, octal(0, 8))
    field(h, 116, 8, octal(0, 8))
    field(h, 124, 12, octal(body.length, 12))
    field(h, 136, 12, octal(0, 12))
    h.fill(0x20, 148, 156)
    h[156] = (type === 'dir' ? '5' : type === 'symlink' ? '2' : '0').charCodeAt(0)
    if (type === 'symlink') field(h, 157, 100, e.target ?? '')
    field(h, 257, 6, 'ustar\0')
    field(h, 263, 2, '00')
    let sum = 0
    for (const b of h) sum += b
    field(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ')
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  const tar = Buffer.concat(blocks)
  return gzip ? gzipSync(tar, { level: 9 }) : tar
}

/**
 * A zip made on "Unix" (version made by 3) so the mode in the external attributes is honoured:
 * a symlink is mode 0o120777 with its target as the stored content. `deflate` compresses files.
 */
export function zip(entries: Entry[], options: { deflate?: boolean } = {}): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const type = e.type ?? 'file'
    const name = Buffer.from(type === 'dir' && !e.path.endsWith('/') ? `${e.path}/` : e.path)
    const raw = Buffer.from(type === 'symlink' ? (e.target ?? '') : (e.body ?? ''))
    const deflate = options.deflate === true && type === 'file'
    const data = deflate ? deflateRawSync(raw, { level: 9 }) : raw
    const kind = type === 'symlink' ? 0o120000 : type === 'dir' ? 0o040000 : 0o100000
    const crc = crc32(raw)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt16LE(deflate ? 8 : 0, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(0x0314, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x800, 8)
    central.writeUInt16LE(deflate ? 8 : 0, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(raw.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(((kind | defaultMode(e)) << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += local.length + name.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/**
 * Symlinks that each look inside when read as text (`b/..` from `a` is `a`) but resolve one level
 * further up than the last: `a/c<depth-1>` is `/` for any destination up to `depth` levels deep.
 */
export function escapingChain(depth = 24): Entry[] {
  const chain: Entry[] = [
    { path: 'a', type: 'dir' },
    { path: 'a/b', type: 'symlink', target: '..' },
    { path: 'a/c0', type: 'symlink', target: 'b/..' }
  ]
  for (let i = 1; i < depth; i++) chain.push({ path: `a/c${i}`, type: 'symlink', target: `c${i - 1}/..` })
  return chain
}

/** The last link of `escapingChain(depth)`, which resolves to `/`. */
export const chainRoot = (depth = 24): string => `a/c${depth - 1}`

/**
 * Compressible but not trivially so (gzip/deflate ratio in the low hundreds, under node-tar's own
 * 1000:1 guard): lines of zeros, each starting with a few pseudo-random bytes.
 */
export function bombPayload(bytes: number): Buffer {
  const out = Buffer.alloc(bytes)
  let x = 0x2545f491
  for (let i = 0; i < bytes; i += 512) {
    for (let j = 0; j < 3 && i + j < bytes; j++) {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      out[i + j] = x & 0xff
    }
  }
  return out
}
