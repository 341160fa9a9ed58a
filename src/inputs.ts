import * as os from 'node:os'
import * as path from 'node:path'
import type { GitRunOptions } from './fetchers/types.js'
import { boolInput, parseCheckoutInputs, type CheckoutInputs } from './runspec/checkout-inputs.js'
import { SpecError } from './util/errors.js'

/** Input names exactly as action.yml declares them. */
export enum Input {
  Spec = 'spec',
  Connections = 'connections',
  Secrets = 'secrets',
  Url = 'url',
  Revision = 'revision',
  Path = 'path',
  Workspace = 'workspace',
  Only = 'only',
  DryRun = 'dry-run',
  PersistCredentials = 'persist-credentials',
  Concurrency = 'concurrency',
  Token = 'token',
  LockFile = 'lock-file',
  Frozen = 'frozen',
  ExposeConnections = 'expose-connections',
  UnpackLimit = 'unpack-limit',
  Cache = 'cache',
  CacheMaxSize = 'cache-max-size',
  // actions/checkout's inputs (checkout mode: no `spec`, no `url`), and `secret` for quick mode.
  Repository = 'repository',
  Ref = 'ref',
  SshKey = 'ssh-key',
  SshKnownHosts = 'ssh-known-hosts',
  SshStrict = 'ssh-strict',
  SshUser = 'ssh-user',
  Clean = 'clean',
  Filter = 'filter',
  SparseCheckout = 'sparse-checkout',
  SparseCheckoutConeMode = 'sparse-checkout-cone-mode',
  FetchDepth = 'fetch-depth',
  FetchTags = 'fetch-tags',
  ShowProgress = 'show-progress',
  Lfs = 'lfs',
  Submodules = 'submodules',
  SetSafeDirectory = 'set-safe-directory',
  GithubServerUrl = 'github-server-url',
  AllowUnsafePrCheckout = 'allow-unsafe-pr-checkout',
  Secret = 'secret'
}

/** Every input, read once, typed; the rest of the code takes this instead of reading inputs. */
export interface Settings {
  spec: string
  connections: string
  /** The `secrets` input parsed (name → value); undefined when empty. */
  secrets?: Record<string, unknown>
  url: string
  revision: string
  path: string
  workspace: string
  only: string[]
  dryRun: boolean
  persistCredentials: boolean
  concurrency: number
  token: string
  lockFile: string
  /** No `lock-file` and no RUNNER_TEMP (the CLI): the lock file was put in the workspace. */
  lockFileInWorkspace: boolean
  frozen: string
  exposeConnections: boolean
  /** How much an archive may unpack to. */
  unpackLimit: { ratio: number; bytes: number }
  /** The default of every source's `cache:` (`cache` input), and the largest source saved. */
  cache: { mode: 'on' | 'off' | 'read-only'; maxBytes: number }
  /** Root for our temp files: RUNNER_TEMP on a runner (cleaned by the runner too), else the OS temp. */
  tempRoot: string
  /** `github-server-url`, else GITHUB_SERVER_URL: the host the `token` input is for. */
  serverUrl: string
  /** actions/checkout's inputs for the one git source of checkout mode or quick mode. */
  checkout: CheckoutInputs
  /** `ssh-key`: a secret, handed to the secret store and nowhere else. */
  sshKey: string
  /** Checkout's run-wide inputs (known hosts, strictness, progress, safe.directory). */
  git: GitRunOptions
  env: Record<string, string | undefined>
}

export type RawInputs = Record<Input, string | undefined>

function bool(raw: RawInputs, name: Input): boolean {
  // A typo must not silently mean false (actions/cache's mistake); empty is false.
  return boolInput((n) => raw[n as Input], name, false)
}

export function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export function parseSecretsInput(text: string | undefined): Record<string, unknown> | undefined {
  const t = (text ?? '').trim()
  if (!t) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(t)
  } catch {
    // The parser's message can quote the text around the error: a secret. Say only what to do.
    throw new SpecError('input `secrets` is not valid JSON: pass `secrets: ${{ toJSON(secrets) }}` or a JSON object of name → value')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SpecError('input `secrets` must be a JSON object of name → value, e.g. `${{ toJSON(secrets) }}`')
  }
  return parsed as Record<string, unknown>
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gib: 1024 ** 3,
  t: 1e12,
  tb: 1e12,
  tib: 1024 ** 4
}

/**
 * `unpack-limit`: `20x` (a ratio to the archive's size), `100GiB` (an absolute size), or both
 * separated by a comma or space (the smaller wins). A part left out keeps its default (20×, 50 GiB).
 */
