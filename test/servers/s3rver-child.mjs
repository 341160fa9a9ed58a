// Runs s3rver in its own process: its ListObjectsV2 continuation tokens need
// `--openssl-legacy-provider`, which must not leak into the test process itself.
import S3rver from 's3rver'

const server = new S3rver({ port: 0, address: '127.0.0.1', directory: process.argv[2], silent: true })
const address = await server.run()
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`)
process.on('SIGTERM', () => server.close(() => process.exit(0)))
