import type { Outcome } from '../fetchers/fetch-all.js'
import { kindOf } from '../fetchers/registry.js'
import type { Plan } from '../runspec/model.js'
import { formatBytes } from '../util/format.js'
import { publicAddress } from './outputs.js'

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** `hit: 1.2 GiB restored`, `saved: 800 MiB downloaded`: what the Actions cache did, in a cell. */
function cacheCell(o: Outcome): string {
  const c = o.result?.cache
  if (!c || c.status === 'off') return ''
  const restored = c.restoredBytes ?? 0
  const downloaded = Math.max(0, (o.result?.bytes ?? 0) - restored)
  return c.status === 'hit' ? `hit: ${formatBytes(restored)} restored` : `${c.status}: ${formatBytes(downloaded)} downloaded`
}

/** The job summary: one row per source; a cache column when any source used the cache. */
export function summaryMarkdown(plan: Plan, outcomes: Outcome[]): string {
  const cached = outcomes.some((o) => o.result?.cache && o.result.cache.status !== 'off')
  const rows = outcomes.map((o) => {
    const r = o.result
    const version = r?.commit ? `\`${r.commit.slice(0, 12)}\`${r.ref ? ` (${r.ref})` : ''}` : r?.digest ? `\`${r.digest.slice(0, 19)}…\`` : ''
    const status = o.error ? '❌ failed' : r?.inPlace ? '✅ up to date' : '✅'
    return `| ${cell(o.source.name)} | ${o.source.kind} | ${cell(publicAddress(r?.url ?? kindOf(o.source).address(o.source)))} | ${version} | \`${cell(o.source.relPath)}\` | ${r ? `${r.files} / ${formatBytes(r.bytes)}` : ''} | ${o.seconds.toFixed(1)} s | ${status} |${cached ? ` ${cacheCell(o)} |` : ''}`
  })
  return [
    `### fetch-sources (${plan.dialect}${plan.specFile ? `: \`${plan.specFile}\`` : ''})`,
    '',
    `| source | kind | from | version | path | files / size | time | status |${cached ? ' cache |' : ''}`,
    `| --- | --- | --- | --- | --- | --- | --- | --- |${cached ? ' --- |' : ''}`,
    ...rows,
    ''
  ].join('\n')
}

/** The dry-run plan: what would be fetched, from where, to where; secrets named, never shown. */
export function planText(plan: Plan): string {
  const lines = [`plan (${plan.dialect}, detected by ${plan.detectedBy}): ${plan.sources.length} source(s)`]
  for (const s of plan.sources) {
    // A secret an input holds is named after the input (`the \`ssh-key\` input`).
    const secret = s.secret ? (s.secret.foundIn === 'input' ? `, ${s.secret.name}` : `, secret "${s.secret.name}" (${s.secret.foundIn})`) : ''
    lines.push(`  - ${s.name}${s.primary ? ' [primary]' : ''}: ${kindOf(s).describe(s)}${s.connection ? ` via connection "${s.connection}"` : ''}${secret}`)
  }
  if (plan.entrypoint) lines.push(`  entrypoint: ${plan.entrypoint.path} (in ${plan.entrypoint.source})`)
  if (plan.exposeConnections.length) lines.push(`  main-container connections: ${plan.exposeConnections.join(', ')}`)
  return lines.join('\n')
}
