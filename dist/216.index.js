export const id = 216;
export const ids = [216];
export const modules = {

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

/***/ 9562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ attempt),
/* harmony export */   Jb: () => (/* binding */ retryPolicy),
/* harmony export */   Q: () => (/* binding */ downloadToFile)
/* harmony export */ });
/* harmony import */ var _raw_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31289);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34270);
/* harmony import */ var _checksum_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(55046);
/* harmony import */ var _stream_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50094);





/** One retryable attempt's plumbing, shared by whole-object and ranged downloads. */
async function attempt(opts, signal) {
    let counted = 0;
    const controller = new AbortController();
    const abort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    try {
        const body = await opts.open(controller.signal);
        // A whole body past the small-body size arriving as a stream is hashed from the file once
        // written, on a worker: the main thread already runs the stream machinery of every transfer.
        // A direct body (raw-http) costs the main thread one write per read, so it is hashed as it is
        // read, which saves the second pass over the file; so is a small one (a worker's round trip
        // would cost more than its hash).
        const inFile = opts.start === undefined && !(0,_raw_http_js__WEBPACK_IMPORTED_MODULE_0__/* .isDirectBody */ .A)(body) && (opts.expected.size === undefined || opts.expected.size > _stream_js__WEBPACK_IMPORTED_MODULE_4__/* .SMALL_BODY */ .pQ);
        const verifier = new _checksum_js__WEBPACK_IMPORTED_MODULE_3__/* .Verifier */ .BL(opts.expected, opts.digest, inFile);
        await (0,_stream_js__WEBPACK_IMPORTED_MODULE_4__/* .streamToFile */ .E8)(body, {
            file: opts.file,
            ...(opts.start !== undefined ? { start: opts.start } : {}),
            ...(opts.expected.size !== undefined ? { expectedSize: opts.expected.size } : {}),
            idleMs: opts.tuning.idleMs,
            signal: controller.signal,
            verifier,
            onBytes: (n) => {
                counted += n;
                opts.progress?.addBytes(n);
            }
        });
        return inFile ? await verifier.checkFile(opts.label, opts.file, controller.signal) : verifier.check(opts.label);
    }
    catch (error) {
        opts.progress?.removeBytes(counted);
        // Stop the response body of a failed attempt so its socket goes back to the pool.
        controller.abort(error);
        throw error;
    }
    finally {
        signal.removeEventListener('abort', abort);
    }
}
function retryPolicy(opts) {
    return {
        attempts: opts.tuning.attempts,
        baseMs: opts.tuning.retryBaseMs,
        ...(opts.signal ? { signal: opts.signal } : {}),
        onRetry: (error, n, delay) => opts.onRetry?.(`${opts.label}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}; retry ${n} of ${opts.tuning.attempts - 1} in ${(delay / 1000).toFixed(1)} s`)
    };
}
/**
 * Downloads one object to `file` with size and checksum verification, an idle timeout, and
 * retries of transient failures and mismatches. Returns the sha256 hex of the bytes written when
 * `digest` is set, else ''.
 */
async function downloadToFile(opts) {
    const signal = opts.signal ?? new AbortController().signal;
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(() => attempt(opts, signal), retryPolicy(opts));
}


/***/ }),

/***/ 55017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ ProgressReporter)
/* harmony export */ });
const MiB = 1024 * 1024;
function human(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < MiB)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    if (bytes < 1024 * MiB)
        return `${(bytes / MiB).toFixed(1)} MiB`;
    return `${(bytes / 1024 / MiB).toFixed(2)} GiB`;
}
/**
 * Counts bytes and files of one source's transfer and prints a progress line at most every
 * `intervalMs` (a runner log flooded by thousands of per-file lines is useless). Lines are only
 * written while bytes flow, so a quick transfer prints none.
 */
