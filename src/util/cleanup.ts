import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'

/**
 * Paths to remove when the run ends. The main step removes them in `finally`; the list is also
 * saved as state so the post step can finish the job if the main step was killed.
 */
export class Cleanup {
  private readonly paths = new Set<string>()
  /** Kept for later steps of the job (secret files, persisted credentials); the post step removes them. */
  private readonly untilPost = new Set<string>()
  /** What the user asked to outlive the run (persisted credentials): a CLI run leaves them. */
  private readonly asked = new Set<string>()
  /** How to remove a path other than deleting it (a lock: only while it is still ours). */
  private readonly removers = new Map<string, () => Promise<void>>()
  constructor(private readonly save: (paths: string[]) => void = () => undefined) {}

  add(p: string, options: { untilPost?: boolean; kept?: boolean; remove?: () => Promise<void> } = {}): void {
    ;(options.untilPost || options.kept ? this.untilPost : this.paths).add(p)
    if (options.kept) this.asked.add(p)
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

  /** What the user asked to keep (persisted credentials): the post step removes it, a CLI run leaves it. */
  kept(): string[] {
    return [...this.asked]
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

/** Why a run stopped early: the signal it received. The message is the start of the line users read. */
export class Cancelled extends Error {
  override name = 'Cancelled'
  constructor(readonly signalName: NodeJS.Signals) {
    super(`cancelled by ${signalName}`)
  }
  /** 128 + the signal's number, as a shell reports a process the signal ended (130, 143). */
  get exitCode(): number {
    return 128 + (os.constants.signals[this.signalName] ?? 15)
  }
}

/**
 * SIGINT and SIGTERM (a cancelled job: the runner sends SIGINT, then SIGTERM; Ctrl-C locally)
 * abort `signal`, which stops every transfer; the run then removes its staging and fails with a
 * `cancelled by …` line. If it has not ended `graceMs` after the signal (or a second signal
 * comes), `finish` removes what it can and the process exits: a cancel never hangs.
 */
export class Cancellation {
  private readonly controller = new AbortController()
  readonly signal = this.controller.signal
  private forcing = false
  /** The run has ended (its own cleanup done): a forced exit then has nothing left to remove. */
  private ended = false
  private readonly onSignal = (name: NodeJS.Signals): void => this.receive(name)

  constructor(
    private readonly opts: {
      /** Prints one line (stderr for the CLI, the log for the action). */
      say(line: string): void
      /** Removes what the run made, once it is known transfers will not stop on their own. */
      finish(): Promise<unknown>
      graceMs?: number
      exit?(code: number): void
    }
  ) {
    process.on('SIGINT', this.onSignal)
    process.on('SIGTERM', this.onSignal)
  }

  get reason(): Cancelled | undefined {
    return this.signal.aborted && this.signal.reason instanceof Cancelled ? this.signal.reason : undefined
  }

  /** Stops listening; a signal after the run has ended acts as usual (ends the process). */
  dispose(): void {
    this.ended = true
    process.off('SIGINT', this.onSignal)
    process.off('SIGTERM', this.onSignal)
  }

  private receive(name: NodeJS.Signals): void {
    if (this.signal.aborted) return void this.force(`${name} again`)
    this.opts.say(`cancelling (${name}): stopping every transfer, then removing staging and partial downloads`)
    this.controller.abort(new Cancelled(name))
    // Unref'd: it never keeps a finished process alive, only ends one that hangs.
    setTimeout(() => void this.force(`transfers still running ${this.grace / 1000} s after ${name}`), this.grace).unref()
  }

  private get grace(): number {
    return this.opts.graceMs ?? 5_000
  }

  private async force(why: string): Promise<void> {
    const code = this.reason?.exitCode ?? 143
    const exit = this.opts.exit ?? ((c: number) => process.exit(c))
    if (this.forcing || this.ended) return exit(code)
    this.forcing = true
    this.opts.say(`${this.reason?.message ?? 'cancelled'}: ${why}; removing what this run made and exiting`)
    let timer: NodeJS.Timeout | undefined
    await Promise.race([this.opts.finish().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, this.grace)))])
    clearTimeout(timer)
    exit(code)
  }
}
