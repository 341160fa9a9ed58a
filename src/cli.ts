import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { errorMessage } from './util/errors.js'
import { createCliHost } from './host/cli.js'
import { reportError } from './host/report-error.js'
import { Cancellation, Cleanup, removeOwned } from './util/cleanup.js'
import { runFetch } from './run.js'
import { readSecretsFile } from './connections/secrets-file.js'
import { Input, parseSettings, type RawInputs } from './inputs.js'

const USAGE = `usage: fetch-sources [--spec FILE|YAML] [--url URL [--revision REV] [--path DIR]] [options]

  --spec FILE|YAML          run spec (native, polyaxon, ads, gradient or zenml)
  --connections FILE|YAML   connections catalog merged under the spec's own
  --secrets-file FILE       secrets as a JSON object or KEY=VALUE lines
  --secrets JSON            secrets as a JSON object (prefer --secrets-file: argv is visible to others)
  --url URL                 quick mode: fetch one source without a spec
  --revision REV            quick mode: git revision
  --path DIR                quick mode: destination
  --workspace DIR           root for every destination (default: $GITHUB_WORKSPACE or .)
  --only NAMES              comma-separated source names
  --dry-run                 validate, resolve and print the plan; fetch nothing
  --persist-credentials     leave git credentials configured
  --concurrency N           parallel transfers (default 16)
  --token TOKEN             token for https git URLs on $GITHUB_SERVER_URL's host
  --lock-file FILE          where to write the lock file (default: $RUNNER_TEMP/sources.lock.json,
                            else sources.lock.json in the workspace)
  --frozen FILE             replay exactly what this lock file records
  --expose-connections      print the connection secrets' keys as variables (masked in CI only)
  --unpack-limit LIMIT      how much an archive may unpack to: 20x, 100GiB or both (default 20x,50GiB)
  --secret NAME             quick or checkout mode: the secret (in --secrets-file) for the source
actions/checkout's inputs, same names and values (without --spec and --url: checkout mode):
  --repository OWNER/NAME --ref REF --fetch-depth N --fetch-tags true|false --filter FILTER
  --sparse-checkout PATTERNS --sparse-checkout-cone-mode true|false --submodules true|false|recursive
  --lfs true|false --clean true|false --ssh-key-file FILE --ssh-user USER --ssh-known-hosts LINES
  --ssh-strict true|false --show-progress true|false --github-server-url URL
  --set-safe-directory true|false (default false here: a local run leaves your git config alone)
  --allow-unsafe-pr-checkout true|false
  --verbose                 debug lines
Outputs are printed as JSON on stdout; logs go to stderr. Ctrl-C (SIGINT) or SIGTERM cancels:
staging and partial downloads are removed, the exit code is 130 or 143.`

