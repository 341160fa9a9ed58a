import { bucketKind } from '../bucket.js'

/** `gs://bucket/prefix` on Google Cloud Storage (or an emulator). */
export const gcs = bucketKind({
  kind: 'gcs',
  schemes: ['gs://'],
  schema: (z) =>
    z.strictObject({
      bucket: z.string().min(1),
      endpoint: z.string().optional(),
      projectId: z.string().optional(),
      requesterPays: z.boolean().optional()
    }),
  fetch: async (source, ctx) => (await import('./fetch.js')).fetchGcs(source, ctx)
})
