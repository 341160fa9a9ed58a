export const id = 699;
export const ids = [699];
export const modules = {

/***/ 12699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ fetchBucket),
  L: () => (/* binding */ listPageSize)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/fetchers/shared/download.ts
var download = __webpack_require__(9562);
// EXTERNAL MODULE: ./src/fetchers/shared/objects.ts + 1 modules
var shared_objects = __webpack_require__(62288);
// EXTERNAL MODULE: ./src/fetchers/shared/progress.ts
var shared_progress = __webpack_require__(55017);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/fetchers/shared/retry.ts
var retry = __webpack_require__(34270);
// EXTERNAL MODULE: ./src/fetchers/shared/checksum.ts + 1 modules
var checksum = __webpack_require__(55046);
;// CONCATENATED MODULE: ./src/fetchers/shared/ranged.ts




/**
 * Runs `worker` over `parts` using the slot the caller already holds plus as many extra limiter
 * slots as it can get. Helpers pull from one queue; the caller waits only for helpers that have
 * started, so a helper still queued in the limiter never blocks anyone: when it gets a slot later
 * it finds the queue empty and gives the slot back. Large objects therefore never deadlock the
 * shared pool, however many of them hold slots at once.
 */
async function inHeldSlot(limiter, items, worker) {
    const queue = [...items];
    let failure;
    const drain = async () => {
        while (queue.length && !failure) {
            const item = queue.shift();
            try {
                await worker(item);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    const started = [];
    for (let i = 0; i < Math.min(items.length - 1, limiter.size - 1); i++) {
        void limiter.run(() => {
            if (!queue.length || failure)
                return Promise.resolve();
            const running = drain();
            started.push(running);
            return running;
        });
    }
    await drain();
    await Promise.all(started);
    if (failure)
        throw failure.error;
}
/**
 * Hashes the parts of the file in order as soon as each is complete, while later parts are still
 * downloading: a part is read back from the page cache right after it was written (on a worker
 * thread, so the main thread only moves bytes), and the whole object is checked without a second
 * pass over the file once the download ends. Nothing is hashed when the store gave no
 * whole-object checksum and no digest is wanted: each part's length is still checked.
 */
class InOrderHasher {
    file;
    parts;
    verifier;
    hasher;
    done;
    next = 0;
    constructor(file, parts, opts) {
        this.file = file;
        this.parts = parts;
        this.verifier = new checksum/* Verifier */.BL({ ...opts.expected, size: opts.size }, opts.digest, true);
        this.hasher = this.verifier.fileHasher();
        this.done = parts.map(() => false);
    }
    partDone(index) {
        this.done[index] = true;
        if (!this.hasher)
            return;
        // The worker takes ranges in the order they are sent: each part once every part before it is.
        while (this.next < this.parts.length && this.done[this.next]) {
            const part = this.parts[this.next++];
            this.hasher.add(this.file, part.start, part.end + 1);
        }
    }
    async check(label, signal) {
        // Without hashes the parts' own length checks were the verification.
        if (!this.hasher)
            return '';
        if (this.next !== this.parts.length)
            throw new checksum/* IntegrityError */.cs(`${label}: only ${this.next} of ${this.parts.length} parts were hashed`);
        return this.verifier.checkDigests(label, await this.hasher.digest(signal));
    }
}
/**
 * A large object as parallel ranged GETs written at their offsets into one preallocated file.
 * Each part is retried on its own; the whole file is then checked against the object's checksum,
 * and a mismatch downloads it again (bounded), then fails.
 */
async function downloadRanged(opts) {
    const signal = opts.signal ?? new AbortController().signal;
    const parts = [];
    const partSize = opts.tuning.partSize;
    for (let start = 0; start < opts.size; start += partSize)
        parts.push({ start, end: Math.min(opts.size, start + partSize) - 1 });
    return (0,retry/* withRetry */.bD)(async () => {
        const handle = await promises_.open(opts.file, 'w');
        await handle.truncate(opts.size);
        await handle.close();
        const hasher = new InOrderHasher(opts.file, parts, opts);
        await inHeldSlot(opts.limiter, [...parts.keys()], async (index) => {
            const part = parts[index];
            const label = `${opts.label} bytes ${part.start}-${part.end}`;
            const partOpts = {
                ...opts,
                label,
                start: part.start,
                expected: { size: part.end - part.start + 1 },
                digest: false,
                open: (s) => opts.openRange(part.start, part.end, s)
            };
            await (0,retry/* withRetry */.bD)(() => (0,download/* attempt */.CD)(partOpts, signal), (0,download/* retryPolicy */.Jb)(partOpts));
            hasher.partDone(index);
        });
        return hasher.check(opts.label, signal);
    }, 
    // Parts retry their own transient errors; only a whole-file mismatch starts over.
    { ...(0,download/* retryPolicy */.Jb)(opts), retryable: (e) => e instanceof checksum/* IntegrityError */.cs });
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/util/safe-path.ts
var safe_path = __webpack_require__(35251);
// EXTERNAL MODULE: ./src/fetchers/shared/cache.ts
var cache = __webpack_require__(20530);
// EXTERNAL MODULE: ./src/fetchers/shared/limiter.ts
var limiter = __webpack_require__(87948);
// EXTERNAL MODULE: ./src/fetchers/shared/destination.ts
var destination = __webpack_require__(62692);
// EXTERNAL MODULE: ./src/fetchers/shared/landing.ts
var landing = __webpack_require__(5311);
;// CONCATENATED MODULE: ./src/fetchers/shared/cached-objects.ts








function objectCache(settings, kind, name, identity, objects, log) {
    // Made when the cache is first asked: hashing every object's entry is work a run with the cache
    // off (the default) should not do.
    let key;
    const keyOf = () => (key ??= (0,cache/* cacheKey */.k$)(kind, { identity, objects: objects.map((o) => [o.target, o.key, o.size, o.version]) }));
    const dir = (0,cache/* entryDir */.yv)(settings, kind, name);
    let restoredBytes = 0;
    // What the lookup found, whatever the bytes (an entry of empty files is a hit too).
    let hit = false;
    let looked;
    const lookup = () => (looked ??= (async () => {
        const key = keyOf();
        if (!(await (0,cache/* restoreEntry */.fe)(dir, key, log)))
            return false;
        const bad = await firstMismatch(dir, objects);
        if (bad === undefined)
            return (hit = true);
        // A poisoned or stale entry never lands: the listing is the word on what the bytes are.
        log.warning(`cache: entry ${key} does not match the listing (${bad}): fetching from the origin`);
        await promises_.rm(dir, { recursive: true, force: true });
        return false;
    })());
    return {
        async land(o, file) {
            if (settings.mode === 'off' || !(await lookup()))
                return false;
            await (0,landing/* moveFile */.mV)((0,safe_path/* under */.hG)(dir, o.target), file);
            restoredBytes += o.size;
            return true;
        },
        outcome() {
            if (settings.mode === 'off' || !looked)
                return { status: 'off' };
            const key = keyOf();
            return {
                status: hit ? 'hit' : 'miss',
                key,
                restoredBytes,
                ...(!hit && settings.mode === 'on' ? { save: (dest) => saveObjects(settings, dir, key, dest, objects, log) } : {})
            };
        }
    };
}
/**
 * The first object of the entry that is missing, not a regular file, or not the listed bytes.
 * Sizes are checked first (one lstat each); then the bytes, several files at once (small ones read
 * and hashed here, large ones on the hashing worker).
 */
async function firstMismatch(dir, objects) {
    const dirs = new Set();
    for (const o of objects) {
        const size = (0,destination/* reusableFileSize */.Lo)(dir, o.target, dirs);
        if (size !== o.size)
            return `"${o.key}" ${size === undefined ? 'is missing' : `is ${size} bytes, not ${o.size}`}`;
    }
    const problems = [];
    await new limiter/* Limiter */.j(8).map(objects, async (o, i) => {
        if (!o.expected?.md5 && !o.expected?.sha256 && !o.expected?.crc32c)
            return;
        try {
            await (0,checksum/* verifyFile */.AI)((0,safe_path/* under */.hG)(dir, o.target), { ...o.expected, size: o.size }, o.key);
        }
        catch (e) {
            if (!(e instanceof checksum/* IntegrityError */.cs))
                throw e;
            problems[i] = `"${o.key}": ${e.message}`;
        }
    });
    return problems.find((p) => p !== undefined);
}
/** Hard-links what landed into the entry directory and saves it, unless it is over the size limit. */
async function saveObjects(settings, dir, key, dest, objects, log) {
    const bytes = objects.reduce((n, o) => n + o.size, 0);
    if (bytes > settings.maxBytes) {
        log.info(`cache: not saved: ${bytes} bytes is over cache-max-size (${settings.maxBytes})`);
        return 'miss';
    }
    await promises_.rm(dir, { recursive: true, force: true });
    for (const o of objects) {
        const to = (0,safe_path/* under */.hG)(dir, o.target);
        await promises_.mkdir(external_node_path_.dirname(to), { recursive: true });
        await (0,landing/* linkOrCopy */.L7)((0,safe_path/* under */.hG)(dest, o.target), to);
    }
    const saved = await (0,cache/* saveEntry */.wn)(dir, key, log);
    if (saved === 'saved')
        log.info(`cache: saved ${objects.length} object(s) as ${key}`);
    return saved === 'saved' ? 'saved' : 'miss';
}

// EXTERNAL MODULE: ./src/fetchers/shared/select.ts
var shared_select = __webpack_require__(91038);
// EXTERNAL MODULE: ./src/fetchers/shared/timeout.ts
var timeout = __webpack_require__(63891);
;// CONCATENATED MODULE: ./src/fetchers/shared/bucket.ts









/** A prefix's objects, each with its path relative to the prefix (a single object: its basename). */
async function listBucket(store, opts, call) {
    const { prefix } = opts;
    const basename = prefix.split('/').at(-1);
    // A prefix that names an object exactly is that object; otherwise it is a directory: `data`
    // lists `data/…`, never `data2/…`.
    const exact = prefix !== '' && !prefix.endsWith('/');
    if (exact && store.stat) {
        const one = await call((signal) => store.stat(prefix, signal));
        if (one)
            return [{ ...one, rel: basename }];
    }
    const dir = exact ? `${prefix}/` : prefix;
    const listed = [];
    let token;
    let lastLine = Date.now();
    do {
        const page = await call((signal) => store.list(store.stat ? dir : prefix, token, signal));
        listed.push(...page.objects);
        // A server repeating its token must not loop forever.
        token = page.next !== token ? page.next : undefined;
        // Listing a prefix of millions of keys takes minutes: say it is happening.
        if (token && Date.now() - lastLine >= 5_000) {
            lastLine = Date.now();
            opts.ctx.log.progress(`listed ${listed.length} ${store.noun} of ${opts.source.uri} so far`);
        }
    } while (token);
    const single = exact && !store.stat ? listed.find((o) => o.key === prefix) : undefined;
    if (single)
        return [{ ...single, rel: basename }];
    return (listed
        // Zero-byte "folder" markers made by consoles (keys ending in /) are not files.
        .filter((o) => o.key.startsWith(dir) && !o.key.endsWith('/'))
        .map((o) => ({ ...o, rel: o.key.slice(dir.length) })));
}
/** One object to `file`: parallel ranged GETs for a large one, one GET otherwise; verified either way. */
async function downloadObject(store, object, file, opts, progress) {
    const { tuning, ctx } = opts;
    const expected = store.expected(object.item);
    const open = (signal, range) => store.open(object.item, range, signal, expected);
    const common = {
        label: store.label(object.item),
        file,
        expected,
        tuning,
        signal: ctx.signal,
        progress,
        onRetry: (m) => ctx.log.info(`retrying ${m}`)
    };
    try {
        if (object.size > 2 * tuning.partSize) {
            await downloadRanged({ ...common, size: object.size, limiter: ctx.limiter, openRange: (start, end, signal) => open(signal, { start, end }) });
        }
        else {
            await (0,download/* downloadToFile */.Q)({ ...common, open: (signal) => open(signal) });
        }
    }
    catch (error) {
        throw (0,timeout/* namingTheObject */.j)(opts.source.name, common.label, error);
    }
    progress.fileDone();
}
/**
 * What every bucket kind does: list the prefix (retrying, each request bounded), apply the
 * selectors (naming those that match nothing), then land the selected objects incrementally with
 * one progress reporter for the source.
 */
async function fetchBucket(store, opts) {
    const { ctx, tuning, source } = opts;
    const { name } = source;
    const call = (f) => (0,retry/* withRetry */.bD)(async () => {
        const abort = new AbortController();
        const signal = AbortSignal.any([ctx.signal, abort.signal]);
        try {
            const pending = f(signal);
            return await (store.timesOut ? pending : (0,timeout/* withTimeout */.w)(pending, tuning.idleMs));
        }
        catch (error) {
            abort.abort();
            throw store.explain(error);
        }
    }, { attempts: tuning.attempts, baseMs: tuning.retryBaseMs, signal: ctx.signal });
    const listing = await listBucket(store, opts, call);
    if (listing.length === 0)
        throw new errors/* FetchError */.fk(name, opts.empty, { permanent: true });
    const single = listing.length === 1 && listing[0].key === opts.prefix;
    const folder = source.prefixAsDirectory && !single ? opts.prefix.replace(/\/+$/, '').split('/').pop() : undefined;
    const byRel = new Map(listing.map((l) => [l.rel, l]));
    const { selected, unmatched } = (0,shared_select/* select */.L)([...byRel.keys()], source.selection);
    if (unmatched.length)
        throw new errors/* FetchError */.fk(name, `nothing in ${source.uri} matches ${unmatched.join(', ')}`, { permanent: true });
    const objects = selected.map((s) => {
        const l = byRel.get(s.key);
        return { key: s.key, target: folder ? `${folder}/${s.target}` : s.target, size: l.size, version: l.version, expected: store.expected(l.item) };
    });
    const progress = new shared_progress/* ProgressReporter */.P(ctx.log, { files: objects.length, bytes: objects.reduce((n, o) => n + o.size, 0) });
    const cache = objectCache(ctx.cache, source.kind, name, { uri: source.uri, selection: source.selection }, objects, ctx.log);
    const landed = await (0,shared_objects/* landObjects */.q)({
        name,
        sync: source.sync,
        identity: `${source.uri}:${JSON.stringify(source.selection)}`,
        objects,
        ctx,
        download: async (planned, file) => {
            if (await cache.land(planned, file))
                return progress.fileDone();
            await downloadObject(store, byRel.get(planned.key), file, opts, progress);
        }
    });
    return { ...landed, cache: cache.outcome() };
}
/** Objects per listing request; FETCH_SOURCES_LIST_PAGE_SIZE lowers it (tests, slow proxies). */
function listPageSize(env, max) {
    const n = Number(env.FETCH_SOURCES_LIST_PAGE_SIZE);
    return Number.isInteger(n) && n > 0 ? Math.min(n, max) : max;
}


/***/ }),

/***/ 62288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ landObjects)
});

