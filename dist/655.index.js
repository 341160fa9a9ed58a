export const id = 655;
export const ids = [655];
export const modules = {

/***/ 13655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fetchS3Compatible: () => (/* binding */ fetchS3Compatible)
});

// EXTERNAL MODULE: ./src/fetchers/shared/bucket.ts + 2 modules
var bucket = __webpack_require__(12699);
// EXTERNAL MODULE: ./src/fetchers/shared/tuning.ts
var shared_tuning = __webpack_require__(32587);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/connections/secret.ts
var connections_secret = __webpack_require__(56317);
;// CONCATENATED MODULE: ./src/connections/aws.ts


/**
 * Reads an s3/oci secret: it must have keys (JSON or KEY=VALUE lines); it may carry only the
 * endpoint or region and leave the keys to the default chain, but never half a key pair.
 */
function awsSecret(source, kind, secret) {
    if (!secret)
        return {};
    const fail = (message) => {
        throw new errors/* FetchError */.fk(source, message, { permanent: true });
    };
    if (!(0,connections_secret/* valueOf */.RP)(secret).fields) {
        fail(`secret "${secret.name}" is a single string, which is not valid for ${kind}: give it keys, as JSON ` +
            '{"AWS_ACCESS_KEY_ID": …, "AWS_SECRET_ACCESS_KEY": …} or KEY=VALUE lines, or drop the secret to use the default credential chain');
    }
    const get = (...keys) => (0,connections_secret/* secretField */.T2)(secret, ...keys);
    const accessKeyId = get('AWS_ACCESS_KEY_ID', 'OCI_ACCESS_KEY_ID');
    const secretAccessKey = get('AWS_SECRET_ACCESS_KEY', 'OCI_SECRET_ACCESS_KEY');
    const sessionToken = get('AWS_SESSION_TOKEN');
    if (!accessKeyId !== !secretAccessKey) {
        fail(`secret "${secret.name}" has ${accessKeyId ? 'AWS_ACCESS_KEY_ID but no AWS_SECRET_ACCESS_KEY' : 'AWS_SECRET_ACCESS_KEY but no AWS_ACCESS_KEY_ID'}: give both (and AWS_SESSION_TOKEN for temporary keys), or neither to use the default credential chain`);
    }
    const endpoint = get('AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL');
    const region = kind === 'oci' ? get('OCI_REGION', 'AWS_REGION', 'region') : get('AWS_REGION', 'AWS_DEFAULT_REGION');
    return {
        ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {}),
        ...(endpoint ? { endpoint } : {}),
        ...(region ? { region } : {})
    };
}

;// CONCATENATED MODULE: ./src/fetchers/s3/client.ts


const str = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
/** `s3://bucket/prefix` → bucket and prefix. */
function parseS3Uri(uri) {
    const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
    return m ? { bucket: m[1], prefix: m[2] } : undefined;
}
/** `oci://bucket@namespace/prefix` → bucket, namespace and prefix (ADS and OCI CLI spelling). */
function parseOciUri(uri) {
    const m = /^oci:\/\/([^/@]+)(?:@([^/]+))?\/?(.*)$/.exec(uri);
    return m ? { bucket: m[1], ...(m[2] ? { namespace: m[2] } : {}), prefix: m[3] } : undefined;
}
function ociEndpoint(namespace, region) {
    return `https://${namespace}.compat.objectstorage.${region}.oraclecloud.com`;
}
/**
 * The contract's precedence: `schema.endpoint`, then AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL from
 * the connection's secret, then from the environment, then the provider's own endpoint.
 */
