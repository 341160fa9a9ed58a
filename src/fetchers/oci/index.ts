import type { BucketSource } from '../../spec/model.js'
import { describeBucket, fetchS3Compatible } from '../s3/fetch.js'
import type { Fetcher } from '../types.js'

/**
 * `oci://bucket@namespace/prefix`: OCI Object Storage through its S3-compatible API
 * (`https://{namespace}.compat.objectstorage.{region}.oraclecloud.com`, customer secret keys).
 * `resolveS3Location` works out the endpoint and region; the transfer is the S3 one.
 */
export const ociFetcher: Fetcher<BucketSource> = {
  describe: describeBucket,
  fetch: fetchS3Compatible
}
