import { PassThrough, type Readable } from 'node:stream'
import { explainGcsError } from './errors.js'
import { namingTheObject, withTimeout } from '../shared/timeout.js'
import { gcsAuth, openGcs, parseGsUri, type GcsClient, type GcsLocation, type GcsObject } from './client.js'
import { FetchError } from '../../util/errors.js'
import { landListing } from '../shared/objects.js'
import type { BucketSource } from '../../spec/model.js'
import type { Expected } from '../shared/checksum.js'
import { downloadToFile } from '../shared/download.js'
import type { ProgressReporter } from '../shared/progress.js'
import { downloadRanged } from '../shared/ranged.js'
import { tuningFor, type Tuning } from '../shared/tuning.js'
import { withRetry } from '../shared/retry.js'
import type { FetchContext, Fetcher } from '../types.js'

/** Objects per listing request; FETCH_SOURCES_LIST_PAGE_SIZE lowers it (tests, slow proxies). */
export function listPageSize(env: Record<string, string | undefined>, max: number): number {
  const n = Number(env.FETCH_SOURCES_LIST_PAGE_SIZE)
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : max
}

interface Listed {
  rel: string
  object: GcsObject
}

/** Emulator endpoint: the schema wins, then STORAGE_EMULATOR_HOST from the secret or the environment. */
function endpointOf(source: BucketSource, env: Record<string, string | undefined>): string | undefined {
  const fromSchema = source.options.endpoint as string | undefined
  const emulator = fromSchema ?? source.secret?.fields?.STORAGE_EMULATOR_HOST ?? env.STORAGE_EMULATOR_HOST
  if (!emulator) return undefined
  return /^https?:\/\//.test(emulator) ? emulator.replace(/\/+$/, '') : `http://${emulator.replace(/\/+$/, '')}`
}

/**
 * A prefix that names an object exactly is that object (it lands as its basename); otherwise it
 * is a directory: `data` lists `data/…`, never `data2/…`.
 */
async function listGcs(
  client: GcsClient,
  loc: GcsLocation,
  pageSize: number,
  call: <T>(f: () => Promise<T>) => Promise<T>,
  ctx: FetchContext,
  uri: string
): Promise<Listed[]> {
  if (loc.prefix !== '' && !loc.prefix.endsWith('/')) {
    const one = await call(() => client.stat(loc.prefix))
    if (one) return [{ rel: loc.prefix.split('/').at(-1)!, object: one }]
  }
  const dir = loc.prefix === '' || loc.prefix.endsWith('/') ? loc.prefix : `${loc.prefix}/`
  const listing: Listed[] = []
  let token: string | undefined
  let lastLine = Date.now()
  do {
    const page = await call(() => client.list(dir, token, pageSize))
    for (const o of page.objects) {
      // "Folder" placeholders made by the console (keys ending in /) are not files.
      if (!o.key.endsWith('/') && o.key.startsWith(dir)) listing.push({ rel: o.key.slice(dir.length), object: o })
    }
    // A server repeating its token must not loop forever.
    token = page.next !== token ? page.next : undefined
    if (token && Date.now() - lastLine >= 5_000) {
      lastLine = Date.now()
      ctx.log.progress(`listed ${listing.length} objects of ${uri} so far`)
    }
  } while (token)
  return listing
}

/** `gs://bucket/prefix`: a prefix, a "directory" or a single object, landed incrementally. */
export const gcsFetcher: Fetcher<BucketSource> = {
  describe: (s) => `${s.uri} → ${s.relPath}`,

  async fetch(source, ctx) {
    const location = parseGsUri(source)
    const tuning = tuningFor(ctx.settings.env, source.timeout)
    const endpoint = endpointOf(source, ctx.settings.env)
    const auth = await gcsAuth(source.name, source.secret, endpoint !== undefined)
    if (auth.type === 'token') ctx.host.redactor.addOne(`Bearer ${auth.token}`)
    const projectId = (source.options.projectId as string | undefined) ?? (auth.type === 'key' ? auth.credentials.project_id : undefined)
    const requesterPays = source.options.requesterPays === true
    if (requesterPays && !projectId) {
      throw new FetchError(source.name, `${source.uri} is requester-pays: set \`projectId\` in the connection schema (the project billed for the download)`, {
        permanent: true
      })
    }
    const client = await openGcs({
      location,
      auth,
      ...(endpoint ? { endpoint } : {}),
      ...(projectId ? { projectId } : {}),
      ...(requesterPays ? { userProject: projectId! } : {})
    })
    const explain = (error: unknown, key?: string): unknown =>
      explainGcsError(error, source, location, { auth, ...(endpoint ? { endpoint } : {}), ...(key !== undefined ? { key } : {}) })
    const call = <T>(f: () => Promise<T>): Promise<T> =>
      withRetry(
        async () => {
          try {
            return await withTimeout(f(), tuning.idleMs)
          } catch (error) {
            throw explain(error)
          }
        },
        { attempts: tuning.attempts, baseMs: tuning.retryBaseMs, signal: ctx.signal }
      )

    const listing = await listGcs(client, location, listPageSize(ctx.settings.env, 1000), call, ctx, source.uri)
    const landed = await landListing({
      source,
      ctx,
      listing: listing.map((l) => ({ rel: l.rel, item: l.object, size: l.object.size, version: l.object.generation })),
      empty: `no objects under ${source.uri}: check the bucket and the prefix`,
      download: async (object, file, progress) => {
        await downloadObject(object, file, { source: source.name, client, location, tuning, ctx, progress, explain })
        progress.fileDone()
      }
    })
    return { url: source.uri, ...landed }
  }
}

interface DownloadDeps {
  source: string
  client: GcsClient
  location: GcsLocation
  tuning: Tuning
  ctx: FetchContext
  progress: ProgressReporter
  explain(error: unknown, key?: string): unknown
}

async function downloadObject(o: GcsObject, file: string, d: DownloadDeps): Promise<void> {
  // MD5 when GCS has one; composite objects only carry CRC32C.
  const expected: Expected = { size: o.size, ...(o.md5Hash ? { md5: o.md5Hash } : o.crc32c ? { crc32c: o.crc32c } : {}) }
  const open = async (signal: AbortSignal, range?: { start: number; end: number }): Promise<Readable> => {
    // SDK errors surface on the stream: 403/404 become permanent, named errors.
    return explainStream(d.client.read(o, range, signal), (e) => d.explain(e, o.key))
  }
  const common = {
    label: `gs://${d.location.bucket}/${o.key}`,
    file,
    expected,
    tuning: d.tuning,
    signal: d.ctx.signal,
    progress: d.progress,
    onRetry: (m: string) => d.ctx.log.info(`retrying ${m}`)
  }
  try {
    if (o.size > 2 * d.tuning.partSize) {
      await downloadRanged({ ...common, size: o.size, limiter: d.ctx.limiter, openRange: (start, end, signal) => open(signal, { start, end }) })
    } else {
      await downloadToFile({ ...common, open: (signal) => open(signal) })
    }
  } catch (error) {
    throw namingTheObject(d.source, common.label, error)
  }
}

/** Re-emits a stream's error as the explained one, so a 404 mid-transfer is not retried. */
function explainStream(stream: Readable, explain: (e: unknown) => unknown): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 })
  stream.on('error', (e) => out.destroy(explain(e) as Error))
  out.on('close', () => {
    if (!stream.destroyed) stream.destroy()
  })
  stream.pipe(out)
  return out
}
