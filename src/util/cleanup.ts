import * as fs from 'node:fs/promises'
import * as path from 'node:path'

/**
 * Paths to remove when the run ends. The main step removes them in `finally`; the list is also
 * saved as state so the post step can finish the job if the main step was killed.
 */
export class Cleanup {
  private readonly paths = new Set<string>()
  /** Kept for later steps of the job (secret files, persisted credentials); the post step removes them. */
  private readonly untilPost = new Set<string>()
  /** How to remove a path other than deleting it (a lock: only while it is still ours). */
  private readonly removers = new Map<string, () => Promise<void>>()
  constructor(private readonly save: (paths: string[]) => void = () => undefined) {}

  add(p: string, options: { untilPost?: boolean; remove?: () => Promise<void> } = {}): void {
    ;(options.untilPost ? this.untilPost : this.paths).add(p)
    if (options.remove) this.removers.set(p, options.remove)
    this.persist()
  }

  private persist(): void {
    this.save([...this.paths, ...this.untilPost])
  }

  forget(p: string): void {
    this.removers.delete(p)
    if (this.paths.delete(p)) this.persist()
  }

  list(): string[] {
    return [...this.paths, ...this.untilPost]
  }

  /** Removes what the main step's own end should remove; returns the paths it could not. */
  async run(): Promise<string[]> {
    const failed: string[] = []
    for (const p of [...this.paths].reverse()) {
      try {
        await (this.removers.get(p) ?? (() => removeOwned(p)))()
        this.removers.delete(p)
        this.paths.delete(p)
      } catch {
        failed.push(p)
      }
    }
    this.persist()
    return failed
  }
}

/**
 * Removes a path only if we could have made it (its name carries our prefix): the state file is
 * input too, and a tampered one must not delete a user's directory.
 */
export async function removeOwned(p: string): Promise<void> {
  const base = path.basename(p)
  if (!/^\.?fetch-sources-/.test(base) && !/^\.?fetch-sources-/.test(path.basename(path.dirname(p)))) {
    throw new Error(`refusing to remove ${p}: not created by fetch-sources`)
  }
  await fs.rm(p, { recursive: true, force: true })
}
