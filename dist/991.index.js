export const id = 991;
export const ids = [991];
export const modules = {

/***/ 44991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fetchWasb: () => (/* binding */ fetchWasb)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/connections/secret.ts
var connections_secret = __webpack_require__(56317);
;// CONCATENATED MODULE: ./src/connections/azure.ts


/** `Key=Value;…` of an Azure connection string (values may hold `=`, as base64 keys do). */
function parseConnectionString(text) {
    const fields = {};
    for (const part of text.trim().split(';')) {
        if (!part.trim())
            continue;
        const eq = part.indexOf('=');
        if (eq <= 0)
            return undefined;
        fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    }
    return fields.AccountName || fields.BlobEndpoint || fields.UseDevelopmentStorage ? fields : undefined;
}
const ACCOUNT_KEY = /^[A-Za-z0-9+/]{40,}={0,2}$/;
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/**
 * The contract's wasb secret formats, in order: AZURE_CONNECTION_STRING; AZURE_ACCOUNT_NAME +
 * AZURE_ACCOUNT_KEY; AZURE_SAS_TOKEN; or the raw value as a connection string, a SAS token
 * (`?sv=…`/`sv=…`) or an account key. No secret: anonymous against an emulator endpoint, else
 * Microsoft's default credential chain when @azure/identity is available.
 */
function azureTarget(source, location) {
    const target = decode(source, location);
    if (target.auth.type === 'sas') {
        // The signature travels in every URL: mask it in every form the SDK or a proxy may print.
        const sig = new URLSearchParams(target.auth.sas).get('sig');
        if (sig && source.secret)
            (0,connections_secret/* valueOf */.RP)(source.secret).mask(sig);
    }
    return target;
}
function decode(source, location) {
    const secret = source.secret;
    const where = secret ? `secret "${secret.name}"` : '';
    const raw = secret ? (0,connections_secret/* valueOf */.RP)(secret).raw : '';
    // A bare connection string reads as one KEY=VALUE line to the secret parser: look at the raw value too.
    const conn = (0,connections_secret/* secretField */.T2)(secret, 'AZURE_CONNECTION_STRING', 'AZURE_STORAGE_CONNECTION_STRING') ?? (secret && parseConnectionString(raw) ? raw : undefined);
    const parsed = conn ? parseConnectionString(conn) : undefined;
    let account = location.account ?? (0,connections_secret/* secretField */.T2)(secret, 'AZURE_ACCOUNT_NAME', 'AZURE_STORAGE_ACCOUNT') ?? parsed?.AccountName;
    let auth;
    let endpointFromSecret;
    if (parsed) {
        if (/^true$/i.test(parsed.UseDevelopmentStorage ?? '')) {
            account ??= 'devstoreaccount1';
            endpointFromSecret = `http://127.0.0.1:10000/${account}`;
            auth = { type: 'key', account, key: DEV_KEY, from: where };
        }
        else {
            account = parsed.AccountName ?? account;
            if (parsed.BlobEndpoint)
                endpointFromSecret = parsed.BlobEndpoint;
            else if (account)
                endpointFromSecret = `${parsed.DefaultEndpointsProtocol ?? 'https'}://${account}.blob.${parsed.EndpointSuffix ?? 'core.windows.net'}`;
            if (parsed.AccountKey && account)
                auth = { type: 'key', account, key: parsed.AccountKey, from: where };
            else if (parsed.SharedAccessSignature)
                auth = { type: 'sas', sas: parsed.SharedAccessSignature.replace(/^\?/, ''), from: where };
        }
    }
    else if (secret) {
        const key = (0,connections_secret/* secretField */.T2)(secret, 'AZURE_ACCOUNT_KEY', 'AZURE_STORAGE_KEY', 'AZURE_STORAGE_ACCESS_KEY');
        const sas = (0,connections_secret/* secretField */.T2)(secret, 'AZURE_SAS_TOKEN', 'AZURE_STORAGE_SAS_TOKEN');
        // `sv=…&sig=…` or a base64 key can read as one KEY=VALUE line to the secret parser: judge the raw value.
        const fields = (0,connections_secret/* valueOf */.RP)(secret).fields;
        const whole = fields && Object.keys(fields).length > 1 ? undefined : raw.trim();
        if (key || (whole && ACCOUNT_KEY.test(whole))) {
            if (!account) {
                throw new errors/* FetchError */.fk(source.name, `${where} holds an account key but no account name: use wasbs://container@ACCOUNT.blob.core.windows.net/… or add AZURE_ACCOUNT_NAME to the secret`, { permanent: true });
            }
            auth = { type: 'key', account, key: (key ?? whole), from: where };
        }
        else if (sas || (whole && /^\??sv=/.test(whole))) {
            auth = { type: 'sas', sas: (sas ?? whole).replace(/^\?/, ''), from: where };
        }
        else {
            throw new errors/* FetchError */.fk(source.name, `${where} is not usable for wasb: give AZURE_CONNECTION_STRING, or AZURE_ACCOUNT_NAME and AZURE_ACCOUNT_KEY, or AZURE_SAS_TOKEN (or one of them as the whole value)`, { permanent: true });
        }
    }
    const endpoint = (source.options.endpoint ??
        endpointFromSecret ??
        (account ? `https://${account}.blob.core.windows.net` : undefined))?.replace(/\/+$/, '');
    if (!endpoint) {
        throw new errors/* FetchError */.fk(source.name, `no storage account for ${source.uri}: use wasbs://container@ACCOUNT.blob.core.windows.net/… or give AZURE_ACCOUNT_NAME or a connection string in the secret`, { permanent: true });
    }
    const custom = source.options.endpoint !== undefined;
    return { endpoint, auth: auth ?? (custom ? { type: 'anonymous' } : { type: 'default' }) };
}

// EXTERNAL MODULE: ./src/fetchers/shared/bucket.ts + 2 modules
var bucket = __webpack_require__(12699);
// EXTERNAL MODULE: ./src/fetchers/shared/timeout.ts
var timeout = __webpack_require__(63891);
// EXTERNAL MODULE: ./src/fetchers/shared/tuning.ts
var shared_tuning = __webpack_require__(32587);
;// CONCATENATED MODULE: ./src/fetchers/wasb/client.ts

function parseWasbUri(source) {
    const full = /^wasbs?:\/\/([^@/]+)@([^/]+)\/?(.*)$/.exec(source.uri);
    if (full)
        return { container: full[1], account: full[2].split('.')[0], prefix: full[3] };
    const short = /^az:\/\/([^/@]+)\/?(.*)$/.exec(source.uri);
    if (short)
        return { container: short[1], prefix: short[2] };
    throw new errors/* FetchError */.fk(source.name, `"${source.uri}" is not a wasb URI: use wasbs://container@account.blob.core.windows.net/prefix or az://container/prefix`, {
        permanent: true
    });
}
const b64 = (bytes) => (bytes && bytes.length ? Buffer.from(bytes).toString('base64') : undefined);
const unquote = (etag) => (etag ?? '').replace(/^"|"$/g, '');
async function credentialFor(source, auth) {
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(669), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 69095));
    switch (auth.type) {
        case 'key':
            return new sdk.StorageSharedKeyCredential(auth.account, auth.key);
        case 'sas':
        case 'anonymous':
            return new sdk.AnonymousCredential();
        case 'default': {
            // Optional: not a dependency of the action, so a variable specifier keeps the bundler out.
            const identity = '@azure/identity';
            try {
                const mod = (await __webpack_require__(17706)(identity));
                return new mod.DefaultAzureCredential();
            }
            catch {
                throw new errors/* FetchError */.fk(source, 'no credentials for Azure Blob Storage: add `secret: {name: …}` with AZURE_CONNECTION_STRING, or AZURE_ACCOUNT_NAME and AZURE_ACCOUNT_KEY, or AZURE_SAS_TOKEN', { permanent: true });
            }
        }
    }
}
async function openAzure(source, target, container) {
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(669), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 69095));
    // A shared key, anonymous (SAS in the URL) or a TokenCredential: all accepted by this constructor.
    const credential = (await credentialFor(source, target.auth));
    const url = target.auth.type === 'sas' ? `${target.endpoint}?${target.auth.sas}` : target.endpoint;
    const service = new sdk.BlobServiceClient(url, credential, { retryOptions: { maxTries: 1 } });
    const containerClient = service.getContainerClient(container);
    return {
        async list(prefix, token, pageSize, signal) {
            const pages = containerClient
                .listBlobsFlat({ ...(prefix ? { prefix } : {}), abortSignal: signal })
                .byPage({ maxPageSize: pageSize, ...(token ? { continuationToken: token } : {}) });
            const page = (await pages.next()).value;
            const blobs = (page?.segment.blobItems ?? []).map((b) => {
                const md5 = b64(b.properties.contentMD5);
                return { key: b.name, size: b.properties.contentLength ?? 0, etag: unquote(b.properties.etag), ...(md5 ? { md5 } : {}) };
            });
            return { blobs, ...(page?.continuationToken ? { next: page.continuationToken } : {}) };
        },
        async stat(key, signal) {
            try {
                const p = await containerClient.getBlobClient(key).getProperties({ abortSignal: signal });
                const md5 = b64(p.contentMD5);
                return { key, size: p.contentLength ?? 0, etag: unquote(p.etag), ...(md5 ? { md5 } : {}) };
            }
            catch (error) {
                const e = error;
                // 404 on HEAD: no blob with this exact name (the prefix is a directory), or no container (listing says which).
                if (e.statusCode === 404)
                    return undefined;
                throw error;
            }
        },
        async read(blob, range, signal) {
            const res = await containerClient.getBlobClient(blob.key).download(range?.start ?? 0, range ? range.end - range.start + 1 : undefined, {
                abortSignal: signal,
                // Our retry policy owns retries; pinning the ETag fails a concurrent overwrite (412).
                maxRetryRequests: 0,
                conditions: { ifMatch: `"${blob.etag}"` }
            });
            if (!res.readableStreamBody)
                throw new Error(`no body in the response for ${blob.key}`);
            return res.readableStreamBody;
        }
    };
}

