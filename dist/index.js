import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 86160:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(57975);
// EXTERNAL MODULE: ./src/runspec/inline.ts
var runspec_inline = __nccwpck_require__(31601);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __nccwpck_require__(70017);
// EXTERNAL MODULE: ./src/connections/redactor.ts
var connections_redactor = __nccwpck_require__(42725);
;// CONCATENATED MODULE: ./src/host/cli.ts

function where(loc) {
    if (!loc)
        return '';
    return [loc.file, loc.line, loc.column].filter((p) => p !== undefined).join(':') + ': ';
}
/**
 * Messages are written in the action's words ("the `spec` input"); a person at a terminal typed
 * flags. Input names of `flags` become `--name` wherever a message names one as an input.
 */
function inFlags(text, flags) {
    const flag = (name, whole) => (flags.has(name) ? `\`--${name}\`` : whole);
    return text
        .replace(/\(inline `([a-z][a-z-]*)` input\)/g, (whole, name) => (flags.has(name) ? `(inline \`--${name}\`)` : whole))
        .replace(/(?:the )?`([a-z][a-z-]*)` inputs?\b/g, (whole, name) => flag(name, whole))
        .replace(/\binput `([a-z][a-z-]*)`/g, (whole, name) => flag(name, whole));
}
/** Local runs: human lines on stderr, outputs collected and printed as JSON on stdout by the CLI. */
function createCliHost(options = {}) {
    const redactor = options.redactor ?? new connections_redactor/* Redactor */.pO();
    const write = options.write ?? ((line) => process.stderr.write(line + '\n'));
    const words = (line) => (options.flags ? inFlags(line, options.flags) : line);
    const out = (line) => write(redactor.redact(words(line)));
    const outputs = {};
    const exported = {};
    return {
        redactor,
        outputs,
        exported,
        debug: (m) => {
            if (options.verbose)
                out(`debug: ${m}`);
        },
        info: (m) => out(m),
        warning: (m, loc) => out(`warning: ${where(loc)}${m}`),
        error: (m, loc) => out(`error: ${where(loc)}${m}`),
        async group(name, fn) {
            out(`▸ ${name}`);
            return fn();
        },
        setOutput: (name, value) => {
            outputs[name] = redactor.redact(value);
        },
        saveState: () => undefined,
        exportVariable: (name, value) => {
            exported[name] = value;
        },
        summary: async () => undefined
    };
}

// EXTERNAL MODULE: ./src/host/report-error.ts
var report_error = __nccwpck_require__(42633);
// EXTERNAL MODULE: ./src/util/cleanup.ts
var util_cleanup = __nccwpck_require__(4532);
// EXTERNAL MODULE: ./src/run.ts + 23 modules
var run = __nccwpck_require__(73645);
// EXTERNAL MODULE: ./src/connections/secret.ts
var secret = __nccwpck_require__(56317);
;// CONCATENATED MODULE: ./src/connections/secrets-file.ts


/** The CLI's `--secrets-file`: a JSON object or KEY=VALUE lines, as the `secrets` input's JSON. */
async function readSecretsFile(file) {
    const text = await promises_.readFile(file, 'utf8').catch((e) => {
        throw new Error(e.code === 'ENOENT' ? `--secrets-file ${file} not found: give a JSON object or KEY=VALUE lines of secrets` : `--secrets-file ${file}: ${e.message}`);
    });
    if (text.trim().startsWith('{'))
        return text;
    const fields = (0,secret/* parseSecretValue */.$1)(text);
    if (!fields)
        throw new Error(`--secrets-file ${file}: expected a JSON object or KEY=VALUE lines`);
    return JSON.stringify(fields);
}

// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __nccwpck_require__(38422);
;// CONCATENATED MODULE: ./src/cli.ts











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
staging and partial downloads are removed, the exit code is 130 or 143.`;
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
};
/** The CLI: same settings and code path as the action; returns the exit code. */
async function runCli(argv = process.argv.slice(2), env = process.env, cwd = process.cwd()) {
    let values;
    try {
        values = (0,external_node_util_.parseArgs)({ args: argv, options: FLAGS, allowPositionals: false }).values;
    }
    catch (e) {
        process.stderr.write(`fetch-sources: ${(0,errors/* errorMessage */.gJ)(e)}\n\n${USAGE}\n`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(USAGE + '\n');
        return 0;
    }
    const host = createCliHost({ verbose: values.verbose ?? false, flags: new Set(Object.keys(FLAGS)) });
    const cleanup = new util_cleanup/* Cleanup */.zG();
    // No post step locally: everything goes at exit, secret files included; credentials the user
    // asked to persist stay (a later git command in the checkout uses them) and are named.
    const removeAll = async () => {
        await cleanup.run();
        const kept = new Set(cleanup.kept());
        for (const p of cleanup.list())
            if (!kept.has(p))
                await (0,util_cleanup/* removeOwned */.Ox)(p).catch(() => undefined);
        for (const p of kept)
            host.info(`git credentials kept in ${p} for git commands in the checkout: remove the directory when done`);
    };
    const cancellation = new util_cleanup/* Cancellation */.mT({ say: (line) => host.info(line), finish: removeAll });
    try {
        const secrets = values['secrets-file'] ? await readSecretsFile(external_node_path_.resolve(cwd, values['secrets-file'])) : values.secrets;
        // Like any command line, every path flag is relative to where the command runs (the action's
        // inputs are relative to the workspace); inline YAML stays as it is.
        const here = (value, inline = false) => value === undefined || value === '' || (inline && (0,runspec_inline/* isInline */.m)(value)) ? value : external_node_path_.resolve(cwd, value);
        const raw = {
            [inputs/* Input */.pd.Spec]: here(values.spec, true),
            [inputs/* Input */.pd.Connections]: here(values.connections, true),
            [inputs/* Input */.pd.Secrets]: secrets,
            [inputs/* Input */.pd.Url]: values.url,
            [inputs/* Input */.pd.Revision]: values.revision,
            [inputs/* Input */.pd.Path]: values.path,
            [inputs/* Input */.pd.Workspace]: values.workspace,
            [inputs/* Input */.pd.Only]: values.only,
            [inputs/* Input */.pd.DryRun]: String(values['dry-run'] ?? false),
            [inputs/* Input */.pd.PersistCredentials]: String(values['persist-credentials'] ?? false),
            [inputs/* Input */.pd.Concurrency]: values.concurrency,
            [inputs/* Input */.pd.Token]: values.token ?? env.GITHUB_TOKEN,
            [inputs/* Input */.pd.LockFile]: here(values['lock-file']),
            [inputs/* Input */.pd.Frozen]: here(values.frozen),
            [inputs/* Input */.pd.ExposeConnections]: String(values['expose-connections'] ?? false),
            [inputs/* Input */.pd.UnpackLimit]: values['unpack-limit'],
            [inputs/* Input */.pd.Cache]: values.cache,
            [inputs/* Input */.pd.CacheMaxSize]: values['cache-max-size'],
            [inputs/* Input */.pd.Secret]: values.secret,
            [inputs/* Input */.pd.Repository]: values.repository,
            [inputs/* Input */.pd.Ref]: values.ref,
            [inputs/* Input */.pd.FetchDepth]: values['fetch-depth'],
            [inputs/* Input */.pd.FetchTags]: values['fetch-tags'],
            [inputs/* Input */.pd.Filter]: values.filter,
            [inputs/* Input */.pd.SparseCheckout]: values['sparse-checkout'],
            [inputs/* Input */.pd.SparseCheckoutConeMode]: values['sparse-checkout-cone-mode'],
            [inputs/* Input */.pd.Submodules]: values.submodules,
            [inputs/* Input */.pd.Lfs]: values.lfs,
            [inputs/* Input */.pd.Clean]: values.clean,
            // A key on the command line would be visible to every user of the machine: a file instead.
            [inputs/* Input */.pd.SshKey]: values['ssh-key-file'] ? await (0,promises_.readFile)(external_node_path_.resolve(cwd, values['ssh-key-file']), 'utf8') : undefined,
            [inputs/* Input */.pd.SshUser]: values['ssh-user'],
            [inputs/* Input */.pd.SshKnownHosts]: values['ssh-known-hosts'],
            [inputs/* Input */.pd.SshStrict]: values['ssh-strict'],
            [inputs/* Input */.pd.ShowProgress]: values['show-progress'],
            [inputs/* Input */.pd.GithubServerUrl]: values['github-server-url'],
            [inputs/* Input */.pd.SetSafeDirectory]: values['set-safe-directory'] ?? 'false',
            [inputs/* Input */.pd.AllowUnsafePrCheckout]: values['allow-unsafe-pr-checkout']
        };
        const settings = (0,inputs/* parseSettings */.P$)(raw, env, cwd);
        await (0,run/* runFetch */.c)(settings, host, cleanup, cancellation.signal);
        const outputs = { ...host.outputs };
        if (typeof outputs.sources === 'string')
            outputs.sources = JSON.parse(outputs.sources);
        if (Object.keys(host.exported).length)
            outputs.exported = Object.keys(host.exported);
        process.stdout.write(JSON.stringify(outputs, null, 2) + '\n');
        return 0;
    }
    catch (error) {
        if (!(0,report_error/* reportError */.N)(host, error))
            host.error((0,errors/* errorMessage */.gJ)(error));
        return cancellation.reason?.exitCode ?? 1;
    }
    finally {
        await removeAll();
        cancellation.dispose();
    }
}


/***/ }),

/***/ 42725:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony exports MIN_MASKABLE_LENGTH, derivedForms */
/**
 * Every secret value and its derived forms, kept so our own log lines, errors, outputs and files
 * can be scrubbed before they leave the process — the runner's `::add-mask::` only covers what the
 * runner prints, not the lock file, the CLI's stderr or an error message we build.
 */
const MIN_MASKABLE_LENGTH = 4;
/** Up to this many values, searching for each is faster than one indexed pass. */
const FEW_VALUES = 256;
class Redactor {
    values = new Set();
    /** Scrubbed from our own output but never announced: see `add`'s `announce`. */
    unannounced = new Set();
    onAdd;
    /** `values` by `prefixKey`, longest first; rebuilt after an add. */
    index;
    /** Called once per new maskable value (the action host emits `::add-mask::`). */
    listen(onAdd) {
        this.onAdd = onAdd;
        for (const v of this.values)
            if (!this.unannounced.has(v))
                onAdd(v);
    }
    /**
     * Registers a secret and the forms it commonly takes on the wire (base64, URL-encoded).
     * Returns false when the value is too short to mask without garbling unrelated text.
     * `announce: false` scrubs it from what we print and write without telling the runner: an
     * `::add-mask::` line would itself print the value on stdout, worth it for a secret the job
     * holds, not for a URL query the spec already shows to anyone who can read the spec.
     */
    add(value, announce = true) {
        if (value.length < MIN_MASKABLE_LENGTH)
            return false;
        for (const form of derivedForms(value))
            this.addOne(form, announce);
        // Multi-line values (SSH keys, JSON keys): the runner masks line by line, so do we.
        for (const line of value.split(/\r?\n/))
            if (line.trim().length >= 8)
                this.addOne(line.trim(), announce);
        return true;
    }
    /** Registers one exact string (e.g. a base64 `user:token` pair built for an HTTP header). */
    addOne(value, announce = true) {
        if (value.length < MIN_MASKABLE_LENGTH)
            return;
        if (this.values.has(value) && !(announce && this.unannounced.delete(value)))
            return;
        this.values.add(value);
        this.index = undefined;
        if (announce)
            this.onAdd?.(value);
        else
            this.unannounced.add(value);
    }
    /**
     * Every occurrence of every value becomes `***`; overlapping, nested or adjacent ones become one
     * `***` (their union, so no part of either shows).
     */
    redact(text) {
        if (this.values.size === 0 || text.length < MIN_MASKABLE_LENGTH)
            return text;
        const ranges = this.values.size <= FEW_VALUES ? this.searchEach(text) : this.scanOnce(text);
        if (ranges.length === 0)
            return text;
        ranges.sort((a, b) => a[0] - b[0]);
        let out = '';
        let copied = 0;
        let [start, end] = ranges[0];
        for (const [s, e] of ranges) {
            if (s > end) {
                out += text.slice(copied, start) + '***';
                copied = end;
                start = s;
                end = e;
            }
            else
                end = Math.max(end, e);
        }
        return out + text.slice(copied, start) + '***' + text.slice(end);
    }
    /** Few values (the usual run): the engine's own substring search, once per value. */
    searchEach(text) {
        const ranges = [];
        for (const v of this.values)
            for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1))
                ranges.push([i, i + v.length]);
        return ranges;
    }
    /**
     * Many values (a spec of 20,000 signed URLs registers 100,000): one pass over the text, values
     * indexed by a hash of their first characters, so the cost does not grow with their number.
     */
    scanOnce(text) {
        const index = (this.index ??= indexByPrefix(this.values));
        const ranges = [];
        for (let i = 0; i + MIN_MASKABLE_LENGTH <= text.length; i++) {
            const found = index.get(prefixKey(text, i))?.find((v) => text.startsWith(v, i));
            if (found)
                ranges.push([i, i + found.length]);
        }
        return ranges;
    }
    get size() {
        return this.values.size;
    }
}
function derivedForms(value) {
    const forms = new Set([value]);
    forms.add(Buffer.from(value, 'utf8').toString('base64'));
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
    return [...forms].filter((f) => f.length >= MIN_MASKABLE_LENGTH);
}
/** A hash of the MIN_MASKABLE_LENGTH characters at `i` (collisions only cost a `startsWith`). */
function prefixKey(text, i) {
    let h = 0;
    for (let k = 0; k < MIN_MASKABLE_LENGTH; k++)
        h = (Math.imul(h, 31) + text.charCodeAt(i + k)) | 0;
    return h;
}
function indexByPrefix(values) {
    const index = new Map();
    for (const v of [...values].sort((a, b) => b.length - a.length)) {
        const key = prefixKey(v, 0);
        const list = index.get(key);
        if (list)
            list.push(v);
        else
            index.set(key, [v]);
    }
    return index;
}


/***/ }),

/***/ 56317:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ parseSecretValue),
/* harmony export */   DX: () => (/* binding */ secretKeys),
/* harmony export */   RP: () => (/* binding */ valueOf),
/* harmony export */   T2: () => (/* binding */ secretField),
/* harmony export */   X$: () => (/* binding */ createSecret),
/* harmony export */   er: () => (/* binding */ normaliseSecretName),
/* harmony export */   rR: () => (/* binding */ passwordHalf),
/* harmony export */   uz: () => (/* binding */ deriveSecret)
/* harmony export */ });
const values = new WeakMap();
class Secret {
    name;
    foundIn;
    constructor(name, foundIn) {
        this.name = name;
        this.foundIn = foundIn;
    }
}
/** A handle for `raw`; `mask` registers derived forms with the run's redactor. */
function createSecret(name, foundIn, raw, mask = () => undefined) {
    const handle = new Secret(name, foundIn);
    const fields = parseSecretValue(raw);
    values.set(handle, { raw, ...(fields ? { fields } : {}), mask });
    return handle;
}
/** The value behind a handle (only for readers in this folder). */
function valueOf(handle) {
    const v = values.get(handle);
    if (!v)
        throw new Error(`secret "${handle.name}" was not made by connections/`);
    return v;
}
/**
 * A handle with the same name for part of a secret: a single string (one key picked out, `user:`
 * prepended), read as a single string whatever it looks like, or a subset of its keys.
 */
function deriveSecret(handle, part) {
    const from = valueOf(handle);
    const derived = new Secret(handle.name, handle.foundIn);
    values.set(derived, typeof part === 'string' ? { raw: part, mask: from.mask } : { raw: from.raw, fields: part.fields, mask: from.mask });
    return derived;
}
const KEY_VALUE_LINE = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/;
/**
 * Reads a secret value in the contract's formats: a JSON object, `KEY=VALUE` lines (a
 * Kubernetes-style secret), or a single string that the connection's kind interprets.
 */
function parseSecretValue(raw) {
    const text = raw.trim();
    if (text.startsWith('{')) {
        try {
            const parsed = JSON.parse(text);
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
                const fields = {};
                for (const [k, v] of Object.entries(parsed)) {
                    fields[k] = typeof v === 'string' ? v : JSON.stringify(v);
                }
                return fields;
            }
        }
        catch {
            // Not JSON: treated as a single string.
        }
        return undefined;
    }
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    if (lines.length === 0)
        return undefined;
    const matches = lines.map((l) => KEY_VALUE_LINE.exec(l.trim()));
    if (matches.some((m) => m === null))
        return undefined;
    // A lone base64 token ("abc123==") looks like KEY=VALUE with an empty or '=' value.
    if (lines.length === 1 && /^=*$/.test(matches[0][2]))
        return undefined;
    const fields = {};
    for (const m of matches)
        fields[m[1]] = unquote(m[2]);
    return fields;
}
function unquote(value) {
    const v = value.trim();
    if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.at(-1) === v[0])
        return v.slice(1, -1);
    return v;
}
/** `gitlab-connection` → `GITLAB_CONNECTION`: how secret names look in GitHub and in env vars. */
function normaliseSecretName(name) {
    return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
/** One field of a secret, trying the exact key then the normalised one. */
function secretField(secret, ...keys) {
    if (!secret)
        return undefined;
    const fields = valueOf(secret).fields;
    if (!fields)
        return undefined;
    for (const key of keys) {
        const v = fields[key] ?? fields[normaliseSecretName(key)];
        if (v !== undefined && v !== '')
            return v;
    }
    return undefined;
}
/** The keys of a secret with keys (never their values), for messages. */
function secretKeys(secret) {
    const fields = valueOf(secret).fields;
    return fields ? Object.keys(fields) : undefined;
}
/** The password of a `user:password` value: quoted alone (a server echoing it, a URL) it must be masked too. */
function passwordHalf(value) {
    const v = value.trim();
    return /^[^\s:]+:\S+$/.test(v) ? v.slice(v.indexOf(':') + 1) : undefined;
}


/***/ }),

/***/ 27242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   th: () => (/* binding */ STAGING_PREFIX)
/* harmony export */ });
var Output;
(function (Output) {
    Output["Commit"] = "commit";
    Output["Ref"] = "ref";
    Output["Path"] = "path";
    Output["Sources"] = "sources";
    Output["LockFile"] = "lock-file";
    Output["Entrypoint"] = "entrypoint";
    Output["SecretsDir"] = "secrets-dir";
    Output["Cache"] = "cache";
})(Output || (Output = {}));
/** Saved by the main step, read by the post step. */
var State;
(function (State) {
    State["IsPost"] = "isPost";
    State["Cleanup"] = "cleanup";
})(State || (State = {}));
/** Prefix of every staging / backup directory we create beside a destination. */
const STAGING_PREFIX = '.fetch-sources-';


/***/ }),

/***/ 41314:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Np: () => (/* binding */ gitUrlProblem),
/* harmony export */   dG: () => (/* binding */ sameRemote),
/* harmony export */   dp: () => (/* binding */ httpOrigin),
/* harmony export */   m8: () => (/* binding */ isGitUrl),
/* harmony export */   o1: () => (/* binding */ isFileUrl)
/* harmony export */ });
/* unused harmony export GIT_SCHEMES */
/* harmony import */ var _util_urls_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(59812);

/** Git transports we allow; git itself is told the same through `protocol.allow`. */
const GIT_SCHEMES = ['https:', 'http:', 'ssh:', 'git:', 'file:'];
/** `https://host:port/` for an http(s) URL: the scope of its credentials. */
function httpOrigin(url) {
    if (!/^https?:\/\//i.test(url))
        return undefined;
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}/`;
    }
    catch {
        return undefined;
    }
}
function isFileUrl(url) {
    return /^file:\/\//i.test(url);
}
/** A comparable form of a remote URL: lower-case scheme and host, no trailing slash or `.git`. */
function sameRemote(a, b) {
    const norm = (u) => u
        .trim()
        .replace(/\/+$/, '')
        .replace(/\.git$/, '')
        .replace(/^[a-z]+:\/\/[^/]+/i, (m) => m.toLowerCase());
    return norm(a) === norm(b);
}
/** Why a git URL is refused, or undefined when it is fine. */
function gitUrlProblem(url) {
    if (url.startsWith('-'))
        return 'a URL cannot start with "-"';
    if ((0,_util_urls_js__WEBPACK_IMPORTED_MODULE_0__/* .isScpLike */ .ij)(url))
        return undefined;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return 'not a URL: use https://host/owner/repo(.git), ssh://git@host[:port]/path, git@host:path, git://… or file://…';
    }
    if (!GIT_SCHEMES.includes(parsed.protocol)) {
        return `transport "${parsed.protocol.replace(/:$/, '')}" is not allowed: use https, http, ssh, git@host:path, git or file`;
    }
    if (parsed.password || (parsed.username && parsed.protocol.startsWith('http'))) {
        return 'the URL carries credentials: put them in a secret (`secret: {name: …}`) so they are masked and never written to disk';
    }
    return undefined;
}
/**
 * Whether an inline URL names a git repository: scp-like, ssh/git/file, an https URL ending in
 * `.git`, or `https://host/owner/repo` (two segments, no extension; anything else is a file).
 */
function isGitUrl(url) {
    if ((0,_util_urls_js__WEBPACK_IMPORTED_MODULE_0__/* .isScpLike */ .ij)(url))
        return true;
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
    if (scheme === 'ssh' || scheme === 'git' || scheme === 'file')
        return true;
    if (scheme !== 'http' && scheme !== 'https')
        return false;
    if (/\.git\/?$/.test(url))
        return true;
    if ((0,_util_urls_js__WEBPACK_IMPORTED_MODULE_0__/* .isArchiveUrl */ .Gx)(url))
        return false;
    try {
        const segments = new URL(url).pathname.split('/').filter(Boolean);
        const last = segments.at(-1) ?? '';
        return segments.length >= 2 && !last.includes('.');
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 20530:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   fe: () => (/* binding */ restoreEntry),
/* harmony export */   jI: () => (/* binding */ cacheServiceAvailable),
/* harmony export */   k$: () => (/* binding */ cacheKey),
/* harmony export */   wn: () => (/* binding */ saveEntry),
/* harmony export */   yv: () => (/* binding */ entryDir)
/* harmony export */ });
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(16698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(70017);





/** The cache key of an identity: the kind and a hash, never a secret or a signed query. */
function cacheKey(kind, identity) {
    return `fetch-sources-v1-${kind}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(JSON.stringify(identity)).digest('hex')}`;
}
const operation = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
let capturing = false;
function captureClientOutput() {
    if (capturing)
        return;
    capturing = true;
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk, ...rest) => {
        const op = operation.getStore();
        if (!op || op.done)
            return write(chunk, ...rest);
        const lines = String(chunk).split('\n').filter(Boolean);
        // The client masks the signatures of the signed URLs the service hands it: those lines are
        // for the runner, and pass through (swallowed, a later line quoting the URL would show them).
        const masks = lines.filter((l) => l.startsWith('::add-mask::'));
        if (masks.length)
            write(masks.map((l) => `${l}\n`).join(''));
        op.lines.push(...lines.filter((l) => !l.startsWith('::add-mask::')));
        const done = rest.find((r) => typeof r === 'function');
        done?.();
        return true;
    });
}
/** What the client said went wrong, if anything (`Failed to restore: …`, `Failed to save: …`). */
function failureOf(lines) {
    for (const line of lines) {
        const m = /^(?:::(?:error|warning)[^:]*::)?(Failed to (?:restore|save): .+|Cache reservation failed: .+)$/.exec(line);
        if (m)
            return m[1];
    }
    return undefined;
}
/**
 * Whether the run can reach the Actions cache service, as the client decides it: the v2 service
 * (ACTIONS_CACHE_SERVICE_V2 with ACTIONS_RESULTS_URL, what github.com serves) or the v1 one
 * (ACTIONS_CACHE_URL). The runner gives these to actions' steps, not to `run:` steps.
 */