class ProgressReporter {
    log;
    totals;
    intervalMs;
    now;
    bytes = 0;
    files = 0;
    started;
    lastLine;
    constructor(log, totals, intervalMs = 5_000, now = Date.now) {
        this.log = log;
        this.totals = totals;
        this.intervalMs = intervalMs;
        this.now = now;
        this.started = now();
        this.lastLine = this.started;
    }
    addBytes(n) {
        this.bytes += n;
        this.maybeReport();
    }
    /** A retried transfer gives back what it had counted, so totals never exceed 100 %. */
    removeBytes(n) {
        this.bytes = Math.max(0, this.bytes - n);
    }
    fileDone() {
        this.files++;
        this.maybeReport();
    }
    line() {
        const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
        const pct = this.totals.bytes > 0 ? ` (${Math.min(100, Math.floor((this.bytes / this.totals.bytes) * 100))} %)` : '';
        return `${human(this.bytes)} of ${human(this.totals.bytes)}${pct}, ${this.files}/${this.totals.files} files, ${human(this.bytes / seconds)}/s`;
    }
    maybeReport() {
        const t = this.now();
        if (t - this.lastLine < this.intervalMs)
            return;
        this.lastLine = t;
        this.log.progress(this.line());
    }
}


/***/ }),

/***/ 31289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ RawPool),
  A: () => (/* binding */ isDirectBody)
});

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
;// CONCATENATED MODULE: ./src/fetchers/shared/http-framing.ts
/**
 * A GET's request head. Refuses what Node's own client refuses (a path or header with a control
 * character, a malformed header name): a value from a server (an ETag) cannot add a header.
 */
function requestHead(path, headers) {
    if (/[^\u0021-\u00ff]/.test(path))
        throw new Error('the request path holds unescaped characters');
    let head = `GET ${path} HTTP/1.1\r\n`;
    for (const [name, value] of Object.entries(headers)) {
        if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) || /[^\t\x20-\x7e\x80-\xff]/.test(value))
            throw new Error(`invalid characters in the request header ${JSON.stringify(name)}`);
        head += `${name}: ${value}\r\n`;
    }
    return `${head}\r\n`;
}
/** Parses the head up to (not including) its empty line; throws on anything but HTTP/1.x. */
function parseHead(head) {
    const [statusLine = '', ...lines] = head.split('\r\n');
    const m = /^HTTP\/1\.([01]) (\d{3})/.exec(statusLine);
    if (!m)
        throw new Error(`not an HTTP/1.x response: ${JSON.stringify(statusLine.slice(0, 80))}`);
    const headers = {};
    for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    return { status: Number(m[2]), headers, keepAlive: m[1] === '1' && !/\bclose\b/i.test(headers.connection ?? '') };
}
const malformed = () => new Error('malformed chunked response');
/** Finds the body's bytes in what the connection reads, and where the body ends. */
class BodyFramer {
    kind;
    left = 0;
    phase = 'size';
    line = '';
    /** Whether the whole body has been fed. */
    done = false;
    constructor(head) {
        const length = head.headers['content-length'];
        if (head.status === 204 || head.status === 304)
            this.kind = 'length';
        else if (/\bchunked\b/i.test(head.headers['transfer-encoding'] ?? ''))
            this.kind = 'chunked';
        else if (length !== undefined && /^\d+$/.test(length)) {
            this.kind = 'length';
            this.left = Number(length);
        }
        else
            this.kind = 'close';
        // A body of no bytes at all is complete before anything is read.
        this.done = this.kind === 'length' && this.left === 0;
    }
    /** The body ends when the server closes the connection (no framing): never reusable. */
    get untilClose() {
        return this.kind === 'close';
    }
    /**
     * Hands the body bytes of `buf[from, to)` to `deliver`; returns where it stopped, which is
     * before `to` only when the body ended there (`done`). Throws on malformed chunking.
     */
    feed(buf, from, to, deliver) {
        let at = from;
        while (at < to && !this.done) {
            if (this.kind === 'close') {
                deliver(buf.subarray(at, to));
                return to;
            }
            if (this.kind === 'length' || this.phase === 'data') {
                const take = Math.min(this.left, to - at);
                if (take > 0)
                    deliver(buf.subarray(at, at + take));
                at += take;
                this.left -= take;
                if (this.left > 0)
                    continue;
                if (this.kind === 'length')
                    this.done = true;
                else
                    this.phase = 'crlf';
                continue;
            }
            // Chunked framing lines: a size, the CRLF after data, trailers up to an empty line.
            const nl = buf.indexOf(10, at);
            const stop = nl < 0 || nl >= to ? to : nl + 1;
            this.line += buf.toString('latin1', at, stop);
            at = stop;
            if (this.line.length > 8192)
                throw malformed();
            if (!this.line.endsWith('\n'))
                continue;
            const line = this.line.trim();
            this.line = '';
            if (this.phase === 'crlf') {
                if (line !== '')
                    throw malformed();
                this.phase = 'size';
            }
            else if (this.phase === 'size') {
                const size = parseInt(line.split(';')[0], 16);
                if (!/^[0-9a-f]+/i.test(line) || !Number.isSafeInteger(size))
                    throw malformed();
                if (size === 0)
                    this.phase = 'trailer';
                else {
                    this.left = size;
                    this.phase = 'data';
                }
            }
            else if (line === '')
                this.done = true;
        }
        return at;
    }
}

