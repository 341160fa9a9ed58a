import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { AccountSASPermissions, BlobServiceClient, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSpec, tempDir } from './helpers/harness.js'
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzurite, type Azurite } from './servers/azurite.js'

const env = { FETCH_SOURCES_LIST_PAGE_SIZE: '150', FETCH_SOURCES_RETRY_BASE_MS: '5', FETCH_SOURCES_ATTEMPTS: '3', FETCH_SOURCES_PART_SIZE_MB: '1' }
// 1,500 blobs took 13 s against azurite on a 2-core runner; 400 over 3 pages shows the same paging.
const MANY = 400

let az: Azurite
let root: string
let container: ContainerClient
let sas: string

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')
const big = randomBytes(16 * 1024 * 1024)
const tree: Record<string, Buffer | string> = {
  'models/v1/weights.bin': randomBytes(3000),
  'models/v1/config.json': '{"layers": 3}',
  'models/v2/extra/a.txt': 'a',
  'models/readme.md': '# models',
  'models/labels.csv': 'a,b\n1,2\n',
  'models2/other.txt': 'not under models/',
  'single/model.tar.gz': randomBytes(500),
  'big/blob.bin': big,
  'corrupt/bad-md5.bin': randomBytes(1000)
}

const URI = (prefix: string): string => `wasbs://ml-data@${AZURITE_ACCOUNT}.blob.core.windows.net/${prefix}`

function spec(uri: string, source = ''): string {
  return `version: 1
connections:
  - name: store
    kind: wasb
    schema: {bucket: "${uri}", endpoint: "${az.endpoint}"}
    secret: {name: azure-data}
sources:
  - connection: store
    path: data
${source}`
}

const keySecret = (key = AZURITE_KEY): Record<string, string> => ({
  'azure-data': JSON.stringify({ AZURE_ACCOUNT_NAME: AZURITE_ACCOUNT, AZURE_ACCOUNT_KEY: key })
})
/** Empty when the run succeeded; else the failure and the log lines (where per-source errors are). */
const errorText = (c: { error?: unknown; logs: string[] }): string =>
  c.error === undefined ? '' : [...c.logs, c.error instanceof Error ? c.error.message : String(c.error)].join('\n')
const downloads = (from: number) => az.requests.slice(from).filter((r) => r.method === 'GET' && !r.url.includes('comp=list'))
const listCalls = (from: number) => az.requests.slice(from).filter((r) => r.url.includes('comp=list'))

async function workspace(): Promise<string> {
  const dir = path.join(root, `ws-${randomBytes(4).toString('hex')}`)
  await fs.mkdir(dir)
  return dir
}

beforeAll(async () => {
  root = await tempDir('fs-wasb-')
  az = await startAzurite()
  const service = new BlobServiceClient(az.endpoint, new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY))
  container = service.getContainerClient('ml-data')
  await container.create()
  const uploads = [...Object.entries(tree), ...Array.from({ length: MANY }, (_, i) => [`many/${String(i).padStart(3, '0')}.txt`, `blob ${i}`] as const)]
  for (let i = 0; i < uploads.length; i += 50) {
    await Promise.all(uploads.slice(i, i + 50).map(([k, v]) => container.getBlockBlobClient(k).uploadData(Buffer.from(v))))
  }
  // A stored Content-MD5 that does not match the bytes: what corruption in transit looks like.
  await container.getBlobClient('corrupt/bad-md5.bin').setHTTPHeaders({ blobContentMD5: createHash('md5').update('other bytes').digest() })
  sas = new URL(service.generateAccountSasUrl(new Date(Date.now() + 3600_000), AccountSASPermissions.parse('rl'), 'sco')).search.slice(1)
}, 120_000)

afterAll(async () => {
  await az?.stop()
  if (root) await fs.rm(root, { recursive: true, force: true })
})