export function parseUnpackLimit(text: string | undefined): { ratio: number; bytes: number } {
  const limit = { ratio: 20, bytes: 50 * 1024 ** 3 }
  for (const part of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    const ratio = /^(\d+(?:\.\d+)?)\s*[x×]$/i.exec(part)
    const size = parseSize(part)
    if (ratio && Number(ratio[1]) > 0) limit.ratio = Number(ratio[1])
    else if (size !== undefined) limit.bytes = size
    else throw new SpecError(`input \`unpack-limit\` takes a ratio (\`20x\`), a size (\`100GiB\`) or both (\`20x,100GiB\`), got "${part}"`)
  }
  return limit
}

/** `10GiB`, `500MB`, `1e9`: a size in bytes, or undefined when the text is not one. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim())
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined
  return m && unit !== undefined && Number(m[1]) > 0 ? Number(m[1]) * unit : undefined
}

function cacheSettings(raw: RawInputs): Settings['cache'] {
  const mode = (raw[Input.Cache] ?? '').trim().toLowerCase() || 'false'
  if (!['true', 'false', 'read-only'].includes(mode)) throw new SpecError(`input \`cache\` must be true, false or read-only, got "${mode}"`)
  const sizeText = (raw[Input.CacheMaxSize] ?? '').trim() || '10GiB'
  const maxBytes = parseSize(sizeText)
  if (maxBytes === undefined) throw new SpecError(`input \`cache-max-size\` must be a size such as 10GiB or 500MB, got "${sizeText}"`)
  return { mode: mode === 'true' ? 'on' : mode === 'read-only' ? 'read-only' : 'off', maxBytes }
}

export function parseSettings(raw: RawInputs, env: Record<string, string | undefined>, cwd = process.cwd()): Settings {
  const workspace = path.resolve(cwd, raw[Input.Workspace] || env.GITHUB_WORKSPACE || cwd)
  const tempRoot = env.RUNNER_TEMP || os.tmpdir()
  const concurrencyText = (raw[Input.Concurrency] ?? '').trim() || '16'
  const concurrency = Number(concurrencyText)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new SpecError(`input \`concurrency\` must be a whole number from 1 to 256, got "${concurrencyText}"`)
  }
  const lockRaw = (raw[Input.LockFile] ?? '').trim()
  // Off a runner (the CLI) the lock file describes the workspace and outlives the run, so it
  // goes there rather than into a per-process temp directory nobody would ever remove.
  const lockFile = lockRaw
    ? path.resolve(workspace, lockRaw)
    : env.RUNNER_TEMP
      ? path.join(env.RUNNER_TEMP, 'sources.lock.json')
      : path.join(workspace, 'sources.lock.json')
  const secrets = parseSecretsInput(raw[Input.Secrets])
  const get = (name: string): string | undefined => raw[name as Input]
  const serverUrl = (raw[Input.GithubServerUrl] ?? '').trim() || env.GITHUB_SERVER_URL || 'https://github.com'
  if (!/^https?:\/\/[^/\s]+\/?$/i.test(serverUrl))
    throw new SpecError(`input \`github-server-url\` must be a server's base URL (https://github.example.com), got "${serverUrl}"`)
  return {
    spec: (raw[Input.Spec] ?? '').trim(),
    connections: (raw[Input.Connections] ?? '').trim(),
    ...(secrets ? { secrets } : {}),
    url: (raw[Input.Url] ?? '').trim(),
    revision: (raw[Input.Revision] ?? '').trim(),
    path: (raw[Input.Path] ?? '').trim(),
    workspace,
    only: splitList(raw[Input.Only]),
    dryRun: bool(raw, Input.DryRun),
    persistCredentials: bool(raw, Input.PersistCredentials),
    concurrency,
    token: (raw[Input.Token] ?? '').trim(),
    lockFile,
    lockFileInWorkspace: !lockRaw && !env.RUNNER_TEMP,
    frozen: (raw[Input.Frozen] ?? '').trim(),
    exposeConnections: bool(raw, Input.ExposeConnections),
    unpackLimit: parseUnpackLimit(raw[Input.UnpackLimit]),
    cache: cacheSettings(raw),
    tempRoot,
    serverUrl: serverUrl.replace(/\/+$/, ''),
    checkout: parseCheckoutInputs(get),
    sshKey: (raw[Input.SshKey] ?? '').trim(),
    git: {
      knownHosts: raw[Input.SshKnownHosts] ?? '',
      sshStrict: boolInput(get, Input.SshStrict, true),
      showProgress: boolInput(get, Input.ShowProgress, true),
      safeDirectory: boolInput(get, Input.SetSafeDirectory, true)
    },
    env
  }
}
