export const id = 328;
export const ids = [328];
export const modules = {

/***/ 45328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DIALECTS: () => (/* binding */ DIALECTS),
  detectDialect: () => (/* binding */ detectDialect),
  translate: () => (/* binding */ translate)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/util/suggest.ts
var suggest = __webpack_require__(37406);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(51843);
// EXTERNAL MODULE: ./src/util/urls.ts
var urls = __webpack_require__(59812);
// EXTERNAL MODULE: ./src/runspec/issues.ts
var issues = __webpack_require__(92204);
;// CONCATENATED MODULE: ./src/runspec/dialects/common.ts

/**
 * Helpers the seed dialects share. Their files speak of container paths (`/opt/repositories`,
 * `/code`); on a runner the workspace plays the container's root, so an absolute path is read
 * relative to it.
 */
/** `/opt/repos/` → `opt/repos`; `/` and `.` → `''` (the workspace itself). */
function workspaceRelative(p) {
    const normal = external_node_path_.posix.normalize(p.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '');
    return normal === '.' ? '' : normal;
}
/** Joins workspace-relative segments, dropping empty ones. */
function joinRelative(...parts) {
    return parts.filter((p) => p !== '').join('/');
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function emptyTranslation(dialect, detectedBy) {
    return { dialect, detectedBy, connections: [], sources: [], exposeConnections: [], warnings: [] };
}
/** Per set of taken names, the first suffix of each base not yet known to be taken. */
const nextSuffix = new WeakMap();
/**
 * A unique source name: `base`, else `base-2`, `base-3`… (a connection may be used twice). The
 * set only grows, so the search resumes where the last one for `base` stopped: counting up from
 * 2 each time made 20,000 entries of one connection take 14 s.
 */
function uniqueName(base, taken) {
    let next = nextSuffix.get(taken);
    if (!next)
        nextSuffix.set(taken, (next = new Map()));
    let name = base;
    for (let i = next.get(base) ?? 2; taken.has(name); i++) {
        name = `${base}-${i}`;
        next.set(base, i + 1);
    }
    taken.add(name);
    return name;
}

;// CONCATENATED MODULE: ./src/runspec/dialects/ads.ts





/**
 * Oracle ADS job runtimes that fetch their code at start: `type: git` (and the `gitPython`
 * runtime's spelling) and `type: remote` (OCI Object Storage). Infrastructure, conda, args and the
 * rest of a job are about running it, which later workflow steps do: tolerated, ignored.
 */
/** Where ADS puts the code inside its container; absolute entry points are read against it. */
const ADS_CODE_ROOT = '/code';
const envSchema = schemas/* array */.YOg(schemas/* looseObject */._H3({ name: schemas/* string */.YjP().min(1), value: schemas/* unknown */.L5J().optional() }));
const runtimeSpecSchema = schemas/* looseObject */._H3({
    uri: schemas/* string */.YjP().min(1).optional(),
    url: schemas/* string */.YjP().min(1).optional(),
    branch: schemas/* string */.YjP().min(1).optional(),
    commit: schemas/* string */.YjP().min(1).optional(),
    gitSecretId: schemas/* string */.YjP().min(1).optional(),
    entryPoint: schemas/* string */.YjP().min(1).optional(),
    entrypoint: schemas/* string */.YjP().min(1).optional(),
    codeDir: schemas/* string */.YjP().min(1).optional(),
    env: envSchema.optional()
});
const runtimeSchema = schemas/* strictObject */.rej({
    apiVersion: schemas/* string */.YjP().optional(),
    kind: schemas/* string */.YjP().optional(),
    type: schemas/* string */.YjP().min(1),
    // Optional here so that a misspelt `spec` is reported as such, not as a missing one.
    spec: runtimeSpecSchema.optional()
});
const topSchema = schemas/* looseObject */._H3({
    dialect: schemas/* literal */.euz('ads').optional(),
    kind: schemas/* string */.YjP().optional(),
    runtime: schemas/* unknown */.L5J().optional(),
    spec: schemas/* looseObject */._H3({ runtime: schemas/* unknown */.L5J().optional() }).optional()
});
const SUPPORTED = 'git (or gitPython) and remote';
function translateAds({ doc, value, errors, detectedBy }) {
    const top = (0,issues/* collect */.Fo)(topSchema, value, doc, [], errors);
    if (!top)
        return undefined;
    const base = top.runtime !== undefined ? ['runtime'] : ['spec', 'runtime'];
    const raw = top.runtime ?? top.spec?.runtime;
    if (raw === undefined) {
        errors.push(doc.error('an ADS spec needs `runtime:` (or `kind: job` with `spec.runtime`)', []));
        return undefined;
    }
    const parsed = (0,issues/* collect */.Fo)(runtimeSchema, raw, doc, base, errors);
    if (!parsed)
        return undefined;
    const rt = parsed;
    if (!rt.spec) {
        errors.push(doc.error('the runtime needs `spec:` with the `uri` to fetch', base));
        return undefined;
    }
    const spec = rt.spec;
    const at = (...sub) => [...base, 'spec', ...sub];
    const type = rt.type === 'gitPython' ? 'git' : rt.type;
    if (type !== 'git' && type !== 'remote') {
        errors.push(doc.error(`runtime type "${rt.type}" has no code to fetch: the supported types are ${SUPPORTED}`, [...base, 'type']));
        return undefined;
    }
    // The two spellings (python runtime `uri`/`entryPoint`, gitPython `url`/`entrypoint`).
    const pick = (a, b) => {
        if (spec[a] !== undefined && spec[b] !== undefined)
            errors.push(doc.error(`give either \`${a}\` or \`${b}\`, not both`, at(b)));
        return spec[a] !== undefined ? { value: spec[a], key: a } : { value: spec[b], key: b };
    };
    const uri = pick('uri', 'url');
    const entry = pick('entryPoint', 'entrypoint');
    if (!uri.value) {
        errors.push(doc.error(`runtime.spec needs \`uri\` (the ${type === 'git' ? 'git repository' : 'oci://bucket@namespace/prefix'} to fetch)`, at()));
        return undefined;
    }
    const codeDir = workspaceRelative(spec.codeDir ?? 'code');
    if (!codeDir) {
        errors.push(doc.error('`codeDir` must be a directory inside the workspace, not its root', at('codeDir')));
        return undefined;
    }
    const t = emptyTranslation('ads', detectedBy);
    let fetched = '';
    let draft;
    if (type === 'git') {
        if (spec.gitSecretId !== undefined && !/^(ssh:\/\/|[^/:@]+@[^/:]+:)/.test(uri.value)) {
            t.warnings.push(doc.error('`gitSecretId` holds an SSH key, but `uri` is not an ssh URL: the key is offered as the secret of an https clone instead', at(uri.key)));
        }
        const proxy = proxyOf(spec.env);
        draft = {
            name: 'code',
            kind: 'git',
            url: uri.value,
            path: codeDir,
            primary: true,
            // A commit is exact; the branch then only says where it came from.
            ...((spec.commit ?? spec.branch) ? { git: { revision: (spec.commit ?? spec.branch) } } : {}),
            ...(spec.gitSecretId ? { secret: { name: spec.gitSecretId } } : {}),
            ...(proxy ? { proxy } : {})
        };
    }
    else {
        const m = /^oci:\/\/([^@/]+)@([^/]+)(\/.*)?$/.exec(uri.value);
        if (!m) {
            errors.push(doc.error(`"${(0,urls/* publicUrl */.x6)(uri.value)}" is not an Object Storage URI: write oci://bucket@namespace/prefix`, at(uri.key)));
            return undefined;
        }
        const [, bucket, namespace, rest = ''] = m;
        const key = rest.replace(/^\/+/, '');
        const root = `oci://${bucket}@${namespace}/`;
        // ADS asks the service whether the URI is one object (it lands as that file in /code) or a
        // prefix (it lands as a directory of its name); so does the fetch, from the listing.
        draft = { name: 'code', kind: 'oci', url: root + key, path: codeDir, primary: true, ...(key ? { prefixAsDirectory: true } : {}) };
        fetched = key;
        if (spec.gitSecretId || spec.branch || spec.commit) {
            const k = spec.gitSecretId ? 'gitSecretId' : spec.branch ? 'branch' : 'commit';
            t.warnings.push(doc.error(`\`${k}\` ignored: it applies to git runtimes, not remote`, at(k)));
        }
    }
    t.sources.push({ value: draft, doc, path: [...base, 'spec'] });
    if (entry.value !== undefined) {
        const rel = entrypointRelative(entry.value, type, fetched);
        if ('error' in rel)
            errors.push(doc.error(rel.error, at(entry.key)));
        else
            t.entrypoint = { value: rel.path, doc, path: at(entry.key) };
    }
    return errors.length ? undefined : t;
}
/**
 * The entry point relative to codeDir, the source's destination. ADS runs from `/code`: an
 * absolute `/code/x` is `x` under codeDir; a relative one is relative to the repository root
 * (git) or to codeDir (remote), where the fetched object is, or the fetched prefix's directory.
 */
function entrypointRelative(entry, type, key) {
    let inCodeDir;
    if (entry.startsWith('/')) {
        const rel = external_node_path_.posix.relative(ADS_CODE_ROOT, external_node_path_.posix.normalize(entry));
        if (rel === '' || rel.startsWith('..'))
            return { error: `entry point "${entry}" is outside ${ADS_CODE_ROOT}, where ADS puts the code: use a path under ${ADS_CODE_ROOT}/ or a relative one` };
        inCodeDir = rel;
    }
    else {
        inCodeDir = external_node_path_.posix.normalize(entry);
    }
    if (inCodeDir === '.' || inCodeDir === '..' || inCodeDir.startsWith('../')) {
        return { error: `entry point "${entry}" is not inside ${type === 'git' ? 'the repository' : 'the fetched code'}` };
    }
    // A remote key `…/app` is the object `app` or the prefix `app/`; `…/app/` only the prefix.
    const last = key.replace(/\/+$/, '').split('/').pop() ?? '';
    const inside = !last || inCodeDir.startsWith(`${last}/`) || (!key.endsWith('/') && inCodeDir === last);
    if (type === 'remote' && !inside)
        return { error: `entry point "${entry}" is not inside the fetched prefix (${last})` };
    return { path: inCodeDir };
}
/** ADS honours these in the job's environment for the clone; so do we, for this source only. */
function proxyOf(env) {
    const get = (name) => {
        const e = env?.find((v) => v.name === name || v.name === name.toUpperCase());
        return typeof e?.value === 'string' && e.value ? e.value : undefined;
    };
    const proxy = {};
    const ssh = get('ssh_proxy');
    const http = get('http_proxy');
    const https = get('https_proxy');
    const noProxy = get('no_proxy');
    if (ssh)
        proxy.ssh = ssh;
    if (http)
        proxy.http = http;
    if (https)
        proxy.https = https;
    if (noProxy)
        proxy.noProxy = noProxy;
    return Object.keys(proxy).length ? proxy : undefined;
}
const ads = {
    name: 'ads',
    expects: '`runtime:` (or `kind: job` with `spec.runtime`) of type git, gitPython or remote',
    shape: (v) => {
        if (isRecord(v.runtime))
            return 'runtime';
        if (v.kind === 'job' && isRecord(v.spec) && isRecord(v.spec.runtime))
            return 'kind: job, spec.runtime';
        return undefined;
    },
    translate: translateAds
};

;// CONCATENATED MODULE: ./src/runspec/dialects/gradient.ts



/**
 * Paperspace Gradient deployment specs: only `repositories:` is read. The rest of a deployment
 * (image, port, replicas, resources, env, models, …) describes the running service, which is not
 * ours to start, so it is ignored without a word.
 */
const repositorySchema = schemas/* strictObject */.rej({
    url: schemas/* string */.YjP().min(1),
    name: schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'is the directory name under mountPath: use letters, digits, ".", "_" and "-"'),
    ref: schemas/* string */.YjP().min(1).optional(),
    username: schemas/* string */.YjP().min(1).optional(),
    // Checked by hand: a schema error would quote the value, which may be the password itself.
    password: schemas/* unknown */.L5J().optional()
});
const repositoriesSchema = schemas/* strictObject */.rej({
    dataset: schemas/* string */.YjP().optional(),
    mountPath: schemas/* string */.YjP().min(1),
    repositories: schemas/* array */.YOg(schemas/* unknown */.L5J()).min(1, 'list at least one repository')
});
const gradient_topSchema = schemas/* looseObject */._H3({
    dialect: schemas/* literal */.euz('gradient').optional(),
    repositories: schemas/* unknown */.L5J()
});
/** `secret:NAME`, any case of the prefix, as Gradient reads it. */
const SECRET_REF = /^secret:(.+)$/i;
function translateGradient({ doc, value, errors, detectedBy }) {
    const top = (0,issues/* collect */.Fo)(gradient_topSchema, value, doc, [], errors);
    if (!top)
        return undefined;
    const block = (0,issues/* collect */.Fo)(repositoriesSchema, top.repositories, doc, ['repositories'], errors);
    if (!block)
        return undefined;
    const t = emptyTranslation('gradient', detectedBy);
    const { dataset, mountPath } = block;
    if (dataset !== undefined) {
        t.warnings.push(doc.error('`dataset` ignored: Gradient clones into a dataset and mounts it; on a runner the repositories are cloned straight into the workspace', ['repositories'], 'dataset'));
    }
    // Gradient refuses the root and the working directory as mount points; so do we, and any other
    // spelling of them would mean "the workspace itself".
    const root = workspaceRelative(mountPath);
    if (mountPath.trim() === '/' || mountPath.trim() === '.' || root === '') {
        errors.push(doc.error(`mountPath "${mountPath}" is not allowed (Gradient rejects / and . too): mount the repositories in a directory such as /opt/repos`, [
            'repositories',
            'mountPath'
        ]));
    }
    const names = new Set();
    block.repositories.forEach((raw, i) => {
        const at = ['repositories', 'repositories', i];
        const r = (0,issues/* collect */.Fo)(repositorySchema, raw, doc, at, errors);
        if (!r)
            return;
        if (names.has(r.name))
            return void errors.push(doc.error(`repository name "${r.name}" is used twice: each repository needs its own directory under mountPath`, [...at, 'name']));
        uniqueName(r.name, names);
        const draft = { name: r.name, kind: 'git', url: r.url, path: `${root}/${r.name}`, ...(r.ref ? { git: { revision: r.ref } } : {}) };
        if (r.password !== undefined) {
            const m = typeof r.password === 'string' ? SECRET_REF.exec(r.password.trim()) : null;
            // Never quote the value: it may be the password itself.
            if (!m || !m[1].trim()) {
                return void errors.push(doc.error('password must reference a secret as `secret:NAME`, never the password itself (Gradient requires this too): store it as a GitHub secret and pass it through the `secrets` input', [...at, 'password']));
            }
            draft.secret = { name: m[1].trim() };
            if (r.username !== undefined)
                draft.username = r.username;
        }
        else if (r.username !== undefined) {
            t.warnings.push(doc.error('`username` ignored: it is only used with a `password`', at, 'username'));
        }
        t.sources.push({ value: draft, doc, path: at });
    });
    return errors.length ? undefined : t;
}
const gradient = {
    name: 'gradient',
    expects: '`repositories:` with `mountPath` and a list of repositories',
    shape: (v) => (isRecord(v.repositories) ? 'repositories' : undefined),
    translate: translateGradient
};

// EXTERNAL MODULE: ./src/runspec/schema.ts
var runspec_schema = __webpack_require__(80651);
;// CONCATENATED MODULE: ./src/runspec/dialects/native.ts


/** `version: 1` specs: already the native model; only validated and located. */
const native_native = {
    name: 'native',
    expects: '`version: 1` with `sources:`',
    // A wrong `version` still reads as native, so the version error is the one reported.
    shape: (v) => ('sources' in v && ('version' in v || !('kind' in v)) ? 'version: 1' : undefined),
    translate({ doc, value, errors, detectedBy, kinds }) {
        const top = (0,issues/* collect */.Fo)(runspec_schema/* nativeSpecSchema */.m9, value, doc, [], errors);
        if (!top)
            return undefined;
        const schema = (0,runspec_schema/* sourceSchema */.dr)(kinds);
        const sources = [];
        top.sources.forEach((raw, i) => {
            const parsed = (0,issues/* collect */.Fo)(schema, raw, doc, ['sources', i], errors);
            if (parsed)
                sources.push({ value: parsed, doc, path: ['sources', i] });
        });
        const t = {
            dialect: 'native',
            detectedBy,
            connections: (top.connections ?? []).map((v, i) => ({ value: v, doc, path: ['connections', i] })),
            sources,
            exposeConnections: [],
            warnings: []
        };
        if (top.artifactsStore !== undefined)
            t.artifactsStore = { value: top.artifactsStore, doc, path: ['artifactsStore'] };
        if (top.entrypoint !== undefined)
            t.entrypoint = { value: top.entrypoint, doc, path: ['entrypoint'] };
        return t;
    }
};

;// CONCATENATED MODULE: ./src/runspec/dialects/polyaxon.ts





/**
 * Polyaxon polyaxonfiles (v1 components and operations, and the older `kind: experiment`).
 * Only what decides which code and data land where is read: `run.init`, `params` with
 * `connection` + `toInit`, `run.connections`, `build.commit` and an inline catalog. Everything
 * else in a polyaxonfile (container, environment, resources, hooks, …) is about running the job,
 * which the workflow's later steps do, so it is tolerated and ignored.
 */
const gitSchema = schemas/* strictObject */.rej({
    url: schemas/* string */.YjP().min(1).optional(),
    revision: schemas/* string */.YjP().min(1).optional(),
    flags: schemas/* array */.YOg(schemas/* string */.YjP()).optional()
});
/** Init types that only mean something inside a Polyaxon deployment: refused with the reason. */
const REFUSED_INIT = {
    dockerfile: 'generates a Dockerfile inside the Polyaxon pod; build images in a workflow step (e.g. docker/build-push-action)',
    file: 'writes an inline file inside the Polyaxon pod; write it in a workflow step instead',
    tensorboard: "prepares TensorBoard logs of Polyaxon runs, which exist only in a Polyaxon deployment's artifacts",
    lineageRef: "refers to Polyaxon's lineage, which exists only in a Polyaxon deployment",
    modelRef: "refers to Polyaxon's model registry, which exists only in a Polyaxon deployment",
    artifactRef: "refers to Polyaxon's artifact registry, which exists only in a Polyaxon deployment"
};
const initSchema = schemas/* strictObject */.rej({
    connection: schemas/* string */.YjP().min(1).optional(),
    git: gitSchema.optional(),
    artifacts: runspec_schema/* artifactsSchema */.$Y.optional(),
    paths: runspec_schema/* pathsSchema */.kj.optional(),
    path: schemas/* string */.YjP().min(1).optional(),
    container: schemas/* unknown */.L5J().optional(),
    ...Object.fromEntries(Object.keys(REFUSED_INIT).map((k) => [k, schemas/* unknown */.L5J().optional()]))
});
const runSchema = schemas/* looseObject */._H3({
    kind: schemas/* string */.YjP().optional(),
    init: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    connections: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).optional(),
    container: schemas/* unknown */.L5J().optional()
});
const paramSchema = schemas/* looseObject */._H3({
    connection: schemas/* string */.YjP().min(1).optional(),
    toInit: schemas/* boolean */.zMY().optional(),
    /** The spelling in Polyaxon's git connection docs. */
    init: schemas/* boolean */.zMY().optional(),
    value: schemas/* unknown */.L5J().optional()
});
/** A param's `value` when it is initialized: git options or an artifacts selection. */
const paramValueSchema = schemas/* strictObject */.rej({
    url: schemas/* string */.YjP().min(1).optional(),
    revision: schemas/* string */.YjP().min(1).optional(),
    flags: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    files: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).optional(),
    dirs: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).optional()
});
const polyaxon_topSchema = schemas/* looseObject */._H3({
    dialect: schemas/* literal */.euz('polyaxon').optional(),
    version: schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]).optional(),
    kind: schemas/* enum */.k5n(['component', 'operation', 'experiment']).optional(),
    run: schemas/* unknown */.L5J().optional(),
    component: schemas/* unknown */.L5J().optional(),
    params: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    build: schemas/* looseObject */._H3({ commit: schemas/* string */.YjP().min(1).optional() }).optional(),
    connections: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    artifactsStore: schemas/* unknown */.L5J().optional()
});
function translatePolyaxon({ doc, value, errors, detectedBy }) {
    const top = (0,issues/* collect */.Fo)(polyaxon_topSchema, value, doc, [], errors);
    if (!top)
        return undefined;
    const t = emptyTranslation('polyaxon', detectedBy);
    const ctx = { doc, errors, t, names: new Set(), ...(top.build?.commit ? { buildCommit: top.build.commit } : {}) };
    t.connections = (top.connections ?? []).map((v, i) => ({ value: v, doc, path: ['connections', i] }));
    if (top.artifactsStore !== undefined)
        t.artifactsStore = { value: top.artifactsStore, doc, path: ['artifactsStore'] };
    // An operation may carry its component inline; a hub/path/url reference cannot be resolved here.
    let runPath = ['run'];
    let run = top.run;
    if (run === undefined && isRecord(top.component)) {
        runPath = ['component', 'run'];
        run = top.component.run;
    }
    let params = top.params;
    // Polyaxon's git docs show `params: {kind: job, init: [...]}` where `run:` is meant.
    if (run === undefined && params && Array.isArray(params.init) && typeof params.kind === 'string') {
        t.warnings.push(doc.error("`params` holds `kind` and `init` like a `run:` block (as in Polyaxon's git connection docs): read as `run:`", ['params']));
        run = params;
        runPath = ['params'];
        params = undefined;
    }
    if (run !== undefined && run !== null) {
        const parsed = (0,issues/* collect */.Fo)(runSchema, run, doc, runPath, errors);
        if (parsed && parsed.kind !== undefined && parsed.kind !== 'job' && parsed.kind !== 'service') {
            // dags, distributed jobs and tuners run many containers, each with its own init: not one checkout.
            errors.push(doc.error(`run.kind "${parsed.kind}" is not supported: only job and service runs have one set of init entries to reproduce`, [...runPath, 'kind']));
        }
        else if (parsed) {
            parsed.init?.forEach((raw, i) => {
                const entry = (0,issues/* collect */.Fo)(initSchema, raw, doc, [...runPath, 'init', i], errors);
                if (entry)
                    addInit(ctx, entry, [...runPath, 'init', i]);
            });
            t.exposeConnections = parsed.connections ?? [];
        }
    }
    for (const [name, raw] of Object.entries(params ?? {}))
        addParam(ctx, name, raw);
    if (t.sources.length === 0 && t.exposeConnections.length === 0 && errors.length === 0) {
        const refs = ['hubRef', 'pathRef', 'urlRef', 'dagRef'].filter((k) => isRecord(value) && k in value);
        errors.push(doc.error(refs.length
            ? `this operation refers to its component with \`${refs[0]}\`, which is resolved by a Polyaxon deployment: inline the component under \`component:\``
            : 'nothing to fetch: list sources as `run.init` entries (`connection`, `git`, `artifacts`, `paths`) or as `params` with `connection` and `toInit: true`', refs.length ? [] : run !== undefined ? runPath : []));
    }
    return errors.length ? undefined : t;
}
/** A `params` entry with a connection (or an artifacts value) and `toInit`/`init: true` is an init. */
function addParam(ctx, name, raw) {
    if (!isRecord(raw))
        return; // a plain value param: an input of the container, nothing to fetch
    const at = ['params', name];
    const p = (0,issues/* collect */.Fo)(paramSchema, raw, ctx.doc, at, ctx.errors);
    if (!p)
        return;
    if (!(p.toInit || p.init))
        return; // exposed to the container, not initialized: nothing to fetch
    const v = p.value === undefined || p.value === null ? {} : p.value;
    const value = (0,issues/* collect */.Fo)(paramValueSchema, v, ctx.doc, [...at, 'value'], ctx.errors);
    if (!value)
        return;
    const { url, revision, flags, files, dirs } = value;
    const isGit = url !== undefined || revision !== undefined || flags !== undefined;
    if (isGit && (files || dirs))
        return void ctx.errors.push(ctx.doc.error('a param value is either git options (url, revision, flags) or an artifacts selection (files, dirs), not both', [...at, 'value']));
    if (!p.connection && !files && !dirs && !url) {
        return void ctx.errors.push(ctx.doc.error(`param "${name}" has \`toInit\` but nothing to initialize: add \`connection: <name>\``, at));
    }
    const entry = {
        ...(p.connection ? { connection: p.connection } : {}),
        ...(isGit ? { git: { ...(url ? { url } : {}), ...(revision ? { revision } : {}), ...(flags ? { flags } : {}) } } : {}),
        ...(files || dirs ? { artifacts: { ...(files ? { files } : {}), ...(dirs ? { dirs } : {}) } } : {})
    };
    addInit(ctx, entry, at, name);
}
function addInit(ctx, e, at, sourceName) {
    const { doc, errors, t } = ctx;
    for (const key of Object.keys(REFUSED_INIT)) {
        if (e[key] !== undefined)
            return void errors.push(doc.error(`init \`${key}\` is not supported: it ${REFUSED_INIT[key]}`, at, key));
    }
    if (e.container !== undefined) {
        t.warnings.push(doc.error('`container:` ignored: a custom init container cannot run on a GitHub runner; the connection is fetched by fetch-sources itself (post-process it in a later step)', at, 'container'));
    }
    if (e.git && (e.artifacts || e.paths))
        return void errors.push(doc.error('an init entry is either `git` or `artifacts`/`paths`, not both: split it in two', at, 'git'));
    if (e.git && !e.git.url && !e.connection) {
        return void errors.push(doc.error('a git init needs a `connection` or `git.url` (Polyaxon refuses it too): name a git connection or give `git: {url: …}`', at, 'git'));
    }
    if (!e.connection && !e.git && !e.artifacts && !e.paths) {
        return void errors.push(doc.error('an init entry needs a `connection`, `git: {url: …}`, `artifacts` or `paths`', at));
    }
    // Polyaxon clones and downloads into `<path>/<connection name>`; without a path, the runner's
    // equivalent of its context root is the workspace itself. Artifacts-store entries land at the
    // artifacts root, `path` or `artifacts`.
    const root = e.path !== undefined ? workspaceRelative(e.path) : '';
    const base = e.connection ?? (e.git?.url ? (0,urls/* nameFromUrl */.pB)(e.git.url) : undefined);
    const dest = base !== undefined ? joinRelative(root, base) : root || 'artifacts';
    const draft = {
        name: uniqueName(sourceName ?? base ?? 'artifacts', ctx.names),
        path: dest,
        ...(e.connection ? { connection: e.connection } : {}),
        ...(e.git ? { git: e.git } : {}),
        ...(e.artifacts ? { artifacts: e.artifacts } : {}),
        ...(e.paths ? { paths: e.paths } : {}),
        ...(ctx.buildCommit && !e.git?.revision ? { defaultRevision: ctx.buildCommit } : {})
    };
    t.sources.push({ value: draft, doc, path: at });
}
const polyaxon = {
    name: 'polyaxon',
    expects: '`kind: component|operation|experiment`, or `run:` with `init`/`connections`, or `params` with `connection` + `toInit`',
    shape: (v) => {
        const run = isRecord(v.run) ? v.run : isRecord(v.component) && isRecord(v.component.run) ? v.component.run : undefined;
        const params = isRecord(v.params) ? v.params : undefined;
        const initParams = params && Object.values(params).some((p) => isRecord(p) && 'connection' in p && (p.toInit === true || p.init === true));
        if (run?.init)
            return 'run.init';
        if (initParams)
            return 'params';
        if (params && Array.isArray(params.init))
            return 'params.init';
        if (run?.connections)
            return 'run.connections';
        if (typeof v.kind === 'string' && ['component', 'operation', 'experiment'].includes(v.kind))
            return `kind: ${v.kind}`;
        return undefined;
    },
    translate: translatePolyaxon
};

