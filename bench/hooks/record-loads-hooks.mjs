import { appendFileSync } from 'node:fs'

export async function load(url, context, nextLoad) {
  if (process.env.FS_BENCH_LOADS) appendFileSync(process.env.FS_BENCH_LOADS, `${url}\n`)
  return nextLoad(url, context)
}