;// CONCATENATED MODULE: ./src/fetchers/shared/raw-http.ts



const isDirectBody = (body) => body?.direct === true;
/** Per connection: the size of every read, so of the chunks a sink gets; and a head's limit. */
const [READ_BUFFER, MAX_HEAD, HEAD_END] = [256 * 1024, 64 * 1024, Buffer.from('\r\n\r\n')];
/** A connection closed under an exchange: transient (retried). */
const closedEarly = () => Object.assign(new Error('the connection closed before the response ended'), { name: 'ConnectionError', code: 'ECONNRESET' });
/** One request and its response on a connection. */
class Exchange {
    head = '';
    response;
    framing;
    sink;
    /** Body bytes read before the caller asked for them (copied: the read buffer is reused). */
    pending = [];
    done = false;
    failed;
    reusable = false;
    /** Re-arms the headers' timer. */
    poke;
    /** Run once when the exchange ends either way. */
    onSettle = [];
    onHead;
    onEnd;
    /** Made once per exchange, not per read. */
    deliver;
}
class Connection {
    onFree;
    socket;
    exchange;
    closed = false;
    buffer = Buffer.allocUnsafe(READ_BUFFER);
    constructor(target, onFree) {
        this.onFree = onFree;
        const onread = { buffer: this.buffer, callback: (n, buf) => this.read(n, buf) };
        const port = target.port ?? (target.protocol === 'https:' ? 443 : 80);
        this.socket =
            target.protocol === 'https:'
                ? // `onread` works for TLS sockets too (Node passes it to the socket); the types omit it.
                    external_node_tls_.connect({
                        host: target.hostname,
                        port,
                        onread,
                        ALPNProtocols: ['http/1.1'],
                        ...(external_node_net_.isIP(target.hostname) ? {} : { servername: target.hostname })
                    })
                : external_node_net_.connect({ host: target.hostname, port, onread });
        this.socket.setNoDelay(true);
        this.socket.on('error', (e) => this.fail(e));
        this.socket.on('close', () => {
            this.closed = true;
            const x = this.exchange;
            if (x && !x.done && x.framing?.untilClose && !x.failed)
                this.finish(x);
            else
                this.fail(closedEarly());
        });
    }
    start(x, head) {
        this.exchange = x;
        x.deliver = (chunk) => this.deliver(x, chunk);
        this.socket.write(head, 'latin1');
    }
    /** The onread callback: false stops reading until `resume`. */
    read(n, buf) {
        const x = this.exchange;
        if (!x || x.done || x.failed) {
            // Bytes nobody asked for: the connection is out of step.
            this.socket.destroy();
            return false;
        }
        let off = 0;
        if (!x.response) {
            x.poke?.();
            // Only the head becomes a string (unless its end is split across reads: rare).
            const i = buf.indexOf(HEAD_END);
            const upto = i >= 0 && i + 4 <= n ? i + 4 : n;
            x.head += buf.toString('latin1', 0, upto);
            const end = x.head.indexOf('\r\n\r\n');
            if (end < 0) {
                if (x.head.length > MAX_HEAD)
                    this.fail(new Error(`response headers over ${MAX_HEAD} bytes`));
                return true;
            }
            off = upto - (x.head.length - end - 4);
            if (!this.parseHead(x, x.head.slice(0, end)))
                return false;
        }
        this.body(x, buf, off, n);
        return x.done || x.failed !== undefined || x.sink !== undefined;
    }
    parseHead(x, head) {
        let parsed;
        try {
            parsed = parseHead(head);
        }
        catch (error) {
            this.fail(error);
            return false;
        }
        x.framing = new BodyFramer(parsed);
        x.reusable = parsed.keepAlive && !x.framing.untilClose;
        x.response = { status: parsed.status, headers: parsed.headers, body: this.bodyOf(x) };
        x.onHead.resolve(x.response);
        return true;
    }
    /** Feeds body bytes `buf[from, to)` through the framing. */
    body(x, buf, from, to) {
        const framing = x.framing;
        let at = from;
        try {
            at = framing.feed(buf, from, to, x.deliver);
        }
        catch (error) {
            return this.fail(error);
        }
        if (!framing.done || x.failed)
            return;
        this.finish(x);
        // Bytes past the end of the response: not ours to read, and the connection is out of step.
        if (at < to)
            x.reusable = false;
        if (x.reusable && !this.closed)
            this.onFree(this);
        else
            this.socket.destroy();
    }
    deliver(x, chunk) {
        if (x.failed)
            return;
        if (!x.sink)
            return void x.pending.push(Buffer.from(chunk));
        try {
            x.sink(chunk);
        }
        catch (error) {
            this.fail(error instanceof Error ? error : new Error(String(error)));
        }
    }
    bodyOf(x) {
        const drain = (sink) => {
            if (x.sink)
                return Promise.reject(new Error('the body is already being read'));
            return new Promise((resolve, reject) => {
                x.onEnd = { resolve, reject };
                x.sink = sink;
                for (const chunk of x.pending.splice(0))
                    this.deliver(x, chunk);
                if (x.failed)
                    reject(x.failed);
                else if (x.done)
                    resolve();
                else
                    this.socket.resume();
            });
        };
        return {
            direct: true,
            drain,
            destroy: (error) => {
                if (!x.done && !x.failed)
                    this.fail(error ?? new Error('aborted'));
            },
            async *[Symbol.asyncIterator]() {
                // Listing pages and error answers: small, read whole, in copies.
                const chunks = [];
                await drain((chunk) => chunks.push(Buffer.from(chunk)));
                yield* chunks;
            }
        };
    }
    finish(x) {
        x.done = true;
        if (this.exchange === x)
            this.exchange = undefined;
        for (const f of x.onSettle.splice(0))
            f();
        x.onEnd?.resolve();
    }
    fail(error) {
        const x = this.exchange;
        this.socket.destroy();
        if (!x || x.done || x.failed)
            return;
        x.failed = error;
        this.exchange = undefined;
        for (const f of x.onSettle.splice(0))
            f();
        if (!x.response)
            x.onHead.reject(error);
        else
            x.onEnd?.reject(error);
    }
}
/** Keep-alive connections to one server; up to `maxIdle` are kept between requests. */
class RawPool {
    target;
    maxIdle;
    idle = [];
    open = new Set();
    constructor(target, maxIdle) {
        this.target = target;
        this.maxIdle = maxIdle;
    }
    /**
     * One exchange on an idle connection, or a new one. A kept-alive connection the server closes
     * under a request fails it (retried by the caller and logged, as with Node's agent): an idle one
     * that closes is dropped from the pool as soon as it does.
     */
    get(req) {
        if (req.signal.aborted)
            return Promise.reject(req.signal.reason);
        let head;
        try {
            head = requestHead(req.path, req.headers);
        }
        catch (error) {
            return Promise.reject(error);
        }
        return this.exchange(this.idle.pop() ?? this.connect(), req, head);
    }
    destroy() {
        for (const c of this.open)
            c.socket.destroy();
        this.open.clear();
        this.idle.length = 0;
    }
    connect() {
        const conn = new Connection(this.target, (c) => {
            if (this.idle.length < this.maxIdle && !c.closed)
                this.idle.push(c);
            else
                c.socket.destroy();
        });
        this.open.add(conn);
        conn.socket.on('close', () => {
            this.open.delete(conn);
            const i = this.idle.indexOf(conn);
            if (i >= 0)
                this.idle.splice(i, 1);
        });
        return conn;
    }
    exchange(conn, req, requestHead) {
        const x = new Exchange();
        const head = new Promise((resolve, reject) => (x.onHead = { resolve, reject }));
        const abort = () => {
            const reason = req.signal.reason;
            const error = reason instanceof Error ? reason : new Error('aborted');
            if (x.response)
                x.response.body.destroy(error);
            else
                conn.fail(error);
        };
        req.signal.addEventListener('abort', abort, { once: true });
        // The headers' timer: re-armed by every byte until they are complete.
        let timer;
        x.poke = () => {
            clearTimeout(timer);
            timer = setTimeout(() => conn.fail(req.timeoutError()), req.idleMs);
        };
        x.poke();
        x.onSettle.push(() => {
            clearTimeout(timer);
            req.signal.removeEventListener('abort', abort);
        });
        conn.start(x, requestHead);
        return head.finally(() => {
            clearTimeout(timer);
            x.poke = undefined;
        });
    }
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

/***/ 50094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E8: () => (/* binding */ streamToFile),
/* harmony export */   o3: () => (/* binding */ IdleTimeoutError),
/* harmony export */   oD: () => (/* binding */ readWhole),
/* harmony export */   pQ: () => (/* binding */ SMALL_BODY)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _checksum_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(55046);
/* harmony import */ var _raw_http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31289);





