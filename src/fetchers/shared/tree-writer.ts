import { constants } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { gitComponent, safeRelative } from '../../util/safe-path.js'

/** An entry refused by the landing boundary: permanent, it names the entry and why. */
export class LandingRefusal extends Error {
  override name = 'LandingRefusal'
  readonly permanent = true
  /** Nothing more of the tree may be written (a size limit), as opposed to one bad entry. */
  constructor(
    message: string,
    readonly final = false
  ) {
    super(message)
  }
}

/** A new file: created, never opened through a symlink (O_NOFOLLOW), never an existing one reused. */
const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW

/** Only the executable bit of a mode is taken from untrusted content: 0o755 or 0o644, never setuid/setgid/sticky. */
export const fileMode = (mode: number | undefined): number => ((mode ?? 0) & 0o111 ? 0o755 : 0o644)

const MAX_LINK_DEPTH = 40

/**
 * The only writer of untrusted names (archive entries) into a staging directory. Every name is
 * checked component by component: inside the root, no `.git`, never through a symlink the tree
 * itself holds; every symlink is resolved against the links already written (the way the kernel
 * will) and refused when it leaves the root; files are created with O_EXCL|O_NOFOLLOW; modes keep
 * only the executable bit; the bytes written are counted against a limit.
 */
export class TreeWriter {
  /** Symlinks written so far: relative path → target. */
  private readonly links = new Map<string, string>()
  /** Directories made so far (relative). */
  private readonly dirs = new Set<string>([''])
  /** Regular files written so far (relative), for hard links and duplicates. */
  private readonly files = new Set<string>()
  private written = 0

  constructor(
    readonly root: string,
    private readonly limit: { bytes: number; describe: string } = { bytes: Number.POSITIVE_INFINITY, describe: '' }
  ) {}

  get bytes(): number {
    return this.written
  }

  /** The checked relative form of an untrusted name, or a refusal that names it. */
  name(raw: string): string {
    const rel = safeRelative(raw.replace(/\/+$/, ''))
    if (!rel) throw new LandingRefusal(`"${raw}" would land outside the destination (absolute path, "..", backslash or NUL)`)
    const git = gitComponent(rel)
    if (git) throw new LandingRefusal(`"${raw}" is a .git path ("${git}"): git metadata never lands from untrusted content`)
    const parts = rel.split('/')
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/')
      if (this.links.has(parent)) throw new LandingRefusal(`"${raw}" would be written through the symlink "${parent}"`)
      if (this.files.has(parent)) throw new LandingRefusal(`"${raw}" would be written under the file "${parent}"`)
    }
    return rel
  }

  /** Refuses an entry that would replace a symlink or a directory already written. */
  private free(rel: string, raw: string): void {
    if (this.links.has(rel)) throw new LandingRefusal(`"${raw}" would be written through the symlink "${rel}"`)
    if (this.dirs.has(rel)) throw new LandingRefusal(`"${raw}" would replace the directory "${rel}"`)
  }

  private async parents(rel: string): Promise<void> {
    const parts = rel.split('/')
    for (let i = 1; i < parts.length; i++) await this.makeDir(parts.slice(0, i).join('/'))
  }

  private async makeDir(rel: string): Promise<void> {
    if (this.dirs.has(rel)) return
    const full = path.join(this.root, ...rel.split('/'))
    try {
      await fs.mkdir(full, { mode: 0o755 })
    } catch (e) {
      // Only a directory this writer made may be entered; anything else is not ours to follow.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !(await fs.lstat(full)).isDirectory()) throw e
    }
    this.dirs.add(rel)
  }

  async dir(raw: string): Promise<void> {
    const rel = this.name(raw)
    if (this.links.has(rel) || this.files.has(rel)) throw new LandingRefusal(`"${raw}" would replace the entry "${rel}"`)
    await this.parents(rel)
    await this.makeDir(rel)
  }

  /** Writes a regular file from `body`, counting its bytes against the limit. */
  async file(raw: string, body: Readable, mode: number | undefined): Promise<void> {
    const rel = this.name(raw)
    this.free(rel, raw)
    await this.parents(rel)
    const full = path.join(this.root, ...rel.split('/'))
    // A later entry of the same name replaces an earlier file, as tar does; never a link or a directory.
    if (this.files.has(rel)) await fs.unlink(full)
    const counter = new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        this.written += chunk.length
        if (this.written > this.limit.bytes) done(new LandingRefusal(`unpacked size passes the limit of ${this.limit.describe} (at "${raw}")`, true))
        else done(null, chunk)
      }
    })
    const handle = await fs.open(full, CREATE, fileMode(mode))
    await pipeline(body, counter, handle.createWriteStream())
    this.files.add(rel)
  }

  /** A symlink, refused unless it resolves inside the root through the links written so far. */
  async symlink(raw: string, target: string): Promise<void> {
    const rel = this.name(raw)
    this.free(rel, raw)
    if (this.files.has(rel)) throw new LandingRefusal(`"${raw}" would replace the file "${rel}" with a symlink`)
    if (!target || target.includes('\0') || target.includes('\\') || path.posix.isAbsolute(target) || /^[A-Za-z]:/.test(target)) {
      throw new LandingRefusal(`symlink "${raw}" points outside the destination ("${target}")`)
    }
    const dir = rel.split('/').slice(0, -1)
    if (this.resolve([...dir, ...target.split('/')]) === undefined) {
      throw new LandingRefusal(`symlink "${raw}" points outside the destination ("${target}")`)
    }
    await this.parents(rel)
    await fs.symlink(target, path.join(this.root, ...rel.split('/')))
    this.links.set(rel, target)
  }

  /** A hard link to a regular file written earlier. */
  async hardlink(raw: string, existing: string): Promise<void> {
    const rel = this.name(raw)
    this.free(rel, raw)
    const from = safeRelative(existing)
    if (!from) throw new LandingRefusal(`hard link "${raw}" points outside the destination ("${existing}")`)
    if (!this.files.has(from)) throw new LandingRefusal(`hard link "${raw}" names "${existing}", which is not a file of the archive`)
    await this.parents(rel)
    const full = path.join(this.root, ...rel.split('/'))
    if (this.files.has(rel)) await fs.unlink(full)
    await fs.link(path.join(this.root, ...from.split('/')), full)
    this.files.add(rel)
  }

  /**
   * Where `parts` (a path relative to the root) leads once every symlink written so far is
   * followed, as the kernel would; undefined when it leaves the root or loops.
   */
  private resolve(parts: string[], depth = 0): string[] | undefined {
    if (depth > MAX_LINK_DEPTH) return undefined
    const out: string[] = []
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!
      if (part === '' || part === '.') continue
      if (part === '..') {
        if (out.length === 0) return undefined
        out.pop()
        continue
      }
      out.push(part)
      const link = this.links.get(out.join('/'))
      if (link !== undefined) {
        const resolved = this.resolve([...out.slice(0, -1), ...link.split('/')], depth + 1)
        if (!resolved) return undefined
        out.splice(0, out.length, ...resolved)
      }
    }
    return out
  }
}