function cacheServiceAvailable(env) {
    return Boolean((env.ACTIONS_CACHE_SERVICE_V2 && env.ACTIONS_RESULTS_URL) || env.ACTIONS_CACHE_URL);
}
/**
 * A service that failed once (down, 5xx: the client retries each call for ~30 s) is not asked
 * again in this run: every later source goes straight to its origin, without a warning each.
 */
let broken;
/** Runs one client call with its output captured into `lines`. */
async function captured(lines, call) {
    const op = { lines, done: false };
    try {
        return await operation.run(op, call);
    }
    finally {
        op.done = true;
    }
}
async function client() {
    captureClientOutput();
    return Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(669), __nccwpck_require__.e(95), __nccwpck_require__.e(838), __nccwpck_require__.e(151)]).then(__nccwpck_require__.bind(__nccwpck_require__, 74151));
}
/** The directory an entry of `name` is restored to and saved from; the same path every run. */
function entryDir(settings, kind, name) {
    return node_path__WEBPACK_IMPORTED_MODULE_3__.join(settings.root, 'fetch-sources-cache', `${kind}-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`);
}
/**
 * Restores `key` into `dir` (emptied first). Returns true on a hit; a miss or any failure is false
 * (a failure also warns once, and the caller downloads from the origin).
 */
async function restoreEntry(dir, key, log) {
    if (broken)
        return false;
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm(dir, { recursive: true, force: true });
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir(dir, { recursive: true });
    const lines = [];
    try {
        const cache = await client();
        const hit = await captured(lines, () => cache.restoreCache([dir], key));
        const failed = failureOf(lines);
        if (failed) {
            broken = failed;
            log.warning(`cache: ${failed}; fetching from the origin (the cache is not asked again in this run)`);
        }
        return hit === key;
    }
    catch (error) {
        broken = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error);
        log.warning(`cache: restore failed (${broken}); fetching from the origin (the cache is not asked again in this run)`);
        return false;
    }
}
/** Saves `dir` under `key`. Never throws: a failed save is one warning. */
async function saveEntry(dir, key, log) {
    if (broken)
        return 'failed';
    const lines = [];
    try {
        const cache = await client();
        const id = await captured(lines, () => cache.saveCache([dir], key));
        if (id > 0)
            return 'saved';
        // The client says "another job may be creating this cache" for every failed reservation; only
        // its debug line tells an entry that exists (409, as a content-addressed key means) from a
        // service that is down or failing.
        if (lines.some((l) => /Failed to reserve cache: .*\(409\)/.test(l)))
            return 'exists';
        if (lines.some((l) => /does not permit writes/.test(l)))
            return 'failed';
        broken = failureOf(lines) ?? lines.find((l) => /Failed to reserve cache/.test(l))?.replace(/^::debug::/, '') ?? 'the entry was not saved';
        log.warning(`cache: ${broken} (the source itself landed; the cache is not asked again in this run)`);
        return 'failed';
    }
    catch (error) {
        broken = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error);
        log.warning(`cache: save failed (${broken}); the source itself landed`);
        return 'failed';
    }
    finally {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}


/***/ }),

/***/ 62692:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ describeOwner),
/* harmony export */   D5: () => (/* binding */ lockTimeoutMs),
/* harmony export */   G7: () => (/* binding */ removeLockIfGone),
/* harmony export */   K9: () => (/* binding */ lockDestination),
/* harmony export */   Lo: () => (/* binding */ reusableFileSize),
/* harmony export */   Zs: () => (/* binding */ DestinationRefused),
/* harmony export */   fY: () => (/* binding */ LOCK_PREFIX),
/* harmony export */   mC: () => (/* binding */ prepareDestination),
/* harmony export */   ue: () => (/* binding */ isLockFile)
/* harmony export */ });
/* unused harmony exports lockFileOf, ownerIsGone */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);





/**
 * The workspace may be left by an earlier job (a self-hosted runner keeps it), so a symlink in it
 * is not ours: following one would write, link or read outside the workspace. Every component of
 * a destination is looked at with lstat from the workspace's real path down; a symlink anywhere
 * is refused before anything is written. The workspace path itself comes from the spec's author
 * (trusted), so links above it are followed.
 */
class DestinationRefused extends Error {
    name = 'DestinationRefused';
}
const errno = (e) => e.code;
async function lstatOrUndefined(p) {
    try {
        return await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat(p);
    }
    catch (e) {
        if (errno(e) === 'ENOENT')
            return undefined;
        throw e;
    }
}
async function linkTarget(p) {
    return node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readlink(p).then((t) => ` (to ${t})`, () => '');
}
/**
 * Checks `dest` (the workspace joined with `relPath`) and creates its missing parents, one real
 * directory at a time. Throws DestinationRefused naming the component that is a symlink (or a
 * file where a directory is needed); a refusal happens before anything is created below it.
 */
async function prepareDestination(dest, relPath) {
    const parts = relPath.split(/[\\/]/).filter((p) => p && p !== '.');
    let root = dest;
    for (let i = 0; i < parts.length; i++)
        root = node_path__WEBPACK_IMPORTED_MODULE_4__.dirname(root);
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir(root, { recursive: true });
    let at = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath(root);
    let missing = false;
    for (let i = 0; i < parts.length; i++) {
        at = node_path__WEBPACK_IMPORTED_MODULE_4__.join(at, parts[i]);
        const shown = parts.slice(0, i + 1).join('/');
        const last = i === parts.length - 1;
        let st = missing ? undefined : await lstatOrUndefined(at);
        if (!st && !last) {
            missing = true;
            // Another run may create the same parent at the same moment: EEXIST is checked like any entry.
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir(at).catch((e) => {
                if (errno(e) !== 'EEXIST')
                    throw e;
            });
            st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat(at);
        }
        if (!st)
            return { exists: false };
        if (st.isSymbolicLink()) {
            const target = await linkTarget(at);
            throw new DestinationRefused(last
                ? `destination "${relPath}" is a symlink${target} left in the workspace: refusing to write through it (remove the link or choose another path)`
                : `destination "${relPath}" passes through a symlink: "${shown}" in the workspace is a symbolic link${target}, never followed (remove the link or choose another path)`);
        }
        if (!last && !st.isDirectory()) {
            throw new DestinationRefused(`destination "${relPath}" passes through "${shown}", which is a file, not a directory (remove it or choose another path)`);
        }
        if (last)
            return { exists: true };
    }
    return { exists: false };
}
/**
 * Size of the regular file `rel` under `root` when no component of it (the file included) is a
 * symlink, else undefined: content an earlier run left is reused only if it is what we wrote.
 * Synchronous on purpose (a re-run checks every object; see objects.ts); `dirs` caches the
 * directories already found real.
 */
function reusableFileSize(root, rel, dirs = new Set()) {
    const parts = rel.split('/');
    let at = root;
    for (let i = 0; i < parts.length; i++) {
        at = node_path__WEBPACK_IMPORTED_MODULE_4__.join(at, parts[i]);
        const last = i === parts.length - 1;
        if (!last && dirs.has(at))
            continue;
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(at, { throwIfNoEntry: false });
        if (!st)
            return undefined;
        if (last)
            return st.isFile() ? st.size : undefined;
        if (!st.isDirectory())
            return undefined;
        dirs.add(at);
    }
    return undefined;
}
const LOCK_PREFIX = '.fetch-sources-lock-';
/** A lock that cannot be read and is older than this is debris (a writer fills it in microseconds). */
const UNREADABLE_STALE_MS = 10_000;
const POLL_MS = 250;
/** The lock file of a destination: beside it, named after it (a hash tells sanitized names apart). */
function lockFileOf(dest) {
    const base = node_path__WEBPACK_IMPORTED_MODULE_4__.basename(dest);
    const tag = base.replace(/[^A-Za-z0-9_.-]/g, '_');
    const suffix = tag === base ? '' : `-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(base).digest('hex').slice(0, 8)}`;
    return node_path__WEBPACK_IMPORTED_MODULE_4__.join(node_path__WEBPACK_IMPORTED_MODULE_4__.dirname(dest), `${LOCK_PREFIX}${tag}${suffix}`);
}
const isLockFile = (p) => node_path__WEBPACK_IMPORTED_MODULE_4__.basename(p).startsWith(LOCK_PREFIX);
function procStartOf(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command name (which may hold spaces and parentheses); starttime is field 22.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    }
    catch {
        return undefined;
    }
}
/** True when the owner is certainly gone: on this host, and its pid not running (or reused). */
function ownerIsGone(owner) {
    if (owner.host !== node_os__WEBPACK_IMPORTED_MODULE_3__.hostname())
        return false;
    try {
        process.kill(owner.pid, 0);
    }
    catch (e) {
        return errno(e) === 'ESRCH';
    }
    const now = owner.procStart === undefined ? undefined : procStartOf(owner.pid);
    return now !== undefined && now !== owner.procStart;
}
async function readLock(file) {
    const st = await lstatOrUndefined(file);
    if (!st)
        return 'absent';
    // Not a regular file (a planted symlink): never read through it, it is not a lock of ours.
    if (!st.isFile())
        return { raw: `\0${st.mode}:${st.ino}`, stale: true };
    const raw = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile(file, 'utf8').catch(() => '');
    try {
        const owner = JSON.parse(raw);
        if (Number.isInteger(owner.pid) && typeof owner.host === 'string' && typeof owner.token === 'string')
            return { owner, raw };
    }
    catch {
        // Written with O_EXCL then filled: empty for an instant, garbage only if its writer died.
    }
    return { raw, stale: Date.now() - st.mtimeMs > UNREADABLE_STALE_MS };
}
/**
 * Takes a stale lock away. Renamed aside first and checked to be the one judged stale: if another
 * run broke it and took a fresh lock in between, that fresh lock is put back, not removed.
 */
