import { createWriteStream } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream } from 'node:stream/web'
import { gitCredential } from '../../connections/git.js'
import { FetchError, errorMessage } from '../../util/errors.js'
import type { FetchContext, FetchResult } from '../types.js'
import { withRetry } from '../shared/retry.js'
import { publicUrl } from '../../util/urls.js'
import type { GitSource } from './source.js'
import { walkSize } from './tree-size.js'
import { realSubdirectory, subdirectoryMessage } from './subdirectory.js'
import { unpackArchive } from '../shared/archive.js'
import { moveInto } from '../shared/landing.js'

type Provider = NonNullable<GitSource['provider']>

/** The token for the hosting API: the source's secret, else the `token` input on its own server. */
function apiToken(source: GitSource, ctx: FetchContext): string | undefined {
  const server = new URL(ctx.options.server.url).host
  const api = new URL(source.provider!.apiUrl).host
  const sameServer = api === server || api === `api.${server}` || (source.provider!.type === 'github' && new URL(source.url).host === server)
  const secret = source.secret ?? (sameServer ? ctx.options.server.token : undefined)
  if (!secret) return undefined
  const c = gitCredential(secret, 'x-access-token')
  return c.kind === 'basic' ? c.password : undefined
}

interface Resolved {
  commit: string
  ref: string
  archive: ReadableStream | NodeJS.ReadableStream
}

/**
 * The fully qualified ref a revision names, as the `ref` output wants it: `refs/…` as given, the
 * default branch, a branch (first) or a tag of that name, or '' for a SHA.
 */
async function qualify(rev: string, isDefault: boolean, has: { branch(name: string): Promise<boolean>; tag(name: string): Promise<boolean> }): Promise<string> {
  if (rev.startsWith('refs/')) return rev
  if (isDefault) return `refs/heads/${rev}`
  // A (possibly abbreviated) SHA names a commit, not a ref: no lookups.
  if (/^[0-9a-f]{4,64}$/i.test(rev)) return ''
  if (await has.branch(rev)) return `refs/heads/${rev}`
  if (await has.tag(rev)) return `refs/tags/${rev}`
  return ''
}

async function viaGitHub(p: Provider, revision: string | undefined, token: string | undefined): Promise<Resolved> {
  const { GitHub } = await import('@actions/github/lib/utils')
  const { fetch, EnvHttpProxyAgent } = await import('undici')
  // https_proxy/no_proxy decided per request URL (the API host, then the archive host it
  // redirects to), not for api.github.com as @actions/github's defaults are.
  const dispatcher = new EnvHttpProxyAgent()
  const octokit = new GitHub({
    baseUrl: p.apiUrl.replace(/\/$/, ''),
    request: { fetch: (url: string, init: Record<string, unknown>) => fetch(url, { ...init, dispatcher } as never) },
    ...(token ? { auth: `token ${token}` } : {})
  })
  const repo = { owner: p.owner, repo: p.repo }
  let rev = revision
  if (rev === undefined) rev = (await octokit.rest.repos.get(repo)).data.default_branch
  const exists = (call: Promise<unknown>): Promise<boolean> =>
    call.then(
      () => true,
      (e: { status?: number }) => (e.status === 404 ? false : Promise.reject(e))
    )
  // What `git clone --branch` would say the name was: a branch first, then a tag.
  const ref = await qualify(rev, revision === undefined, {
    branch: (name) => exists(octokit.rest.repos.getBranch({ ...repo, branch: name })),
    tag: (name) => exists(octokit.rest.git.getRef({ ...repo, ref: `tags/${name}` }))
  })
  const commit = (await octokit.rest.repos.getCommit({ ...repo, ref: rev })).data.sha
  const response = await octokit.request('GET /repos/{owner}/{repo}/tarball/{ref}', { ...repo, ref: commit, request: { parseSuccessResponseBody: false } })
  return { commit, ref, archive: response.data as unknown as ReadableStream }
}