// EXTERNAL MODULE: ./src/fetchers/shared/retry.ts
var retry = __webpack_require__(34270);
;// CONCATENATED MODULE: ./src/fetchers/wasb/errors.ts


/**
 * Turns an Azure error that retrying cannot fix (403, 404, 412, other 4xx) into a permanent
 * FetchError naming the source, the container/blob and the likely cause; anything else is
 * returned unchanged for the retry policy to judge.
 */
function explainAzureError(error, source, location, at) {
    if (!error || typeof error !== 'object' || error instanceof errors/* FetchError */.fk)
        return error;
    const e = error;
    const status = e.statusCode;
    if (e.name === 'CredentialUnavailableError' || e.name === 'AggregateAuthenticationError') {
        return new errors/* FetchError */.fk(source.name, `no credentials for ${source.uri}: the default Azure chain found none. Run azure/login first, or add \`secret: {name: …}\` with AZURE_CONNECTION_STRING, AZURE_ACCOUNT_NAME + AZURE_ACCOUNT_KEY, or AZURE_SAS_TOKEN`, { permanent: true, cause: error });
    }
    if (status === undefined || (0,retry/* isTransient */.dg)(error))
        return error;
    const where = `container "${location.container}"${at.key !== undefined ? `, blob "${at.key}"` : location.prefix ? `, prefix "${location.prefix}"` : ''} at ${at.endpoint}`;
    const code = e.code ? ` ${e.code}` : '';
    const creds = at.auth.type === 'key'
        ? `the account key in ${at.auth.from} (account "${at.auth.account}")`
        : at.auth.type === 'sas'
            ? `the SAS token in ${at.auth.from}`
            : at.auth.type === 'default'
                ? 'the default Azure credential chain (no secret given)'
                : 'anonymous access (no secret given)';
    const explain = (message) => new errors/* FetchError */.fk(source.name, message, { permanent: true, cause: error });
    if (status === 401 || status === 403) {
        // A HEAD answer has no error body, so the cause is not always known: name the usual ones.
        const why = `${creds} was rejected or may not read it: a wrong account key, a SAS token that is expired, signed with another key or lacks read and list permission, or a missing Storage Blob Data Reader role`;
        return explain(`access denied to ${where} (${status}${code}): ${why}`);
    }
    if (status === 404) {
        if (e.code === 'ContainerNotFound')
            return explain(`container "${location.container}" does not exist at ${at.endpoint} (404${code}): check the container and the account in ${source.uri}`);
        if (e.code === 'ResourceNotFound' && at.auth.type === 'anonymous')
            return explain(`${where} not found (404${code}): the container does not exist or is not public; add a secret`);
        return explain(`${where} does not exist (404${code}): it was removed or renamed after listing`);
    }
    if (status === 412)
        return explain(`${where} changed while it was being downloaded (412${code}): run again`);
    if (status >= 400 && status < 500 && status !== 408 && status !== 429)
        return explain(`${where} answered ${status}${code}`);
    return error;
}