// UNUSED EXPORTS: objectDrift

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/safe-path.ts
var safe_path = __webpack_require__(35251);
// EXTERNAL MODULE: ./src/fetchers/shared/checksum.ts + 1 modules
var checksum = __webpack_require__(55046);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/fetchers/shared/digest.ts

/**
 * The contract's `digest`: sha256 over the sorted (key, size, version) list, so the same data gives
 * the same digest whatever order it was listed or downloaded in.
 */
function objectsDigest(objects) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const sorted = [...objects].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const o of sorted)
        hash.update(`${o.key}\t${o.size}\t${o.version}\n`);
    return `sha256:${hash.digest('hex')}`;
}

// EXTERNAL MODULE: ./src/fetchers/shared/destination.ts
var destination = __webpack_require__(62692);
// EXTERNAL MODULE: ./src/fetchers/shared/landing.ts
var landing = __webpack_require__(5311);
;// CONCATENATED MODULE: ./src/fetchers/shared/objects.ts









/**
 * The regular files of a previous landing. The workspace may have been changed since: symlinks,
 * devices and `.git` paths are not ours and are left behind (and said so), never followed.
 */
async function walkFiles(root, dropped, rel = '') {
    const out = [];
    for (const entry of await promises_.readdir(external_node_path_.join(root, rel), { withFileTypes: true })) {
        const r = rel ? `${rel}/${entry.name}` : entry.name;
        if ((0,safe_path/* gitComponent */.MQ)(entry.name))
            dropped.push(r);
        else if (entry.isDirectory())
            out.push(...(await walkFiles(root, dropped, r)));
        else if (entry.isFile())
            out.push(r);
        else
            dropped.push(r);
    }
    return out;
}
/** Whether a file's bytes match what the store says of them (a frozen replay reuses nothing unverified). */
async function matches(file, o) {
    const expected = o.expected;
    if (!expected?.md5 && !expected?.sha256 && !expected?.crc32c)
        return false;
    try {
        await (0,checksum/* verifyFile */.AI)(file, { ...expected, size: o.size }, o.key);
        return true;
    }
    catch (e) {
        if (e instanceof checksum/* IntegrityError */.cs)
            return false;
        throw e;
    }
}
/**
 * Checks every target: inside the destination, no `.git` component (git metadata from a bucket
 * would be configuration the next git command runs), no two keys on one file, no file that is
 * also a directory of another key.
 */