async function breakLock(file, seen) {
    const aside = `${file}.stale-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
    try {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename(file, aside);
    }
    catch (e) {
        if (errno(e) === 'ENOENT')
            return false;
        throw e;
    }
    const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat(aside);
    const raw = st.isFile() ? await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile(aside, 'utf8').catch(() => '') : `\0${st.mode}:${st.ino}`;
    if (raw !== seen)
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link(aside, file).catch(() => undefined);
    // Recursive: something planted under the lock's name (a directory) goes too; links are not followed.
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm(aside, { force: true, recursive: true });
    return raw === seen;
}
/** `pid N[ on host], since T`: who holds a lock, for messages. */
const describeOwner = (o) => `pid ${o.pid}${o.host === node_os__WEBPACK_IMPORTED_MODULE_3__.hostname() ? '' : ` on ${o.host}`}, since ${o.started}`;
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        const done = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal.removeEventListener('abort', done);
            resolve();
        }, ms);
        signal.addEventListener('abort', done, { once: true });
    });
}
/**
 * Waits for the destination's lock (up to `timeoutMs`), taking over one whose owner is gone.
 * `onWait` is told once when another live run holds it; `onTakeover` when a dead one did.
 */
async function lockDestination(dest, opts) {
    const file = lockFileOf(dest);
    const procStart = procStartOf(process.pid);
    const owner = {
        pid: process.pid,
        host: node_os__WEBPACK_IMPORTED_MODULE_3__.hostname(),
        started: new Date().toISOString(),
        ...(procStart ? { procStart } : {}),
        token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')
    };
    const text = JSON.stringify(owner);
    const deadline = Date.now() + opts.timeoutMs;
    let told = false;
    for (;;) {
        opts.signal.throwIfAborted();
        try {
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile(file, text, { flag: 'wx', mode: 0o644 });
            return { file, owner, release: () => releaseLock(file, owner.token) };
        }
        catch (e) {
            if (errno(e) !== 'EEXIST')
                throw e;
        }
        const seen = await readLock(file);
        if (seen === 'absent')
            continue;
        if (seen.owner ? ownerIsGone(seen.owner) : seen.stale) {
            if (await breakLock(file, seen.raw))
                opts.onTakeover(seen.owner);
            continue;
        }
        if (!told)
            opts.onWait(seen.owner);
        told = true;
        const left = deadline - Date.now();
        if (left <= 0) {
            const who = seen.owner ? `another fetch-sources run (${describeOwner(seen.owner)})` : 'another fetch-sources run';
            throw new DestinationRefused(`${who} still holds "${opts.relPath}" after ${Math.round(opts.timeoutMs / 1000)} s of waiting; giving up. Set FETCH_SOURCES_LOCK_TIMEOUT (seconds) to wait longer, or remove ${file} if that run is gone`);
        }
        await sleep(Math.min(POLL_MS, left), opts.signal);
    }
}
async function releaseLock(file, token) {
    const seen = await readLock(file);
    if (seen !== 'absent' && seen.owner?.token === token)
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm(file, { force: true });
}
/**
 * For the post step: removes a lock a killed main step left. One a live process holds (another
 * run took it over since) is left alone and its owner returned.
 */
async function removeLockIfGone(file) {
    const seen = await readLock(file);
    if (seen === 'absent')
        return undefined;
    if (seen.owner && !ownerIsGone(seen.owner))
        return seen.owner;
    await breakLock(file, seen.raw);
    return undefined;
}
/** FETCH_SOURCES_LOCK_TIMEOUT: seconds to wait for another run's lock (default 10 minutes). */
function lockTimeoutMs(env) {
    const raw = env.FETCH_SOURCES_LOCK_TIMEOUT?.trim();
    if (!raw)
        return 600_000;
    const seconds = Number(raw);
    if (!Number.isFinite(seconds) || seconds < 0) {
        throw new Error(`FETCH_SOURCES_LOCK_TIMEOUT must be a number of seconds (0 or more), got "${raw}"`);
    }
    return seconds * 1000;
}


/***/ }),

/***/ 5311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ad: () => (/* binding */ recoverStale),
/* harmony export */   Jq: () => (/* binding */ writeState),
/* harmony export */   L7: () => (/* binding */ linkOrCopy),
/* harmony export */   Xz: () => (/* binding */ commitStaging),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   aF: () => (/* binding */ removeState),
/* harmony export */   cG: () => (/* binding */ moveInto),
/* harmony export */   mV: () => (/* binding */ moveFile),
/* harmony export */   qp: () => (/* binding */ createStaging),
/* harmony export */   un: () => (/* binding */ readState)
/* harmony export */ });
/* unused harmony exports exists, stateFileOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(27242);




/**
 * Sources land atomically: fetched into a hidden sibling of the destination (same filesystem, so
 * the final step is a rename), then swapped in. A crash leaves the previous content or nothing.
 */
const TMP = `${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .STAGING_PREFIX */ .th}tmp-`;
const OLD = `${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .STAGING_PREFIX */ .th}old-`;
const STATE = `${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .STAGING_PREFIX */ .th}state-`;
const tag = (dest) => node_path__WEBPACK_IMPORTED_MODULE_2__.basename(dest).replace(/[^A-Za-z0-9_.-]/g, '_');
async function exists(p) {
    try {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat(p);
        return true;
    }
    catch {
        return false;
    }
}
/** A fresh empty staging directory beside `dest`. */
async function createStaging(dest) {
    const parent = node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(dest);
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir(parent, { recursive: true });
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2__.join(parent, `${TMP}${tag(dest)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir(dir);
    return dir;
}
/** Replaces `dest` with `staging`. The old content is moved aside first and deleted after. */
async function commitStaging(staging, dest) {
    let old;
    if (await exists(dest)) {
        old = node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(dest), `${OLD}${tag(dest)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename(dest, old);
    }
    try {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename(staging, dest);
    }
    catch (e) {
        if (old)
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename(old, dest).catch(() => undefined);
        throw e;
    }
    if (old)
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm(old, { recursive: true, force: true });
}
/**
 * Undoes what a killed earlier run left beside `dest`: staging dirs are deleted; a destination
 * moved aside but never replaced is put back (the previous complete content).
 */
async function recoverStale(dest) {
    const parent = node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(dest);
    let entries;
    try {
        entries = await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir(parent);
    }
    catch {
        return [];
    }
    const mine = `${tag(dest)}-`;
    const removed = [];
    const olds = entries.filter((e) => e.startsWith(OLD + mine) && /^[0-9a-f]{8}$/.test(e.slice((OLD + mine).length)));
    if (olds.length && !(await exists(dest))) {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename(node_path__WEBPACK_IMPORTED_MODULE_2__.join(parent, olds.shift()), dest);
    }
    for (const e of entries) {
        const isTmp = e.startsWith(TMP + mine) && /^[0-9a-f]{8}$/.test(e.slice((TMP + mine).length));
        if (isTmp || olds.includes(e)) {
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm(node_path__WEBPACK_IMPORTED_MODULE_2__.join(parent, e), { recursive: true, force: true });
            removed.push(e);
        }
    }
    return removed;
}
/** The small state file kept beside a destination for cheap re-runs. */
function stateFileOf(dest) {
    return node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(dest), `${STATE}${tag(dest)}.json`);
}
async function readState(dest) {
    try {
        return JSON.parse(await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile(stateFileOf(dest), 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** Written after the content is in place; write-then-rename so it is never half-written. */
async function writeState(dest, state) {
    await writeFileAtomic(stateFileOf(dest), JSON.stringify(state));
}
async function removeState(dest) {
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm(stateFileOf(dest), { force: true });
}
async function writeFileAtomic(file, data, mode) {
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), { recursive: true });
    const tmp = `${file}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`;
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile(tmp, data, mode === undefined ? {} : { mode });
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename(tmp, file);
}
/**
 * Moves the entries of directory `from` into the existing directory `to`. A rename where both are
 * on one filesystem; a copy (symlinks copied as symlinks, never followed) then a removal where
 * they are not (`RUNNER_TEMP` and the workspace on different disks give EXDEV).
 */
async function moveInto(from, to) {
    for (const name of await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir(from)) {
        const src = node_path__WEBPACK_IMPORTED_MODULE_2__.join(from, name);
        const dst = node_path__WEBPACK_IMPORTED_MODULE_2__.join(to, name);
        try {
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename(src, dst);
        }
        catch (e) {
            if (e.code !== 'EXDEV')
                throw e;
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.cp(src, dst, { recursive: true, verbatimSymlinks: true, errorOnExist: true, force: false, preserveTimestamps: true });
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm(src, { recursive: true, force: true });
        }
    }
}
/** A hard link (no bytes copied), or a copy where a link cannot be made (another filesystem). */
async function linkOrCopy(from, to) {
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link(from, to).catch(() => node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile(from, to, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.COPYFILE_EXCL));
}
/** `rename`, or copy-then-remove across filesystems (a single file). */
async function moveFile(from, to) {
    try {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename(from, to);
    }
    catch (e) {
        if (e.code !== 'EXDEV')
            throw e;
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile(from, to, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.COPYFILE_EXCL);
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm(from, { force: true });
    }
}


/***/ }),

/***/ 87948:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ Limiter)
/* harmony export */ });
/**
 * One pool of transfer slots shared by every source, so `concurrency` bounds the whole run rather
 * than being multiplied per source. Only leaf transfers take a slot (never a whole source), so a
 * source waiting for its objects cannot deadlock the pool.
 */
class Limiter {
    size;
    active = 0;
    queue = [];
    constructor(size) {
        this.size = size;
        if (!Number.isInteger(size) || size < 1)
            throw new RangeError(`limiter size must be ≥ 1, got ${size}`);
    }
    async run(fn) {
        if (this.active >= this.size)
            await new Promise((resolve) => this.queue.push(resolve));
        else
            this.active++;
        try {
            return await fn();
        }
        finally {
            const next = this.queue.shift();
            // Hand the slot straight to the next waiter; `active` stays the same.
            if (next)
                next();
            else
                this.active--;
        }
    }
    /** Runs `fn` over items with at most `size` in flight; rejects with the first error after all settle. */
    async map(items, fn) {
        const results = await Promise.allSettled(items.map((item, i) => this.run(() => fn(item, i))));
        const failed = results.find((r) => r.status === 'rejected');
        if (failed)
            throw failed.reason;
        return results.map((r) => r.value);
    }
}


/***/ }),

/***/ 42633:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ reportError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(70017);

/** Spec errors become `::error file=…,line=…,col=…::` annotations, one per problem; false for other errors. */
function reportError(host, error) {
    const list = error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecErrors */ .xs ? error.errors : error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecError */ .G8 ? [error] : [];
    for (const e of list)
        host.error(e.location?.path ? `${e.location.path}: ${e.message}` : e.message, e.location);
    return list.length > 0;
}


/***/ }),

/***/ 79407:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* reexport safe */ _cli_js__WEBPACK_IMPORTED_MODULE_2__.a)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(86160);



/** True when node runs this file itself (the runner), false when the CLI imports it. */
function invokedDirectly() {
    try {
        return !!process.argv[1] && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(process.argv[1]) === (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url));
    }
    catch {
        return false;
    }
}
if (invokedDirectly()) {
    // Only the action loads @actions/core (and with it @actions/http-client and undici, which its
    // OIDC client imports statically: half the bundle); the CLI has a host of its own.
    const { runStep } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(838), __nccwpck_require__.e(380)]).then(__nccwpck_require__.bind(__nccwpck_require__, 41380));
    await runStep();
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 38422:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P$: () => (/* binding */ parseSettings),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
/* unused harmony exports splitList, parseSecretsInput, parseUnpackLimit, parseSize */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runspec_checkout_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(49092);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(70017);




/** Input names exactly as action.yml declares them. */
var Input;
(function (Input) {
    Input["Spec"] = "spec";
    Input["Connections"] = "connections";
    Input["Secrets"] = "secrets";
    Input["Url"] = "url";
    Input["Revision"] = "revision";
    Input["Path"] = "path";
    Input["Workspace"] = "workspace";
    Input["Only"] = "only";
    Input["DryRun"] = "dry-run";
    Input["PersistCredentials"] = "persist-credentials";
    Input["Concurrency"] = "concurrency";
    Input["Token"] = "token";
    Input["LockFile"] = "lock-file";
    Input["Frozen"] = "frozen";
    Input["ExposeConnections"] = "expose-connections";
    Input["UnpackLimit"] = "unpack-limit";
    Input["Cache"] = "cache";
    Input["CacheMaxSize"] = "cache-max-size";
    // actions/checkout's inputs (checkout mode: no `spec`, no `url`), and `secret` for quick mode.
    Input["Repository"] = "repository";
    Input["Ref"] = "ref";
    Input["SshKey"] = "ssh-key";
    Input["SshKnownHosts"] = "ssh-known-hosts";
    Input["SshStrict"] = "ssh-strict";
    Input["SshUser"] = "ssh-user";
    Input["Clean"] = "clean";
    Input["Filter"] = "filter";
    Input["SparseCheckout"] = "sparse-checkout";
    Input["SparseCheckoutConeMode"] = "sparse-checkout-cone-mode";
    Input["FetchDepth"] = "fetch-depth";
    Input["FetchTags"] = "fetch-tags";
    Input["ShowProgress"] = "show-progress";
    Input["Lfs"] = "lfs";
    Input["Submodules"] = "submodules";
    Input["SetSafeDirectory"] = "set-safe-directory";
    Input["GithubServerUrl"] = "github-server-url";
    Input["AllowUnsafePrCheckout"] = "allow-unsafe-pr-checkout";
    Input["Secret"] = "secret";
})(Input || (Input = {}));
function bool(raw, name) {
    // A typo must not silently mean false (actions/cache's mistake); empty is false.
    return (0,_runspec_checkout_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .boolInput */ .Hm)((n) => raw[n], name, false);
}
function splitList(v) {
    return (v ?? '')
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
}
function parseSecretsInput(text) {
    const t = (text ?? '').trim();
    if (!t)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(t);
    }
    catch {
        // The parser's message can quote the text around the error: a secret. Say only what to do.
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SpecError */ .G8('input `secrets` is not valid JSON: pass `secrets: ${{ toJSON(secrets) }}` or a JSON object of name → value');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SpecError */ .G8('input `secrets` must be a JSON object of name → value, e.g. `${{ toJSON(secrets) }}`');
    }
    return parsed;
}
const UNITS = {
    '': 1,
    b: 1,
    k: 1e3,
    kb: 1e3,
    kib: 1024,
    m: 1e6,
    mb: 1e6,
    mib: 1024 ** 2,
    g: 1e9,
    gb: 1e9,
    gib: 1024 ** 3,
    t: 1e12,
    tb: 1e12,
    tib: 1024 ** 4
};
/**
 * `unpack-limit`: `20x` (a ratio to the archive's size), `100GiB` (an absolute size), or both
 * separated by a comma or space (the smaller wins). A part left out keeps its default (20×, 50 GiB).
 */
function parseUnpackLimit(text) {
    const limit = { ratio: 20, bytes: 50 * 1024 ** 3 };
    for (const part of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
        const ratio = /^(\d+(?:\.\d+)?)\s*[x×]$/i.exec(part);
        const size = parseSize(part);
        if (ratio && Number(ratio[1]) > 0)
            limit.ratio = Number(ratio[1]);
        else if (size !== undefined)
            limit.bytes = size;
        else
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SpecError */ .G8(`input \`unpack-limit\` takes a ratio (\`20x\`), a size (\`100GiB\`) or both (\`20x,100GiB\`), got "${part}"`);
    }
    return limit;
}
/** `10GiB`, `500MB`, `1e9`: a size in bytes, or undefined when the text is not one. */
function parseSize(text) {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
    const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
    return m && unit !== undefined && Number(m[1]) > 0 ? Number(m[1]) * unit : undefined;
}
function cacheSettings(raw) {
    const mode = (raw[Input.Cache] ?? '').trim().toLowerCase() || 'false';
    if (!['true', 'false', 'read-only'].includes(mode))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SpecError */ .G8(`input \`cache\` must be true, false or read-only, got "${mode}"`);
    const sizeText = (raw[Input.CacheMaxSize] ?? '').trim() || '10GiB';
    const maxBytes = parseSize(sizeText);
    if (maxBytes === undefined)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SpecError */ .G8(`input \`cache-max-size\` must be a size such as 10GiB or 500MB, got "${sizeText}"`);
    return { mode: mode === 'true' ? 'on' : mode === 'read-only' ? 'read-only' : 'off', maxBytes };
}
function parseSettings(raw, env, cwd = process.cwd()) {
    const workspace = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(cwd, raw[Input.Workspace] || env.GITHUB_WORKSPACE || cwd);
    const tempRoot = env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir();
    const concurrencyText = (raw[Input.Concurrency] ?? '').trim() || '16';
    const concurrency = Number(concurrencyText);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SpecError */ .G8(`input \`concurrency\` must be a whole number from 1 to 256, got "${concurrencyText}"`);
    }
    const lockRaw = (raw[Input.LockFile] ?? '').trim();
    // Off a runner (the CLI) the lock file describes the workspace and outlives the run, so it
    // goes there rather than into a per-process temp directory nobody would ever remove.
    const lockFile = lockRaw
        ? node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(workspace, lockRaw)
        : env.RUNNER_TEMP
            ? node_path__WEBPACK_IMPORTED_MODULE_1__.join(env.RUNNER_TEMP, 'sources.lock.json')
            : node_path__WEBPACK_IMPORTED_MODULE_1__.join(workspace, 'sources.lock.json');
    const secrets = parseSecretsInput(raw[Input.Secrets]);
    const get = (name) => raw[name];
    const serverUrl = (raw[Input.GithubServerUrl] ?? '').trim() || env.GITHUB_SERVER_URL || 'https://github.com';
    if (!/^https?:\/\/[^/\s]+\/?$/i.test(serverUrl))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SpecError */ .G8(`input \`github-server-url\` must be a server's base URL (https://github.example.com), got "${serverUrl}"`);
    return {
        spec: (raw[Input.Spec] ?? '').trim(),
        connections: (raw[Input.Connections] ?? '').trim(),
        ...(secrets ? { secrets } : {}),
        url: (raw[Input.Url] ?? '').trim(),
        revision: (raw[Input.Revision] ?? '').trim(),
        path: (raw[Input.Path] ?? '').trim(),
        workspace,
        only: splitList(raw[Input.Only]),
        dryRun: bool(raw, Input.DryRun),
        persistCredentials: bool(raw, Input.PersistCredentials),
        concurrency,
        token: (raw[Input.Token] ?? '').trim(),
        lockFile,
        lockFileInWorkspace: !lockRaw && !env.RUNNER_TEMP,
        frozen: (raw[Input.Frozen] ?? '').trim(),
        exposeConnections: bool(raw, Input.ExposeConnections),
        unpackLimit: parseUnpackLimit(raw[Input.UnpackLimit]),
        cache: cacheSettings(raw),
        tempRoot,
        serverUrl: serverUrl.replace(/\/+$/, ''),
        checkout: (0,_runspec_checkout_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCheckoutInputs */ .zD)(get),
        sshKey: (raw[Input.SshKey] ?? '').trim(),
        git: {
            knownHosts: raw[Input.SshKnownHosts] ?? '',
            sshStrict: (0,_runspec_checkout_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .boolInput */ .Hm)(get, Input.SshStrict, true),
            showProgress: (0,_runspec_checkout_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .boolInput */ .Hm)(get, Input.ShowProgress, true),
            safeDirectory: (0,_runspec_checkout_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .boolInput */ .Hm)(get, Input.SetSafeDirectory, true)
        },
        env
    };
}


/***/ }),

/***/ 73645:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  c: () => (/* binding */ runFetch)
});

// UNUSED EXPORTS: failedMessage

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: ./src/util/safe-path.ts
var safe_path = __nccwpck_require__(35251);
// EXTERNAL MODULE: ./src/connections/secret.ts
var connections_secret = __nccwpck_require__(56317);
;// CONCATENATED MODULE: ./src/connections/secret-files.ts




/** The secret of a catalog connection, as sources resolved it or looked up now. */
function secretOf(plan, store, name) {
    const fromSource = plan.sources.find((s) => s.connection === name)?.secret;
    if (fromSource)
        return fromSource;
    const c = plan.connections.find((c) => c.name === name);
    return c?.secret ? store.require(c.secret.name, `connection "${name}"`, c.origin) : undefined;
}
/**
 * `secret.mountPath`: writes the secret's keys as 0600 files under the temp root (the runner has
 * no Kubernetes volume to mount them on). The post step removes the directory.
 */
async function writeSecretFiles(plan, store, tempRoot, cleanup) {
    const written = [];
    const used = new Set(plan.sources.map((s) => s.connection).concat(plan.exposeConnections));
    for (const c of plan.connections) {
        if (!c.secret?.mountPath || !used.has(c.name))
            continue;
        const secret = secretOf(plan, store, c.name);
        if (!secret)
            continue;
        const root = external_node_path_.join(tempRoot, `fetch-sources-secrets-${process.pid}`);
        cleanup.add(root, { untilPost: true });
        const dir = external_node_path_.join(root, c.name, ...c.secret.mountPath.split(/[\\/]/).filter((p) => p && p !== '.' && p !== '..'));
        await promises_.mkdir(dir, { recursive: true, mode: 0o700 });
        const { raw, fields } = (0,connections_secret/* valueOf */.RP)(secret);
        const files = fields ?? { [secret.name]: raw };
        for (const [key, value] of Object.entries(files)) {
            const safe = (0,safe_path/* safeRelative */.iC)(key);
            if (!safe || safe.includes('/'))
                continue;
            await promises_.writeFile(external_node_path_.join(dir, safe), value, { mode: 0o600 });
        }
        written.push({ root, connection: c.name, secret: secret.name, dir, files: Object.keys(files).length });
    }
    return written;
}
/** Polyaxon `run.connections`: the keys of each named connection's secret, as environment variables. */
function exposedVariables(plan, store) {
    return plan.exposeConnections.map((name) => {
        const secret = secretOf(plan, store, name);
        const fields = secret ? (0,connections_secret/* valueOf */.RP)(secret).fields : undefined;
        if (!secret || !fields)
            return { connection: name, keys: [] };
        const variables = Object.fromEntries(Object.entries(fields).filter(([key]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)));
        return { connection: name, secret: secret.name, keys: Object.keys(fields), variables };
    });
}

// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __nccwpck_require__(70017);
// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __nccwpck_require__(37406);
;// CONCATENATED MODULE: ./src/connections/store.ts



/**
 * Looks secret names up as the contract says: the `secrets` input by exact then normalised name,
 * then environment variables the same two ways. Every value of the `secrets` input is masked when
 * the store is made (used or not), every value found the moment it is read.
 */
