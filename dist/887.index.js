export const id = 887;
export const ids = [887];
export const modules = {

/***/ 70887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fetchGit: () => (/* binding */ fetchGit)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/connections/secret.ts
var connections_secret = __webpack_require__(56317);
;// CONCATENATED MODULE: ./src/connections/git.ts

const KEY_FIELDS = ['SSH_PRIVATE_KEY', 'ssh-privatekey', 'ssh_private_key', 'PRIVATE_KEY', 'id_rsa', 'id_ed25519', 'id_ecdsa'];
const TOKEN_FIELDS = ['POLYAXON_GIT_CREDENTIALS', 'GIT_CREDENTIALS', 'TOKEN', 'GIT_TOKEN', 'GITHUB_TOKEN', 'GITLAB_TOKEN', 'ACCESS_TOKEN', 'PASSWORD'];
const USER_FIELDS = ['USERNAME', 'USER', 'GIT_USERNAME'];
const KNOWN_HOSTS_FIELDS = ['KNOWN_HOSTS', 'known_hosts', 'ssh-known-hosts'];
function basic(user, password, from, mask) {
    // The raw secret is masked already; the password alone and the basic-auth form git's HTTP layer
    // sends (which a GIT_TRACE_CURL log would show) are new strings.
    mask(password);
    mask(Buffer.from(`${user}:${password}`, 'utf8').toString('base64'));
    return { kind: 'basic', user, password, from };
}
function fromString(value, defaultUser, from, mask) {
    const v = value.trim();
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(v))
        return { kind: 'ssh', key: v.endsWith('\n') ? v : `${v}\n`, from };
    const colon = v.indexOf(':');
    // `user:password` (Polyaxon's POLYAXON_GIT_CREDENTIALS form) or a bare token.
    if (colon > 0 && !/\s/.test(v))
        return basic(v.slice(0, colon), v.slice(colon + 1), from, mask);
    return basic(defaultUser, v, from, mask);
}
/** Where a credential came from, for log lines and errors (a name, never a value). */
function credentialOrigin(secret) {
    // Secrets held by an input are named after it (`the \`ssh-key\` input`).
    return secret.foundIn === 'token input' || secret.foundIn === 'input' ? secret.name : `secret "${secret.name}"`;
}
/** Reads a git secret: a JSON/KEY=VALUE secret's fields, or a single token, `user:password` or SSH key. */
function gitCredential(secret, defaultUser) {
    const from = credentialOrigin(secret);
    const { raw, fields, mask } = (0,connections_secret/* valueOf */.RP)(secret);
    if (fields) {
        const key = (0,connections_secret/* secretField */.T2)(secret, ...KEY_FIELDS);
        const knownHosts = (0,connections_secret/* secretField */.T2)(secret, ...KNOWN_HOSTS_FIELDS);
        if (key)
            return { ...fromString(key, defaultUser, from, mask), ...(knownHosts ? { knownHosts } : {}) };
        const token = (0,connections_secret/* secretField */.T2)(secret, ...TOKEN_FIELDS);
        if (token) {
            const user = (0,connections_secret/* secretField */.T2)(secret, ...USER_FIELDS);
            const cred = fromString(token, defaultUser, from, mask);
            return user && cred.kind === 'basic' ? basic(user, cred.password, from, mask) : cred;
        }
        throw new Error(`${from} has none of the keys git reads (${[...TOKEN_FIELDS, ...KEY_FIELDS].join(', ')}); it has: ${(0,connections_secret/* secretKeys */.DX)(secret).join(', ') || 'no keys'}`);
    }
    return fromString(raw, defaultUser, from, mask);
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/fetchers/shared/retry.ts
var retry = __webpack_require__(34270);
// EXTERNAL MODULE: ./src/util/urls.ts
var urls = __webpack_require__(59812);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/fetchers/git/tree-size.ts



/**
 * Files and bytes under `root`, without `.git` directories (a submodule's `.git` file counts as a
 * file, as it is one). Each directory is read and its entries stat'ed synchronously, with a turn
 * of the event loop between directories: one `fs.promises` call per file costs a thread-pool round
 * trip (~0.1 ms here, 1.4 s for 20,000 files), a synchronous `lstat` a few microseconds, and the
 * yields keep other sources' transfers flowing while a large tree is counted.
 */
async function walkSize(root) {
    let files = 0;
    let bytes = 0;
    const pending = [root];
    let sinceYield = 0;
    while (pending.length) {
        const dir = pending.pop();
        for (const e of external_node_fs_.readdirSync(dir, { withFileTypes: true })) {
            const full = external_node_path_.join(dir, e.name);
            if (e.isDirectory()) {
                if (e.name !== '.git')
                    pending.push(full);
                continue;
            }
            files++;
            bytes += external_node_fs_.lstatSync(full).size;
            sinceYield++;
        }
        if (sinceYield >= 512) {
            sinceYield = 0;
            await (0,external_node_timers_promises_.setImmediate)();
        }
    }
    return { files, bytes };
}
const GITLINK = 0o160000;
const SKIP_WORKTREE = 0x4000;
const EXTENDED = 0x4000;
/**
 * The same count read from `.git/index` right after a checkout: git records every entry's size
 * as it wrote the file, so a 20,000-file tree is counted from one ~2 MB read instead of 20,000
 * `lstat`s. Returns undefined (the caller walks instead) for anything but a plain index of
 * version 2 or 3: version 4 (path compression), a sparse index, or an unreadable file.
 *
 * Entries marked skip-worktree (outside a sparse cone) are not on disk and not counted. A size of
 * 0 is checked with `lstat`, because git zeroes the recorded size of "racily clean" entries (files
 * written in the same instant as the index). Submodules (gitlinks) are walked. Sizes are stored
 * modulo 2^32: callers must not use this when files may exceed 4 GiB (LFS).
 */
async function indexSize(workTree, hashBytes = 20) {
    let buf;
    try {
        buf = external_node_fs_.readFileSync(external_node_path_.join(workTree, '.git', 'index'));
    }
    catch {
        return undefined;
    }
    if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC')
        return undefined;
    const version = buf.readUInt32BE(4);
    if (version !== 2 && version !== 3)
        return undefined;
    const count = buf.readUInt32BE(8);
    let files = 0;
    let bytes = 0;
    const gitlinks = [];
    let at = 12;
    const fixed = 40 + hashBytes + 2;
    for (let i = 0; i < count; i++) {
        if (at + fixed > buf.length)
            return undefined;
        const mode = buf.readUInt32BE(at + 24);
        const size = buf.readUInt32BE(at + 36);
        const flags = buf.readUInt16BE(at + 40 + hashBytes);
        let header = fixed;
        let skip = false;
        if (flags & EXTENDED) {
            if (version < 3)
                return undefined;
            skip = (buf.readUInt16BE(at + fixed) & SKIP_WORKTREE) !== 0;
            header += 2;
        }
        const nameStart = at + header;
        const nameEnd = buf.indexOf(0, nameStart);
        if (nameEnd < 0)
            return undefined;
        const name = buf.toString('utf8', nameStart, nameEnd);
        // Entries are NUL-padded to a multiple of 8 bytes (at least one NUL).
        at += (header + (nameEnd - nameStart) + 8) & ~7;
        // A directory entry only exists in a sparse index: count from the disk instead.
        if ((mode & 0o170000) === 0o040000)
            return undefined;
        if (skip)
            continue;
        if ((mode & 0o170000) === GITLINK) {
            gitlinks.push(name);
            continue;
        }
        files++;
        bytes += size === 0 ? lstatSize(external_node_path_.join(workTree, name)) : size;
    }
    for (const link of gitlinks) {
        const dir = external_node_path_.join(workTree, link);
        if (!external_node_fs_.existsSync(dir))
            continue;
        const sub = await walkSize(dir);
        files += sub.files;
        bytes += sub.bytes;
    }
    return { files, bytes };
}
function lstatSize(file) {
    try {
        return external_node_fs_.lstatSync(file).size;
    }
    catch {
        return 0;
    }
}

;// CONCATENATED MODULE: ./src/fetchers/git/subdirectory.ts


/**
 * The real directory `sub` names inside `root`, walked one component at a time with `lstat`. A
 * repository can hold a symbolic link to anywhere on the runner (`ml -> /home/runner`): a
 * component that is a link, or anything but a directory, is refused — it is never followed, so
 * what lands at the destination always comes from inside the checkout.
 */
async function realSubdirectory(root, sub) {
    const parts = sub.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
    // The spec refuses these already; the walk must not depend on it.
    if (!parts.length || parts.includes('..') || external_node_path_.isAbsolute(sub))
        return { problem: 'not a directory' };
    let dir = root;
    for (const part of parts) {
        dir = external_node_path_.join(dir, part);
        const st = await promises_.lstat(dir).catch(() => undefined);
        if (!st)
            return { problem: 'missing' };
        if (st.isSymbolicLink())
            return { problem: 'link' };
        if (!st.isDirectory())
            return { problem: 'not a directory' };
    }
    return { dir };
}
/** The line a refused or missing `subdirectory` fails its source with. */
function subdirectoryMessage(sub, problem, commit) {
    if (problem === 'link') {
        return `subdirectory "${sub}" is a symbolic link in the repository at commit ${commit}: fetch-sources does not follow links out of a checkout — name the directory it points to inside the repository instead`;
    }
    if (problem === 'not a directory')
        return `subdirectory "${sub}" is not a directory at commit ${commit}`;
    return `subdirectory "${sub}" does not exist at commit ${commit}`;
}

// EXTERNAL MODULE: ./src/fetchers/shared/archive.ts + 1 modules
var shared_archive = __webpack_require__(63256);
// EXTERNAL MODULE: ./src/fetchers/shared/landing.ts
var landing = __webpack_require__(5311);
;// CONCATENATED MODULE: ./src/fetchers/git/api-fallback.ts













/** The token for the hosting API: the source's secret, else the `token` input on its own server. */
function apiToken(source, ctx) {
    const server = new URL(ctx.options.server.url).host;
    const api = new URL(source.provider.apiUrl).host;
    const sameServer = api === server || api === `api.${server}` || (source.provider.type === 'github' && new URL(source.url).host === server);
    const secret = source.secret ?? (sameServer ? ctx.options.server.token : undefined);
    if (!secret)
        return undefined;
    const c = gitCredential(secret, 'x-access-token');
    return c.kind === 'basic' ? c.password : undefined;
}
/**
 * The fully qualified ref a revision names, as the `ref` output wants it: `refs/…` as given, the
 * default branch, a branch (first) or a tag of that name, or '' for a SHA.
 */
async function qualify(rev, isDefault, has) {
    if (rev.startsWith('refs/'))
        return rev;
    if (isDefault)
        return `refs/heads/${rev}`;
    // A (possibly abbreviated) SHA names a commit, not a ref: no lookups.
    if (/^[0-9a-f]{4,64}$/i.test(rev))
        return '';
    if (await has.branch(rev))
        return `refs/heads/${rev}`;
    if (await has.tag(rev))
        return `refs/tags/${rev}`;
    return '';
}
async function viaGitHub(p, revision, token) {
    const { GitHub } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 32413));
    const { fetch, EnvHttpProxyAgent } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 46752, 19));
    // https_proxy/no_proxy decided per request URL (the API host, then the archive host it
    // redirects to), not for api.github.com as @actions/github's defaults are.
    const dispatcher = new EnvHttpProxyAgent();
    const octokit = new GitHub({
        baseUrl: p.apiUrl.replace(/\/$/, ''),
        request: { fetch: (url, init) => fetch(url, { ...init, dispatcher }) },
        ...(token ? { auth: `token ${token}` } : {})
    });
    const repo = { owner: p.owner, repo: p.repo };
    let rev = revision;
    if (rev === undefined)
        rev = (await octokit.rest.repos.get(repo)).data.default_branch;
    const exists = (call) => call.then(() => true, (e) => (e.status === 404 ? false : Promise.reject(e)));
    // What `git clone --branch` would say the name was: a branch first, then a tag.
    const ref = await qualify(rev, revision === undefined, {
        branch: (name) => exists(octokit.rest.repos.getBranch({ ...repo, branch: name })),
        tag: (name) => exists(octokit.rest.git.getRef({ ...repo, ref: `tags/${name}` }))
    });
    const commit = (await octokit.rest.repos.getCommit({ ...repo, ref: rev })).data.sha;
    const response = await octokit.request('GET /repos/{owner}/{repo}/tarball/{ref}', { ...repo, ref: commit, request: { parseSuccessResponseBody: false } });
    return { commit, ref, archive: response.data };
}
async function viaGitLab(p, revision, token) {
    const { fetch, EnvHttpProxyAgent } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 46752, 19));
    const dispatcher = new EnvHttpProxyAgent();
    const project = `${p.apiUrl.replace(/\/$/, '')}/projects/${encodeURIComponent(`${p.owner}/${p.repo}`)}`;
    const get = async (url) => {
        const res = await fetch(url, { dispatcher, headers: token ? { authorization: `Bearer ${token}` } : {} });
        if (!res.ok)
            throw Object.assign(new Error(`GET ${url.replace(/\?.*/, '')}: HTTP ${res.status}`), { status: res.status });
        return res;
    };
    let rev = revision;
    if (rev === undefined)
        rev = (await (await get(project)).json()).default_branch;
    const exists = (url) => get(url).then(() => true, (e) => (e.status === 404 ? false : Promise.reject(e)));
    const ref = await qualify(rev, revision === undefined, {
        branch: (name) => exists(`${project}/repository/branches/${encodeURIComponent(name)}`),
        tag: (name) => exists(`${project}/repository/tags/${encodeURIComponent(name)}`)
    });
    const commit = (await (await get(`${project}/repository/commits/${encodeURIComponent(rev)}`)).json()).id;
    const res = await get(`${project}/repository/archive.tar.gz?sha=${commit}`);
    return { commit, ref, archive: res.body };
}
/**
 * No usable git: the hosting API's archive of the resolved commit. `commit` is still reported;
 * there is no `.git` directory (and so no submodules, LFS or in-place re-run).
 */
