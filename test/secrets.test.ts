import { describe, expect, it } from 'vitest'
import { SpecError } from '../src/util/errors.js'
import { Redactor, derivedForms } from '../src/connections/redactor.js'
import { normaliseSecretName, parseSecretValue, secretField } from '../src/connections/secret.js'
import { rawOf, secretOf } from './helpers/secrets.js'
import { SecretStore } from '../src/connections/store.js'

function store(input: Record<string, unknown> | undefined, env: Record<string, string> = {}) {
  const redactor = new Redactor()
  const warnings: string[] = []
  const s = new SecretStore({ env, redactor, warn: (m) => warnings.push(m), ...(input ? { input } : {}) })
  return { s, redactor, warnings }
}

describe('secret lookup order', () => {
  it.each([
    [
      'input exact beats everything',
      { 'gitlab-connection': 'from-input-exact', GITLAB_CONNECTION: 'from-input-norm' },
      { 'gitlab-connection': 'env-exact' },
      'from-input-exact',
      'secrets input'
    ],
    ['input normalised next', { GITLAB_CONNECTION: 'from-input-norm' }, { 'gitlab-connection': 'env-exact' }, 'from-input-norm', 'secrets input'],
    ['then env exact', {}, { 'gitlab-connection': 'env-exact', GITLAB_CONNECTION: 'env-norm' }, 'env-exact', 'environment'],
    ['then env normalised', undefined, { GITLAB_CONNECTION: 'env-normalised' }, 'env-normalised', 'environment']
  ])('%s', (_, input, env, value, where) => {
    const found = store(input, env).s.find('gitlab-connection')
    expect(rawOf(found)).toBe(value)
    expect(found?.foundIn).toBe(where)
  })

  it('a missing secret names the connection and every name tried, never a value', () => {
    const { s } = store({ OTHER: 'value-of-other-secret' }, { UNRELATED: 'x' })
    let error: unknown
    try {
      s.require('gitlab-connection', 'connection "repo-test"')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SpecError)
    const msg = (error as Error).message
    expect(msg).toContain('secret "gitlab-connection" for connection "repo-test" not found')
    expect(msg).toContain('"gitlab-connection", "GITLAB_CONNECTION"')
    expect(msg).not.toContain('value-of-other-secret')
  })

  it('normalises names as GitHub secret names look', () => {
    expect(normaliseSecretName('gitlab-connection')).toBe('GITLAB_CONNECTION')
    expect(normaliseSecretName('my.secret/v2')).toBe('MY_SECRET_V2')
  })
})

describe('secret value formats', () => {
  it.each([
    ['JSON object', '{"AWS_ACCESS_KEY_ID":"AKIA1","n":3}', { AWS_ACCESS_KEY_ID: 'AKIA1', n: '3' }],
    [
      'KEY=VALUE lines',
      'AWS_ACCESS_KEY_ID=AKIA1\n# comment\nAWS_SECRET_ACCESS_KEY="se=cret"\n',
      { AWS_ACCESS_KEY_ID: 'AKIA1', AWS_SECRET_ACCESS_KEY: 'se=cret' }
    ],
    ['a token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', undefined],
    ['user:password', 'alice:p@ss=word', undefined],
    ['base64 token with padding', 'dG9rZW4tdmFsdWU=', undefined],
    ['an SSH key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----\n', undefined],
    ['JSON that is not an object', '["a"]', undefined]
  ])('%s', (_, raw, fields) => {
    expect(parseSecretValue(raw)).toEqual(fields)
  })

  it('reads a field by exact or normalised key', () => {
    const secret = secretOf(JSON.stringify({ POLYAXON_GIT_CREDENTIALS: 'tok' }), 's')
    expect(secretField(secret, 'polyaxon-git-credentials')).toBe('tok')
    expect(secretField(secret, 'MISSING', 'POLYAXON_GIT_CREDENTIALS')).toBe('tok')
    expect(secretField(undefined, 'X')).toBeUndefined()
  })
})

describe('masking', () => {
  it('masks every value and key field of a secret the moment it is read, with derived forms', () => {
    const { s, redactor } = store({ aws: '{"AWS_ACCESS_KEY_ID":"AKIAEXAMPLEKEY","AWS_SECRET_ACCESS_KEY":"wJalr/XUtnFEMI+K7MDENG"}' })
    s.find('aws')
    const secret = 'wJalr/XUtnFEMI+K7MDENG'
    const line = `k=${secret} b64=${Buffer.from(secret).toString('base64')} url=${encodeURIComponent(secret)} id=AKIAEXAMPLEKEY`
    expect(redactor.redact(line)).toBe('k=*** b64=*** url=*** id=***')
  })

  it('masks multi-line values line by line (SSH keys), as the runner does', () => {
    const redactor = new Redactor()
    redactor.add('-----BEGIN KEY-----\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ\n-----END KEY-----')
    expect(redactor.redact('leaked AAAAB3NzaC1yc2EAAAADAQABAAABAQ here')).toBe('leaked *** here')
  })

  it('warns about values too short to mask instead of garbling logs', () => {
    const { s, warnings, redactor } = store({ tiny: 'KEY=ab\nOTHER=long-enough-value' })
    s.find('tiny')
    expect(warnings).toEqual(['key "KEY" of secret "tiny" is only 2 characters long: too short to mask in logs safely. Use a longer value.'])
    expect(redactor.redact('ab long-enough-value')).toBe('ab ***')
  })

  it('tells listeners (the runner) about each form once', () => {
    const redactor = new Redactor()
    const seen: string[] = []
    redactor.listen((v) => seen.push(v))
    redactor.add('token-1234')
    redactor.add('token-1234')
    expect(seen).toEqual(derivedForms('token-1234'))
  })
})