describe('wasb prefix', () => {
  it(`lists ${MANY} blobs over several pages, lands them, and a re-run downloads nothing`, async () => {
    const ws = await workspace()
    const from = az.requests.length
    const first = await runSpec({ workspace: ws, spec: spec(URI('many')), secrets: keySecret(), env })
    expect(errorText(first)).toBe('')
    const files = await fs.readdir(path.join(ws, 'data'))
    expect(files).toHaveLength(MANY)
    expect(await fs.readFile(path.join(ws, 'data/321.txt'), 'utf8')).toBe('blob 321')
    expect(listCalls(from)).toHaveLength(3)
    expect(listCalls(from)[0]!.url).toContain('maxresults=150')
    expect(
      listCalls(from)
        .slice(1)
        .every((r) => r.url.includes('marker='))
    ).toBe(true)
    const digest = JSON.parse(first.outputs.sources!).store.digest as string

    const again = az.requests.length
    const second = await runSpec({ workspace: ws, spec: spec(URI('many')), secrets: keySecret(), env })
    expect(errorText(second)).toBe('')
    expect(downloads(again)).toEqual([])
    expect(JSON.parse(second.outputs.sources!).store.digest).toBe(digest)
  }, 60_000)

  it('a directory prefix does not take a sibling, and az:// with a connection string works', async () => {
    const ws = await workspace()
    const secrets = { 'azure-data': az.connectionString }
    const c = await runSpec({ workspace: ws, spec: spec('az://ml-data/models'), secrets, env })
    expect(errorText(c)).toBe('')
    const data = path.join(ws, 'data')
    expect((await fs.readdir(data)).sort()).toEqual(['labels.csv', 'readme.md', 'v1', 'v2'])
    expect(await fs.readFile(path.join(data, 'v1/weights.bin'))).toEqual(tree['models/v1/weights.bin'])
    expect(await c.everything()).not.toContain(AZURITE_KEY)
  })

  it('lands a single blob as its basename, with a SAS token as the whole secret', async () => {
    const ws = await workspace()
    const c = await runSpec({ workspace: ws, spec: spec(URI('single/model.tar.gz')), secrets: { 'azure-data': `?${sas}` }, env })
    expect(errorText(c)).toBe('')
    expect(sha(await fs.readFile(path.join(ws, 'data/model.tar.gz')))).toBe(sha(tree['single/model.tar.gz']!))
    const everything = await c.everything()
    expect(everything).not.toContain(new URLSearchParams(sas).get('sig')!)
  })

  it('applies files, dirs and paths selectors and names the ones that match nothing', async () => {
    const ws = await workspace()
    const sel = '    artifacts: {files: [labels.csv], dirs: [v2]}\n    paths: [[v1/config.json, conf/model.json]]\n'
    const c = await runSpec({ workspace: ws, spec: spec(URI('models/'), sel), secrets: keySecret(), env })
    expect(errorText(c)).toBe('')
    const data = path.join(ws, 'data')
    expect((await fs.readdir(data)).sort()).toEqual(['conf', 'labels.csv', 'v2'])
    expect(await fs.readFile(path.join(data, 'conf/model.json'), 'utf8')).toBe('{"layers": 3}')
    const bad = await runSpec({ workspace: await workspace(), spec: spec(URI('models'), '    artifacts: {files: [nope.csv]}\n'), secrets: keySecret(), env })
    expect(errorText(bad)).toContain('artifacts.files: "nope.csv"')
  })
})