async function fetchFromApi(source, ctx) {
    const p = source.provider;
    const token = apiToken(source, ctx);
    const unpacked = external_node_path_.join(ctx.scratch, 'archive');
    const archive = external_node_path_.join(ctx.scratch, 'archive.tar.gz');
    const resolved = await ctx.limiter.run(() => (0,retry/* withRetry */.bD)(async () => {
        await promises_.rm(unpacked, { recursive: true, force: true });
        await promises_.mkdir(unpacked, { recursive: true });
        try {
            const r = p.type === 'github' ? await viaGitHub(p, source.revision, token) : await viaGitLab(p, source.revision, token);
            const body = 'getReader' in r.archive ? external_node_stream_.Readable.fromWeb(r.archive) : r.archive;
            await (0,external_node_stream_promises_.pipeline)(body, (0,external_node_fs_.createWriteStream)(archive));
            // Repository content like any archive: through the landing checks (symlinks, .git,
            // modes, size). The hosting API's archive is the repository itself, so only the
            // absolute limit applies. Its single top directory (`owner-repo-sha/`) is dropped.
            await (0,shared_archive/* unpackArchive */.b)(archive, 'tar', unpacked, { strip: 1, limit: { ratio: Number.POSITIVE_INFINITY, bytes: ctx.options.unpackLimit.bytes } });
            return r;
        }
        catch (e) {
            const status = e.status;
            const permanent = status === 401 || status === 403 || status === 404 || status === 422;
            const hint = status === 401 || status === 403
                ? ` — check ${source.secret ? `secret "${source.secret.name}"` : 'the `token` input (or give the connection a secret)'}`
                : '';
            throw new errors/* FetchError */.fk(source.name, `${p.type} API (${p.apiUrl}) for ${p.owner}/${p.repo}: ${(0,errors/* errorMessage */.gJ)(e)}${hint}`, {
                cause: e,
                permanent: permanent || !status
            });
        }
    }, { signal: ctx.signal, retryable: (e) => !e.permanent }));
    let from = unpacked;
    if (source.subdirectory) {
        // The archive may hold a symbolic link where the subdirectory is named: never followed.
        const sub = await realSubdirectory(unpacked, source.subdirectory);
        if ('problem' in sub)
            throw new errors/* FetchError */.fk(source.name, subdirectoryMessage(source.subdirectory, sub.problem, resolved.commit), { permanent: true });
        from = sub.dir;
    }
    // Scratch may be on another filesystem than the workspace (RUNNER_TEMP on its own disk).
    await (0,landing/* moveInto */.cG)(from, ctx.staging);
    ctx.log.info(`${source.revision ?? 'default branch'} → ${resolved.commit} (from the ${p.type} archive)`);
    // Checkout mode knows the ref GITHUB_SHA came from, as with git.
    const ref = source.checkout?.knownRef ?? resolved.ref;
    return { url: (0,urls/* publicUrl */.x6)(source.url), revision: source.revision ?? '', ref, commit: resolved.commit, ...(await walkSize(ctx.staging)) };
}

// EXTERNAL MODULE: ./src/fetchers/shared/cache.ts
var cache = __webpack_require__(20530);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/fetchers/git/connect-proxy.ts


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
`;
/**
 * Writes the script and the proxy URL into the source's private auth directory; returns the ssh
 * option that uses them. Both live as long as that directory, so a persisted `core.sshCommand`
 * keeps working until the post step removes it.
 */
async function connectProxyOption(dir, proxy, quote) {
    const file = external_node_path_.join(dir, 'connect-proxy.cjs');
    await promises_.writeFile(external_node_path_.join(dir, 'connect-proxy.json'), JSON.stringify({ proxy }), { mode: 0o600 });
    await promises_.writeFile(file, SCRIPT, { mode: 0o600 });
    return `-o ProxyCommand=${quote(`${quote(process.execPath)} ${quote(file)} %h %p`)}`;
}

;// CONCATENATED MODULE: ./src/fetchers/git/known-hosts.ts



/**
 * github.com's published SSH host keys
 * (https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/githubs-ssh-key-fingerprints),
 * always trusted so `git@github.com:` URLs work with strict host key checking and no setup.
 */
const GITHUB_KNOWN_HOSTS = [
    'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
    'github.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg=',
    'github.com ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCj7ndNxQowgcQnjshcLrqPEiiphnt+VTTvDP6mHBL9j1aNUkY4Ue1gvwnGLVlOhGeYrnZaMgRK6+PKCUXaDbC7qtbW8gIkhL7aGCsOr/C56SJMy/BCZfxd1nWzAOxSDPgVsmerOBYfNqltV9/hWCqBywINIR+5dIg6JTJ72pcEpEjcYgXkE2YEFXV1JHnsKgbLWNlhScqb2UmyRkQyytRLtL+38TGxkxCflmO+5Z8CSSNY7GidjMIZ7Q4zMjA2n1nGrlTDkzwDCsw+wqFPGQA179cnfGWOWRVruj16z6XyvxvjJwbz0wQZ75XK5tKSb7FNyeIEs4TT4jk+S4dhPeAUC5y+bDYirYgM4GC7uEnztnZyaVWQ7B381AK4Qdrwt51ZqExKbQpTUNn+EjqoTwvqNj4kqx5QUCI0ThS/YkOxJCXmPUWZbhjpCg56i+2aB6CmK2JGhn57K5mj0MNdBXA4/WnwH6XoPWJzK5Nyu2zB3nAZp+S5hpQs+p1vN1/wsjk='
].join('\n');
/**
 * The runner user's `~/.ssh/known_hosts`, trusted as actions/checkout trusts it ('' when there is
 * none): the hosts a self-hosted runner's admin already vouched for need no input.
 */
async function userKnownHosts(env) {
    const home = env.HOME || external_node_os_.homedir();
    try {
        return await promises_.readFile(external_node_path_.join(home, '.ssh', 'known_hosts'), 'utf8');
    }
    catch {
        return '';
    }
}

// EXTERNAL MODULE: ./src/fetchers/git/url.ts
var git_url = __webpack_require__(41314);
;// CONCATENATED MODULE: ./src/fetchers/git/credential-helper.ts



/** Quotes a string for a POSIX shell: the one way anything is put into a shell snippet here. */
function shellQuote(s) {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
/**
 * The `host` values git may name one origin by in a credential request: `host[:port]` as the URL
 * has it, and with the scheme's default port spelt out (`https://h:443/` is the origin `https://h/`).
 */
function hostForms(origin) {
    const host = origin.host.toLowerCase();
    if (origin.port)
        return [host];
    const port = origin.protocol === 'https:' ? '443' : '80';
    return [host, `${host}:${port}`];
}
/**
 * A git credential helper for exactly one origin (scheme, host and port), written as the value of
 * `credential.<origin>.helper`.
 *
 * Git asks helpers per request URL, and after a redirect it resets what it knows and asks again
 * for the new URL (`credential_from_url` on the redirected base in http.c); curl itself never
 * sends credentials it was given for one host to another. So a helper that answers only for its
 * own origin means a credential can never reach another origin, whatever the server redirects to.
 * The snippet holds no secret: it names a 0600 file holding `username=…`/`password=…`, so the
 * secret is in no argument, no environment variable (which every hook and filter git starts
 * would inherit) and no `.git/config`.
 */
async function writeHelper(dir, url, user, password) {
    const u = new URL(url);
    for (const [what, v] of [
        ['user name', user],
        ['password', password]
    ]) {
        // Git's credential protocol is line based: a line break would let a value add attributes.
        if (/[\r\n\0]/.test(v))
            throw new Error(`the ${what} contains a line break or NUL, which git credentials cannot carry`);
    }
    const file = external_node_path_.join(dir, `credential-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
    await promises_.writeFile(file, `username=${user}\npassword=${password}\n`, { mode: 0o600 });
    const scheme = u.protocol.replace(/:$/, '');
    const hosts = hostForms(u)
        .map((h) => `${shellQuote(h)}) cat ${shellQuote(file)};;`)
        .join(' ');
    // `get` only; `store` and `erase` are no-ops. Host names compare case-insensitively.
    const script = 'f() { test "$1" = get || exit 0; p=; h=; ' +
        'while IFS= read -r l && test -n "$l"; do case "$l" in protocol=*) p=${l#protocol=};; host=*) h=${l#host=};; esac; done; ' +
        `test "$p" = ${shellQuote(scheme)} || exit 0; ` +
        `case "$(printf %s "$h" | tr A-Z a-z)" in ${hosts} esac; }; f`;
    return { origin: `${u.protocol}//${u.host}/`, helper: `!${script}` };
}

;// CONCATENATED MODULE: ./src/fetchers/git/credentials.ts









/**
 * The user name a bare token goes with: GitHub takes `x-access-token`, GitLab `oauth2`; other
 * servers accept any name with a token, so GitHub's is used.
 */
function tokenUser(url, provider, serverUrl) {
    if (provider?.type === 'gitlab')
        return 'oauth2';
    if (provider?.type === 'github')
        return 'x-access-token';
    const host = (0,urls/* hostOf */.w4)(url);
    if (host && host === (0,urls/* hostOf */.w4)(serverUrl))
        return 'x-access-token';
    if (host && /(^|\.)gitlab\./.test(host))
        return 'oauth2';
    return 'x-access-token';
}
/** `protocol.allow`: git itself refuses ext::, fd:: and every transport we do not list. */
function protocolConfig(url) {
    return [
        ['protocol.version', '2'],
        ['protocol.allow', 'never'],
        ['protocol.https.allow', 'always'],
        ['protocol.http.allow', 'always'],
        ['protocol.ssh.allow', 'always'],
        ['protocol.git.allow', 'always'],
        // A file:// superproject may have file:// submodules (tests, mirrors); a remote one may not.
        ['protocol.file.allow', (0,git_url/* isFileUrl */.o1)(url) ? 'always' : 'never'],
        // No credential helper and no askpass: a wrong secret fails at once instead of prompting.
        ['credential.helper', ''],
        // A checkout left by an earlier job is not trusted: whatever its config or `.git/hooks` say,
        // git runs no hook and no fsmonitor daemon for us (see reuse.ts for the rest of its config).
        ['core.hooksPath', '/dev/null'],
        ['core.fsmonitor', 'false'],
        // Fetches of a fresh checkout need no housekeeping afterwards (one process less).
        ['maintenance.auto', 'false'],
        ['gc.auto', '0'],
        ['core.askPass', ''],
        // Parallel checkout (git ≥ 2.32; older versions ignore it): writing files overlaps inflating
        // blobs. Measured on 2 cores and 20,000 files: 1 worker 615 ms, 2 (the "auto" value) 575 ms,
        // 4 workers 470 ms, 8 no better. Git only uses workers from 100 files up.
        ['checkout.workers', String(checkoutWorkers())]
    ];
}
function checkoutWorkers() {
    return Math.min(16, Math.max(4, 2 * (0,external_node_os_.availableParallelism)()));
}
/**
 * Builds the environment that carries `credentials` to git. The first credential is the source's
 * own; the others (other git sources of the spec, the `token` input) serve submodules on their
 * hosts. HTTP credentials are answered by a credential helper scoped to their origin (scheme, host
 * and port; see credential-helper.ts), so git never sends one to another origin, not even after a
 * redirect; SSH keys go to a 0600 file used with strict host key checking.
 */
