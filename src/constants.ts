/** Input names exactly as action.yml declares them. */
export enum Input {
  Spec = 'spec',
  Connections = 'connections',
  Secrets = 'secrets',
  Url = 'url',
  Revision = 'revision',
  Path = 'path',
  Workspace = 'workspace',
  Only = 'only',
  DryRun = 'dry-run',
  PersistCredentials = 'persist-credentials',
  Concurrency = 'concurrency',
  Token = 'token',
  LockFile = 'lock-file',
  Frozen = 'frozen',
  ExposeConnections = 'expose-connections'
}

export enum Output {
  Commit = 'commit',
  Ref = 'ref',
  Path = 'path',
  Sources = 'sources',
  LockFile = 'lock-file',
  Entrypoint = 'entrypoint'
}

/** Saved by the main step, read by the post step. */
export enum State {
  IsPost = 'isPost',
  Cleanup = 'cleanup'
}

/** Prefix of every staging / backup directory we create beside a destination. */
export const STAGING_PREFIX = '.fetch-sources-'