const FLAGS = {
  spec: { type: 'string' },
  connections: { type: 'string' },
  secrets: { type: 'string' },
  'secrets-file': { type: 'string' },
  url: { type: 'string' },
  revision: { type: 'string' },
  path: { type: 'string' },
  workspace: { type: 'string' },
  only: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'persist-credentials': { type: 'boolean' },
  concurrency: { type: 'string' },
  token: { type: 'string' },
  'lock-file': { type: 'string' },
  frozen: { type: 'string' },
  'expose-connections': { type: 'boolean' },
  'unpack-limit': { type: 'string' },
  secret: { type: 'string' },
  repository: { type: 'string' },
  ref: { type: 'string' },
  'fetch-depth': { type: 'string' },
  'fetch-tags': { type: 'string' },
  filter: { type: 'string' },
  'sparse-checkout': { type: 'string' },
  'sparse-checkout-cone-mode': { type: 'string' },
  submodules: { type: 'string' },
  lfs: { type: 'string' },
  clean: { type: 'string' },
  'ssh-key-file': { type: 'string' },
  'ssh-user': { type: 'string' },
  'ssh-known-hosts': { type: 'string' },
  'ssh-strict': { type: 'string' },
  'show-progress': { type: 'string' },
  'github-server-url': { type: 'string' },
  'set-safe-directory': { type: 'string' },
  'allow-unsafe-pr-checkout': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

/** The CLI: same settings and code path as the action; returns the exit code. */
export async function runCli(argv = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>['values']
  try {
    values = parseArgs({ args: argv, options: FLAGS, allowPositionals: false }).values
  } catch (e) {
    process.stderr.write(`fetch-sources: ${errorMessage(e)}\n\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n')
    return 0
  }
  const host = createCliHost({ verbose: values.verbose ?? false })
  const cleanup = new Cleanup()
  // No post step locally: everything goes at exit, secret files and persisted credentials included.
  const removeAll = async (): Promise<void> => {
    await cleanup.run()
    for (const p of cleanup.list()) await removeOwned(p).catch(() => undefined)
  }
  const cancellation = new Cancellation({ say: (line) => host.info(line), finish: removeAll })
  try {
    const secrets = values['secrets-file'] ? await readSecretsFile(values['secrets-file']) : values.secrets
    const raw: RawInputs = {
      [Input.Spec]: values.spec,
      [Input.Connections]: values.connections,
      [Input.Secrets]: secrets,
      [Input.Url]: values.url,
      [Input.Revision]: values.revision,
      [Input.Path]: values.path,
      [Input.Workspace]: values.workspace,
      [Input.Only]: values.only,
      [Input.DryRun]: String(values['dry-run'] ?? false),
      [Input.PersistCredentials]: String(values['persist-credentials'] ?? false),
      [Input.Concurrency]: values.concurrency,
      [Input.Token]: values.token ?? env.GITHUB_TOKEN,
      [Input.LockFile]: values['lock-file'],
      [Input.Frozen]: values.frozen,
      [Input.ExposeConnections]: String(values['expose-connections'] ?? false),
      [Input.UnpackLimit]: values['unpack-limit'],
      [Input.Secret]: values.secret,
      [Input.Repository]: values.repository,
      [Input.Ref]: values.ref,
      [Input.FetchDepth]: values['fetch-depth'],
      [Input.FetchTags]: values['fetch-tags'],
      [Input.Filter]: values.filter,
      [Input.SparseCheckout]: values['sparse-checkout'],
      [Input.SparseCheckoutConeMode]: values['sparse-checkout-cone-mode'],
      [Input.Submodules]: values.submodules,
      [Input.Lfs]: values.lfs,
      [Input.Clean]: values.clean,
      // A key on the command line would be visible to every user of the machine: a file instead.
      [Input.SshKey]: values['ssh-key-file'] ? await readFile(values['ssh-key-file'], 'utf8') : undefined,
      [Input.SshUser]: values['ssh-user'],
      [Input.SshKnownHosts]: values['ssh-known-hosts'],
      [Input.SshStrict]: values['ssh-strict'],
      [Input.ShowProgress]: values['show-progress'],
      [Input.GithubServerUrl]: values['github-server-url'],
      [Input.SetSafeDirectory]: values['set-safe-directory'] ?? 'false',
      [Input.AllowUnsafePrCheckout]: values['allow-unsafe-pr-checkout']
    }
    const settings = parseSettings(raw, env)
    await runFetch(settings, host, cleanup, cancellation.signal)
    const outputs: Record<string, unknown> = { ...host.outputs }
    if (typeof outputs.sources === 'string') outputs.sources = JSON.parse(outputs.sources)
    if (Object.keys(host.exported).length) outputs.exported = Object.keys(host.exported)
    process.stdout.write(JSON.stringify(outputs, null, 2) + '\n')
    return 0
  } catch (error) {
    if (!reportError(host, error)) host.error(errorMessage(error))
    return cancellation.reason?.exitCode ?? 1
  } finally {
    await removeAll()
    cancellation.dispose()
  }
}
