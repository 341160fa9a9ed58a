import { z } from 'zod'

/** A lock file as `frozen` reads it: what replay needs, whatever else the file holds. */
const lockSchema = z.object({
  version: z.literal(1),
  specDigest: z.string(),
  sources: z.record(
    z.string(),
    z.object({
      kind: z.string(),
      url: z.string(),
      commit: z.string().default(''),
      ref: z.string().default(''),
      digest: z.string().default(''),
      objects: z.array(z.object({ key: z.string(), size: z.number(), version: z.string() })).optional()
    })
  )
})

export type LockRecord = z.infer<typeof lockSchema>

/** Throws (zod's error) when `value` is not a version 1 lock file. */
export function parseLock(value: unknown): LockRecord {
  return lockSchema.parse(value)
}
