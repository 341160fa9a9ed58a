import type { S3Location } from './client.js'
import { readWhole } from '../shared/stream.js'
import type { LeanGetter, S3Endpoint } from './get.js'

/**
 * ListObjectsV2 without the AWS SDK, for the stores whose every rule is in the connection: a
 * custom endpoint (MinIO, Ceph, R2, an emulator), path style, and keys from the secret. Then the
 * SDK has nothing to decide — no endpoint rules, region redirects or credential chain — and
 * loading it (~1.8 MB of code, ~35 MB of memory, ~100 ms) bought only a signed GET and an XML
 * parser. AWS itself, virtual-host style and the default credential chain keep the SDK.
 * FETCH_SOURCES_S3_SDK_GET=1 sends everything through the SDK, as before.
 */
export function directEndpoint(location: S3Location, env: Record<string, string | undefined>): S3Endpoint | undefined {
  if (!location.endpoint || !location.forcePathStyle || !location.credentials || env.FETCH_SOURCES_S3_SDK_GET === '1') return undefined
  let url: URL
  try {
    url = new URL(location.endpoint)
  } catch {
    return undefined
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.username || url.password) return undefined
  const base = url.pathname.replace(/\/+$/, '')
  return {
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    ...(url.port ? { port: Number(url.port) } : {}),
    host: url.host,
    basePath: `${base}/${location.bucket}`,
    region: location.region
  }
}

export interface ListedObject {
  key: string
  size: number
  etag: string
}

/** The five entities XML predefines and character references: what S3 escapes in a listing. */
function unescapeXml(text: string): string {
  return text.replace(
    /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g,
    (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (name) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp']
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16)
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
  )
}

const tag = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)
  return m ? unescapeXml(m[1]!) : undefined
}

/** One page of a ListBucketResult: what the SDK's parser gives of it, and nothing else. */
export function parseListing(xml: string): { objects: ListedObject[]; truncated: boolean; next?: string } {
  const objects: ListedObject[] = []
  for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
    const key = tag(m[1]!, 'Key')
    if (key === undefined) continue
    objects.push({ key, size: Number(tag(m[1]!, 'Size') ?? 0), etag: tag(m[1]!, 'ETag') ?? '' })
  }
  // The page's own fields, wherever they are: outside every Contents (a key cannot fake one).
  const rest = xml.replace(/<Contents>[\s\S]*?<\/Contents>/g, '')
  const next = tag(rest, 'NextContinuationToken')
  return { objects, truncated: tag(rest, 'IsTruncated') === 'true', ...(next ? { next } : {}) }
}

/**
 * One ListObjectsV2 page through the lean getter's signed GET. Bounded as the SDK bounds it: the
 * getter waits `idleMs` for the answer's headers, then no byte of the body for `idleMs` fails the
 * page (retried).
 */
export async function listDirect(
  getter: LeanGetter,
  o: { prefix: string; token: string | undefined; requesterPays: boolean; signal: AbortSignal; idleMs: number }
): Promise<{ objects: ListedObject[]; truncated: boolean; next?: string }> {
  const query: Record<string, string> = { 'list-type': '2' }
  if (o.prefix) query.prefix = o.prefix
  if (o.token) query['continuation-token'] = o.token
  const res = await getter.getBucket(query, { signal: o.signal, requesterPays: o.requesterPays })
  return parseListing((await readWhole(res.body, o.idleMs)).toString('utf8'))
}
