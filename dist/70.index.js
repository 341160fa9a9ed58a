export const id = 70;
export const ids = [70];
export const modules = {

/***/ 19070:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fetchHttp: () => (/* binding */ fetchHttp)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/connections/secret.ts
var connections_secret = __webpack_require__(56317);
;// CONCATENATED MODULE: ./src/connections/http.ts


/**
 * `Authorization` for an http source from its secret: `user:password` (or USERNAME/PASSWORD keys)
 * for basic auth, else a bearer token (the raw value or TOKEN). The header's new forms are masked.
 */
function httpAuthorization(source, secret) {
    if (!secret)
        return undefined;
    const { raw, fields, mask } = (0,connections_secret/* valueOf */.RP)(secret);
    const user = (0,connections_secret/* secretField */.T2)(secret, 'USERNAME', 'user');
    const password = (0,connections_secret/* secretField */.T2)(secret, 'PASSWORD', 'password');
    const token = (0,connections_secret/* secretField */.T2)(secret, 'TOKEN', 'BEARER_TOKEN', 'token');
    let basic;
    if (user && password)
        basic = `${user}:${password}`;
    else if (!fields && (0,connections_secret/* passwordHalf */.rR)(raw))
        basic = raw.trim();
    if (basic) {
        const encoded = Buffer.from(basic).toString('base64');
        // The secret and its password half are masked already (store.ts); the base64 form is new.
        mask(encoded);
        return `Basic ${encoded}`;
    }
    const bearer = token ?? (fields ? undefined : raw.trim());
    if (!bearer)
        throw new errors/* FetchError */.fk(source, `secret "${secret.name}" has no TOKEN or USERNAME/PASSWORD for http`, { permanent: true });
    return `Bearer ${bearer}`;
}

// EXTERNAL MODULE: ./src/fetchers/shared/archive.ts + 1 modules
var shared_archive = __webpack_require__(63256);
// EXTERNAL MODULE: ./src/fetchers/shared/landing.ts
var landing = __webpack_require__(5311);
// EXTERNAL MODULE: ./src/util/urls.ts
var urls = __webpack_require__(59812);
// EXTERNAL MODULE: ./src/fetchers/shared/cache.ts
var cache = __webpack_require__(20530);
// EXTERNAL MODULE: ./src/fetchers/shared/checksum.ts + 1 modules
var checksum = __webpack_require__(55046);
// EXTERNAL MODULE: ./src/fetchers/shared/destination.ts
var destination = __webpack_require__(62692);
;// CONCATENATED MODULE: ./src/fetchers/http/cache.ts







const first = (v) => (Array.isArray(v) ? v[0] : v);
/** The identity of an unpinned source from what the server says of the file, or undefined. */
function identityOf(source, etag, modified, length) {
    const url = (0,urls/* publicUrl */.x6)(source.url);
    if (etag && !etag.startsWith('W/'))
        return { url, etag, unpack: source.unpack };
    if (modified && length)
        return { url, modified, length, unpack: source.unpack };
    return undefined;
}
async function identity(source, head, log) {
    if (source.sha256)
        return { id: { sha256: source.sha256, unpack: source.unpack }, validators: {} };
    const headers = await head().catch(() => undefined);
    const etag = first(headers?.etag);
    const lastModified = first(headers?.['last-modified']);
    const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    const id = identityOf(source, etag, lastModified, first(headers?.['content-length']));
    if (id === undefined)
        log.info('cache: off for this source: the server names no ETag or Last-Modified to key it on (pin `sha256:` to cache it)');
    return { id, validators };
}
function httpCache(settings, source, name, head, log) {
    const dir = (0,cache/* entryDir */.yv)(settings, 'http', source.name);
    let key;
    let status = 'off';
    let restoredBytes = 0;
    let kept = false;
    return {
        async restore() {
            if (settings.mode === 'off')
                return undefined;
            const { id, validators } = await identity(source, head, log);
            if (id === undefined)
                return undefined;
            key = (0,cache/* cacheKey */.k$)('http', id);
            status = 'miss';
            if (!(await (0,cache/* restoreEntry */.fe)(dir, key, log)))
                return undefined;
            const file = external_node_path_.join(dir, name);
            const size = (0,destination/* reusableFileSize */.Lo)(dir, name);
            try {
                if (size === undefined)
                    throw new checksum/* IntegrityError */.cs(`"${name}" is not in the entry`);
                // Hashed on a worker thread: the entry may be gigabytes.
                const sha256 = await (0,checksum/* verifyFile */.AI)(file, { ...(source.sha256 ? { sha256: source.sha256 } : {}), size }, name, true);
                restoredBytes = size;
                status = 'hit';
                return { file, sha256, validators };
            }
            catch (e) {
                if (!(e instanceof checksum/* IntegrityError */.cs))
                    throw e;
                log.warning(`cache: entry ${key} does not hold the pinned file (${e.message}): fetching from the origin`);
                await promises_.rm(dir, { recursive: true, force: true });
                return undefined;
            }
        },
        async keep(file, size, validators) {
            if (settings.mode !== 'on' || key === undefined)
                return;
            if (size > settings.maxBytes)
                return log.info(`cache: not saved: ${size} bytes is over cache-max-size (${settings.maxBytes})`);
            if (!source.sha256) {
                // The key came from the HEAD; the bytes from the GET. Should the file have changed in
                // between, the entry goes under the key of the bytes it holds.
                const id = identityOf(source, validators.etag, validators.lastModified, String(size));
                if (id === undefined)
                    return log.info('cache: not saved: the download names no ETag or Last-Modified to key it on (pin `sha256:` to cache it)');
                key = (0,cache/* cacheKey */.k$)('http', id);
            }
            await promises_.rm(dir, { recursive: true, force: true });
            await promises_.mkdir(dir, { recursive: true });
            await (0,landing/* linkOrCopy */.L7)(file, external_node_path_.join(dir, name));
            kept = true;
        },
        outcome() {
            if (status === 'off')
                return { status };
            const save = kept && key ? { save: async () => ((await (0,cache/* saveEntry */.wn)(dir, key, log)) === 'saved' ? 'saved' : 'miss') } : {};
            return { status, key: key, restoredBytes, ...save };
        }
    };
}

// EXTERNAL MODULE: ./src/fetchers/shared/download.ts
var download = __webpack_require__(9562);
// EXTERNAL MODULE: ./src/fetchers/shared/progress.ts
var shared_progress = __webpack_require__(55017);
// EXTERNAL MODULE: ./src/fetchers/shared/tuning.ts
var shared_tuning = __webpack_require__(32587);
// EXTERNAL MODULE: ./src/fetchers/shared/retry.ts
var retry = __webpack_require__(34270);
// EXTERNAL MODULE: ./src/util/safe-path.ts
var safe_path = __webpack_require__(35251);
;// CONCATENATED MODULE: ./src/fetchers/http/fetch.ts















class NotModified extends Error {
}
function statusError(source, status, headers) {
    const where = (0,urls/* publicUrl */.x6)(source.url);
    const why = status === 401 || status === 403
        ? source.secret
            ? `check the token or user:password in secret "${source.secret.name}"`
            : 'the server wants credentials: add `secret: {name: …}` with a token or user:password'
        : status === 404 || status === 410
            ? 'check the URL'
            : 'the server refused the request';
    const error = new errors/* FetchError */.fk(source.name, `GET ${where} answered ${status}: ${why}`, {
        permanent: !(status === 408 || status === 429 || status >= 500)
    });
    error.status = status;
    const retryAfter = (0,retry/* parseRetryAfter */.mu)(String(headers['retry-after'] ?? ''));
    if (retryAfter !== undefined)
        error.retryAfterMs = retryAfter;
    return error;
}
function header(headers, name) {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
}
/** `http(s)`: one file, or an archive unpacked into the destination; verified, conditional on re-runs. */
async function fetchHttp(source, ctx) {
    const tuning = (0,shared_tuning/* tuningFor */.x)(ctx.options.env, source.timeout);
    const env = ctx.options.env;
    const { request, Agent, EnvHttpProxyAgent } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 46752, 19));
    const proxy = (...names) => names.map((n) => env[n]).find((v) => v);
    const httpProxy = proxy('http_proxy', 'HTTP_PROXY');
    const httpsProxy = proxy('https_proxy', 'HTTPS_PROXY');
    const noProxy = proxy('no_proxy', 'NO_PROXY');
    const timeouts = { connect: { timeout: Math.min(tuning.idleMs, 30_000) }, headersTimeout: tuning.idleMs, bodyTimeout: tuning.idleMs };
    // EnvHttpProxyAgent prints an "experimental" warning when created: only use it when a proxy is set.
    const dispatcher = httpProxy || httpsProxy
        ? new EnvHttpProxyAgent({ ...(httpProxy ? { httpProxy } : {}), ...(httpsProxy ? { httpsProxy } : {}), ...(noProxy ? { noProxy } : {}), ...timeouts })
        : new Agent(timeouts);
    const parsed = new URL(source.url);
    if (parsed.username || parsed.password) {
        throw new errors/* FetchError */.fk(source.name, 'the URL carries credentials: put them in a secret (`secret: {name: …}`) so they are masked and never written to disk', {
            permanent: true
        });
    }
    const name = (0,safe_path/* safeRelative */.iC)(decodeURIComponent(parsed.pathname.split('/').filter(Boolean).at(-1) ?? '')) ?? 'download';
    const archive = source.unpack ? (0,shared_archive/* archiveTypeOf */.c1)(name) : undefined;
    if (source.unpack && !archive) {
        throw new errors/* FetchError */.fk(source.name, `cannot tell what archive "${name}" is: \`unpack: true\` takes .tar, .tar.gz, .tgz or .zip URLs`, { permanent: true });
    }
    const auth = httpAuthorization(source.name, source.secret);
    const urlSha256 = (0,external_node_crypto_.createHash)('sha256').update(source.url).digest('hex');
    // A frozen replay never keeps what is on disk on the server's word that nothing changed: the
    // bytes are fetched again and checked against the locked sha256.
    const previous = ctx.previous && !ctx.frozen ? await (0,landing/* readState */.un)(ctx.previous) : undefined;
    const reusable = previous?.version === 1 &&
        previous.kind === 'http' &&
        previous.urlSha256 === urlSha256 &&
        previous.unpack === source.unpack &&
        (!source.sha256 || source.sha256 === previous.sha256)
        ? previous
        : undefined;
    const baseHeaders = { ...(source.headers ?? {}), ...(auth ? { authorization: auth } : {}) };
    if (reusable?.etag)
        baseHeaders['if-none-match'] = reusable.etag;
    else if (reusable?.lastModified)
        baseHeaders['if-modified-since'] = reusable.lastModified;
    const file = external_node_path_.join(ctx.scratch, name);
    const expected = { ...(source.sha256 ? { sha256: source.sha256 } : {}) };
    let validators = {};
    const totals = { files: 1, bytes: 0 };
    const progress = new shared_progress/* ProgressReporter */.P(ctx.log, totals);
    const open = async (signal) => {
        const res = await request(source.url, { dispatcher, headers: baseHeaders, signal, maxRedirections: 5 });
        if (res.statusCode === 304 && reusable) {
            await res.body.dump();
            throw new NotModified();
        }
        if (res.statusCode >= 300) {
            await res.body.dump().catch(() => undefined);
            throw statusError(source, res.statusCode, res.headers);
        }
        const length = Number(header(res.headers, 'content-length'));
        // The Verifier reads this object: the advertised length is checked too.
        if (Number.isFinite(length) && !header(res.headers, 'content-encoding'))
            expected.size = length;
        else
            delete expected.size;
        totals.bytes = expected.size ?? 0;
        validators = {
            ...(header(res.headers, 'etag') ? { etag: header(res.headers, 'etag') } : {}),
            ...(header(res.headers, 'last-modified') ? { lastModified: header(res.headers, 'last-modified') } : {})
        };
        return res.body;
    };
    // The Actions cache first (a run on an empty runner), unless an earlier landing is here to check.
    const cache = httpCache(ctx.cache, source, name, async () => {
        // Only asked when no earlier landing is reused, so baseHeaders holds no condition here.
        const res = await request(source.url, { method: 'HEAD', dispatcher, headers: baseHeaders, signal: ctx.signal, maxRedirections: 5 });
        await res.body.dump().catch(() => undefined);
        return res.statusCode < 300 ? res.headers : undefined;
    }, ctx.log);
    let sha;
    let downloaded = file;
    try {
        const restored = reusable ? undefined : await cache.restore();
        if (restored) {
            downloaded = restored.file;
            sha = restored.sha256;
            // As a download would: the next re-run on this workspace is a conditional GET.
            validators = restored.validators;
        }
        else {
            sha = await (0,download/* downloadToFile */.Q)({
                label: (0,urls/* publicUrl */.x6)(source.url),
                file,
                open,
                expected,
                digest: true,
                tuning,
                signal: ctx.signal,
                onRetry: (m) => ctx.log.info(`retrying ${m}`),
                progress
            });
            await cache.keep(file, (await promises_.stat(file)).size, validators);
        }
    }
    catch (error) {
        if (error instanceof NotModified && reusable) {
            const { files, bytes, objects } = reusable;
            return { url: (0,urls/* publicUrl */.x6)(source.url), digest: `sha256:${reusable.sha256}`, files, bytes, objects, inPlace: true, state: reusable };
        }
        if (error instanceof checksum/* IntegrityError */.cs)
            throw new errors/* FetchError */.fk(source.name, error.message, { cause: error, permanent: true });
        throw error;
    }
    finally {
        await dispatcher.close().catch(() => undefined);
    }
    const size = (await promises_.stat(downloaded)).size;
    const objects = [{ key: name, size, version: `sha256:${sha}` }];
    let files = 1;
    let bytes = size;
    if (archive) {
        try {
            await (0,shared_archive/* unpackArchive */.b)(downloaded, archive, ctx.staging, { limit: ctx.options.unpackLimit });
        }
        catch (error) {
            throw new errors/* FetchError */.fk(source.name, `${name}: ${error.message}`, { cause: error, permanent: true });
        }
        ;
        ({ files, bytes } = await countTree(ctx.staging));
    }
    else {
        // The download sits in scratch (RUNNER_TEMP), maybe on another disk than the workspace.
        await (0,landing/* moveFile */.mV)(downloaded, external_node_path_.join(ctx.staging, name));
    }
    const state = { version: 1, kind: 'http', urlSha256, unpack: source.unpack, ...validators, sha256: sha, files, bytes, objects };
    return { url: (0,urls/* publicUrl */.x6)(source.url), digest: `sha256:${sha}`, files, bytes, objects, state, cache: cache.outcome() };
}
async function countTree(dir) {
    let files = 0;
    let bytes = 0;
    for (const entry of await promises_.readdir(dir, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile())
            continue;
        files++;
        bytes += (await promises_.stat(external_node_path_.join(entry.parentPath, entry.name))).size;
    }
    return { files, bytes };
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


/***/ })

};