function checkTargets(name, objects) {
    const refuse = (message) => {
        throw new errors/* FetchError */.fk(name, message, { permanent: true });
    };
    const targets = new Map();
    const dirs = new Map();
    for (const o of objects) {
        const safe = (0,safe_path/* safeRelative */.iC)(o.target) ?? refuse(`refusing key "${o.key}": it would land outside the destination (absolute path, "..", backslash or NUL)`);
        const git = (0,safe_path/* gitComponent */.MQ)(safe);
        if (git)
            refuse(`refusing key "${o.key}": "${git}" is git metadata, which never lands from a store (exclude it with \`artifacts\` or \`paths\`)`);
        const clash = targets.get(safe);
        if (clash)
            refuse(`keys "${clash.key}" and "${o.key}" land on the same file "${safe}"`);
        targets.set(safe, { ...o, target: safe });
        const parts = safe.split('/');
        for (let i = 1; i < parts.length; i++)
            if (!dirs.has(parts.slice(0, i).join('/')))
                dirs.set(parts.slice(0, i).join('/'), o);
    }
    for (const [t, o] of targets) {
        const under = dirs.get(t);
        if (under)
            refuse(`keys "${o.key}" and "${under.key}" cannot both land: "${t}" would be a file and a directory`);
    }
    return targets;
}
/**
 * Lands a listing of objects into `ctx.staging`, reusing unchanged files of the previous run
 * (hard links: no bytes copied). When nothing changed it touches nothing and reports `inPlace`.
 */