class SecretStore {
    options;
    cache = new Map();
    token;
    inputs = new Map();
    constructor(options) {
        this.options = options;
        for (const v of inputValues(options.input ?? {})) {
            options.redactor.add(v);
            const password = (0,connections_secret/* passwordHalf */.rR)(v);
            if (password)
                options.redactor.add(password);
        }
        if (options.token) {
            options.redactor.add(options.token);
            this.token = (0,connections_secret/* createSecret */.X$)('the `token` input', 'token input', options.token, (d) => void options.redactor.add(d));
        }
        for (const [input, value] of Object.entries(options.inputSecrets ?? {})) {
            if (!value)
                continue;
            const handle = (0,connections_secret/* createSecret */.X$)(`the \`${input}\` input`, 'input', value, (d) => void options.redactor.add(d));
            this.protect(handle);
            this.inputs.set(input, handle);
        }
    }
    /**
     * Masks what is secret in a URL the spec names: its query and fragment (a signed URL's
     * signature and credential travel there), so even a message that quotes the URL is scrubbed.
     * Not announced to the runner: `::add-mask::` would print it, and the spec shows it anyway.
     */
    protectUrl(url) {
        for (const part of urlSecrets(url))
            this.options.redactor.add(part, false);
    }
    /** The names tried, in order, for messages. */
    static candidates(name) {
        const norm = (0,connections_secret/* normaliseSecretName */.er)(name);
        return norm === name ? [name] : [name, norm];
    }
    /** The `token` input as a secret, when one was given. */
    serverToken() {
        return this.token;
    }
    /** A secret an action input holds itself (`ssh-key`); a SpecError when that input is empty. */
    fromInput(input) {
        const found = this.inputs.get(input);
        if (!found)
            throw new util_errors/* SpecError */.G8(`input \`${input}\` is empty`);
        return found;
    }
    /** Whether a secret of that name exists (the `secrets` input, then the environment); masks it when it does. */
    has(name) {
        return this.find(name) !== undefined;
    }
    find(name) {
        if (this.cache.has(name))
            return this.cache.get(name);
        const found = this.lookup(name);
        if (found)
            this.protect(found);
        this.cache.set(name, found);
        return found;
    }
    /**
     * The secret or a SpecError naming who needed it and every name tried — never a value.
     * `what` reads like `connection "repo-test"`.
     */
    require(name, what, location) {
        const found = this.find(name);
        if (found)
            return found;
        const tried = SecretStore.candidates(name)
            .map((n) => `"${n}"`)
            .join(', ');
        const where = this.options.input ? 'the `secrets` input, then environment variables' : 'environment variables (the `secrets` input is empty)';
        // GitHub refuses repository secrets named GITHUB_*, so `{{ github_secret }}` (ZenML's docs)
        // can only arrive under a name the workflow maps to it.
        const reserved = (0,connections_secret/* normaliseSecretName */.er)(name).startsWith('GITHUB_')
            ? ` GitHub does not allow repository secrets named ${(0,connections_secret/* normaliseSecretName */.er)(name)}: store it under another name and map it, e.g. \`secrets: '{"${name}": \${{ toJSON(secrets.MY_${(0,connections_secret/* normaliseSecretName */.er)(name)}) }}}'\` (docs/dialects.md, ZenML).`
            : '';
        throw new util_errors/* SpecError */.G8(`secret "${name}" for ${what} not found: tried ${tried} in ${where}. ` +
            'Pass repository secrets with `secrets: ${{ toJSON(secrets) }}`, or locally with --secrets-file.' +
            reserved, location);
    }
    /**
     * A source's secret as its spec asks for it: only some keys (`items`), one key as the whole
     * value (ZenML `{{ name.key }}`), or the value as the password of `username` (Gradient).
     */
    resolve(request) {
        const { name, what, location } = request;
        let secret = this.require(name, what, location);
        const missing = (key, listed) => new util_errors/* SpecError */.G8(`secret "${name}" for ${what} has no key "${key}"${listed}${(0,suggest/* didYouMean */.au)(key, (0,connections_secret/* secretKeys */.DX)(secret) ?? [])}`, location);
        if (request.items?.length) {
            const fields = {};
            for (const item of request.items) {
                const v = (0,connections_secret/* valueOf */.RP)(secret).fields?.[item];
                if (v === undefined)
                    throw missing(item, ' (listed in `items`)');
                fields[item] = v;
            }
            secret = (0,connections_secret/* deriveSecret */.uz)(secret, { fields });
        }
        if (request.key !== undefined) {
            const v = (0,connections_secret/* valueOf */.RP)(secret).fields?.[request.key];
            if (v === undefined)
                throw missing(request.key, '');
            secret = (0,connections_secret/* deriveSecret */.uz)(secret, v);
        }
        if (request.username !== undefined)
            secret = (0,connections_secret/* deriveSecret */.uz)(secret, `${request.username}:${(0,connections_secret/* valueOf */.RP)(secret).raw}`);
        return secret;
    }
    lookup(name) {
        const { input, env } = this.options;
        for (const candidate of SecretStore.candidates(name)) {
            const v = input?.[candidate];
            if (v !== undefined && v !== null && v !== '') {
                const raw = typeof v === 'string' ? v : JSON.stringify(v);
                return this.build(candidate, 'secrets input', raw);
            }
        }
        for (const candidate of SecretStore.candidates(name)) {
            const v = env[candidate];
            if (v !== undefined && v !== '')
                return this.build(candidate, 'environment', v);
        }
        return undefined;
    }
    build(name, foundIn, raw) {
        return (0,connections_secret/* createSecret */.X$)(name, foundIn, raw, (d) => void this.options.redactor.add(d));
    }
    protect(secret) {
        const { redactor, warn } = this.options;
        const { raw, fields } = (0,connections_secret/* valueOf */.RP)(secret);
        const values = fields ? Object.entries(fields) : [['', raw]];
        redactor.add(raw);
        for (const [key, value] of values) {
            if (value === '')
                continue;
            const password = (0,connections_secret/* passwordHalf */.rR)(value);
            if (password)
                redactor.add(password);
            if (!redactor.add(value)) {
                const which = key ? `key "${key}" of secret "${secret.name}"` : `secret "${secret.name}"`;
                warn(`${which} is only ${value.length} characters long: too short to mask in logs safely. Use a longer value.`);
            }
        }
    }
}
/**
 * Every string of the `secrets` input, nested objects and lists included, and every number of
 * four digits or more (a PIN, an account id): a secret's type does not make it less secret.
 * Booleans and short numbers are not masked: `true` or `12` would garble every log line.
 */
function inputValues(input) {
    const out = [];
    // A stack, not recursion: a deeply nested value cannot overflow it.
    const stack = Object.values(input);
    while (stack.length) {
        const v = stack.pop();
        if (typeof v === 'string')
            out.push(v);
        else if (typeof v === 'number' && String(v).replace(/\D/g, '').length >= 4)
            out.push(String(v));
        else if (Array.isArray(v))
            for (const x of v)
                stack.push(x);
        else if (v !== null && typeof v === 'object')
            for (const x of Object.values(v))
                stack.push(x);
    }
    return out;
}
/**
 * Below this, a query value is not masked on its own (`true`, `json`, an expiry in seconds are
 * not credentials, and masking them would garble unrelated log text); the whole query still is.
 */
const MIN_QUERY_VALUE = 12;
/** The query and fragment of a URL, whole, and each query value long enough to be a credential, as written and decoded. */
function urlSecrets(url) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^?#]*(?:\?([^#]*))?(?:#(.*))?$/is.exec(url.trim());
    if (!m)
        return [];
    const [, query = '', fragment = ''] = m;
    const parts = [query, fragment];
    for (const pair of query.split('&')) {
        const value = pair.slice(pair.indexOf('=') + 1);
        if (value.length < MIN_QUERY_VALUE)
            continue;
        parts.push(value);
        try {
            parts.push(decodeURIComponent(value.replace(/\+/g, ' ')));
        }
        catch {
            // Not percent-encoding: the value as written is masked already.
        }
    }
    return parts.filter((p) => p !== '');
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(27242);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __nccwpck_require__(78474);
// EXTERNAL MODULE: ./src/util/format.ts
var format = __nccwpck_require__(32693);
;// CONCATENATED MODULE: ./src/runspec/model.ts
/** Catalog kinds Polyaxon agents have that cannot back a source on a runner, and why. */
const UNUSABLE_CONNECTION_KINDS = {
    volume_claim: 'a Kubernetes volume claim cannot be mounted on a GitHub runner',
    registry: 'a container registry holds images, not sources (use docker/login-action)',
    slack: 'a Slack connection is a notification target, not a source',
    custom: 'a custom connection has no fetcher'
};

// EXTERNAL MODULE: ./src/util/urls.ts
var urls = __nccwpck_require__(59812);
;// CONCATENATED MODULE: ./src/runspec/sources.ts





/**
 * Destination inside the workspace, or undefined when it escapes it. A spec is shared between
 * runners, so `\` separates segments on every OS, and a drive-letter path (`C:\data`, `D:foo`)
 * is never a relative name: on Windows it is checked like any absolute path, elsewhere refused.
 * `p` is the path flavour (tests pass `path.win32`).
 */
