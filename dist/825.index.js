export const id = 825;
export const ids = [825];
export const modules = {

/***/ 46825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchHostPath: () => (/* binding */ fetchHostPath)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70017);
/* harmony import */ var _shared_objects_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(62288);
/* harmony import */ var _shared_select_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(91038);
/* harmony import */ var _util_urls_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(59812);








async function listTree(root, rel = '') {
    const out = [];
    for (const entry of await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir(node_path__WEBPACK_IMPORTED_MODULE_3__.join(root, rel), { withFileTypes: true })) {
        const key = rel ? `${rel}/${entry.name}` : entry.name;
        const full = node_path__WEBPACK_IMPORTED_MODULE_3__.join(root, key);
        if (entry.isDirectory())
            out.push(...(await listTree(root, key)));
        else if (entry.isFile())
            out.push({ key, size: (await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat(full)).size });
        else if (entry.isSymbolicLink()) {
            // Follow a link only when it stays inside the tree being copied.
            const real = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath(full).catch(() => undefined);
            const rootReal = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath(root);
            if (real && (real + node_path__WEBPACK_IMPORTED_MODULE_3__.sep).startsWith(rootReal + node_path__WEBPACK_IMPORTED_MODULE_3__.sep)) {
                const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat(real);
                if (st.isFile())
                    out.push({ key, size: st.size });
            }
        }
    }
    return out;
}
async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
/** `host_path`: a directory (or one file) on the runner, copied with the same selectors as buckets. */
async function fetchHostPath(source, ctx) {
    const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat(source.hostPath).catch(() => undefined);
    if (!st)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .FetchError */ .fk(source.name, `host path ${source.hostPath} does not exist`, { permanent: true });
    const single = st.isFile();
    const root = single ? node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(source.hostPath) : source.hostPath;
    const listing = single ? [{ key: node_path__WEBPACK_IMPORTED_MODULE_3__.basename(source.hostPath), size: st.size }] : await listTree(root);
    const { selected, unmatched } = (0,_shared_select_js__WEBPACK_IMPORTED_MODULE_7__/* .select */ .L)(listing.map((l) => l.key), source.selection);
    if (unmatched.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .FetchError */ .fk(source.name, `nothing in ${source.hostPath} matches ${unmatched.join(', ')}`, { permanent: true });
    const sizes = new Map(listing.map((l) => [l.key, l.size]));
    const objects = await ctx.limiter.map(selected, async (s) => {
        const sha256 = await sha256File(node_path__WEBPACK_IMPORTED_MODULE_3__.join(root, ...s.key.split('/')));
        return { key: s.key, target: s.target, size: sizes.get(s.key), version: sha256, expected: { sha256 } };
    });
    const landed = await (0,_shared_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .landObjects */ .q)({
        name: source.name,
        sync: source.sync,
        identity: `host_path:${source.hostPath}:${JSON.stringify(source.selection)}`,
        objects,
        ctx,
        download: (o, file) => node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.copyFile(node_path__WEBPACK_IMPORTED_MODULE_3__.join(root, ...o.key.split('/')), file)
    });
    return { url: (0,_util_urls_js__WEBPACK_IMPORTED_MODULE_6__/* .fileUrlOf */ .rn)(source.hostPath), ...landed };
}


/***/ }),

/***/ 55046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cs: () => (/* binding */ IntegrityError),
  BL: () => (/* binding */ Verifier),
  AI: () => (/* binding */ verifyFile)
});

// UNUSED EXPORTS: Crc32c

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./src/fetchers/shared/hash-worker.ts


/**
 * The worker, as source text: evaluated by `new Worker(…, { eval: true })`, so the bundle needs
 * no second entry file. Jobs are hashes in progress; each message adds a byte range of a file to
 * one (in order) or ends it; messages of one worker are handled in the order they were sent.
 */
