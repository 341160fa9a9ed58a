/**
 * Runs the real `@actions/cache` client against a test cache service in a child process: the
 * client reads everything from process.env, and the action's runtime (Node 24) runs it.
 */
import { spawn } from 'node:child_process'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ACTION_NODE } from '../../scripts/requirements.js'
import { CACHE_SERVICE_PATH, type CacheService } from '../servers/cache-service.js'
import { cacheProcessEnv, type CacheEnvOptions } from './cache-env.js'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
const CHILD = path.join(ROOT, 'test', 'helpers', 'cache-client-child.ts')

export const RESULT_MARK = '##cache-result '

export interface CacheOp {
  op: 'save' | 'restore'
  paths: string[]
  key: string
  restoreKeys?: string[]
  lookupOnly?: boolean
}

export const saveOp = (key: string, paths = ['data']): CacheOp => ({ op: 'save', paths, key })

export const restoreOp = (key: string, restoreKeys?: string[], paths = ['data']): CacheOp => ({
  op: 'restore',
  paths,
  key,
  ...(restoreKeys ? { restoreKeys } : {})
})

export interface CacheOpResult {
  op: CacheOp['op']
  key: string
  /** save: the cache id (-1 when the client gave up); restore: the matched key, or null on a miss. */
  value?: number | string | null
  /** What the client threw, when it threw instead of logging. */
  threw?: { name: string; message: string }
  ms: number
}

export interface CacheClientRun {
  code: number | null
  results: CacheOpResult[]
  /** The client's stdout and stderr (workflow commands such as `::warning::`), without result lines. */
  output: string
}

export interface CacheClientOptions extends CacheEnvOptions {
  /** Run the operations at once (Promise.all) instead of one after another. */
  parallel?: boolean
  /** Extra variables on top of cacheEnv(), e.g. a wrong ACTIONS_RUNTIME_TOKEN or PATH without zstd. */
  env?: Record<string, string>
  /** Working directory of the client; relative `paths` are globbed from here. Default: workspace. */
  cwd?: string
  timeoutMs?: number
}

export async function runCacheClient(service: CacheService, ops: CacheOp[], opts: CacheClientOptions): Promise<CacheClientRun> {
  const env = { ...cacheProcessEnv(service, opts), ...opts.env }
  const child = spawn(ACTION_NODE, ['--import', TSX_LOADER, CHILD, JSON.stringify({ ops, parallel: opts.parallel ?? false })], {
    cwd: opts.cwd ?? opts.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 100_000)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  }).finally(() => clearTimeout(timer))
  const lines = output.split('\n')
  const results = lines.filter((l) => l.startsWith(RESULT_MARK)).map((l) => JSON.parse(l.slice(RESULT_MARK.length)) as CacheOpResult)
  return { code, results, output: lines.filter((l) => !l.startsWith(RESULT_MARK)).join('\n') }
}

/** One Twirp JSON call to the service, as the client makes it (bearer token, proto field names). */
export async function twirpCall(
  service: CacheService,
  method: string,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(new URL(`${CACHE_SERVICE_PATH}${method}`, service.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