function resolveInside(workspace, relative, p = external_node_path_) {
    const normal = relative.replace(/\\/g, '/');
    if (/^[A-Za-z]:/.test(normal) && p.sep === '/')
        return undefined;
    const dest = p.resolve(workspace, normal);
    const rel = p.relative(workspace, dest);
    if (rel === '' || rel === '..' || rel.startsWith('..' + p.sep) || p.isAbsolute(rel))
        return undefined;
    return dest;
}
/** Whether a destination names the workspace itself (`.`, `./`, `a/..`): a checkout lands there, as actions/checkout's does. */
function isWorkspaceRoot(workspace, relative, p = external_node_path_) {
    return p.resolve(workspace, relative.replace(/\\/g, '/')) === p.resolve(workspace);
}
/** `artifacts: {files, dirs}` and `paths` of a draft as one selection (buckets and host paths). */
function selectionOf(d) {
    return {
        files: d.artifacts?.files ?? [],
        dirs: d.artifacts?.dirs ?? [],
        paths: (d.paths ?? []).map((p) => (typeof p === 'string' ? [p, p] : [p[0], p[1]]))
    };
}
/** What a kind-specific field is, when used on a kind that does not take it. */
const MISPLACED = {
    git: (k, owners) => `\`git\` options apply to ${owners} sources, not ${k}`,
    artifacts: (k) => `\`artifacts\` selects objects of a bucket or a host path${k === 'git' ? '; for git use `git: {sparse: [...]}`' : `, not of a ${k} source`}`,
    paths: (k) => `\`paths\` selects objects of a bucket or a host path${k === 'git' ? '; for git use `git: {sparse: [...]}`' : `, not of a ${k} source`}`,
    unpack: (_k, owners) => `\`unpack\` applies to ${owners} sources only`,
    sha256: (_k, owners) => `\`sha256\` applies to ${owners} sources only`,
    sync: () => '`sync` applies to buckets and host paths',
    subdirectory: (_k, owners) => `\`subdirectory\` applies to ${owners} sources`
};
/** Options that belong to other kinds are mistakes, not things to ignore. */
function checkFields(d, kind, kinds, fail) {
    for (const field of Object.keys(MISPLACED)) {
        if (d[field] === undefined || kind.takes.includes(field))
            continue;
        const owners = kinds.list
            .filter((k) => k.takes.includes(field))
            .map((k) => k.kind)
            .join(', ');
        fail(MISPLACED[field](kind.kind, owners), [field]);
    }
}
/** Builds one resolved source from a draft, or throws a located SpecError. */
function buildSource(draft, ctx) {
    const d = draft.value;
    const locate = (sub = [], key) => draft.doc.locate([...draft.path, ...sub], key);
    const fail = (message, sub = [], key) => {
        throw new util_errors/* SpecError */.G8(message, locate(sub, key));
    };
    let connection;
    if (d.connection !== undefined) {
        connection = ctx.catalog.get(d.connection);
        if (!connection) {
            const known = [...ctx.catalog.keys()];
            fail(`unknown connection "${d.connection}"${(0,suggest/* didYouMean */.au)(d.connection, known)}` +
                (known.length ? '' : ' (the catalog is empty: define `connections:` in the spec or pass the `connections` input)'), ['connection']);
        }
        if (d.url !== undefined)
            fail('give either `connection` or `url`, not both (override a git URL with `git: {url: …}`)', ['url']);
    }
    else if (d.url === undefined && d.git?.url === undefined) {
        if ((d.artifacts || d.paths) && ctx.artifactsStore)
            connection = ctx.catalog.get(ctx.artifactsStore);
        if (!connection)
            fail('a source needs a `connection` (a name from the catalog) or a `url`');
    }
    const url = d.url ?? d.git?.url;
    // A signed URL carries its credential in the query: masked before any message (ours too) quotes it.
    for (const u of [url, ...Object.values(connection?.schema ?? {})])
        if (typeof u === 'string' && /[?#]/.test(u))
            ctx.secrets.protectUrl(u);
    let kind;
    if (connection) {
        kind = ctx.kinds.ofConnection(connection.kind);
        if (!kind) {
            const why = UNUSABLE_CONNECTION_KINDS[connection.kind] ?? 'no kind of source fetches it';
            fail(`connection "${connection.name}" is of kind ${connection.kind}: ${why}`, ['connection']);
        }
        if (d.kind !== undefined && d.kind !== kind.kind)
            fail(`kind "${d.kind}" does not match connection "${connection.name}" of kind ${connection.kind}`, ['kind']);
    }
    else {
        const forced = d.kind !== undefined ? ctx.kinds.list.find((k) => k.kind === d.kind) : undefined;
        // A source with only `git: {url}` is a git source.
        kind = forced ?? (d.url !== undefined ? ctx.kinds.ofUrl(d.url) : ctx.kinds.list.find((k) => k.kind === 'git'));
        if (!kind)
            fail(`cannot tell what kind of source "${url}" is: set \`kind:\` (${ctx.kinds.list.map((k) => k.kind).join(', ')})`, ['url']);
    }
    checkFields(d, kind, ctx.kinds, fail);
    const name = d.name ?? connection?.name ?? (0,urls/* nameFromUrl */.pB)(url ?? '');
    const relPath = d.path ?? name;
    // The workspace root is checked with the other sources in plan.ts: only a lone git source may land there.
    const dest = isWorkspaceRoot(ctx.workspace, relPath) ? external_node_path_.resolve(ctx.workspace) : resolveInside(ctx.workspace, relPath);
    if (!dest)
        fail(`destination "${relPath}" resolves outside the workspace (${ctx.workspace}): use a path inside it`, d.path ? ['path'] : []);
    const ref = d.secret ?? connection?.secret;
    const secret = d.secretInput
        ? ctx.secrets.fromInput(d.secretInput)
        : ref
            ? ctx.secrets.resolve({
                name: ref.name,
                what: d.secret ? `source "${name}"` : `connection "${connection.name}"`,
                location: d.secret ? locate(['secret', 'name']) : connection.origin,
                ...(ref.items?.length ? { items: ref.items } : {}),
                ...(d.secretKey !== undefined ? { key: d.secretKey } : {}),
                ...(d.username !== undefined ? { username: d.username } : {})
            })
            : undefined;
    const common = {
        name,
        dest: dest,
        relPath: external_node_path_.relative(ctx.workspace, dest) || '.',
        primary: d.primary ?? false,
        origin: locate(),
        ...(connection ? { connection: connection.name } : {}),
        ...(secret ? { secret } : {}),
        ...(d.timeout !== undefined ? { timeout: d.timeout } : {}),
        ...(d.cache !== undefined ? { cache: d.cache === 'read-only' ? 'read-only' : d.cache ? 'on' : 'off' } : {})
    };
    return kind.build({
        draft: d,
        ...(connection ? { connection } : {}),
        schema: connection?.schema ?? {},
        ...(url !== undefined ? { url } : {}),
        common,
        workspace: ctx.workspace,
        fail,
        locate
    });
}

;// CONCATENATED MODULE: ./src/fetchers/bucket.ts

const TAKES = ['artifacts', 'paths', 'sync'];
/** What the four bucket kinds share at the spec level: the URI check, the selection, the replay rule. */
function bucketKind(o) {
    return {
        kind: o.kind,
        connectionSchemas: { [o.kind]: o.schema },
        takes: TAKES,
        claimsUrl: (url) => o.schemes.some((s) => url.toLowerCase().startsWith(s)),
        build({ draft: d, schema, url, common, fail }) {
            const uri = schema.bucket ?? url;
            if (!o.schemes.some((p) => uri.startsWith(p)))
                fail(`"${uri}" is not a ${o.kind} URI: it should start with ${o.schemes.join(' or ')}`, d.url ? ['url'] : ['connection']);
            return {
                ...common,
                kind: o.kind,
                uri,
                options: schema,
                selection: selectionOf(d),
                sync: d.sync ?? false,
                ...(d.prefixAsDirectory ? { prefixAsDirectory: true } : {})
            };
        },
        describe: o.describe ?? ((s) => `${s.uri} → ${s.relPath}`),
        address: (s) => s.uri,
        revision: () => '',
        pin: (_source, locked) => (locked.objects ? undefined : 'the lock has no object list to replay (written by an older version?)'),
        fetch: o.fetch
    };
}
/** The line for s3 and oci sources, which name their endpoint. */
function describeWithEndpoint(source) {
    const endpoint = typeof source.options.endpoint === 'string' ? ` (endpoint ${source.options.endpoint})` : '';
    return `${source.uri}${endpoint} → ${source.relPath}`;
}

;// CONCATENATED MODULE: ./src/fetchers/gcs/index.ts

/** `gs://bucket/prefix` on Google Cloud Storage (or an emulator). */
const gcs = bucketKind({
    kind: 'gcs',
    schemes: ['gs://'],
    schema: (z) => z.strictObject({
        bucket: z.string().min(1),
        endpoint: z.string().optional(),
        projectId: z.string().optional(),
        requesterPays: z.boolean().optional()
    }),
    fetch: async (source, ctx) => (await Promise.all(/* import() */[__nccwpck_require__.e(216), __nccwpck_require__.e(699), __nccwpck_require__.e(663)]).then(__nccwpck_require__.bind(__nccwpck_require__, 12663))).fetchGcs(source, ctx)
});

// EXTERNAL MODULE: ./src/runspec/patterns.ts
var patterns = __nccwpck_require__(38355);
// EXTERNAL MODULE: ./src/fetchers/git/url.ts
var git_url = __nccwpck_require__(41314);
;// CONCATENATED MODULE: ./src/fetchers/git/source.ts


/** A git source from its draft: URL (from the draft, the connection or its provider), options, revision. */
function buildGit({ draft: d, connection, schema, url, common, fail }) {
    // Checkout mode names its repository on GitHub's API too (its URL is the draft's own).
    const provider = connection ? providerOf(connection) : d.checkout?.api ? { url: url, api: { type: 'github', ...d.checkout.api } } : undefined;
    const gitUrl = d.git?.url ?? schema.url ?? provider?.url ?? url;
    const problem = (0,git_url/* gitUrlProblem */.Np)(gitUrl);
    if (problem)
        fail(problem, d.git?.url ? ['git', 'url'] : d.url ? ['url'] : ['connection']);
    const settings = gitSettings(d.git, schema.flags ?? []);
    if ('refused' in settings)
        fail(settings.refused, settings.index >= 0 ? ['git', 'flags', settings.index] : ['connection']);
    const revision = d.git?.revision ?? d.defaultRevision ?? schema.revision;
    if (revision !== undefined && /^-|\s|\.\.|[~^:?*[\\]|@\{/.test(revision))
        fail(`revision "${revision}" is not a valid branch, tag, SHA or ref`, ['git', 'revision']);
    // The native schema checks these with a location; drafts of other dialects are checked here.
    // Non-cone patterns (`!/tests/`, `*.md`) are git's to interpret, always inside the work tree.
    const sparse = d.checkout?.sparsePatterns ? [] : (d.git?.sparse ?? []);
    const outside = sparse.findIndex((p) => !patterns/* INSIDE_PATH */.x.test(p));
    if (outside >= 0)
        fail(`sparse entry "${sparse[outside]}" is not a path inside the repository: relative, without ".." segments`, ['git', 'sparse', outside]);
    if (d.subdirectory !== undefined && !patterns/* INSIDE_PATH */.x.test(d.subdirectory))
        fail(`subdirectory "${d.subdirectory}" is not a path inside the repository: relative, without ".." segments`, ['subdirectory']);
    const known = schema.knownHosts;
    return {
        ...common,
        kind: 'git',
        url: gitUrl,
        ...settings,
        ...(revision !== undefined ? { revision } : {}),
        ...(d.subdirectory !== undefined ? { subdirectory: d.subdirectory } : {}),
        ...(provider ? { provider: provider.api } : {}),
        ...(known !== undefined ? { knownHosts: Array.isArray(known) ? known.join('\n') : known } : {}),
        ...(d.proxy ? { proxy: d.proxy } : {}),
        ...(d.checkout ? { checkout: d.checkout } : {})
    };
}
/** github and gitlab connections name a repository on a host: its clone URL and its API. */
function providerOf(c) {
    const s = c.schema;
    if (c.kind === 'github') {
        const host = s.host ?? 'github.com';
        const web = s.url ?? `https://${host}`;
        const apiUrl = s.apiUrl ?? (host === 'github.com' ? 'https://api.github.com' : `${web.replace(/\/$/, '')}/api/v3`);
        return { url: `${web.replace(/\/$/, '')}/${s.owner}/${s.repository}.git`, api: { type: 'github', apiUrl, owner: s.owner, repo: s.repository } };
    }
    if (c.kind === 'gitlab') {
        const web = (s.instanceUrl ?? s.url ?? `https://${s.host ?? 'gitlab.com'}`).replace(/\/$/, '');
        return { url: `${web}/${s.group}/${s.project}.git`, api: { type: 'gitlab', apiUrl: `${web}/api/v4`, owner: s.group, repo: s.project } };
    }
    return undefined;
}
/**
 * Folds the allow-listed `flags` (Polyaxon style) into typed options. Explicit options win over
 * flags. Returns the refused flag's message instead when one is not allowed.
 */
function gitSettings(options, connectionFlags = []) {
    const flags = [...connectionFlags, ...(options?.flags ?? [])];
    let depth;
    let submodules;
    let shallowSubmodules = false;
    let singleBranch = false;
    let tags;
    let filter;
    for (const [i, raw] of flags.entries()) {
        const flag = raw.trim();
        if (!patterns/* GIT_FLAG_PATTERN */.F.test(flag)) {
            return {
                refused: `git flag "${flag}" is not allowed: only --depth N, --recurse-submodules, --shallow-submodules, ` +
                    '--single-branch, --no-tags, --filter=…, --experimental-fetch are (use `depth`, `submodules`, `sparse`, `tags` instead)',
                index: i - connectionFlags.length
            };
        }
        if (flag.startsWith('--depth'))
            depth = Number(flag.slice('--depth'.length + 1));
        else if (flag === '--recurse-submodules')
            submodules = 'recursive';
        else if (flag === '--shallow-submodules')
            shallowSubmodules = true;
        else if (flag === '--single-branch')
            singleBranch = true;
        else if (flag === '--no-tags')
            tags = false;
        else if (flag.startsWith('--filter='))
            filter = flag.slice('--filter='.length);
        // --experimental-fetch: Polyaxon's "fetch instead of clone" — what we always do.
    }
    const finalDepth = options?.depth ?? depth ?? 1;
    return {
        depth: finalDepth,
        submodules: options?.submodules ?? submodules ?? false,
        shallowSubmodules,
        lfs: options?.lfs ?? false,
        sparse: options?.sparse ?? [],
        // Full history means full history, tags included, unless said otherwise.
        tags: options?.tags ?? tags ?? finalDepth === 0,
        singleBranch,
        ...(filter !== undefined ? { filter } : {})
    };
}

;// CONCATENATED MODULE: ./src/fetchers/git/index.ts



const FULL_COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** `git`, `github` and `gitlab` connections, and git URLs: a repository checked out at one commit. */
const git = {
    kind: 'git',
    connectionSchemas: {
        git: (z, { knownHosts }) => z.strictObject({
            url: z.string().min(1, 'must not be empty'),
            revision: z.string().optional(),
            flags: z.array(z.string()).optional(),
            knownHosts: knownHosts.optional()
        }),
        github: (z, { knownHosts }) => z.strictObject({
            owner: z.string().min(1),
            repository: z.string().min(1),
            host: z.string().optional(),
            apiUrl: z.string().optional(),
            url: z.string().optional(),
            knownHosts: knownHosts.optional()
        }),
        gitlab: (z, { knownHosts }) => z.strictObject({
            group: z.string().min(1),
            project: z.string().min(1),
            host: z.string().optional(),
            instanceUrl: z.string().optional(),
            url: z.string().optional(),
            knownHosts: knownHosts.optional()
        })
    },
    takes: ['git', 'subdirectory'],
    claimsUrl: git_url/* isGitUrl */.m8,
    build: buildGit,
    describe: (s) => `git ${(0,urls/* publicUrl */.x6)(s.url)}${s.revision ? ` @ ${s.revision}` : ''}${s.depth ? ` (depth ${s.depth})` : ' (full history)'} → ${s.relPath}`,
    address: (s) => s.url,
    revision: (s) => s.revision ?? '',
    pin(source, locked) {
        if (!FULL_COMMIT.test(locked.commit))
            return 'the lock has no commit to replay';
        source.revision = locked.commit;
        return undefined;
    },
    fetch: async (source, ctx) => (await __nccwpck_require__.e(/* import() */ 887).then(__nccwpck_require__.bind(__nccwpck_require__, 70887))).fetchGit(source, ctx)
};

;// CONCATENATED MODULE: ./src/fetchers/host-path/index.ts



const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** `host_path`: a directory (or one file) on the runner, copied with the same selectors as buckets. */
const hostPath = {
    kind: 'host_path',
    connectionSchemas: {
        host_path: (z) => z.strictObject({ hostPath: z.string().min(1), mountPath: z.string().optional(), readOnly: z.boolean().optional() })
    },
    takes: ['artifacts', 'paths', 'sync'],
    // A Windows path (`C:\data`, `.\data`) would otherwise read as a URL scheme or as nothing.
    claimsUrl: (url) => /^[A-Za-z]:[\\/]/.test(url) || /^\.{1,2}\\/.test(url) || (!SCHEME.test(url) && (url.startsWith('/') || url.startsWith('./') || url.startsWith('../'))),
    build({ draft: d, schema, url, common, workspace }) {
        const raw = schema.hostPath ?? url;
        // `file:///C:/data` names a Windows drive path: drop the slash before the drive letter.
        const hostPath = external_node_path_.resolve(workspace, raw.replace(/^file:\/\//, '').replace(/^\/([A-Za-z]:[\\/])/, '$1'));
        return { ...common, kind: 'host_path', hostPath, selection: selectionOf(d), sync: d.sync ?? false };
    },
    describe: (s) => `copy ${s.hostPath} → ${s.relPath}`,
    address: (s) => (0,urls/* fileUrlOf */.rn)(s.hostPath),
    revision: () => '',
    pin: (_source, locked) => (locked.objects ? undefined : 'the lock has no object list to replay (written by an older version?)'),
    fetch: async (source, ctx) => (await __nccwpck_require__.e(/* import() */ 825).then(__nccwpck_require__.bind(__nccwpck_require__, 46825))).fetchHostPath(source, ctx)
};

;// CONCATENATED MODULE: ./src/fetchers/http/index.ts

/** `http(s)` URLs: one file, or an archive unpacked into the destination. */
const http = {
    kind: 'http',
    connectionSchemas: { http: (z) => z.strictObject({ url: z.string().min(1), headers: z.record(z.string(), z.string()).optional() }) },
    takes: ['unpack', 'sha256'],
    // Asked after git, which takes the http(s) URLs that name repositories.
    claimsUrl: (url) => /^https?:/i.test(url),
    build({ draft: d, schema, url, common, fail }) {
        const httpUrl = schema.url ?? url;
        if (!/^https?:\/\//i.test(httpUrl))
            fail(`"${httpUrl}" is not an http(s) URL`, d.url ? ['url'] : ['connection']);
        const headers = { ...(schema.headers ?? {}), ...(d.headers ?? {}) };
        return {
            ...common,
            kind: 'http',
            url: httpUrl,
            unpack: d.unpack ?? false,
            ...(d.sha256 ? { sha256: d.sha256.toLowerCase() } : {}),
            ...(Object.keys(headers).length ? { headers } : {})
        };
    },
    describe: (s) => `${(0,urls/* publicUrl */.x6)(s.url)}${s.unpack ? ' (unpacked)' : ''} → ${s.relPath}`,
    // The query is a credential of a signed URL: never in outputs or the lock file.
    address: (s) => (0,urls/* publicUrl */.x6)(s.url),
    revision: () => '',
    pin(source, locked) {
        const sha = /^sha256:([0-9a-f]{64})$/.exec(locked.digest)?.[1];
        if (sha)
            source.sha256 = sha;
        return undefined;
    },
    fetch: async (source, ctx) => (await Promise.all(/* import() */[__nccwpck_require__.e(216), __nccwpck_require__.e(70)]).then(__nccwpck_require__.bind(__nccwpck_require__, 19070))).fetchHttp(source, ctx)
};

;// CONCATENATED MODULE: ./src/fetchers/oci/index.ts

/**
 * `oci://bucket@namespace/prefix`: OCI Object Storage through its S3-compatible API
 * (`https://{namespace}.compat.objectstorage.{region}.oraclecloud.com`, customer secret keys).
 * `resolveS3Location` works out the endpoint and region; the transfer is the S3 one.
 */
const oci = bucketKind({
    kind: 'oci',
    schemes: ['oci://'],
    schema: (z) => z.strictObject({
        bucket: z.string().min(1),
        namespace: z.string().optional(),
        region: z.string().optional(),
        endpoint: z.string().optional(),
        forcePathStyle: z.boolean().optional()
    }),
    describe: describeWithEndpoint,
    fetch: async (source, ctx) => (await Promise.all(/* import() */[__nccwpck_require__.e(216), __nccwpck_require__.e(699), __nccwpck_require__.e(655)]).then(__nccwpck_require__.bind(__nccwpck_require__, 13655))).fetchS3Compatible(source, ctx)
});

;// CONCATENATED MODULE: ./src/fetchers/s3/index.ts

/** `s3://bucket/prefix` on AWS or any S3-compatible store (MinIO, Ceph, R2, …). */
const s3 = bucketKind({
    kind: 's3',
    schemes: ['s3://'],
    schema: (z) => z.strictObject({
        bucket: z.string().min(1),
        endpoint: z.string().optional(),
        region: z.string().optional(),
        forcePathStyle: z.boolean().optional(),
        requesterPays: z.boolean().optional()
    }),
    describe: describeWithEndpoint,
    fetch: async (source, ctx) => (await Promise.all(/* import() */[__nccwpck_require__.e(216), __nccwpck_require__.e(699), __nccwpck_require__.e(655)]).then(__nccwpck_require__.bind(__nccwpck_require__, 13655))).fetchS3Compatible(source, ctx)
});

;// CONCATENATED MODULE: ./src/fetchers/wasb/index.ts

/** Azure Blob Storage: `wasbs://container@account.blob.core.windows.net/prefix`, `wasb://`, `az://`. */
const wasb = bucketKind({
    kind: 'wasb',
    schemes: ['wasb://', 'wasbs://', 'az://'],
    schema: (z) => z.strictObject({ bucket: z.string().min(1), endpoint: z.string().optional() }),
    fetch: async (source, ctx) => (await Promise.all(/* import() */[__nccwpck_require__.e(216), __nccwpck_require__.e(699), __nccwpck_require__.e(991)]).then(__nccwpck_require__.bind(__nccwpck_require__, 44991))).fetchWasb(source, ctx)
});

;// CONCATENATED MODULE: ./src/fetchers/registry.ts








/**
 * Every kind of source, one line each. The order is the order inline URLs are tried in (git
 * before http: an https URL naming a repository is git). A kind's folder loads its transfer code
 * and SDK only when a source of it is fetched, so a git-only run never parses a cloud SDK.
 */
const KINDS = [git, s3, oci, gcs, wasb, http, hostPath];
const byName = new Map(KINDS.map((k) => [k.kind, k]));
const byConnection = new Map(KINDS.flatMap((k) => Object.keys(k.connectionSchemas).map((c) => [c, k])));
/** The kind of a source of the plan. */
function kindOf(source) {
    const kind = byName.get(source.kind);
    if (!kind)
        throw new Error(`no kind of source is named "${source.kind}"`);
    return kind;
}
/** The registry as the spec sees it. */
const kinds = {
    list: KINDS,
    ofUrl: (url) => KINDS.find((k) => k.claimsUrl(url)),
    ofConnection: (connectionKind) => byConnection.get(connectionKind),
    connectionKinds: [...byConnection.keys(), ...Object.keys(UNUSABLE_CONNECTION_KINDS)],
    connectionSchemas: Object.fromEntries(KINDS.flatMap((k) => Object.entries(k.connectionSchemas)))
};
/** The kind an inline `url` means when the source does not say (`git`, `s3`, …). */
function kindOfUrl(url) {
    return kinds.ofUrl(url)?.kind;
}

// EXTERNAL MODULE: ./src/fetchers/shared/destination.ts
var destination = __nccwpck_require__(62692);
// EXTERNAL MODULE: ./src/fetchers/shared/landing.ts
var landing = __nccwpck_require__(5311);
// EXTERNAL MODULE: ./src/fetchers/shared/limiter.ts
var shared_limiter = __nccwpck_require__(87948);
// EXTERNAL MODULE: ./src/fetchers/shared/cache.ts
var shared_cache = __nccwpck_require__(20530);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ./src/fetchers/shared/root-landing.ts






/**
 * Landing at the workspace root (checkout mode's destination, as actions/checkout's). The
 * workspace itself cannot be renamed (the runner made it, and it is every step's working
 * directory), so the swap moves its entries: staging lives inside it, the previous entries are
 * moved aside, the staged ones moved up. Every step is a rename on one filesystem, and the names
 * say how far a swap got, so the next run (under the lock) finishes or undoes one that was killed:
 *
 *   1. previous entries → `ASIDE` dir;  renamed to `OLD` when all are in it
 *   2. staged entries → the root;        `OLD` renamed to `TRASH` when all are up, then removed
 *
 * The prefixes differ from a subdirectory destination's (`.fetch-sources-tmp-<name>-…`), so a
 * destination named like them never matches. Lock files of other runs are never moved.
 */
const ROOT = `${constants/* STAGING_PREFIX */.th}root-`;
const TMP = `${ROOT}tmp-`;
const ASIDE = `${ROOT}aside-`;
const OLD = `${ROOT}old-`;
const TRASH = `${ROOT}trash-`;
const ours = (name, prefix) => name.startsWith(prefix) && /^[0-9a-f]{8}$/.test(name.slice(prefix.length));
const isMarker = (name) => [TMP, ASIDE, OLD, TRASH].some((p) => ours(name, p)) || name.startsWith(destination/* LOCK_PREFIX */.fY);
const hex = () => (0,external_node_crypto_.randomBytes)(4).toString('hex');
/** A fresh empty staging directory inside the workspace. */
async function createRootStaging(root) {
    const dir = external_node_path_.join(root, `${TMP}${hex()}`);
    await promises_.mkdir(dir);
    return dir;
}
/** Whether the workspace holds anything (a previous checkout, files of earlier steps). */
async function rootHasContent(root) {
    return (await promises_.readdir(root)).some((name) => !isMarker(name));
}
async function moveEntries(from, to, names) {
    for (const name of names)
        await promises_.rename(external_node_path_.join(from, name), external_node_path_.join(to, name));
}
/** Replaces the workspace's entries with those of `staging`. */
async function commitRootStaging(staging, root) {
    const previous = (await promises_.readdir(root)).filter((name) => !isMarker(name));
    let old;
    if (previous.length) {
        const aside = external_node_path_.join(root, `${ASIDE}${hex()}`);
        await promises_.mkdir(aside);
        await moveEntries(root, aside, previous);
        old = external_node_path_.join(root, `${OLD}${aside.slice(-8)}`);
        await promises_.rename(aside, old);
    }
    try {
        await (0,landing/* moveInto */.cG)(staging, root);
    }
    catch (e) {
        if (old)
            await undoSwap(root, old);
        throw e;
    }
    await promises_.rmdir(staging).catch(() => undefined);
    if (!old)
        return;
    const trash = external_node_path_.join(root, `${TRASH}${old.slice(-8)}`);
    await promises_.rename(old, trash);
    await promises_.rm(trash, { recursive: true, force: true });
}
/** Phase 2 did not finish: what is at the root besides markers is a partial new tree. */
async function undoSwap(root, old) {
    for (const name of await promises_.readdir(root)) {
        if (!isMarker(name))
            await promises_.rm(external_node_path_.join(root, name), { recursive: true, force: true });
    }
    await moveEntries(old, root, await promises_.readdir(old));
    await promises_.rmdir(old);
}
/**
 * Finishes or undoes what a killed run left at the root, under the destination's lock: a swap
 * stopped while moving the previous entries aside has them moved back, one stopped while moving
 * the new ones up is undone (the previous tree comes back), trash and staging are removed.
 */
async function recoverRootStale(root) {
    const names = await promises_.readdir(root);
    const removed = [];
    for (const name of names) {
        if (ours(name, ASIDE)) {
            const dir = external_node_path_.join(root, name);
            await moveEntries(dir, root, await promises_.readdir(dir));
            await promises_.rmdir(dir);
            removed.push(name);
        }
        else if (ours(name, OLD)) {
            await undoSwap(root, external_node_path_.join(root, name));
            removed.push(name);
        }
    }
    for (const name of names) {
        if (ours(name, TMP) || ours(name, TRASH)) {
            await promises_.rm(external_node_path_.join(root, name), { recursive: true, force: true });
            removed.push(name);
        }
    }
    return removed;
}

;// CONCATENATED MODULE: ./src/fetchers/fetch-all.ts











/** A lone source's log goes out as it comes, inside its group (git's progress lines with it). */
function liveLog(host, name) {
    return { lines: [], info: (m) => host.info(m), warning: (m) => host.warning(`${name}: ${m}`), progress: (m) => host.info(`[${name}] ${m}`) };
}
/** Several sources run at once: each one's lines are kept and printed as its group when it ends. */
function bufferedLog(host, name) {
    const lines = [];
    return {
        lines,
        info: (m) => lines.push(m),
        warning: (m) => {
            lines.push(`warning: ${m}`);
            host.warning(`${name}: ${m}`);
        },
        progress: (m) => host.info(`[${name}] ${m}`)
    };
}
/**
 * Fetches every source concurrently (transfers share one pool of `concurrency` slots), each into
 * staging, swapped into place only when complete. One failing source does not stop the others.
 * Every destination is checked and locked first (see `claim`); the locks are released by
 * `cleanup` when the run has reported, so another run never replaces what this one reports.
 * `signal` cancels every transfer (SIGINT/SIGTERM); what was staged is removed.
 */
async function fetchAll(sources, options, host, cleanup, frozen, signal = new AbortController().signal) {
    // Every transfer in flight listens to this one signal (up to `concurrency`, 256): over ten is
    // the design, not a leak, and Node's MaxListenersExceededWarning would land in the job's log.
    (0,external_node_events_.setMaxListeners)(0, signal);
    const limiter = new shared_limiter/* Limiter */.j(options.concurrency);
    const live = sources.length === 1;
    const logs = new Map(sources.map((s) => [s, live ? liveLog(host, s.name) : bufferedLog(host, s.name)]));
    const timeoutMs = (0,destination/* lockTimeoutMs */.D5)(options.env);
    // In one global order (by path): two runs whose sets of destinations overlap can then never
    // each hold one the other waits for.
    const claims = new Map();
    for (const source of [...sources].sort((a, b) => (a.dest < b.dest ? -1 : a.dest > b.dest ? 1 : 0))) {
        const claimed = claim(source, logs.get(source), cleanup, timeoutMs, signal);
        claims.set(source, claimed);
        await claimed.catch(() => undefined);
    }
    const one = (source) => fetchOne(source, {
        options,
        host,
        cleanup,
        limiter,
        signal,
        locked: frozen?.get(source.name),
        peers: sources,
        log: logs.get(source),
        claimed: claims.get(source),
        live
    });
    if (live)
        return [await host.group(groupTitle(sources[0]), () => one(sources[0]))];
    return Promise.all(sources.map(one));
}
const groupTitle = (source) => `${source.name} (${source.kind}) → ${source.relPath}`;
/**
 * Makes the destination ours: no symlink on its way from the workspace (refused before anything
 * is written), its parents created, and its lock held (waiting for a live run that holds it).
 */
async function claim(source, log, cleanup, timeoutMs, signal) {
    await (0,destination/* prepareDestination */.mC)(source.dest, source.relPath);
    const lock = await (0,destination/* lockDestination */.K9)(source.dest, {
        relPath: source.relPath,
        timeoutMs,
        signal,
        onWait: (owner) => log.progress(`waiting for another fetch-sources run${owner ? ` (${(0,destination/* describeOwner */.$S)(owner)})` : ''} that holds ${source.relPath}; giving up after ${Math.round(timeoutMs / 1000)} s`),
        onTakeover: (owner) => log.info(`took over the lock of a run that is gone${owner ? ` (${(0,destination/* describeOwner */.$S)(owner)})` : ''}`)
    });
    cleanup.add(lock.file, { remove: () => lock.release() });
}
/** This source's cache settings: its own `cache:`, else the run's; off without a cache service. */
function cacheFor(source, options, log) {
    const mode = source.cache ?? options.cache.mode;
    if (mode !== 'off' && !options.cache.available) {
        log.info('cache: off (no GitHub Actions cache service here: ACTIONS_RESULTS_URL is not set)');
        return { ...options.cache, mode: 'off' };
    }
    return { mode, maxBytes: options.cache.maxBytes, root: options.cache.root };
}
async function fetchOne(source, env) {
    const started = Date.now();
    const kind = kindOf(source);
    const log = env.log;
    let staging;
    let scratch;
    let failure;
    try {
        await env.claimed;
        env.signal.throwIfAborted();
        // The workspace root (checkout mode) cannot be renamed: its entries are swapped instead.
        const root = source.relPath === '.';
        // Only while holding the lock: another run's staging is never a leftover.
        const recovered = root ? await recoverRootStale(source.dest) : await (0,landing/* recoverStale */.Ad)(source.dest);
        if (recovered.length)
            log.info(`removed leftovers of an interrupted run: ${recovered.join(', ')}`);
        // Again after the recovery, which may have put a moved-aside destination back.
        const prepared = await (0,destination/* prepareDestination */.mC)(source.dest, source.relPath);
        const exists = root ? await rootHasContent(source.dest) : prepared.exists;
        staging = root ? await createRootStaging(source.dest) : await (0,landing/* createStaging */.qp)(source.dest);
        const cache = cacheFor(source, env.options, log);
        // Where this source's cache entry is restored to and saved from: gone when the run ends.
        if (cache.mode !== 'off')
            env.cleanup.add((0,shared_cache/* entryDir */.yv)(cache, source.kind, source.name));
        env.cleanup.add(staging);
        await promises_.mkdir(env.options.tempRoot, { recursive: true });
        scratch = await promises_.mkdtemp(external_node_path_.join(env.options.tempRoot, 'fetch-sources-scratch-'));
        env.cleanup.add(scratch);
        const ctx = {
            options: env.options,
            limiter: env.limiter,
            staging,
            scratch,
            signal: env.signal,
            registerCleanup: (p, options) => env.cleanup.add(p, options),
            peers: env.peers,
            log,
            cache,
            ...(exists ? { previous: source.dest } : {}),
            ...(env.locked
                ? { frozen: { commit: env.locked.commit, digest: env.locked.digest, ...(env.locked.objects ? { objects: env.locked.objects } : {}) } }
                : {})
        };
        log.info(kind.describe(source));
        const result = await kind.fetch(source, ctx);
        // A cancelled run lands nothing more, even a source that completed as the signal came.
        env.signal.throwIfAborted();
        if (result.inPlace)
            log.info('already up to date');
        else if (root)
            await commitRootStaging(staging, source.dest);
        else
            await (0,landing/* commitStaging */.Xz)(staging, source.dest);
        if (result.state !== undefined)
            await (0,landing/* writeState */.Jq)(source.dest, result.state);
        else
            await (0,landing/* removeState */.aF)(source.dest);
        // After landing: the cache keeps what this run had to download (never what failed or half landed).
        if (result.cache?.save)
            result.cache.status = await result.cache.save(source.dest);
        log.info(`${result.files} files, ${(0,format/* formatBytes */.z)(result.bytes)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return { source, result, seconds: (Date.now() - started) / 1000 };
    }
    catch (error) {
        const wrapped = error instanceof util_errors/* FetchError */.fk ? error : new util_errors/* FetchError */.fk(source.name, (0,util_errors/* errorMessage */.gJ)(error), { cause: error, permanent: error instanceof destination/* DestinationRefused */.Zs });
        failure = wrapped.message;
        return { source, error: wrapped, seconds: (Date.now() - started) / 1000 };
    }
    finally {
        for (const p of [staging, scratch]) {
            if (!p)
                continue;
            await promises_.rm(p, { recursive: true, force: true }).catch(() => undefined);
            env.cleanup.forget(p);
        }
        // The failure is said once, in the source's group (an annotation in the action): not again at the end.
        if (env.live) {
            if (failure)
                env.host.error(failure);
        }
        else
            await env.host.group(groupTitle(source), async () => {
                for (const line of log.lines)
                    env.host.info(line);
                if (failure)
                    env.host.error(failure);
            });
    }
}

// EXTERNAL MODULE: ./src/util/cleanup.ts
var cleanup = __nccwpck_require__(4532);
// EXTERNAL MODULE: ./src/runspec/checkout-inputs.ts
var checkout_inputs = __nccwpck_require__(49092);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
;// CONCATENATED MODULE: ./src/runspec/fork-guard.ts


const PR_REF = /^refs\/pull\/[0-9]+\/(?:head|merge)$/;
function at(payload, dotted) {
    let v = payload;
    for (const key of dotted.split('.'))
        v = v !== null && typeof v === 'object' ? v[key] : undefined;
    return v;
}
function readPayload(env) {
    if (!env.GITHUB_EVENT_PATH)
        return undefined;
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/**
 * actions/checkout's guard against "pwn requests": a `pull_request_target` or `workflow_run`
 * workflow runs with the base repository's token and secrets, so checking out a fork's pull
 * request code there is refused unless `allow-unsafe-pr-checkout: true` says it was reviewed.
 * Only asked when the repository or ref was chosen (the default checkout is the trusted commit).
 * The same payload fields and conditions as checkout's unsafe-pr-checkout-helper.
 */
function assertSafePrCheckout(o) {
    const event = o.env.GITHUB_EVENT_NAME;
    if (o.allow || (event !== 'pull_request_target' && event !== 'workflow_run'))
        return;
    const payload = readPayload(o.env);
    const baseId = at(payload, 'repository.id');
    if (typeof baseId !== 'number')
        return;
    const shas = [];
    let headId;
    let headName;
    if (event === 'pull_request_target') {
        headId = at(payload, 'pull_request.head.repo.id');
        headName = at(payload, 'pull_request.head.repo.full_name');
        shas.push(at(payload, 'pull_request.head.sha'), at(payload, 'pull_request.merge_commit_sha'));
    }
    else {
        const run = at(payload, 'workflow_run.event');
        if (typeof run !== 'string' || !run.startsWith('pull_request'))
            return;
        headId = at(payload, 'workflow_run.head_repository.id');
        headName = at(payload, 'workflow_run.head_repository.full_name');
        shas.push(at(payload, 'workflow_run.head_commit.id'));
        // For a pull_request_target run, head_sha is the base branch's commit, not the fork's.
        if (run !== 'pull_request_target')
            shas.push(at(payload, 'workflow_run.head_sha'));
    }
    if (typeof headId !== 'number' || headId === baseId)
        return;
    const forkShas = shas.filter((s) => typeof s === 'string' && s !== '').map((s) => s.toLowerCase());
    const fork = (typeof headName === 'string' && o.repository.toLowerCase() === headName.toLowerCase()) ||
        PR_REF.test(o.ref) ||
        (o.commit !== undefined && forkShas.includes(o.commit.toLowerCase()));
    if (!fork)
        return;
    throw new util_errors/* SpecError */.G8(`refusing to check out fork pull request code from a '${event}' workflow: it runs with the base repository's token, secrets and cache, ` +
        'and running a fork\'s code there is how "pwn requests" happen. Review https://gh.io/securely-using-pull_request_target, then set ' +
        '`allow-unsafe-pr-checkout: true` to opt in');
}

;// CONCATENATED MODULE: ./src/runspec/checkout.ts



const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** The workflow's own repository at the event's commit, or `repository` at `ref`, as checkout resolves them. */
function checkoutTranslation(o) {
    const { checkout: c, env } = o;
    const workflowRepository = env.GITHUB_REPOSITORY ?? '';
    const repository = c.repository || workflowRepository;
    if (!repository)
        throw new util_errors/* SpecError */.G8("nothing to fetch: set the `spec` input (a run spec), the `url` input (one source) or the `repository` input (owner/name; on a runner it defaults to the workflow's repository, GITHUB_REPOSITORY)");
    const [owner, name] = repository.split('/');
    if (!owner || !name || repository.split('/').length !== 2)
        throw new util_errors/* SpecError */.G8(`GITHUB_REPOSITORY must be owner/name, got "${repository}"`);
    const isWorkflowRepository = repository.toUpperCase() === workflowRepository.toUpperCase();
    let revision;
    let knownRef;
    if (!c.ref) {
        if (isWorkflowRepository) {
            const sha = env.GITHUB_SHA ?? '';
            let ref = env.GITHUB_REF ?? '';
            // Some events (a merged pull request's `closed`) give an unqualified branch name.
            if (sha && ref && !ref.startsWith('refs/'))
                ref = `refs/heads/${ref}`;
            if (FULL_SHA.test(sha)) {
                revision = sha.toLowerCase();
                if (ref)
                    knownRef = ref;
            }
            else if (ref)
                revision = ref;
        }
        // Another repository without `ref`: its default branch (the remote's HEAD).
    }
    else
        revision = c.ref;
    if (!(isWorkflowRepository && !c.ref)) {
        assertSafePrCheckout({
            repository,
            ref: knownRef ?? (revision && !FULL_SHA.test(revision) ? revision : ''),
            ...(revision && FULL_SHA.test(revision) ? { commit: revision } : {}),
            allow: c.allowUnsafePrCheckout,
            env
        });
    }
    const server = new URL(o.serverUrl);
    const repo = `${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
    // The URLs checkout's url-helper.ts gives: no `.git` over https, `.git` over SSH.
    const url = c.sshKey ? `${c.sshUser || 'git'}@${server.hostname}:${repo}.git` : `${server.origin}/${repo}`;
    const value = {
        name: safeName(name),
        url,
        kind: 'git',
        path: o.path || '.',
        primary: true,
        ...gitOptions(c, revision, { ...(knownRef ? { knownRef } : {}), ...(c.sshKey ? {} : { api: { apiUrl: apiUrlOf(o.serverUrl, env), owner, repo: name } }) }),
        ...credentials(c, url, o.secrets)
    };
    const text = JSON.stringify({ repository, revision: revision ?? '', ref: knownRef ?? '', path: value.path });
    return { text, translation: single(value, 'checkout', "no `spec` and no `url`: the workflow's repository, as actions/checkout", '(checkout inputs)') };
}
/** Quick mode (`url`): `revision` (or checkout's `ref`), `path`, and checkout's git inputs. */
function quickTranslation(o) {
    const { checkout: c } = o;
    if (o.revision && c.ref && o.revision !== c.ref)
        throw new util_errors/* SpecError */.G8('give either `revision` or `ref` (its actions/checkout name), not both');
    const revision = o.revision || c.ref;
    const text = JSON.stringify({ url: o.url, revision, path: o.path });
    if (!o.isGit) {
        const gitInputs = c.set.filter((n) => n !== 'secret');
        if (revision)
            throw new util_errors/* SpecError */.G8('input `revision` applies to git URLs only');
        if (gitInputs.length)
            throw new util_errors/* SpecError */.G8(`input${gitInputs.length > 1 ? 's' : ''} ${gitInputs.map((n) => `\`${n}\``).join(', ')} appl${gitInputs.length > 1 ? 'y' : 'ies'} to git URLs only`);
    }
    if (c.repository)
        throw new util_errors/* SpecError */.G8('give either `url` (quick mode) or `repository` (checkout mode), not both');
    const value = {
        url: o.url,
        ...(o.path ? { path: o.path } : {}),
        primary: true,
        ...(o.isGit ? gitOptions(c, revision || undefined, {}) : {}),
        ...credentials(c, o.url, o.secrets)
    };
    return { text, translation: single(value, 'quick', '`url` input', '(`url` input)') };
}
/**
 * GitHub's API for the server, as checkout's url-helper.ts finds it: GITHUB_API_URL for the
 * runner's own server, `api.<host>` for github.com, *.ghe.com and *.localhost, else `/api/v3`.
 */
function apiUrlOf(serverUrl, env) {
    const own = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    if (serverUrl === own && env.GITHUB_API_URL)
        return env.GITHUB_API_URL;
    const u = new URL(serverUrl);
    return /^(github\.com|.+\.ghe\.com|.+\.localhost)$/i.test(u.hostname) ? `${u.protocol}//api.${u.host}` : `${u.origin}/api/v3`;
}
/**
 * The inputs are no document: an error about the source names the inputs, not a line of a JSON
 * text nobody wrote. (Not parsing one also keeps yaml and the dialects unloaded in these modes.)
 */
function single(value, dialect, detectedBy, file) {
    const doc = { file, locate: () => ({ file }) };
    return { dialect, detectedBy, connections: [], sources: [{ value, doc, path: [] }], exposeConnections: [], warnings: [] };
}
/** A repository name as a source name (the `sources` output key): `my.repo` stays, odd characters become `-`. */
function safeName(name) {
    const clean = name.replace(/\.git$/, '').replace(/[^A-Za-z0-9_.-]/g, '-');
    return /^[A-Za-z0-9]/.test(clean) ? clean : `repo-${clean}`;
}
/** checkout's fetch and checkout inputs as the draft's `git:` options and checkout semantics. */
function gitOptions(c, revision, extra) {
    const depth = c.fetchDepth ?? 1;
    const sparse = c.sparseCheckoutConeMode ? c.sparseCheckout.map((d) => d.replace(/^\/+|\/+$/g, '')).filter(Boolean) : c.sparseCheckout;
    const checkout = {
        ...extra,
        ...(depth === 0 ? { everyBranch: true } : {}),
        ...(!c.clean ? { keepUntracked: true } : {}),
        ...(sparse.length && !c.sparseCheckoutConeMode ? { sparsePatterns: true } : {})
    };
    return {
        git: {
            ...(revision !== undefined ? { revision } : {}),
            depth,
            // checkout fetches every tag with full history, whatever `fetch-tags` says.
            tags: c.fetchTags || depth === 0,
            lfs: c.lfs,
            submodules: c.submodules,
            ...(sparse.length ? { sparse } : {}),
            ...(c.filter ? { flags: [`--filter=${c.filter}`] } : {})
        },
        ...(Object.keys(checkout).length ? { checkout } : {})
    };
}
/**
 * The source's credential: the secret named by `secret`, else the `ssh-key` input, else a secret
 * named after the URL's host (`github.example.com`, or `GITHUB_EXAMPLE_COM`) in the `secrets`
 * input or the environment. Without one, the `token` input still serves GITHUB_SERVER_URL's host.
 */
function credentials(c, url, secrets) {
    if (c.secret && c.sshKey)
        throw new util_errors/* SpecError */.G8('give either `secret` (a name in the `secrets` input) or `ssh-key`, not both');
    if (c.secret)
        return { secret: { name: c.secret } };
    if (c.sshKey) {
        if (!(0,urls/* isSshUrl */.Uu)(url))
            throw new util_errors/* SpecError */.G8(`input \`ssh-key\` needs an SSH URL (git@host:owner/name.git or ssh://…), not ${url}`);
        return { secretInput: 'ssh-key' };
    }
    const host = (0,urls/* hostOf */.w4)(url);
    return host && secrets.has(host) ? { secret: { name: host } } : {};
}

;// CONCATENATED MODULE: ./src/runspec/overlaps.ts

/**
 * For each path that overlaps an earlier one (equal, inside it or containing it), the earliest
 * such earlier path: `result.get(i) = j` with `j < i`. Sorting with the separator as the lowest
 * character puts every path's descendants right after it, so a stack of ancestors is all the
 * context a path needs: O(n log n), where comparing every pair took minutes for 100,000 sources.
 */
function earliestOverlaps(paths, sep = external_node_path_.sep) {
    const keys = paths.map((p) => p.split(sep).join('\0'));
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
    const found = new Map();
    const stack = [];
    const close = (frame) => {
        const others = Math.min(frame.aboveMin, frame.belowMin);
        for (const i of frame.indices) {
            // Equal paths: the earliest of them is the partner of every later one.
            const earliest = Math.min(others, frame.ownMin < i ? frame.ownMin : Infinity);
            if (earliest < i)
                found.set(i, earliest);
        }
        const parent = stack.at(-1);
        if (parent)
            parent.belowMin = Math.min(parent.belowMin, frame.ownMin, frame.belowMin);
    };
    for (const i of order) {
        const key = keys[i];
        let top = stack.at(-1);
        if (top?.key === key) {
            top.indices.push(i);
            continue;
        }
        while (top && !key.startsWith(top.key + '\0')) {
            close(stack.pop());
            top = stack.at(-1);
        }
        stack.push({ key, indices: [i], ownMin: i, aboveMin: top ? Math.min(top.aboveMin, top.ownMin) : Infinity, belowMin: Infinity });
    }
    while (stack.length)
        close(stack.pop());
    return found;
}

;// CONCATENATED MODULE: ./src/plan.ts









/**
 * Spec + catalog + secrets → a fully checked plan. Collects every spec problem it can before
 * failing, so one run shows them all.
 */
async function buildPlan(settings, secrets, warn) {
    const errors = [];
    let translation;
    let specText;
    let specFile;
    const single = { checkout: settings.checkout, path: settings.path, serverUrl: settings.serverUrl, env: settings.env, secrets };
    if (settings.url) {
        if (settings.spec)
            throw new util_errors/* SpecError */.G8('give either the `spec` input or the `url` input (quick mode), not both');
        ({ translation, text: specText } = quickTranslation({
            ...single,
            url: settings.url,
            revision: settings.revision,
            isGit: kindOfUrl(settings.url) === 'git'
        }));
    }
    else if (!settings.spec) {
        if (settings.revision)
            throw new util_errors/* SpecError */.G8('input `revision` is for quick mode (`url`); checkout mode takes `ref`');
        ({ translation, text: specText } = checkoutTranslation(single));
    }
    else {
        refuseSourceInputs(settings);
        // Loaded for a spec only: checkout and quick mode (most runs of one repository) skip parsing yaml and the dialects.
        const [{ loadDocument }, { translate }] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(554)]).then(__nccwpck_require__.bind(__nccwpck_require__, 10554)), Promise.all(/* import() */[__nccwpck_require__.e(843), __nccwpck_require__.e(328)]).then(__nccwpck_require__.bind(__nccwpck_require__, 45328))]);
        const doc = await loadDocument(settings.spec, settings.workspace, 'spec');
        specText = doc.text;
        specFile = doc.file;
        translation = translate(doc, errors, kinds.list.map((k) => k.kind));
    }
    let catalogText = '';
    let inputCatalog = { connections: [] };
    // Validating connections is what needs the schema library: loaded only when there are some.
    const validation = () => Promise.all(/* import() */[__nccwpck_require__.e(843), __nccwpck_require__.e(734)]).then(__nccwpck_require__.bind(__nccwpck_require__, 45734));
    if (settings.connections) {
        const [{ loadDocument }, { catalogEntries }] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(554)]).then(__nccwpck_require__.bind(__nccwpck_require__, 10554)), validation()]);
        const doc = await loadDocument(settings.connections, settings.workspace, 'connections');
        catalogText = doc.text;
        inputCatalog = catalogEntries(doc);
    }
    if (!translation)
        throw errors.length === 1 ? errors[0] : new util_errors/* SpecErrors */.xs(errors);
    for (const w of translation.warnings)
        warn(w);
    const storeEntry = translation.artifactsStore ?? inputCatalog.artifactsStore;
    let catalog = new Map();
    let artifactsStore;
    if (translation.connections.length || inputCatalog.connections.length || storeEntry) {
        const { buildCatalog, parseConnection } = await validation();
        catalog = buildCatalog(translation.connections, inputCatalog.connections, kinds, errors);
        if (storeEntry) {
            const store = parseConnection(storeEntry, kinds, errors);
            if (store) {
                artifactsStore = store.name;
                if (!catalog.has(store.name))
                    catalog.set(store.name, store);
            }
        }
    }
    const sources = [];
    for (const draft of translation.sources) {
        try {
            sources.push(buildSource(draft, { catalog, workspace: settings.workspace, secrets, kinds: kinds, ...(artifactsStore ? { artifactsStore } : {}) }));
        }
        catch (e) {
            if (e instanceof util_errors/* SpecError */.G8)
                errors.push(e);
            else
                throw e;
        }
    }
    checkSources(sources, errors);
    for (const name of translation.exposeConnections) {
        if (!catalog.has(name))
            errors.push(new util_errors/* SpecError */.G8(`run.connections names unknown connection "${name}"${(0,suggest/* didYouMean */.au)(name, catalog.keys())}`, specFile ? { file: specFile } : undefined));
    }
    if (errors.length)
        throw errors.length === 1 ? errors[0] : new util_errors/* SpecErrors */.xs(errors);
    const selected = selectOnly(sources, settings.only);
    const plan = {
        dialect: translation.dialect,
        detectedBy: translation.detectedBy,
        specDigest: 'sha256:' + (0,external_node_crypto_.createHash)('sha256').update(specText).update('\0').update(catalogText).digest('hex'),
        sources: selected,
        exposeConnections: translation.exposeConnections,
        connections: [...catalog.values()]
    };
    if (specFile)
        plan.specFile = specFile;
    if (translation.entrypoint) {
        const { value, doc, path } = translation.entrypoint;
        // The native schema refuses it already; this holds for what every dialect translates.
        if (!patterns/* INSIDE_PATH */.x.test(value))
            throw new util_errors/* SpecError */.G8(`entry point "${value}" is not a path inside its source: relative, without ".." segments`, doc.locate(path));
        const primary = primaryOf(sources);
        if (!primary)
            throw new util_errors/* SpecError */.G8('`entrypoint` needs a source to be inside', doc.locate(path));
        plan.entrypoint = { source: primary.name, path: value };
    }
    return plan;
}
/** The primary source: `primary: true`, else the first git source, else the first source. */
function primaryOf(sources) {
    return sources.find((s) => s.primary) ?? sources.find((s) => s.kind === 'git') ?? sources[0];
}
/** A spec says per source what checkout's source-level inputs say for checkout and quick mode. */
function refuseSourceInputs(settings) {
    const set = [...settings.checkout.set, ...(settings.path ? ['path'] : []), ...(settings.revision ? ['revision'] : [])];
    if (!set.length)
        return;
    const equivalent = (n) => checkout_inputs/* SPEC_EQUIVALENT */.$Y[n] ?? (n === 'path' ? "the source's `path`" : '`git: {revision: …}`');
    throw new util_errors/* SpecError */.G8(`input${set.length > 1 ? 's' : ''} ${set.map((n) => `\`${n}\``).join(', ')} shape${set.length > 1 ? '' : 's'} the one source of checkout or quick mode, not a spec's sources: ` +
        set.map((n) => `for \`${n}\` write ${equivalent(n)}`).join('; '));
}
function checkSources(sources, errors) {
    const names = new Map();
    for (const s of sources) {
        const other = names.get(s.name);
        if (other)
            errors.push(new util_errors/* SpecError */.G8(`source name "${s.name}" is used twice (also at line ${other.origin.line}): give one a different \`name:\``, s.origin));
        else
            names.set(s.name, s);
    }
    const roots = checkRoot(sources, errors);
    // Each source that overlaps earlier ones is reported once, naming the earliest of them.
    const overlaps = earliestOverlaps(sources.map((s) => s.dest));
    for (const [i, j] of [...overlaps].sort((x, y) => x[0] - y[0])) {
        if (roots.has(sources[i]) || roots.has(sources[j]))
            continue;
        const [a, b] = [sources[i], sources[j]];
        errors.push(new util_errors/* SpecError */.G8(`destination "${a.relPath}" of source "${a.name}" overlaps "${b.relPath}" of source "${b.name}": each source lands whole in its own directory`, a.origin));
    }
    const primaries = sources.filter((s) => s.primary);
    if (primaries.length > 1)
        errors.push(new util_errors/* SpecError */.G8(`only one source can be \`primary: true\`; found ${primaries.map((s) => `"${s.name}"`).join(', ')}`, primaries[1].origin));
}
/**
 * The workspace root holds one git checkout, as actions/checkout's default path does: it is
 * updated in place or replaced entry by entry (the workspace itself cannot be renamed), and its
 * clean on a re-run removes whatever is not tracked, so nothing else may land inside it.
 */
