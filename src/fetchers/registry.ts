import type { Source } from '../spec/model.js'
import { gcsFetcher } from './gcs/fetch.js'
import { gitFetcher } from './git/fetch.js'
import { hostPathFetcher } from './host-path/fetch.js'
import { httpFetcher } from './http/fetch.js'
import { ociFetcher } from './oci/index.js'
import { s3Fetcher } from './s3/fetch.js'
import type { Fetcher } from './types.js'
import { wasbFetcher } from './wasb/fetch.js'

/**
 * The fetcher for a source's kind. Fetcher modules are cheap to load; each one imports its SDK
 * lazily inside `fetch`, so a git-only run never parses a cloud SDK.
 */
export function fetcherFor(source: Source): Fetcher {
  const kind = source.kind
  switch (kind) {
    case 'host_path':
      return hostPathFetcher as Fetcher
    case 's3':
      return s3Fetcher as Fetcher
    case 'oci':
      return ociFetcher as Fetcher
    case 'http':
      return httpFetcher as Fetcher
    case 'gcs':
      return gcsFetcher as Fetcher
    case 'wasb':
      return wasbFetcher as Fetcher
    case 'git':
      return gitFetcher as Fetcher
    default: {
      const never: never = kind
      throw new Error(`no fetcher for kind ${String(never)}`)
    }
  }
}
