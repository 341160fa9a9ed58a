import { bucketKind, describeWithEndpoint } from '../bucket.js'

/**
 * `oci://bucket@namespace/prefix`: OCI Object Storage through its S3-compatible API
 * (`https://{namespace}.compat.objectstorage.{region}.oraclecloud.com`, customer secret keys).
 * `resolveS3Location` works out the endpoint and region; the transfer is the S3 one.
 */
export const oci = bucketKind({
  kind: 'oci',
  schemes: ['oci://'],
  schema: (z) =>
    z.strictObject({
      bucket: z.string().min(1),
      namespace: z.string().optional(),
      region: z.string().optional(),
      endpoint: z.string().optional(),
      forcePathStyle: z.boolean().optional()
    }),
  describe: describeWithEndpoint,
  fetch: async (source, ctx) => (await import('../s3/fetch.js')).fetchS3Compatible(source, ctx)
})
