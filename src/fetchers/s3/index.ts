import { bucketKind, describeWithEndpoint } from '../bucket.js'

/** `s3://bucket/prefix` on AWS or any S3-compatible store (MinIO, Ceph, R2, …). */
export const s3 = bucketKind({
  kind: 's3',
  schemes: ['s3://'],
  schema: (z) =>
    z.strictObject({
      bucket: z.string().min(1),
      endpoint: z.string().optional(),
      region: z.string().optional(),
      forcePathStyle: z.boolean().optional(),
      requesterPays: z.boolean().optional()
    }),
  describe: describeWithEndpoint,
  fetch: async (source, ctx) => (await import('./fetch.js')).fetchS3Compatible(source, ctx)
})
