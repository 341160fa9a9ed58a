import * as fs from 'node:fs/promises'
import * as path from 'node:path'

/**
 * An ssh ProxyCommand that tunnels through an HTTP CONNECT proxy (ADS's `ssh_proxy`), written as
 * a small script run by the node that runs this action: nothing the runner may lack (`nc`,
 * `corkscrew`). ssh starts it as `node SCRIPT HOST PORT` and speaks over its stdin/stdout.
 *
 * The proxy URL may hold `user:password`, so it is never an argument: argv is world-readable in
 * `ps` and /proc, and the ssh command sits in every git child's environment and in a persisted
 * `core.sshCommand`. The script reads it from a 0600 file beside itself instead.
 */
const SCRIPT = `'use strict'
const net = require('net')
const { proxy } = JSON.parse(require('fs').readFileSync(require('path').join(__dirname, 'connect-proxy.json'), 'utf8'))
const [host, port] = process.argv.slice(2)
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

/**
 * Writes the script and the proxy URL into the source's private auth directory; returns the ssh
 * option that uses them. Both live as long as that directory, so a persisted `core.sshCommand`
 * keeps working until the post step removes it.
 */
export async function connectProxyOption(dir: string, proxy: string, quote: (s: string) => string): Promise<string> {
  const file = path.join(dir, 'connect-proxy.cjs')
  await fs.writeFile(path.join(dir, 'connect-proxy.json'), JSON.stringify({ proxy }), { mode: 0o600 })
  await fs.writeFile(file, SCRIPT, { mode: 0o600 })
  return `-o ProxyCommand=${quote(`${quote(process.execPath)} ${quote(file)} %h %p`)}`
}
