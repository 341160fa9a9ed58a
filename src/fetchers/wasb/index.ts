import { bucketKind } from '../bucket.js'

/** Azure Blob Storage: `wasbs://container@account.blob.core.windows.net/prefix`, `wasb://`, `az://`. */
export const wasb = bucketKind({
  kind: 'wasb',
  schemes: ['wasb://', 'wasbs://', 'az://'],
  schema: (z) => z.strictObject({ bucket: z.string().min(1), endpoint: z.string().optional() }),
  fetch: async (source, ctx) => (await import('./fetch.js')).fetchWasb(source, ctx)
})
