import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { SourceLog } from '../shared/progress.js'
import type { GitSource } from './source.js'
import { GitCommandError, type Git } from './git.js'
import { configFileText } from './credentials.js'
import { initSourceRepo, readHead } from './repo.js'
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
  /** `show-progress`: fetch and checkout with `--progress`, their stderr passed here as it comes. */
  progress?: (chunk: string) => void
}

export interface CheckedOut {
  ref: string
  commit: string
  /** Whether anything had to be downloaded. */
  fetched: boolean
}

/**
 * Brings `dir` to exactly the commit the source's revision names, with as few git processes as
 * possible: `init` (fresh only), `ls-remote` (not for a full SHA, nor for a branch name), one
 * `fetch` of exactly that object at the requested depth (skipped when a reused checkout already
 * has it), `checkout`.
 */
export async function checkoutSource(o: CheckoutOptions): Promise<CheckedOut> {
  const { git, dir, source, env } = o
  const { run, transfer } = commands(o)
  if (!o.reuse) await initSourceRepo(git, dir, source, o.sparse)

  const shallow = await fs.stat(path.join(dir, '.git', 'shallow')).then(
    () => true,
    () => false
  )
  const known = source.checkout?.knownRef
  let guess = !o.reuse ? speculativeSpecs(source) : undefined
  // A branch name fetched alone needs no ls-remote at all: what the fetch brought is the branch
  // (branches win over tags, as for `git clone --branch`). Only a name that is no branch is looked
  // up after, and a name that looks like a version goes the concurrent way below.
  if (guess && !known && source.revision !== undefined && !(source.depth === 0 && !source.singleBranch) && !VERSION_LIKE.test(source.revision)) {
    const branch = source.revision
    const found = await o.network('fetch', async () => {
      try {
        await transfer(fetchArgs(source, shallow, guess!, false))
        return true
      } catch (e) {
        if (e instanceof GitCommandError && /couldn't find remote ref/i.test(e.stderr)) return false
        throw e
      }
    })
    if (found) return finish(o, { ref: `refs/heads/${branch}`, localRef: `refs/remotes/origin/${branch}`, branch }, await branchFetched(o, branch), true)
    guess = undefined
  }
  // A fresh fetch of the default branch (or of a name that may be a tag) does not wait for
  // ls-remote: both run at once, and ls-remote only names what the fetch brought (one round trip
  // instead of two). A name that turns out to be a tag is fetched after.
  const [resolved, guessed] = await Promise.allSettled([
    o.network('ls-remote', () => resolveRevision(git, dir, source.revision, env)),
    guess ? o.network('fetch', () => transfer(fetchArgs(source, shallow, guess, false))) : Promise.resolve(undefined)
  ])
  if (resolved.status === 'rejected') throw resolved.reason
  const target = known ? knownTarget(known, resolved.value.commit!) : resolved.value
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
    await o.network('fetch', () => transfer(fetchArgs(source, shallow, ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'], true)))
    fetched = true
    const out = await git.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', `${target.abbreviated}^{commit}`], {
      cwd: dir,
      env,
      allowFailure: true
    })
    if (out.code !== 0) throw new Error(`no commit of the repository starts with "${target.abbreviated}"`)
    commit = out.stdout.trim()
  } else if (!o.reuse || !(await hasCommit(git, dir, target.commit ?? target.want!)) || (source.depth === 0 && shallow)) {
    try {
      await o.network('fetch', () => transfer(fetchArgs(source, shallow, refspecs(source, target), false)))
    } catch (e) {
      // A protocol v0 server without uploadpack.allowReachableSHA1InWant serves only branch and
      // tag tips: fetch those in full and find the commit among them.
      if (target.ref !== '' || !/not our ref|unadvertised object/i.test(e instanceof Error ? e.message : '')) throw e
      o.log.info(`the server does not serve commit ${commit} directly: fetching every branch and tag to find it`)
      await o.network('fetch', () => transfer(fetchArgs(source, shallow, ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'], true)))
      if (!(await hasCommit(git, dir, commit!))) throw new Error(`commit ${commit} is not on any branch or tag of ${source.url}`)
    }
    fetched = true
  }
  commit ??= (await run(['rev-parse', '--verify', '--end-of-options', `${target.localRef ?? 'FETCH_HEAD'}^{commit}`])).stdout.trim()
  if (known) await settleKnownRef(o, target, commit, fetched)
  return finish(o, target, commit, fetched)
}

/** git in the work tree; only the fetch and the checkout report progress (the other commands are quick). */
function commands(o: CheckoutOptions) {
  const run = (args: string[]) => o.git.exec(args, { cwd: o.dir, env: o.env })
  const transfer = (args: string[]) =>
    o.progress ? o.git.exec([args[0]!, '--progress', ...args.slice(1)], { cwd: o.dir, env: o.env, onStderr: o.progress }) : run(args)
  return { run, transfer }
}

/** A name like `v1.2` or `2.0.1` is as likely a tag as a branch: resolved with ls-remote beside the fetch. */
const VERSION_LIKE = /^v?\d+(\.\d+)+/i

/** The commit a fetch of branch `branch` alone brought, recorded as `origin/BRANCH` with its upstream. */
async function branchFetched(o: CheckoutOptions, branch: string): Promise<string> {
  const commit = await fetchHeadCommit(o.dir)
  await trackBranch(o.dir, branch, commit)
  return commit
}

/** Checks out the resolved commit (on its branch, as `git clone` leaves a branch) and proves HEAD is it. */
async function finish(o: CheckoutOptions, target: Target, commit: string, fetched: boolean): Promise<CheckedOut> {
  const { dir, source } = o
  const { run, transfer } = commands(o)
  const checkout = target.branch ? ['checkout', '-q', '--force', '-B', target.branch, commit] : ['checkout', '-q', '--force', '--detach', commit]
  await transfer(checkout)
  // checkout's `clean: false` keeps untracked and ignored files; `--force` above still resets tracked ones.
  if (o.reuse && !source.checkout?.keepUntracked) await run(['clean', '-q', '-ffdx'])

  const head = (await readHead(dir)) ?? (await run(['rev-parse', 'HEAD'])).stdout.trim()
  if (head !== commit) throw new Error(`checkout ended at ${head}, not the resolved commit ${commit}`)
  return { ref: target.ref, commit, fetched }
}

/**
 * The commit GITHUB_SHA names, under the ref GITHUB_REF names, as checkout's ref-helper.ts fetches
 * and checks out the two: a branch by commit into `origin/BRANCH` (checked out as a local
 * branch), a pull request's ref by commit into `refs/remotes/pull/…` (detached), a tag by name
 * (annotated tags stay annotated; checked to still name the commit), any other ref detached.
 */
export function knownTarget(ref: string, commit: string): Target {
  if (ref.startsWith('refs/heads/')) {
    const branch = ref.slice('refs/heads/'.length)
    return { ref, want: commit, commit, localRef: `refs/remotes/origin/${branch}`, branch }
  }
  if (ref.startsWith('refs/pull/')) return { ref, want: commit, commit, localRef: `refs/remotes/${ref.slice('refs/'.length)}` }
  if (ref.startsWith('refs/tags/')) return { ref, want: ref, commit, localRef: ref }
  return { ref, want: commit, commit }
}

async function settleKnownRef(o: CheckoutOptions, target: Target, commit: string, fetched: boolean): Promise<void> {
  if (target.branch) await trackBranch(o.dir, target.branch, commit, true)
  else if (fetched && target.want === target.ref) {
    const out = await o.git.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', `${target.ref}^{commit}`], {
      cwd: o.dir,
      env: o.env,
      allowFailure: true
    })
    if (out.stdout.trim() !== commit)
      throw new Error(`the ref '${target.ref}' does not point to the expected commit '${commit}': it may have been moved after the workflow was triggered`)
  }
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

/**
 * `origin/BRANCH` and the branch's upstream, as `git clone` leaves them (files only, no process).
 * `force` moves `origin/BRANCH` to the commit even when a fetch of every branch put it elsewhere.
 */
async function trackBranch(dir: string, branch: string, commit: string, force = false): Promise<void> {
  const ref = path.join(dir, '.git', 'refs', 'remotes', 'origin', ...branch.split('/'))
  if (force || !(await fs.stat(ref).catch(() => undefined))) {
    await fs.mkdir(path.dirname(ref), { recursive: true })
    await fs.writeFile(ref, `${commit}\n`)
  }
  const config = path.join(dir, '.git', 'config')
  if ((await fs.readFile(config, 'utf8')).includes(`[branch "${branch}"]`)) return
  await fs.appendFile(
    config,
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
  // With `--tags` every tag is fetched to its own name already: naming the tag's destination again
  // from an object id is refused by git ("Cannot fetch both … to refs/tags/…").
  const tagged = source.tags && target.localRef?.startsWith('refs/tags/')
  const own = target.localRef && !tagged ? `+${target.want}:${target.localRef}` : target.want!
  // checkout's `fetch-depth: 0`: every branch, whatever the revision. The commit itself is asked
  // for too (it may be on no branch: a pull request's merge); a branch's goes under no name, as
  // `origin/BRANCH` already has one (settleKnownRef puts it at the commit).
  if (source.depth === 0 && source.checkout?.everyBranch && !source.singleBranch)
    return ['+refs/heads/*:refs/remotes/origin/*', target.branch || !target.localRef ? target.commit! : own]
  // Full history of a branch with the others, as a clone has them; tips by object id, never by
  // name, so what is fetched is exactly what ls-remote resolved even if the branch moves meanwhile.
  if (source.depth === 0 && !source.singleBranch && target.branch) return ['+refs/heads/*:refs/remotes/origin/*']
  return [own]
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
