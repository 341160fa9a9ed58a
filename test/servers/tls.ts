import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'

export interface TestCertificate {
  key: string
  cert: string
  /** The certificate's file, for GIT_SSL_CAINFO / NODE_EXTRA_CA_CERTS. */
  certFile: string
}

/**
 * A self-signed certificate for 127.0.0.1, made per run with openssl, so loopback servers can
 * stand in for https hosts (`https://github.com/o/r` → `https://127.0.0.1:PORT/o/r`) and the URL
 * keeps its scheme. Clients trust it through GIT_SSL_CAINFO, never by turning verification off.
 */
export async function makeCertificate(dir: string): Promise<TestCertificate> {
  await fs.mkdir(dir, { recursive: true })
  const keyFile = path.join(dir, 'key.pem')
  const certFile = path.join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile
    ],
    { stdio: 'ignore' }
  )
  return { key: await fs.readFile(keyFile, 'utf8'), cert: await fs.readFile(certFile, 'utf8'), certFile }
}
