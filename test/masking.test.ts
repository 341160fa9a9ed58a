/**
 * Every secret value is masked whatever its JSON type, and the password half of `user:password`
 * on its own (issue 13, item 15): the store's side, value by value.
 */
import { describe, expect, it } from 'vitest'
import { httpAuthorization } from '../src/connections/http.js'
import { Redactor } from '../src/connections/redactor.js'
import { SecretStore } from '../src/connections/store.js'

function storeWith(input: Record<string, unknown>, env: Record<string, string> = {}) {
  const redactor = new Redactor()
  const announced: string[] = []
  redactor.listen((v) => announced.push(v))
  const warnings: string[] = []
  const store = new SecretStore({ input, env, redactor, warn: (m) => warnings.push(m) })
  return { store, redactor, announced, warnings }
}

describe('the `secrets` input, whatever the JSON types', () => {
  it('masks strings at any depth and numbers of four digits or more; not booleans, nulls or short numbers', () => {
    const { announced } = storeWith({
      PIN: 4821,
      BIG: 12345678901,
      SHORT: 12,
      FLAG: true,
      NONE: null,
      NESTED: { inner: { deep: 'nested-deep-value' }, list: ['in-a-list-value', { more: 98765 }] }
    })
    for (const v of ['4821', '12345678901', 'nested-deep-value', 'in-a-list-value', '98765']) expect(announced, v).toContain(v)
    for (const v of ['12', 'true', 'null']) expect(announced, v).not.toContain(v)
  })

  it('a deeply nested value does not overflow the walk', () => {
    let deep: unknown = 'bottom-secret-value'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(storeWith({ DEEP: deep }).announced).toContain('bottom-secret-value')
  })
})

describe('the password half of user:password', () => {
  it('is masked alone, from the input and when an environment secret is looked up', () => {
    expect(storeWith({ WEB: 'alice:pa55word-alone' }).announced).toContain('pa55word-alone')
    const { store, announced } = storeWith({}, { WEB_CRED: 'bob:env-pa55word' })
    store.require('web-cred', 'source "x"')
    expect(announced).toContain('env-pa55word')
  })

  it('httpAuthorization masks the password and the header it builds', () => {
    const { store, redactor } = storeWith({}, { WEB: 'carol:http-pa55word' })
    const header = httpAuthorization('src', store.require('WEB', 'source "src"'))!
    expect(redactor.redact(`${header} http-pa55word`)).toBe('Basic *** ***')
  })
})

describe('redaction', () => {
  /** Reference: mark every character covered by any occurrence, then collapse each covered run to `***`. */
  function reference(text: string, values: string[]): string {
    const covered = new Array<boolean>(text.length).fill(false)
    for (const v of values) for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) covered.fill(true, i, i + v.length)
    return text.replace(/[\s\S]/g, (c, i: number) => (covered[i] ? '\0' : c)).replace(/\0+/g, '***')
  }

  it('masks the union of overlapping, nested and adjacent occurrences, so no part of a value shows', () => {
    for (const fillers of [0, 300]) {
      const r = new Redactor()
      for (const v of ['abcd', 'cdef', 'xxABCDEFyy', 'ABCDEF', 'wxyz', ...Array.from({ length: fillers }, (_, k) => `ZZZZ${k}`)]) r.addOne(v)
      expect(r.redact('1 abcdef 2 abcdwxyz 3 xxABCDEFyy 4 ABCDEF 5 abc')).toBe('1 *** 2 *** 3 *** 4 *** 5 abc')
    }
  })

  it('agrees with the reference on random text', () => {
    let seed = 11
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const word = (len: number) => Array.from({ length: len }, () => 'abé'[rnd(3)]).join('')
    for (let round = 0; round < 300; round++) {
      const values = Array.from({ length: 1 + rnd(5) }, () => word(4 + rnd(4)))
      // Every other round, enough unrelated values to take the indexed path instead of one search each.
      const fillers = round % 2 ? Array.from({ length: 300 }, (_, k) => `ZZZZ${k}`) : []
      const r = new Redactor()
      for (const v of [...values, ...fillers]) r.addOne(v)
      const text = word(rnd(60))
      expect(r.redact(text), JSON.stringify({ text, values })).toBe(reference(text, values))
    }
  })

  it('a value added after a redaction is masked by the next one', () => {
    const r = new Redactor()
    r.addOne('first-value')
    expect(r.redact('first-value second-value')).toBe('*** second-value')
    r.addOne('second-value')
    expect(r.redact('first-value second-value')).toBe('*** ***')
  })
})
