import { describe, expect, it } from 'vitest'
import { KINDS, kindOfUrl, kinds } from '../src/fetchers/registry.js'
import type { SourceKind } from '../src/fetchers/types.js'
import type { SourceBase } from '../src/runspec/model.js'

/**
 * The registry is the one list of kinds: names and catalog kinds are unique, every URL form maps to
 * exactly the kind it did before the registry, and a kind that leaves out a part does not compile
 * (`npm run typecheck` covers this file: the @ts-expect-error below fails it if the type allows it).
 */
describe('the registry of kinds', () => {
  it('names each kind and each catalog kind once', () => {
    const names = KINDS.map((k) => k.kind)
    expect(new Set(names).size).toBe(names.length)
    const catalog = KINDS.flatMap((k) => Object.keys(k.connectionSchemas))
    expect(new Set(catalog).size).toBe(catalog.length)
    expect(kinds.connectionKinds).toEqual(expect.arrayContaining(['git', 'github', 'gitlab', 's3', 'gcs', 'wasb', 'oci', 'http', 'host_path', 'volume_claim']))
  })

  it.each([
    ['git@github.com:o/r.git', 'git'],
    ['ssh://git@h:22/o/r', 'git'],
    ['https://github.com/o/r', 'git'],
    ['https://h/o/r.git', 'git'],
    ['https://h/files/w.tar.gz', 'http'],
    ['https://h/model.bin', 'http'],
    ['s3://b/p', 's3'],
    ['gs://b/p', 'gcs'],
    ['wasbs://c@a.blob.core.windows.net/p', 'wasb'],
    ['az://c/p', 'wasb'],
    ['oci://b@ns/p', 'oci'],
    ['./data', 'host_path'],
    ['C:\\data', 'host_path'],
    ['ftp://h/f', undefined]
  ])('%s is a %s source', (url, kind) => {
    expect(kindOfUrl(url)).toBe(kind)
  })

  it('a kind missing a part is a type error, not a runtime undefined', () => {
    // @ts-expect-error `pin` (frozen replay) is missing: the compiler refuses the kind.
    const incomplete: SourceKind<SourceBase> = {
      kind: 'hf',
      connectionSchemas: { hf: (zod) => zod.strictObject({ repo: zod.string() }) },
      takes: [],
      claimsUrl: (url: string) => url.startsWith('hf://'),
      build: ({ common }) => ({ ...common, kind: 'hf' }),
      describe: (s: SourceBase) => s.name,
      address: (s: SourceBase) => s.name,
      revision: () => '',
      fetch: async () => ({ url: '', files: 0, bytes: 0 })
    }
    expect(incomplete.kind).toBe('hf')
  })
})
