import { createHash, type Hash } from 'node:crypto'

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

/** Hashes bytes as they stream by and checks them against `Expected` at the end. */
export class Verifier {
  private readonly md5?: Hash
  private readonly sha256?: Hash
  private readonly crc?: Crc32c
  private size = 0

  /**
   * `digest`: also compute the SHA-256 of the bytes for the caller (http sources report it). It
   * costs ~0.8 s per GiB here, so object stores, whose digest comes from the listing, skip it.
   */
  constructor(
    private readonly expected: Expected,
    digest = false
  ) {
    if (expected.md5) this.md5 = createHash('md5')
    if (digest || expected.sha256) this.sha256 = createHash('sha256')
    if (expected.crc32c) this.crc = new Crc32c()
  }

  /** Whether anything beyond the byte count is checked or computed. */
  get hashes(): boolean {
    return Boolean(this.md5 ?? this.sha256 ?? this.crc)
  }

  update(chunk: Uint8Array): void {
    this.size += chunk.length
    this.md5?.update(chunk)
    this.sha256?.update(chunk)
    this.crc?.update(chunk)
  }

  /** Returns the sha256 hex of what was seen ('' when not computed); throws IntegrityError naming the first mismatch. */
  check(what: string): string {
    const e = this.expected
    if (e.size !== undefined && this.size !== e.size) throw new IntegrityError(`${what}: got ${this.size} bytes, expected ${e.size}`)
    const sha = this.sha256?.digest('hex') ?? ''
    if (this.md5 && e.md5) {
      const got = this.md5.digest()
      if (!sameDigest(got, e.md5)) throw new IntegrityError(`${what}: MD5 mismatch (got ${got.toString('hex')}, expected ${e.md5})`)
    }
    if (e.sha256 && sha !== e.sha256.toLowerCase()) throw new IntegrityError(`${what}: SHA-256 mismatch (got ${sha}, expected ${e.sha256})`)
    if (this.crc && e.crc32c) {
      const got = this.crc.digest()
      if (!sameDigest(got, e.crc32c)) throw new IntegrityError(`${what}: CRC32C mismatch (got ${got.toString('base64')}, expected ${e.crc32c})`)
    }
    return sha
  }
}

function sameDigest(got: Buffer, expected: string): boolean {
  return /^[0-9a-f]+$/i.test(expected) && expected.length === got.length * 2
    ? got.toString('hex') === expected.toLowerCase()
    : got.toString('base64') === expected
}