describe('wasb transfers and errors', () => {
  it('downloads a 16 MiB blob in ranged parts and verifies its Content-MD5', async () => {
    const ws = await workspace()
    const from = az.requests.length
    const c = await runSpec({ workspace: ws, spec: spec(URI('big/blob.bin')), secrets: keySecret(), env })
    expect(errorText(c)).toBe('')
    expect(sha(await fs.readFile(path.join(ws, 'data/blob.bin')))).toBe(sha(big))
    const ranges = downloads(from).map((r) => r.range)
    expect(ranges).toHaveLength(16)
    expect(ranges).toContain('bytes=0-1048575')
  })

  it('retries 503 ServerBusy on listing and on download', async () => {
    const ws = await workspace()
    az.failNext(1, 'comp=list')
    az.failNext(2, 'models/v1/config.json')
    const from = az.requests.length
    const c = await runSpec({ workspace: ws, spec: spec(URI('models/v1/')), secrets: keySecret(), env })
    expect(errorText(c)).toBe('')
    expect(await fs.readFile(path.join(ws, 'data/config.json'), 'utf8')).toBe('{"layers": 3}')
    expect(listCalls(from)).toHaveLength(2)
    expect(downloads(from).filter((r) => r.url.includes('config.json'))).toHaveLength(3)
  })

  it('a Content-MD5 mismatch is retried, then fails naming the blob', async () => {
    const from = az.requests.length
    const c = await runSpec({ workspace: await workspace(), spec: spec(URI('corrupt/bad-md5.bin')), secrets: keySecret(), env })
    expect(errorText(c)).toMatch(/store: .*ml-data\/corrupt\/bad-md5\.bin.*MD5 mismatch/)
    expect(downloads(from)).toHaveLength(3)
  })

  it('a wrong account key and a wrong SAS fail at once with 403 messages', async () => {
    const wrongKey = Buffer.from(randomBytes(64)).toString('base64')
    const from = az.requests.length
    const c = await runSpec({ workspace: await workspace(), spec: spec(URI('models')), secrets: keySecret(wrongKey), env })
    // The account name is a field of the secret, so it is masked like every other field.
    expect(errorText(c)).toMatch(
      /store: access denied to container "ml-data", prefix "models" at http:\/\/127\.0\.0\.1:\d+\/\*\*\* \(403[^)]*\): the account key in secret "azure-data" .*was rejected/
    )
    expect(az.requests.length - from).toBe(1)
    expect(await c.everything()).not.toContain(wrongKey)

    const badSas = sas.replace(/sig=[^&]+/, `sig=${encodeURIComponent(randomBytes(32).toString('base64'))}`)
    const s = await runSpec({
      workspace: await workspace(),
      spec: spec(URI('models')),
      secrets: { 'azure-data': JSON.stringify({ AZURE_SAS_TOKEN: badSas }) },
      env
    })
    expect(errorText(s)).toMatch(/access denied to container "ml-data".*\(403[^)]*\): the SAS token in secret "azure-data" was rejected/)
  })

  it('404 for a missing container and nothing under a missing prefix', async () => {
    const missing = await runSpec({
      workspace: await workspace(),
      spec: spec(`wasbs://nope@${AZURITE_ACCOUNT}.blob.core.windows.net/x/`),
      secrets: keySecret(),
      env
    })
    expect(errorText(missing)).toMatch(/store: container "nope" does not exist .*\(404 ContainerNotFound\)/)
    const empty = await runSpec({ workspace: await workspace(), spec: spec(URI('nothing-here')), secrets: { 'azure-data': az.connectionString }, env })
    expect(errorText(empty)).toMatch(/store: no blobs under wasbs:\/\/ml-data@.*\.blob\.core\.windows\.net\/nothing-here: check the container and the prefix/)
  })

  it('a secret that is none of the formats says which keys to set', async () => {
    const c = await runSpec({
      workspace: await workspace(),
      spec: spec(URI('models')),
      secrets: { 'azure-data': JSON.stringify({ PASSWORD: 'hunter2-hunter2' }) },
      env
    })
    expect(errorText(c)).toMatch(
      /secret "azure-data" is not usable for wasb: give AZURE_CONNECTION_STRING, or AZURE_ACCOUNT_NAME and AZURE_ACCOUNT_KEY, or AZURE_SAS_TOKEN/
    )
    expect(await c.everything()).not.toContain('hunter2-hunter2')
  })
})
