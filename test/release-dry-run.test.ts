/**
 * scripts/release.ts, which `.github/workflows/release.yml` runs on a `vX.Y.Z` tag, on a temporary
 * clone with a bare "origin": the dry run checks everything and prints the notes and the commands,
 * moving nothing; a real run moves the major tag on the remote (with a `gh` stand-in on PATH, since
 * the GitHub API is out of reach here); each failed check stops before anything is published.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { changelogSection } from '../scripts/release.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const SCRIPT = path.join(ROOT, 'scripts', 'release.ts')
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
// The build of the temporary project: dist/ and schema/ derived from src.txt, deterministically.
const BUILD = 'node build.mjs'

let root: string
let work: string
let origin: string
let bin: string
let v110: string

const CHANGELOG = (sections: string) => `# Changelog\n\nIntro text.\n\n${sections}## [1.1.0] - 2026-01-01\n\n### Fixed\n\n- Old fix.\n`
const NOTES_120 = '### Added\n\n- A matrix gather job.\n- Release dry runs.'

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).trim()
}

/** Writes a release commit: version, changelog, src (dist rebuilt unless `stale`), and tags it. */
function commitRelease(version: string, opts: { changelog?: string; src?: string; stale?: boolean } = {}): string {
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'p', version }, null, 2) + '\n')
  fs.writeFileSync(path.join(work, 'CHANGELOG.md'), opts.changelog ?? CHANGELOG(''))
  fs.writeFileSync(path.join(work, 'src.txt'), opts.src ?? `source ${version}\n`)
  if (!opts.stale) execFileSync('node', ['build.mjs'], { cwd: work })
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '--allow-empty', '-m', `release ${version}`)
  git(work, 'tag', `v${version}`)
  return git(work, 'rev-parse', 'HEAD')
}

function pinFile(file: string, ref: string): void {
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/(action-ref:\n(?: {8}.*\n)*? {8}default: )'v\d+'/, `$1'${ref}'`))
}

function release(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [TSX, SCRIPT, '--build', BUILD, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, RUNNER_TEMP: root, GIT_CONFIG_NOSYSTEM: '1' },
    timeout: 60_000
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

const remoteTag = (name: string): string => git(origin, 'rev-parse', `refs/tags/${name}^{commit}`)
const ghCalls = (): string[] => (fs.existsSync(path.join(root, 'gh-calls')) ? fs.readFileSync(path.join(root, 'gh-calls'), 'utf8').trim().split('\n') : [])

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-release-'))
  origin = path.join(root, 'origin.git')
  work = path.join(root, 'work')
  bin = path.join(root, 'bin')
  git(root, 'init', '-q', '--bare', origin)
  git(root, 'clone', '-q', origin, work)
  git(work, 'config', 'user.email', 't@example.org')
  git(work, 'config', 'user.name', 'T')
  fs.mkdirSync(path.join(work, '.github', 'workflows'), { recursive: true })
  for (const f of ['fetch-and-run.yml', 'fetch-matrix.yml'])
    fs.copyFileSync(path.join(ROOT, '.github', 'workflows', f), path.join(work, '.github', 'workflows', f))
  // The real workflows may pin another major than the temporary project's v1.
  for (const f of ['fetch-and-run.yml', 'fetch-matrix.yml']) pinFile(path.join(work, '.github', 'workflows', f), 'v1')
  fs.writeFileSync(
    path.join(work, 'build.mjs'),
    "import fs from 'node:fs'\nconst src = fs.readFileSync('src.txt', 'utf8')\nfs.mkdirSync('dist', { recursive: true })\nfs.mkdirSync('schema', { recursive: true })\nfs.writeFileSync('dist/index.js', `// built\\n${JSON.stringify(src)}\\n`)\nfs.writeFileSync('schema/spec.json', '{}\\n')\n"
  )
  // A `gh` stand-in that records its arguments and the notes file it was given.
  fs.mkdirSync(bin)
  fs.writeFileSync(
    path.join(bin, 'gh'),
    `#!/bin/sh\necho "$*" >> '${root}/gh-calls'\nwhile [ $# -gt 0 ]; do [ "$1" = --notes-file ] && cp "$2" '${root}/gh-notes'; shift; done\n`,
    { mode: 0o755 }
  )
  v110 = commitRelease('1.1.0')
  git(work, 'tag', 'v1')
  git(work, 'push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags')
}, 60_000)

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true })
})