;// CONCATENATED MODULE: ./src/fetchers/wasb/fetch.ts






/** `wasbs://container@account.blob.core.windows.net/prefix` (also `wasb://`, `az://`). */
async function fetchWasb(source, ctx) {
    const location = parseWasbUri(source);
    const tuning = (0,shared_tuning/* tuningFor */.x)(ctx.options.env, source.timeout);
    const target = azureTarget(source, location);
    const client = await openAzure(source.name, target, location.container);
    const explain = (error, key) => explainAzureError(error, source, location, { auth: target.auth, endpoint: target.endpoint, ...(key !== undefined ? { key } : {}) });
    const entry = (b) => ({ key: b.key, size: b.size, version: b.etag, item: b });
    const pageSize = (0,bucket/* listPageSize */.L)(ctx.options.env, 5000);
    const store = {
        noun: 'blobs',
        list: async (prefix, token, signal) => {
            const page = await client.list(prefix, token, pageSize, signal);
            return { objects: page.blobs.map(entry), ...(page.next ? { next: page.next } : {}) };
        },
        stat: async (key, signal) => {
            const one = await client.stat(key, signal);
            return one && entry(one);
        },
        expected: (b) => ({ size: b.size, ...(b.md5 ? { md5: b.md5 } : {}) }),
        label: (b) => `${location.container}/${b.key}`,
        explain: (error) => explain(error),
        async open(b, range, signal) {
            try {
                // The engine's idle timer starts with the body; bound the wait for the response headers here.
                return await (0,timeout/* withTimeout */.w)(client.read(b, range, signal), tuning.idleMs);
            }
            catch (error) {
                throw explain(error, b.key);
            }
        }
    };
    const landed = await (0,bucket/* fetchBucket */.$)(store, {
        source,
        prefix: location.prefix,
        tuning,
        empty: `no blobs under ${source.uri}: check the container and the prefix`,
        ctx
    });
    return { url: source.uri, ...landed };
}


/***/ }),

/***/ 17706:
/***/ ((module) => {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 17706;
module.exports = webpackEmptyAsyncContext;

/***/ })

};