async function buildAuth(opts) {
    const config = protocolConfig(opts.url);
    for (const dir of opts.safeDirectories ?? [])
        config.push(['safe.directory', dir]);
    const persistable = [];
    const summary = [];
    const env = {};
    await promises_.mkdir(opts.dir, { recursive: true, mode: 0o700 });
    const claimed = new Set();
    const keys = [];
    const knownHosts = [...opts.knownHosts];
    for (const { url, credential } of opts.credentials) {
        if (credential.kind === 'basic') {
            const origin = (0,git_url/* httpOrigin */.dp)(url);
            if (!origin || claimed.has(origin))
                continue;
            claimed.add(origin);
            let helper;
            try {
                helper = (await writeHelper(opts.dir, url, credential.user, credential.password)).helper;
            }
            catch (e) {
                throw new Error(`${credential.from}: ${e.message}`);
            }
            // The empty value first: for this origin, no helper of the runner's or a repository's
            // config answers, only ours.
            const entries = [
                [`credential.${origin}.helper`, ''],
                [`credential.${origin}.helper`, helper]
            ];
            config.push(...entries);
            persistable.push(...entries);
            summary.push(`${credential.from} for ${origin}`);
        }
        else {
            if (!(0,urls/* isSshUrl */.Uu)(url))
                continue;
            const file = external_node_path_.join(opts.dir, `key-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`);
            await promises_.writeFile(file, credential.key, { mode: 0o600 });
            keys.push(file);
            if (credential.knownHosts)
                knownHosts.push(credential.knownHosts);
            summary.push(`SSH key from ${credential.from}`);
        }
    }
    if ((0,urls/* isSshUrl */.Uu)(opts.url) || keys.length) {
        const knownHostsFile = external_node_path_.join(opts.dir, 'known_hosts');
        await promises_.writeFile(knownHostsFile, [GITHUB_KNOWN_HOSTS, ...knownHosts].map((t) => t.trim()).join('\n') + '\n', { mode: 0o600 });
        const parts = [
            'ssh',
            '-o BatchMode=yes',
            // As actions/checkout: its known hosts (the input's, the runner user's, github.com's) in the
            // user file, the system's own file left as ssh reads it, `CheckHostIP=no`.
            `-o StrictHostKeyChecking=${opts.acceptNewHostKeys ? 'accept-new' : 'yes'}`,
            '-o CheckHostIP=no',
            `-o UserKnownHostsFile=${shellQuote(knownHostsFile)}`,
            // A dead connection fails (and is retried) instead of hanging the job.
            '-o ConnectTimeout=30',
            '-o ServerAliveInterval=15',
            '-o ServerAliveCountMax=4',
            ...(keys.length ? ['-o IdentitiesOnly=yes', ...keys.map((k) => `-i ${shellQuote(k)}`)] : []),
            // ADS's `ssh_proxy`: the connection goes through that HTTP CONNECT proxy.
            ...(opts.proxy?.ssh ? [await connectProxyOption(opts.dir, opts.proxy.ssh, shellQuote)] : [])
        ];
        env.GIT_SSH_COMMAND = parts.join(' ');
        // Only the command, which names files: the key itself never enters a config.
        persistable.push(['core.sshCommand', env.GIT_SSH_COMMAND]);
    }
    // Proxies the spec sets for this clone (ADS runtime env) win over the runner's.
    if (opts.proxy?.http)
        env.http_proxy = opts.proxy.http;
    if (opts.proxy?.https)
        env.https_proxy = opts.proxy.https;
    if (opts.proxy?.noProxy)
        env.no_proxy = opts.proxy.noProxy;
    return { env: withConfig(env, config), persistable, dir: opts.dir, summary };
}
/** A git config file body (for `persist-credentials`); values are quoted and escaped. */
function configFileText(entries) {
    const lines = [];
    for (const [key, value] of entries) {
        const first = key.indexOf('.');
        const last = key.lastIndexOf('.');
        const section = key.slice(0, first);
        const sub = first === last ? undefined : key.slice(first + 1, last);
        const name = key.slice(last + 1);
        const esc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
        lines.push(sub === undefined ? `[${section}]` : `[${section} "${esc(sub)}"]`);
        lines.push(`\t${name} = "${esc(value)}"`);
    }
    return lines.join('\n') + '\n';
}
/** `env` with more GIT_CONFIG_* pairs after those it has. */
function withConfig(env, pairs) {
    const count = Number(env.GIT_CONFIG_COUNT ?? 0);
    const out = { ...env, GIT_CONFIG_COUNT: String(count + pairs.length) };
    pairs.forEach(([k, v], i) => {
        out[`GIT_CONFIG_KEY_${count + i}`] = k;
        out[`GIT_CONFIG_VALUE_${count + i}`] = v;
    });
    return out;
}

;// CONCATENATED MODULE: ./src/fetchers/git/repo.ts



/**
 * A fresh repository with `origin` configured, in one git process: the remote and sparse settings
 * are appended to `.git/config` directly (they hold no secret) instead of costing a process each.
 */
async function initRepo(git, dir, url, options = {}) {
    await git.exec(['init', '-q', '--template=', ...(options.sha256 ? ['--object-format=sha256'] : []), '--end-of-options', dir]);
    const entries = [
        ['remote.origin.url', url],
        ['remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*']
    ];
    if (options.sparse?.length) {
        const cone = options.cone ?? true;
        entries.push(['core.sparseCheckout', 'true'], ['core.sparseCheckoutCone', String(cone)]);
        await promises_.mkdir(external_node_path_.join(dir, '.git', 'info'), { recursive: true });
        // Without cone mode the patterns are gitignore-style lines, written as given (checkout's
        // `sparse-checkout-cone-mode: false`).
        await promises_.writeFile(external_node_path_.join(dir, '.git', 'info', 'sparse-checkout'), cone ? conePatterns(options.sparse) : options.sparse.join('\n') + '\n');
    }
    await promises_.appendFile(external_node_path_.join(dir, '.git', 'config'), configFileText(entries));
}
/**
 * The fresh repository every fetch of `source` starts from (a checkout, or a cache entry adopted
 * into it): its object format, `origin`, and `sparse`, the directories the checkout keeps (the
 * subdirectory's included), in cone mode unless the source gives gitignore-style patterns.
 */
function initSourceRepo(git, dir, source, sparse) {
    return initRepo(git, dir, source.url, { sha256: source.revision?.length === 64, sparse, cone: !source.checkout?.sparsePatterns });
}
/** The patterns `git sparse-checkout set --cone DIRS` writes: top-level files plus each directory. */
function conePatterns(dirs) {
    const lines = new Set(['/*', '!/*/']);
    for (const raw of dirs) {
        const parts = raw.split('/').filter((p) => p && p !== '.');
        for (let i = 1; i < parts.length; i++) {
            const parent = parts.slice(0, i).join('/');
            lines.add(`/${parent}/`);
            lines.add(`!/${parent}/*/`);
        }
        if (parts.length)
            lines.add(`/${parts.join('/')}/`);
    }
    return [...lines].join('\n') + '\n';
}
/** The commit HEAD points at, read from the files (no process); undefined when it cannot tell. */
async function readHead(dir) {
    const gitDir = external_node_path_.join(dir, '.git');
    const head = (await promises_.readFile(external_node_path_.join(gitDir, 'HEAD'), 'utf8').catch(() => '')).trim();
    if (/^[0-9a-f]{40,64}$/.test(head))
        return head;
    const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
    if (!ref)
        return undefined;
    const loose = (await promises_.readFile(external_node_path_.join(gitDir, ...ref.split('/')), 'utf8').catch(() => '')).trim();
    return /^[0-9a-f]{40,64}$/.test(loose) ? loose : undefined;
}

;// CONCATENATED MODULE: ./src/fetchers/git/revision.ts
const FULL_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;
const SHORT_SHA = /^[0-9a-f]{4,39}$/i;
function isFullSha(revision) {
    return revision !== undefined && FULL_SHA.test(revision);
}
/** Parses `git ls-remote` output into ref → oid, with `^{}` peeled lines under `ref^{}`. */
function parseLsRemote(text) {
    const refs = new Map();
    const symrefs = new Map();
    for (const line of text.split('\n')) {
        const sym = /^ref: (\S+)\t(\S+)$/.exec(line);
        if (sym) {
            symrefs.set(sym[2], sym[1]);
            continue;
        }
        const m = /^([0-9a-f]{40,64})\t(\S+)$/.exec(line);
        if (m)
            refs.set(m[2], m[1]);
    }
    return { refs, symrefs };
}
function localRefFor(ref) {
    if (ref.startsWith('refs/heads/'))
        return `refs/remotes/origin/${ref.slice('refs/heads/'.length)}`;
    return ref;
}
function targetFor(ref, refs) {
    const want = refs.get(ref);
    return {
        ref,
        want,
        // A tag without a peeled line is lightweight: it names the commit itself.
        commit: refs.get(`${ref}^{}`) ?? want,
        localRef: localRefFor(ref),
        ...(ref.startsWith('refs/heads/') ? { branch: ref.slice('refs/heads/'.length) } : {})
    };
}
/** Thrown when no ref matches; the caller turns it into a source error. */
class RevisionNotFound extends Error {
    name = 'RevisionNotFound';
}
/**
 * Resolves a revision with at most one `ls-remote` (none for a full SHA). Branches win over tags
 * of the same name, as `git clone --branch` does.
 */
async function resolveRevision(git, cwd, revision, env) {
    if (revision !== undefined && FULL_SHA.test(revision))
        return { ref: '', want: revision.toLowerCase(), commit: revision.toLowerCase() };
    if (revision === undefined) {
        const out = await git.exec(['ls-remote', '--symref', 'origin', 'HEAD'], { cwd, env });
        const { refs, symrefs } = parseLsRemote(out.stdout);
        const head = symrefs.get('HEAD');
        const oid = refs.get('HEAD');
        if (!oid)
            throw new RevisionNotFound('the remote has no default branch (HEAD): it is empty, or set `revision`');
        if (!head)
            return { ref: '', want: oid, commit: oid };
        return targetFor(head, new Map([[head, oid]]));
    }
    const candidates = revision.startsWith('refs/') ? [revision] : [`refs/heads/${revision}`, `refs/tags/${revision}`];
    // Protocol v2 only reports a tag's peeled commit when `TAG^{}` is asked for by name.
    const patterns = candidates.flatMap((c) => (c.startsWith('refs/tags/') ? [c, `${c}^{}`] : [c]));
    const out = await git.exec(['ls-remote', 'origin', ...patterns], { cwd, env });
    const { refs } = parseLsRemote(out.stdout);
    const found = candidates.find((c) => refs.has(c));
    if (found)
        return targetFor(found, refs);
    if (SHORT_SHA.test(revision))
        return { ref: '', abbreviated: revision.toLowerCase() };
    throw new RevisionNotFound(revision.startsWith('refs/') ? `the remote has no ref ${revision}` : `the remote has no branch or tag named "${revision}" (and it is not a SHA)`);
}

;// CONCATENATED MODULE: ./src/fetchers/git/cache.ts







const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
function gitCache(settings, source, git, dir, 
/** The directories the checkout keeps, as the fetch initialises them (repo.ts). */
keep, env, network, log) {
    const entry = (0,cache/* entryDir */.yv)(settings, 'git', source.name);
    let key;
    let status = 'off';
    return {
        async restore() {
            if (settings.mode === 'off')
                return false;
            if (source.submodules || source.lfs) {
                log.info('cache: off for this source: submodules and LFS objects are not cached');
                return false;
            }
            // What lands of a subdirectory source is its files without `.git`: no packs to save.
            if (source.subdirectory) {
                log.info('cache: off for this source: a `subdirectory` checkout lands without the packs an entry is made of');
                return false;
            }
            await initSourceRepo(git, dir, source, keep);
            const target = await network('ls-remote', () => resolveRevision(git, dir, source.revision, env));
            if (!target.commit) {
                await promises_.rm(external_node_path_.join(dir, '.git'), { recursive: true, force: true });
                return false;
            }
            const { url, depth, sparse, filter, tags, singleBranch } = source;
            key = (0,cache/* cacheKey */.k$)('git', { url: (0,urls/* publicUrl */.x6)(url), commit: target.commit, depth, sparse, filter, tags, singleBranch });
            status = 'miss';
            if ((await (0,cache/* restoreEntry */.fe)(entry, key, log)) && (await adopt(git, entry, dir, target.commit, log))) {
                status = 'hit';
                return true;
            }
            // Nothing of the entry stays: the fetch starts from a fresh repository.
            await promises_.rm(external_node_path_.join(dir, '.git'), { recursive: true, force: true });
            return false;
        },
        outcome() {
            if (status === 'off' || !key)
                return { status: 'off' };
            if (status === 'hit' || settings.mode !== 'on')
                return { status, key };
            return { status, key, save: (dest) => saveCheckout(settings, entry, key, dest, log) };
        }
    };
}
/** Indexes the entry's packs into `dir`'s repository (hashes recomputed) and checks the commit is there. */
async function adopt(git, entry, dir, commit, log) {
    const packDir = external_node_path_.join(dir, '.git', 'objects', 'pack');
    const packs = (await promises_.readdir(external_node_path_.join(entry, 'pack')).catch(() => [])).filter((f) => f.endsWith('.pack'));
    try {
        await promises_.mkdir(packDir, { recursive: true });
        for (const [i, pack] of packs.entries()) {
            const tmp = external_node_path_.join(packDir, `tmp-cache-${i}.pack`);
            await promises_.copyFile(external_node_path_.join(entry, 'pack', pack), tmp);
            const out = await git.exec(['index-pack', '--strict', tmp], { cwd: dir });
            const hash = /^(?:pack\t)?([0-9a-f]{40,64})$/m.exec(out.stdout.trim())?.[1];
            if (!hash)
                throw new Error(`git index-pack named no pack for ${pack}`);
            await promises_.rename(tmp, external_node_path_.join(packDir, `pack-${hash}.pack`));
            await promises_.rename(tmp.replace(/\.pack$/, '.idx'), external_node_path_.join(packDir, `pack-${hash}.idx`));
        }
        const shallow = await promises_.readFile(external_node_path_.join(entry, 'shallow'), 'utf8').catch(() => '');
        const lines = shallow.split('\n').filter(Boolean);
        if (lines.some((l) => !SHA.test(l)))
            throw new Error('its shallow boundary is not a list of commits');
        if (lines.length)
            await promises_.writeFile(external_node_path_.join(dir, '.git', 'shallow'), lines.join('\n') + '\n');
        const has = await git.exec(['cat-file', '-e', `${commit}^{commit}`], { cwd: dir, allowFailure: true });
        if (has.code !== 0)
            throw new Error(`it does not hold commit ${commit}`);
        return true;
    }
    catch (e) {
        log.warning(`cache: the git entry is not usable (${e instanceof Error ? e.message : String(e)}): fetching from the origin`);
        return false;
    }
}
/** Links the checkout's packs and shallow boundary into the entry directory and saves it. */
async function saveCheckout(settings, entry, key, dest, log) {
    const packDir = external_node_path_.join(dest, '.git', 'objects', 'pack');
    const packs = (await promises_.readdir(packDir).catch(() => [])).filter((f) => f.endsWith('.pack'));
    const sizes = await Promise.all(packs.map(async (p) => (await promises_.stat(external_node_path_.join(packDir, p))).size));
    const bytes = sizes.reduce((n, s) => n + s, 0);
    if (packs.length === 0)
        return 'miss';
    if (bytes > settings.maxBytes) {
        log.info(`cache: not saved: ${bytes} bytes of packs is over cache-max-size (${settings.maxBytes})`);
        return 'miss';
    }
    await promises_.rm(entry, { recursive: true, force: true });
    await promises_.mkdir(external_node_path_.join(entry, 'pack'), { recursive: true });
    for (const p of packs)
        await (0,landing/* linkOrCopy */.L7)(external_node_path_.join(packDir, p), external_node_path_.join(entry, 'pack', p));
    await promises_.copyFile(external_node_path_.join(dest, '.git', 'shallow'), external_node_path_.join(entry, 'shallow')).catch(() => undefined);
    return (await (0,cache/* saveEntry */.wn)(entry, key, log)) === 'saved' ? 'saved' : 'miss';
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/fetchers/git/git.ts


/** Oldest git we drive: `--end-of-options` (2.24), partial clone + cone sparse checkout that work. */
const MIN_GIT_VERSION = [2, 25, 0];
/** A git command that failed: its arguments (never secret: credentials travel by environment) and stderr. */
class GitCommandError extends Error {
    args;
    code;
    stderr;
    name = 'GitCommandError';
    constructor(args, code, stderr) {
        super(`git ${args[0] ?? ''} failed (exit ${code}): ${lastLines(stderr)}`);
        this.args = args;
        this.code = code;
        this.stderr = stderr;
    }
}
function lastLines(text, n = 4) {
    return (
    // `--progress` rewrites its line with `\r`: each rewrite is a line of its own.
    text
        .split(/[\r\n]+/)
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(-n)
        .join(' | ') || 'no output');
}
/** Variables of the calling process that would redirect git somewhere we did not choose. */
const SCRUBBED = /^(GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE|CEILING_DIRECTORIES|CONFIG_COUNT|CONFIG_KEY_\d+|CONFIG_VALUE_\d+|CONFIG_PARAMETERS|ASKPASS|SSH|SSH_COMMAND|PROXY_COMMAND)|SSH_ASKPASS)$/;
/**
 * The one way this project runs git: argument arrays, no shell, no prompt (`GIT_TERMINAL_PROMPT=0`,
 * no askpass), output captured and never echoed (argv is safe to show, but we log our own lines).
 */
