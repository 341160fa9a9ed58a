export const id = 554;
export const ids = [554];
export const modules = {

/***/ 10554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_SPEC_BYTES: () => (/* binding */ MAX_SPEC_BYTES),
  loadDocument: () => (/* binding */ loadDocument)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/runspec/document.ts


/** `sources[1].git.revision` */
function formatPath(path) {
    let out = '';
    for (const seg of path)
        out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
    return out;
}
/**
 * A parsed YAML document that can say where any path inside it is, so every error names the file,
 * line and column the user has to edit.
 */
class SpecDocument {
    file;
    text;
    doc;
    lines;
    constructor(file, text, doc, lines) {
        this.file = file;
        this.text = text;
        this.doc = doc;
        this.lines = lines;
    }
    static parse(text, file) {
        const lines = new dist/* LineCounter */.HN();
        const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, version: '1.2' });
        const problem = doc.errors[0];
        if (problem) {
            const pos = problem.linePos?.[0];
            throw new errors/* SpecError */.G8(`invalid YAML: ${problem.message.split('\n')[0]}`, {
                file,
                line: pos?.line,
                column: pos?.col
            });
        }
        return new SpecDocument(file, text, doc, lines);
    }
    /** Plain JS value of the document (`null` for an empty document). */
    toJS() {
        try {
            return this.doc.toJS({ maxAliasCount: 100 }) ?? null;
        }
        catch (e) {
            // Unresolved aliases and alias bombs only surface here, not as parse errors.
            throw new errors/* SpecError */.G8(`invalid YAML: ${e.message}`, { file: this.file, line: 1, column: 1 });
        }
    }
    /**
     * Location of the node at `path`; with `key`, the location of that key inside the map at `path`
     * (for "unknown key" errors). Falls back to the nearest ancestor that exists.
     */
    locate(path, key) {
        let node = this.doc.contents;
        let found = this.doc.contents ?? undefined;
        for (const seg of path) {
            const next = (0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node) ? node.get(seg, true) : undefined;
            if (next === undefined)
                break;
            node = next;
            found = next;
        }
        if (key !== undefined && (0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
            if (pair && (0,dist/* isScalar */.jn)(pair.key))
                found = pair.key;
        }
        const offset = found?.range?.[0];
        const pos = offset === undefined ? undefined : this.lines.linePos(offset);
        const full = key !== undefined ? [...path, key] : path;
        return { file: this.file, line: pos?.line, column: pos?.col, path: formatPath(full) || undefined };
    }
    error(message, path, key) {
        return new errors/* SpecError */.G8(message, this.locate(path, key));
    }
}

// EXTERNAL MODULE: ./src/runspec/inline.ts
var inline = __webpack_require__(31601);
;// CONCATENATED MODULE: ./src/runspec/load.ts






/**
 * The largest spec or catalog read, file or inline. Planning is linear, but the spec is the one
 * input nothing else bounds; 10 MB is far past any real spec (100,000 sources fit) and is checked
 * before parsing, so a huge input costs nothing.
 */
const MAX_SPEC_BYTES = 10 * 1024 * 1024;
const mb = (bytes) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
/** `exact`: the size is known (else it is only known to be past the limit: a pipe, a growing file). */
function tooLarge(what, bytes, exact) {
    // Just past the limit rounds to it: then the bytes say how far past.
    const size = !exact ? `over ${mb(MAX_SPEC_BYTES)}` : mb(bytes) === mb(MAX_SPEC_BYTES) ? `${bytes} bytes` : mb(bytes);
    return new errors/* SpecError */.G8(`${what} is ${size}: the limit is ${mb(MAX_SPEC_BYTES)} (${MAX_SPEC_BYTES} bytes). ` +
        'A run spec names sources, it does not list their contents: select objects by prefix or with `artifacts.dirs` instead of one entry each');
}
/** Reads at most one byte past the limit, so neither a huge file nor a device that never ends is read whole. */
async function readBounded(file, what) {
    const { size } = await promises_.stat(file);
    if (size > MAX_SPEC_BYTES)
        throw tooLarge(what, size, true);
    const chunks = [];
    let total = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(file, { end: MAX_SPEC_BYTES })) {
        chunks.push(chunk);
        total += chunk.length;
    }
    if (total > MAX_SPEC_BYTES)
        throw tooLarge(what, total, false);
    return Buffer.concat(chunks, total).toString('utf8');
}
/**
 * Reads a spec or catalog given as a path (relative to the workspace) or inline YAML.
 * The file name in locations is workspace-relative, as GitHub annotations want.
 */
async function loadDocument(value, workspace, input) {
    if ((0,inline/* isInline */.m)(value)) {
        const bytes = Buffer.byteLength(value, 'utf8');
        if (bytes > MAX_SPEC_BYTES)
            throw tooLarge(`the inline \`${input}\` input`, bytes, true);
        return SpecDocument.parse(value, `(inline \`${input}\` input)`);
    }
    const file = external_node_path_.resolve(workspace, value);
    let text;
    try {
        text = await readBounded(file, `${input} file "${value}"`);
    }
    catch (e) {
        if (e instanceof errors/* SpecError */.G8)
            throw e;
        const code = e.code;
        throw new errors/* SpecError */.G8(code === 'ENOENT'
            ? `${input} file "${value}" not found (looked for ${file}); paths are relative to the workspace`
            : `cannot read ${input} file "${value}": ${e.message}`);
    }
    const shown = external_node_path_.relative(workspace, file);
    return SpecDocument.parse(text, shown.startsWith('..') ? file : shown.split(external_node_path_.sep).join('/'));
}


/***/ })

};
