/**
 * A loopback GitHub Actions cache service (v2: Twirp JSON at ACTIONS_RESULTS_URL) for the real
 * `@actions/cache` client. Archives go to azurite through SAS URLs, as they go to Azure Blob on
 * GitHub, so the client's Azure SDK upload and ranged download run for real.
 *
 * Semantics follow GitHub's: an entry is (key, version); a second CreateCacheEntry for the same
 * pair is a Twirp `already_exists` (HTTP 409); an entry is visible only once finalized; lookup is
 * the exact key, then the key as a prefix, then each restore key as a prefix in order, newest
 * first, same version only. One scope: branch scoping of the real service is not modelled.
 */
import * as http from 'node:http'
import type * as net from 'node:net'
import { BlobSASPermissions, BlobServiceClient, generateBlobSASQueryParameters, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob'
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzurite, type Azurite } from './azurite.js'
import { AZURE_BLOB_HOST, startBlobHostProxy, type BlobHostProxy } from './blob-host-proxy.js'
import { findEntry, type CacheEntry } from './cache-lookup.js'

export type { CacheEntry } from './cache-lookup.js'

export const CACHE_SERVICE_PATH = '/twirp/github.actions.results.api.v1.CacheService/'

export interface CacheRequest {
  /** The Twirp method (`CreateCacheEntry`, …), or the raw path when it is not one. */
  method: string
  httpMethod: string
  status: number
  key?: string
  version?: string
  restoreKeys?: string[]
  /** What the service did: created, exists, finalized, hit, miss, unauthorized, fault, … */
  outcome: string
  matchedKey?: string
}

export interface CacheFaults {
  /** Every Twirp call answers 500 `internal` (the client retries 500 five times, ~30 s). */
  status5xx: boolean
  /** FinalizeCacheEntryUpload answers 200 `ok: false`, with `message` when given. */
  failFinalize: false | { message?: string }
  /** CreateCacheEntry answers as for a read-only token: 200 `ok: false`, `cache write denied: …`. */
  writeDenied: boolean
  /** GetCacheEntryDownloadURL answers as for a token without read scopes: 403 `cache read denied: …`. */
  readDenied: boolean
}

export interface CacheServiceOptions {
  /** The ACTIONS_RUNTIME_TOKEN the service accepts. */
  token?: string
  /** Share a running azurite; otherwise the service starts (and stops) its own. */
  azurite?: Azurite
  container?: string
  /** Lifetime of the SAS URLs handed out; GitHub's are short-lived. */
  sasTtlMs?: number
  /**
   * `azure` (default): SAS URLs on `devstoreaccount1.blob.core.windows.net`, reached through
   * `blobProxy` (HTTP_PROXY), so the client downloads with the Azure SDK as on GitHub.
   * `loopback`: SAS URLs on azurite's 127.0.0.1 endpoint; no proxy, but the client then
   * downloads with one plain GET (its path for hosts that are not Azure Blob).
   */
  blobHost?: 'azure' | 'loopback'
}

export interface CacheService {
  /** `http://127.0.0.1:PORT/`: the ACTIONS_RESULTS_URL. */
  url: string
  token: string
  azurite: Azurite
  /** The HTTP_PROXY that serves the Azure blob host name (absent with `blobHost: 'loopback'`). */
  blobProxy?: BlobHostProxy
  container: string
  /** Every request that reached the listener, in order. */
  requests: CacheRequest[]
  /** Entries, finalized or not, oldest first. */
  entries(): CacheEntry[]
  faults: CacheFaults
  /** Close the listener (connection refused) or listen again on the same port. */
  setDown(down: boolean): Promise<void>
  /** Points the entry `key` at the archive of entry `from`: a poisoned entry under a real key. */
  swapBlob(key: string, from: string): void
  stop(): Promise<void>
}

/** Twirp error codes the service answers with, and the HTTP status Twirp maps each to. */
const TWIRP_STATUS = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  bad_route: 404,
  not_found: 404,
  already_exists: 409,
  internal: 500
} as const

interface TwirpError {
  status: number
  code: keyof typeof TWIRP_STATUS
  msg: string
}