/** A stalled connection: transient, so the transfer is retried. */
class IdleTimeoutError extends Error {
    name = 'IdleTimeoutError';
    code = 'ETIMEDOUT';
    transient = true;
}
/**
 * Up to this size a body is gathered and written with one synchronous call. A file stream costs
 * an open, a write and a close on the thread pool plus a pipeline's bookkeeping (~0.6 ms of main
 * thread per file measured here): for 1,000 objects of 4 KiB that is most of the work. Writing
 * 256 KiB to the page cache blocks the loop for well under a millisecond.
 */
const SMALL_BODY = 256 * 1024;
/**
 * The file stream's buffer. Chunks that arrive while a write is in flight are gathered up to this
 * size and written with one writev: each write is a thread-pool round trip (~0.1 ms here), and
 * network chunks of 16–64 KiB made 6,400 of them for 400 MiB (0.6 s of main thread).
 */
const WRITE_BUFFER = 256 * 1024;
/**
 * Streams a response body to disk, chunk by chunk (never the whole object in memory), hashing as
 * it goes, and gives up when no byte arrives for `idleMs`.
 */
async function streamToFile(body, opts) {
    if ((0,_raw_http_js__WEBPACK_IMPORTED_MODULE_4__/* .isDirectBody */ .A)(body))
        return directToFile(body, opts);
    if (opts.start === undefined && opts.expectedSize !== undefined && opts.expectedSize <= SMALL_BODY)
        return gatherToFile(body, opts);
    let written = 0;
    const meter = new node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform({
        transform(chunk, _enc, done) {
            idle.poke();
            written += chunk.length;
            account(chunk, opts);
            done(null, chunk);
        }
    });
    const idle = idleTimer(opts.idleMs, (e) => meter.destroy(e));
    const out = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(opts.file, { highWaterMark: WRITE_BUFFER, ...(opts.start === undefined ? { flags: 'w' } : { flags: 'r+', start: opts.start }) });
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(body, meter, out, opts.signal ? { signal: opts.signal } : {});
    }
    finally {
        idle.clear();
    }
    return written;
}
/** What both paths do with every chunk: hash it and count it. */
function account(chunk, opts) {
    opts.verifier?.update(chunk);
    opts.onBytes?.(chunk.length);
}
/** Calls `onIdle` once `poke` has not been called for `idleMs` (armed at once). */
function idleTimer(idleMs, onIdle) {
    // One timer re-armed in place: a new one per chunk was garbage for every read.
    const timer = setTimeout(() => onIdle(new IdleTimeoutError(`no data for ${idleMs / 1000} s`)), idleMs);
    return { poke: () => void timer.refresh(), clear: () => clearTimeout(timer) };
}
/** The small-body path of `streamToFile`: same idle timeout, abort, hashing and accounting. */
async function gatherToFile(body, opts) {
    const chunks = [];
    let got = 0;
    let stop;
    const stopped = new Promise((_, reject) => (stop = reject));
    // Keep an unobserved rejection from being reported when the body ends first.
    stopped.catch(() => undefined);
    const fail = (e) => {
        const destroy = body.destroy;
        if (typeof destroy === 'function')
            destroy.call(body, e);
        stop?.(e);
    };
    const onAbort = () => fail(opts.signal.reason instanceof Error ? opts.signal.reason : new Error('aborted'));
    if (opts.signal?.aborted)
        onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const idle = idleTimer(opts.idleMs, fail);
    try {
        const read = (async () => {
            for await (const chunk of body) {
                idle.poke();
                got += chunk.length;
                chunks.push(chunk);
                account(chunk, opts);
                // A server sending more than it announced fails the size check; do not hoard the rest.
                if (got > opts.expectedSize)
                    break;
            }
        })();
        await Promise.race([read, stopped]);
    }
    finally {
        idle.clear();
        opts.signal?.removeEventListener('abort', onAbort);
    }
    const bytes = Buffer.concat(chunks);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(opts.file, bytes);
    return bytes.length;
}
/**
 * A body read into its connection's buffer (raw-http.ts): each read is written at its offset
 * before the next one, with a synchronous write (a page-cache copy of at most 256 KiB), so no
 * byte waits in memory and nothing is left for the garbage collector.
 */
