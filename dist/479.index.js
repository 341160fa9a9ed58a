export const id = 479;
export const ids = [479];
export const modules = {

/***/ 69479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseLock: () => (/* binding */ parseLock)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51843);

/** A lock file as `frozen` reads it: what replay needs, whatever else the file holds. */
const lockSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1),
    specDigest: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    sources: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        commit: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default(''),
        ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default(''),
        digest: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default(''),
        objects: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), size: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), version: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })).optional()
    }))
});
/** Throws (zod's error) when `value` is not a version 1 lock file. */
function parseLock(value) {
    return lockSchema.parse(value);
}


/***/ })

};
