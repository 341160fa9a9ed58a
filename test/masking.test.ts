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
