import { FetchError } from '../../util/errors.js'
import type { BucketSource } from '../bucket.js'
import type { S3Location } from './client.js'

interface SdkError {
  name?: string
  message?: string
  $metadata?: { httpStatusCode?: number }
}

/**
 * Turns an S3 client error that retrying cannot fix (403, 404, wrong region) into a permanent
 * FetchError that names the source, the bucket/key and the likely cause. Anything else is
 * returned unchanged for the retry policy to judge.
 */
export function explainS3Error(error: unknown, source: BucketSource, location: S3Location, key?: string): unknown {
  if (!error || typeof error !== 'object') return error
  const e = error as SdkError
  const status = e.$metadata?.httpStatusCode
  const code = e.name ?? ''
  const where = `${source.kind === 'oci' ? 'oci' : 's3'}://${location.bucket}/${key ?? location.prefix}`
  const at = location.endpoint ? ` at ${location.endpoint}` : ` in region ${location.region}`
  const creds = source.secret ? `the keys in secret "${source.secret.name}"` : 'the default credential chain (no secret given)'
  const explain = (message: string): FetchError => new FetchError(source.name, message, { cause: error, permanent: true })
  if (code === 'CredentialsProviderError') {
    return explain(
      `no credentials for ${where}: the source has no secret and the default chain found none. Add \`secret: {name: …}\` with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run aws-actions/configure-aws-credentials first`
    )
  }
  if (status === 403 || ['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'Forbidden', 'ExpiredToken', 'InvalidToken'].includes(code)) {
    const cause =
      code === 'SignatureDoesNotMatch'
        ? 'the secret access key is wrong'
        : code === 'InvalidAccessKeyId'
          ? 'the access key id is unknown'
          : code === 'ExpiredToken'
            ? 'the session token has expired'
            : `the credentials may not read it, or the bucket is in another region than ${location.region}`
    return explain(`access denied to ${where}${at} (${status ?? ''} ${code}): ${cause}. Check ${creds}, the bucket policy and the region`)
  }
  if (code === 'NoSuchBucket' || (status === 404 && !key)) {
    return explain(`bucket "${location.bucket}" does not exist${at} (404 ${code}): check the bucket name, the region and the endpoint`)
  }
  if (status === 404 || code === 'NoSuchKey' || code === 'NotFound') {
    return explain(`object ${where} does not exist${at} (404 ${code}): it was removed or renamed after listing, or the key is misspelt`)
  }
  if (status === 301 || code === 'PermanentRedirect' || code === 'AuthorizationHeaderMalformed' || code === 'IllegalLocationConstraintException') {
    return explain(`bucket "${location.bucket}" is not in region ${location.region} (${status ?? ''} ${code}): set \`region\` in the connection or AWS_REGION`)
  }
  if (status === 412) return explain(`${where} changed while it was being downloaded (412 PreconditionFailed): run again`)
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return explain(`${where}${at} answered ${status} ${code}: ${e.message ?? ''}`.trim())
  }
  return error
}
