export const id = 734;
export const ids = [734];
export const modules = {

/***/ 45734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildCatalog: () => (/* binding */ buildCatalog),
/* harmony export */   catalogEntries: () => (/* binding */ catalogEntries),
/* harmony export */   parseConnection: () => (/* binding */ parseConnection)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37406);
/* harmony import */ var _runspec_issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92204);
/* harmony import */ var _runspec_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80651);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51843);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43852);





/** Validates one catalog entry: the common fields, then `schema:` by its kind. */
function parseConnection(entry, kinds, errors) {
    const base = (0,_runspec_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .parseAt */ .Ze)((0,_runspec_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .connectionBaseSchema */ .LK)(kinds.connectionKinds), entry.value, entry.doc, entry.path);
    if (!base.ok) {
        errors.push(...base.errors);
        return undefined;
    }
    const { name, kind, description, secret } = base.data;
    // Kinds that cannot back a source (volume claims, registries, …) take any schema.
    const kindSchema = (0,_runspec_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .connectionSchema */ .mR)(kinds.connectionSchemas, kind) ?? zod__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({});
    const schemaPath = [...entry.path, 'schema'];
    const parsed = zod__WEBPACK_IMPORTED_MODULE_4__/* .safeParse */ .xL(kindSchema, base.data.schema ?? {}, { reportInput: true });
    if (!parsed.success) {
        errors.push(...(0,_runspec_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .issuesToErrors */ .Vr)(parsed.error.issues, kindSchema, entry.doc, schemaPath));
        return undefined;
    }
    const connection = {
        name,
        kind,
        schema: parsed.data,
        origin: entry.doc.locate(entry.path)
    };
    if (description !== undefined)
        connection.description = description;
    if (secret)
        connection.secret = secret;
    return connection;
}
/**
 * The catalog input: a list, `{connections: [...], artifactsStore: {...}}` (a Polyaxon agent
 * config), or one connection on its own (`{name, kind, schema, secret}`, as Polyaxon's docs show a
 * single connection).
 */
function catalogEntries(doc) {
    const value = doc.toJS();
    if (value === null)
        return { connections: [] };
    if (Array.isArray(value))
        return { connections: value.map((v, i) => ({ value: v, doc, path: [i] })) };
    if (typeof value === 'object') {
        const obj = value;
        if ('name' in obj && 'kind' in obj && !('connections' in obj))
            return { connections: [{ value: obj, doc, path: [] }] };
        for (const key of Object.keys(obj)) {
            if (key !== 'connections' && key !== 'artifactsStore') {
                throw doc.error(`unknown key "${key}" in the connections catalog${(0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_5__/* .didYouMean */ .au)(key, ['connections', 'artifactsStore'])}`, [], key);
            }
        }
        const list = obj.connections ?? [];
        if (!Array.isArray(list))
            throw doc.error('expected a list of connections', ['connections']);
        const out = {
            connections: list.map((v, i) => ({ value: v, doc, path: ['connections', i] }))
        };
        if (obj.artifactsStore !== undefined)
            out.artifactsStore = { value: obj.artifactsStore, doc, path: ['artifactsStore'] };
        return out;
    }
    throw doc.error('the connections catalog must be a list of connections, one connection, or {connections: [...], artifactsStore: {...}}', []);
}
/**
 * Merges catalogs: the spec's own connections win over the `connections` input's of the same name
 * (the input is a shared default catalog; the spec is the more specific word).
 */
function buildCatalog(specEntries, inputEntries, kinds, errors) {
    const catalog = new Map();
    for (const [entries, fromSpec] of [
        [inputEntries, false],
        [specEntries, true]
    ]) {
        const seen = new Set();
        for (const entry of entries) {
            const c = parseConnection(entry, kinds, errors);
            if (!c)
                continue;
            if (seen.has(c.name)) {
                errors.push(new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecError */ .G8(`connection "${c.name}" is defined twice in the same catalog; rename one`, c.origin));
                continue;
            }
            seen.add(c.name);
            if (fromSpec || !catalog.has(c.name))
                catalog.set(c.name, c);
        }
    }
    return catalog;
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
