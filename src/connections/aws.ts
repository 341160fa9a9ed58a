import type { SecretHandle } from '../runspec/model.js'
import { FetchError } from '../util/errors.js'
import { secretField, valueOf } from './secret.js'

/** What an s3 or oci connection's secret holds: keys, and settings that may travel with them. */
export interface AwsSecret {
  /** Static keys; undefined = the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  /** AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL. */
  endpoint?: string
  /** AWS_REGION / AWS_DEFAULT_REGION (s3), OCI_REGION / AWS_REGION / region (oci). */
  region?: string
}

/**
 * Reads an s3/oci secret: it must have keys (JSON or KEY=VALUE lines); it may carry only the
 * endpoint or region and leave the keys to the default chain, but never half a key pair.
 */
export function awsSecret(source: string, kind: 's3' | 'oci', secret: SecretHandle | undefined): AwsSecret {
  if (!secret) return {}
  const fail = (message: string): never => {
    throw new FetchError(source, message, { permanent: true })
  }
  if (!valueOf(secret).fields) {
    fail(
      `secret "${secret.name}" is a single string, which is not valid for ${kind}: give it keys, as JSON ` +
        '{"AWS_ACCESS_KEY_ID": …, "AWS_SECRET_ACCESS_KEY": …} or KEY=VALUE lines, or drop the secret to use the default credential chain'
    )
  }
  const get = (...keys: string[]): string | undefined => secretField(secret, ...keys)
  const accessKeyId = get('AWS_ACCESS_KEY_ID', 'OCI_ACCESS_KEY_ID')
  const secretAccessKey = get('AWS_SECRET_ACCESS_KEY', 'OCI_SECRET_ACCESS_KEY')
  const sessionToken = get('AWS_SESSION_TOKEN')
  if (!accessKeyId !== !secretAccessKey) {
    fail(
      `secret "${secret.name}" has ${accessKeyId ? 'AWS_ACCESS_KEY_ID but no AWS_SECRET_ACCESS_KEY' : 'AWS_SECRET_ACCESS_KEY but no AWS_ACCESS_KEY_ID'}: give both (and AWS_SESSION_TOKEN for temporary keys), or neither to use the default credential chain`
    )
  }
  const endpoint = get('AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL')
  const region = kind === 'oci' ? get('OCI_REGION', 'AWS_REGION', 'region') : get('AWS_REGION', 'AWS_DEFAULT_REGION')
  return {
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {})
  }
}