function resolveS3Location(source, { env }) {
    const fail = (message) => {
        throw new errors/* FetchError */.fk(source.name, message, { permanent: true });
    };
    const schema = source.options;
    const secret = awsSecret(source.name, source.kind === 'oci' ? 'oci' : 's3', source.secret);
    const envEndpoint = secret.endpoint ?? str(env.AWS_ENDPOINT_URL_S3) ?? str(env.AWS_ENDPOINT_URL);
    let bucket;
    let prefix;
    let region;
    let endpoint = str(schema.endpoint) ?? envEndpoint;
    if (source.kind === 'oci') {
        const parsed = parseOciUri(source.uri) ?? fail(`"${source.uri}" is not an OCI URI: use oci://bucket@namespace/prefix`);
        bucket = parsed.bucket;
        prefix = parsed.prefix;
        region = str(schema.region) ?? secret.region ?? str(env.OCI_REGION);
        if (!endpoint) {
            const namespace = parsed.namespace ??
                str(schema.namespace) ??
                fail(`"${source.uri}" names no namespace: write oci://bucket@namespace/prefix or set \`namespace\` in the connection`);
            if (!region)
                fail('no OCI region: set `region` in the connection, OCI_REGION in its secret or the environment');
            endpoint = ociEndpoint(namespace, region);
        }
    }
    else {
        const parsed = parseS3Uri(source.uri) ?? fail(`"${source.uri}" is not an S3 URI: use s3://bucket/prefix`);
        bucket = parsed.bucket;
        prefix = parsed.prefix;
        region = str(schema.region) ?? secret.region ?? str(env.AWS_REGION) ?? str(env.AWS_DEFAULT_REGION);
    }
    if (endpoint && !/^https?:\/\//i.test(endpoint))
        fail(`endpoint "${endpoint}" must be an http(s) URL`);
    const forcePathStyle = typeof schema.forcePathStyle === 'boolean' ? schema.forcePathStyle : endpoint !== undefined;
    return {
        bucket,
        prefix: prefix.replace(/^\/+/, ''),
        // AWS needs some region to sign; us-east-1 answers with a redirect naming the right one.
        region: region ?? 'us-east-1',
        ...(endpoint ? { endpoint } : {}),
        forcePathStyle,
        requesterPays: schema.requesterPays === true,
        ...(secret.credentials ? { credentials: secret.credentials } : {})
    };
}
/** The SDK is imported here, on first use, so runs without an S3 source never load it. */
async function createS3Client(location, tuning, concurrency) {
    const { S3Client } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 53711, 19));
    const agent = { keepAlive: true, maxSockets: concurrency };
    const config = {
        region: location.region,
        forcePathStyle: location.forcePathStyle,
        ...(location.endpoint ? { endpoint: location.endpoint } : {}),
        ...(location.credentials ? { credentials: location.credentials } : {}),
        // A bucket in another region than configured is followed instead of failing (AWS only).
        followRegionRedirects: true,
        // withRetry is the one retry policy; the SDK's own would multiply attempts.
        maxAttempts: 1,
        // Newer SDKs add CRC checksums that S3-compatible stores (and s3rver) do not speak.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: {
            connectionTimeout: Math.min(tuning.idleMs, 30_000),
            // Time to the response headers; the SDK only warns about it unless told to throw.
            requestTimeout: tuning.idleMs,
            throwOnRequestTimeout: true,
            // Socket idle timeout for the whole exchange (a listing's body too): a stalled server fails
            // the attempt instead of hanging the run (requestTimeout alone never fails it).
            socketTimeout: tuning.idleMs,
            httpAgent: agent,
            httpsAgent: agent
        }
    };
    return new S3Client(config);
}

;// CONCATENATED MODULE: ./src/fetchers/s3/errors.ts

/**
 * Turns an S3 client error that retrying cannot fix (403, 404, wrong region) into a permanent
 * FetchError that names the source, the bucket/key and the likely cause. Anything else is
 * returned unchanged for the retry policy to judge.
 */