async function landObjects(opts) {
    const { ctx, objects } = opts;
    const targets = checkTargets(opts.name, objects);
    const state = { version: 1, identity: opts.identity, objects: {} };
    for (const [t, o] of targets)
        state.objects[t] = { key: o.key, size: o.size, version: o.version };
    const entries = [...targets.values()].map(({ key, size, version }) => ({ key, size, version }));
    if (ctx.frozen?.objects) {
        const drift = objectDrift(ctx.frozen.objects, entries);
        if (drift)
            throw new errors/* FetchError */.fk(opts.name, drift, { permanent: true });
    }
    const bytes = entries.reduce((n, o) => n + o.size, 0);
    const result = { files: targets.size, bytes, objects: entries, digest: objectsDigest(entries), state };
    const previous = ctx.previous;
    const old = previous ? await (0,landing/* readState */.un)(previous) : undefined;
    const usable = old && old.version === 1 && old.identity === opts.identity ? old.objects : {};
    const unchanged = new Set();
    const dropped = [];
    const kept = previous ? await walkFiles(previous, dropped) : [];
    if (dropped.length)
        ctx.log?.info(`left behind from the previous landing (not regular files of ours): ${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ', …' : ''}`);
    if (previous) {
        const realDirs = new Set();
        for (const [t, o] of targets) {
            const was = usable[t];
            if (was && was.size === o.size && was.version === o.version && (0,destination/* reusableFileSize */.Lo)(previous, t, realDirs) === o.size)
                unchanged.add(t);
        }
        if (ctx.frozen) {
            // The state file and the files beside it are the workspace's word: a replay checks the bytes.
            const tampered = [];
            await ctx.limiter.map([...unchanged], async (t) => {
                if (!(await matches((0,safe_path/* under */.hG)(previous, t), targets.get(t))))
                    tampered.push(t);
            });
            for (const t of tampered)
                unchanged.delete(t);
            if (tampered.length)
                ctx.log?.info(`frozen: fetching again ${tampered.length} file(s) whose bytes could not be verified against the store`);
        }
        if (unchanged.size === targets.size && dropped.length === 0) {
            // With sync, what is on disk decides: files kept by an earlier `sync: false` run are not in the state.
            const gone = opts.sync ? kept.some((rel) => !targets.has(rel)) : false;
            if (!gone)
                return { ...result, inPlace: true };
        }
    }
    const made = new Set();
    const ensureDir = async (dir) => {
        if (made.has(dir))
            return;
        await promises_.mkdir(dir, { recursive: true });
        made.add(dir);
    };
    const link = async (from, to) => {
        await ensureDir(external_node_path_.dirname(to));
        // A file with other links may be one planted in the workspace as a link to a host file:
        // copied, so nothing written to the destination later can reach that file.
        if ((0,external_node_fs_.lstatSync)(from).nlink > 1)
            return promises_.copyFile(from, to, promises_.constants.COPYFILE_EXCL);
        await (0,landing/* linkOrCopy */.L7)(from, to);
    };
    // Keep what the source no longer has unless `sync: true` (like `aws s3 sync` without --delete).
    if (previous && !opts.sync) {
        const blocked = blocking(targets);
        for (const rel of kept) {
            if (!targets.has(rel) && !blocked(rel))
                await link((0,safe_path/* under */.hG)(previous, rel), (0,safe_path/* under */.hG)(ctx.staging, rel));
        }
    }
    await ctx.limiter.map([...targets.values()], async (o) => {
        const file = (0,safe_path/* under */.hG)(ctx.staging, o.target);
        if (unchanged.has(o.target))
            return link((0,safe_path/* under */.hG)(previous, o.target), file);
        await ensureDir(external_node_path_.dirname(file));
        await opts.download(o, file);
    });
    return result;
}
/**
 * Whether a file kept from the previous landing would stand in the targets' way: it has the name
 * of a directory they need, or sits under a name that is now a file.
 */
