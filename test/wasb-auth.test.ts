import { describe, expect, it } from 'vitest'
import { azureTarget, parseConnectionString } from '../src/connections/azure.js'
import { parseWasbUri } from '../src/fetchers/wasb/client.js'
import { secretOf } from './helpers/secrets.js'

const KEY = 'a'.repeat(86) + '=='

const secret = (raw: string) => secretOf(raw, 'az')

function target(uri: string, raw?: string, endpoint?: string) {
  const source = { name: 's', uri, options: endpoint ? { endpoint } : {}, ...(raw !== undefined ? { secret: secret(raw) } : {}) }
  return azureTarget(source, parseWasbUri(source))
}

describe('wasb URIs', () => {
  it.each([
    ['wasbs://data@acct.blob.core.windows.net/2026/', { container: 'data', account: 'acct', prefix: '2026/' }],
    ['wasb://data@acct.blob.core.windows.net', { container: 'data', account: 'acct', prefix: '' }],
    ['az://data/models/m.bin', { container: 'data', prefix: 'models/m.bin' }]
  ])('%s', (uri, expected) => {
    expect(parseWasbUri({ name: 's', uri })).toEqual(expected)
  })

  it('refuses anything else', () => {
    expect(() => parseWasbUri({ name: 's', uri: 'wasbs://acct.blob.core.windows.net/x' })).toThrow(/is not a wasb URI/)
  })
})

describe('wasb credentials and endpoint', () => {
  it('account name and key fields', () => {
    expect(target('az://data/x', JSON.stringify({ AZURE_ACCOUNT_NAME: 'acct', AZURE_ACCOUNT_KEY: KEY }))).toEqual({
      endpoint: 'https://acct.blob.core.windows.net',
      auth: { type: 'key', account: 'acct', key: KEY, from: 'secret "az"' }
    })
  })

  it('a connection string, as a field or the whole value; its BlobEndpoint is the endpoint unless the schema sets one', () => {
    const conn = `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${KEY};EndpointSuffix=core.chinacloudapi.cn`
    expect(target('az://data/x', conn).endpoint).toBe('https://acct.blob.core.chinacloudapi.cn')
    expect(target('az://data/x', JSON.stringify({ AZURE_CONNECTION_STRING: conn })).auth).toMatchObject({ type: 'key', account: 'acct' })
    const local = 'AccountName=dev;AccountKey=' + KEY + ';BlobEndpoint=http://127.0.0.1:10000/dev;'
    expect(target('az://data/x', local).endpoint).toBe('http://127.0.0.1:10000/dev')
    expect(target('az://data/x', local, 'http://10.0.0.1:9/dev').endpoint).toBe('http://10.0.0.1:9/dev')
    expect(target('az://data/x', 'UseDevelopmentStorage=true')).toMatchObject({
      endpoint: 'http://127.0.0.1:10000/devstoreaccount1',
      auth: { type: 'key', account: 'devstoreaccount1' }
    })
    const sasConn = 'BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=abc'
    expect(target('az://data/x', sasConn)).toEqual({
      endpoint: 'https://acct.blob.core.windows.net',
      auth: { type: 'sas', sas: 'sv=2022-11-02&sig=abc', from: 'secret "az"' }
    })
  })

  it('a SAS token, as a field or the whole value with or without "?"', () => {
    const uri = 'wasbs://data@acct.blob.core.windows.net/x'
    expect(target(uri, '?sv=2022-11-02&ss=b&sig=abc%3D').auth).toMatchObject({ type: 'sas', sas: 'sv=2022-11-02&ss=b&sig=abc%3D' })
    expect(target(uri, 'sv=2022-11-02&sig=abc').auth).toMatchObject({ type: 'sas', sas: 'sv=2022-11-02&sig=abc' })
    expect(target(uri, JSON.stringify({ AZURE_SAS_TOKEN: '?sv=1&sig=x' })).auth).toMatchObject({ type: 'sas', sas: 'sv=1&sig=x' })
  })

  it('a bare account key needs the account from the URI', () => {
    expect(target('wasbs://data@acct.blob.core.windows.net/x', KEY).auth).toMatchObject({ type: 'key', account: 'acct', key: KEY })
    expect(() => target('az://data/x', KEY)).toThrow(/holds an account key but no account name/)
  })

  it('no secret: the default chain for Azure, anonymous for an emulator endpoint', () => {
    expect(target('wasbs://data@acct.blob.core.windows.net/x').auth).toEqual({ type: 'default' })
    expect(target('az://data/x', undefined, 'http://127.0.0.1:10000/dev').auth).toEqual({ type: 'anonymous' })
    expect(() => target('az://data/x')).toThrow(/no storage account for az:\/\/data\/x/)
  })

  it('an unusable secret names the keys to set', () => {
    expect(() => target('az://data/x', JSON.stringify({ TOKEN: 'zzz' }))).toThrow(
      /not usable for wasb: give AZURE_CONNECTION_STRING, or AZURE_ACCOUNT_NAME and AZURE_ACCOUNT_KEY, or AZURE_SAS_TOKEN/
    )
    expect(parseConnectionString('not a connection string')).toBeUndefined()
  })
})
