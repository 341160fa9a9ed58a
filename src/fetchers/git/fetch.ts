import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { gitCredential } from '../../connections/git.js'
import { FetchError, errorMessage } from '../../util/errors.js'
import { fetchFromApi } from './api-fallback.js'
import { gitCache } from './cache.js'
import { checkoutSource } from './checkout.js'
import { buildAuth, configFileText, tokenUser, withConfig, type GitAuth, type ScopedCredential } from './credentials.js'
import { gitFailure } from './errors.js'
import { LfsMissing, fetchLfs, updateSubmodules } from './extras.js'
import { Git, GitUnavailable } from './git.js'
import { RevisionNotFound } from './revision.js'
import { userKnownHosts } from './known-hosts.js'
import { progressLines } from './progress.js'
import { indexSize, walkSize } from './tree-size.js'
import { httpOrigin } from './url.js'
import { CrossOriginRedirect, watchRedirects } from './redirects.js'
import { judgeCheckout, prepareReuse } from './reuse.js'
import { realSubdirectory, subdirectoryMessage } from './subdirectory.js'
import { moveInto } from '../shared/landing.js'
import { tuningFor } from '../shared/tuning.js'
import { withRetry } from '../shared/retry.js'
import { publicUrl } from '../../util/urls.js'
import type { FetchContext, FetchResult } from '../types.js'
import type { GitSource } from './source.js'

/** The source's own credentials first, then those its submodules may need on other hosts. */
function credentialsFor(source: GitSource, ctx: FetchContext): ScopedCredential[] {
  const server = ctx.options.server
  const scoped: ScopedCredential[] = []
  const add = (s: GitSource) => {
    if (!s.secret) return
    try {
      scoped.push({ url: s.url, credential: gitCredential(s.secret, tokenUser(s.url, s.provider, server.url)) })
    } catch (e) {
      if (s === source) throw new FetchError(source.name, errorMessage(e), { permanent: true })
    }
  }
  add(source)
  if (source.submodules) {
    for (const peer of ctx.peers ?? []) if (peer !== source && peer.kind === 'git') add(peer as GitSource)
  }
  // The `token` input serves https URLs on the GitHub server's host (the repository itself or its
  // submodules there) when no secret claimed that host first.
  if (server.token && httpOrigin(server.url)) {
    scoped.push({ url: server.url, credential: gitCredential(server.token, 'x-access-token') })
  }
  return scoped
}

