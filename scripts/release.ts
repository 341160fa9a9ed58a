/**
 * What `.github/workflows/release.yml` does when a `vX.Y.Z` tag is pushed, run from the root of a
 * clone with the tag checked out:
 *
 *   npx tsx scripts/release.ts --tag v1.2.0 [--dry-run] [--remote origin] [--build CMD] [--notes-file F]
 *
 * Checks, in order: the tag is `vMAJOR.MINOR.PATCH`, points at HEAD and is the package.json
 * version; the reusable workflows default `action-ref` to `vMAJOR`; `dist/` and `schema/` are what
 * the build command (default `npm run build && npm run schema`) makes; CHANGELOG.md has a section
 * for the version, which becomes the release notes. Then it creates the GitHub release (`gh`) and
 * moves the major tag `vMAJOR` to the commit, unless a newer `vMAJOR.*.*` release exists.
 * `--dry-run` does every check and prints the notes and the commands it would run, changing nothing.
 *
 *   npx tsx scripts/release.ts --pin v2
 *
 * rewrites the `action-ref` default of both reusable workflows (before tagging a new major).
 * Exit code 0 on success, 1 when a check fails, 2 on bad usage.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const REUSABLE = ['.github/workflows/fetch-and-run.yml', '.github/workflows/fetch-matrix.yml']
const DEFAULT_BUILD = 'npm run build && npm run schema'

class CheckFailed extends Error {}

interface Options {
  tag: string
  dryRun: boolean
  remote: string
  build: string
  notesFile: string
}

function git(...args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd()
}

function semver(tag: string): [number, number, number] | null {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag)
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null
}

function newer(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!
  return false
}

/** The `action-ref` default of a reusable workflow. */
function pinnedRef(file: string): string {
  const wf = parse(fs.readFileSync(file, 'utf8')) as { on?: { workflow_call?: { inputs?: Record<string, { default?: unknown }> } } }
  return String(wf.on?.workflow_call?.inputs?.['action-ref']?.default ?? '')
}

/** The body of the `## [version]` section of a Keep a Changelog file, blank lines trimmed. */
export function changelogSection(text: string, version: string): string {
  const lines = text.split('\n')
  const start = lines.findIndex((l) => l.startsWith(`## [${version}]`))
  if (start < 0) return ''
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((l) => l.startsWith('## '))
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim()
}

function ok(message: string): void {
  console.log(`ok    ${message}`)
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message)
}

function act(dryRun: boolean, file: string, args: string[]): void {
  console.log(`${dryRun ? 'would run' : 'run'}: ${[file, ...args].join(' ')}`)
  if (dryRun) return
  const r = spawnSync(file, args, { stdio: 'inherit' })
  if (r.error) throw new CheckFailed(`${file} could not start: ${r.error.message}`)
  if (r.status !== 0) throw new CheckFailed(`${file} ${args[0]} failed (exit ${r.status})`)
}