async function viaGitLab(p: Provider, revision: string | undefined, token: string | undefined): Promise<Resolved> {
  const { fetch, EnvHttpProxyAgent } = await import('undici')
  const dispatcher = new EnvHttpProxyAgent()
  const project = `${p.apiUrl.replace(/\/$/, '')}/projects/${encodeURIComponent(`${p.owner}/${p.repo}`)}`
  const get = async (url: string) => {
    const res = await fetch(url, { dispatcher, headers: token ? { authorization: `Bearer ${token}` } : {} })
    if (!res.ok) throw Object.assign(new Error(`GET ${url.replace(/\?.*/, '')}: HTTP ${res.status}`), { status: res.status })
    return res
  }
  let rev = revision
  if (rev === undefined) rev = ((await (await get(project)).json()) as { default_branch: string }).default_branch
  const exists = (url: string): Promise<boolean> =>
    get(url).then(
      () => true,
      (e: { status?: number }) => (e.status === 404 ? false : Promise.reject(e))
    )
  const ref = await qualify(rev, revision === undefined, {
    branch: (name) => exists(`${project}/repository/branches/${encodeURIComponent(name)}`),
    tag: (name) => exists(`${project}/repository/tags/${encodeURIComponent(name)}`)
  })
  const commit = ((await (await get(`${project}/repository/commits/${encodeURIComponent(rev)}`)).json()) as { id: string }).id
  const res = await get(`${project}/repository/archive.tar.gz?sha=${commit}`)
  return { commit, ref, archive: res.body as unknown as ReadableStream }
}

/**
 * No usable git: the hosting API's archive of the resolved commit. `commit` is still reported;
 * there is no `.git` directory (and so no submodules, LFS or in-place re-run).
 */
export async function fetchFromApi(source: GitSource, ctx: FetchContext): Promise<FetchResult> {
  const p = source.provider!
  const token = apiToken(source, ctx)
  const unpacked = path.join(ctx.scratch, 'archive')
  const archive = path.join(ctx.scratch, 'archive.tar.gz')
  const resolved = await ctx.limiter.run(() =>
    withRetry(
      async () => {
        await fs.rm(unpacked, { recursive: true, force: true })
        await fs.mkdir(unpacked, { recursive: true })
        try {
          const r = p.type === 'github' ? await viaGitHub(p, source.revision, token) : await viaGitLab(p, source.revision, token)
          const body = 'getReader' in r.archive ? Readable.fromWeb(r.archive) : (r.archive as NodeJS.ReadableStream)
          await pipeline(body, createWriteStream(archive))
          // Repository content like any archive: through the landing checks (symlinks, .git,
          // modes, size). The hosting API's archive is the repository itself, so only the
          // absolute limit applies. Its single top directory (`owner-repo-sha/`) is dropped.
          await unpackArchive(archive, 'tar', unpacked, { strip: 1, limit: { ratio: Number.POSITIVE_INFINITY, bytes: ctx.options.unpackLimit.bytes } })
          return r
        } catch (e) {
          const status = (e as { status?: number }).status
          const permanent = status === 401 || status === 403 || status === 404 || status === 422
          const hint =
            status === 401 || status === 403
              ? ` — check ${source.secret ? `secret "${source.secret.name}"` : 'the `token` input (or give the connection a secret)'}`
              : ''
          throw new FetchError(source.name, `${p.type} API (${p.apiUrl}) for ${p.owner}/${p.repo}: ${errorMessage(e)}${hint}`, {
            cause: e,
            permanent: permanent || !status
          })
        }
      },
      { signal: ctx.signal, retryable: (e) => !(e as FetchError).permanent }
    )
  )
  let from = unpacked
  if (source.subdirectory) {
    // The archive may hold a symbolic link where the subdirectory is named: never followed.
    const sub = await realSubdirectory(unpacked, source.subdirectory)
    if ('problem' in sub) throw new FetchError(source.name, subdirectoryMessage(source.subdirectory, sub.problem, resolved.commit), { permanent: true })
    from = sub.dir
  }
  // Scratch may be on another filesystem than the workspace (RUNNER_TEMP on its own disk).
  await moveInto(from, ctx.staging)
  ctx.log.info(`${source.revision ?? 'default branch'} → ${resolved.commit} (from the ${p.type} archive)`)
  // Checkout mode knows the ref GITHUB_SHA came from, as with git.
  const ref = source.checkout?.knownRef ?? resolved.ref
  return { url: publicUrl(source.url), revision: source.revision ?? '', ref, commit: resolved.commit, ...(await walkSize(ctx.staging)) }
}