describe('release.ts', () => {
  it('extracts the section of one version from CHANGELOG.md', () => {
    const text = CHANGELOG(`## [1.2.0] - Unreleased\n\n${NOTES_120}\n\n`)
    expect(changelogSection(text, '1.2.0')).toBe(NOTES_120)
    expect(changelogSection(text, '1.1.0')).toBe('### Fixed\n\n- Old fix.')
    expect(changelogSection(text, '1.2')).toBe('')
    expect(changelogSection(text, '9.9.9')).toBe('')
  })

  it('--dry-run checks everything, prints the notes and the commands, and moves nothing', () => {
    const sha = commitRelease('1.2.0', { changelog: CHANGELOG(`## [1.2.0] - 2026-02-01\n\n${NOTES_120}\n\n`) })
    git(work, 'push', '-q', 'origin', 'v1.2.0')
    const r = release('--tag', 'v1.2.0', '--dry-run')
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const notesFile = path.join(root, 'release-notes-v1.2.0.md')
    expect(r.stdout).toContain(`release v1.2.0 (commit ${sha})`)
    expect(r.stdout).toContain('ok    tag v1.2.0 is the package.json version')
    expect(r.stdout).toContain('ok    the reusable workflows default action-ref to v1')
    expect(r.stdout).toContain(`ok    dist/ and schema/ are what \`${BUILD}\` makes`)
    expect(r.stdout).toContain(`--- release notes ---\n${NOTES_120}\n---`)
    expect(fs.readFileSync(notesFile, 'utf8')).toBe(`${NOTES_120}\n`)
    const actions = r.stdout.split('\n').filter((l) => l.startsWith('would run: '))
    expect(actions).toEqual([
      `would run: gh release create v1.2.0 --verify-tag --title v1.2.0 --notes-file ${notesFile}`,
      `would run: git tag -f v1 ${sha}`,
      'would run: git push -f origin refs/tags/v1'
    ])
    expect(ghCalls()).toEqual([])
    expect(remoteTag('v1')).toBe(v110)
    expect(git(work, 'rev-parse', 'v1^{commit}')).toBe(v110)
  })

  it('a real run creates the release and moves the major tag on the remote', () => {
    const sha = git(work, 'rev-parse', 'v1.2.0^{commit}')
    const r = release('--tag', 'v1.2.0')
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(ghCalls()).toEqual([`release create v1.2.0 --verify-tag --title v1.2.0 --notes-file ${path.join(root, 'release-notes-v1.2.0.md')}`])
    expect(fs.readFileSync(path.join(root, 'gh-notes'), 'utf8')).toBe(`${NOTES_120}\n`)
    expect(remoteTag('v1')).toBe(sha)
    expect(remoteTag('v1.2.0')).toBe(sha)
  })

  it('an older patch release does not move the major tag back', () => {
    git(work, 'checkout', '-q', v110)
    commitRelease('1.1.1', { changelog: CHANGELOG('## [1.1.1] - 2026-03-01\n\n- Backported fix.\n\n') })
    const r = release('--tag', 'v1.1.1', '--dry-run')
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toContain('v1 stays where it is: v1.2.0 is newer than v1.1.1')
    expect(r.stdout).not.toContain('would run: git tag')
    git(work, 'checkout', '-q', 'v1.2.0')
  })

  const failures: [string, () => string, RegExp][] = [
    [
      'the tag is not the package version',
      () => {
        commitRelease('1.3.0', { changelog: CHANGELOG('## [1.3.0]\n\n- x\n\n') })
        git(work, 'tag', 'v1.3.1')
        return 'v1.3.1'
      },
      /tag v1\.3\.1 does not match package\.json version 1\.3\.0/
    ],
    [
      'dist/ is stale',
      () => {
        commitRelease('1.4.0', { changelog: CHANGELOG('## [1.4.0]\n\n- x\n\n'), stale: true })
        return 'v1.4.0'
      },
      /dist\/ or schema\/ differs from a fresh build at this tag[\s\S]* M dist\/index\.js/
    ],
    [
      'CHANGELOG.md has no section for the version',
      () => {
        commitRelease('1.5.0')
        return 'v1.5.0'
      },
      /CHANGELOG\.md has no section for 1\.5\.0/
    ],
    [
      'the reusable workflows pin another major',
      () => {
        commitRelease('2.0.0', { changelog: CHANGELOG('## [2.0.0]\n\n- x\n\n') })
        return 'v2.0.0'
      },
      /fetch-and-run\.yml checks out the action at `v1` by default, but this release is v2: run `npx tsx scripts\/release\.ts --pin v2`/
    ],
    [
      'the tag is not checked out',
      () => {
        git(work, 'checkout', '-q', v110)
        return 'v1.2.0'
      },
      /tag v1\.2\.0 is [0-9a-f]{12} but HEAD is [0-9a-f]{12}/
    ],
    ['the tag does not exist', () => 'v1.9.0', /tag v1\.9\.0 does not exist/],
    ['the tag is not a version', () => 'v1.2', /tag v1\.2 is not vMAJOR\.MINOR\.PATCH/]
  ]

  it.each(failures)('fails before publishing when %s', (_, setup, message) => {
    const before = remoteTag('v1')
    const tag = setup()
    const calls = ghCalls().length
    const r = release('--tag', tag, '--dry-run')
    expect(r.code, r.stdout + r.stderr).toBe(1)
    expect(r.stdout.replace(/%0A/g, '\n')).toMatch(message)
    expect(r.stdout).toMatch(/^::error::/m)
    expect(r.stdout).not.toContain('would run:')
    // The same failure without --dry-run publishes nothing either.
    expect(release('--tag', tag).code).toBe(1)
    expect(ghCalls()).toHaveLength(calls)
    expect(remoteTag('v1')).toBe(before)
    git(work, 'checkout', '-q', '-f', 'v1.2.0')
  })

  it('--pin rewrites the default of both reusable workflows, after which a new major passes', () => {
    git(work, 'checkout', '-q', 'v2.0.0')
    const r = spawnSync(process.execPath, [TSX, SCRIPT, '--pin', 'v2'], { cwd: work, encoding: 'utf8' })
    expect(r.status, r.stdout + r.stderr).toBe(0)
    for (const f of ['fetch-and-run.yml', 'fetch-matrix.yml']) {
      const wf = parse(fs.readFileSync(path.join(work, '.github', 'workflows', f), 'utf8')) as {
        on: { workflow_call: { inputs: Record<string, { default: string }> } }
      }
      expect(wf.on.workflow_call.inputs['action-ref']!.default).toBe('v2')
    }
    git(work, 'commit', '-q', '-am', 'pin v2')
    git(work, 'tag', '-f', 'v2.0.0')
    const dry = release('--tag', 'v2.0.0', '--dry-run')
    expect(dry.code, dry.stdout + dry.stderr).toBe(0)
    expect(dry.stdout).toContain(`would run: git tag -f v2 ${git(work, 'rev-parse', 'HEAD')}`)
  })

  it('release.yml runs this script on the pushed tag, with what it needs', () => {
    const wf = parse(fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
      on: { push: { tags: string[] } }
      permissions: Record<string, string>
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] }>
    }
    expect(wf.on.push.tags).toEqual(['v*.*.*'])
    expect(wf.permissions.contents).toBe('write')
    const steps = Object.values(wf.jobs)[0]!.steps
    // Every tag is needed to tell whether a newer release of the same major exists.
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))!.with!['fetch-depth']).toBe(0)
    const step = steps.find((s) => s.run?.includes('scripts/release.ts'))!
    expect(step.run).toBe('npx tsx scripts/release.ts --tag "$TAG"')
    expect(step.env).toEqual({ GH_TOKEN: '${{ github.token }}', TAG: '${{ github.ref_name }}' })
  })
})