;// CONCATENATED MODULE: ./src/runspec/dialects/zenml.ts



/**
 * ZenML code references: a registered `code_repository` (the options of `zenml code-repository
 * register`) plus the `commit` and `subdirectory` a pipeline run recorded. ZenML downloads that
 * commit's `subdirectory` before the step runs; we fetch it into `path` (default `code`).
 */
const repoSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1).optional(),
    type: schemas/* string */.YjP().min(1),
    description: schemas/* string */.YjP().optional(),
    logo_url: schemas/* string */.YjP().optional(),
    // github
    owner: schemas/* string */.YjP().min(1).optional(),
    repository: schemas/* string */.YjP().min(1).optional(),
    api_url: schemas/* string */.YjP().min(1).optional(),
    // gitlab
    group: schemas/* string */.YjP().min(1).optional(),
    project: schemas/* string */.YjP().min(1).optional(),
    instance_url: schemas/* string */.YjP().min(1).optional(),
    // both
    host: schemas/* string */.YjP().min(1).optional(),
    // Checked by hand: a schema error would quote the value, which may be the token itself.
    token: schemas/* unknown */.L5J().optional(),
    // custom
    source: schemas/* string */.YjP().optional()
});
const zenml_topSchema = schemas/* strictObject */.rej({
    dialect: schemas/* literal */.euz('zenml').optional(),
    code_repository: schemas/* unknown */.L5J(),
    commit: schemas/* string */.YjP().regex(/^[0-9a-fA-F]{4,40}$/, 'must be a commit SHA: ZenML pins every run to the commit it recorded'),
    subdirectory: schemas/* string */.YjP().min(1).optional(),
    path: schemas/* string */.YjP().min(1).optional()
});
/** `{{ name }}` or `{{ name.key }}`: ZenML's secret reference syntax. */
const zenml_SECRET_REF = /^\{\{\s*([A-Za-z0-9_.-]+?)(?:\.([A-Za-z0-9_-]+))?\s*\}\}$/;
const FIELDS = { github: ['owner', 'repository', 'api_url'], gitlab: ['group', 'project', 'instance_url'] };
function translateZenml({ doc, value, errors, detectedBy }) {
    const top = (0,issues/* collect */.Fo)(zenml_topSchema, value, doc, [], errors);
    if (!top)
        return undefined;
    const repo = (0,issues/* collect */.Fo)(repoSchema, top.code_repository, doc, ['code_repository'], errors);
    if (!repo)
        return undefined;
    const r = repo;
    if (r.type !== 'github' && r.type !== 'gitlab') {
        const custom = r.type === 'custom';
        errors.push(doc.error(`${custom ? 'a custom code repository runs your own Python class (`source`), which cannot run here' : `code repository type "${r.type}" is not known`}: ` +
            'the supported types are github (owner, repository, host, api_url) and gitlab (group, project, host, instance_url); for another git host use a native spec with `kind: git`', ['code_repository', 'type']));
        return undefined;
    }
    const type = r.type;
    const other = type === 'github' ? 'gitlab' : 'github';
    for (const key of [...FIELDS[other], 'source']) {
        if (r[key] !== undefined)
            errors.push(doc.error(`\`${key}\` does not apply to a ${type} code repository`, ['code_repository'], key));
    }
    const [ownerKey, repoKey] = FIELDS[type];
    for (const key of [ownerKey, repoKey]) {
        if (r[key] === undefined)
            errors.push(doc.error(`a ${type} code repository needs \`${key}\``, ['code_repository']));
    }
    let secret;
    if (r.token !== undefined) {
        const m = typeof r.token === 'string' ? zenml_SECRET_REF.exec(r.token.trim()) : null;
        // Never quote the value: it may be the token itself.
        if (!m)
            errors.push(doc.error('token must reference a secret as `{{ name }}` or `{{ name.key }}`, never the token itself (as ZenML recommends): pass the secret through the `secrets` input', ['code_repository', 'token']));
        else
            secret = { name: m[1], ...(m[2] ? { key: m[2] } : {}) };
    }
    const sub = top.subdirectory !== undefined ? workspaceRelative(top.subdirectory) : undefined;
    if (sub !== undefined && (sub.startsWith('..') || top.subdirectory.startsWith('/'))) {
        errors.push(doc.error('`subdirectory` is a path inside the repository: relative, without ".."', ['subdirectory']));
    }
    const dest = workspaceRelative(top.path ?? 'code');
    if (!dest)
        errors.push(doc.error('`path` must be a directory inside the workspace, not its root', ['path']));
    if (errors.length)
        return undefined;
    const name = r.name ?? r[repoKey];
    const schema = type === 'github'
        ? { owner: r.owner, repository: r.repository, ...(r.host ? { host: r.host } : {}), ...(r.api_url ? { apiUrl: r.api_url.replace(/\/$/, '') } : {}) }
        : { group: r.group, project: r.project, ...(r.host ? { host: r.host } : {}), ...(r.instance_url ? { instanceUrl: r.instance_url } : {}) };
    const t = emptyTranslation('zenml', detectedBy);
    t.connections.push({
        value: { name, kind: type, ...(r.description ? { description: r.description } : {}), schema, ...(secret ? { secret: { name: secret.name } } : {}) },
        doc,
        path: ['code_repository']
    });
    const draft = {
        name,
        connection: name,
        git: { revision: top.commit },
        path: dest,
        primary: true,
        // An empty subdirectory (".") is the whole repository.
        ...(sub ? { subdirectory: sub } : {}),
        ...(secret?.key ? { secretKey: secret.key } : {})
    };
    t.sources.push({ value: draft, doc, path: [] });
    return t;
}
const zenml = {
    name: 'zenml',
    expects: '`code_repository:` with `commit`',
    shape: (v) => (isRecord(v.code_repository) ? 'code_repository' : undefined),
    translate: translateZenml
};

