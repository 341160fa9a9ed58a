import { generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gcsAuth } from '../src/connections/gcp.js'
import { parseGsUri } from '../src/fetchers/gcs/client.js'
import { secretOf } from './helpers/secrets.js'
import { tempDir } from './helpers/harness.js'

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
const key = {
  type: 'service_account',
  project_id: 'ml-project',
  private_key_id: 'abc',
  private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  client_email: 'fetcher@ml-project.iam.gserviceaccount.com'
}

/** A secret as the store builds it: fields when the value has keys. */
const secret = (raw: string) => secretOf(raw, 'gcp')

let dir: string
beforeAll(async () => {
  dir = await tempDir('fs-gcs-auth-')
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

describe('gcs credentials from a secret', () => {
  it('reads every documented format', async () => {
    const raw = await gcsAuth('s', secret(JSON.stringify(key)), false)
    expect(raw).toMatchObject({ type: 'key', credentials: { client_email: key.client_email, project_id: 'ml-project' } })
    const dict = await gcsAuth('s', secret(JSON.stringify({ GC_KEYFILE_DICT: JSON.stringify(key) })), false)
    expect(dict).toMatchObject({ type: 'key', credentials: { private_key: key.private_key } })
    const file = path.join(dir, 'key.json')
    await fs.writeFile(file, JSON.stringify(key))
    expect(await gcsAuth('s', secret(`GC_KEY_PATH=${file}`), false)).toMatchObject({ type: 'key', credentials: { client_email: key.client_email } })
    expect(await gcsAuth('s', secret(JSON.stringify({ GOOGLE_OAUTH_ACCESS_TOKEN: 'ya29.abc' })), false)).toEqual({
      type: 'token',
      token: 'ya29.abc',
      from: 'secret "gcp"'
    })
    expect(await gcsAuth('s', secret('ya29.a-bare-token'), false)).toMatchObject({ type: 'token', token: 'ya29.a-bare-token' })
    const federation = {
      type: 'external_account',
      audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/gh',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt'
    }
    expect(await gcsAuth('s', secret(JSON.stringify(federation)), false)).toMatchObject({ type: 'key', credentials: { type: 'external_account' } })
  })

  it('no secret: Application Default Credentials, or no auth against an emulator endpoint', async () => {
    expect(await gcsAuth('s', undefined, false)).toEqual({ type: 'default' })
    expect(await gcsAuth('s', undefined, true)).toEqual({ type: 'none' })
  })

  it('refuses what it cannot use, naming the keys to set and never quoting the value', async () => {
    await expect(gcsAuth('s', secret('just-a-password'), false)).rejects.toThrow(/s: secret "gcp" is not usable for gcs: .*GC_KEYFILE_DICT.*GC_KEY_PATH/)
    await expect(gcsAuth('s', secret(JSON.stringify({ GC_KEYFILE_DICT: '{not json secret-ish' })), false)).rejects.toThrow(/GC_KEYFILE_DICT is not valid JSON/)
    await expect(gcsAuth('s', secret(JSON.stringify({ GC_KEYFILE_DICT: '{not json secret-ish' })), false)).rejects.not.toThrow(/secret-ish/)
    await expect(gcsAuth('s', secret(`GC_KEY_PATH=${path.join(dir, 'missing.json')}`), false)).rejects.toThrow(/cannot read the key file/)
    const noEmail = { type: 'service_account', private_key: 'x' }
    await expect(gcsAuth('s', secret(JSON.stringify({ GC_KEYFILE_DICT: JSON.stringify(noEmail) })), false)).rejects.toThrow(/without client_email/)
  })
})

describe('gs:// URIs', () => {
  it.each([
    ['gs://ml-data', { bucket: 'ml-data', prefix: '' }],
    ['gs://ml-data/', { bucket: 'ml-data', prefix: '' }],
    ['gs://ml-data/2026/', { bucket: 'ml-data', prefix: '2026/' }],
    ['gs://ml.data_1/a/b.bin', { bucket: 'ml.data_1', prefix: 'a/b.bin' }]
  ])('%s', (uri, expected) => {
    expect(parseGsUri({ name: 's', uri })).toEqual(expected)
  })

  it('refuses a bucket name GCS would refuse', () => {
    expect(() => parseGsUri({ name: 's', uri: 'gs://ML_Data/x' })).toThrow(/is not a gs:\/\/ URI/)
    expect(() => parseGsUri({ name: 's', uri: 'gs:///x' })).toThrow(/is not a gs:\/\/ URI/)
  })
})

describe('warnings', () => {
  it('Node 24 does not print DEP0169 for the SDK’s url.parse of a proxy; other warnings pass', async () => {
    const { spawnSync } = await import('node:child_process')
    const { NODE24 } = await import('../scripts/requirements.js')
    const client = path.resolve(import.meta.dirname, '../src/fetchers/gcs/client.ts')
    const script = `import { quietUrlParseWarning } from ${JSON.stringify(client)}
quietUrlParseWarning()
const url = await import('node:url')
url.parse('http://proxy.internal:3128')
process.emitWarning('still shown', 'Warning', 'OTHER1')`
    const res = spawnSync(NODE24, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '..') })
    expect(res.status, res.stderr).toBe(0)
    expect(res.stderr).not.toContain('DEP0169')
    expect(res.stderr).toContain('still shown')
  })
})