class Git {
    path;
    version;
    baseEnv;
    signal;
    constructor(path, version, baseEnv, signal) {
        this.path = path;
        this.version = version;
        this.baseEnv = baseEnv;
        this.signal = signal;
    }
    /** The same git, every command of which is killed when `signal` aborts (a cancelled run). */
    withSignal(signal) {
        return new Git(this.path, this.version, this.baseEnv, signal);
    }
    /** Finds git and checks its version; throws `GitUnavailable` when it is missing or too old. */
    static async create(options = {}) {
        const source = options.env ?? process.env;
        const baseEnv = {};
        for (const [k, v] of Object.entries(source))
            if (v !== undefined && !SCRUBBED.test(k))
                baseEnv[k] = v;
        Object.assign(baseEnv, { GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'Never', GIT_LFS_SKIP_SMUDGE: '1', LC_ALL: 'C' });
        let out;
        try {
            // The same spawn as every other git command (no @actions/exec: its module is one more to load).
            out = await run('git', ['--version'], { env: baseEnv, signal: undefined });
        }
        catch (e) {
            throw new GitUnavailable(`git was not found on PATH (${e.message})`);
        }
        const m = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(out.stdout);
        if (out.code !== 0 || !m)
            throw new GitUnavailable(`\`git --version\` did not report a version: ${lastLines(out.stdout + out.stderr)}`);
        const found = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
        if (compareVersions(found, MIN_GIT_VERSION) < 0) {
            throw new GitUnavailable(`git ${found.join('.')} is older than the minimum ${MIN_GIT_VERSION.join('.')}`);
        }
        return new Git('git', found.join('.'), baseEnv);
    }
    async exec(args, options = {}) {
        const out = await run(this.path, args, {
            ...(options.cwd ? { cwd: options.cwd } : {}),
            env: { ...this.baseEnv, ...options.env },
            signal: options.signal ?? this.signal,
            ...(options.onStderr ? { onStderr: options.onStderr } : {})
        });
        if (out.code !== 0 && !options.allowFailure)
            throw new GitCommandError(args, out.code, out.stderr || out.stdout);
        return out;
    }
    /** Whether `git lfs` is installed (it is a separate program). */
    async hasLfs() {
        const out = await this.exec(['lfs', 'version'], { allowFailure: true });
        return out.code === 0;
    }
}
/**
 * Runs a command with no stdin and its output captured. Not @actions/exec: that cannot stop a
 * child, and a cancelled run must not leave git writing into staging it is about to remove. Git
 * does not end the helpers it starts (`git-remote-http` outlives a killed `git fetch`), so git
 * runs in its own process group and the whole group gets SIGTERM; the call settles once git has
 * exited, so its staging is removed after the last write.
 */
