/** The lines git's `--progress` keeps rewriting (server side prefixed `remote: `). */
const PROGRESS = /^(?:remote: )?(?:Enumerating|Counting|Compressing|Receiving|Resolving|Updating|Checking out|Filtering)\b.*:/

/**
 * Reads git's stderr as it arrives and reports its latest progress line at most every
 * `intervalMs` (git rewrites the line with `\r` many times a second). A transfer shorter than the
 * interval prints nothing, as checkout's log would show nothing worth reading. Lines pass the
 * run's redactor on their way out like every other line.
 */
export function progressLines(report: (line: string) => void, intervalMs: number, now: () => number = Date.now): (chunk: string) => void {
  let last = now()
  let pending = ''
  let latest = ''
  return (chunk) => {
    const parts = (pending + chunk).split(/[\r\n]/)
    pending = parts.pop() ?? ''
    for (const part of parts) {
      const line = part.trim()
      if (PROGRESS.test(line)) latest = line
    }
    if (!latest || now() - last < intervalMs) return
    last = now()
    report(latest)
    latest = ''
  }
}
