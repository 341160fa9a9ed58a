/**
 * The child runCacheClient() starts: runs the real `@actions/cache` client on the operations in
 * argv[2] and prints one RESULT_MARK line per operation after the client's own output.
 */
import { restoreCache, saveCache } from '@actions/cache'
import { RESULT_MARK, type CacheOp, type CacheOpResult } from './cache-client.js'

async function run(op: CacheOp): Promise<CacheOpResult> {
  const started = Date.now()
  try {
    const value =
      op.op === 'save'
        ? await saveCache(op.paths, op.key)
        : ((await restoreCache(op.paths, op.key, op.restoreKeys, op.lookupOnly ? { lookupOnly: true } : undefined)) ?? null)
    return { op: op.op, key: op.key, value, ms: Date.now() - started }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error))
    return { op: op.op, key: op.key, threw: { name: e.name, message: e.message }, ms: Date.now() - started }
  }
}

const { ops, parallel } = JSON.parse(process.argv[2] ?? '{}') as { ops: CacheOp[]; parallel: boolean }
const results = parallel ? await Promise.all(ops.map(run)) : []
if (!parallel) for (const op of ops) results.push(await run(op))
for (const result of results) process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`)