function blocking(targets) {
    const dirs = new Set();
    for (const t of targets.keys()) {
        const parts = t.split('/');
        for (let i = 1; i < parts.length; i++)
            dirs.add(parts.slice(0, i).join('/'));
    }
    return (rel) => {
        if (dirs.has(rel))
            return true;
        const parts = rel.split('/');
        for (let i = 1; i < parts.length; i++)
            if (targets.has(parts.slice(0, i).join('/')))
                return true;
        return false;
    };
}
/** Compares a fresh listing with the locked one: the per-source drift report, or undefined. */
function objectDrift(locked, now) {
    const before = new Map(locked.map((o) => [o.key, o]));
    const after = new Map(now.map((o) => [o.key, o]));
    const changed = [...after.values()].filter((o) => before.has(o.key) && (before.get(o.key).size !== o.size || before.get(o.key).version !== o.version));
    const removed = [...before.keys()].filter((k) => !after.has(k));
    const added = [...after.keys()].filter((k) => !before.has(k));
    if (changed.length + removed.length + added.length === 0)
        return undefined;
    const parts = [
        changed.length && `${changed.length} object${changed.length > 1 ? 's' : ''} changed`,
        removed.length && `${removed.length} removed`,
        added.length && `${added.length} added`
    ].filter(Boolean);
    const examples = [...changed.map((o) => `"${o.key}" changed`), ...removed.map((k) => `"${k}" removed`), ...added.map((k) => `"${k}" added`)].slice(0, 5);
    return `${parts.join(', ')} since the lock (${examples.join(', ')}${changed.length + removed.length + added.length > 5 ? ', …' : ''})`;
}


