import * as path from 'node:path'
import { commit, git, makeRepo, startGitHttp, type GitHttpOptions, type GitHttpServer } from '../servers/git-http.js'
import type { TestCertificate } from '../servers/tls.js'

/**
 * Loopback stand-ins for git hosts (github.com, gitlab.com, a GitHub Enterprise…): `git
 * http-backend` over https with a per-run certificate, so a documented `https://host/o/r` keeps
 * its scheme and path and only its host changes. Git trusts the certificate through
 * GIT_SSL_CAINFO, which the caller sets before git first runs.
 */

export interface Built {
  bare: string
  /** SHAs of the commits on main, in order. */
  shas: string[]
  /** Tip SHA of each extra branch. */
  branches: Record<string, string>
}

export interface RepoPlan {
  /** One commit per entry on main: files written, then committed. */
  main: Array<Record<string, string>>
  /** Extra branches, each from main's first commit: a commit per entry. */
  branches?: Record<string, Array<Record<string, string>>>
  /** One commit on main after the others: submodule path → bare repository, with the relative URL `../<name>`. */
  submodules?: Record<string, string>
}

/** A bare repository `<root>/<name>.git` (name may hold slashes: `org/test`). */
export async function buildRepo(root: string, name: string, plan: RepoPlan): Promise<Built> {
  const shas: string[] = []
  const branches: Record<string, string> = {}
  const bare = await makeRepo(root, name, async (work) => {
    for (const [i, files] of plan.main.entries()) shas.push(await commit(work, files, `main ${i}`))
    for (const [branch, commits] of Object.entries(plan.branches ?? {})) {
      git(work, 'checkout', '-q', '-b', branch, shas[0]!)
      for (const files of commits) branches[branch] = await commit(work, files, `on ${branch}`)
      git(work, 'checkout', '-q', 'main')
    }
    // Last, so no branch checkout has to step over a submodule's work tree.
    for (const [sub, from] of Object.entries(plan.submodules ?? {})) {
      git(work, 'submodule', '--quiet', 'add', from, sub)
      // Relative, as forges recommend: it resolves against wherever the superproject came from.
      git(work, 'config', '-f', '.gitmodules', `submodule.${sub}.url`, `../${path.basename(from, '.git')}`)
      shas.push(await commit(work, {}, `submodule ${sub}`))
    }
  })
  return { bare, shas, branches }
}

/** An https git server on 127.0.0.1 serving the bare repositories under `root`. */
export function startForge(cert: TestCertificate, options: Omit<GitHttpOptions, 'tls'>): Promise<GitHttpServer> {
  return startGitHttp({ ...options, tls: { key: cert.key, cert: cert.cert } })
}

/** `user:password` of each Basic header the server received for paths under `prefix`. */
export function credentialsSent(server: GitHttpServer, prefix: string): string[] {
  const seen = server.requests
    .filter((r) => r.path.startsWith(prefix) && r.authorization)
    .map((r) => Buffer.from(r.authorization!.replace(/^basic /i, ''), 'base64').toString('utf8'))
  return [...new Set(seen)]
}

/** The paths of the requests under `prefix`, to show a repository was fetched over this server. */
export function pathsServed(server: GitHttpServer, prefix: string): string[] {
  return [...new Set(server.requests.filter((r) => r.path.startsWith(prefix)).map((r) => r.path))]
}
