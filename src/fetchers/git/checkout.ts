import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { SourceLog } from '../shared/progress.js'
import type { GitSource } from './source.js'
import type { Git } from './git.js'
import { configFileText } from './credentials.js'
import { initRepo, readHead } from './repo.js'
import { isFullSha, resolveRevision, type Target } from './revision.js'

export interface CheckoutOptions {
  git: Git
  /** The work tree: staging for a fresh checkout, the previous destination for a reuse. */
  dir: string
  source: GitSource
  /** Credentials and protocol settings for every git process of this source. */
  env: Record<string, string>
  /** Update an existing checkout in place instead of starting from an empty directory. */
  reuse: boolean
  /** Cone directories (already including a `subdirectory`). */
  sparse: string[]
  log: SourceLog
  /** Runs one network command with the retry policy. */
  network: <T>(what: string, fn: () => Promise<T>) => Promise<T>
}

export interface CheckedOut {
  ref: string
  commit: string
  /** Whether anything had to be downloaded. */
  fetched: boolean
}

/**
 * Brings `dir` to exactly the commit the source's revision names, with as few git processes as
 * possible: `init` (fresh only), `ls-remote` (not for a full SHA), one `fetch` of exactly that
 * object at the requested depth (skipped when a reused checkout already has it), `checkout`.
 */
