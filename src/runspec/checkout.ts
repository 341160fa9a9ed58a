import { SpecError } from '../util/errors.js'
import { hostOf, isSshUrl } from '../util/urls.js'
import type { CheckoutInputs } from './checkout-inputs.js'
import { assertSafePrCheckout } from './fork-guard.js'
import type { SecretResolver } from './sources.js'
import type { CheckoutOptions, SourceDraft, Translation } from './translation.js'

/**
 * Checkout mode and quick mode: one git source from the action's inputs, with actions/checkout's
 * input names and meanings, translated into a draft that is built like any spec source (landing,
 * lock, outputs and credentials all apply). Checkout mode follows checkout's input-helper.ts for
 * the repository, the ref and the commit; its fetch follows ref-helper.ts (see fetchers/git).
 */

export interface SingleSourceInputs {
  checkout: CheckoutInputs
  /** The `path` input ('' = the workspace root in checkout mode, the URL's name in quick mode). */
  path: string
  serverUrl: string
  env: Record<string, string | undefined>
  secrets: Pick<SecretResolver, 'has'>
}

export interface SingleSource {
  translation: Translation
  /** What the spec digest is computed over (no secret: names only). */
  text: string
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i

/** The workflow's own repository at the event's commit, or `repository` at `ref`, as checkout resolves them. */
export function checkoutTranslation(o: SingleSourceInputs): SingleSource {
  const { checkout: c, env } = o
  const workflowRepository = env.GITHUB_REPOSITORY ?? ''
  const repository = c.repository || workflowRepository
  if (!repository)
    throw new SpecError(
      "nothing to fetch: set the `spec` input (a run spec), the `url` input (one source) or the `repository` input (owner/name; on a runner it defaults to the workflow's repository, GITHUB_REPOSITORY)"
    )
  const [owner, name] = repository.split('/')
  if (!owner || !name || repository.split('/').length !== 2) throw new SpecError(`GITHUB_REPOSITORY must be owner/name, got "${repository}"`)

  const isWorkflowRepository = repository.toUpperCase() === workflowRepository.toUpperCase()
  let revision: string | undefined
  let knownRef: string | undefined
  if (!c.ref) {
    if (isWorkflowRepository) {
      const sha = env.GITHUB_SHA ?? ''
      let ref = env.GITHUB_REF ?? ''
      // Some events (a merged pull request's `closed`) give an unqualified branch name.
      if (sha && ref && !ref.startsWith('refs/')) ref = `refs/heads/${ref}`
      if (FULL_SHA.test(sha)) {
        revision = sha.toLowerCase()
        if (ref) knownRef = ref
      } else if (ref) revision = ref
    }
    // Another repository without `ref`: its default branch (the remote's HEAD).
  } else revision = c.ref
  if (!(isWorkflowRepository && !c.ref)) {
    assertSafePrCheckout({
      repository,
      ref: knownRef ?? (revision && !FULL_SHA.test(revision) ? revision : ''),
      ...(revision && FULL_SHA.test(revision) ? { commit: revision } : {}),
      allow: c.allowUnsafePrCheckout,
      env
    })
  }

  const server = new URL(o.serverUrl)
  const repo = `${encodeURIComponent(owner)}/${encodeURIComponent(name)}`
  // The URLs checkout's url-helper.ts gives: no `.git` over https, `.git` over SSH.
  const url = c.sshKey ? `${c.sshUser || 'git'}@${server.hostname}:${repo}.git` : `${server.origin}/${repo}`
  const value: SourceDraft = {
    name: safeName(name),
    url,
    kind: 'git',
    path: o.path || '.',
    primary: true,
    ...gitOptions(c, revision, { ...(knownRef ? { knownRef } : {}), ...(c.sshKey ? {} : { api: { apiUrl: apiUrlOf(o.serverUrl, env), owner, repo: name } }) }),
    ...credentials(c, url, o.secrets)
  }
  const text = JSON.stringify({ repository, revision: revision ?? '', ref: knownRef ?? '', path: value.path })
  return { text, translation: single(value, 'checkout', "no `spec` and no `url`: the workflow's repository, as actions/checkout", '(checkout inputs)') }
}

/** Quick mode (`url`): `revision` (or checkout's `ref`), `path`, and checkout's git inputs. */
export function quickTranslation(o: SingleSourceInputs & { url: string; revision: string; isGit: boolean }): SingleSource {
  const { checkout: c } = o
  if (o.revision && c.ref && o.revision !== c.ref) throw new SpecError('give either `revision` or `ref` (its actions/checkout name), not both')
  const revision = o.revision || c.ref
  const text = JSON.stringify({ url: o.url, revision, path: o.path })
  if (!o.isGit) {
    const gitInputs = c.set.filter((n) => n !== 'secret')
    if (revision) throw new SpecError('input `revision` applies to git URLs only')
    if (gitInputs.length)
      throw new SpecError(
        `input${gitInputs.length > 1 ? 's' : ''} ${gitInputs.map((n) => `\`${n}\``).join(', ')} appl${gitInputs.length > 1 ? 'y' : 'ies'} to git URLs only`
      )
  }
  if (c.repository) throw new SpecError('give either `url` (quick mode) or `repository` (checkout mode), not both')
  const value: SourceDraft = {
    url: o.url,
    ...(o.path ? { path: o.path } : {}),
    primary: true,
    ...(o.isGit ? gitOptions(c, revision || undefined, {}) : {}),
    ...credentials(c, o.url, o.secrets)
  }
  return { text, translation: single(value, 'quick', '`url` input', '(`url` input)') }
}

/**
 * GitHub's API for the server, as checkout's url-helper.ts finds it: GITHUB_API_URL for the
 * runner's own server, `api.<host>` for github.com, *.ghe.com and *.localhost, else `/api/v3`.
 */
function apiUrlOf(serverUrl: string, env: Record<string, string | undefined>): string {
  const own = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  if (serverUrl === own && env.GITHUB_API_URL) return env.GITHUB_API_URL
  const u = new URL(serverUrl)
  return /^(github\.com|.+\.ghe\.com|.+\.localhost)$/i.test(u.hostname) ? `${u.protocol}//api.${u.host}` : `${u.origin}/api/v3`
}

/**
 * The inputs are no document: an error about the source names the inputs, not a line of a JSON
 * text nobody wrote. (Not parsing one also keeps yaml and the dialects unloaded in these modes.)
 */
function single(value: SourceDraft, dialect: string, detectedBy: string, file: string): Translation {
  const doc = { file, locate: () => ({ file }) }
  return { dialect, detectedBy, connections: [], sources: [{ value, doc, path: [] }], exposeConnections: [], warnings: [] }
}

/** A repository name as a source name (the `sources` output key): `my.repo` stays, odd characters become `-`. */
function safeName(name: string): string {
  const clean = name.replace(/\.git$/, '').replace(/[^A-Za-z0-9_.-]/g, '-')
  return /^[A-Za-z0-9]/.test(clean) ? clean : `repo-${clean}`
}

/** checkout's fetch and checkout inputs as the draft's `git:` options and checkout semantics. */
function gitOptions(c: CheckoutInputs, revision: string | undefined, extra: CheckoutOptions): Pick<SourceDraft, 'git' | 'checkout'> {
  const depth = c.fetchDepth ?? 1
  const sparse = c.sparseCheckoutConeMode ? c.sparseCheckout.map((d) => d.replace(/^\/+|\/+$/g, '')).filter(Boolean) : c.sparseCheckout
  const checkout: CheckoutOptions = {
    ...extra,
    ...(depth === 0 ? { everyBranch: true } : {}),
    ...(!c.clean ? { keepUntracked: true } : {}),
    ...(sparse.length && !c.sparseCheckoutConeMode ? { sparsePatterns: true } : {})
  }
  return {
    git: {
      ...(revision !== undefined ? { revision } : {}),
      depth,
      // checkout fetches every tag with full history, whatever `fetch-tags` says.
      tags: c.fetchTags || depth === 0,
      lfs: c.lfs,
      submodules: c.submodules,
      ...(sparse.length ? { sparse } : {}),
      ...(c.filter ? { flags: [`--filter=${c.filter}`] } : {})
    },
    ...(Object.keys(checkout).length ? { checkout } : {})
  }
}

/**
 * The source's credential: the secret named by `secret`, else the `ssh-key` input, else a secret
 * named after the URL's host (`github.example.com`, or `GITHUB_EXAMPLE_COM`) in the `secrets`
 * input or the environment. Without one, the `token` input still serves GITHUB_SERVER_URL's host.
 */
function credentials(c: CheckoutInputs, url: string, secrets: Pick<SecretResolver, 'has'>): Pick<SourceDraft, 'secret' | 'secretInput'> {
  if (c.secret && c.sshKey) throw new SpecError('give either `secret` (a name in the `secrets` input) or `ssh-key`, not both')
  if (c.secret) return { secret: { name: c.secret } }
  if (c.sshKey) {
    if (!isSshUrl(url)) throw new SpecError(`input \`ssh-key\` needs an SSH URL (git@host:owner/name.git or ssh://…), not ${url}`)
    return { secretInput: 'ssh-key' }
  }
  const host = hostOf(url)
  return host && secrets.has(host) ? { secret: { name: host } } : {}
}
