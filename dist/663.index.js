export const id = 663;
export const ids = [663];
export const modules = {

/***/ 12663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fetchGcs: () => (/* binding */ fetchGcs)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/connections/secret.ts
var connections_secret = __webpack_require__(56317);
;// CONCATENATED MODULE: ./src/connections/gcp.ts



function parseKey(source, text, from) {
    let key;
    try {
        key = JSON.parse(text);
    }
    catch {
        // The parser's message may quote the key: say only where it came from.
        throw new errors/* FetchError */.fk(source, `${from} is not valid JSON: it should be a service-account key file's content`, { permanent: true });
    }
    const k = key;
    if (!k || typeof k !== 'object' || typeof k.type !== 'string')
        throw new errors/* FetchError */.fk(source, `${from} is not a Google credentials JSON (no "type")`, { permanent: true });
    if (k.type === 'service_account' && (typeof k.client_email !== 'string' || typeof k.private_key !== 'string')) {
        throw new errors/* FetchError */.fk(source, `${from} is a service-account key without client_email/private_key`, { permanent: true });
    }
    return k;
}
/**
 * The contract's gcs secret formats: the raw value is a service-account JSON key; or fields
 * `GC_KEYFILE_DICT` (the key as JSON), `GC_KEY_PATH` (a key file), `GOOGLE_OAUTH_ACCESS_TOKEN` (what
 * google-github-actions/auth gives with `token_format: access_token`). No secret: the SDK's default
 * chain (Application Default Credentials), or no auth at all against an emulator endpoint.
 */
async function gcsAuth(source, secret, customEndpoint) {
    if (!secret)
        return customEndpoint ? { type: 'none' } : { type: 'default' };
    const where = `secret "${secret.name}"`;
    // The whole value is a credentials JSON: a service-account key, or a workload identity federation config.
    const { raw, fields, mask } = (0,connections_secret/* valueOf */.RP)(secret);
    if (fields?.type !== undefined && raw.trim().startsWith('{'))
        return { type: 'key', credentials: parseKey(source, raw, where), from: where };
    const dict = (0,connections_secret/* secretField */.T2)(secret, 'GC_KEYFILE_DICT', 'GOOGLE_CREDENTIALS', 'GCP_CREDENTIALS');
    if (dict)
        return { type: 'key', credentials: parseKey(source, dict, `${where} key GC_KEYFILE_DICT`), from: where };
    const keyPath = (0,connections_secret/* secretField */.T2)(secret, 'GC_KEY_PATH', 'GOOGLE_APPLICATION_CREDENTIALS');
    if (keyPath) {
        const text = await promises_.readFile(keyPath, 'utf8').catch(() => {
            throw new errors/* FetchError */.fk(source, `cannot read the key file named by ${where} key GC_KEY_PATH`, { permanent: true });
        });
        return { type: 'key', credentials: parseKey(source, text, `the key file named by ${where}`), from: where };
    }
    const token = (0,connections_secret/* secretField */.T2)(secret, 'GOOGLE_OAUTH_ACCESS_TOKEN', 'GC_ACCESS_TOKEN', 'ACCESS_TOKEN');
    const bare = !fields && /^ya29\./.test(raw.trim()) ? raw.trim() : undefined;
    if (token ?? bare) {
        // Requests carry it as `Bearer TOKEN`: that form is masked too.
        mask(`Bearer ${token ?? bare}`);
        return { type: 'token', token: (token ?? bare), from: where };
    }
    throw new errors/* FetchError */.fk(source, `${where} is not usable for gcs: give a service-account JSON key as its value, or the keys GC_KEYFILE_DICT (key JSON), GC_KEY_PATH (key file path) or GOOGLE_OAUTH_ACCESS_TOKEN; ` +
        'or drop the secret to use the credentials google-github-actions/auth leaves (Application Default Credentials)', { permanent: true });
}
/** STORAGE_EMULATOR_HOST carried by a gcs secret (emulators, tests), if any. */
function gcpEmulatorHost(secret) {
    return secret ? (0,connections_secret/* valueOf */.RP)(secret).fields?.STORAGE_EMULATOR_HOST : undefined;
}

// EXTERNAL MODULE: ./src/fetchers/shared/bucket.ts + 2 modules
var bucket = __webpack_require__(12699);
// EXTERNAL MODULE: ./src/fetchers/shared/tuning.ts
var shared_tuning = __webpack_require__(32587);
;// CONCATENATED MODULE: ./src/fetchers/gcs/client.ts

function parseGsUri(source) {
    const m = /^gs:\/\/([^/]+)\/?(.*)$/.exec(source.uri);
    if (!m || !/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/.test(m[1])) {
        throw new errors/* FetchError */.fk(source.name, `"${source.uri}" is not a gs:// URI: use gs://bucket/prefix (bucket names are lower case letters, digits, "-", "_" and ".")`, { permanent: true });
    }
    return { bucket: m[1], prefix: m[2] };
}
function toObject(meta) {
    return {
        key: String(meta.name),
        size: Number(meta.size),
        generation: String(meta.generation ?? ''),
        ...(typeof meta.md5Hash === 'string' ? { md5Hash: meta.md5Hash } : {}),
        ...(typeof meta.crc32c === 'string' ? { crc32c: meta.crc32c } : {})
    };
}
/**
 * The GCS SDK's request layer (teeny-request) reads a proxy URL with `url.parse`, which Node 24
 * reports as deprecation DEP0169 on stderr: a line in every user's log about code that is not
 * theirs or ours to change. That one warning is dropped; every other warning passes.
 */
function quietUrlParseWarning() {
    const emit = process.emitWarning;
    if (emit.quiet)
        return;
    const filtered = Object.assign(function (warning, ...rest) {
        const options = rest[0];
        const code = typeof options === 'object' && options !== null ? options.code : rest[1];
        if (code === 'DEP0169')
            return;
        emit.call(this, warning, ...rest);
    }, { quiet: true });
    process.emitWarning = filtered;
}
async function openGcs(opts) {
    quietUrlParseWarning();
    const { Storage } = await Promise.all(/* import() */[__webpack_require__.e(669), __webpack_require__.e(492), __webpack_require__.e(665)]).then(__webpack_require__.bind(__webpack_require__, 73665));
    const common = {
        retryOptions: { autoRetry: false },
        ...(opts.endpoint ? { apiEndpoint: opts.endpoint } : {}),
        ...(opts.projectId ? { projectId: opts.projectId } : {})
    };
    let storage;
    switch (opts.auth.type) {
        case 'key':
            storage = new Storage({
                ...common,
                credentials: opts.auth.credentials,
                useAuthWithCustomEndpoint: true,
                ...(opts.projectId || !opts.auth.credentials.project_id ? {} : { projectId: opts.auth.credentials.project_id })
            });
            break;
        case 'token': {
            // A ready access token: nothing to exchange, so no request to Google's token endpoint.
            const { OAuth2Client } = await Promise.all(/* import() */[__webpack_require__.e(669), __webpack_require__.e(492)]).then(__webpack_require__.bind(__webpack_require__, 492));
            const authClient = new OAuth2Client();
            authClient.setCredentials({ access_token: opts.auth.token });
            storage = new Storage({ ...common, authClient, useAuthWithCustomEndpoint: true });
            break;
        }
        case 'default':
            storage = new Storage({ ...common, useAuthWithCustomEndpoint: true });
            break;
        case 'none':
            storage = new Storage(common);
            break;
    }
    const bucket = storage.bucket(opts.location.bucket);
    const userProject = opts.userProject ? { userProject: opts.userProject } : {};
    return {
        async list(prefix, pageToken, pageSize) {
            const [files, next] = await bucket.getFiles({ prefix, maxResults: pageSize, autoPaginate: false, ...(pageToken ? { pageToken } : {}), ...userProject });
            const token = next?.pageToken;
            return { objects: files.map((f) => toObject(f.metadata)), ...(token ? { next: token } : {}) };
        },
        async stat(key) {
            try {
                const [meta] = await bucket.file(key).getMetadata(userProject);
                return toObject(meta);
            }
            catch (error) {
                if (error.code === 404)
                    return undefined;
                throw error;
            }
        },
        read(object, range, signal) {
            // Pinning the generation makes a concurrent overwrite fail instead of mixing versions.
            const file = bucket.file(object.key, object.generation ? { generation: Number(object.generation) } : {});
            // validation off: we verify MD5/CRC32C ourselves, also for ranged parts the SDK cannot check.
            const stream = file.createReadStream({ validation: false, decompress: false, ...(range ? { start: range.start, end: range.end } : {}), ...userProject });
            signal.addEventListener('abort', () => stream.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted')), { once: true });
            return stream;
        }
    };
}

// EXTERNAL MODULE: ./src/fetchers/shared/retry.ts
var retry = __webpack_require__(34270);
;// CONCATENATED MODULE: ./src/fetchers/gcs/errors.ts


/**
 * Turns a GCS error that retrying cannot fix (401, 403, 404, other 4xx) into a permanent
 * FetchError naming the source, the bucket/key and the likely cause; anything else is returned
 * unchanged for the retry policy to judge.
 */
function explainGcsError(error, source, location, at) {
    if (!error || typeof error !== 'object' || error instanceof errors/* FetchError */.fk)
        return error;
    const e = error;
    const status = typeof e.code === 'number' ? e.code : undefined;
    if (status === undefined) {
        // google-auth-library: no Application Default Credentials on this machine.
        if (typeof e.message === 'string' && /Could not load the default credentials/i.test(e.message)) {
            return new errors/* FetchError */.fk(source.name, `no credentials for ${source.uri}: the source has no secret and no Application Default Credentials were found. Run google-github-actions/auth first, or add \`secret: {name: …}\` holding a service-account JSON key (or GC_KEYFILE_DICT / GC_KEY_PATH)`, { permanent: true, cause: error });
        }
        return error;
    }
    // The SDK's ApiError carries the HTTP status as a numeric `code`; `status` lets the retry policy see it.
    if ((0,retry/* isTransientStatus */.Dm)(status))
        return Object.assign(error, { status });
    if ((0,retry/* isTransient */.dg)(error))
        return error;
    const where = `gs://${location.bucket}/${at.key ?? location.prefix}${at.endpoint ? ` at ${at.endpoint}` : ''}`;
    const said = typeof e.message === 'string' && e.message ? ` (${e.message.split('\n')[0].slice(0, 200)})` : '';
    const creds = at.auth.type === 'key' || at.auth.type === 'token'
        ? `the credentials in ${at.auth.from}`
        : at.auth.type === 'default'
            ? 'the Application Default Credentials (no secret given)'
            : 'anonymous access (no secret given)';
    const explain = (message) => new errors/* FetchError */.fk(source.name, message, { permanent: true, cause: error });
    if (status === 401)
        return explain(`not authenticated for ${where} (401)${said}: ${creds} were refused, or expired`);
    if (status === 403) {
        const pays = source.options.requesterPays === true ? '' : '; a requester-pays bucket also needs `requesterPays: true` and `projectId`';
        return explain(`access denied to ${where} (403)${said}: ${creds} may not read bucket "${location.bucket}" (needs storage.objects.list and storage.objects.get)${pays}`);
    }
    if (status === 404) {
        return at.key === undefined
            ? explain(`bucket "${location.bucket}" does not exist (404)${said}: check the bucket name in ${source.uri}`)
            : explain(`object ${where} does not exist (404)${said}: it was removed or replaced after listing, or the key is misspelt`);
    }
    if (status === 412)
        return explain(`${where} changed while it was being downloaded (412): run again`);
    if (status >= 400 && status < 500)
        return explain(`${where} answered ${status}${said}`);
    return error;
}

;// CONCATENATED MODULE: ./src/fetchers/gcs/fetch.ts







/** Emulator endpoint: the schema wins, then STORAGE_EMULATOR_HOST from the secret or the environment. */
function endpointOf(source, env) {
    const fromSchema = source.options.endpoint;
    const emulator = fromSchema ?? gcpEmulatorHost(source.secret) ?? env.STORAGE_EMULATOR_HOST;
    if (!emulator)
        return undefined;
    return /^https?:\/\//.test(emulator) ? emulator.replace(/\/+$/, '') : `http://${emulator.replace(/\/+$/, '')}`;
}
/** `gs://bucket/prefix`: a prefix, a "directory" or a single object, landed incrementally. */
async function fetchGcs(source, ctx) {
    const location = parseGsUri(source);
    const tuning = (0,shared_tuning/* tuningFor */.x)(ctx.options.env, source.timeout);
    const endpoint = endpointOf(source, ctx.options.env);
    const auth = await gcsAuth(source.name, source.secret, endpoint !== undefined);
    const projectId = source.options.projectId ?? (auth.type === 'key' ? auth.credentials.project_id : undefined);
    const requesterPays = source.options.requesterPays === true;
    if (requesterPays && !projectId) {
        throw new errors/* FetchError */.fk(source.name, `${source.uri} is requester-pays: set \`projectId\` in the connection schema (the project billed for the download)`, {
            permanent: true
        });
    }
    const client = await openGcs({
        location,
        auth,
        ...(endpoint ? { endpoint } : {}),
        ...(projectId ? { projectId } : {}),
        ...(requesterPays ? { userProject: projectId } : {})
    });
    const explain = (error, key) => explainGcsError(error, source, location, { auth, ...(endpoint ? { endpoint } : {}), ...(key !== undefined ? { key } : {}) });
    const entry = (o) => ({ key: o.key, size: o.size, version: o.generation, item: o });
    const pageSize = (0,bucket/* listPageSize */.L)(ctx.options.env, 1000);
    const store = {
        noun: 'objects',
        list: async (prefix, token) => {
            const page = await client.list(prefix, token, pageSize);
            return { objects: page.objects.map(entry), ...(page.next ? { next: page.next } : {}) };
        },
        stat: async (key) => {
            const one = await client.stat(key);
            return one && entry(one);
        },
        // MD5 when GCS has one; composite objects only carry CRC32C.
        expected: (o) => ({ size: o.size, ...(o.md5Hash ? { md5: o.md5Hash } : o.crc32c ? { crc32c: o.crc32c } : {}) }),
        label: (o) => `gs://${location.bucket}/${o.key}`,
        explain: (error) => explain(error),
        // SDK errors surface on the stream: 403/404 become permanent, named errors.
        open: async (o, range, signal) => explainStream(client.read(o, range, signal), (e) => explain(e, o.key))
    };
    const landed = await (0,bucket/* fetchBucket */.$)(store, {
        source,
        prefix: location.prefix,
        tuning,
        empty: `no objects under ${source.uri}: check the bucket and the prefix`,
        ctx
    });
    return { url: source.uri, ...landed };
}
/** Re-emits a stream's error as the explained one, so a 404 mid-transfer is not retried. */
function explainStream(stream, explain) {
    const out = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
    stream.on('error', (e) => out.destroy(explain(e)));
    out.on('close', () => {
        if (!stream.destroyed)
            stream.destroy();
    });
    stream.pipe(out);
    return out;
}


/***/ })

};
