export const id = 371;
export const ids = [371];
export const modules = {

/***/ 93371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qu: () => (/* binding */ parseGoDuration),
/* harmony export */   REAL_CLOCK: () => (/* binding */ REAL_CLOCK),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   yK: () => (/* binding */ retryHintMs)
/* harmony export */ });
/* unused harmony export delayFor */
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40440);

const DEFAULT_RETRY = {
    maxAttempts: 6,
    baseDelayMs: 500,
    maxDelayMs: 20_000,
    maxHintMs: 180_000,
    budgetMs: 300_000,
};
const REAL_CLOCK = {
    random: Math.random,
    sleep: (ms, signal) => new Promise((resolvePromise, reject) => {
        const timer = setTimeout(resolvePromise, ms);
        signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(signal.reason);
        }, { once: true });
    }),
};
/**
 * Reads `retry-after-ms`, `retry-after` (seconds or an HTTP date) and `x-ratelimit-reset-*`
 * (`1s`, `6m0s`, `20ms`) into ms. Hints above 60 s are honoured too (the SDK ignores them).
 */
function retryHintMs(headers, now = Date.now()) {
    if (!headers)
        return undefined;
    const ms = Number(headers.get('retry-after-ms'));
    if (headers.get('retry-after-ms') && Number.isFinite(ms))
        return Math.max(0, ms);
    const after = headers.get('retry-after');
    if (after) {
        const seconds = Number(after);
        if (Number.isFinite(seconds))
            return Math.max(0, seconds * 1000);
        const date = Date.parse(after);
        if (Number.isFinite(date))
            return Math.max(0, date - now);
    }
    const reset = headers.get('x-ratelimit-reset-requests') ?? headers.get('x-ratelimit-reset-tokens');
    return reset ? parseGoDuration(reset) : undefined;
}
function parseGoDuration(text) {
    const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
    if (parts.length === 0)
        return undefined;
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
    return parts.reduce((total, [, value, name]) => total + Number(value) * unit[name], 0);
}
/**
 * Exponential backoff with full jitter, unless the server said how long to wait; none after a
 * timed-out attempt, which already waited its whole timeout.
 */
function delayFor(attempt, failure, policy, random) {
    if (failure.hintMs !== undefined)
        return failure.hintMs;
    if (failure.error.kind === 'timeout')
        return 0;
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(random() * ceiling);
}
async function withRetry(attempt, classify, policy, clock = REAL_CLOCK, signal) {
    let waited = 0;
    for (let number = 1;; number += 1) {
        try {
            return await attempt();
        }
        catch (error) {
            const failure = classify(error);
            if (!failure.retryable || number >= policy.maxAttempts || signal?.aborted)
                throw failure.error;
            const delay = delayFor(number, failure, policy, clock.random);
            if (failure.hintMs !== undefined && failure.hintMs > policy.maxHintMs) {
                throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .m(failure.error.kind, `${failure.error.message} (the server asks to wait ${Math.round(delay / 1000)} s, more than the ${policy.maxHintMs / 1000} s we allow)`, failure.error.status);
            }
            if (waited + delay > policy.budgetMs) {
                throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .m(failure.error.kind, `${failure.error.message} (gave up after ${number} attempts: retry budget of ${policy.budgetMs / 1000} s spent)`, failure.error.status);
            }
            waited += delay;
            await clock.sleep(delay, signal);
        }
    }
}


/***/ }),

/***/ 40440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ ModelError)
/* harmony export */ });
/**
 * Model errors that are the provider's failure (infrastructure), not the request the flow made: its
 * transport, and answers it broke (not JSON, no choices, a cut stream: `bad-response`).
 */
const PROVIDER_KINDS = new Set(['auth', 'rate-limit', 'server', 'timeout', 'network', 'retired', 'bad-response']);
/** Raised for failures after the retry policy gave up; `kind` drives the report wording. */
class ModelError extends Error {
    kind;
    status;
    constructor(kind, message, status) {
        super(message);
        this.name = 'ModelError';
        this.kind = kind;
        this.status = status;
    }
    /** Whose failure this is: the provider's (infrastructure) or the request the flow made (application: a 400). */
    get failureKind() {
        return PROVIDER_KINDS.has(this.kind) ? 'infrastructure' : 'application';
    }
}


/***/ })

};