/***/ }),

/***/ 91038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ select)
/* harmony export */ });
/* unused harmony export selectsAll */
const trim = (p) => p.replace(/^\.?\/+/, '').replace(/\/+$/, '');
/** True when the selection takes everything. */
function selectsAll(selection) {
    return selection.files.length + selection.dirs.length + selection.paths.length === 0;
}
/**
 * Applies `artifacts: {files, dirs}` and `paths: [a, [from, to]]` to a key list. Files and dirs
 * keep their relative path; a `[from, to]` pair moves `from` (file or directory) to `to`.
 * Returns the selectors that matched nothing so the caller can name them.
 */
function select(keys, selection) {
    if (selectsAll(selection))
        return { selected: keys.map((key) => ({ key, target: key })), unmatched: [] };
    const out = new Map();
    const unmatched = [];
    const keySet = new Set(keys);
    for (const f of selection.files.map(trim)) {
        if (keySet.has(f))
            out.set(f, { key: f, target: f });
        else
            unmatched.push(`artifacts.files: "${f}"`);
    }
    for (const d of selection.dirs.map(trim)) {
        const prefix = d === '' ? '' : d + '/';
        const hits = keys.filter((k) => k.startsWith(prefix));
        if (hits.length === 0)
            unmatched.push(`artifacts.dirs: "${d}"`);
        for (const k of hits)
            out.set(k, { key: k, target: k });
    }
    for (const [rawFrom, rawTo] of selection.paths) {
        const from = trim(rawFrom);
        const to = trim(rawTo);
        if (keySet.has(from)) {
            out.set(from, { key: from, target: to || from });
            continue;
        }
        const prefix = from + '/';
        const hits = keys.filter((k) => k.startsWith(prefix));
        if (hits.length === 0)
            unmatched.push(`paths: "${from}"`);
        for (const k of hits)
            out.set(k, { key: k, target: (to ? to + '/' : '') + k.slice(prefix.length) });
    }
    return { selected: [...out.values()], unmatched };
}


/***/ }),

/***/ 63891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ namingTheObject),
/* harmony export */   w: () => (/* binding */ withTimeout)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);

/** Rejects with a transient ETIMEDOUT error when `p` has not settled within `ms` (listing, metadata calls). */
async function withTimeout(p, ms) {
    let timer;
    try {
        return await Promise.race([
            p,
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(Object.assign(new Error(`no response for ${ms / 1000} s`), { code: 'ETIMEDOUT' })), ms);
            })
        ]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** The last error of a failed download as a FetchError that says which object it was. */
function namingTheObject(source, label, error) {
    if (error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .FetchError */ .fk)
        return error;
    const message = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .FetchError */ .fk(source, message.includes(label) ? message : `${label}: ${message}`, { cause: error });
}


/***/ })

};
