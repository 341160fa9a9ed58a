import { publicUrl } from '../../util/urls.js'
import type { SourceKind } from '../types.js'
import { buildGit, type GitSource } from './source.js'
import { isGitUrl } from './url.js'

const FULL_COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/** `git`, `github` and `gitlab` connections, and git URLs: a repository checked out at one commit. */
export const git: SourceKind<GitSource> = {
  kind: 'git',
  connectionSchemas: {
    git: (z, { knownHosts }) =>
      z.strictObject({
        url: z.string().min(1, 'must not be empty'),
        revision: z.string().optional(),
        flags: z.array(z.string()).optional(),
        knownHosts: knownHosts.optional()
      }),
    github: (z, { knownHosts }) =>
      z.strictObject({
        owner: z.string().min(1),
        repository: z.string().min(1),
        host: z.string().optional(),
        apiUrl: z.string().optional(),
        url: z.string().optional(),
        knownHosts: knownHosts.optional()
      }),
    gitlab: (z, { knownHosts }) =>
      z.strictObject({
        group: z.string().min(1),
        project: z.string().min(1),
        host: z.string().optional(),
        instanceUrl: z.string().optional(),
        url: z.string().optional(),
        knownHosts: knownHosts.optional()
      })
  },
  takes: ['git', 'subdirectory'],
  claimsUrl: isGitUrl,
  build: buildGit,
  describe: (s) => `git ${publicUrl(s.url)}${s.revision ? ` @ ${s.revision}` : ''}${s.depth ? ` (depth ${s.depth})` : ' (full history)'} → ${s.relPath}`,
  address: (s) => s.url,
  revision: (s) => s.revision ?? '',
  pin(source, locked) {
    if (!FULL_COMMIT.test(locked.commit)) return 'the lock has no commit to replay'
    source.revision = locked.commit
    return undefined
  },
  fetch: async (source, ctx) => (await import('./fetch.js')).fetchGit(source, ctx)
}
