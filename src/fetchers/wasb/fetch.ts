import type { Readable } from 'node:stream'
import { azureTarget, openAzure, parseWasbUri, type AzureBlob, type AzureClient, type WasbLocation } from './client.js'
import { explainAzureError } from './errors.js'
import { namingTheObject, withTimeout } from '../shared/timeout.js'
import { landListing } from '../shared/objects.js'
import type { BucketSource } from '../../spec/model.js'
import type { Expected } from '../shared/checksum.js'
import { downloadToFile } from '../shared/download.js'
import { downloadRanged } from '../shared/ranged.js'
import { tuningFor } from '../shared/tuning.js'
import { withRetry } from '../shared/retry.js'
import { listPageSize } from '../gcs/fetch.js'
import type { FetchContext, Fetcher } from '../types.js'

interface Listed {
  rel: string
  blob: AzureBlob
}

type Call = <T>(f: (signal: AbortSignal) => Promise<T>) => Promise<T>

/**
 * A prefix that names a blob exactly is that blob (it lands as its basename); otherwise it is a
 * directory: `data` lists `data/…`, never `data2/…`.
 */
async function listAzure(client: AzureClient, loc: WasbLocation, pageSize: number, call: Call, ctx: FetchContext, uri: string): Promise<Listed[]> {
  if (loc.prefix !== '' && !loc.prefix.endsWith('/')) {
    const one = await call((signal) => client.stat(loc.prefix, signal))
    if (one) return [{ rel: loc.prefix.split('/').at(-1)!, blob: one }]
  }
  const dir = loc.prefix === '' || loc.prefix.endsWith('/') ? loc.prefix : `${loc.prefix}/`
  const listing: Listed[] = []
  let token: string | undefined
  let lastLine = Date.now()
  do {
    const page = await call((signal) => client.list(dir, token, pageSize, signal))
    for (const b of page.blobs) {
      // Directory markers (hierarchical namespace, portal folders) are not files.
      if (!b.key.endsWith('/') && b.key.startsWith(dir)) listing.push({ rel: b.key.slice(dir.length), blob: b })
    }
    token = page.next !== token ? page.next : undefined
    if (token && Date.now() - lastLine >= 5_000) {
      lastLine = Date.now()
      ctx.log.progress(`listed ${listing.length} blobs of ${uri} so far`)
    }
  } while (token)
  return listing
}

/** `wasbs://container@account.blob.core.windows.net/prefix` (also `wasb://`, `az://`). */
export const wasbFetcher: Fetcher<BucketSource> = {
  describe: (s) => `${s.uri} → ${s.relPath}`,

  async fetch(source, ctx) {
    const location = parseWasbUri(source)
    const tuning = tuningFor(ctx.settings.env, source.timeout)
    const target = azureTarget(source, location)
    if (target.auth.type === 'sas') {
      // The signature travels in every URL: mask it in every form the SDK or a proxy may print.
      const sig = new URLSearchParams(target.auth.sas).get('sig')
      if (sig) ctx.host.redactor.add(sig)
    }
    const client = await openAzure(source.name, target, location.container)
    const explain = (error: unknown, key?: string): unknown =>
      explainAzureError(error, source, location, { auth: target.auth, endpoint: target.endpoint, ...(key !== undefined ? { key } : {}) })
    const call: Call = (f) =>
      withRetry(
        async () => {
          const abort = new AbortController()
          try {
            return await withTimeout(f(abort.signal), tuning.idleMs)
          } catch (error) {
            abort.abort()
            throw explain(error)
          }
        },
        { attempts: tuning.attempts, baseMs: tuning.retryBaseMs, signal: ctx.signal }
      )

    const listing = await listAzure(client, location, listPageSize(ctx.settings.env, 5000), call, ctx, source.uri)
    const landed = await landListing({
      source,
      ctx,
      listing: listing.map((l) => ({ rel: l.rel, item: l.blob, size: l.blob.size, version: l.blob.etag })),
      empty: `no blobs under ${source.uri}: check the container and the prefix`,
      download: async (b, file, progress) => {
        const expected: Expected = { size: b.size, ...(b.md5 ? { md5: b.md5 } : {}) }
        const open = async (signal: AbortSignal, range?: { start: number; end: number }): Promise<Readable> => {
          try {
            // The engine's idle timer starts with the body; bound the wait for the response headers here.
            return await withTimeout(client.read(b, range, signal), tuning.idleMs)
          } catch (error) {
            throw explain(error, b.key)
          }
        }
        const common = {
          label: `${location.container}/${b.key}`,
          file,
          expected,
          tuning,
          signal: ctx.signal,
          progress,
          onRetry: (m: string) => ctx.log.info(`retrying ${m}`)
        }
        try {
          if (b.size > 2 * tuning.partSize) {
            await downloadRanged({ ...common, size: b.size, limiter: ctx.limiter, openRange: (start, end, signal) => open(signal, { start, end }) })
          } else {
            await downloadToFile({ ...common, open: (signal) => open(signal) })
          }
        } catch (error) {
          throw namingTheObject(source.name, common.label, error)
        }
        progress.fileDone()
      }
    })
    return { url: source.uri, ...landed }
  }
}
