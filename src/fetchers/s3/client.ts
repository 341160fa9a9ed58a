import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3'
import { awsSecret } from '../../connections/aws.js'
import { FetchError } from '../../util/errors.js'
import type { BucketSource } from '../bucket.js'
import type { Tuning } from '../shared/tuning.js'

/** Where an `s3://` or `oci://` source lives, resolved from its URI, schema, secret and environment. */
export interface S3Location {
  bucket: string
  /** Key prefix without a leading slash; may be empty. */
  prefix: string
  region: string
  /** Custom endpoint (MinIO, Ceph, an emulator, OCI's S3-compatible endpoint); undefined = AWS. */
  endpoint?: string
  forcePathStyle: boolean
  requesterPays: boolean
  /** Static keys from the secret; undefined = the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)

/** `s3://bucket/prefix` → bucket and prefix. */
export function parseS3Uri(uri: string): { bucket: string; prefix: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri)
  return m ? { bucket: m[1]!, prefix: m[2]! } : undefined
}

/** `oci://bucket@namespace/prefix` → bucket, namespace and prefix (ADS and OCI CLI spelling). */
export function parseOciUri(uri: string): { bucket: string; namespace?: string; prefix: string } | undefined {
  const m = /^oci:\/\/([^/@]+)(?:@([^/]+))?\/?(.*)$/.exec(uri)
  return m ? { bucket: m[1]!, ...(m[2] ? { namespace: m[2] } : {}), prefix: m[3]! } : undefined
}

export function ociEndpoint(namespace: string, region: string): string {
  return `https://${namespace}.compat.objectstorage.${region}.oraclecloud.com`
}

/**
 * The contract's precedence: `schema.endpoint`, then AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL from
 * the connection's secret, then from the environment, then the provider's own endpoint.
 */
export function resolveS3Location(source: BucketSource, { env }: { env: Record<string, string | undefined> }): S3Location {
  const fail = (message: string): never => {
    throw new FetchError(source.name, message, { permanent: true })
  }
  const schema = source.options
  const secret = awsSecret(source.name, source.kind === 'oci' ? 'oci' : 's3', source.secret)
  const envEndpoint = secret.endpoint ?? str(env.AWS_ENDPOINT_URL_S3) ?? str(env.AWS_ENDPOINT_URL)
  let bucket: string
  let prefix: string
  let region: string | undefined
  let endpoint = str(schema.endpoint) ?? envEndpoint
  if (source.kind === 'oci') {
    const parsed = parseOciUri(source.uri) ?? fail(`"${source.uri}" is not an OCI URI: use oci://bucket@namespace/prefix`)
    bucket = parsed.bucket
    prefix = parsed.prefix
    region = str(schema.region) ?? secret.region ?? str(env.OCI_REGION)
    if (!endpoint) {
      const namespace =
        parsed.namespace ??
        str(schema.namespace) ??
        fail(`"${source.uri}" names no namespace: write oci://bucket@namespace/prefix or set \`namespace\` in the connection`)
      if (!region) fail('no OCI region: set `region` in the connection, OCI_REGION in its secret or the environment')
      endpoint = ociEndpoint(namespace, region!)
    }
  } else {
    const parsed = parseS3Uri(source.uri) ?? fail(`"${source.uri}" is not an S3 URI: use s3://bucket/prefix`)
    bucket = parsed.bucket
    prefix = parsed.prefix
    region = str(schema.region) ?? secret.region ?? str(env.AWS_REGION) ?? str(env.AWS_DEFAULT_REGION)
  }
  if (endpoint && !/^https?:\/\//i.test(endpoint)) fail(`endpoint "${endpoint}" must be an http(s) URL`)
  const forcePathStyle = typeof schema.forcePathStyle === 'boolean' ? schema.forcePathStyle : endpoint !== undefined
  return {
    bucket,
    prefix: prefix.replace(/^\/+/, ''),
    // AWS needs some region to sign; us-east-1 answers with a redirect naming the right one.
    region: region ?? 'us-east-1',
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle,
    requesterPays: schema.requesterPays === true,
    ...(secret.credentials ? { credentials: secret.credentials } : {})
  }
}

/** The SDK is imported here, on first use, so runs without an S3 source never load it. */
export async function createS3Client(location: S3Location, tuning: Tuning, concurrency: number): Promise<S3Client> {
  const { S3Client } = await import('@aws-sdk/client-s3')
  const agent = { keepAlive: true, maxSockets: concurrency }
  const config: S3ClientConfig = {
    region: location.region,
    forcePathStyle: location.forcePathStyle,
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    ...(location.credentials ? { credentials: location.credentials } : {}),
    // A bucket in another region than configured is followed instead of failing (AWS only).
    followRegionRedirects: true,
    // withRetry is the one retry policy; the SDK's own would multiply attempts.
    maxAttempts: 1,
    // Newer SDKs add CRC checksums that S3-compatible stores (and s3rver) do not speak.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: {
      connectionTimeout: Math.min(tuning.idleMs, 30_000),
      // Time to the response headers; the SDK only warns about it unless told to throw.
      requestTimeout: tuning.idleMs,
      throwOnRequestTimeout: true,
      // Socket idle timeout for the whole exchange (a listing's body too): a stalled server fails
      // the attempt instead of hanging the run (requestTimeout alone never fails it).
      socketTimeout: tuning.idleMs,
      httpAgent: agent,
      httpsAgent: agent
    }
  }
  return new S3Client(config)
}
