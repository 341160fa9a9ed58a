export const id = 380;
export const ids = [380];
export const modules = {

/***/ 41380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runStep: () => (/* binding */ runStep)
});

// UNUSED EXPORTS: run

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/connections/redactor.ts
var connections_redactor = __webpack_require__(42725);
;// CONCATENATED MODULE: ./src/host/action.ts



function annotation(location) {
    if (!location)
        return undefined;
    return { file: location.file, startLine: location.line, startColumn: location.column };
}
/** The GitHub Actions runner: workflow commands, `GITHUB_OUTPUT`/`GITHUB_STATE` files. */
function createActionHost(redactor = new connections_redactor/* Redactor */.pO()) {
    redactor.listen((value) => core/* setSecret */.Pq(value));
    const r = (s) => redactor.redact(s);
    return {
        redactor,
        debug: (m) => core/* debug */.Yz(r(m)),
        info: (m) => core/* info */.pq(r(m)),
        warning: (m, loc) => core/* warning */.$e(r(m), annotation(loc)),
        error: (m, loc) => core/* error */.z3(r(m), annotation(loc)),
        group: (name, fn) => core/* group */.Os(r(name), fn),
        setOutput: (name, value) => core/* setOutput */.uH(name, r(value)),
        saveState: (name, value) => core/* saveState */.LZ(name, r(value)),
        exportVariable: (name, value) => core/* exportVariable */.dN(name, value),
        async summary(markdown) {
            // `act` and local runs have no summary file; that is not an error.
            const file = process.env.GITHUB_STEP_SUMMARY;
            if (!file)
                return;
            await promises_.appendFile(file, r(markdown) + '\n');
        }
    };
}

// EXTERNAL MODULE: ./src/host/report-error.ts
var report_error = __webpack_require__(42633);
// EXTERNAL MODULE: ./src/util/cleanup.ts
var util_cleanup = __webpack_require__(4532);
// EXTERNAL MODULE: ./src/run.ts + 23 modules
var run = __webpack_require__(73645);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(38422);
// EXTERNAL MODULE: ./src/fetchers/shared/destination.ts
var destination = __webpack_require__(62692);
;// CONCATENATED MODULE: ./src/post.ts





/**
 * The post step: removes what the main step left (credential files, secret files, temp dirs, and
 * after a killed main step its staging and destination locks). Never fails the job.
 */
async function runPost() {
    try {
        const saved = core/* getState */.Gu(constants/* State */.Uw.Cleanup);
        const paths = saved ? JSON.parse(saved) : [];
        if (!Array.isArray(paths))
            return;
        for (const p of paths) {
            if (typeof p !== 'string')
                continue;
            try {
                if ((0,destination/* isLockFile */.ue)(p)) {
                    // A killed main step leaves its destination locks; one a live run has taken since is not ours.
                    const holder = await (0,destination/* removeLockIfGone */.G7)(p);
                    core/* info */.pq(holder ? `left ${p}: held by a running fetch-sources run (${(0,destination/* describeOwner */.$S)(holder)})` : `released ${p}`);
                    continue;
                }
                await (0,util_cleanup/* removeOwned */.Ox)(p);
                core/* info */.pq(`removed ${p}`);
            }
            catch (e) {
                core/* warning */.$e(`cleanup: ${(0,errors/* errorMessage */.gJ)(e)}`);
            }
        }
    }
    catch (e) {
        core/* warning */.$e(`cleanup failed: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
}

;// CONCATENATED MODULE: ./src/main.ts









/** The entry's dispatch: the same bundle runs main and post, as actions/checkout's does (main saved `isPost`). */
async function runStep() {
    await (core/* getState */.Gu(constants/* State */.Uw.IsPost) ? runPost() : main_run());
}
/** The action's inputs, read here and only here (the CLI builds the same record from its flags). */
function readInputs() {
    return Object.fromEntries(Object.values(inputs/* Input */.pd).map((name) => [name, core/* getInput */.V4(name)]));
}
/** The action's main step. The only place that fails the step. */
async function main_run() {
    const host = createActionHost();
    const cleanup = new util_cleanup/* Cleanup */.zG((paths) => host.saveState(constants/* State */.Uw.Cleanup, JSON.stringify(paths)));
    host.saveState(constants/* State */.Uw.IsPost, 'true');
    // A cancelled job: the post step removes what `finish` could not (the saved cleanup list).
    const cancellation = new util_cleanup/* Cancellation */.mT({ say: (line) => host.info(line), finish: () => cleanup.run() });
    try {
        const settings = (0,inputs/* parseSettings */.P$)(readInputs(), process.env);
        await (0,run/* runFetch */.c)(settings, host, cleanup, cancellation.signal);
    }
    catch (error) {
        if ((0,report_error/* reportError */.N)(host, error))
            process.exitCode = core/* ExitCode */.yU.Failure;
        else
            core/* setFailed */.C1(host.redactor.redact((0,errors/* errorMessage */.gJ)(error)));
        if (cancellation.reason)
            process.exitCode = cancellation.reason.exitCode;
    }
    finally {
        for (const p of await cleanup.run())
            core/* warning */.$e(`could not remove ${p}; the post step will retry`);
        cancellation.dispose();
    }
}


/***/ })

};