;// CONCATENATED MODULE: ./src/runspec/dialects/index.ts








/** Every dialect, in the order shapes are tried (and listed in messages). */
const DIALECTS = [native_native, polyaxon, ads, gradient, zenml];
/** Which dialect a document is, and the shape that said so. */
function detectDialect(value) {
    if (!isRecord(value))
        return undefined;
    if (value.dialect !== undefined)
        return { dialect: value.dialect, by: '`dialect:`' };
    const found = [];
    for (const d of DIALECTS) {
        const by = d.shape(value);
        if (by)
            found.push({ dialect: d.name, by });
    }
    if (found.length > 1)
        return { dialect: found[0].dialect, by: `ambiguous:${found.map((f) => `${f.dialect} (${f.by})`).join(', ')}` };
    return found[0];
}
/** Translates any supported document into the native model (not yet resolved). */
function translate(doc, errors, kinds) {
    const value = doc.toJS();
    const detected = detectDialect(value);
    const names = DIALECTS.map((d) => d.name);
    const list = DIALECTS.map((d) => `  ${d.name}: ${d.expects}`).join('\n');
    if (!detected) {
        throw new util_errors/* SpecError */.G8(`cannot tell which kind of spec this is. Each dialect expects:\n${list}\nor force one with \`dialect: <name>\``, doc.locate([]));
    }
    if (detected.by.startsWith('ambiguous:')) {
        throw new util_errors/* SpecError */.G8(`this spec looks like several dialects: ${detected.by.slice(10)}. Add \`dialect: <name>\` to choose one; each dialect expects:\n${list}`, doc.locate([]));
    }
    const dialect = DIALECTS.find((d) => d.name === detected.dialect);
    if (!dialect) {
        throw doc.error(`unknown dialect ${JSON.stringify(detected.dialect)}${typeof detected.dialect === 'string' ? (0,suggest/* didYouMean */.au)(detected.dialect, names) : ''}: use one of ${names.join(', ')}`, ['dialect']);
    }
    return dialect.translate({ doc, value, errors, detectedBy: detected.by, kinds });
}


