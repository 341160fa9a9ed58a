import { publicUrl } from '../../util/urls.js'
import type { SourceKind } from '../types.js'
import type { HttpSource } from './source.js'

/** `http(s)` URLs: one file, or an archive unpacked into the destination. */
export const http: SourceKind<HttpSource> = {
  kind: 'http',
  connectionSchemas: { http: (z) => z.strictObject({ url: z.string().min(1), headers: z.record(z.string(), z.string()).optional() }) },
  takes: ['unpack', 'sha256'],
  // Asked after git, which takes the http(s) URLs that name repositories.
  claimsUrl: (url) => /^https?:/i.test(url),
  build({ draft: d, schema, url, common, fail }) {
    const httpUrl = (schema.url as string | undefined) ?? url!
    if (!/^https?:\/\//i.test(httpUrl)) fail(`"${httpUrl}" is not an http(s) URL`, d.url ? ['url'] : ['connection'])
    const headers = { ...((schema.headers as Record<string, string> | undefined) ?? {}), ...(d.headers ?? {}) }
    return {
      ...common,
      kind: 'http',
      url: httpUrl,
      unpack: d.unpack ?? false,
      ...(d.sha256 ? { sha256: d.sha256.toLowerCase() } : {}),
      ...(Object.keys(headers).length ? { headers } : {})
    }
  },
  describe: (s) => `${publicUrl(s.url)}${s.unpack ? ' (unpacked)' : ''} → ${s.relPath}`,
  // The query is a credential of a signed URL: never in outputs or the lock file.
  address: (s) => publicUrl(s.url),
  revision: () => '',
  pin(source, locked) {
    const sha = /^sha256:([0-9a-f]{64})$/.exec(locked.digest)?.[1]
    if (sha) source.sha256 = sha
    return undefined
  },
  fetch: async (source, ctx) => (await import('./fetch.js')).fetchHttp(source, ctx)
}
