import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { GitSource } from '../src/fetchers/git/source.js'
import { Input, parseSettings, type RawInputs } from '../src/inputs.js'
import { planOf, WORKSPACE } from './helpers/plan.js'
import { ROOT } from './helpers/runner.js'
import { tempDir } from './helpers/harness.js'

/**
 * Every input of actions/checkout (its action.yml at the time of writing), each row its
 * documented behaviour: what checkout does with the input, and what the one source of checkout
 * mode is planned as. docs/migration.md's table is the same list in prose.
 */
const CHECKOUT_INPUTS = [
  'repository',
  'ref',
  'token',
  'ssh-key',
  'ssh-known-hosts',
  'ssh-strict',
  'ssh-user',
  'persist-credentials',
  'path',
  'clean',
  'filter',
  'sparse-checkout',
  'sparse-checkout-cone-mode',
  'fetch-depth',
  'fetch-tags',
  'show-progress',
  'lfs',
  'submodules',
  'set-safe-directory',
  'github-server-url',
  'allow-unsafe-pr-checkout'
]

const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const RUNNER = { GITHUB_REPOSITORY: 'octo/app', GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main', GITHUB_SERVER_URL: 'https://github.com' }
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n'

async function planned(inputs: Partial<Record<Input, string>> = {}, env: Record<string, string> = RUNNER): Promise<GitSource> {
  const out = await planOf('', { inputs, env })
  expect(out.errors.map((e) => e.message)).toEqual([])
  expect(out.plan!.sources).toHaveLength(1)
  return out.plan!.sources[0] as GitSource
}

function settingsOf(inputs: Partial<Record<Input, string>>): ReturnType<typeof parseSettings> {
  return parseSettings({ [Input.Workspace]: WORKSPACE, ...inputs } as RawInputs, RUNNER)
}

interface Row {
  input: string
  /** checkout's documented behaviour, as its action.yml and input-helper.ts say it. */
  checkout: string
  check: () => Promise<void>
}

const rows: Row[] = [
  {
    input: '(none)',
    checkout: 'the workflow repository at GITHUB_SHA, GITHUB_REF recorded, into the workspace root',
    check: async () => {
      const s = await planned()
      expect(s).toMatchObject({ url: 'https://github.com/octo/app', revision: SHA, relPath: '.', dest: WORKSPACE, primary: true, depth: 1, tags: false })
      // Without git, GitHub's API gives the archive (checkout's REST fallback).
      expect(s.checkout).toEqual({ knownRef: 'refs/heads/main', api: { apiUrl: 'https://api.github.com', owner: 'octo', repo: 'app' } })
      expect(s.provider).toEqual({ type: 'github', apiUrl: 'https://api.github.com', owner: 'octo', repo: 'app' })
    }
  },
  {
    input: 'repository',
    checkout: 'owner/name on the server; another repository without `ref` is its default branch',
    check: async () => {
      const s = await planned({ [Input.Repository]: 'octo/lib' })
      expect(s).toMatchObject({ url: 'https://github.com/octo/lib', name: 'lib' })
      expect(s.revision).toBeUndefined()
      expect((await planOf('', { inputs: { [Input.Repository]: 'just-a-name' }, env: RUNNER })).errors[0]!.message).toMatch(/must be owner\/name/)
    }
  },
  {
    input: 'ref',
    checkout: 'branch, tag or SHA; a SHA is checked out with an empty ref',
    check: async () => {
      expect(await planned({ [Input.Ref]: 'v2' })).toMatchObject({ revision: 'v2' })
      const bySha = await planned({ [Input.Ref]: OTHER })
      expect(bySha.revision).toBe(OTHER)
      expect(bySha.checkout?.knownRef).toBeUndefined()
    }
  },
  {
    input: 'token',
    checkout: "used for the server's host (default `${{ github.token }}`)",
    check: async () => {
      expect(settingsOf({ [Input.Token]: 'ghs_x' }).token).toBe('ghs_x')
    }
  },
  {
    input: 'ssh-key',
    checkout: 'the URL becomes `git@host:owner/name.git`',
    check: async () => {
      const s = await planned({ [Input.SshKey]: KEY })
      expect(s.url).toBe('git@github.com:octo/app.git')
      // checkout refuses `ssh-key` without git; so does checkout mode (no API fallback).
      expect(s.provider).toBeUndefined()
      expect(s.secret?.name).toBe('the `ssh-key` input')
    }
  },
  {
    input: 'ssh-known-hosts',
    checkout: 'known hosts besides the user and global database and github.com',
    check: async () => expect(settingsOf({ [Input.SshKnownHosts]: 'h ssh-ed25519 AAAA' }).git.knownHosts).toBe('h ssh-ed25519 AAAA')
  },
  {
    input: 'ssh-strict',
    checkout: 'default true: StrictHostKeyChecking=yes, CheckHostIP=no',
    check: async () => {
      expect(settingsOf({}).git.sshStrict).toBe(true)
      expect(settingsOf({ [Input.SshStrict]: 'false' }).git.sshStrict).toBe(false)
    }
  },
  {
    input: 'ssh-user',
    checkout: 'the user of the SSH URL, default git',
    check: async () => expect((await planned({ [Input.SshKey]: KEY, [Input.SshUser]: 'deploy' })).url).toBe('deploy@github.com:octo/app.git')
  },
  {
    input: 'persist-credentials',
    checkout: 'default true; ours default false',
    check: async () => {
      expect(settingsOf({}).persistCredentials).toBe(false)
      expect(settingsOf({ [Input.PersistCredentials]: 'true' }).persistCredentials).toBe(true)
    }
  },
  {
    input: 'path',
    checkout: 'relative to the workspace, default the workspace itself',
    check: async () => {
      expect(await planned({ [Input.Path]: 'code/app' })).toMatchObject({ relPath: 'code/app', dest: path.join(WORKSPACE, 'code', 'app') })
      expect((await planOf('', { inputs: { [Input.Path]: '../out' }, env: RUNNER })).errors[0]!.message).toMatch(/resolves outside the workspace/)
    }
  },
  {
    input: 'clean',
    checkout: 'default true; false keeps untracked files on a re-run',
    check: async () => expect((await planned({ [Input.Clean]: 'false' })).checkout).toMatchObject({ keepUntracked: true })
  },
  {
    input: 'filter',
    checkout: 'a partial clone filter; overrides the one sparse-checkout implies',
    check: async () => expect(await planned({ [Input.Filter]: 'tree:0', [Input.SparseCheckout]: 'src' })).toMatchObject({ filter: 'tree:0', sparse: ['src'] })
  },
  {
    input: 'sparse-checkout',
    checkout: 'one pattern per line, cone mode by default',
    check: async () => {
      const s = await planned({ [Input.SparseCheckout]: 'src/\n/docs\n' })
      expect(s.sparse).toEqual(['src', 'docs'])
      expect(s.checkout?.sparsePatterns).toBeUndefined()
    }
  },
  {
    input: 'sparse-checkout-cone-mode',
    checkout: 'false: the lines are patterns',
    check: async () => {
      const s = await planned({ [Input.SparseCheckout]: '/*\n!/tests/', [Input.SparseCheckoutConeMode]: 'false' })
      expect(s.sparse).toEqual(['/*', '!/tests/'])
      expect(s.checkout).toMatchObject({ sparsePatterns: true })
    }
  },
  {
    input: 'fetch-depth',
    checkout: 'default 1; 0 = all history for all branches and tags',
    check: async () => {
      const full = await planned({ [Input.FetchDepth]: '0' })
      expect(full).toMatchObject({ depth: 0, tags: true })
      expect(full.checkout).toMatchObject({ everyBranch: true, knownRef: 'refs/heads/main' })
      expect((await planOf('', { inputs: { [Input.FetchDepth]: '-1' }, env: RUNNER })).errors[0]!.message).toMatch(/must be 0 \(all history\) or a positive/)
    }
  },
  {
    input: 'fetch-tags',
    checkout: 'tags even when fetch-depth > 0',
    check: async () => expect(await planned({ [Input.FetchTags]: 'true' })).toMatchObject({ depth: 1, tags: true })
  },
  {
    input: 'show-progress',
    checkout: 'default true',
    check: async () => {
      expect(settingsOf({}).git.showProgress).toBe(true)
      expect(settingsOf({ [Input.ShowProgress]: 'false' }).git.showProgress).toBe(false)
    }
  },
  {
    input: 'lfs',
    checkout: 'download LFS files',
    check: async () => expect(await planned({ [Input.Lfs]: 'true' })).toMatchObject({ lfs: true })
  },
  {
    input: 'submodules',
    checkout: 'true, or recursive for nested ones',
    check: async () => {
      expect(await planned({ [Input.Submodules]: 'true' })).toMatchObject({ submodules: true })
      expect(await planned({ [Input.Submodules]: 'recursive' })).toMatchObject({ submodules: 'recursive' })
      expect((await planOf('', { inputs: { [Input.Submodules]: 'yes' }, env: RUNNER })).errors[0]!.message).toMatch(/true, false or recursive/)
    }
  },
  {
    input: 'set-safe-directory',
    checkout: 'default true',
    check: async () => {
      expect(settingsOf({}).git.safeDirectory).toBe(true)
      expect(settingsOf({ [Input.SetSafeDirectory]: 'false' }).git.safeDirectory).toBe(false)
    }
  },
  {
    input: 'github-server-url',
    checkout: 'the GitHub instance to clone from, default GITHUB_SERVER_URL',
    check: async () => {
      const ghes = await planned({ [Input.GithubServerUrl]: 'https://ghes.example.com/' })
      expect(ghes.url).toBe('https://ghes.example.com/octo/app')
      expect(ghes.provider?.apiUrl).toBe('https://ghes.example.com/api/v3')
      expect((await planned({}, { ...RUNNER, GITHUB_API_URL: 'https://api.example.test' })).provider?.apiUrl).toBe('https://api.example.test')
      expect(settingsOf({ [Input.GithubServerUrl]: 'https://ghes.example.com' }).serverUrl).toBe('https://ghes.example.com')
    }
  },
  {
    input: 'allow-unsafe-pr-checkout',
    checkout: "refuses a fork's pull request code in pull_request_target unless true",
    check: async () => {
      const dir = await tempDir('fs-fork-guard-')
      const event = path.join(dir, 'event.json')
      await fs.writeFile(
        event,
        JSON.stringify({ repository: { id: 1 }, pull_request: { head: { sha: OTHER, repo: { id: 2, full_name: 'fork/app' } }, merge_commit_sha: SHA } })
      )
      const env = { ...RUNNER, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: event }
      // The default checkout is the base repository's own commit: allowed.
      expect((await planOf('', { env })).errors).toEqual([])
      for (const inputs of [{ [Input.Ref]: OTHER }, { [Input.Ref]: 'refs/pull/3/merge' }, { [Input.Repository]: 'fork/app' }]) {
        const refused = await planOf('', { inputs, env })
        expect(refused.errors.map((e) => e.message)).toEqual([expect.stringContaining('refusing to check out fork pull request code')])
        expect((await planOf('', { inputs: { ...inputs, [Input.AllowUnsafePrCheckout]: 'true' }, env })).errors).toEqual([])
      }
      await fs.rm(dir, { recursive: true, force: true })
    }
  }
]

describe("actions/checkout's inputs, each as checkout documents it", () => {
  it('every input of checkout has a row, an input of ours, and a line in the migration table', async () => {
    expect(new Set(rows.map((r) => r.input))).toEqual(new Set(['(none)', ...CHECKOUT_INPUTS]))
    const ours = parse(await fs.readFile(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }
    const migration = await fs.readFile(path.join(ROOT, 'docs', 'migration.md'), 'utf8')
    for (const input of CHECKOUT_INPUTS) {
      expect(ours.inputs, input).toHaveProperty([input])
      expect(migration, input).toMatch(new RegExp(`^\\| \`${input}\` +\\|`, 'm'))
    }
  })

  for (const row of rows) it(`${row.input}: ${row.checkout}`, row.check)
})

describe('the workspace root and the other modes', () => {
  it('quick mode takes checkout inputs and `path: .` is the workspace root', async () => {
    const s = await planned({ [Input.Url]: 'https://git.example.com/o/r.git', [Input.Path]: '.', [Input.FetchDepth]: '0', [Input.Ref]: 'dev' })
    expect(s).toMatchObject({ relPath: '.', dest: WORKSPACE, depth: 0, revision: 'dev' })
    const both = await planOf('', { inputs: { [Input.Url]: 'https://git.example.com/o/r.git', [Input.Revision]: 'a', [Input.Ref]: 'b' } })
    expect(both.errors[0]!.message).toBe('give either `revision` or `ref` (its actions/checkout name), not both')
    const bucket = await planOf('', { inputs: { [Input.Url]: 's3://b/x', [Input.FetchDepth]: '0' } })
    expect(bucket.errors[0]!.message).toBe('input `fetch-depth` applies to git URLs only')
  })

  it("a spec refuses checkout's source-level inputs, saying what to write instead", async () => {
    const out = await planOf('version: 1\nsources: [{url: "https://h/o/r.git"}]\n', { inputs: { [Input.FetchDepth]: '0', [Input.Ref]: 'v1' } })
    expect(out.errors.map((e) => e.message)).toEqual([
      "inputs `ref`, `fetch-depth` shape the one source of checkout or quick mode, not a spec's sources: for `ref` write `git: {revision: …}`; for `fetch-depth` write `git: {depth: …}`"
    ])
  })

  it('a spec may put one git source at the root; nothing else may land there or inside it', async () => {
    expect((await planOf('version: 1\nsources: [{url: "https://h/o/r.git", path: .}]\n')).errors).toEqual([])
    const two = await planOf('version: 1\nsources:\n  - {url: "https://h/o/r.git", path: .}\n  - {url: "s3://b/data", path: data}\n')
    expect(two.errors.map((e) => e.message)).toEqual([
      'destination "data" of source "data" is inside the workspace root, where source "r" checks out its repository: a checkout at the root holds that repository alone (a re-run cleans what it does not track, as actions/checkout does). Give "r" a `path:` of its own, or fetch "data" in another step'
    ])
    const bucket = await planOf('version: 1\nsources: [{url: "s3://b/data", path: ./}]\n')
    expect(bucket.errors[0]!.message).toMatch(/^destination "." of source "data" is the workspace root, which only a git source may use/)
  })
})
