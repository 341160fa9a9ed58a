export enum Output {
  Commit = 'commit',
  Ref = 'ref',
  Path = 'path',
  Sources = 'sources',
  LockFile = 'lock-file',
  Entrypoint = 'entrypoint',
  SecretsDir = 'secrets-dir',
  Cache = 'cache'
}

/** Saved by the main step, read by the post step. */
export enum State {
  IsPost = 'isPost',
  Cleanup = 'cleanup'
}

/** Prefix of every staging / backup directory we create beside a destination. */
export const STAGING_PREFIX = '.fetch-sources-'