function checkRoot(sources, errors) {
    const roots = new Set(sources.filter((s) => s.relPath === '.'));
    for (const root of roots) {
        if (root.kind !== 'git')
            errors.push(new util_errors/* SpecError */.G8(`destination "." of source "${root.name}" is the workspace root, which only a git source may use (a checkout, as actions/checkout's): a ${root.kind} source lands whole by renaming its directory, so give it a subdirectory \`path:\``, root.origin));
    }
    const [first] = roots;
    if (!first)
        return roots;
    for (const other of sources) {
        if (other === first)
            continue;
        const inside = roots.has(other) ? 'also the workspace root' : `inside the workspace root`;
        errors.push(new util_errors/* SpecError */.G8(`destination "${other.relPath}" of source "${other.name}" is ${inside}, where source "${first.name}" checks out its repository: a checkout at the root holds that repository alone (a re-run cleans what it does not track, as actions/checkout does). Give "${first.name}" a \`path:\` of its own, or fetch "${other.name}" in another step`, other.origin));
    }
    return roots;
}
function selectOnly(sources, only) {
    if (only.length === 0)
        return sources;
    const names = sources.map((s) => s.name);
    const known = new Set(names);
    const unknown = only.filter((n) => !known.has(n));
    if (unknown.length) {
        throw new util_errors/* SpecError */.G8(`input \`only\` names unknown source${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"${(0,suggest/* didYouMean */.au)(n, names)}`).join(', ')}; sources are: ${names.length > 20 ? `${names.slice(0, 20).join(', ')}, … (${names.length} in all)` : names.join(', ')}`);
    }
    const wanted = new Set(only);
    return sources.filter((s) => wanted.has(s.name));
}

;// CONCATENATED MODULE: ./src/report/outputs.ts


/**
 * What the report shows of a source's address, whichever kind made it: an http(s) URL without
 * credentials, query or fragment (a signed URL's query is its credential). Bucket URIs are left
 * as they are: `?` and `#` are characters of an object key there.
 */
function publicAddress(address) {
    return /^https?:\/\//i.test(address) ? (0,urls/* publicUrl */.x6)(address) : address;
}
function sourceOutput(o) {
    const s = o.source;
    const r = o.result;
    return {
        kind: s.kind,
        url: publicAddress(r.url),
        revision: r.revision ?? kindOf(s).revision(s),
        ref: r.ref ?? '',
        commit: r.commit ?? '',
        digest: r.digest ?? '',
        path: s.dest,
        files: r.files,
        bytes: r.bytes
    };
}
function sourcesOutput(outcomes) {
    const out = {};
    for (const o of outcomes)
        if (o.result)
            out[o.source.name] = sourceOutput(o);
    return out;
}
/** The `sources` output of a dry run: what would be fetched, with nothing resolved yet. */
function plannedSourcesOutput(sources) {
    const out = {};
    for (const s of sources) {
        const kind = kindOf(s);
        out[s.name] = {
            kind: s.kind,
            url: publicAddress(kind.address(s)),
            revision: kind.revision(s),
            ref: '',
            commit: '',
            digest: '',
            path: s.dest,
            files: 0,
            bytes: 0
        };
    }
    return out;
}
/** The `cache` output: what the GitHub Actions cache did for each source that was fetched. */
function cacheOutput(outcomes) {
    const out = {};
    for (const o of outcomes)
        if (o.result)
            out[o.source.name] = o.result.cache?.status ?? 'off';
    return out;
}

;// CONCATENATED MODULE: ./src/report/lock.ts





function lockFile(plan, outcomes, now = new Date()) {
    const sources = {};
    for (const o of outcomes) {
        if (!o.result)
            continue;
        sources[o.source.name] = { ...sourceOutput(o), ...(o.result.objects ? { objects: o.result.objects } : {}) };
    }
    return { version: 1, specDigest: plan.specDigest, time: now.toISOString(), dialect: plan.dialect, sources };
}
/**
 * `frozen:` — pins every source of the plan to what the lock recorded (each kind says how: git
 * sources to their commit, http sources to their sha256, object sources to their object list,
 * checked for drift when listed). A lock from a different spec is accepted only if the sources it
 * names are the same (kind and address); anything else is an error before anything is fetched.
 */
async function applyFrozen(plan, lockPath, workspace) {
    const file = external_node_path_.resolve(workspace, lockPath);
    let parsed;
    try {
        // Loaded when a lock is read (`frozen`): a run that only writes one never loads the schema library.
        const { parseLock } = await Promise.all(/* import() */[__nccwpck_require__.e(843), __nccwpck_require__.e(479)]).then(__nccwpck_require__.bind(__nccwpck_require__, 69479));
        parsed = parseLock(JSON.parse(await promises_.readFile(file, 'utf8')));
    }
    catch (e) {
        const why = e.code === 'ENOENT' ? 'not found' : 'not a fetch-sources lock file (version 1)';
        throw new util_errors/* SpecError */.G8(`input \`frozen\`: ${lockPath} (${file}) is ${why}`, undefined, { cause: e });
    }
    const pinned = new Map();
    const problems = [];
    for (const source of plan.sources) {
        const locked = parsed.sources[source.name];
        if (!locked) {
            problems.push(`source "${source.name}" is not in the lock file: run once without \`frozen\` to lock it`);
            continue;
        }
        const kind = kindOf(source);
        // Compared without queries: a re-signed URL (new signature, same file) still matches its lock,
        // and so does a lock written before queries were left out of it.
        const address = publicAddress(kind.address(source));
        const lockedAddress = publicAddress(locked.url);
        if (locked.kind !== source.kind || lockedAddress !== address) {
            problems.push(`source "${source.name}" changed since the lock (${locked.kind} ${lockedAddress} → ${source.kind} ${address})`);
            continue;
        }
        const problem = kind.pin(source, locked);
        if (problem)
            problems.push(`source "${source.name}": ${problem}`);
        pinned.set(source.name, locked);
    }
    if (problems.length) {
        const specNote = parsed.specDigest === plan.specDigest ? '' : ' (the spec itself differs from the one the lock was made with)';
        throw new util_errors/* SpecError */.G8(`cannot replay ${lockPath}${specNote}:\n  ${problems.join('\n  ')}`);
    }
    return pinned;
}

;// CONCATENATED MODULE: ./src/report/summary.ts



const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** `hit: 1.2 GiB restored`, `saved: 800 MiB downloaded`: what the Actions cache did, in a cell. */
function cacheCell(o) {
    const c = o.result?.cache;
    if (!c || c.status === 'off')
        return '';
    const restored = c.restoredBytes ?? 0;
    const downloaded = Math.max(0, (o.result?.bytes ?? 0) - restored);
    return c.status === 'hit' ? `hit: ${(0,format/* formatBytes */.z)(restored)} restored` : `${c.status}: ${(0,format/* formatBytes */.z)(downloaded)} downloaded`;
}
/** The job summary: one row per source; a cache column when any source used the cache. */
function summaryMarkdown(plan, outcomes) {
    const cached = outcomes.some((o) => o.result?.cache && o.result.cache.status !== 'off');
    const rows = outcomes.map((o) => {
        const r = o.result;
        const version = r?.commit ? `\`${r.commit.slice(0, 12)}\`${r.ref ? ` (${r.ref})` : ''}` : r?.digest ? `\`${r.digest.slice(0, 19)}…\`` : '';
        const status = o.error ? '❌ failed' : r?.inPlace ? '✅ up to date' : '✅';
        return `| ${cell(o.source.name)} | ${o.source.kind} | ${cell(publicAddress(r?.url ?? kindOf(o.source).address(o.source)))} | ${version} | \`${cell(o.source.relPath)}\` | ${r ? `${r.files} / ${(0,format/* formatBytes */.z)(r.bytes)}` : ''} | ${o.seconds.toFixed(1)} s | ${status} |${cached ? ` ${cacheCell(o)} |` : ''}`;
    });
    return [
        `### fetch-sources (${plan.dialect}${plan.specFile ? `: \`${plan.specFile}\`` : ''})`,
        '',
        `| source | kind | from | version | path | files / size | time | status |${cached ? ' cache |' : ''}`,
        `| --- | --- | --- | --- | --- | --- | --- | --- |${cached ? ' --- |' : ''}`,
        ...rows,
        ''
    ].join('\n');
}
/** The dry-run plan: what would be fetched, from where, to where; secrets named, never shown. */
function planText(plan) {
    const lines = [`plan (${plan.dialect}, detected by ${plan.detectedBy}): ${plan.sources.length} source(s)`];
    for (const s of plan.sources) {
        // A secret an input holds is named after the input (`the \`ssh-key\` input`).
        const secret = s.secret ? (s.secret.foundIn === 'input' ? `, ${s.secret.name}` : `, secret "${s.secret.name}" (${s.secret.foundIn})`) : '';
        lines.push(`  - ${s.name}${s.primary ? ' [primary]' : ''}: ${kindOf(s).describe(s)}${s.connection ? ` via connection "${s.connection}"` : ''}${secret}`);
    }
    if (plan.entrypoint)
        lines.push(`  entrypoint: ${plan.entrypoint.path} (in ${plan.entrypoint.source})`);
    if (plan.exposeConnections.length)
        lines.push(`  main-container connections: ${plan.exposeConnections.join(', ')}`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/run.ts














/**
 * The whole job, shared by the action and the CLI: plan, fetch, report. Throws on any failure.
 * `signal` cancels it (SIGINT/SIGTERM): transfers stop, staging is removed, nothing more lands.
 */
async function runFetch(settings, host, cleanup, signal) {
    const store = new SecretStore({
        env: settings.env,
        redactor: host.redactor,
        warn: (m) => host.warning(m),
        ...(settings.secrets ? { input: settings.secrets } : {}),
        ...(settings.token ? { token: settings.token } : {}),
        ...(settings.sshKey ? { inputSecrets: { 'ssh-key': settings.sshKey } } : {})
    });
    const plan = await buildPlan(settings, store, (w) => host.warning(w.message, w.location)).catch(async (error) => {
        // A spec that cannot be planned still says why on the job's summary page.
        await host.summary(specErrorMarkdown(error));
        throw error;
    });
    const frozen = settings.frozen ? await applyFrozen(plan, settings.frozen, settings.workspace) : undefined;
    if (frozen)
        host.info(`frozen: replaying ${settings.frozen} — every source pinned to what it recorded`);
    host.info(planText(plan));
    const primary = primaryOf(plan.sources);
    if (settings.dryRun) {
        host.info('dry run: nothing fetched, nothing written');
        if (primary)
            host.setOutput(constants/* Output */.k7.Path, primary.dest);
        // The plan as data, so a workflow can fan out one job per source (fetch-matrix.yml).
        host.setOutput(constants/* Output */.k7.Sources, JSON.stringify(plannedSourcesOutput(plan.sources)));
        return { plan, outcomes: [] };
    }
    signal?.throwIfAborted();
    const written = await writeSecretFiles(plan, store, settings.tempRoot, cleanup);
    for (const w of written)
        host.info(`secret "${w.secret}" of connection "${w.connection}" written to ${w.dir} (${w.files} file(s))`);
    if (written[0])
        host.setOutput(constants/* Output */.k7.SecretsDir, written[0].root);
    exposeConnections(plan, store, settings, host);
    const options = {
        env: settings.env,
        tempRoot: settings.tempRoot,
        concurrency: settings.concurrency,
        persistCredentials: settings.persistCredentials,
        unpackLimit: settings.unpackLimit,
        cache: { ...settings.cache, root: settings.tempRoot, available: (0,shared_cache/* cacheServiceAvailable */.jI)(settings.env) },
        server: { url: settings.serverUrl, ...(store.serverToken() ? { token: store.serverToken() } : {}) },
        git: settings.git
    };
    const outcomes = await fetchAll(plan.sources, options, host, cleanup, frozen, signal);
    if (signal?.aborted)
        throw cancelledError(signal.reason, outcomes);
    // Outputs name only what landed: a failed source has no path, no commit, no entry in `sources`.
    if (outcomes.some((o) => o.result))
        host.setOutput(constants/* Output */.k7.Sources, JSON.stringify(sourcesOutput(outcomes)));
    const primaryOutcome = outcomes.find((o) => o.source === primary);
    if (primaryOutcome?.result)
        host.setOutput(constants/* Output */.k7.Path, primaryOutcome.source.dest);
    if (outcomes.some((o) => o.result?.cache && o.result.cache.status !== 'off'))
        host.setOutput(constants/* Output */.k7.Cache, JSON.stringify(cacheOutput(outcomes)));
    if (primaryOutcome?.result?.commit) {
        host.setOutput(constants/* Output */.k7.Commit, primaryOutcome.result.commit);
        host.setOutput(constants/* Output */.k7.Ref, primaryOutcome.result.ref ?? '');
    }
    await host.summary(summaryMarkdown(plan, outcomes));
    // Each failure was reported once, in its source's group; this is the run's one-line verdict.
    const failed = outcomes.filter((o) => o.error);
    if (failed.length)
        throw new Error(failedMessage(failed, outcomes.length));
    if (plan.entrypoint) {
        const source = plan.sources.find((s) => s.name === plan.entrypoint.source);
        const file = external_node_path_.resolve(source.dest, plan.entrypoint.path);
        if (!(await promises_.stat(file).catch(() => undefined))?.isFile()) {
            throw new Error(`entry point "${plan.entrypoint.path}" does not exist in source "${source.name}" (looked for ${file})`);
        }
        host.setOutput(constants/* Output */.k7.Entrypoint, file);
    }
    // Written last, atomically: a lock file only ever describes a run that completed.
    const lock = lockFile(plan, outcomes);
    const lockPath = await lockFilePath(settings, plan);
    await (0,landing/* writeFileAtomic */.Zf)(lockPath, host.redactor.redact(JSON.stringify(lock, null, 2)) + '\n');
    host.setOutput(constants/* Output */.k7.LockFile, lockPath);
    return { plan, outcomes };
}
/** `2 of 5 sources failed: a, b; the other 3 landed complete; no lock file was written`. */
function failedMessage(failed, total) {
    const names = failed.map((f) => f.source.name).join(', ');
    const others = total - failed.length;
    const rest = others === 0 ? '' : `; the other ${others === 1 ? 'one' : others} landed complete`;
    return `${failed.length} of ${total} source${total === 1 ? '' : 's'} failed: ${names}${rest}; no lock file was written`;
}
/** The summary of a run whose spec could not be planned: each problem where it is. */
function specErrorMarkdown(error) {
    const list = error instanceof util_errors/* SpecErrors */.xs ? error.errors : error instanceof util_errors/* SpecError */.G8 ? [error] : undefined;
    const lines = list ? list.map((e) => `- ${e.describe().replace(/\n/g, ' ')}`) : [`- ${(0,util_errors/* errorMessage */.gJ)(error)}`];
    return ['### fetch-sources: the spec could not be planned', '', ...lines, ''].join('\n');
}
/** One line: what the cancel stopped and what it left (staging is gone by now; see fetch-all). */
function cancelledError(reason, outcomes) {
    const landed = outcomes.filter((o) => o.result).map((o) => o.source.name);
    const stopped = outcomes.filter((o) => o.error).map((o) => o.source.name);
    const what = [
        stopped.length ? `stopped ${stopped.join(', ')} and removed ${stopped.length === 1 ? 'its' : 'their'} staging and partial downloads` : '',
        landed.length ? `${landed.join(', ')} had landed complete before and stay` : 'nothing landed'
    ].filter(Boolean);
    const head = reason instanceof cleanup/* Cancelled */.cJ ? reason.message : 'cancelled';
    return new Error(`${head}: ${what.join('; ')}; no lock file was written`, { cause: reason });
}
/** Polyaxon `run.connections`: export the connections' secret keys as masked env vars, on request. */
function exposeConnections(plan, store, settings, host) {
    if (plan.exposeConnections.length === 0)
        return;
    if (!settings.exposeConnections) {
        host.info(`the spec's main container uses connections ${plan.exposeConnections.join(', ')}; set \`expose-connections: true\` to export their secrets as environment variables`);
        return;
    }
    for (const exposed of exposedVariables(plan, store)) {
        if (!exposed.variables) {
            host.warning(`connection "${exposed.connection}" has no secret with keys to expose`);
            continue;
        }
        for (const [key, value] of Object.entries(exposed.variables))
            host.exportVariable(key, value);
        host.info(`exported the keys of secret "${exposed.secret}" (connection "${exposed.connection}") as environment variables: ${exposed.keys.join(', ')}`);
    }
}
/**
 * Where the lock file goes. A CLI run with a checkout at the workspace root keeps it in `.git`:
 * in the root it would show up in `git status` and be removed by the next run's clean.
 */
async function lockFilePath(settings, plan) {
    if (!settings.lockFileInWorkspace || !plan.sources.some((s) => s.relPath === '.'))
        return settings.lockFile;
    const gitDir = external_node_path_.join(settings.workspace, '.git');
    return (await promises_.stat(gitDir).catch(() => undefined))?.isDirectory() ? external_node_path_.join(gitDir, 'sources.lock.json') : settings.lockFile;
}


/***/ }),

