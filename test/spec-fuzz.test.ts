import fc from 'fast-check'
import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { SpecError } from '../src/util/errors.js'
import { planOf } from './helpers/plan.js'

/**
 * Property-based hardening of the spec reader: random YAML and random mutations of valid specs may
 * only produce a plan or SpecErrors with a location — never a crash, a hang or another exception.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
const RUNS = Number(process.env.FUZZ_RUNS ?? 300)

const VALID = {
  version: 1,
  connections: [
    { name: 'repo-test', kind: 'git', schema: { url: 'https://gitlab.com/org/test' } },
    { name: 'datasets', kind: 's3', schema: { bucket: 's3://ml-data/', region: 'us-east-1' } }
  ],
  sources: [
    { connection: 'repo-test', git: { revision: 'main', depth: 1, flags: ['--depth 1'] }, path: 'code', primary: true },
    { name: 'train', connection: 'datasets', artifacts: { files: ['labels.csv'], dirs: ['images/'] }, paths: ['a', ['b', 'c']], path: 'data', sync: false },
    { name: 'weights', url: 'https://example.org/w.tar.gz', unpack: true }
  ]
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

const KEYS = [
  'version',
  'sources',
  'connections',
  'name',
  'kind',
  'schema',
  'url',
  'git',
  'revision',
  'path',
  'secret',
  'artifacts',
  'paths',
  'files',
  'dirs',
  'depth',
  'flags',
  'run',
  'init',
  'runtime',
  'spec',
  'repositories',
  'code_repository',
  'dialect',
  'params',
  'primary',
  'bucket',
  'hostPath'
]
const leaf: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 100 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    's3://b/x',
    'git@h:o/r.git',
    '../..',
    'ext::sh',
    '-x',
    'secret:X',
    '{{ a.b }}',
    'oci://b@ns/p',
    '',
    '~',
    '\u0000',
    'git',
    's3',
    'host_path',
    'volume_claim'
  )
)
const json: fc.Arbitrary<Json> = fc.letrec<{ node: Json }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('node'), { maxKeys: 5 })
  )
})).node

/** Replaces one random subtree of `base` with `value`. */
function mutate(base: Json, pathChoice: number[], value: Json): Json {
  if (pathChoice.length === 0 || base === null || typeof base !== 'object') return value
  const [head, ...rest] = pathChoice
  if (Array.isArray(base)) {
    if (base.length === 0) return value
    const i = head! % base.length
    const copy = [...base]
    copy[i] = mutate(copy[i]!, rest, value)
    return copy
  }
  const keys = Object.keys(base)
  if (keys.length === 0) return value
  const k = keys[head! % keys.length]!
  return { ...base, [k]: mutate(base[k]!, rest, value) }
}

async function outcomeIsAllowed(text: string): Promise<void> {
  const { plan, errors, other } = await planOf(text.includes('\n') ? text : `${text}\n# two lines so it is inline\n`)
  if (other !== undefined) throw new Error(`unexpected exception for spec:\n${text}\n${String((other as Error)?.stack ?? other)}`)
  if (!plan) {
    expect(errors.length).toBeGreaterThan(0)
    for (const e of errors) {
      expect(e).toBeInstanceOf(SpecError)
      expect(e.message.length).toBeGreaterThan(0)
    }
  }
}

describe(`spec reader properties (seed ${SEED}, ${RUNS} runs each; FUZZ_SEED/FUZZ_RUNS to change)`, () => {
  it('the valid base spec plans', async () => {
    const { plan, errors } = await planOf(stringify(VALID))
    expect(errors).toEqual([])
    expect(plan!.sources).toHaveLength(3)
  })

  it('random YAML documents: a plan or located SpecErrors, nothing else', async () => {
    console.log(`spec fuzz: seed=${SEED} runs=${RUNS}`)
    await fc.assert(
      fc.asyncProperty(json, async (doc) => outcomeIsAllowed(stringify(doc))),
      { seed: SEED, numRuns: RUNS }
    )
  })

  it('random mutations of a valid spec: a plan or located SpecErrors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 5 }), json, async (where, value) =>
        outcomeIsAllowed(stringify(mutate(VALID as unknown as Json, where, value)))
      ),
      { seed: SEED, numRuns: RUNS }
    )
  })

  it('random text, including broken YAML: never an uncaught exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', '"', "'", '&', '*', '!', '|', '>', '#', '1', 'version', 'sources'),
          maxLength: 80
        }),
        async (text) => outcomeIsAllowed(text)
      ),
      { seed: SEED, numRuns: RUNS }
    )
  })

  it('every error of a mutated spec points at a line of the document', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), leaf, async (where, value) => {
        const text = stringify(mutate(VALID as unknown as Json, where, value))
        const { errors, other } = await planOf(text)
        expect(other).toBeUndefined()
        for (const e of errors) {
          // Input-level errors (no document) are not produced from a spec body.
          expect(e.location?.line, e.describe()).toBeGreaterThanOrEqual(1)
          expect(e.location!.line!).toBeLessThanOrEqual(text.split('\n').length)
        }
      }),
      { seed: SEED, numRuns: RUNS }
    )
  })
})