export async function checkoutSource(o: CheckoutOptions): Promise<CheckedOut> {
  const { git, dir, source, env } = o
  const run = (args: string[]) => git.exec(args, { cwd: dir, env })
  if (!o.reuse) await initRepo(git, dir, source.url, { sha256: source.revision?.length === 64, sparse: o.sparse })

  const shallow = await fs.stat(path.join(dir, '.git', 'shallow')).then(
    () => true,
    () => false
  )
  // A fresh fetch of the default branch or of a name that is most likely a branch does not wait
  // for ls-remote: both run at once, and ls-remote only names what the fetch brought (one round
  // trip instead of two). A name that turns out to be a tag is fetched after.
  const guess = !o.reuse ? speculativeSpecs(source) : undefined
  const [resolved, guessed] = await Promise.allSettled([
    o.network('ls-remote', () => resolveRevision(git, dir, source.revision, env)),
    guess ? o.network('fetch', () => run(fetchArgs(source, shallow, guess, false))) : Promise.resolve(undefined)
  ])
  if (resolved.status === 'rejected') throw resolved.reason
  const target = resolved.value
  let fetched = false
  let commit = target.commit
  if (guess && target.branch && guessed.status === 'rejected') throw guessed.reason
  if (guess && guessed.status === 'fulfilled' && (target.branch || (source.revision === undefined && !target.ref))) {
    fetched = true
    // What the fetch brought is the commit, even if the branch moved since ls-remote.
    commit =
      source.depth === 0 && !source.singleBranch && target.branch
        ? (await run(['rev-parse', '--verify', '--end-of-options', `refs/remotes/origin/${target.branch}^{commit}`])).stdout.trim()
        : await fetchHeadCommit(dir)
    if (target.branch) await trackBranch(dir, target.branch, commit)
  } else if (target.abbreviated) {
    // A server cannot resolve an abbreviated SHA: fetch the history of every branch and tag, then
    // resolve it locally (depth cannot apply).
    o.log.info(`"${source.revision}" is an abbreviated SHA: fetching full history to resolve it`)
    await o.network('fetch', () => run(fetchArgs(source, shallow, ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'], true)))
    fetched = true
    const out = await git.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', `${target.abbreviated}^{commit}`], {
      cwd: dir,
      env,
      allowFailure: true
    })
    if (out.code !== 0) throw new Error(`no commit of the repository starts with "${target.abbreviated}"`)
    commit = out.stdout.trim()
  } else if (!o.reuse || !(await hasCommit(git, dir, target.want!)) || (source.depth === 0 && shallow)) {
    try {
      await o.network('fetch', () => run(fetchArgs(source, shallow, refspecs(source, target), false)))
    } catch (e) {
      // A protocol v0 server without uploadpack.allowReachableSHA1InWant serves only branch and
      // tag tips: fetch those in full and find the commit among them.
      if (target.ref !== '' || !/not our ref|unadvertised object/i.test(e instanceof Error ? e.message : '')) throw e
      o.log.info(`the server does not serve commit ${commit} directly: fetching every branch and tag to find it`)
      await o.network('fetch', () => run(fetchArgs(source, shallow, ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'], true)))
      if (!(await hasCommit(git, dir, commit!))) throw new Error(`commit ${commit} is not on any branch or tag of ${source.url}`)
    }
    fetched = true
  }
  commit ??= (await run(['rev-parse', '--verify', '--end-of-options', `${target.localRef ?? 'FETCH_HEAD'}^{commit}`])).stdout.trim()

  const checkout = target.branch ? ['checkout', '-q', '--force', '-B', target.branch, commit] : ['checkout', '-q', '--force', '--detach', commit]
  await run(checkout)
  if (o.reuse) await run(['clean', '-q', '-ffdx'])

  const head = (await readHead(dir)) ?? (await run(['rev-parse', 'HEAD'])).stdout.trim()
  if (head !== commit) throw new Error(`checkout ended at ${head}, not the resolved commit ${commit}`)
  return { ref: target.ref, commit, fetched }
}

/** What to fetch before knowing whether the revision is a branch; undefined when it cannot be one. */
function speculativeSpecs(source: GitSource): string[] | undefined {
  const rev = source.revision
  if (rev !== undefined && (isFullSha(rev) || rev.startsWith('refs/') || /^[0-9a-f]{4,39}$/i.test(rev))) return undefined
  if (source.depth === 0 && !source.singleBranch) return ['+refs/heads/*:refs/remotes/origin/*']
  return rev === undefined ? ['HEAD'] : [`+refs/heads/${rev}:refs/remotes/origin/${rev}`]
}

async function fetchHeadCommit(dir: string): Promise<string> {
  const text = await fs.readFile(path.join(dir, '.git', 'FETCH_HEAD'), 'utf8')
  const sha = /^([0-9a-f]{40,64})\t/.exec(text)?.[1]
  if (!sha) throw new Error('git fetch recorded no commit in FETCH_HEAD')
  return sha
}

/** `origin/BRANCH` and the branch's upstream, as `git clone` leaves them (files only, no process). */
async function trackBranch(dir: string, branch: string, commit: string): Promise<void> {
  const ref = path.join(dir, '.git', 'refs', 'remotes', 'origin', ...branch.split('/'))
  if (!(await fs.stat(ref).catch(() => undefined))) {
    await fs.mkdir(path.dirname(ref), { recursive: true })
    await fs.writeFile(ref, `${commit}\n`)
  }
  await fs.appendFile(
    path.join(dir, '.git', 'config'),
    configFileText([
      ['branch.' + branch + '.remote', 'origin'],
      ['branch.' + branch + '.merge', `refs/heads/${branch}`]
    ])
  )
}

async function hasCommit(git: Git, dir: string, commit: string): Promise<boolean> {
  const out = await git.exec(['cat-file', '-e', '--end-of-options', `${commit}^{commit}`], { cwd: dir, allowFailure: true })
  return out.code === 0
}

function refspecs(source: GitSource, target: Target): string[] {
  // Full history of a branch with the others, as a clone has them; tips by object id, never by
  // name, so what is fetched is exactly what ls-remote resolved even if the branch moves meanwhile.
  if (source.depth === 0 && !source.singleBranch && target.branch) return ['+refs/heads/*:refs/remotes/origin/*']
  if (target.localRef) return [`+${target.want}:${target.localRef}`]
  return [target.want!]
}

function fetchArgs(source: GitSource, shallow: boolean, specs: string[], fullHistory: boolean): string[] {
  // Not `-q`: a quiet fetch does not print git's `redirecting to …` line, which redirects.ts reads.
  const args = ['fetch', '--no-recurse-submodules', '--no-write-commit-graph', source.tags ? '--tags' : '--no-tags']
  if (!fullHistory && source.depth > 0) args.push(`--depth=${source.depth}`)
  else if (shallow) args.push('--unshallow')
  const filter = source.filter ?? (source.sparse.length || source.subdirectory ? 'blob:none' : undefined)
  if (filter) args.push(`--filter=${filter}`)
  args.push('--end-of-options', 'origin', ...specs)
  return args
}

export { isFullSha }
