import type { ScenarioResult, SideResult } from './scenario.js'

const secs = (ms: number): string => (Number.isFinite(ms) ? (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`) : 'failed')
const mb = (x: number): string => (Number.isFinite(x) ? `${Math.round(x)} MB` : '?')
const cell = (s: SideResult): string => (s.failures.length && !s.samples.length ? 'failed' : `${secs(s.medianWallMs)} · ${mb(s.medianRssMb)}`)
const ratio = (a: number, b: number): string => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–')
const cpu = (ms: number): string => (Number.isFinite(ms) ? (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`) : '?')
const cpuCell = (a: SideResult, b: SideResult): string => `${cpu(a.medianCpuMs)} / ${cpu(b.medianCpuMs)} (${ratio(a.medianCpuMs, b.medianCpuMs)})`
const yesNo = (met: boolean | undefined): string => (met === undefined ? '–' : met ? 'yes' : '**no**')

/**
 * The README table: one row per (scenario, baseline); the target sits on the row it judges.
 * Cells are "median wall · peak RSS of the largest process"; the CPU column is the median user +
 * system time of fetch-sources' process tree against the baseline's, for the same work.
 */
export function markdownTable(results: ScenarioResult[]): string {
  const rows = ['| # | scenario | fetch-sources | baseline | ratio | client CPU (fs / baseline) | target | met? |', '|---|---|---|---|---|---|---|---|']
  for (const r of results) {
    if (r.skipped) {
      rows.push(`| ${r.id} | ${r.title} | – | – | – | – | ${r.targets.map((t) => t.text).join('; ') || '–'} | skipped: ${r.skipped} |`)
      continue
    }
    const [fs, ...baselines] = r.sides
    baselines.forEach((b, i) => {
      const targets = r.targets.filter((t) => (t.kind === 'ratio' || t.kind === 'overhead' ? t.baseline === i + 1 : i === 0))
      const target = targets.map((t) => t.text).join('; ') || '–'
      const met = targets.length ? yesNo(targets.every((t) => t.met === true) ? true : targets.some((t) => t.met === false) ? false : undefined) : '–'
      rows.push(
        `| ${r.id} | ${r.title} | ${cell(fs!)} | ${b.label}: ${cell(b)} | ${ratio(fs!.medianWallMs, b.medianWallMs)} | ${cpuCell(fs!, b)} | ${target} | ${met} |`
      )
    })
  }
  return rows.join('\n')
}

/** Judges each target on the medians. */
export function judge(r: ScenarioResult): void {
  const fs = r.sides[0]!
  for (const t of r.targets) {
    if (t.kind === 'ratio') {
      const b = r.sides[t.baseline]!
      const x = fs.medianWallMs / b.medianWallMs
      t.value = Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a'
      t.met = Number.isFinite(x) ? x <= t.max : false
    } else if (t.kind === 'overhead') {
      const over = fs.medianWallMs - r.sides[t.baseline]!.medianWallMs
      t.value = Number.isFinite(over) ? `${over >= 0 ? '+' : ''}${Math.round(over)} ms` : 'n/a'
      t.met = Number.isFinite(over) ? over <= t.maxMs : false
    } else if (t.kind === 'wall') {
      t.value = secs(fs.medianWallMs)
      t.met = Number.isFinite(fs.medianWallMs) ? fs.medianWallMs <= t.maxMs : false
    } else {
      t.value = mb(fs.medianRssMb)
      t.met = Number.isFinite(fs.medianRssMb) ? fs.medianRssMb <= t.maxMb : false
    }
  }
}

export function failuresText(results: ScenarioResult[]): string {
  const lines: string[] = []
  for (const r of results) {
    for (const s of r.sides) for (const f of new Set(s.failures)) lines.push(`- ${r.id} ${s.label}: ${f}`)
    for (const n of r.notes) lines.push(`- ${r.id} note: ${n}`)
  }
  return lines.join('\n')
}