function run(file, args, opts) {
    return new Promise((resolve, reject) => {
        if (opts.signal?.aborted)
            return reject(opts.signal.reason);
        const group = process.platform !== 'win32';
        const child = (0,external_node_child_process_.spawn)(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: opts.env, detached: group, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
        const stop = () => {
            try {
                if (group && child.pid)
                    process.kill(-child.pid, 'SIGTERM');
                else
                    child.kill('SIGTERM');
            }
            catch {
                // Already gone.
            }
        };
        opts.signal?.addEventListener('abort', stop, { once: true });
        const stdout = [];
        const stderr = [];
        child.stdout.on('data', (d) => stdout.push(d));
        child.stderr.on('data', (d) => {
            stderr.push(d);
            opts.onStderr?.(d.toString());
        });
        child.once('error', (e) => {
            opts.signal?.removeEventListener('abort', stop);
            reject(e);
        });
        child.once('close', (code, signal) => {
            opts.signal?.removeEventListener('abort', stop);
            if (opts.signal?.aborted)
                return reject(opts.signal.reason);
            // A command ended by a signal reports it as a shell would (128 + its number).
            const exit = code ?? 128 + (signal ? (external_node_os_.constants.signals[signal] ?? 0) : 0);
            resolve({ code: exit, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() });
        });
    });
}
/** git cannot be used here: the caller may fall back to a hosting API. */
class GitUnavailable extends Error {
    name = 'GitUnavailable';
}
function compareVersions(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/fetchers/git/checkout.ts






/**
 * Brings `dir` to exactly the commit the source's revision names, with as few git processes as
 * possible: `init` (fresh only), `ls-remote` (not for a full SHA, nor for a branch name), one
 * `fetch` of exactly that object at the requested depth (skipped when a reused checkout already
 * has it), `checkout`.
 */
async function checkoutSource(o) {
    const { git, dir, source, env } = o;
    const { run, transfer } = commands(o);
    if (!o.reuse)
        await initSourceRepo(git, dir, source, o.sparse);
    const shallow = await promises_.stat(external_node_path_.join(dir, '.git', 'shallow')).then(() => true, () => false);
    const known = source.checkout?.knownRef;
    let guess = !o.reuse ? speculativeSpecs(source) : undefined;
    // A branch name fetched alone needs no ls-remote at all: what the fetch brought is the branch
    // (branches win over tags, as for `git clone --branch`). Only a name that is no branch is looked
    // up after, and a name that looks like a version goes the concurrent way below.
    if (guess && !known && source.revision !== undefined && !(source.depth === 0 && !source.singleBranch) && !VERSION_LIKE.test(source.revision)) {
        const branch = source.revision;
        const found = await o.network('fetch', async () => {
            try {
                await transfer(fetchArgs(source, shallow, guess, false));
                return true;
            }
            catch (e) {
                if (e instanceof GitCommandError && /couldn't find remote ref/i.test(e.stderr))
                    return false;
                throw e;
            }
        });
        if (found)
            return finish(o, { ref: `refs/heads/${branch}`, localRef: `refs/remotes/origin/${branch}`, branch }, await branchFetched(o, branch), true);
        guess = undefined;
    }
    // A fresh fetch of the default branch (or of a name that may be a tag) does not wait for
    // ls-remote: both run at once, and ls-remote only names what the fetch brought (one round trip
    // instead of two). A name that turns out to be a tag is fetched after.
    const [resolved, guessed] = await Promise.allSettled([
        o.network('ls-remote', () => resolveRevision(git, dir, source.revision, env)),
        guess ? o.network('fetch', () => transfer(fetchArgs(source, shallow, guess, false))) : Promise.resolve(undefined)
    ]);
    if (resolved.status === 'rejected')
        throw resolved.reason;
    const target = known ? knownTarget(known, resolved.value.commit) : resolved.value;
    let fetched = false;
    let commit = target.commit;
    if (guess && target.branch && guessed.status === 'rejected')
        throw guessed.reason;
    if (guess && guessed.status === 'fulfilled' && (target.branch || (source.revision === undefined && !target.ref))) {
        fetched = true;
        // What the fetch brought is the commit, even if the branch moved since ls-remote.
        commit =
            source.depth === 0 && !source.singleBranch && target.branch
                ? (await run(['rev-parse', '--verify', '--end-of-options', `refs/remotes/origin/${target.branch}^{commit}`])).stdout.trim()
                : await fetchHeadCommit(dir);
        if (target.branch)
            await trackBranch(dir, target.branch, commit);
    }
    else if (target.abbreviated) {
        // A server cannot resolve an abbreviated SHA: fetch the history of every branch and tag, then
        // resolve it locally (depth cannot apply).
        o.log.info(`"${source.revision}" is an abbreviated SHA: fetching full history to resolve it`);
        await o.network('fetch', () => transfer(fetchArgs(source, shallow, ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'], true)));
        fetched = true;
        const out = await git.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', `${target.abbreviated}^{commit}`], {
            cwd: dir,
            env,
            allowFailure: true
        });
        if (out.code !== 0)
            throw new Error(`no commit of the repository starts with "${target.abbreviated}"`);
        commit = out.stdout.trim();
    }
    else if (!o.reuse || !(await hasCommit(git, dir, target.commit ?? target.want)) || (source.depth === 0 && shallow)) {
        try {
            await o.network('fetch', () => transfer(fetchArgs(source, shallow, refspecs(source, target), false)));
        }
        catch (e) {
            // A protocol v0 server without uploadpack.allowReachableSHA1InWant serves only branch and
            // tag tips: fetch those in full and find the commit among them.
            if (target.ref !== '' || !/not our ref|unadvertised object/i.test(e instanceof Error ? e.message : ''))
                throw e;
            o.log.info(`the server does not serve commit ${commit} directly: fetching every branch and tag to find it`);
            await o.network('fetch', () => transfer(fetchArgs(source, shallow, ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'], true)));
            if (!(await hasCommit(git, dir, commit)))
                throw new Error(`commit ${commit} is not on any branch or tag of ${source.url}`);
        }
        fetched = true;
    }
    commit ??= (await run(['rev-parse', '--verify', '--end-of-options', `${target.localRef ?? 'FETCH_HEAD'}^{commit}`])).stdout.trim();
    if (known)
        await settleKnownRef(o, target, commit, fetched);
    return finish(o, target, commit, fetched);
}
/** git in the work tree; only the fetch and the checkout report progress (the other commands are quick). */
function commands(o) {
    const run = (args) => o.git.exec(args, { cwd: o.dir, env: o.env });
    const transfer = (args) => o.progress ? o.git.exec([args[0], '--progress', ...args.slice(1)], { cwd: o.dir, env: o.env, onStderr: o.progress }) : run(args);
    return { run, transfer };
}
/** A name like `v1.2` or `2.0.1` is as likely a tag as a branch: resolved with ls-remote beside the fetch. */
const VERSION_LIKE = /^v?\d+(\.\d+)+/i;
/** The commit a fetch of branch `branch` alone brought, recorded as `origin/BRANCH` with its upstream. */
async function branchFetched(o, branch) {
    const commit = await fetchHeadCommit(o.dir);
    await trackBranch(o.dir, branch, commit);
    return commit;
}
/** Checks out the resolved commit (on its branch, as `git clone` leaves a branch) and proves HEAD is it. */
async function finish(o, target, commit, fetched) {
    const { dir, source } = o;
    const { run, transfer } = commands(o);
    const checkout = target.branch ? ['checkout', '-q', '--force', '-B', target.branch, commit] : ['checkout', '-q', '--force', '--detach', commit];
    await transfer(checkout);
    // checkout's `clean: false` keeps untracked and ignored files; `--force` above still resets tracked ones.
    if (o.reuse && !source.checkout?.keepUntracked)
        await run(['clean', '-q', '-ffdx']);
    const head = (await readHead(dir)) ?? (await run(['rev-parse', 'HEAD'])).stdout.trim();
    if (head !== commit)
        throw new Error(`checkout ended at ${head}, not the resolved commit ${commit}`);
    return { ref: target.ref, commit, fetched };
}
/**
 * The commit GITHUB_SHA names, under the ref GITHUB_REF names, as checkout's ref-helper.ts fetches
 * and checks out the two: a branch by commit into `origin/BRANCH` (checked out as a local
 * branch), a pull request's ref by commit into `refs/remotes/pull/…` (detached), a tag by name
 * (annotated tags stay annotated; checked to still name the commit), any other ref detached.
 */
function knownTarget(ref, commit) {
    if (ref.startsWith('refs/heads/')) {
        const branch = ref.slice('refs/heads/'.length);
        return { ref, want: commit, commit, localRef: `refs/remotes/origin/${branch}`, branch };
    }
    if (ref.startsWith('refs/pull/'))
        return { ref, want: commit, commit, localRef: `refs/remotes/${ref.slice('refs/'.length)}` };
    if (ref.startsWith('refs/tags/'))
        return { ref, want: ref, commit, localRef: ref };
    return { ref, want: commit, commit };
}
async function settleKnownRef(o, target, commit, fetched) {
    if (target.branch)
        await trackBranch(o.dir, target.branch, commit, true);
    else if (fetched && target.want === target.ref) {
        const out = await o.git.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', `${target.ref}^{commit}`], {
            cwd: o.dir,
            env: o.env,
            allowFailure: true
        });
        if (out.stdout.trim() !== commit)
            throw new Error(`the ref '${target.ref}' does not point to the expected commit '${commit}': it may have been moved after the workflow was triggered`);
    }
}
/** What to fetch before knowing whether the revision is a branch; undefined when it cannot be one. */
function speculativeSpecs(source) {
    const rev = source.revision;
    if (rev !== undefined && (isFullSha(rev) || rev.startsWith('refs/') || /^[0-9a-f]{4,39}$/i.test(rev)))
        return undefined;
    if (source.depth === 0 && !source.singleBranch)
        return ['+refs/heads/*:refs/remotes/origin/*'];
    return rev === undefined ? ['HEAD'] : [`+refs/heads/${rev}:refs/remotes/origin/${rev}`];
}
async function fetchHeadCommit(dir) {
    const text = await promises_.readFile(external_node_path_.join(dir, '.git', 'FETCH_HEAD'), 'utf8');
    const sha = /^([0-9a-f]{40,64})\t/.exec(text)?.[1];
    if (!sha)
        throw new Error('git fetch recorded no commit in FETCH_HEAD');
    return sha;
}
/**
 * `origin/BRANCH` and the branch's upstream, as `git clone` leaves them (files only, no process).
 * `force` moves `origin/BRANCH` to the commit even when a fetch of every branch put it elsewhere.
 */
async function trackBranch(dir, branch, commit, force = false) {
    const ref = external_node_path_.join(dir, '.git', 'refs', 'remotes', 'origin', ...branch.split('/'));
    if (force || !(await promises_.stat(ref).catch(() => undefined))) {
        await promises_.mkdir(external_node_path_.dirname(ref), { recursive: true });
        await promises_.writeFile(ref, `${commit}\n`);
    }
    const config = external_node_path_.join(dir, '.git', 'config');
    if ((await promises_.readFile(config, 'utf8')).includes(`[branch "${branch}"]`))
        return;
    await promises_.appendFile(config, configFileText([
        ['branch.' + branch + '.remote', 'origin'],
        ['branch.' + branch + '.merge', `refs/heads/${branch}`]
    ]));
}
async function hasCommit(git, dir, commit) {
    const out = await git.exec(['cat-file', '-e', '--end-of-options', `${commit}^{commit}`], { cwd: dir, allowFailure: true });
    return out.code === 0;
}
function refspecs(source, target) {
    // With `--tags` every tag is fetched to its own name already: naming the tag's destination again
    // from an object id is refused by git ("Cannot fetch both … to refs/tags/…").
    const tagged = source.tags && target.localRef?.startsWith('refs/tags/');
    const own = target.localRef && !tagged ? `+${target.want}:${target.localRef}` : target.want;
    // checkout's `fetch-depth: 0`: every branch, whatever the revision. The commit itself is asked
    // for too (it may be on no branch: a pull request's merge); a branch's goes under no name, as
    // `origin/BRANCH` already has one (settleKnownRef puts it at the commit).
    if (source.depth === 0 && source.checkout?.everyBranch && !source.singleBranch)
        return ['+refs/heads/*:refs/remotes/origin/*', target.branch || !target.localRef ? target.commit : own];
    // Full history of a branch with the others, as a clone has them; tips by object id, never by
    // name, so what is fetched is exactly what ls-remote resolved even if the branch moves meanwhile.
    if (source.depth === 0 && !source.singleBranch && target.branch)
        return ['+refs/heads/*:refs/remotes/origin/*'];
    return [own];
}
function fetchArgs(source, shallow, specs, fullHistory) {
    // Not `-q`: a quiet fetch does not print git's `redirecting to …` line, which redirects.ts reads.
    const args = ['fetch', '--no-recurse-submodules', '--no-write-commit-graph', source.tags ? '--tags' : '--no-tags'];
    if (!fullHistory && source.depth > 0)
        args.push(`--depth=${source.depth}`);
    else if (shallow)
        args.push('--unshallow');
    const filter = source.filter ?? (source.sparse.length || source.subdirectory ? 'blob:none' : undefined);
    if (filter)
        args.push(`--filter=${filter}`);
    args.push('--end-of-options', 'origin', ...specs);
    return args;
}


;// CONCATENATED MODULE: ./src/fetchers/git/errors.ts


const RULES = [
    {
        test: /Authentication failed|could not read (Username|Password)|HTTP (401|403)|returned error: 40[13]|terminal prompts disabled|Invalid username or password/i,
        permanent: true,
        say: (c) => `authentication to ${c.url} failed: ${c.credentials ? `the server refused ${c.credentials} — check that it holds a valid token, user:password or key with read access` : 'no credentials are configured for it — give the connection a `secret:` (or the `token` input for this server)'}`
    },
    {
        test: /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No [A-Z0-9-]+ host key is known/i,
        permanent: true,
        say: (c) => `the SSH host key of ${c.url} is not trusted (host key verification failed): add the server's key to the \`ssh-known-hosts\` input, the connection's \`schema.knownHosts\` or the secret key KNOWN_HOSTS (\`ssh-keyscan -p PORT HOST\` prints it; check it out of band)`
    },
    {
        test: /Permission denied \(publickey|Load key .*: (invalid format|bad permissions)/i,
        permanent: true,
        say: (c) => `the SSH server of ${c.url} refused ${c.credentials ?? "our key (no SSH key is configured: put one in the connection's secret)"}`
    },
    {
        test: /detected dubious ownership/i,
        permanent: true,
        say: (c) => `git refuses to work in the checkout at the destination of ${c.source}: another user owns it (a container job?). Set \`set-safe-directory: true\` (the action's default) to let fetch-sources' own git commands work there`
    },
    {
        test: /transport '?[\w+-]+'? not allowed|unsupported URL protocol|Unable to find remote helper/i,
        permanent: true,
        say: (c) => `git refused the transport of ${c.url} or of a submodule: only https, http, ssh, git and file are allowed (${c.detail})`
    },
    {
        test: /Repository not found|repository '.*' not found|does not appear to be a git repository|not found: did you run git update-server-info|HTTP 404|returned error: 404/i,
        permanent: true,
        say: (c) => `repository ${c.url} not found (or ${c.credentials ? `${c.credentials} cannot see it` : 'it is private and no credentials are configured'})`
    },
    {
        test: /couldn't find remote ref|not our ref|no such remote ref|unadvertised object|Server does not allow request for unadvertised object/i,
        permanent: true,
        say: (c) => `the server has no ${c.revision ? `revision "${c.revision}"` : 'such revision'} for ${c.url} (${c.detail})`
    },
    {
        // git follows a redirect only on its first request; a later one answered with a redirect
        // (typically after authenticating) is not followed, and credentials never go along with it.
        test: /RPC failed; HTTP 30[0-8]|returned error: 30[0-8]/i,
        permanent: true,
        say: (c) => `${c.url} answered git with a redirect, which fetch-sources does not follow once authenticated (credentials are never sent to another origin): put the URL the repository really lives at in the spec (${c.detail})`
    },
    {
        test: /Operation too slow|Could not resolve host|Connection refused|Connection timed out|Operation timed out|RPC failed|early EOF|remote end hung up|Connection reset|HTTP 5\d\d|returned error: 5\d\d|TLS|SSL_ERROR|gnutls|unexpected disconnect|index-pack failed/i,
        permanent: false,
        say: (c) => `network error talking to ${c.url}: ${c.detail}`
    }
];
function classify(stderr, ctx) {
    // The ssh proxy command (ADS `ssh_proxy`) says why the tunnel failed before ssh's own lines.
    const proxy = /^ssh_proxy (\S+): (.+)$/m.exec(stderr);
    if (proxy) {
        const refused = proxy[2].startsWith('refused the tunnel');
        return { permanent: refused, message: `the ssh proxy ${proxy[1]} for ${ctx.url}: ${proxy[2]} (ssh_proxy of the runtime's env)` };
    }
    const detail = stderr
        .split(/[\r\n]+/)
        .map((l) => l.trim())
        .filter((l) => l && !/^(hint|remote: Counting|remote: Compressing|Receiving|Resolving)/.test(l))
        .slice(-3)
        .join(' | ');
    for (const rule of RULES)
        if (rule.test.test(stderr))
            return { permanent: rule.permanent, message: rule.say({ ...ctx, detail }) };
    return { permanent: true, message: `git failed for ${ctx.url}: ${detail || 'no output'}` };
}
/** Turns a failed git command into a FetchError that says what to do; anything else passes through. */
function gitFailure(error, ctx) {
    if (!(error instanceof GitCommandError))
        return error;
    const c = classify(error.stderr, ctx);
    const e = new errors/* FetchError */.fk(ctx.source, c.message, { cause: error, permanent: c.permanent });
    return Object.assign(e, { transient: !c.permanent });
}

;// CONCATENATED MODULE: ./src/fetchers/git/extras.ts
/**
 * Submodules, after the superproject's checkout: all at once (`--jobs`), each fetched with the
 * credentials the environment scopes to its host.
 */
async function updateSubmodules(git, dir, source, env, only) {
    const args = ['submodule', 'update', '--init', '--force', '--jobs=8'];
    if (source.submodules === 'recursive')
        args.push('--recursive');
    if (source.depth > 0)
        args.push(`--depth=${source.depth}`);
    else if (source.shallowSubmodules)
        args.push('--depth=1');
    if (only)
        args.push('--', only);
    await git.exec(args, { cwd: dir, env });
}
class LfsMissing extends Error {
    name = 'LfsMissing';
}
/**
 * LFS objects of the checked-out commit, fetched in parallel by git-lfs, then put in place. A
 * cone-mode sparse checkout (fetched with `--filter=blob:none`) names what it holds: git-lfs
 * scanning the whole tree would read blobs that were never fetched and fail ("Could not scan for
 * Git LFS files"), so it is given the cone's directories and the files beside them.
 */
async function fetchLfs(git, dir, commit, env, network, cone = []) {
    if (!(await git.hasLfs())) {
        throw new LfsMissing('`lfs: true` needs git-lfs, which is not installed on this runner: install it (e.g. `sudo apt-get install git-lfs`) or set `lfs: false`');
    }
    const patterns = cone.length ? await extras_conePatterns(git, dir, commit, cone) : [];
    const include = patterns.length ? ['--include', patterns.join(',')] : [];
    await network('lfs fetch', () => git.exec(['lfs', 'fetch', ...include, 'origin', commit], { cwd: dir, env }));
    // Without patterns git-lfs 3.3 also writes the pointers of paths outside the cone.
    await git.exec(['lfs', 'checkout', ...patterns], { cwd: dir, env });
}
/** git-lfs patterns for a cone: `dir/**` for each directory, `/file` for each file at the root and in each parent. */
async function extras_conePatterns(git, dir, commit, cone) {
    const dirs = cone.map((d) => d.replace(/^\/+|\/+$/g, '')).filter(Boolean);
    const parents = new Set(['']);
    for (const d of dirs) {
        const parts = d.split('/');
        for (let i = 1; i < parts.length; i++)
            parents.add(parts.slice(0, i).join('/') + '/');
    }
    // Only trees are read (they were fetched); a file's blob may not be.
    const out = await git.exec(['ls-tree', '-z', '--end-of-options', commit, '--', ...[...parents].map((p) => p || '.')], { cwd: dir });
    const files = out.stdout
        .split('\0')
        .filter((e) => /^\d+ blob /.test(e))
        .map((e) => e.slice(e.indexOf('\t') + 1));
    // A comma separates patterns, glob characters would widen them and a leading `-` reads as a
    // flag: such names keep their pointer files.
    const plain = (p) => !/[,*?[\\]|^-/.test(p);
    return [...dirs.filter(plain).map((d) => `${d}/**`), ...files.filter(plain).map((f) => `/${f}`)];
}

;// CONCATENATED MODULE: ./src/fetchers/git/progress.ts
/** The lines git's `--progress` keeps rewriting (server side prefixed `remote: `). */
const PROGRESS = /^(?:remote: )?(?:Enumerating|Counting|Compressing|Receiving|Resolving|Updating|Checking out|Filtering)\b.*:/;
/**
 * Reads git's stderr as it arrives and reports its latest progress line at most every
 * `intervalMs` (git rewrites the line with `\r` many times a second). A transfer shorter than the
 * interval prints nothing, as checkout's log would show nothing worth reading. Lines pass the
 * run's redactor on their way out like every other line.
 */
function progressLines(report, intervalMs, now = Date.now) {
    let last = now();
    let pending = '';
    let latest = '';
    return (chunk) => {
        const parts = (pending + chunk).split(/[\r\n]/);
        pending = parts.pop() ?? '';
        for (const part of parts) {
            const line = part.trim();
            if (PROGRESS.test(line))
                latest = line;
        }
        if (!latest || now() - last < intervalMs)
            return;
        last = now();
        report(latest);
        latest = '';
    };
}

;// CONCATENATED MODULE: ./src/fetchers/git/redirects.ts


/** The repository's server sent git to another origin (scheme, host or port). */
class CrossOriginRedirect extends Error {
    from;
    to;
    name = 'CrossOriginRedirect';
    constructor(from, to) {
        super(`${from} redirected git to ${to}, another origin: fetch-sources does not fetch from an origin the spec does not name, and a credential for ${from} is never sent to ${to} — if the repository really moved, put its new URL in the spec`);
        this.from = from;
        this.to = to;
    }
}
/**
 * What git's stderr names as the place it talked to, when that is not `url`'s origin: the
 * `warning: redirecting to URL` line of a redirected first request, or the URL a credential was
 * asked for (a redirect to a server that wants one: our helper does not answer for it).
 */
function foreignOrigin(stderr, url) {
    const own = (0,git_url/* httpOrigin */.dp)(url);
    if (!own)
        return undefined;
    for (const m of stderr.matchAll(/redirecting to (\S+)|could not read (?:Username|Password) for '([^']+)'|Authentication failed for '([^']+)'/g)) {
        const origin = (0,git_url/* httpOrigin */.dp)(m[1] ?? m[2] ?? m[3] ?? '');
        if (origin && origin !== own)
            return origin;
    }
    return undefined;
}
/**
 * `git` for the commands that talk to the source's own remote (ls-remote, fetch): each one's
 * output is checked, failed or not, and a redirect to another origin fails the source by name.
 * Submodules and LFS, which have URLs of their own, use the plain `git`.
 */
function watchRedirects(git, url) {
    const from = (0,git_url/* httpOrigin */.dp)(url);
    if (!from)
        return git;
    const check = (stderr) => {
        const to = foreignOrigin(stderr, url);
        if (to)
            throw new CrossOriginRedirect(from, to);
    };
    const watched = Object.create(git);
    watched.exec = async (args, options) => {
        try {
            const out = await git.exec(args, options);
            check(out.stderr);
            return out;
        }
        catch (e) {
            if (e instanceof GitCommandError)
                check(e.stderr);
            throw e;
        }
    };
    return watched;
}

;// CONCATENATED MODULE: ./src/fetchers/git/reuse.ts




/**
 * A checkout left at the destination by an earlier run is not trusted: on a persistent runner
 * anything since (a later step, the code it ran) may have written to its `.git`. Git reads a
 * repository's config and runs what it names — `core.hooksPath`, `core.fsmonitor`,
 * `core.sshCommand`, `filter.*.process`, `remote.*.uploadpack`, `protocol.*.allow`, `include.path`,
 * credential helpers, … — so a checkout is only updated in place when every key of its config
 * files is one fetch-sources (or git doing what fetch-sources asks: init, a partial fetch,
 * submodule update, git-lfs) writes. Anything else and the checkout is replaced by a fresh one.
 */
const ALLOWED = [
    { key: /^core\.(repositoryformatversion|filemode|logallrefupdates|ignorecase|precomposeunicode|symlinks)$/ },
    // A sparse checkout is judged before (never reused); `false` is what `sparse-checkout disable` leaves.
    { key: /^core\.sparsecheckout(cone)?$/, value: (v) => v === 'false' },
    { key: /^core\.bare$/, value: (v) => v === 'false' },
    { key: /^extensions\.(objectformat|partialclone|refstorage)$/ },
    { key: /^remote\.origin\.(url|fetch|promisor|partialclonefilter)$/ },
    { key: /^branch\..+\.remote$/, value: (v) => v === 'origin' },
    { key: /^branch\..+\.merge$/ },
    { key: /^submodule\..+\.(url|active)$/ },
    { key: /^lfs\.repositoryformatversion$/ },
    { key: /^lfs\..+\.access$/ },
    { key: /^user\.(name|email)$/ },
    // Only the file `persist-credentials` wrote; removed before any git process reads the config.
    { key: /^include\.path$/, value: (v) => v !== undefined && isPersistedInclude(v) }
];
/** The `include.path` value `persist-credentials` writes (a 0600 file under RUNNER_TEMP). */
function isPersistedInclude(value) {
    return /[\\/]fetch-sources-git-creds-[0-9a-f]+[\\/]config$/.test(value);
}
/**
 * Whether the checkout in `dir` can be updated in place for `url`. Reads config files with
 * `git config --file … --list` (which follows no include and runs nothing), from `cwd`, a
 * directory of our own, so no repository around it is consulted either.
 */
async function judgeCheckout(git, dir, url, cwd) {
    const gitDir = external_node_path_.join(dir, '.git');
    const st = await promises_.lstat(gitDir).catch(() => undefined);
    if (!st)
        return { reuse: false, reason: `holds no checkout of ${(0,urls/* publicUrl */.x6)(url)}` };
    if (!st.isDirectory())
        return { reuse: false, reason: 'holds a `.git` that is not a plain directory' };
    // `commondir` makes git read another directory's config and hooks instead.
    if (await promises_.lstat(external_node_path_.join(gitDir, 'commondir')).catch(() => undefined))
        return { reuse: false, reason: 'holds a `.git/commondir`' };
    const top = await readConfig(git, external_node_path_.join(gitDir, 'config'), cwd);
    if (typeof top === 'string')
        return { reuse: false, reason: top };
    const origin = top.find(([k]) => k === 'remote.origin.url')?.[1];
    if (origin === undefined || !(0,git_url/* sameRemote */.dG)(origin, url))
        return { reuse: false, reason: `holds no checkout of ${(0,urls/* publicUrl */.x6)(url)}` };
    // Sparse checkouts are never updated in place (their cone is the previous spec's).
    if (top.some(([k, v]) => k === 'core.sparsecheckout' && v !== 'false'))
        return { reuse: false, reason: 'holds a sparse checkout' };
    const foreign = new Set(top.filter((e) => !allowed(e)).map(([k]) => k));
    // Submodule repositories: the same rule, plus the `core.worktree` git gives each (inside the checkout).
    const modules = await moduleDirs(external_node_path_.join(gitDir, 'modules'));
    if (typeof modules === 'string')
        return { reuse: false, reason: modules };
    for (const m of modules) {
        const entries = await readConfig(git, external_node_path_.join(m, 'config'), cwd);
        if (typeof entries === 'string')
            return { reuse: false, reason: entries };
        for (const [k, v] of entries) {
            if (k === 'core.worktree' && v !== undefined && within(dir, external_node_path_.resolve(m, v)))
                continue;
            if (!allowed([k, v]))
                foreign.add(k);
        }
    }
    if (foreign.size)
        return { reuse: false, reason: `holds configuration fetch-sources did not write (${[...foreign].sort().join(', ')})` };
    return { reuse: true };
}
/**
 * Readies a judged checkout: its hooks are removed (git is also told `core.hooksPath=/dev/null`),
 * a persisted credential include is dropped (re-added when persisting again), and the lock files
 * of a killed earlier run go (the destination is only ever written by one run at a time).
 */
async function prepareReuse(git, dir, cwd) {
    const gitDir = external_node_path_.join(dir, '.git');
    const modules = await moduleDirs(external_node_path_.join(gitDir, 'modules'));
    for (const d of [gitDir, ...(typeof modules === 'string' ? [] : modules)]) {
        await promises_.rm(external_node_path_.join(d, 'hooks'), { recursive: true, force: true });
    }
    await git.exec(['config', '--file', external_node_path_.join(gitDir, 'config'), '--unset-all', 'include.path'], { cwd, allowFailure: true });
    for (const name of ['index.lock', 'shallow.lock', 'HEAD.lock', 'config.lock', 'packed-refs.lock', 'FETCH_HEAD.lock', 'ORIG_HEAD.lock']) {
        await promises_.rm(external_node_path_.join(gitDir, name), { force: true });
    }
}
function allowed([key, value]) {
    const rule = ALLOWED.find((r) => r.key.test(key));
    return rule !== undefined && (rule.value?.(value) ?? true);
}
function within(root, p) {
    const rel = external_node_path_.relative(root, p);
    return rel !== '' && !rel.startsWith('..') && !external_node_path_.isAbsolute(rel) && rel.split(external_node_path_.sep)[0] !== '.git';
}
/** `[key, value]` of one config file (value undefined for a bare `key` line), or why it cannot be read. */
async function readConfig(git, file, cwd) {
    const st = await promises_.lstat(file).catch(() => undefined);
    if (!st?.isFile())
        return `holds a ${external_node_path_.basename(external_node_path_.dirname(external_node_path_.dirname(file))) === 'modules' ? 'submodule ' : ''}config that is not a plain file`;
    const out = await git.exec(['config', '--file', file, '--list', '-z'], { cwd, allowFailure: true });
    if (out.code !== 0)
        return 'holds a `.git/config` git cannot read';
    return out.stdout
        .split('\0')
        .filter(Boolean)
        .map((entry) => {
        const nl = entry.indexOf('\n');
        return nl < 0 ? [entry, undefined] : [entry.slice(0, nl), entry.slice(nl + 1)];
    });
}
/** Every submodule git directory under `.git/modules` (nested ones too), or why they cannot be trusted. */
async function moduleDirs(root, depth = 0) {
    const st = await promises_.lstat(root).catch(() => undefined);
    if (!st)
        return [];
    if (!st.isDirectory() || depth > 16)
        return 'holds a `.git/modules` that is not a plain directory tree';
    const found = [];
    for (const e of await promises_.readdir(root, { withFileTypes: true })) {
        if (e.isSymbolicLink())
            return 'holds a symbolic link in `.git/modules`';
        if (!e.isDirectory())
            continue;
        const dir = external_node_path_.join(root, e.name);
        // A git directory has a HEAD; anything else is a path component of a module name (`a/b`).
        if (await promises_.lstat(external_node_path_.join(dir, 'HEAD')).catch(() => undefined)) {
            found.push(dir);
            const nested = await moduleDirs(external_node_path_.join(dir, 'modules'), depth + 1);
            if (typeof nested === 'string')
                return nested;
            found.push(...nested);
        }
        else {
            const deeper = await moduleDirs(dir, depth + 1);
            if (typeof deeper === 'string')
                return deeper;
            found.push(...deeper);
        }
    }
    return found;
}

// EXTERNAL MODULE: ./src/fetchers/shared/tuning.ts
var shared_tuning = __webpack_require__(32587);
;// CONCATENATED MODULE: ./src/fetchers/git/fetch.ts
























/** The source's own credentials first, then those its submodules may need on other hosts. */
function credentialsFor(source, ctx) {
    const server = ctx.options.server;
    const scoped = [];
    const add = (s) => {
        if (!s.secret)
            return;
        try {
            scoped.push({ url: s.url, credential: gitCredential(s.secret, tokenUser(s.url, s.provider, server.url)) });
        }
        catch (e) {
            if (s === source)
                throw new errors/* FetchError */.fk(source.name, (0,errors/* errorMessage */.gJ)(e), { permanent: true });
        }
    };
    add(source);
    if (source.submodules) {
        for (const peer of ctx.peers ?? [])
            if (peer !== source && peer.kind === 'git')
                add(peer);
    }
    // The `token` input serves https URLs on the GitHub server's host (the repository itself or its
    // submodules there) when no secret claimed that host first.
    if (server.token && (0,git_url/* httpOrigin */.dp)(server.url)) {
        scoped.push({ url: server.url, credential: gitCredential(server.token, 'x-access-token') });
    }
    return scoped;
}
async function fetchWithGit(git, source, ctx) {
    const persist = ctx.options.persistCredentials && !source.subdirectory;
    const authDir = persist ? external_node_path_.join(ctx.options.tempRoot, `fetch-sources-git-creds-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`) : external_node_path_.join(ctx.scratch, 'git-auth');
    ctx.registerCleanup(authDir, { untilPost: persist, kept: persist });
    let auth;
    try {
        const run = ctx.options.git;
        auth = await buildAuth({
            url: source.url,
            credentials: credentialsFor(source, ctx),
            knownHosts: [
                source.knownHosts ?? '',
                ...(source.submodules ? (ctx.peers ?? []).map((p) => (p.kind === 'git' ? (p.knownHosts ?? '') : '')) : []),
                // The `ssh-known-hosts` input and the runner user's file serve every git source (ADS keys
                // for another host need no KNOWN_HOSTS key in their secret).
                run.knownHosts,
                await userKnownHosts(ctx.options.env)
            ].filter(Boolean),
            dir: authDir,
            ...(source.proxy ? { proxy: source.proxy } : {}),
            acceptNewHostKeys: !run.sshStrict,
            ...(run.safeDirectory ? { safeDirectories: await safeDirectories(source.dest) } : {})
        });
        // A transfer that stalls (under 1 byte/s for the idle timeout) fails and is retried, instead
        // of hanging until the job's own timeout.
        const tuning = (0,shared_tuning/* tuningFor */.x)(ctx.options.env, source.timeout);
        const idleSeconds = Math.max(1, Math.round(tuning.idleMs / 1000));
        // With the cache on, a fetch keeps what it received as one pack (not loose objects): the pack is
        // what the cache saves.
        const env = withConfig({ ...auth.env, GIT_HTTP_LOW_SPEED_LIMIT: '1', GIT_HTTP_LOW_SPEED_TIME: String(idleSeconds) }, ctx.cache.mode === 'on'
            ? [
                ['fetch.unpackLimit', '1'],
                ['transfer.unpackLimit', '1']
            ]
            : []);
        const used = auth.summary.find((s) => s.includes((0,git_url/* httpOrigin */.dp)(source.url) ?? '\0') || s.startsWith('SSH key'));
        ctx.log.info(`credentials: ${auth.summary.length ? auth.summary.join('; ') : 'none'}`);
        const verdict = ctx.previous && !source.subdirectory && !source.sparse.length ? await judgeCheckout(git, ctx.previous, source.url, authDir) : undefined;
        const reuse = verdict?.reuse === true;
        const work = reuse ? ctx.previous : source.subdirectory ? external_node_path_.join(ctx.scratch, 'repo') : ctx.staging;
        if (reuse)
            ctx.log.info(`updating the existing checkout at ${source.relPath} in place`);
        if (verdict && !verdict.reuse)
            ctx.log.info(`${source.relPath} ${verdict.reason}: replacing it with a fresh checkout`);
        const errCtx = {
            source: source.name,
            url: (0,urls/* publicUrl */.x6)(source.url),
            ...(source.revision ? { revision: source.revision } : {}),
            ...(used ? { credentials: used.replace(/ for .*$/, '') } : {})
        };
        const network = (what, fn) => (0,retry/* withRetry */.bD)(async () => {
            try {
                return await fn();
            }
            catch (e) {
                if (e instanceof RevisionNotFound)
                    throw new errors/* FetchError */.fk(source.name, `${e.message} (${(0,urls/* publicUrl */.x6)(source.url)})`, { permanent: true });
                if (e instanceof CrossOriginRedirect)
                    throw new errors/* FetchError */.fk(source.name, e.message, { permanent: true });
                throw gitFailure(e, errCtx);
            }
        }, {
            signal: ctx.signal,
            attempts: tuning.attempts,
            baseMs: tuning.retryBaseMs,
            onRetry: (e, n, ms) => ctx.log.info(`${what} failed (${(0,errors/* errorMessage */.gJ)(e)}); retry ${n} in ${ms} ms`)
        });
        const sparse = source.subdirectory
            ? source.sparse.length
                ? source.sparse.map((s) => `${source.subdirectory}/${s}`)
                : [source.subdirectory]
            : source.sparse;
        // One transfer slot for the whole network part of the source, never nested.
        // The remote's own commands (ls-remote, fetch), the cache's lookup among them, fail on a redirect to another origin.
        const remote = watchRedirects(git, source.url);
        const cache = gitCache(ctx.cache, source, remote, work, sparse, env, network, ctx.log);
        const done = await ctx.limiter.run(async () => {
            if (reuse)
                await prepareReuse(git, work, authDir);
            // A hit leaves a repository holding the commit: the checkout then fetches nothing.
            const restored = !reuse && (await cache.restore());
            const result = await checkoutSource({
                git: remote,
                dir: work,
                source,
                env,
                reuse: reuse || restored,
                sparse,
                log: ctx.log,
                network,
                ...(run.showProgress ? { progress: progressLines((line) => ctx.log.progress(line), tuning.progressMs) } : {})
            });
            if (source.submodules)
                await network('submodule update', () => updateSubmodules(git, work, source, env, source.subdirectory));
            if (source.lfs) {
                try {
                    await fetchLfs(git, work, result.commit, env, network, source.checkout?.sparsePatterns ? [] : sparse);
                }
                catch (e) {
                    throw e instanceof LfsMissing ? new errors/* FetchError */.fk(source.name, e.message, { permanent: true }) : e;
                }
            }
            return result;
        });
        ctx.log.info(`${source.revision ?? 'default branch'} → ${done.ref || 'commit'} at ${done.commit}${done.fetched ? '' : ' (already present, nothing downloaded)'}`);
        if (persist) {
            const file = external_node_path_.join(authDir, 'config');
            await promises_.writeFile(file, configFileText(auth.persistable), { mode: 0o600 });
            await git.exec(['config', '--local', 'include.path', file], { cwd: work });
            ctx.log.info('credentials persisted for later git commands in the checkout (the post step removes them)');
        }
        let landed = work;
        if (source.subdirectory) {
            const sub = await realSubdirectory(work, source.subdirectory);
            if ('problem' in sub)
                throw new errors/* FetchError */.fk(source.name, subdirectoryMessage(source.subdirectory, sub.problem, done.commit), { permanent: true });
            // Scratch may be on another filesystem than the workspace (RUNNER_TEMP on its own disk).
            await (0,landing/* moveInto */.cG)(sub.dir, ctx.staging);
            landed = ctx.staging;
        }
        // The index knows every checked-out file's size; LFS files are rewritten after checkout (and
        // may pass 4 GiB), and a subdirectory is only part of the work tree: those are walked.
        const size = (landed === work && !source.lfs ? await indexSize(work, done.commit.length === 64 ? 32 : 20) : undefined) ?? (await walkSize(landed));
        return {
            url: (0,urls/* publicUrl */.x6)(source.url),
            revision: source.revision ?? '',
            ref: done.ref,
            commit: done.commit,
            ...size,
            ...(reuse ? { inPlace: true } : { cache: cache.outcome() })
        };
    }
    finally {
        if (!persist)
            await promises_.rm(authDir, { recursive: true, force: true }).catch(() => undefined);
    }
}
/** The destination as given and as the kernel sees it: git compares `safe.directory` with its real path. */
async function safeDirectories(dest) {
    const real = await promises_.realpath(dest).catch(() => dest);
    return real === dest ? [dest] : [dest, real];
}
const found = new Map();
/** One `git --version` per run (per PATH), not per source. */
function gitFor(pathVar) {
    let git = found.get(pathVar);
    if (!git) {
        git = Git.create();
        found.set(pathVar, git);
        git.catch(() => found.delete(pathVar));
    }
    return git;
}
/** `git`, `github` and `gitlab` sources: with git, else (github/gitlab) the hosting API's archive. */
async function fetchGit(source, ctx) {
    let git;
    try {
        git = await gitFor(process.env.PATH ?? '');
    }
    catch (e) {
        if (!(e instanceof GitUnavailable))
            throw e;
        if (!source.provider)
            throw new errors/* FetchError */.fk(source.name, `${e.message}: install git ≥ 2.25 (or use a github/gitlab connection, which can fall back to the API archive)`, {
                permanent: true
            });
        ctx.log.warning(`${e.message}: downloading the ${source.provider.type} archive instead (no .git directory, no submodules or LFS)`);
        return fetchFromApi(source, ctx);
    }
    return fetchWithGit(git.withSignal(ctx.signal), source, ctx);
}


/***/ }),

/***/ 63256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c1: () => (/* binding */ archiveTypeOf),
  b: () => (/* binding */ unpackArchive)
});

// UNUSED EXPORTS: DEFAULT_UNPACK_LIMIT, UnsafeArchiveError

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/util/safe-path.ts
var safe_path = __webpack_require__(35251);
;// CONCATENATED MODULE: ./src/fetchers/shared/tree-writer.ts






/** An entry refused by the landing boundary: permanent, it names the entry and why. */
class LandingRefusal extends Error {
    final;
    name = 'LandingRefusal';
    permanent = true;
    /** Nothing more of the tree may be written (a size limit), as opposed to one bad entry. */
    constructor(message, final = false) {
        super(message);
        this.final = final;
    }
}
/** A new file: created, never opened through a symlink (O_NOFOLLOW), never an existing one reused. */
const CREATE = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
/** Only the executable bit of a mode is taken from untrusted content: 0o755 or 0o644, never setuid/setgid/sticky. */
const fileMode = (mode) => ((mode ?? 0) & 0o111 ? 0o755 : 0o644);
const MAX_LINK_DEPTH = 40;
/**
 * The only writer of untrusted names (archive entries) into a staging directory. Every name is
 * checked component by component: inside the root, no `.git`, never through a symlink the tree
 * itself holds; every symlink is resolved against the links already written (the way the kernel
 * will) and refused when it leaves the root; files are created with O_EXCL|O_NOFOLLOW; modes keep
 * only the executable bit; the bytes written are counted against a limit.
 */
class TreeWriter {
    root;
    limit;
    /** Symlinks written so far: relative path → target. */
    links = new Map();
    /** Directories made so far (relative). */
    dirs = new Set(['']);
    /** Regular files written so far (relative), for hard links and duplicates. */
    files = new Set();
    written = 0;
    constructor(root, limit = { bytes: Number.POSITIVE_INFINITY, describe: '' }) {
        this.root = root;
        this.limit = limit;
    }
    get bytes() {
        return this.written;
    }
    /** The checked relative form of an untrusted name, or a refusal that names it. */
    name(raw) {
        const rel = (0,safe_path/* safeRelative */.iC)(raw.replace(/\/+$/, ''));
        if (!rel)
            throw new LandingRefusal(`"${raw}" would land outside the destination (absolute path, "..", backslash or NUL)`);
        const git = (0,safe_path/* gitComponent */.MQ)(rel);
        if (git)
            throw new LandingRefusal(`"${raw}" is a .git path ("${git}"): git metadata never lands from untrusted content`);
        const parts = rel.split('/');
        for (let i = 1; i < parts.length; i++) {
            const parent = parts.slice(0, i).join('/');
            if (this.links.has(parent))
                throw new LandingRefusal(`"${raw}" would be written through the symlink "${parent}"`);
            if (this.files.has(parent))
                throw new LandingRefusal(`"${raw}" would be written under the file "${parent}"`);
        }
        return rel;
    }
    /** Refuses an entry that would replace a symlink or a directory already written. */
    free(rel, raw) {
        if (this.links.has(rel))
            throw new LandingRefusal(`"${raw}" would be written through the symlink "${rel}"`);
        if (this.dirs.has(rel))
            throw new LandingRefusal(`"${raw}" would replace the directory "${rel}"`);
    }
    async parents(rel) {
        const parts = rel.split('/');
        for (let i = 1; i < parts.length; i++)
            await this.makeDir(parts.slice(0, i).join('/'));
    }
    async makeDir(rel) {
        if (this.dirs.has(rel))
            return;
        const full = external_node_path_.join(this.root, ...rel.split('/'));
        try {
            await promises_.mkdir(full, { mode: 0o755 });
        }
        catch (e) {
            // Only a directory this writer made may be entered; anything else is not ours to follow.
            if (e.code !== 'EEXIST' || !(await promises_.lstat(full)).isDirectory())
                throw e;
        }
        this.dirs.add(rel);
    }
    async dir(raw) {
        const rel = this.name(raw);
        if (this.links.has(rel) || this.files.has(rel))
            throw new LandingRefusal(`"${raw}" would replace the entry "${rel}"`);
        await this.parents(rel);
        await this.makeDir(rel);
    }
    /** Writes a regular file from `body`, counting its bytes against the limit. */
    async file(raw, body, mode) {
        const rel = this.name(raw);
        this.free(rel, raw);
        await this.parents(rel);
        const full = external_node_path_.join(this.root, ...rel.split('/'));
        // A later entry of the same name replaces an earlier file, as tar does; never a link or a directory.
        if (this.files.has(rel))
            await promises_.unlink(full);
        const counter = new external_node_stream_.Transform({
            transform: (chunk, _enc, done) => {
                this.written += chunk.length;
                if (this.written > this.limit.bytes)
                    done(new LandingRefusal(`unpacked size passes the limit of ${this.limit.describe} (at "${raw}")`, true));
                else
                    done(null, chunk);
            }
        });
        const handle = await promises_.open(full, CREATE, fileMode(mode));
        await (0,external_node_stream_promises_.pipeline)(body, counter, handle.createWriteStream());
        this.files.add(rel);
    }
    /** A symlink, refused unless it resolves inside the root through the links written so far. */
    async symlink(raw, target) {
        const rel = this.name(raw);
        this.free(rel, raw);
        if (this.files.has(rel))
            throw new LandingRefusal(`"${raw}" would replace the file "${rel}" with a symlink`);
        if (!target || target.includes('\0') || target.includes('\\') || external_node_path_.posix.isAbsolute(target) || /^[A-Za-z]:/.test(target)) {
            throw new LandingRefusal(`symlink "${raw}" points outside the destination ("${target}")`);
        }
        const dir = rel.split('/').slice(0, -1);
        if (this.resolve([...dir, ...target.split('/')]) === undefined) {
            throw new LandingRefusal(`symlink "${raw}" points outside the destination ("${target}")`);
        }
        await this.parents(rel);
        await promises_.symlink(target, external_node_path_.join(this.root, ...rel.split('/')));
        this.links.set(rel, target);
    }
    /** A hard link to a regular file written earlier. */
    async hardlink(raw, existing) {
        const rel = this.name(raw);
        this.free(rel, raw);
        const from = (0,safe_path/* safeRelative */.iC)(existing);
        if (!from)
            throw new LandingRefusal(`hard link "${raw}" points outside the destination ("${existing}")`);
        if (!this.files.has(from))
            throw new LandingRefusal(`hard link "${raw}" names "${existing}", which is not a file of the archive`);
        await this.parents(rel);
        const full = external_node_path_.join(this.root, ...rel.split('/'));
        if (this.files.has(rel))
            await promises_.unlink(full);
        await promises_.link(external_node_path_.join(this.root, ...from.split('/')), full);
        this.files.add(rel);
    }
    /**
     * Where `parts` (a path relative to the root) leads once every symlink written so far is
     * followed, as the kernel would; undefined when it leaves the root or loops.
     */
    resolve(parts, depth = 0) {
        if (depth > MAX_LINK_DEPTH)
            return undefined;
        const out = [];
        for (let i = 0; i < parts.length; i++) {
            const part = parts[i];
            if (part === '' || part === '.')
                continue;
            if (part === '..') {
                if (out.length === 0)
                    return undefined;
                out.pop();
                continue;
            }
            out.push(part);
            const link = this.links.get(out.join('/'));
            if (link !== undefined) {
                const resolved = this.resolve([...out.slice(0, -1), ...link.split('/')], depth + 1);
                if (!resolved)
                    return undefined;
                out.splice(0, out.length, ...resolved);
            }
        }
        return out;
    }
}

// EXTERNAL MODULE: ./src/util/format.ts
var format = __webpack_require__(32693);
;// CONCATENATED MODULE: ./src/fetchers/shared/archive.ts



/** An archive we refused: permanent, and the message names the entry. */
class UnsafeArchiveError extends Error {
    name = 'UnsafeArchiveError';
    permanent = true;
}
/** `.tar`, `.tar.gz`, `.tgz` (gzip is detected from the bytes) or `.zip`, from a file name. */
function archiveTypeOf(name) {
    if (/\.zip$/i.test(name))
        return 'zip';
    if (/\.(tar|tar\.gz|tgz)$/i.test(name))
        return 'tar';
    return undefined;
}
const DEFAULT_UNPACK_LIMIT = { ratio: 20, bytes: 50 * 1024 ** 3 };
async function readAll(s) {
    const chunks = [];
    for await (const c of s)
        chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
}
/**
 * Unpacks an archive into `dest` (a staging directory: on any refusal the caller discards it, so
 * nothing of a hostile archive ever lands). Every entry goes through one TreeWriter; the unpacked
 * size is limited to `limit.ratio` × the archive's size and `limit.bytes` in all.
 */
async function unpackArchive(file, type, dest, options = {}) {
    const limit = options.limit ?? DEFAULT_UNPACK_LIMIT;
    const { size } = await (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23))).stat(file);
    const max = Math.min(limit.bytes, limit.ratio * size);
    const describe = `${(0,format/* formatBytes */.z)(max)} (${limit.ratio}× the ${(0,format/* formatBytes */.z)(size)} archive, at most ${(0,format/* formatBytes */.z)(limit.bytes)}; raise it with the \`unpack-limit\` input)`;
    const writer = new TreeWriter(dest, { bytes: max, describe });
    let declared = 0;
    // One refused entry does not stop the walk (every problem is reported at once, and a refused
    // entry is never written); a passed size limit does.
    const problems = [];
    const land = async (e) => {
        try {
            await landOne(e);
        }
        catch (error) {
            if (!(error instanceof LandingRefusal) || error.final)
                throw error;
            problems.push(error.message);
        }
    };
    const landOne = async (e) => {
        const name = strip(e.name, options.strip ?? 0);
        // `tar -C dir -czf x.tgz .` starts with `./`: the destination itself, nothing to make.
        if (name === undefined || (e.type === 'dir' && /^(\.\/*)*$/.test(name)))
            return;
        switch (e.type) {
            case 'dir':
                return writer.dir(name);
            case 'file':
                declared += e.size;
                if (declared > max)
                    throw new LandingRefusal(`unpacked size passes the limit of ${describe} (at "${name}")`, true);
                return writer.file(name, await e.body(), e.mode);
            case 'symlink':
                // A zip keeps a link's target as its content: a path, never megabytes.
                if (e.linkpath === undefined && e.size > 4096)
                    throw new LandingRefusal(`symlink "${name}" has a ${e.size}-byte target`);
                return writer.symlink(name, e.linkpath ?? (await readAll(await e.body())));
            case 'hardlink':
                return writer.hardlink(name, strip(e.linkpath ?? '', options.strip ?? 0) ?? '');
            default:
                // Devices, FIFOs and the like have no business in a dataset: skipped.
                return;
        }
    };
    try {
        await (type === 'zip' ? zipEntries(file, land) : tarEntries(file, land));
    }
    catch (error) {
        if (error instanceof LandingRefusal)
            problems.push(error.message);
        else
            throw error;
    }
    if (problems.length) {
        throw new UnsafeArchiveError(`refusing the archive: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
    }
}
/** The name without its first `n` components; undefined when nothing is left. */
function strip(name, n) {
    if (n === 0)
        return name;
    const parts = name.split('/').filter((p) => p !== '' && p !== '.');
    return parts.length > n ? parts.slice(n).join('/') : undefined;
}
/** Tar (gzip detected from the bytes) entries in order; `land` finishes each before the next. */
async function tarEntries(file, land) {
    const { Parser } = await __webpack_require__.e(/* import() */ 697).then(__webpack_require__.bind(__webpack_require__, 98697));
    const kinds = {
        File: 'file',
        OldFile: 'file',
        ContiguousFile: 'file',
        Directory: 'dir',
        SymbolicLink: 'symlink',
        Link: 'hardlink'
    };
    await new Promise((resolve, reject) => {
        let chain = Promise.resolve();
        let failed = false;
        const parser = new Parser({ strict: true });
        const fail = (error) => {
            if (failed)
                return;
            failed = true;
            input.destroy();
            reject(error);
        };
        parser.on('entry', (entry) => {
            // Entries are landed one after the other; the parser waits while an entry's body is unread.
            chain = chain.then(async () => {
                if (failed)
                    return entry.resume();
                await land({
                    name: entry.path,
                    type: kinds[entry.type] ?? 'other',
                    mode: entry.mode,
                    size: entry.size ?? 0,
                    ...(entry.linkpath !== undefined ? { linkpath: entry.linkpath } : {}),
                    body: async () => entry
                });
                entry.resume();
            });
            chain.catch(fail);
        });
        parser.on('error', fail);
        parser.on('end', () => void chain.then(() => !failed && resolve(), fail));
        const input = (0,external_node_fs_.createReadStream)(file);
        input.on('error', fail);
        input.pipe(parser);
    });
}
/** Zip entries in order (yauzl checks every entry's size against its header). */
async function zipEntries(file, land) {
    const yauzl = (await __webpack_require__.e(/* import() */ 44).then(__webpack_require__.t.bind(__webpack_require__, 20663, 19))).default;
    const zip = await new Promise((resolve, reject) => 
    // decodeStrings: false — names are checked by the writer, not refused by yauzl before we can name them.
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (err, z) => (err ? reject(err) : resolve(z))));
    const open = (entry) => new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
    await new Promise((resolve, reject) => {
        zip.on('error', reject);
        zip.on('end', resolve);
        zip.on('entry', (entry) => {
            void (async () => {
                const raw = entry.fileName;
                // Bit 11: UTF-8 names; older zips use CP437, whose ASCII range is what matters for safety.
                const name = raw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1');
                const mode = (entry.externalFileAttributes >>> 16) & 0xffff;
                const type = name.endsWith('/') ? 'dir' : (mode & 0o170000) === 0o120000 ? 'symlink' : 'file';
                await land({ name, type, mode, size: entry.uncompressedSize, body: () => open(entry) });
                zip.readEntry();
            })().catch((error) => {
                zip.close();
                reject(error);
            });
        });
        zip.readEntry();
    });
}


/***/ }),

/***/ 34270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   li: () => (/* binding */ DEFAULT_ATTEMPTS),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports backoffMs, retryAfterOf */
const DEFAULT_ATTEMPTS = 5;
const TRANSIENT_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENOTFOUND',
    'ECONNABORTED',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'ERR_STREAM_PREMATURE_CLOSE',
    'TimeoutError',
    'RequestTimeout',
    'SlowDown',
    'Throttling',
    'ThrottlingException',
    'InternalError',
    'ServiceUnavailable'
]);
/** HTTP status codes that mean "try again". */
function isTransientStatus(status) {
    return status === 408 || status === 429 || (status !== undefined && status >= 500 && status !== 501 && status !== 505);
}
/** Best-effort classification of errors from fetch, undici, the cloud SDKs and git. */
function isTransient(error) {
    if (!error || typeof error !== 'object')
        return false;
    const e = error;
    if (e.permanent === true)
        return false;
    if (e.transient === true || e.$retryable)
        return true;
    const status = [e.status, e.statusCode, e.$metadata?.httpStatusCode].find((s) => typeof s === 'number');
    if (status !== undefined)
        return isTransientStatus(status);
    if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code))
        return true;
    if (typeof e.name === 'string' && TRANSIENT_CODES.has(e.name))
        return true;
    return e.cause !== undefined && e.cause !== error ? isTransient(e.cause) : false;
}
function backoffMs(attempt, baseMs, maxMs, random) {
    // Full jitter: spreads retries of many parallel transfers.
    const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
const realSleep = (ms, signal) => new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
        clearTimeout(t);
        reject(signal.reason);
    }, { once: true });
});
async function withRetry(fn, options = {}) {
    const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
    const baseMs = options.baseMs ?? 500;
    const maxMs = options.maxMs ?? 15_000;
    const retryable = options.retryable ?? isTransient;
    const random = options.random ?? Math.random;
    const sleep = options.sleep ?? ((ms) => realSleep(ms, options.signal));
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (attempt >= attempts || options.signal?.aborted || !retryable(error))
                throw error;
            const hinted = retryAfterOf(error);
            const delay = hinted !== undefined ? Math.min(hinted, 60_000) : backoffMs(attempt, baseMs, maxMs, random);
            options.onRetry?.(error, attempt, delay);
            await sleep(delay);
        }
    }
}
/**
 * The wait a server asked for: `retryAfterMs` set by our own fetchers, else the `Retry-After`
 * header of the raw response an SDK error carries — the AWS SDK keeps it (non-enumerable) in
 * `$response.headers`, Azure's RestError in `response.headers` (an object with `get`). With the
 * SDKs' own retries off, nobody else reads it. A wrapped error's `cause` is looked at too.
 */
