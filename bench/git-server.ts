import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { startGitHttp, type GitHttpServer } from '../test/servers/git-http.js'

/**
 * The tests' smart-HTTP server (git http-backend behind Basic auth), serving the generated
 * repositories through symlinks, with what each side needs to authenticate.
 */
export interface BenchGitServer {
  url(repo: string): string
  /** Checkout mode's view: GITHUB_SERVER_URL, and `owner/name` served at `/<owner>/<name>` as GitHub does. */
  serverUrl: string
  repository(repo: string): string
  /** A token the server accepts (the `token` input, GITHUB_TOKEN for the CLI). */
  token: string
  /** The fetch-sources secret: `user:password`. */
  secret: string
  /** Environment that makes a plain `git clone` authenticate (config through env, not argv). */
  cloneEnv: Record<string, string>
  http: GitHttpServer
  stop(): Promise<void>
}

/** `front`: what clients reach the server through (the WAN link), given the server's own URL. */
export async function startBenchGit(repos: Record<string, string>, front?: (url: string) => Promise<string>): Promise<BenchGitServer> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'fs-bench-git-'))
  await fs.mkdir(path.join(root, 'bench'))
  for (const [name, dir] of Object.entries(repos)) {
    await fs.symlink(dir, path.join(root, `${name}.git`))
    await fs.symlink(dir, path.join(root, 'bench', `${name}.git`))
  }
  const password = randomBytes(12).toString('hex')
  const token = randomBytes(12).toString('hex')
  const http = await startGitHttp({ root, users: { bench: password }, tokens: [token] })
  const basic = Buffer.from(`bench:${password}`).toString('base64')
  const base = front ? await front(http.url) : http.url
  return {
    url: (repo) => `${base}/${repo}.git`,
    serverUrl: base,
    repository: (repo) => `bench/${repo}`,
    token,
    secret: `bench:${password}`,
    cloneEnv: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` },
    http,
    async stop() {
      await http.close()
      await fs.rm(root, { recursive: true, force: true })
    }
  }
}
