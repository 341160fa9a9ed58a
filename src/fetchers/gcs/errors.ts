import { FetchError } from '../../util/errors.js'
import type { BucketSource } from '../bucket.js'
import { isTransient, isTransientStatus } from '../shared/retry.js'
import type { GcsAuth } from '../../connections/gcp.js'
import type { GcsLocation } from './client.js'

/**
 * Turns a GCS error that retrying cannot fix (401, 403, 404, other 4xx) into a permanent
 * FetchError naming the source, the bucket/key and the likely cause; anything else is returned
 * unchanged for the retry policy to judge.
 */
export function explainGcsError(error: unknown, source: BucketSource, location: GcsLocation, at: { auth: GcsAuth; endpoint?: string; key?: string }): unknown {
  if (!error || typeof error !== 'object' || error instanceof FetchError) return error
  const e = error as { code?: unknown; message?: unknown }
  const status = typeof e.code === 'number' ? e.code : undefined
  if (status === undefined) {
    // google-auth-library: no Application Default Credentials on this machine.
    if (typeof e.message === 'string' && /Could not load the default credentials/i.test(e.message)) {
      return new FetchError(
        source.name,
        `no credentials for ${source.uri}: the source has no secret and no Application Default Credentials were found. Run google-github-actions/auth first, or add \`secret: {name: …}\` holding a service-account JSON key (or GC_KEYFILE_DICT / GC_KEY_PATH)`,
        { permanent: true, cause: error }
      )
    }
    return error
  }
  // The SDK's ApiError carries the HTTP status as a numeric `code`; `status` lets the retry policy see it.
  if (isTransientStatus(status)) return Object.assign(error, { status })
  if (isTransient(error)) return error
  const where = `gs://${location.bucket}/${at.key ?? location.prefix}${at.endpoint ? ` at ${at.endpoint}` : ''}`
  const said = typeof e.message === 'string' && e.message ? ` (${e.message.split('\n')[0]!.slice(0, 200)})` : ''
  const creds =
    at.auth.type === 'key' || at.auth.type === 'token'
      ? `the credentials in ${at.auth.from}`
      : at.auth.type === 'default'
        ? 'the Application Default Credentials (no secret given)'
        : 'anonymous access (no secret given)'
  const explain = (message: string): FetchError => new FetchError(source.name, message, { permanent: true, cause: error })
  if (status === 401) return explain(`not authenticated for ${where} (401)${said}: ${creds} were refused, or expired`)
  if (status === 403) {
    const pays = source.options.requesterPays === true ? '' : '; a requester-pays bucket also needs `requesterPays: true` and `projectId`'
    return explain(
      `access denied to ${where} (403)${said}: ${creds} may not read bucket "${location.bucket}" (needs storage.objects.list and storage.objects.get)${pays}`
    )
  }
  if (status === 404) {
    return at.key === undefined
      ? explain(`bucket "${location.bucket}" does not exist (404)${said}: check the bucket name in ${source.uri}`)
      : explain(`object ${where} does not exist (404)${said}: it was removed or replaced after listing, or the key is misspelt`)
  }
  if (status === 412) return explain(`${where} changed while it was being downloaded (412): run again`)
  if (status >= 400 && status < 500) return explain(`${where} answered ${status}${said}`)
  return error
}