async function fetchWithGit(git: Git, source: GitSource, ctx: FetchContext): Promise<FetchResult> {
  const persist = ctx.options.persistCredentials && !source.subdirectory
  const authDir = persist ? path.join(ctx.options.tempRoot, `fetch-sources-git-creds-${randomBytes(6).toString('hex')}`) : path.join(ctx.scratch, 'git-auth')
  ctx.registerCleanup(authDir, { untilPost: persist, kept: persist })
  let auth: GitAuth | undefined
  try {
    const run = ctx.options.git
    auth = await buildAuth({
      url: source.url,
      credentials: credentialsFor(source, ctx),
      knownHosts: [
        source.knownHosts ?? '',
        ...(source.submodules ? (ctx.peers ?? []).map((p) => (p.kind === 'git' ? ((p as GitSource).knownHosts ?? '') : '')) : []),
        // The `ssh-known-hosts` input and the runner user's file serve every git source (ADS keys
        // for another host need no KNOWN_HOSTS key in their secret).
        run.knownHosts,
        await userKnownHosts(ctx.options.env)
      ].filter(Boolean),
      dir: authDir,
      ...(source.proxy ? { proxy: source.proxy } : {}),
      acceptNewHostKeys: !run.sshStrict,
      ...(run.safeDirectory ? { safeDirectories: await safeDirectories(source.dest) } : {})
    })
    // A transfer that stalls (under 1 byte/s for the idle timeout) fails and is retried, instead
    // of hanging until the job's own timeout.
    const tuning = tuningFor(ctx.options.env, source.timeout)
    const idleSeconds = Math.max(1, Math.round(tuning.idleMs / 1000))
    // With the cache on, a fetch keeps what it received as one pack (not loose objects): the pack is
    // what the cache saves.
    const env = withConfig(
      { ...auth.env, GIT_HTTP_LOW_SPEED_LIMIT: '1', GIT_HTTP_LOW_SPEED_TIME: String(idleSeconds) },
      ctx.cache.mode === 'on'
        ? [
            ['fetch.unpackLimit', '1'],
            ['transfer.unpackLimit', '1']
          ]
        : []
    )
    const used = auth.summary.find((s) => s.includes(httpOrigin(source.url) ?? '\0') || s.startsWith('SSH key'))
    ctx.log.info(`credentials: ${auth.summary.length ? auth.summary.join('; ') : 'none'}`)

    const verdict = ctx.previous && !source.subdirectory && !source.sparse.length ? await judgeCheckout(git, ctx.previous, source.url, authDir) : undefined
    const reuse = verdict?.reuse === true
    const work = reuse ? ctx.previous! : source.subdirectory ? path.join(ctx.scratch, 'repo') : ctx.staging
    if (reuse) ctx.log.info(`updating the existing checkout at ${source.relPath} in place`)
    if (verdict && !verdict.reuse) ctx.log.info(`${source.relPath} ${verdict.reason}: replacing it with a fresh checkout`)
    const errCtx = {
      source: source.name,
      url: publicUrl(source.url),
      ...(source.revision ? { revision: source.revision } : {}),
      ...(used ? { credentials: used.replace(/ for .*$/, '') } : {})
    }
    const network = <T>(what: string, fn: () => Promise<T>): Promise<T> =>
      withRetry(
        async () => {
          try {
            return await fn()
          } catch (e) {
            if (e instanceof RevisionNotFound) throw new FetchError(source.name, `${e.message} (${publicUrl(source.url)})`, { permanent: true })
            if (e instanceof CrossOriginRedirect) throw new FetchError(source.name, e.message, { permanent: true })
            throw gitFailure(e, errCtx)
          }
        },
        {
          signal: ctx.signal,
          attempts: tuning.attempts,
          baseMs: tuning.retryBaseMs,
          onRetry: (e, n, ms) => ctx.log.info(`${what} failed (${errorMessage(e)}); retry ${n} in ${ms} ms`)
        }
      )
    const sparse = source.subdirectory
      ? source.sparse.length
        ? source.sparse.map((s) => `${source.subdirectory}/${s}`)
        : [source.subdirectory]
      : source.sparse

    // One transfer slot for the whole network part of the source, never nested.
    // The remote's own commands (ls-remote, fetch), the cache's lookup among them, fail on a redirect to another origin.
    const remote = watchRedirects(git, source.url)
    const cache = gitCache(ctx.cache, source, remote, work, sparse, env, network, ctx.log)
    const done = await ctx.limiter.run(async () => {
      if (reuse) await prepareReuse(git, work, authDir)
      // A hit leaves a repository holding the commit: the checkout then fetches nothing.
      const restored = !reuse && (await cache.restore())
      const result = await checkoutSource({
        git: remote,
        dir: work,
        source,
        env,
        reuse: reuse || restored,
        sparse,
        log: ctx.log,
        network,
        ...(run.showProgress ? { progress: progressLines((line) => ctx.log.progress(line), tuning.progressMs) } : {})
      })
      if (source.submodules) await network('submodule update', () => updateSubmodules(git, work, source, env, source.subdirectory))
      if (source.lfs) {
        try {
          await fetchLfs(git, work, result.commit, env, network, source.checkout?.sparsePatterns ? [] : sparse)
        } catch (e) {
          throw e instanceof LfsMissing ? new FetchError(source.name, e.message, { permanent: true }) : e
        }
      }
      return result
    })
    ctx.log.info(
      `${source.revision ?? 'default branch'} → ${done.ref || 'commit'} at ${done.commit}${done.fetched ? '' : ' (already present, nothing downloaded)'}`
    )

    if (persist) {
      const file = path.join(authDir, 'config')
      await fs.writeFile(file, configFileText(auth.persistable), { mode: 0o600 })
      await git.exec(['config', '--local', 'include.path', file], { cwd: work })
      ctx.log.info('credentials persisted for later git commands in the checkout (the post step removes them)')
    }

    let landed = work
    if (source.subdirectory) {
      const sub = await realSubdirectory(work, source.subdirectory)
      if ('problem' in sub) throw new FetchError(source.name, subdirectoryMessage(source.subdirectory, sub.problem, done.commit), { permanent: true })
      // Scratch may be on another filesystem than the workspace (RUNNER_TEMP on its own disk).
      await moveInto(sub.dir, ctx.staging)
      landed = ctx.staging
    }
    // The index knows every checked-out file's size; LFS files are rewritten after checkout (and
    // may pass 4 GiB), and a subdirectory is only part of the work tree: those are walked.
    const size = (landed === work && !source.lfs ? await indexSize(work, done.commit.length === 64 ? 32 : 20) : undefined) ?? (await walkSize(landed))
    return {
      url: publicUrl(source.url),
      revision: source.revision ?? '',
      ref: done.ref,
      commit: done.commit,
      ...size,
      ...(reuse ? { inPlace: true } : { cache: cache.outcome() })
    }
  } finally {
    if (!persist) await fs.rm(authDir, { recursive: true, force: true }).catch(() => undefined)
  }
}

/** The destination as given and as the kernel sees it: git compares `safe.directory` with its real path. */
async function safeDirectories(dest: string): Promise<string[]> {
  const real = await fs.realpath(dest).catch(() => dest)
  return real === dest ? [dest] : [dest, real]
}

const found = new Map<string, Promise<Git>>()

/** One `git --version` per run (per PATH), not per source. */
function gitFor(pathVar: string): Promise<Git> {
  let git = found.get(pathVar)
  if (!git) {
    git = Git.create()
    found.set(pathVar, git)
    git.catch(() => found.delete(pathVar))
  }
  return git
}

/** `git`, `github` and `gitlab` sources: with git, else (github/gitlab) the hosting API's archive. */
export async function fetchGit(source: GitSource, ctx: FetchContext): Promise<FetchResult> {
  let git: Git
  try {
    git = await gitFor(process.env.PATH ?? '')
  } catch (e) {
    if (!(e instanceof GitUnavailable)) throw e
    if (!source.provider)
      throw new FetchError(source.name, `${e.message}: install git ≥ 2.25 (or use a github/gitlab connection, which can fall back to the API archive)`, {
        permanent: true
      })
    ctx.log.warning(`${e.message}: downloading the ${source.provider.type} archive instead (no .git directory, no submodules or LFS)`)
    return fetchFromApi(source, ctx)
  }
  return fetchWithGit(git.withSignal(ctx.signal), source, ctx)
}