function explainS3Error(error, source, location, key) {
    if (!error || typeof error !== 'object')
        return error;
    const e = error;
    const status = e.$metadata?.httpStatusCode;
    const code = e.name ?? '';
    const where = `${source.kind === 'oci' ? 'oci' : 's3'}://${location.bucket}/${key ?? location.prefix}`;
    const at = location.endpoint ? ` at ${location.endpoint}` : ` in region ${location.region}`;
    const creds = source.secret ? `the keys in secret "${source.secret.name}"` : 'the default credential chain (no secret given)';
    const explain = (message) => new errors/* FetchError */.fk(source.name, message, { cause: error, permanent: true });
    if (code === 'CredentialsProviderError') {
        return explain(`no credentials for ${where}: the source has no secret and the default chain found none. Add \`secret: {name: …}\` with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run aws-actions/configure-aws-credentials first`);
    }
    if (status === 403 || ['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'Forbidden', 'ExpiredToken', 'InvalidToken'].includes(code)) {
        const cause = code === 'SignatureDoesNotMatch'
            ? 'the secret access key is wrong'
            : code === 'InvalidAccessKeyId'
                ? 'the access key id is unknown'
                : code === 'ExpiredToken'
                    ? 'the session token has expired'
                    : `the credentials may not read it, or the bucket is in another region than ${location.region}`;
        return explain(`access denied to ${where}${at} (${status ?? ''} ${code}): ${cause}. Check ${creds}, the bucket policy and the region`);
    }
    if (code === 'NoSuchBucket' || (status === 404 && !key)) {
        return explain(`bucket "${location.bucket}" does not exist${at} (404 ${code}): check the bucket name, the region and the endpoint`);
    }
    if (status === 404 || code === 'NoSuchKey' || code === 'NotFound') {
        return explain(`object ${where} does not exist${at} (404 ${code}): it was removed or renamed after listing, or the key is misspelt`);
    }
    if (status === 301 || code === 'PermanentRedirect' || code === 'AuthorizationHeaderMalformed' || code === 'IllegalLocationConstraintException') {
        return explain(`bucket "${location.bucket}" is not in region ${location.region} (${status ?? ''} ${code}): set \`region\` in the connection or AWS_REGION`);
    }
    if (status === 412)
        return explain(`${where} changed while it was being downloaded (412 PreconditionFailed): run again`);
    if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
        return explain(`${where}${at} answered ${status} ${code}: ${e.message ?? ''}`.trim());
    }
    return error;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/fetchers/shared/stream.ts
var stream = __webpack_require__(50094);
// EXTERNAL MODULE: ./src/fetchers/shared/raw-http.ts + 1 modules
var raw_http = __webpack_require__(31289);
// EXTERNAL MODULE: ./src/fetchers/shared/retry.ts
var retry = __webpack_require__(34270);
;// CONCATENATED MODULE: ./src/fetchers/s3/get.ts




const CREDENTIAL_SCOPE = /^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/([^/]+)\/s3\/aws4_request/;
/** Middleware that records the endpoint of the client's last successful signed request. */
function captureEndpoint(client) {
    let captured;
    client.middlewareStack.addRelativeTo((next) => async (args) => {
        const out = await next(args);
        const req = args.request;
        const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const region = CREDENTIAL_SCOPE.exec(headers.authorization ?? '')?.[1];
        const status = out.response?.statusCode ?? 0;
        if (region &&
            !headers['x-amz-s3session-token'] &&
            req.hostname &&
            status >= 200 &&
            status < 300 &&
            (req.protocol === 'http:' || req.protocol === 'https:')) {
            captured = {
                protocol: req.protocol,
                hostname: req.hostname,
                ...(req.port ? { port: req.port } : {}),
                host: headers.host ?? req.hostname,
                basePath: (req.path ?? '/').replace(/\/+$/, ''),
                region
            };
        }
        return out;
    }, { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'fetchSourcesCaptureEndpoint', override: true });
    return () => captured;
}
/** RFC 3986 escaping (`!'()*` too), as SigV4's canonical forms want it. */
const escapeUri = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** RFC 3986 escaping of each key segment, as S3's canonical URI wants it. */
function escapeKey(key) {
    return key.split('/').map(escapeUri).join('/');
}
/** Node's crypto behind the hash interface the signer expects (the SDK's own wraps the same). */
class NodeSha256 {
    hash;
    constructor(secret) {
        this.hash = secret === undefined ? (0,external_node_crypto_.createHash)('sha256') : (0,external_node_crypto_.createHmac)('sha256', hmacKey(secret));
    }
    update(data) {
        this.hash.update(bytes(data));
    }
    digest() {
        return Promise.resolve(new Uint8Array(this.hash.digest()));
    }
    reset() {
        throw new Error('not resettable');
    }
}
/**
 * HMAC keys as KeyObjects, each made once: Node checks a raw key's type on every createHmac
 * (~8 µs here, against ~2 µs with a KeyObject), and the signer keys two HMACs per request with the
 * same secret and the same day's signing key.
 */
const hmacKeys = new Map();
function hmacKey(secret) {
    const raw = bytes(secret);
    const buffer = typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const id = buffer.toString('base64');
    let key = hmacKeys.get(id);
    if (!key) {
        if (hmacKeys.size >= 16)
            hmacKeys.clear();
        hmacKeys.set(id, (key = (0,external_node_crypto_.createSecretKey)(Buffer.from(buffer))));
    }
    return key;
}
function bytes(data) {
    if (typeof data === 'string')
        return data;
    if (data instanceof ArrayBuffer)
        return new Uint8Array(data);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
/** An S3 error answer with the shape of the SDK's (`name` = S3 code, `$metadata.httpStatusCode`). */
class S3HttpError extends Error {
    $metadata;
    retryAfterMs;
    constructor(status, code, message, retryAfter) {
        super(message || `HTTP ${status}`);
        this.name = code || `Http${status}`;
        this.$metadata = { httpStatusCode: status };
        const ms = (0,retry/* parseRetryAfter */.mu)(retryAfter);
        if (ms !== undefined)
            this.retryAfterMs = ms;
    }
}
async function leanGetter(credentials, endpoint, concurrency, idleMs) {
    const { SignatureV4 } = await __webpack_require__.e(/* import() */ 118).then(__webpack_require__.t.bind(__webpack_require__, 75118, 19));
    const signer = new SignatureV4({
        credentials,
        region: endpoint.region,
        service: 's3',
        sha256: NodeSha256,
        uriEscapePath: false,
        applyChecksum: false
    });
    const pool = new raw_http/* RawPool */.d({ protocol: endpoint.protocol, hostname: endpoint.hostname, ...(endpoint.port ? { port: endpoint.port } : {}) }, concurrency);
    const get = async (path, query, o) => {
        const headers = { host: endpoint.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
        if (o.range)
            headers.range = `bytes=${o.range[0]}-${o.range[1]}`;
        if (o.ifMatch)
            headers['if-match'] = o.ifMatch;
        if (o.requesterPays)
            headers['x-amz-request-payer'] = 'requester';
        const signed = await signer.sign({
            method: 'GET',
            protocol: endpoint.protocol,
            hostname: endpoint.hostname,
            ...(endpoint.port ? { port: endpoint.port } : {}),
            path,
            query,
            headers
        });
        // The query as signed: each name and value escaped as SigV4's canonical form escapes them.
        const search = Object.entries(query)
            .map(([k, v]) => `${escapeUri(k)}=${escapeUri(v)}`)
            .join('&');
        return send(pool, { path: search ? `${path}?${search}` : path, headers: signed.headers, signal: o.signal, idleMs });
    };
    return {
        get: (key, o) => get(`${endpoint.basePath}/${escapeKey(key)}`, {}, o),
        // Path style only (a direct listing is made only for those): the bucket is the base path.
        getBucket: (query, o) => get(endpoint.basePath || '/', query, o),
        destroy: () => pool.destroy()
    };
}
async function send(pool, o) {
    // No byte on the socket for idleMs before the answer: a stalled server, retried. From the
    // headers on, the body's own idle timer (streamToFile, listDirect) watches the transfer.
    const res = await pool.get({ ...o, timeoutError: () => new stream/* IdleTimeoutError */.o3(`no response for ${o.idleMs / 1000} s (timed out after ${o.idleMs} ms)`) });
    if (res.status === 200 || res.status === 206)
        return { body: res.body, headers: res.headers };
    const { code, message } = await readError(res.body, o.idleMs);
    throw new S3HttpError(res.status, code, message, res.headers['retry-after']);
}
/** S3's XML error body: `<Code>` and `<Message>` (the first 64 KiB; a body that fails names nothing). */
async function readError(body, idleMs) {
    const text = (await (0,stream/* readWhole */.oD)(body, idleMs, 65536).catch(() => Buffer.alloc(0))).toString('latin1');
    const tag = (name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1] ?? '';
    return { code: tag('Code'), message: tag('Message') };
}

;// CONCATENATED MODULE: ./src/fetchers/s3/list.ts

/**
 * ListObjectsV2 without the AWS SDK, for the stores whose every rule is in the connection: a
 * custom endpoint (MinIO, Ceph, R2, an emulator), path style, and keys from the secret. Then the
 * SDK has nothing to decide — no endpoint rules, region redirects or credential chain — and
 * loading it (~1.8 MB of code, ~35 MB of memory, ~100 ms) bought only a signed GET and an XML
 * parser. AWS itself, virtual-host style and the default credential chain keep the SDK.
 * FETCH_SOURCES_S3_SDK_GET=1 sends everything through the SDK, as before.
 */
function directEndpoint(location, env) {
    if (!location.endpoint || !location.forcePathStyle || !location.credentials || env.FETCH_SOURCES_S3_SDK_GET === '1')
        return undefined;
    let url;
    try {
        url = new URL(location.endpoint);
    }
    catch {
        return undefined;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.username || url.password)
        return undefined;
    const base = url.pathname.replace(/\/+$/, '');
    return {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        ...(url.port ? { port: Number(url.port) } : {}),
        host: url.host,
        basePath: `${base}/${location.bucket}`,
        region: location.region
    };
}
/** The five entities XML predefines and character references: what S3 escapes in a listing. */
function unescapeXml(text) {
    return text.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (whole, name, dec, hex) => {
        if (name)
            return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name];
        const code = dec !== undefined ? Number(dec) : parseInt(hex, 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
const tag = (xml, name) => {
    const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
    return m ? unescapeXml(m[1]) : undefined;
};
/** One page of a ListBucketResult: what the SDK's parser gives of it, and nothing else. */
function parseListing(xml) {
    const objects = [];
    for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const key = tag(m[1], 'Key');
        if (key === undefined)
            continue;
        objects.push({ key, size: Number(tag(m[1], 'Size') ?? 0), etag: tag(m[1], 'ETag') ?? '' });
    }
    // The page's own fields, wherever they are: outside every Contents (a key cannot fake one).
    const rest = xml.replace(/<Contents>[\s\S]*?<\/Contents>/g, '');
    const next = tag(rest, 'NextContinuationToken');
    return { objects, truncated: tag(rest, 'IsTruncated') === 'true', ...(next ? { next } : {}) };
}
/**
 * One ListObjectsV2 page through the lean getter's signed GET. Bounded as the SDK bounds it: the
 * getter waits `idleMs` for the answer's headers, then no byte of the body for `idleMs` fails the
 * page (retried).
 */
async function listDirect(getter, o) {
    const query = { 'list-type': '2' };
    if (o.prefix)
        query.prefix = o.prefix;
    if (o.token)
        query['continuation-token'] = o.token;
    const res = await getter.getBucket(query, { signal: o.signal, requesterPays: o.requesterPays });
    return parseListing((await (0,stream/* readWhole */.oD)(res.body, o.idleMs)).toString('utf8'));
}

;// CONCATENATED MODULE: ./src/fetchers/s3/sdk.ts


/**
 * The SDK client for the listing (credentials, endpoint rules, path or virtual-host style,
 * region redirects). Object GETs skip its middleware once the listing showed where and how to
 * sign (get.ts), unless FETCH_SOURCES_S3_SDK_GET=1.
 */
async function sdkTransport(location, tuning, concurrency, env) {
    const client = await createS3Client(location, tuning, concurrency);
    const endpointOf = captureEndpoint(client);
    const { GetObjectCommand, ListObjectsV2Command } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 53711, 19));
    const requester = location.requesterPays ? { RequestPayer: 'requester' } : {};
    // Made once, at the first GET, which always follows the listing.
    let lean;
    return {
        // The client's own request and socket timeouts bound every call.
        timesOut: true,
        async list(prefix, token, signal) {
            const page = await client.send(new ListObjectsV2Command({ Bucket: location.bucket, Prefix: prefix || undefined, ContinuationToken: token, ...requester }), {
                abortSignal: signal
            });
            const objects = (page.Contents ?? []).filter((o) => o.Key !== undefined).map((o) => ({ key: o.Key, size: o.Size ?? 0, etag: o.ETag ?? '' }));
            return { objects, ...(page.IsTruncated && page.NextContinuationToken ? { next: page.NextContinuationToken } : {}) };
        },
        lean: () => (lean ??= (async () => {
            const endpoint = env.FETCH_SOURCES_S3_SDK_GET === '1' ? undefined : endpointOf();
            return endpoint ? leanGetter(client.config.credentials, endpoint, concurrency, tuning.idleMs) : undefined;
        })()),
        async sdkGet(key, range, signal) {
            const res = await client.send(new GetObjectCommand({
                Bucket: location.bucket,
                Key: key,
                ...(range ? { Range: `bytes=${range.start}-${range.end}`, IfMatch: `"${range.etag}"` } : {}),
                ...requester
            }), { abortSignal: signal });
            return { body: res.Body, sseVoidsMd5: Boolean(res.SSECustomerAlgorithm || res.ServerSideEncryption?.startsWith('aws:kms')) };
        },
        async destroy() {
            ;
            (await lean?.catch(() => undefined))?.destroy();
            client.destroy();
        }
    };
}

;// CONCATENATED MODULE: ./src/fetchers/s3/fetch.ts







const unquote = (etag) => (etag ?? '').replace(/^"|"$/g, '');
/** `s3` and `oci` (through OCI's S3-compatible API) share everything but the location. */
async function fetchS3Compatible(source, ctx) {
    const location = resolveS3Location(source, ctx.options);
    const tuning = (0,shared_tuning/* tuningFor */.x)(ctx.options.env, source.timeout);
    const direct = directEndpoint(location, ctx.options.env);
    const transport = direct
        ? directTransport(location, direct, tuning, ctx.options.concurrency)
        : await sdkTransport(location, tuning, ctx.options.concurrency, ctx.options.env);
    const store = {
        noun: 'keys',
        timesOut: transport.timesOut,
        async list(prefix, token, signal) {
            const page = await transport.list(prefix, token, signal);
            const objects = page.objects.map((o) => {
                const item = { key: o.key, size: o.size, etag: unquote(o.etag) };
                return { key: item.key, size: item.size, version: item.etag, item };
            });
            return { objects, ...(page.next ? { next: page.next } : {}) };
        },
        // A single-part upload's ETag is the MD5 of its bytes; a multipart one ("…-N") is not.
        expected: (o) => ({ size: o.size, ...(/^[0-9a-f]{32}$/i.test(o.etag) ? { md5: o.etag } : {}) }),
        label: (o) => `${location.bucket}/${o.key}`,
        explain: (error) => explainS3Error(error, source, location),
        async open(o, range, signal, expected) {
            try {
                const getter = await transport.lean();
                if (getter) {
                    const res = await getter.get(o.key, {
                        signal,
                        ...(range ? { range: [range.start, range.end], ifMatch: `"${o.etag}"` } : {}),
                        requesterPays: location.requesterPays
                    });
                    const sse = String(res.headers['x-amz-server-side-encryption'] ?? '');
                    if (res.headers['x-amz-server-side-encryption-customer-algorithm'] || sse.startsWith('aws:kms'))
                        delete expected.md5;
                    return res.body;
                }
                const res = await transport.sdkGet(o.key, range ? { ...range, etag: o.etag } : undefined, signal);
                // With SSE-KMS or SSE-C the ETag is not an MD5 of the bytes (the Verifier reads this object).
                if (res.sseVoidsMd5)
                    delete expected.md5;
                return res.body;
            }
            catch (error) {
                throw explainS3Error(error, source, location, o.key);
            }
        }
    };
    try {
        const landed = await (0,bucket/* fetchBucket */.$)(store, {
            source,
            prefix: location.prefix,
            tuning,
            empty: `no objects under ${source.uri}: check the bucket, the prefix and the endpoint`,
            ctx
        });
        return { url: source.uri, ...landed };
    }
    finally {
        await transport.destroy();
    }
}
/** Listing and GETs signed here, for a store the connection describes whole (list.ts says when). */
function directTransport(location, endpoint, tuning, concurrency) {
    const getter = leanGetter(location.credentials, endpoint, concurrency, tuning.idleMs);
    // Observed: a failure is thrown by the first call that awaits it.
    getter.catch(() => undefined);
    return {
        // Each call bounds its own wait, as the SDK client's do (listDirect).
        timesOut: true,
        list: async (prefix, token, signal) => {
            const page = await listDirect(await getter, { prefix, token, requesterPays: location.requesterPays, signal, idleMs: tuning.idleMs });
            return { objects: page.objects, ...(page.truncated && page.next ? { next: page.next } : {}) };
        },
        lean: () => getter,
        async destroy() {
            ;
            (await getter.catch(() => undefined))?.destroy();
        }
    };
}


/***/ })

};