/***/ 49092:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ SPEC_EQUIVALENT),
/* harmony export */   Hm: () => (/* binding */ boolInput),
/* harmony export */   zD: () => (/* binding */ parseCheckoutInputs)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(70017);

/** What each source-level input is in a spec, for the message refusing it there. */
const SPEC_EQUIVALENT = {
    repository: 'a source with `url: https://host/owner/name`',
    ref: '`git: {revision: …}`',
    clean: 'nothing: spec sources are always cleaned on a re-run',
    filter: '`git: {flags: [--filter=…]}`',
    'sparse-checkout': '`git: {sparse: [dir, …]}`',
    'sparse-checkout-cone-mode': '`git: {sparse: [dir, …]}` (cone mode)',
    'fetch-depth': '`git: {depth: …}`',
    'fetch-tags': '`git: {tags: true}`',
    lfs: '`git: {lfs: true}`',
    submodules: '`git: {submodules: …}`',
    'ssh-key': 'a connection whose secret is the key',
    'ssh-user': 'the user in the URL (`deploy@host:org/repo.git`)',
    secret: "the source's `secret: {name: …}`",
    'allow-unsafe-pr-checkout': 'nothing: a spec names its repositories itself'
};
const TRUE = /^true$/i;
const FALSE = /^false$/i;
/** A boolean input: true or false in any case, empty for `fallback`; anything else is an error. */
function boolInput(get, name, fallback) {
    const v = (get(name) ?? '').trim();
    if (v === '')
        return fallback;
    if (TRUE.test(v))
        return true;
    if (FALSE.test(v))
        return false;
    // checkout reads anything but "true" as false; a typo here must not silently mean false.
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecError */ .G8(`input \`${name}\` must be true or false, got "${v}"`);
}
/** Reads the source-level checkout inputs; `get` returns an input as the runner passed it. */
function parseCheckoutInputs(get) {
    const text = (name) => (get(name) ?? '').trim();
    const set = Object.keys(SPEC_EQUIVALENT).filter((name) => text(name) !== '');
    const depthText = text('fetch-depth');
    let fetchDepth;
    if (depthText !== '') {
        fetchDepth = Number(depthText);
        // checkout reads a negative or unreadable depth as 0 (all history): a typo would clone everything.
        if (!Number.isInteger(fetchDepth) || fetchDepth < 0)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecError */ .G8(`input \`fetch-depth\` must be 0 (all history) or a positive whole number, got "${depthText}"`);
    }
    const submodulesText = text('submodules').toLowerCase();
    if (!['', 'true', 'false', 'recursive'].includes(submodulesText))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecError */ .G8(`input \`submodules\` must be true, false or recursive, got "${text('submodules')}"`);
    const repository = text('repository');
    if (repository && !/^[^/\s]+\/[^/\s]+$/.test(repository))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecError */ .G8(`input \`repository\` must be owner/name (e.g. actions/checkout), got "${repository}"`);
    return {
        repository,
        // checkout trims only ASCII whitespace from `ref` (a branch may start with other characters).
        ref: (get('ref') ?? '').replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, ''),
        clean: boolInput(get, 'clean', true),
        ...(text('filter') ? { filter: text('filter') } : {}),
        sparseCheckout: (get('sparse-checkout') ?? '')
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        sparseCheckoutConeMode: boolInput(get, 'sparse-checkout-cone-mode', true),
        ...(fetchDepth !== undefined ? { fetchDepth } : {}),
        fetchTags: boolInput(get, 'fetch-tags', false),
        lfs: boolInput(get, 'lfs', false),
        submodules: submodulesText === 'recursive' ? 'recursive' : submodulesText === 'true',
        sshKey: text('ssh-key') !== '',
        sshUser: text('ssh-user'),
        secret: text('secret'),
        allowUnsafePrCheckout: boolInput(get, 'allow-unsafe-pr-checkout', false),
        set
    };
}


