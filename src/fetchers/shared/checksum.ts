import { createHash, type Hash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { FileHasher, type Algorithm, type Digests } from './hash-worker.js'

/** What a store tells us about an object's bytes; every field given is checked. */
export interface Expected {
  size?: number
  /** Hex (S3 ETag) or base64 (GCS md5Hash, Azure Content-MD5). */
  md5?: string
  /** Hex. */
  sha256?: string
  /** Base64 of the big-endian CRC32C (GCS crc32c). */
  crc32c?: string
}

/** Thrown when bytes do not match what the store promised; transient so the download is retried. */
export class IntegrityError extends Error {
  override name = 'IntegrityError'
  readonly transient = true
}

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC32C (Castagnoli), as GCS reports it; Node has no built-in for it. */
export class Crc32c {
  private crc = 0xffffffff
  update(chunk: Uint8Array): this {
    let c = this.crc
    for (let i = 0; i < chunk.length; i++) c = CRC32C_TABLE[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8)
    this.crc = c
    return this
  }
  digest(): Buffer {
    const out = Buffer.alloc(4)
    out.writeUInt32BE((this.crc ^ 0xffffffff) >>> 0)
    return out
  }
}

/**
 * Checks bytes against `Expected`: hashed as they stream by (`update`, then `check`), or, for a
 * file already written, on a worker thread that reads it back (`checkFile`), so large bodies cost
 * the main thread nothing but their byte count.
 */
export class Verifier {
  private readonly algorithms: Algorithm[] = []
  private readonly md5?: Hash
  private readonly sha256?: Hash
  private readonly crc?: Crc32c
  private size = 0

  /**
   * `digest`: also compute the SHA-256 of the bytes for the caller (http sources report it). It
   * costs ~0.8 s per GiB here, so object stores, whose digest comes from the listing, skip it.
   * `inFile`: hash nothing while streaming; `checkFile` hashes the file afterwards.
   */
  constructor(
    private readonly expected: Expected,
    digest = false,
    inFile = false
  ) {
    if (expected.md5) this.algorithms.push('md5')
    if (digest || expected.sha256) this.algorithms.push('sha256')
    if (expected.crc32c) this.algorithms.push('crc32c')
    if (inFile) return
    if (this.algorithms.includes('md5')) this.md5 = createHash('md5')
    if (this.algorithms.includes('sha256')) this.sha256 = createHash('sha256')
    if (this.algorithms.includes('crc32c')) this.crc = new Crc32c()
  }

  /** Whether anything beyond the byte count is checked or computed. */
  get hashes(): boolean {
    return this.algorithms.length > 0
  }

  update(chunk: Uint8Array): void {
    this.size += chunk.length
    this.md5?.update(chunk)
    this.sha256?.update(chunk)
    this.crc?.update(chunk)
  }

  /** Returns the sha256 hex of what was seen ('' when not computed); throws IntegrityError naming the first mismatch. */
  check(what: string): string {
    this.checkSize(what, this.size)
    return this.compare(what, {
      bytes: this.size,
      ...(this.md5 ? { md5: this.md5.digest() } : {}),
      ...(this.sha256 ? { sha256: this.sha256.digest() } : {}),
      ...(this.crc ? { crc32c: this.crc.digest() } : {})
    })
  }

  /** A hasher on a worker for these checks: the caller adds the file's byte ranges in order. */
  fileHasher(): FileHasher | undefined {
    return this.algorithms.length ? new FileHasher(this.algorithms) : undefined
  }

  /** `check` for bytes already in `file` (`size` of them; by default the count seen streaming): hashed on a worker. */
  async checkFile(what: string, file: string, signal?: AbortSignal, size = this.size): Promise<string> {
    this.checkSize(what, size)
    const hasher = this.fileHasher()
    if (!hasher) return ''
    hasher.add(file, 0, size)
    return this.checkDigests(what, await hasher.digest(signal))
  }

  /** `check` against digests a FileHasher computed. */
  checkDigests(what: string, digests: Digests): string {
    this.checkSize(what, digests.bytes)
    return this.compare(what, digests)
  }

  private checkSize(what: string, size: number): void {
    const e = this.expected
    if (e.size !== undefined && size !== e.size) throw new IntegrityError(`${what}: got ${size} bytes, expected ${e.size}`)
  }

  private compare(what: string, got: Digests): string {
    const e = this.expected
    const sha = got.sha256?.toString('hex') ?? ''
    // A checksum the store gave and nothing computed is a failure, never a pass.
    if (e.md5 && !(got.md5 && sameDigest(got.md5, e.md5)))
      throw new IntegrityError(`${what}: MD5 mismatch (got ${got.md5?.toString('hex') ?? 'none'}, expected ${e.md5})`)
    if (e.sha256 && sha !== e.sha256.toLowerCase()) throw new IntegrityError(`${what}: SHA-256 mismatch (got ${sha}, expected ${e.sha256})`)
    if (e.crc32c && !(got.crc32c && sameDigest(got.crc32c, e.crc32c)))
      throw new IntegrityError(`${what}: CRC32C mismatch (got ${got.crc32c?.toString('base64') ?? 'none'}, expected ${e.crc32c})`)
    return sha
  }
}

function sameDigest(got: Buffer, expected: string): boolean {
  return /^[0-9a-f]+$/i.test(expected) && expected.length === got.length * 2
    ? got.toString('hex') === expected.toLowerCase()
    : got.toString('base64') === expected
}

/** Files up to this size are read and hashed on the main thread: a worker's round trip costs more. */
const INLINE_FILE = 256 * 1024

/**
 * Checks a file that is already on disk against what the store says of it (a cache entry, a
 * previous landing): `size` bytes and every checksum given. Throws IntegrityError on a mismatch.
 * `digest`: also compute the file's SHA-256 and return it (hex; '' when not computed).
 */
export async function verifyFile(file: string, expected: Expected & { size: number }, what: string, digest = false): Promise<string> {
  if (expected.size > INLINE_FILE) {
    // The worker reads `size` bytes: a longer file must not pass on its first bytes.
    const actual = statSync(file).size
    if (actual !== expected.size) throw new IntegrityError(`${what}: got ${actual} bytes, expected ${expected.size}`)
    return await new Verifier(expected, digest, true).checkFile(what, file, undefined, expected.size)
  }
  const verifier = new Verifier(expected, digest)
  verifier.update(readFileSync(file))
  return verifier.check(what)
}
