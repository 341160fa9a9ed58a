import * as fs from 'node:fs/promises'
import * as path from 'node:path'

/**
 * An ssh ProxyCommand that tunnels through an HTTP CONNECT proxy (ADS's `ssh_proxy`), written as
 * a small script run by the node that runs this action: nothing the runner may lack (`nc`,
 * `corkscrew`). ssh starts it as `node SCRIPT PROXY HOST PORT` and speaks over its stdin/stdout.
 */
const SCRIPT = `'use strict'
const net = require('net')
const [proxy, host, port] = process.argv.slice(2)
const u = new URL(/^[a-z]+:\\/\\//i.test(proxy) ? proxy : 'http://' + proxy)
const auth = u.username ? 'Proxy-Authorization: Basic ' + Buffer.from(decodeURIComponent(u.username) + ':' + decodeURIComponent(u.password)).toString('base64') + '\\r\\n' : ''
const fail = (why) => { process.stderr.write('ssh_proxy ' + u.host + ': ' + why + '\\n'); process.exit(1) }
const sock = net.connect(Number(u.port || 80), u.hostname, () => {
  sock.write('CONNECT ' + host + ':' + port + ' HTTP/1.1\\r\\nHost: ' + host + ':' + port + '\\r\\n' + auth + '\\r\\n')
})
let head = Buffer.alloc(0)
const onHead = (chunk) => {
  head = Buffer.concat([head, chunk])
  const end = head.indexOf('\\r\\n\\r\\n')
  if (end < 0) return head.length > 65536 ? fail('no answer to CONNECT') : undefined
  const status = head.subarray(0, head.indexOf('\\r\\n')).toString()
  if (!/^HTTP\\/1\\.[01] 2\\d\\d/.test(status)) return fail('refused the tunnel: ' + status)
  sock.off('data', onHead)
  const rest = head.subarray(end + 4)
  if (rest.length) process.stdout.write(rest)
  sock.pipe(process.stdout)
  process.stdin.pipe(sock)
}
sock.on('data', onHead)
sock.on('error', (e) => fail(e.message))
sock.on('close', () => process.exit(0))
process.stdin.on('end', () => sock.end())
`

/** Writes the script into the source's private auth directory; returns the ssh option that uses it. */
export async function connectProxyOption(dir: string, proxy: string, quote: (s: string) => string): Promise<string> {
  const file = path.join(dir, 'connect-proxy.cjs')
  await fs.writeFile(file, SCRIPT, { mode: 0o600 })
  return `-o ProxyCommand=${quote(`${quote(process.execPath)} ${quote(file)} ${quote(proxy)} %h %p`)}`
}