/***/ }),

/***/ 31601:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ isInline)
/* harmony export */ });
/**
 * An input is inline YAML when it cannot be a file name: several lines, a mapping or a list. On
 * its own so the CLI can tell without loading the YAML parser (a spec loads it when it is read).
 */
function isInline(value) {
    return value.includes('\n') || /^\s*[[{]/.test(value) || /^\s*- /.test(value) || /^[\w.-]+:\s/.test(value);
}


/***/ }),

/***/ 38355:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ GIT_FLAG_PATTERN),
/* harmony export */   x: () => (/* binding */ INSIDE_PATH)
/* harmony export */ });
/**
 * The patterns the spec's schema and the kinds both check, without the schema library: a kind
 * checks what other dialects' drafts say, and a run of one repository never loads zod.
 */
/**
 * A path inside a source (an entry point, a sparse directory, a subdirectory): relative, with no
 * `..` segment, `/` or `\` separated — a spec shared between runners must not name a path
 * outside what it fetches on any OS. A pattern, not a refinement, so the JSON Schema has it too.
 */
const INSIDE_PATH = /^(?![\\/])(?![A-Za-z]:)(?!(?:.*[\\/])?\.\.(?:[\\/]|$)).+$/;
/** The contract's allow-listed git flags; each is mapped to an option, anything else is refused. */
const GIT_FLAG_PATTERN = /^(--depth[ =]\d+|--recurse-submodules|--shallow-submodules|--single-branch|--no-tags|--filter=\S+|--experimental-fetch)$/;


/***/ }),

/***/ 4532:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ox: () => (/* binding */ removeOwned),
/* harmony export */   cJ: () => (/* binding */ Cancelled),
/* harmony export */   mT: () => (/* binding */ Cancellation),
/* harmony export */   zG: () => (/* binding */ Cleanup)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Paths to remove when the run ends. The main step removes them in `finally`; the list is also
 * saved as state so the post step can finish the job if the main step was killed.
 */
class Cleanup {
    save;
    paths = new Set();
    /** Kept for later steps of the job (secret files, persisted credentials); the post step removes them. */
    untilPost = new Set();
    /** What the user asked to outlive the run (persisted credentials): a CLI run leaves them. */
    asked = new Set();
    /** How to remove a path other than deleting it (a lock: only while it is still ours). */
    removers = new Map();
    constructor(save = () => undefined) {
        this.save = save;
    }
    add(p, options = {}) {
        ;
        (options.untilPost || options.kept ? this.untilPost : this.paths).add(p);
        if (options.kept)
            this.asked.add(p);
        if (options.remove)
            this.removers.set(p, options.remove);
        this.persist();
    }
    persist() {
        this.save([...this.paths, ...this.untilPost]);
    }
    forget(p) {
        this.removers.delete(p);
        if (this.paths.delete(p))
            this.persist();
    }
    list() {
        return [...this.paths, ...this.untilPost];
    }
    /** What the user asked to keep (persisted credentials): the post step removes it, a CLI run leaves it. */
    kept() {
        return [...this.asked];
    }
    /** Removes what the main step's own end should remove; returns the paths it could not. */
    async run() {
        const failed = [];
        for (const p of [...this.paths].reverse()) {
            try {
                await (this.removers.get(p) ?? (() => removeOwned(p)))();
                this.removers.delete(p);
                this.paths.delete(p);
            }
            catch {
                failed.push(p);
            }
        }
        this.persist();
        return failed;
    }
}
/**
 * Removes a path only if we could have made it (its name carries our prefix): the state file is
 * input too, and a tampered one must not delete a user's directory.
 */
async function removeOwned(p) {
    const base = node_path__WEBPACK_IMPORTED_MODULE_2__.basename(p);
    if (!/^\.?fetch-sources-/.test(base) && !/^\.?fetch-sources-/.test(node_path__WEBPACK_IMPORTED_MODULE_2__.basename(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(p)))) {
        throw new Error(`refusing to remove ${p}: not created by fetch-sources`);
    }
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm(p, { recursive: true, force: true });
}
/** Why a run stopped early: the signal it received. The message is the start of the line users read. */
class Cancelled extends Error {
    signalName;
    name = 'Cancelled';
    constructor(signalName) {
        super(`cancelled by ${signalName}`);
        this.signalName = signalName;
    }
    /** 128 + the signal's number, as a shell reports a process the signal ended (130, 143). */
    get exitCode() {
        return 128 + (node_os__WEBPACK_IMPORTED_MODULE_1__.constants.signals[this.signalName] ?? 15);
    }
}
/**
 * SIGINT and SIGTERM (a cancelled job: the runner sends SIGINT, then SIGTERM; Ctrl-C locally)
 * abort `signal`, which stops every transfer; the run then removes its staging and fails with a
 * `cancelled by …` line. If it has not ended `graceMs` after the signal (or a second signal
 * comes), `finish` removes what it can and the process exits: a cancel never hangs.
 */
class Cancellation {
    opts;
    controller = new AbortController();
    signal = this.controller.signal;
    forcing = false;
    /** The run has ended (its own cleanup done): a forced exit then has nothing left to remove. */
    ended = false;
    onSignal = (name) => this.receive(name);
    constructor(opts) {
        this.opts = opts;
        process.on('SIGINT', this.onSignal);
        process.on('SIGTERM', this.onSignal);
    }
    get reason() {
        return this.signal.aborted && this.signal.reason instanceof Cancelled ? this.signal.reason : undefined;
    }
    /** Stops listening; a signal after the run has ended acts as usual (ends the process). */
    dispose() {
        this.ended = true;
        process.off('SIGINT', this.onSignal);
        process.off('SIGTERM', this.onSignal);
    }
    receive(name) {
        if (this.signal.aborted)
            return void this.force(`${name} again`);
        this.opts.say(`cancelling (${name}): stopping every transfer, then removing staging and partial downloads`);
        this.controller.abort(new Cancelled(name));
        // Unref'd: it never keeps a finished process alive, only ends one that hangs.
        setTimeout(() => void this.force(`transfers still running ${this.grace / 1000} s after ${name}`), this.grace).unref();
    }
    get grace() {
        return this.opts.graceMs ?? 5_000;
    }
    async force(why) {
        const code = this.reason?.exitCode ?? 143;
        const exit = this.opts.exit ?? ((c) => process.exit(c));
        if (this.forcing || this.ended)
            return exit(code);
        this.forcing = true;
        this.opts.say(`${this.reason?.message ?? 'cancelled'}: ${why}; removing what this run made and exiting`);
        let timer;
        await Promise.race([this.opts.finish().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, this.grace)))]);
        clearTimeout(timer);
        exit(code);
    }
}


/***/ }),

/***/ 70017:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G8: () => (/* binding */ SpecError),
/* harmony export */   fk: () => (/* binding */ FetchError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   xs: () => (/* binding */ SpecErrors)
/* harmony export */ });
/** A problem with the user's spec or inputs: always says where and what to do. */
class SpecError extends Error {
    location;
    name = 'SpecError';
    constructor(message, location, options) {
        super(message, options);
        this.location = location;
    }
    /** `file:line:col: path: message` — the form shown in logs and the CLI. */
    describe() {
        const loc = this.location;
        if (!loc)
            return this.message;
        const where = [loc.file, loc.line, loc.column].filter((p) => p !== undefined).join(':');
        return `${where}: ${loc.path ? `${loc.path}: ` : ''}${this.message}`;
    }
}
/** Several spec problems found in one pass: users fix them all at once. */
class SpecErrors extends Error {
    errors;
    name = 'SpecErrors';
    constructor(errors) {
        super(errors.map((e) => e.describe()).join('\n'));
        this.errors = errors;
    }
}
/** A source failed to fetch. `permanent` failures are not retried. */
class FetchError extends Error {
    source;
    name = 'FetchError';
    constructor(source, message, options) {
        super(`${source}: ${message}`, options);
        this.source = source;
        this.permanent = options?.permanent ?? false;
    }
    permanent;
}
/** Message of anything thrown, including non-Error throws (a thrown string must fail the step). */
function errorMessage(error) {
    if (error instanceof SpecError)
        return error.describe();
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}


/***/ }),

/***/ 32693:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/** `1.5 MiB`: a byte count for people. */
function formatBytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}


/***/ }),

/***/ 35251:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MQ: () => (/* binding */ gitComponent),
/* harmony export */   hG: () => (/* binding */ under),
/* harmony export */   iC: () => (/* binding */ safeRelative)
/* harmony export */ });
/* unused harmony export isGitName */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A store key or archive entry as a relative path that stays inside its destination, or undefined.
 * Refuses `..` segments, absolute paths, drive letters, backslashes and NUL: a key is data from a
 * server we do not control.
 */
function safeRelative(key) {
    if (!key || key.includes('\0') || key.includes('\\'))
        return undefined;
    if (key.startsWith('/') || /^[A-Za-z]:/.test(key))
        return undefined;
    const parts = key.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0 || parts.some((p) => p === '..'))
        return undefined;
    return parts.join('/');
}
/** Joins a checked relative key under `root` with the platform separator. */
function under(root, relative) {
    return node_path__WEBPACK_IMPORTED_MODULE_0__.join(root, ...relative.split('/'));
}
/** Code points HFS+ ignores in names, so `.g\u200cit` is `.git` there. */
const IGNORABLE = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;
/**
 * Whether one path component names a git directory on some filesystem: `.git` in any case, with
 * the trailing dots or spaces Windows drops, the NTFS short name `git~1`, or with characters HFS+
 * ignores. Git refuses these in trees for the same reason: a `.git` that lands in a work tree is
 * configuration (`core.fsmonitor`, hooks) that the next git command runs.
 */
function isGitName(component) {
    const name = component
        .replace(IGNORABLE, '')
        .replace(/[. ]+$/, '')
        .toLowerCase();
    return name === '.git' || name === 'git~1';
}
/** The first `.git` component of a relative path, or undefined. */
function gitComponent(relative) {
    return relative.split('/').find(isGitName);
}


/***/ }),

/***/ 37406:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony exports editDistance, closest */
/** Damerau-free edit distance; inputs are short keys and names. */
function editDistance(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = tmp;
        }
    }
    return prev[b.length];
}
/** The closest candidate when it is plausibly a typo, else undefined. */
function closest(input, candidates) {
    let best;
    let bestScore = Infinity;
    const lower = input.toLowerCase();
    for (const c of candidates) {
        const d = editDistance(lower, c.toLowerCase());
        if (d < bestScore) {
            best = c;
            bestScore = d;
        }
    }
    const limit = Math.max(1, Math.floor(input.length / 3));
    return best !== undefined && bestScore <= limit ? best : undefined;
}
/** ` — did you mean "x"?` or nothing. */
function didYouMean(input, candidates) {
    const c = closest(input, candidates);
    return c ? ` — did you mean "${c}"?` : '';
}


/***/ }),

/***/ 59812:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gx: () => (/* binding */ isArchiveUrl),
/* harmony export */   Uu: () => (/* binding */ isSshUrl),
/* harmony export */   ij: () => (/* binding */ isScpLike),
/* harmony export */   pB: () => (/* binding */ nameFromUrl),
/* harmony export */   rn: () => (/* binding */ fileUrlOf),
/* harmony export */   w4: () => (/* binding */ hostOf),
/* harmony export */   x6: () => (/* binding */ publicUrl)
/* harmony export */ });
/* unused harmony export withoutQuery */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

const SCP_LIKE = /^[A-Za-z0-9._~-]+@[A-Za-z0-9.-]+:(?!\/\/)[^\s]+$/;
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz|zip)$/i;
function isScpLike(url) {
    return SCP_LIKE.test(url);
}
/** `git@host:path` or `ssh://…`: a git URL reached over ssh. */
function isSshUrl(url) {
    return isScpLike(url) || /^ssh:\/\//i.test(url);
}
/** The host (with a non-default port) of a URL or of `git@host:path`, in lower case. */
function hostOf(url) {
    if (isScpLike(url))
        return url.slice(url.indexOf('@') + 1, url.indexOf(':')).toLowerCase();
    try {
        return new URL(url).host.toLowerCase() || undefined;
    }
    catch {
        return undefined;
    }
}
function isArchiveUrl(url) {
    try {
        return ARCHIVE.test(new URL(url).pathname);
    }
    catch {
        return ARCHIVE.test(url);
    }
}
const SCHEME_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * The URL without user:password, query or fragment: the form that outputs, logs, the summary and
 * the lock file show. Every query is treated as a credential (a signed URL's signature is one,
 * and so may be any parameter a server chose to authorise by), whatever its keys are called.
 */
function publicUrl(url) {
    if (isScpLike(url) || !SCHEME_URL.test(url))
        return url;
    try {
        const u = new URL(url);
        if (u.password)
            u.password = '';
        if (u.username && u.protocol.startsWith('http'))
            u.username = '';
        u.search = '';
        u.hash = '';
        return u.toString();
    }
    catch {
        return withoutQuery(url);
    }
}
/** `scheme://host/path?query#fragment` → `scheme://host/path`; other strings are left as they are. */
function withoutQuery(url) {
    return SCHEME_URL.test(url) ? url.replace(/[?#].*$/s, '') : url;
}
/** A default source name from a URL: its last path segment without `.git` or an archive ending; never its query. */
function nameFromUrl(url) {
    const path = isScpLike(url) ? url.slice(url.indexOf(':') + 1) : withoutQuery(url).replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    const last = path.split(/[/\\]/).filter(Boolean).at(-1) ?? 'source';
    const clean = last
        .replace(/\.git$/, '')
        .replace(ARCHIVE, '')
        .replace(/[^A-Za-z0-9_.-]/g, '-');
    return /^[A-Za-z0-9]/.test(clean) ? clean : `source-${clean}`;
}
/** `file://` URL of a local path, the same on every OS: `C:\data` → `file:///C:/data`. */
function fileUrlOf(localPath, p = node_path__WEBPACK_IMPORTED_MODULE_0__) {
    const slashed = localPath.split(p.sep).join('/');
    return `file://${slashed.startsWith('/') ? '' : '/'}${slashed}`;
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 58500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 24876:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("punycode");

/***/ }),

/***/ 83480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(79407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__runCli = __webpack_exports__.a;
/******/ export { __webpack_exports__runCli as runCli };
/******/ 