/***/ }),

/***/ 92204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ collect),
/* harmony export */   Vr: () => (/* binding */ issuesToErrors),
/* harmony export */   Ze: () => (/* binding */ parseAt)
/* harmony export */ });
/* unused harmony export keysAt */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51843);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43852);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37406);


function unwrap(schema) {
    let s = schema;
    while (s instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodOptional */ .IiU || s instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodNullable */ .l1C || s instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodDefault */ .XiL)
        s = s.unwrap();
    return s;
}
/** Keys an object schema allows at `path`, for "did you mean" on unknown keys. */
function keysAt(schema, path) {
    let s = schema;
    for (const seg of path) {
        if (!s)
            return undefined;
        s = unwrap(s);
        if (s instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodObject */ .bvH)
            s = s.shape[String(seg)];
        else if (s instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodArray */ .naA)
            s = s.element;
        else if (s instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodRecord */ .b8S)
            s = s.valueType;
        else
            return undefined;
    }
    if (!s)
        return undefined;
    s = unwrap(s);
    return s instanceof zod__WEBPACK_IMPORTED_MODULE_0__/* .ZodObject */ .bvH ? Object.keys(s.shape) : undefined;
}
function describeValue(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `${typeof v} ${JSON.stringify(v)}`;
}
/** One SpecError per zod issue, located in the document under `base`. */
function issuesToErrors(issues, schema, doc, base) {
    const errors = [];
    for (const issue of issues) {
        const path = [...base, ...issue.path];
        switch (issue.code) {
            case 'unrecognized_keys': {
                const allowed = keysAt(schema, issue.path) ?? [];
                for (const key of issue.keys) {
                    const hint = (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(key, allowed) || (allowed.length ? ` (allowed: ${allowed.join(', ')})` : '');
                    errors.push(doc.error(`unknown key "${key}"${hint}`, path, key));
                }
                break;
            }
            case 'invalid_type': {
                const got = 'input' in issue ? `, got ${describeValue(issue.input)}` : '';
                const missing = 'input' in issue && issue.input === undefined;
                errors.push(doc.error(missing ? `is required (${issue.expected})` : `expected ${issue.expected}${got}`, path));
                break;
            }
            case 'invalid_value': {
                const input = 'input' in issue ? issue.input : undefined;
                const options = issue.values.map((v) => String(v));
                const hint = typeof input === 'string' ? (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(input, options) : '';
                const msg = issue.values.length === 1 && issue.message && !issue.message.startsWith('Invalid')
                    ? issue.message
                    : `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
                errors.push(doc.error(`${msg}${input !== undefined ? `, got ${describeValue(input)}` : ''}${hint}`, path));
                break;
            }
            default:
                errors.push(doc.error(issue.message, path));
        }
    }
    return errors;
}
/** Parses `value` (found at `base` in `doc`) or returns located errors. */
function parseAt(schema, value, doc, base) {
    const result = zod__WEBPACK_IMPORTED_MODULE_2__/* .safeParse */ .xL(schema, value, { reportInput: true });
    if (result.success)
        return { ok: true, data: result.data };
    return { ok: false, errors: issuesToErrors(result.error.issues, schema, doc, base) };
}
/**
 * The one parse-then-collect step every dialect takes: the parsed value, or undefined with the
 * located errors added to `errors` (so one run reports every problem).
 */
function collect(schema, value, doc, base, errors) {
    const parsed = parseAt(schema, value, doc, base);
    if (parsed.ok)
        return parsed.data;
    errors.push(...parsed.errors);
    return undefined;
}


/***/ }),

/***/ 80651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ artifactsSchema),
/* harmony export */   LK: () => (/* binding */ connectionBaseSchema),
/* harmony export */   dr: () => (/* binding */ sourceSchema),
/* harmony export */   kj: () => (/* binding */ pathsSchema),
/* harmony export */   m9: () => (/* binding */ nativeSpecSchema),
/* harmony export */   mR: () => (/* binding */ connectionSchema)
/* harmony export */ });
/* unused harmony exports knownHostsSchema, secretRefSchema, sharedSchemas, connectionSchemas, connectionSchemaForJson, gitOptionsSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51843);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38355);


/**
 * The native run spec (`version: 1`). Schemas are pure: no defaults that need the environment,
 * no side effects. Objects are strict so a typo is an error with a suggestion, never ignored.
 */
const relPath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1, 'must not be empty');
const insidePath = (field) => relPath.regex(_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .INSIDE_PATH */ .x, `${field} is a path inside the source: relative (no leading "/", "\\" or drive letter), without ".." segments`);
/** known_hosts lines trusted for SSH (git connections). */
const knownHostsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())]).describe('known_hosts lines trusted for SSH');
const secretRefSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1, 'must not be empty').describe('Secret name, looked up in the `secrets` input then the environment'),
    items: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)).optional().describe('Only these keys of the secret'),
    mountPath: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Write the keys as files under this directory (inside RUNNER_TEMP)')
});
/** What a kind's schema builder may use besides zod: schemas the spec shares. */
const sharedSchemas = { knownHosts: knownHostsSchema };
/**
 * The part of zod a kind's schema is made of. Named one by one: handing zod's whole namespace
 * around would keep every part of it (and every locale) in the bundle.
 */
const kit = { strictObject: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej, string: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP, boolean: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY, array: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg, record: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P };
const built = new Map();
/** The `schema:` of a catalog kind, built on first use (once per run: zod compiles it on its first parse). */
function connectionSchema(builders, kind) {
    const build = builders[kind];
    if (!build)
        return undefined;
    let schema = built.get(kind);
    if (!schema)
        built.set(kind, (schema = build(kit, sharedSchemas)));
    return schema;
}
/** Every kind's `schema:` built (the JSON Schema needs them all). */
function connectionSchemas(builders) {
    return Object.fromEntries(Object.keys(builders).map((kind) => [kind, connectionSchema(builders, kind)]));
}
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const baseSchemas = new Map();
/**
 * The common fields of a catalog entry; `kind` is one of `kinds` (the registry's and the unusable
 * ones). Made once per list of kinds: zod compiles a schema on its first parse, and compiling one
 * per catalog entry made a 50,000-entry catalog take 7 s.
 */
function connectionBaseSchema(kinds) {
    const key = kinds.join('\0');
    let schema = baseSchemas.get(key);
    if (!schema)
        baseSchemas.set(key, (schema = makeConnectionBaseSchema(kinds)));
    return schema;
}
function makeConnectionBaseSchema(kinds) {
    return zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(NAME, 'use letters, digits, ".", "_" and "-", starting with a letter or digit'),
        kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(kinds),
        description: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        tags: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
        schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
        secret: secretRefSchema.optional()
    });
}
/** For the generated JSON Schema only: one branch per kind so editors complete `schema:`. */
function connectionSchemaForJson(schemas) {
    const base = connectionBaseSchema(Object.keys(schemas));
    const branches = Object.entries(schemas).map(([kind, schema]) => base.extend({ kind: z.literal(kind), schema: schema.optional() }));
    return z.discriminatedUnion('kind', branches);
}
const gitOptionsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    revision: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    depth: zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr().min(0, 'use 0 for full history or a positive depth').optional(),
    submodules: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('recursive')]).optional(),
    lfs: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    sparse: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(insidePath('each `sparse` entry')).optional(),
    tags: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    flags: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional()
});
const artifactsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    files: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(relPath).optional(),
    dirs: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(relPath).optional()
});
const pathsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([relPath, zod__WEBPACK_IMPORTED_MODULE_0__/* .tuple */ .PVZ([relPath, relPath])]));
/** One native source; `kinds` are the registry's source kinds (for an inline `url`'s `kind:`). */
function sourceSchema(kinds) {
    return zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
            .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, ".", "_" and "-"')
            .optional(),
        connection: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
        kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(kinds)
            .optional()
            .describe('Forces the kind of an inline `url`'),
        url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
        git: gitOptionsSchema.optional(),
        artifacts: artifactsSchema.optional(),
        paths: pathsSchema.optional(),
        path: relPath.optional(),
        primary: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
        sync: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
        unpack: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
        sha256: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
            .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
            .optional(),
        headers: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
        secret: secretRefSchema.optional().describe('A secret for an inline `url` source (a connection carries its own)'),
        subdirectory: insidePath('`subdirectory`').optional(),
        timeout: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().optional().describe('Seconds without progress before giving up'),
        cache: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('read-only')])
            .optional()
            .describe('Restore this source from the GitHub Actions cache and save it there (true), only restore (read-only), or neither (false); default: the `cache` input')
    });
}
const nativeSpecSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1, 'the native spec is `version: 1`'),
    dialect: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('native').optional(),
    connections: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
    artifactsStore: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
    sources: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).min(1, 'list at least one source'),
    entrypoint: insidePath('`entrypoint`').optional()
});


/***/ })

};
