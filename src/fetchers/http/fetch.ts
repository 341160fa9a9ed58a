import { createHash } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Readable } from 'node:stream'
import { FetchError } from '../../util/errors.js'
import { httpAuthorization } from '../../connections/http.js'
import { archiveTypeOf, unpackArchive } from '../shared/archive.js'
import { moveFile, readState } from '../shared/landing.js'
import { httpCache, type Validators } from './cache.js'
import { IntegrityError, type Expected } from '../shared/checksum.js'
import { downloadToFile } from '../shared/download.js'
import { ProgressReporter } from '../shared/progress.js'
import { tuningFor } from '../shared/tuning.js'
import { parseRetryAfter } from '../shared/retry.js'
import { safeRelative } from '../../util/safe-path.js'
import { publicUrl } from '../../util/urls.js'
import type { FetchContext, FetchResult, ObjectEntry } from '../types.js'
import type { HttpSource } from './source.js'

/** Kept beside the destination: validators for a conditional GET, and what the result was. */
interface HttpState {
  version: 1
  kind: 'http'
  /** sha256 of the full URL: a signed URL's query is a credential and never goes to disk. */
  urlSha256: string
  unpack: boolean
  etag?: string
  lastModified?: string
  sha256: string
  files: number
  bytes: number
  objects: ObjectEntry[]
}

class NotModified extends Error {}

