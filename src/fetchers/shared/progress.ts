/** One source's log: lines are grouped under the source when it finishes. */
export interface SourceLog {
  info(message: string): void
  warning(message: string): void
  /** Shown at once (outside the group), for long transfers; call at most every few seconds. */
  progress(message: string): void
}

const MiB = 1024 * 1024

function human(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < MiB) return `${(bytes / 1024).toFixed(1)} KiB`
  if (bytes < 1024 * MiB) return `${(bytes / MiB).toFixed(1)} MiB`
  return `${(bytes / 1024 / MiB).toFixed(2)} GiB`
}

/**
 * Counts bytes and files of one source's transfer and prints a progress line at most every
 * `intervalMs` (a runner log flooded by thousands of per-file lines is useless). Lines are only
 * written while bytes flow, so a quick transfer prints none.
 */
export class ProgressReporter {
  private bytes = 0
  private files = 0
  private readonly started: number
  private lastLine: number

  constructor(
    private readonly log: Pick<SourceLog, 'progress'>,
    private readonly totals: { bytes: number; files: number },
    private readonly intervalMs = 5_000,
    private readonly now: () => number = Date.now
  ) {
    this.started = now()
    this.lastLine = this.started
  }

  addBytes(n: number): void {
    this.bytes += n
    this.maybeReport()
  }

  /** A retried transfer gives back what it had counted, so totals never exceed 100 %. */
  removeBytes(n: number): void {
    this.bytes = Math.max(0, this.bytes - n)
  }

  fileDone(): void {
    this.files++
    this.maybeReport()
  }

  line(): string {
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001)
    const pct = this.totals.bytes > 0 ? ` (${Math.min(100, Math.floor((this.bytes / this.totals.bytes) * 100))} %)` : ''
    return `${human(this.bytes)} of ${human(this.totals.bytes)}${pct}, ${this.files}/${this.totals.files} files, ${human(this.bytes / seconds)}/s`
  }

  private maybeReport(): void {
    const t = this.now()
    if (t - this.lastLine < this.intervalMs) return
    this.lastLine = t
    this.log.progress(this.line())
  }
}