function release(o: Options): void {
  const version = semver(o.tag)
  check(version !== null, `tag ${o.tag} is not vMAJOR.MINOR.PATCH`)
  const major = `v${version[0]}`
  const head = git('rev-parse', 'HEAD')
  let tagged = ''
  try {
    tagged = git('rev-parse', `${o.tag}^{commit}`)
  } catch {
    // reported below
  }
  check(tagged !== '', `tag ${o.tag} does not exist in this clone`)
  check(tagged === head, `tag ${o.tag} is ${tagged.slice(0, 12)} but HEAD is ${head.slice(0, 12)}: check the tag out first`)
  console.log(`release ${o.tag} (commit ${head})`)

  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version?: string }
  check(`v${pkg.version}` === o.tag, `tag ${o.tag} does not match package.json version ${pkg.version}`)
  ok(`tag ${o.tag} is the package.json version`)

  for (const file of REUSABLE) {
    const ref = pinnedRef(file)
    check(
      ref === major,
      `${file} checks out the action at \`${ref}\` by default, but this release is ${major}: run \`npx tsx scripts/release.ts --pin ${major}\`, commit, and tag again`
    )
  }
  ok(`the reusable workflows default action-ref to ${major}`)

  console.log(`build: ${o.build}`)
  const built = spawnSync(o.build, { shell: true, stdio: 'inherit' })
  check(built.status === 0, `the build failed (exit ${built.status}): ${o.build}`)
  const stale = git('status', '--porcelain', '--', 'dist', 'schema')
  check(stale === '', `dist/ or schema/ differs from a fresh build at this tag (rebuild, commit, tag again):\n${stale}`)
  ok(`dist/ and schema/ are what \`${o.build}\` makes`)

  const notes = changelogSection(fs.existsSync('CHANGELOG.md') ? fs.readFileSync('CHANGELOG.md', 'utf8') : '', pkg.version!)
  check(notes !== '', `CHANGELOG.md has no section for ${pkg.version} (a \`## [${pkg.version}]\` heading with text under it)`)
  fs.writeFileSync(o.notesFile, `${notes}\n`)
  ok(`release notes: the [${pkg.version}] section of CHANGELOG.md (${notes.split('\n').length} lines) → ${o.notesFile}`)
  if (o.dryRun) console.log(`--- release notes ---\n${notes}\n---`)

  act(o.dryRun, 'gh', ['release', 'create', o.tag, '--verify-tag', '--title', o.tag, '--notes-file', o.notesFile])

  const same = git('tag', '--list', `${major}.*`)
    .split('\n')
    .map((t) => [t, semver(t)] as const)
    .filter((e): e is readonly [string, [number, number, number]] => e[1] !== null && newer(e[1], version))
  if (same.length > 0) {
    const latest = same.reduce((a, b) => (newer(b[1], a[1]) ? b : a))[0]
    console.log(`${major} stays where it is: ${latest} is newer than ${o.tag}`)
    return
  }
  act(o.dryRun, 'git', ['tag', '-f', major, head])
  act(o.dryRun, 'git', ['push', '-f', o.remote, `refs/tags/${major}`])
}

/** Rewrites the `action-ref` default of the reusable workflows to `ref`. */
function pin(ref: string): void {
  check(/^v\d+$/.test(ref), `--pin takes a major tag such as v2, got ${ref}`)
  for (const file of REUSABLE) {
    const text = fs.readFileSync(file, 'utf8')
    const next = text.replace(/^( {6}action-ref:\n(?: {8}.*\n)*? {8}default: )'[^'\n]*'$/m, `$1'${ref}'`)
    fs.writeFileSync(file, next)
    check(pinnedRef(file) === ref, `${file}: no \`action-ref\` input with a quoted default to rewrite`)
    console.log(`${file}: action-ref defaults to ${ref}`)
  }
}

function parseArgs(argv: string[]): { pin?: string; options?: Options } {
  const o: Options = { tag: '', dryRun: false, remote: 'origin', build: DEFAULT_BUILD, notesFile: '' }
  let pinTo: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    if (flag === '--dry-run') {
      o.dryRun = true
      continue
    }
    const value = argv[++i]
    if (value === undefined) throw new Error(`${flag} needs a value`)
    if (flag === '--tag') o.tag = value
    else if (flag === '--remote') o.remote = value
    else if (flag === '--build') o.build = value
    else if (flag === '--notes-file') o.notesFile = path.resolve(value)
    else if (flag === '--pin') pinTo = value
    else throw new Error(`unknown option ${flag}`)
  }
  if (pinTo !== undefined) return { pin: pinTo }
  if (!o.tag) throw new Error('--tag vX.Y.Z (or --pin vN) is required')
  o.notesFile ||= path.join(process.env.RUNNER_TEMP || os.tmpdir(), `release-notes-${o.tag}.md`)
  return { options: o }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2))
    if (args.pin) pin(args.pin)
    else release(args.options!)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    if (e instanceof CheckFailed) {
      console.log(`::error::${message.replace(/\n/g, '%0A')}`)
      process.exitCode = 1
    } else {
      console.error(`release: ${message}`)
      process.exitCode = 2
    }
  }
}