function retryAfterOf(error, depth = 0) {
    if (!error || typeof error !== 'object' || depth > 3)
        return undefined;
    const e = error;
    if (e.retryAfterMs !== undefined)
        return e.retryAfterMs;
    for (const headers of [e.$response?.headers, e.response?.headers]) {
        if (!headers || typeof headers !== 'object')
            continue;
        if (typeof headers.get === 'function') {
            const value = headers.get('retry-after');
            if (value)
                return parseRetryAfter(value);
            continue;
        }
        const name = Object.keys(headers).find((k) => k.toLowerCase() === 'retry-after');
        if (name)
            return parseRetryAfter(String(headers[name]));
    }
    return e.cause !== error ? retryAfterOf(e.cause, depth + 1) : undefined;
}
/** `Retry-After` header (seconds or HTTP date) in milliseconds. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}


/***/ }),

/***/ 32587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ tuningFor)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34270);

const MiB = 1024 * 1024;
function positive(raw, fallback) {
    const n = Number(raw);
    return raw !== undefined && raw !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}
/**
 * `timeout` of the source (seconds) wins for the idle timeout. The FETCH_SOURCES_* variables are
 * advanced tuning (documented in docs/object-storage.md), read from the run's environment.
 */
function tuningFor(env, timeoutSeconds) {
    return {
        partSize: Math.max(1, Math.floor(positive(env.FETCH_SOURCES_PART_SIZE_MB, 16) * MiB)),
        idleMs: (timeoutSeconds ?? positive(env.FETCH_SOURCES_IDLE_TIMEOUT, 30)) * 1000,
        attempts: Math.floor(positive(env.FETCH_SOURCES_ATTEMPTS, _retry_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_ATTEMPTS */ .li)),
        retryBaseMs: positive(env.FETCH_SOURCES_RETRY_BASE_MS, 500),
        // 0 (every line) is for tests that must see a line without waiting.
        progressMs: env.FETCH_SOURCES_PROGRESS_SECONDS === '0' ? 0 : positive(env.FETCH_SOURCES_PROGRESS_SECONDS, 5) * 1000
    };
}


/***/ })

};