function twirpError(code: keyof typeof TWIRP_STATUS, msg: string): TwirpError {
  return { status: TWIRP_STATUS[code], code, msg }
}

function sasUrl(service: { blobBase: string; container: string; ttl: number }, blob: string, permissions: string): string {
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY)
  const sas = generateBlobSASQueryParameters(
    { containerName: service.container, blobName: blob, permissions: BlobSASPermissions.parse(permissions), expiresOn: new Date(Date.now() + service.ttl) },
    credential
  ).toString()
  return `${service.blobBase}/${service.container}/${blob}?${sas}`
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Protobuf JSON accepts the proto name and the lowerCamel name; the client sends proto names. */
function field(body: Record<string, unknown>, proto: string, camel = proto): unknown {
  return body[proto] ?? body[camel]
}

export async function startCacheService(opts: CacheServiceOptions = {}): Promise<CacheService> {
  const ownAzurite = !opts.azurite
  const azurite = opts.azurite ?? (await startAzurite())
  const container = opts.container ?? 'actions-cache'
  const token = opts.token ?? 'cache-runtime-token-for-tests'
  const blobProxy = (opts.blobHost ?? 'azure') === 'azure' ? await startBlobHostProxy(azurite) : undefined
  const blobBase = blobProxy ? `http://${AZURE_BLOB_HOST}` : azurite.endpoint
  const ctx = { blobBase, container, ttl: opts.sasTtlMs ?? 10 * 60_000 }
  const containerClient: ContainerClient = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container)
  await containerClient.createIfNotExists()

  const entries: CacheEntry[] = []
  const requests: CacheRequest[] = []
  const faults: CacheFaults = { status5xx: false, failFinalize: false, writeDenied: false, readDenied: false }
  let nextId = 1

  type Answer = { status: number; body: object; outcome: string; matchedKey?: string }
  const ok = (body: object, outcome: string, matchedKey?: string): Answer => ({ status: 200, body, outcome, ...(matchedKey ? { matchedKey } : {}) })
  const fail = (e: TwirpError, outcome: string): Answer => ({ status: e.status, body: { code: e.code, msg: e.msg }, outcome })

  function createEntry(key: string, version: string): Answer {
    if (faults.writeDenied) return ok({ ok: false, signed_upload_url: '', message: 'cache write denied: token has no writable scopes' }, 'write-denied')
    if (entries.some((e) => e.key === key && e.version === version)) {
      return fail(twirpError('already_exists', 'cache entry with the same key, version, and scope already exists'), 'exists')
    }
    const id = nextId++
    const entry: CacheEntry = { id, key, version, blob: `entries/${id}`, finalized: false }
    entries.push(entry)
    return ok({ ok: true, signed_upload_url: sasUrl(ctx, entry.blob, 'cw'), message: '' }, 'created')
  }

  async function finalizeEntry(key: string, version: string, sizeBytes: number): Promise<Answer> {
    const entry = entries.find((e) => e.key === key && e.version === version && !e.finalized)
    if (!entry) return fail(twirpError('not_found', 'cache entry not found'), 'not-found')
    if (faults.failFinalize) return ok({ ok: false, entry_id: '0', message: faults.failFinalize.message ?? '' }, 'finalize-failed')
    const size = await containerClient
      .getBlobClient(entry.blob)
      .getProperties()
      .then((p) => p.contentLength ?? -1)
      .catch(() => -1)
    if (size !== sizeBytes) {
      const message = size < 0 ? 'no archive was uploaded for this entry' : `the uploaded archive is ${size} bytes, not ${sizeBytes}`
      return ok({ ok: false, entry_id: '0', message }, size < 0 ? 'not-uploaded' : 'size-mismatch')
    }
    entry.finalized = true
    entry.sizeBytes = size
    return ok({ ok: true, entry_id: String(entry.id), message: '' }, 'finalized')
  }

  function downloadUrl(key: string, restoreKeys: string[], version: string): Answer {
    if (faults.readDenied) return fail(twirpError('permission_denied', 'cache read denied: token has no readable scopes'), 'read-denied')
    const entry = findEntry(entries, key, restoreKeys, version)
    if (!entry) return ok({ ok: false, signed_download_url: '', matched_key: '' }, 'miss')
    return ok({ ok: true, signed_download_url: sasUrl(ctx, entry.blob, 'r'), matched_key: entry.key }, 'hit', entry.key)
  }

  async function answer(method: string, body: Record<string, unknown>): Promise<Answer> {
    const key = field(body, 'key')
    const version = field(body, 'version')
    if (typeof key !== 'string' || !key || typeof version !== 'string' || !version) {
      return fail(twirpError('invalid_argument', 'key and version are required'), 'invalid')
    }
    switch (method) {
      case 'CreateCacheEntry':
        return createEntry(key, version)
      case 'FinalizeCacheEntryUpload':
        return finalizeEntry(key, version, Number(field(body, 'size_bytes', 'sizeBytes') ?? 0))
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = field(body, 'restore_keys', 'restoreKeys') ?? []
        if (!Array.isArray(restoreKeys) || !restoreKeys.every((k) => typeof k === 'string')) {
          return fail(twirpError('invalid_argument', 'restore_keys must be a list of strings'), 'invalid')
        }
        return downloadUrl(key, restoreKeys, version)
      }
      default:
        return fail(twirpError('bad_route', `no handler for ${method}`), 'bad-route')
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = req.url ?? ''
    const method = url.startsWith(CACHE_SERVICE_PATH) ? url.slice(CACHE_SERVICE_PATH.length) : url
    const record: CacheRequest = { method, httpMethod: req.method ?? '', status: 0, outcome: '' }
    requests.push(record)
    const body = await readJson(req)
    if (body) {
      const key = field(body, 'key')
      const version = field(body, 'version')
      const restoreKeys = field(body, 'restore_keys', 'restoreKeys')
      if (typeof key === 'string') record.key = key
      if (typeof version === 'string') record.version = version
      if (Array.isArray(restoreKeys)) record.restoreKeys = restoreKeys.map(String)
    }
    let result: Answer
    if (faults.status5xx) result = fail(twirpError('internal', 'injected fault: the cache service is failing'), 'fault')
    else if (req.headers.authorization !== `Bearer ${token}`) result = fail(twirpError('unauthenticated', 'invalid or missing runtime token'), 'unauthorized')
    else if (req.method !== 'POST' || !url.startsWith(CACHE_SERVICE_PATH))
      result = fail(twirpError('bad_route', `no route for ${req.method} ${url}`), 'bad-route')
    else if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      result = fail(twirpError('bad_route', 'only the JSON encoding is served here'), 'bad-route')
    } else if (!body) result = fail(twirpError('malformed', 'the body is not a JSON object'), 'malformed')
    else result = await answer(method, body)
    record.status = result.status
    record.outcome = result.outcome
    if (result.matchedKey) record.matchedKey = result.matchedKey
    res.writeHead(result.status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(result.body))
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ code: 'internal', msg: String(error) }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  let listening = true

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    azurite,
    ...(blobProxy ? { blobProxy } : {}),
    container,
    requests,
    entries: () => entries.map((e) => ({ ...e })),
    faults,
    swapBlob(key, from) {
      const target = entries.find((e) => e.key === key && e.finalized)
      const source = entries.find((e) => e.key === from && e.finalized)
      if (!target || !source) throw new Error(`no finalized entry ${!target ? key : from}`)
      target.blob = source.blob
      target.sizeBytes = source.sizeBytes
    },
    async setDown(down) {
      if (down && listening) {
        listening = false
        server.closeAllConnections()
        await new Promise((r) => server.close(r))
      } else if (!down && !listening) {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject)
          server.listen(port, '127.0.0.1', () => {
            server.off('error', reject)
            resolve()
          })
        })
        listening = true
      }
    },
    async stop() {
      if (listening) {
        listening = false
        server.closeAllConnections()
        await new Promise((r) => server.close(r))
      }
      await blobProxy?.stop()
      if (ownAzurite) await azurite.stop()
    }
  }
}
