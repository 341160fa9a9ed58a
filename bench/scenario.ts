import type { Sample } from './measure.js'

/** One way of doing a scenario's work: fetch-sources, or a tool a user would pick instead. */
export interface Side {
  label: string
  /** Untimed: empty the destination (and anything else a fair start needs). */
  prepare(): Promise<void>
  /** The timed run. */
  run(): Promise<Sample>
  /** Untimed, after a run: an error message when the result is wrong (missing files, …). */
  verify?(): Promise<string | undefined>
}

/** What a scenario is judged by (the targets). */
export type Target =
  | { kind: 'ratio'; max: number; baseline: number; text: string }
  /** At most `maxMs` slower than the baseline side (a fixed cost, not a factor). */
  | { kind: 'overhead'; maxMs: number; baseline: number; text: string }
  | { kind: 'wall'; maxMs: number; text: string }
  | { kind: 'rss'; maxMb: number; text: string }

export interface Scenario {
  id: string
  title: string
  /** sides[0] is fetch-sources; the others are baselines it is compared with. */
  sides: Side[]
  targets: Target[]
  /** Something worth knowing next to the numbers (e.g. which modules a dry run loaded). */
  notes?: () => Promise<string[]>
}

export interface SideResult {
  label: string
  samples: Array<{ wallMs: number; peakRssMb: number; cpuMs: number }>
  failures: string[]
  medianWallMs: number
  medianRssMb: number
  medianCpuMs: number
}

export interface ScenarioResult {
  id: string
  title: string
  sides: SideResult[]
  targets: Array<Target & { met: boolean | undefined; value: string }>
  notes: string[]
  skipped?: string
}
