import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { S3TestServer } from '../test/servers/s3.js'
import type { ObjectSets, RepoShape } from './data.js'
import type { BenchGitServer } from './git-server.js'
import type { Dirs } from './sides.js'
import type { FetchSourcesBinary } from './tools.js'
import type { CacheService } from '../test/servers/cache-service.js'
import type { WanLink, WanProfile } from './wan.js'

export interface Options {
  rounds: number
  only?: Set<string>
  quick: boolean
  large: boolean
  build: boolean
  /** With `build`: bundle src/ as it is at this git ref (a "before" column), not the work tree. */
  ref?: string
  dest: string
  /** `--wan`: every server behind the emulated link. */
  wan?: WanProfile
  /** `--fs-args`: more flags for every fetch-sources CLI run. */
  fsArgs?: string[]
}

/** Everything a scenario needs: the bundle, the servers with their data, and directories. */
export interface BenchContext {
  options: Options
  bin: FetchSourcesBinary
  log: (line: string) => void
  /** Root of this run's directories under `--dest`, and its off-filesystem twin for configs. */
  outRoot: string
  confRoot: string
  /** `endpoint` is what every side talks to: the server's own, or its front on the WAN link. */
  s3?: { server: S3TestServer; endpoint: string; bucket: string; sets: ObjectSets }
  /** The Actions cache service (and its blob host proxy), fronted like the other servers. */
  cache?: { service: CacheService; url: string; blobProxy: string | undefined }
  wan?: WanLink
  git?: { server: BenchGitServer; shapes: Record<'small' | 'big' | 'four', RepoShape[]> }
  /** False when the bundle has no git fetcher yet (git sources then fail with "not supported"). */
  gitSupported: boolean
}

export async function dirsFor(ctx: BenchContext, scenario: string): Promise<Dirs> {
  const dirs = { out: path.join(ctx.outRoot, scenario), conf: path.join(ctx.confRoot, scenario) }
  await fs.mkdir(dirs.out, { recursive: true })
  await fs.mkdir(dirs.conf, { recursive: true })
  return dirs
}
