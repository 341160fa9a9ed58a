import { azureTarget } from '../../connections/azure.js'
import type { BucketSource } from '../bucket.js'
import { fetchBucket, listPageSize, type BucketStore } from '../shared/bucket.js'
import { withTimeout } from '../shared/timeout.js'
import { tuningFor } from '../shared/tuning.js'
import type { FetchContext, FetchResult } from '../types.js'
import { openAzure, parseWasbUri, type AzureBlob } from './client.js'
import { explainAzureError } from './errors.js'

/** `wasbs://container@account.blob.core.windows.net/prefix` (also `wasb://`, `az://`). */
export async function fetchWasb(source: BucketSource, ctx: FetchContext): Promise<FetchResult> {
  const location = parseWasbUri(source)
  const tuning = tuningFor(ctx.options.env, source.timeout)
  const target = azureTarget(source, location)
  const client = await openAzure(source.name, target, location.container)
  const explain = (error: unknown, key?: string): unknown =>
    explainAzureError(error, source, location, { auth: target.auth, endpoint: target.endpoint, ...(key !== undefined ? { key } : {}) })
  const entry = (b: AzureBlob) => ({ key: b.key, size: b.size, version: b.etag, item: b })
  const pageSize = listPageSize(ctx.options.env, 5000)
  const store: BucketStore<AzureBlob> = {
    noun: 'blobs',
    list: async (prefix, token, signal) => {
      const page = await client.list(prefix, token, pageSize, signal)
      return { objects: page.blobs.map(entry), ...(page.next ? { next: page.next } : {}) }
    },
    stat: async (key, signal) => {
      const one = await client.stat(key, signal)
      return one && entry(one)
    },
    expected: (b) => ({ size: b.size, ...(b.md5 ? { md5: b.md5 } : {}) }),
    label: (b) => `${location.container}/${b.key}`,
    explain: (error) => explain(error),
    async open(b, range, signal) {
      try {
        // The engine's idle timer starts with the body; bound the wait for the response headers here.
        return await withTimeout(client.read(b, range, signal), tuning.idleMs)
      } catch (error) {
        throw explain(error, b.key)
      }
    }
  }
  const landed = await fetchBucket(store, {
    source,
    prefix: location.prefix,
    tuning,
    empty: `no blobs under ${source.uri}: check the container and the prefix`,
    ctx
  })
  return { url: source.uri, ...landed }
}