async function directToFile(body, opts) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(opts.file, opts.start === undefined ? 'w' : 'r+');
    let at = opts.start ?? 0;
    const first = at;
    const idle = idleTimer(opts.idleMs, (e) => body.destroy(e));
    const onAbort = () => body.destroy(opts.signal.reason instanceof Error ? opts.signal.reason : new Error('aborted'));
    if (opts.signal?.aborted)
        onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
        await body.drain((chunk) => {
            idle.poke();
            // A server that sends more than it announced is stopped there, not left to fill the disk.
            if (opts.expectedSize !== undefined && at - first + chunk.length > opts.expectedSize)
                throw new _checksum_js__WEBPACK_IMPORTED_MODULE_3__/* .IntegrityError */ .cs(`the server sent more than the ${opts.expectedSize} bytes announced`);
            for (let off = 0; off < chunk.length;)
                off += (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, chunk, off, chunk.length - off, at + off);
            at += chunk.length;
            account(chunk, opts);
        });
    }
    finally {
        idle.clear();
        opts.signal?.removeEventListener('abort', onAbort);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    return at - first;
}
/**
 * A small direct body (a listing page, an error answer) read whole, in copies (each read is the
 * connection's buffer). No byte for `idleMs` fails it; past `limit` bytes the rest is left unread
 * and the connection closed.
 */
async function readWhole(body, idleMs, limit = Number.POSITIVE_INFINITY) {
    const chunks = [];
    let got = 0;
    const idle = idleTimer(idleMs, (e) => body.destroy(e));
    try {
        await body.drain((chunk) => {
            idle.poke();
            const take = Math.min(chunk.length, limit - got);
            chunks.push(Buffer.from(chunk.subarray(0, take)));
            got += take;
            if (got >= limit)
                body.destroy();
        });
    }
    catch (error) {
        if (got < limit)
            throw error;
    }
    finally {
        idle.clear();
    }
    return Buffer.concat(chunks);
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
