/**
 * The rules of the house (docs/architecture.md), checked from the code's own imports:
 *   - no import cycle under src/ (static imports and `import()` alike);
 *   - imports point down: a file only imports files of its own layer or of a lower one;
 *   - no file over the size limit.
 * Exits 1 listing every offence. Run by `.ci/run` (`npm run check:imports`).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const MAX_LINES = 300

/** Layers from the top down; the first pattern that matches a file names its layer. */
export const LAYERS: ReadonlyArray<{ name: string; rank: number; test: RegExp }> = [
  { name: 'entries', rank: 100, test: /^src\/(index|main|post|cli)\.ts$/ },
  { name: 'hosts', rank: 95, test: /^src\/host\/(action|cli|report-error)\.ts$/ },
  { name: 'run', rank: 90, test: /^src\/run\.ts$/ },
  { name: 'plan', rank: 85, test: /^src\/plan\.ts$/ },
  { name: 'inputs', rank: 80, test: /^src\/inputs\.ts$/ },
  { name: 'report', rank: 70, test: /^src\/report\// },
  { name: 'fetch all', rank: 60, test: /^src\/fetchers\/(registry|fetch-all)\.ts$/ },
  { name: 'kinds', rank: 50, test: /^src\/fetchers\/((?!shared\/)[^/]+\/|bucket\.ts$)/ },
  { name: 'kind interface', rank: 45, test: /^src\/fetchers\/types\.ts$/ },
  { name: 'host interface', rank: 40, test: /^src\/host\/host\.ts$/ },
  { name: 'connections', rank: 30, test: /^src\/connections\// },
  { name: 'shared', rank: 25, test: /^src\/fetchers\/shared\// },
  { name: 'run spec', rank: 20, test: /^src\/runspec\// },
  { name: 'util', rank: 0, test: /^src\/(util\/|constants\.ts$)/ }
]

export function layerOf(rel: string): { name: string; rank: number } | undefined {
  return LAYERS.find((l) => l.test.test(rel))
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...sourceFiles(p))
    else if (e.name.endsWith('.ts')) out.push(p)
  }
  return out
}

/** Relative imports of one file (static, re-exports and `import()`), as repository paths. */
export function importsOf(file: string, text: string): string[] {
  const info = ts.preProcessFile(text, true, true)
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) =>
      path
        .relative(ROOT, path.resolve(path.dirname(file), name.replace(/\.js$/, '.ts')))
        .split(path.sep)
        .join('/')
    )
}

/** Every cycle's files (strongly connected components of more than one file, or a self-import). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string): void => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort())
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) visit(v)
  return found
}

function main(): number {
  const problems: string[] = []
  const graph = new Map<string, string[]>()
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/')
    const text = fs.readFileSync(file, 'utf8')
    const lines = text.split('\n').length
    if (lines > MAX_LINES) problems.push(`${rel}: ${lines} lines (the limit is ${MAX_LINES}): split it by concern`)
    const from = layerOf(rel)
    if (!from) problems.push(`${rel}: in no layer: add it to LAYERS in scripts/check-imports.ts and to docs/architecture.md`)
    const deps = importsOf(file, text)
    graph.set(rel, deps)
    for (const dep of deps) {
      const to = layerOf(dep)
      if (from && to && to.rank > from.rank) problems.push(`${rel} (${from.name}) imports ${dep} (${to.name}): imports point down only`)
    }
  }
  for (const c of cycles(graph)) problems.push(`import cycle: ${c.join(' → ')}`)
  for (const p of problems) console.error(p)
  if (problems.length === 0) console.log(`imports: ${graph.size} files, no cycle, every import points down`)
  return problems.length ? 1 : 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main()
