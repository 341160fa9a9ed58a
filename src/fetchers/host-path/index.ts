import * as path from 'node:path'
import { selectionOf } from '../../runspec/sources.js'
import { fileUrlOf } from '../../util/urls.js'
import type { SourceKind } from '../types.js'
import type { HostPathSource } from './source.js'

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** `host_path`: a directory (or one file) on the runner, copied with the same selectors as buckets. */
export const hostPath: SourceKind<HostPathSource> = {
  kind: 'host_path',
  connectionSchemas: {
    host_path: (z) => z.strictObject({ hostPath: z.string().min(1), mountPath: z.string().optional(), readOnly: z.boolean().optional() })
  },
  takes: ['artifacts', 'paths', 'sync'],
  // A Windows path (`C:\data`, `.\data`) would otherwise read as a URL scheme or as nothing.
  claimsUrl: (url) =>
    /^[A-Za-z]:[\\/]/.test(url) || /^\.{1,2}\\/.test(url) || (!SCHEME.test(url) && (url.startsWith('/') || url.startsWith('./') || url.startsWith('../'))),
  build({ draft: d, schema, url, common, workspace }) {
    const raw = (schema.hostPath as string | undefined) ?? url!
    // `file:///C:/data` names a Windows drive path: drop the slash before the drive letter.
    const hostPath = path.resolve(workspace, raw.replace(/^file:\/\//, '').replace(/^\/([A-Za-z]:[\\/])/, '$1'))
    return { ...common, kind: 'host_path', hostPath, selection: selectionOf(d), sync: d.sync ?? false }
  },
  describe: (s) => `copy ${s.hostPath} → ${s.relPath}`,
  address: (s) => fileUrlOf(s.hostPath),
  revision: () => '',
  pin: (_source, locked) => (locked.objects ? undefined : 'the lock has no object list to replay (written by an older version?)'),
  fetch: async (source, ctx) => (await import('./fetch.js')).fetchHostPath(source, ctx)
}