function statusError(source: HttpSource, status: number, headers: Record<string, string | string[] | undefined>): Error {
  const where = publicUrl(source.url)
  const why =
    status === 401 || status === 403
      ? source.secret
        ? `check the token or user:password in secret "${source.secret.name}"`
        : 'the server wants credentials: add `secret: {name: …}` with a token or user:password'
      : status === 404 || status === 410
        ? 'check the URL'
        : 'the server refused the request'
  const error = new FetchError(source.name, `GET ${where} answered ${status}: ${why}`, {
    permanent: !(status === 408 || status === 429 || status >= 500)
  }) as FetchError & { status: number; retryAfterMs?: number }
  error.status = status
  const retryAfter = parseRetryAfter(String(headers['retry-after'] ?? ''))
  if (retryAfter !== undefined) error.retryAfterMs = retryAfter
  return error
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** `http(s)`: one file, or an archive unpacked into the destination; verified, conditional on re-runs. */
export async function fetchHttp(source: HttpSource, ctx: FetchContext): Promise<FetchResult> {
  const tuning = tuningFor(ctx.options.env, source.timeout)
  const env = ctx.options.env
  const { request, Agent, EnvHttpProxyAgent } = await import('undici')
  const proxy = (...names: string[]): string | undefined => names.map((n) => env[n]).find((v) => v)
  const httpProxy = proxy('http_proxy', 'HTTP_PROXY')
  const httpsProxy = proxy('https_proxy', 'HTTPS_PROXY')
  const noProxy = proxy('no_proxy', 'NO_PROXY')
  const timeouts = { connect: { timeout: Math.min(tuning.idleMs, 30_000) }, headersTimeout: tuning.idleMs, bodyTimeout: tuning.idleMs }
  // EnvHttpProxyAgent prints an "experimental" warning when created: only use it when a proxy is set.
  const dispatcher =
    httpProxy || httpsProxy
      ? new EnvHttpProxyAgent({ ...(httpProxy ? { httpProxy } : {}), ...(httpsProxy ? { httpsProxy } : {}), ...(noProxy ? { noProxy } : {}), ...timeouts })
      : new Agent(timeouts)
  const parsed = new URL(source.url)
  if (parsed.username || parsed.password) {
    throw new FetchError(source.name, 'the URL carries credentials: put them in a secret (`secret: {name: …}`) so they are masked and never written to disk', {
      permanent: true
    })
  }
  const name = safeRelative(decodeURIComponent(parsed.pathname.split('/').filter(Boolean).at(-1) ?? '')) ?? 'download'
  const archive = source.unpack ? archiveTypeOf(name) : undefined
  if (source.unpack && !archive) {
    throw new FetchError(source.name, `cannot tell what archive "${name}" is: \`unpack: true\` takes .tar, .tar.gz, .tgz or .zip URLs`, { permanent: true })
  }
  const auth = httpAuthorization(source.name, source.secret)
  const urlSha256 = createHash('sha256').update(source.url).digest('hex')
  // A frozen replay never keeps what is on disk on the server's word that nothing changed: the
  // bytes are fetched again and checked against the locked sha256.
  const previous = ctx.previous && !ctx.frozen ? await readState<HttpState>(ctx.previous) : undefined
  const reusable =
    previous?.version === 1 &&
    previous.kind === 'http' &&
    previous.urlSha256 === urlSha256 &&
    previous.unpack === source.unpack &&
    (!source.sha256 || source.sha256 === previous.sha256)
      ? previous
      : undefined
  const baseHeaders: Record<string, string> = { ...(source.headers ?? {}), ...(auth ? { authorization: auth } : {}) }
  if (reusable?.etag) baseHeaders['if-none-match'] = reusable.etag
  else if (reusable?.lastModified) baseHeaders['if-modified-since'] = reusable.lastModified

  const file = path.join(ctx.scratch, name)
  const expected: Expected = { ...(source.sha256 ? { sha256: source.sha256 } : {}) }
  let validators: Validators = {}
  const totals = { files: 1, bytes: 0 }
  const progress = new ProgressReporter(ctx.log, totals)
  const open = async (signal: AbortSignal): Promise<Readable> => {
    const res = await request(source.url, { dispatcher, headers: baseHeaders, signal, maxRedirections: 5 })
    if (res.statusCode === 304 && reusable) {
      await res.body.dump()
      throw new NotModified()
    }
    if (res.statusCode >= 300) {
      await res.body.dump().catch(() => undefined)
      throw statusError(source, res.statusCode, res.headers)
    }
    const length = Number(header(res.headers, 'content-length'))
    // The Verifier reads this object: the advertised length is checked too.
    if (Number.isFinite(length) && !header(res.headers, 'content-encoding')) expected.size = length
    else delete expected.size
    totals.bytes = expected.size ?? 0
    validators = {
      ...(header(res.headers, 'etag') ? { etag: header(res.headers, 'etag') } : {}),
      ...(header(res.headers, 'last-modified') ? { lastModified: header(res.headers, 'last-modified') } : {})
    }
    return res.body
  }

  // The Actions cache first (a run on an empty runner), unless an earlier landing is here to check.
  const cache = httpCache(
    ctx.cache,
    source,
    name,
    async () => {
      // Only asked when no earlier landing is reused, so baseHeaders holds no condition here.
      const res = await request(source.url, { method: 'HEAD', dispatcher, headers: baseHeaders, signal: ctx.signal, maxRedirections: 5 })
      await res.body.dump().catch(() => undefined)
      return res.statusCode < 300 ? res.headers : undefined
    },
    ctx.log
  )
  let sha: string
  let downloaded = file
  try {
    const restored = reusable ? undefined : await cache.restore()
    if (restored) {
      downloaded = restored.file
      sha = restored.sha256
      // As a download would: the next re-run on this workspace is a conditional GET.
      validators = restored.validators
    } else {
      sha = await downloadToFile({
        label: publicUrl(source.url),
        file,
        open,
        expected,
        digest: true,
        tuning,
        signal: ctx.signal,
        onRetry: (m) => ctx.log.info(`retrying ${m}`),
        progress
      })
      await cache.keep(file, (await fs.stat(file)).size, validators)
    }
  } catch (error) {
    if (error instanceof NotModified && reusable) {
      const { files, bytes, objects } = reusable
      return { url: publicUrl(source.url), digest: `sha256:${reusable.sha256}`, files, bytes, objects, inPlace: true, state: reusable }
    }
    if (error instanceof IntegrityError) throw new FetchError(source.name, error.message, { cause: error, permanent: true })
    throw error
  } finally {
    await dispatcher.close().catch(() => undefined)
  }

  const size = (await fs.stat(downloaded)).size
  const objects: ObjectEntry[] = [{ key: name, size, version: `sha256:${sha}` }]
  let files = 1
  let bytes = size
  if (archive) {
    try {
      await unpackArchive(downloaded, archive, ctx.staging, { limit: ctx.options.unpackLimit })
    } catch (error) {
      throw new FetchError(source.name, `${name}: ${(error as Error).message}`, { cause: error, permanent: true })
    }
    ;({ files, bytes } = await countTree(ctx.staging))
  } else {
    // The download sits in scratch (RUNNER_TEMP), maybe on another disk than the workspace.
    await moveFile(downloaded, path.join(ctx.staging, name))
  }
  const state: HttpState = { version: 1, kind: 'http', urlSha256, unpack: source.unpack, ...validators, sha256: sha, files, bytes, objects }
  return { url: publicUrl(source.url), digest: `sha256:${sha}`, files, bytes, objects, state, cache: cache.outcome() } satisfies FetchResult
}

async function countTree(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0
  let bytes = 0
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    files++
    bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size
  }
  return { files, bytes }
}
