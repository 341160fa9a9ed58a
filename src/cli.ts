import * as path from 'node:path'
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { isInline } from './runspec/inline.js'
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
                            else sources.lock.json in the workspace, or in its .git for a
                            checkout at the workspace root)
  --frozen FILE             replay exactly what this lock file records
  --expose-connections      print the connection secrets' keys as variables (masked in CI only)
  --unpack-limit LIMIT      how much an archive may unpack to: 20x, 100GiB or both (default 20x,50GiB)
  --cache true|read-only    restore sources from the GitHub Actions cache / save them (on a runner)
  --cache-max-size SIZE     largest source saved to the cache (default 10GiB)
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
  cache: { type: 'string' },
  'cache-max-size': { type: 'string' },
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
export async function runCli(argv = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
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
  const host = createCliHost({ verbose: values.verbose ?? false, flags: new Set(Object.keys(FLAGS)) })
  const cleanup = new Cleanup()
  // No post step locally: everything goes at exit, secret files included; credentials the user
  // asked to persist stay (a later git command in the checkout uses them) and are named.
  const removeAll = async (): Promise<void> => {
    await cleanup.run()
    const kept = new Set(cleanup.kept())
    for (const p of cleanup.list()) if (!kept.has(p)) await removeOwned(p).catch(() => undefined)
    for (const p of kept) host.info(`git credentials kept in ${p} for git commands in the checkout: remove the directory when done`)
  }
  const cancellation = new Cancellation({ say: (line) => host.info(line), finish: removeAll })
  try {
    const secrets = values['secrets-file'] ? await readSecretsFile(path.resolve(cwd, values['secrets-file'])) : values.secrets
    // Like any command line, every path flag is relative to where the command runs (the action's
    // inputs are relative to the workspace); inline YAML stays as it is.
    const here = (value: string | undefined, inline = false): string | undefined =>
      value === undefined || value === '' || (inline && isInline(value)) ? value : path.resolve(cwd, value)
    const raw: RawInputs = {
      [Input.Spec]: here(values.spec, true),
      [Input.Connections]: here(values.connections, true),
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
      [Input.LockFile]: here(values['lock-file']),
      [Input.Frozen]: here(values.frozen),
      [Input.ExposeConnections]: String(values['expose-connections'] ?? false),
      [Input.UnpackLimit]: values['unpack-limit'],
      [Input.Cache]: values.cache,
      [Input.CacheMaxSize]: values['cache-max-size'],
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
      [Input.SshKey]: values['ssh-key-file'] ? await readFile(path.resolve(cwd, values['ssh-key-file']), 'utf8') : undefined,
      [Input.SshUser]: values['ssh-user'],
      [Input.SshKnownHosts]: values['ssh-known-hosts'],
      [Input.SshStrict]: values['ssh-strict'],
      [Input.ShowProgress]: values['show-progress'],
      [Input.GithubServerUrl]: values['github-server-url'],
      [Input.SetSafeDirectory]: values['set-safe-directory'] ?? 'false',
      [Input.AllowUnsafePrCheckout]: values['allow-unsafe-pr-checkout']
    }
    const settings = parseSettings(raw, env, cwd)
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
