import { spawn, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as http from 'node:http'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'

/** Azurite's well-known development account (public, documented by Microsoft). */
export const AZURITE_ACCOUNT = 'devstoreaccount1'
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

export interface AzuriteRequest {
  method: string
  url: string
  range?: string
}

export interface Azurite {
  /** `http://127.0.0.1:PORT/devstoreaccount1`: the blob endpoint (through the recorder), path-style. */
  endpoint: string
  connectionString: string
  /** Every request that reached azurite through the recorder, in order. */
  requests: AzuriteRequest[]
  /** Answer the next `count` requests whose URL contains `urlPart` with 503 ServerBusy. */
  failNext(count: number, urlPart: string): void
  stop(): Promise<void>
}

/**
 * A transparent reverse proxy in front of azurite that records request lines and ranges, so tests
 * can count downloads. Shared Key and SAS signatures do not cover the port, so they still verify.
 */
async function startRecorder(target: number, requests: AzuriteRequest[], failures: Array<{ left: number; urlPart: string }>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const range = (req.headers['x-ms-range'] ?? req.headers.range) as string | undefined
    requests.push({ method: req.method ?? '', url: req.url ?? '', ...(range ? { range } : {}) })
    const failure = failures.find((f) => f.left > 0 && (req.url ?? '').includes(f.urlPart))
    if (failure) {
      failure.left--
      req.resume()
      res.writeHead(503, { 'x-ms-error-code': 'ServerBusy', 'content-type': 'application/xml' })
      return void res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>The server is busy.</Message></Error>')
    }
    const upstream = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

/** A free loopback port: azurite cannot listen on port 0 and report the port it got. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`azurite exited with ${child.exitCode}`)
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`azurite did not listen on ${port} within ${ms} ms`)
}

/** Starts azurite's blob service alone, in memory, on a free loopback port; stop() kills it by PID. */
export async function startAzurite(): Promise<Azurite> {
  const main = path.resolve('node_modules/azurite/dist/src/blob/main.js')
  const location = await fs.mkdtemp(path.join(os.tmpdir(), 'azurite-'))
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const child = spawn(
      process.execPath,
      [
        main,
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(port),
        '--inMemoryPersistence',
        '--skipApiVersionCheck',
        '--loose',
        '--silent',
        '--disableTelemetry'
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], cwd: location }
    )
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    try {
      await waitForPort(port, child, 15_000)
    } catch (error) {
      child.kill('SIGKILL')
      // The port may have been taken between freePort() and azurite's listen: try another.
      if (attempt < 3) continue
      throw new Error(`${(error as Error).message}\n${stderr}`)
    }
    const requests: AzuriteRequest[] = []
    const failures: Array<{ left: number; urlPart: string }> = []
    const recorder = await startRecorder(port, requests, failures)
    const endpoint = `http://127.0.0.1:${(recorder.address() as net.AddressInfo).port}/${AZURITE_ACCOUNT}`
    return {
      endpoint,
      connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${endpoint};`,
      requests,
      failNext(count, urlPart) {
        failures.push({ left: count, urlPart })
      },
      async stop() {
        recorder.closeAllConnections()
        await new Promise((r) => recorder.close(r))
        if (child.exitCode === null && child.pid !== undefined) {
          const exited = new Promise((r) => child.once('exit', r))
          process.kill(child.pid, 'SIGTERM')
          await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))])
          if (child.exitCode === null) process.kill(child.pid, 'SIGKILL')
        }
        await fs.rm(location, { recursive: true, force: true })
      }
    }
  }
}
