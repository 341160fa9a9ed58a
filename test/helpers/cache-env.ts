import type { CacheService } from '../servers/cache-service.js'

/**
 * Variables `@actions/cache` 6.3.0 (and the @actions/* and Azure SDK code under it) reads, that a
 * test must not inherit: on a GitHub runner the outer job's real cache service and token are set,
 * and the others change what the client does (mode, debug listing, download segment timeout,
 * proxies). CACHE_UPLOAD_* only matter to the v1 protocol: v2 uploads 64 MiB blocks, 8 at once.
 */
export const CACHE_CLIENT_VARS = [
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_CACHE_MODE',
  'GITHUB_SERVER_URL',
  'GITHUB_WORKSPACE',
  'RUNNER_TEMP',
  'RUNNER_DEBUG',
  'SEGMENT_DOWNLOAD_TIMEOUT_MINS',
  'CACHE_UPLOAD_CONCURRENCY',
  'CACHE_UPLOAD_CHUNK_SIZE',
  // The Azure SDK sends blob traffic through these even to loopback.
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy'
] as const

export interface CacheEnvOptions {
  /** GITHUB_WORKSPACE: tar runs with `-C` here; saved paths are stored relative to it. */
  workspace: string
  /** RUNNER_TEMP: where the client writes the archive (`<uuid>/cache.tzst`) before upload. */
  runnerTemp: string
  /** ACTIONS_CACHE_MODE as the runner exports it (`read`, `write`, `write-only`, `none`); unset by default. */
  mode?: string
  /** Debug logging of the client (`::debug::` lines, and a `tar -t` listing of every archive). */
  debug?: boolean
}

/** The variables that point the real client at `service` (cache service v2, github.com). */
export function cacheEnv(service: CacheService, opts: CacheEnvOptions): Record<string, string> {
  return {
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_RUNTIME_TOKEN: service.token,
    // Any non-empty value selects v2; v2 is what github.com serves today.
    ACTIONS_CACHE_SERVICE_V2: 'true',
    // Any other host is taken for GHES, which forces the v1 protocol.
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: opts.workspace,
    RUNNER_TEMP: opts.runnerTemp,
    // Blob traffic to the Azure host name goes through the service's proxy; loopback never does.
    ...(service.blobProxy ? { HTTP_PROXY: service.blobProxy.url, NO_PROXY: '127.0.0.1,localhost' } : {}),
    ...(opts.mode !== undefined ? { ACTIONS_CACHE_MODE: opts.mode } : {}),
    ...(opts.debug ? { RUNNER_DEBUG: '1' } : {})
  }
}

/** A whole child environment: `base` without anything in CACHE_CLIENT_VARS, plus cacheEnv(). */
export function cacheProcessEnv(service: CacheService, opts: CacheEnvOptions, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base }
  for (const name of CACHE_CLIENT_VARS) delete env[name]
  return { ...env, ...cacheEnv(service, opts) }
}