const WORKER = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const fs = require('node:fs')
const TABLE = new Int32Array(256)
for (let n = 0; n < 256; n++) {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1
  TABLE[n] = c
}
const buffer = Buffer.allocUnsafe(1 << 20)
const jobs = new Map()
parentPort.on('message', (m) => {
  let job = jobs.get(m.id)
  try {
    if (!job) {
      job = { bytes: 0, crc: m.algorithms.includes('crc32c') ? 0xffffffff : undefined, hashes: {} }
      for (const a of m.algorithms) if (a !== 'crc32c') job.hashes[a] = createHash(a)
      jobs.set(m.id, job)
    }
    if (m.op === 'range') {
      const fd = fs.openSync(m.file, 'r')
      try {
        for (let at = m.start; at < m.end; ) {
          const n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, m.end - at), at)
          if (n === 0) break
          const chunk = buffer.subarray(0, n)
          for (const h of Object.values(job.hashes)) h.update(chunk)
          if (job.crc !== undefined) {
            let c = job.crc
            for (let i = 0; i < n; i++) c = TABLE[(c ^ chunk[i]) & 0xff] ^ (c >>> 8)
            job.crc = c
          }
          at += n
          job.bytes += n
        }
      } finally {
        fs.closeSync(fd)
      }
      parentPort.postMessage({ id: m.id, seq: m.seq })
    } else {
      jobs.delete(m.id)
      const out = { id: m.id, seq: m.seq, bytes: job.bytes }
      for (const [a, h] of Object.entries(job.hashes)) out[a] = h.digest()
      if (job.crc !== undefined) {
        const b = Buffer.alloc(4)
        b.writeUInt32BE((job.crc ^ 0xffffffff) >>> 0)
        out.crc32c = b
      }
      parentPort.postMessage(out)
    }
  } catch (error) {
    jobs.delete(m.id)
    parentPort.postMessage({ id: m.id, seq: m.seq, error: String(error && error.message || error) })
  }
})
`;
/** One or two workers: the main thread keeps a core for the transfers. */
const SIZE = Math.max(1, Math.min(2, (0,external_node_os_.availableParallelism)() - 1));
const slots = [];
let nextJob = 1;
function slotFor(job) {
    const i = job % SIZE;
    let slot = slots[i];
    if (!slot) {
        const worker = new external_node_worker_threads_.Worker(WORKER, { eval: true });
        worker.unref();
        const waiting = new Map();
        slot = slots[i] = { worker, waiting };
        const failAll = (e) => {
            for (const w of waiting.values())
                w.reject(e);
            waiting.clear();
            if (slots[i] === slot)
                slots[i] = undefined;
        };
        worker.on('message', (r) => {
            const key = `${r.id}:${r.seq}`;
            const w = waiting.get(key);
            waiting.delete(key);
            if (waiting.size === 0)
                worker.unref();
            if (r.error)
                w?.reject(new Error(`hashing failed: ${r.error}`));
            else
                w?.resolve(r);
        });
        worker.on('error', failAll);
        worker.on('exit', (code) => failAll(new Error(`the hashing worker exited (${code})`)));
    }
    return slot;
}
/**
 * The hash of a file (or of several byte ranges of files, in the order added) computed on a
 * worker. `add` returns at once; `digest` waits for every range and the result.
 */
class FileHasher {
    algorithms;
    id = nextJob++;
    slot = slotFor(this.id);
    seq = 0;
    pending = [];
    constructor(algorithms) {
        this.algorithms = algorithms;
    }
    send(message) {
        const seq = this.seq++;
        const reply = new Promise((resolve, reject) => this.slot.waiting.set(`${this.id}:${seq}`, { resolve, reject }));
        this.slot.worker.ref();
        this.slot.worker.postMessage({ ...message, id: this.id, seq, algorithms: this.algorithms });
        return reply;
    }
    /** Stops waiting for this job's answers. */
    forget() {
        for (const key of [...this.slot.waiting.keys()])
            if (key.startsWith(`${this.id}:`))
                this.slot.waiting.delete(key);
        if (this.slot.waiting.size === 0)
            this.slot.worker.unref();
    }
    /** Hashes bytes `start` (inclusive) to `end` (exclusive) of `file` after every range added before. */
    add(file, start, end) {
        const reply = this.send({ op: 'range', file, start, end });
        // Observed here; a failure is thrown by `digest`.
        reply.catch(() => undefined);
        this.pending.push(reply);
    }
    /** The digests of everything added; rejects when a range could not be read. */
    async digest(signal) {
        const done = Promise.all([...this.pending, this.send({ op: 'digest' })]);
        // A cancelled run does not wait for the worker (nor does the worker keep the process alive).
        const replies = await (signal ? abortable(done, signal, () => this.forget()) : done);
        const last = replies.at(-1);
        const out = { bytes: last.bytes ?? 0 };
        for (const a of this.algorithms)
            if (last[a])
                out[a] = Buffer.from(last[a]);
        return out;
    }
}
/** `p`, or the abort's reason as soon as `signal` aborts (the worker finishes on its own). */
function abortable(p, signal, onAbort_) {
    if (signal.aborted) {
        onAbort_();
        return Promise.reject(signal.reason);
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => {
            onAbort_();
            reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
}

;// CONCATENATED MODULE: ./src/fetchers/shared/checksum.ts



/** Thrown when bytes do not match what the store promised; transient so the download is retried. */
class IntegrityError extends Error {
    name = 'IntegrityError';
    transient = true;
}
const CRC32C_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
})();
/** CRC32C (Castagnoli), as GCS reports it; Node has no built-in for it. */
class Crc32c {
    crc = 0xffffffff;
    update(chunk) {
        let c = this.crc;
        for (let i = 0; i < chunk.length; i++)
            c = CRC32C_TABLE[(c ^ chunk[i]) & 0xff] ^ (c >>> 8);
        this.crc = c;
        return this;
    }
    digest() {
        const out = Buffer.alloc(4);
        out.writeUInt32BE((this.crc ^ 0xffffffff) >>> 0);
        return out;
    }
}
/**
 * Checks bytes against `Expected`: hashed as they stream by (`update`, then `check`), or, for a
 * file already written, on a worker thread that reads it back (`checkFile`), so large bodies cost
 * the main thread nothing but their byte count.
 */
class Verifier {
    expected;
    algorithms = [];
    md5;
    sha256;
    crc;
    size = 0;
    /**
     * `digest`: also compute the SHA-256 of the bytes for the caller (http sources report it). It
     * costs ~0.8 s per GiB here, so object stores, whose digest comes from the listing, skip it.
     * `inFile`: hash nothing while streaming; `checkFile` hashes the file afterwards.
     */
    constructor(expected, digest = false, inFile = false) {
        this.expected = expected;
        if (expected.md5)
            this.algorithms.push('md5');
        if (digest || expected.sha256)
            this.algorithms.push('sha256');
        if (expected.crc32c)
            this.algorithms.push('crc32c');
        if (inFile)
            return;
        if (this.algorithms.includes('md5'))
            this.md5 = (0,external_node_crypto_.createHash)('md5');
        if (this.algorithms.includes('sha256'))
            this.sha256 = (0,external_node_crypto_.createHash)('sha256');
        if (this.algorithms.includes('crc32c'))
            this.crc = new Crc32c();
    }
    /** Whether anything beyond the byte count is checked or computed. */
    get hashes() {
        return this.algorithms.length > 0;
    }
    update(chunk) {
        this.size += chunk.length;
        this.md5?.update(chunk);
        this.sha256?.update(chunk);
        this.crc?.update(chunk);
    }
    /** Returns the sha256 hex of what was seen ('' when not computed); throws IntegrityError naming the first mismatch. */
    check(what) {
        this.checkSize(what, this.size);
        return this.compare(what, {
            bytes: this.size,
            ...(this.md5 ? { md5: this.md5.digest() } : {}),
            ...(this.sha256 ? { sha256: this.sha256.digest() } : {}),
            ...(this.crc ? { crc32c: this.crc.digest() } : {})
        });
    }
    /** A hasher on a worker for these checks: the caller adds the file's byte ranges in order. */
    fileHasher() {
        return this.algorithms.length ? new FileHasher(this.algorithms) : undefined;
    }
    /** `check` for bytes already in `file` (`size` of them; by default the count seen streaming): hashed on a worker. */
    async checkFile(what, file, signal, size = this.size) {
        this.checkSize(what, size);
        const hasher = this.fileHasher();
        if (!hasher)
            return '';
        hasher.add(file, 0, size);
        return this.checkDigests(what, await hasher.digest(signal));
    }
    /** `check` against digests a FileHasher computed. */
    checkDigests(what, digests) {
        this.checkSize(what, digests.bytes);
        return this.compare(what, digests);
    }
    checkSize(what, size) {
        const e = this.expected;
        if (e.size !== undefined && size !== e.size)
            throw new IntegrityError(`${what}: got ${size} bytes, expected ${e.size}`);
    }
    compare(what, got) {
        const e = this.expected;
        const sha = got.sha256?.toString('hex') ?? '';
        // A checksum the store gave and nothing computed is a failure, never a pass.
        if (e.md5 && !(got.md5 && sameDigest(got.md5, e.md5)))
            throw new IntegrityError(`${what}: MD5 mismatch (got ${got.md5?.toString('hex') ?? 'none'}, expected ${e.md5})`);
        if (e.sha256 && sha !== e.sha256.toLowerCase())
            throw new IntegrityError(`${what}: SHA-256 mismatch (got ${sha}, expected ${e.sha256})`);
        if (e.crc32c && !(got.crc32c && sameDigest(got.crc32c, e.crc32c)))
            throw new IntegrityError(`${what}: CRC32C mismatch (got ${got.crc32c?.toString('base64') ?? 'none'}, expected ${e.crc32c})`);
        return sha;
    }
}
function sameDigest(got, expected) {
    return /^[0-9a-f]+$/i.test(expected) && expected.length === got.length * 2
        ? got.toString('hex') === expected.toLowerCase()
        : got.toString('base64') === expected;
}
/** Files up to this size are read and hashed on the main thread: a worker's round trip costs more. */
const INLINE_FILE = 256 * 1024;
/**
 * Checks a file that is already on disk against what the store says of it (a cache entry, a
 * previous landing): `size` bytes and every checksum given. Throws IntegrityError on a mismatch.
 * `digest`: also compute the file's SHA-256 and return it (hex; '' when not computed).
 */
async function verifyFile(file, expected, what, digest = false) {
    if (expected.size > INLINE_FILE) {
        // The worker reads `size` bytes: a longer file must not pass on its first bytes.
        const actual = (0,external_node_fs_.statSync)(file).size;
        if (actual !== expected.size)
            throw new IntegrityError(`${what}: got ${actual} bytes, expected ${expected.size}`);
        return await new Verifier(expected, digest, true).checkFile(what, file, undefined, expected.size);
    }
    const verifier = new Verifier(expected, digest);
    verifier.update((0,external_node_fs_.readFileSync)(file));
    return verifier.check(what);
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


/***/ })

};
