import { FetchError } from '../../util/errors.js'
import type { BucketSource } from '../bucket.js'
import { isTransient } from '../shared/retry.js'
import type { AzureAuth } from '../../connections/azure.js'
import type { WasbLocation } from './client.js'

/**
 * Turns an Azure error that retrying cannot fix (403, 404, 412, other 4xx) into a permanent
 * FetchError naming the source, the container/blob and the likely cause; anything else is
 * returned unchanged for the retry policy to judge.
 */
export function explainAzureError(
  error: unknown,
  source: BucketSource,
  location: WasbLocation,
  at: { auth: AzureAuth; endpoint: string; key?: string }
): unknown {
  if (!error || typeof error !== 'object' || error instanceof FetchError) return error
  const e = error as { statusCode?: number; code?: string; name?: string; message?: string }
  const status = e.statusCode
  if (e.name === 'CredentialUnavailableError' || e.name === 'AggregateAuthenticationError') {
    return new FetchError(
      source.name,
      `no credentials for ${source.uri}: the default Azure chain found none. Run azure/login first, or add \`secret: {name: …}\` with AZURE_CONNECTION_STRING, AZURE_ACCOUNT_NAME + AZURE_ACCOUNT_KEY, or AZURE_SAS_TOKEN`,
      { permanent: true, cause: error }
    )
  }
  if (status === undefined || isTransient(error)) return error
  const where = `container "${location.container}"${at.key !== undefined ? `, blob "${at.key}"` : location.prefix ? `, prefix "${location.prefix}"` : ''} at ${at.endpoint}`
  const code = e.code ? ` ${e.code}` : ''
  const creds =
    at.auth.type === 'key'
      ? `the account key in ${at.auth.from} (account "${at.auth.account}")`
      : at.auth.type === 'sas'
        ? `the SAS token in ${at.auth.from}`
        : at.auth.type === 'default'
          ? 'the default Azure credential chain (no secret given)'
          : 'anonymous access (no secret given)'
  const explain = (message: string): FetchError => new FetchError(source.name, message, { permanent: true, cause: error })
  if (status === 401 || status === 403) {
    // A HEAD answer has no error body, so the cause is not always known: name the usual ones.
    const why = `${creds} was rejected or may not read it: a wrong account key, a SAS token that is expired, signed with another key or lacks read and list permission, or a missing Storage Blob Data Reader role`
    return explain(`access denied to ${where} (${status}${code}): ${why}`)
  }
  if (status === 404) {
    if (e.code === 'ContainerNotFound')
      return explain(`container "${location.container}" does not exist at ${at.endpoint} (404${code}): check the container and the account in ${source.uri}`)
    if (e.code === 'ResourceNotFound' && at.auth.type === 'anonymous')
      return explain(`${where} not found (404${code}): the container does not exist or is not public; add a secret`)
    return explain(`${where} does not exist (404${code}): it was removed or renamed after listing`)
  }
  if (status === 412) return explain(`${where} changed while it was being downloaded (412${code}): run again`)
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return explain(`${where} answered ${status}${code}`)
  return error
}
