export const id = 595;
export const ids = [595];
export const modules = {

/***/ 58595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  azureEndpoint: () => (/* binding */ azureEndpoint),
  createModelClient: () => (/* binding */ createModelClient)
});

// EXTERNAL MODULE: ./src/model/types.ts
var types = __webpack_require__(40440);
;// CONCATENATED MODULE: ./src/model/breaker.ts

const DEFAULT_BREAKER = { failures: 8, minOutageMs: 10_000, probeAfterMs: 30_000 };
const OUTAGE_KINDS = new Set(['server', 'rate-limit', 'network', 'timeout', 'bad-response']);
const FATAL_KINDS = new Set(['auth', 'retired']);
/** The breaker of a run: `guard` runs one attempt through it (`call` gets the signal to send it with). */
function circuitBreaker(classify, policy = DEFAULT_BREAKER, now = Date.now) {
    let streak = 0;
    let streakStarted = 0;
    let open;
    let openedAt = 0;
    let probing = false;
    const inFlight = new Set();
    /** Whether this call may go through the open breaker as its one probe. */
    function probe() {
        if (!open || probing || FATAL_KINDS.has(open.kind) || now() - openedAt < policy.probeAfterMs)
            return false;
        probing = true;
        return true;
    }
    /** What one failed attempt, sent at `began`, tells about the provider. */
    function failed(failure, began, probed) {
        if (FATAL_KINDS.has(failure.kind))
            open = tripped(failure, 'at once');
        else if (OUTAGE_KINDS.has(failure.kind) && probed)
            open = tripped(failure, 'and a probe call failed again');
        else if (OUTAGE_KINDS.has(failure.kind)) {
            // The outage began when the first failed attempt was sent: a timed-out one proves its whole wait.
            streakStarted = streak === 0 ? began : Math.min(streakStarted, began);
            streak += 1;
            const lasted = now() - streakStarted;
            if (streak >= policy.failures && lasted >= policy.minOutageMs)
                open = tripped(failure, `after ${streak} consecutive failures over ${Math.round(lasted / 1000)} s`);
        }
        else {
            // Any other answer (a bad request) means the provider is there.
            streak = 0;
            open = undefined;
        }
    }
    return async function guard(call, signal) {
        const probed = probe();
        if (open && !probed)
            throw open;
        const began = now();
        const controller = new AbortController();
        inFlight.add(controller);
        try {
            const value = await call(signal ? AbortSignal.any([signal, controller.signal]) : controller.signal);
            streak = 0;
            open = undefined;
            return value;
        }
        catch (error) {
            // Opened while this attempt was in flight: it fails with the outage, not as one more failure.
            if (controller.signal.aborted)
                throw open ?? error;
            // The case's own deadline is not the provider's failure.
            if (signal?.aborted)
                throw error;
            const wasOpen = open !== undefined;
            failed(classify(error), began, probed);
            if (open && (!wasOpen || probed))
                openedAt = now();
            // Attempts still in flight when the provider is declared down would only wait out their timeouts.
            if (open && !wasOpen)
                for (const other of inFlight)
                    if (other !== controller)
                        other.abort(open);
            throw error;
        }
        finally {
            inFlight.delete(controller);
            if (probed)
                probing = false;
        }
    };
}
function tripped(failure, when) {
    return new types/* ModelError */.m(failure.kind === 'auth' || failure.kind === 'retired' ? failure.kind : 'server', `the provider is unavailable, so no further calls were made (stopped ${when}): ${failure.message}`, failure.status);
}

// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 232 modules
var openai = __webpack_require__(98193);
;// CONCATENATED MODULE: ./src/model/retry.ts

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
async function withRetry(attempt, classify, policy, clock = REAL_CLOCK, signal, onRetry) {
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
                throw new types/* ModelError */.m(failure.error.kind, `${failure.error.message} (the server asks to wait ${Math.round(delay / 1000)} s, more than the ${policy.maxHintMs / 1000} s we allow)`, failure.error.status);
            }
            if (waited + delay > policy.budgetMs) {
                throw new types/* ModelError */.m(failure.error.kind, `${failure.error.message} (gave up after ${number} attempts: retry budget of ${policy.budgetMs / 1000} s spent)`, failure.error.status);
            }
            waited += delay;
            onRetry?.(failure, delay);
            await clock.sleep(delay, signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/model/classify.ts



const RETIRED = "this provider is retired (410 Gone) — GitHub Models' inference API was retired on 2026-07-30; point base-url at another OpenAI-compatible endpoint";
/** Removes anything that looks like the key from provider messages before they reach a report. */
function scrub(message, apiKey) {
    const withoutKey = apiKey ? message.split(apiKey).join('***') : message;
    return withoutKey.replace(/\b(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_-]{8,}/g, '$1***');
}
/** Maps an SDK error to our ModelError and says whether another attempt may help. */
function classifyError(error, apiKey) {
    if (error instanceof types/* ModelError */.m)
        return { error, retryable: error.kind === 'bad-response' };
    if (error instanceof openai/* APIUserAbortError */.cH || error?.name === 'AbortError' || error?.name === 'TimeoutError') {
        return { error: new types/* ModelError */.m('timeout', 'the request timed out'), retryable: false };
    }
    if (error instanceof openai/* APIConnectionTimeoutError */.qA) {
        // Ours say why (a learned attempt timeout, a stalled stream); the SDK's own says nothing more.
        const why = error.message === 'Request timed out.' ? '' : `: ${error.message}`;
        return { error: new types/* ModelError */.m('timeout', `the request timed out${why}`), retryable: true };
    }
    if (error instanceof openai/* APIConnectionError */.xX) {
        return { error: new types/* ModelError */.m('network', `connection error: ${scrub(error.message, apiKey)}`), retryable: true };
    }
    if (error instanceof openai/* APIError */.LG) {
        const status = error.status ?? 0;
        const message = `HTTP ${status}: ${scrub(error.message, apiKey)}`;
        const hint = retryHintMs(error.headers);
        const withHint = hint === undefined ? {} : { hintMs: hint };
        if (status === 410)
            return { error: new types/* ModelError */.m('retired', RETIRED, status), retryable: false };
        if (status === 401 || status === 403)
            return { error: new types/* ModelError */.m('auth', `${message} — check the API key`, status), retryable: false };
        if (status === 429)
            return { error: new types/* ModelError */.m('rate-limit', message, status), retryable: true, ...withHint };
        if (status === 408 || status === 409 || status >= 500)
            return { error: new types/* ModelError */.m('server', message, status), retryable: true, ...withHint };
        return { error: new types/* ModelError */.m('bad-request', message, status), retryable: false };
    }
    const text = scrub(error?.message ?? String(error), apiKey);
    return { error: new types/* ModelError */.m('bad-response', `unexpected response: ${text}`), retryable: true };
}

;// CONCATENATED MODULE: ./src/model/hedge.ts

/** The reason a request that lost the race (or outlived its attempt) is aborted with. */
const SUPERSEDED = new DOMException('superseded by another request of the same attempt', 'AbortError');
/**
 * One attempt: the request, and a hedge (the same request again) once it is well past the
 * latency the provider shows; the first answer wins and the other is aborted. The attempt fails
 * when every request it sent failed (with the first error), or, as a timed-out attempt the retry
 * loop retries, when the learned attempt timeout passes. Deadlines are re-read whenever a request
 * of the same key is answered, so a request sent before anything was learned is hedged or timed
 * out as soon as something is.
 */
async function hedgedAttempt(tracker, state, request, signal, onHedge) {
    await request.acquire();
    return new Promise((resolvePromise, reject) => {
        const started = performance.now();
        /** The requests still waiting for their answer: aborted when the attempt is decided. */
        const unanswered = new Set();
        const errors = [];
        let pending = 0;
        let hedged = false;
        const answeredBefore = tracker.answered(state.key);
        let done = false;
        let timer;
        /** When (ms after `started`) the armed timer fires. */
        let armedAt = Number.POSITIVE_INFINITY;
        const finish = (settle) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            unsubscribe();
            for (const controller of unanswered)
                controller.abort(SUPERSEDED);
            settle();
        };
        const failed = (error) => {
            pending -= 1;
            errors.push(error);
            if (pending === 0)
                finish(() => reject(errors[0]));
        };
        const launch = () => {
            const controller = new AbortController();
            unanswered.add(controller);
            pending += 1;
            const sentAt = performance.now();
            request.send(signal ? AbortSignal.any([signal, controller.signal]) : controller.signal).then((value) => {
                // An answered request is not aborted: its abort would only run the HTTP client's clean-up for nothing.
                unanswered.delete(controller);
                if (done)
                    return;
                tracker.observe(state.key, performance.now() - sentAt);
                finish(() => resolvePromise(value));
            }, (error) => {
                unanswered.delete(controller);
                failed(error);
            });
        };
        const hedge = () => {
            hedged = true;
            if (!tracker.sent(true))
                return;
            onHedge?.();
            pending += 1;
            request.acquire().then(() => {
                pending -= 1;
                if (!done)
                    launch();
            }, failed);
        };
        /** The attempt timeout and, while none was sent, when to hedge — as the tracker now sees them. */
        const deadlines = () => {
            const timeoutMs = tracker.timeoutMs(state.key, state.stalls);
            const hedgeMs = hedged ? undefined : tracker.hedgeAfterMs(state.key, state.stalls);
            return { timeoutMs, hedgeMs: hedgeMs !== undefined && hedgeMs < timeoutMs ? hedgeMs : undefined };
        };
        const schedule = () => {
            if (done)
                return;
            clearTimeout(timer);
            const elapsed = performance.now() - started;
            const { timeoutMs, hedgeMs } = deadlines();
            if (elapsed >= timeoutMs) {
                // Answers of the key while this attempt waited came from other requests (its own would have ended it).
                if (tracker.answered(state.key) === answeredBefore)
                    state.stalls += 1;
                finish(() => reject(new openai/* APIConnectionTimeoutError */.qA({ message: `no answer within the attempt timeout of ${timeoutMs} ms` })));
                return;
            }
            if (hedgeMs !== undefined && elapsed >= hedgeMs) {
                hedge();
                schedule();
                return;
            }
            armedAt = hedgeMs ?? timeoutMs;
            timer = setTimeout(schedule, armedAt - elapsed);
        };
        // Deadlines the tracker moved: an earlier one re-arms the timer at once; a later one is
        // re-read when the timer fires (at hundreds of answers a second, re-arming every attempt in
        // flight on each would cost more CPU than the calls themselves).
        const unsubscribe = tracker.onObserve((key) => {
            if (key !== state.key)
                return;
            const { timeoutMs, hedgeMs } = deadlines();
            if (Math.min(timeoutMs, hedgeMs ?? timeoutMs) < armedAt)
                schedule();
        });
        tracker.sent(false);
        launch();
        schedule();
    });
}

;// CONCATENATED MODULE: ./src/model/latency.ts
const DEFAULT_ATTEMPTS = {
    timeoutMultiple: 3,
    hedgeMultiple: 2,
    minTimeoutMs: 1000,
    minSamples: 10,
    window: 50,
    maxHedgeShare: 0.5,
};
/** `q`-quantile (nearest rank) of values in ascending order. */
function nearestRank(sorted, q) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}
/** `q`-quantile (nearest rank) of unsorted values. */
function quantile(values, q) {
    return nearestRank([...values].sort((a, b) => a - b), q);
}
/** Where `value` goes in ascending `sorted` (before the first larger value). */
function rankOf(sorted, value) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (sorted[middle] <= value)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}
/** Puts `ms` in the ring (over its oldest value once it is full) and in `sorted`, and reads the quantiles again. */
function record(samples, ms, window) {
    if (samples.ring.length === window) {
        const evicted = samples.ring[samples.next];
        samples.sorted.splice(rankOf(samples.sorted, evicted) - 1, 1);
    }
    samples.ring[samples.next] = ms;
    samples.next = (samples.next + 1) % window;
    samples.sorted.splice(rankOf(samples.sorted, ms), 0, ms);
    samples.quantiles = { p90: nearestRank(samples.sorted, 0.9), p99: nearestRank(samples.sorted, 0.99) };
}
function latencyTracker(policy) {
    const byKey = new Map();
    const listeners = new Set();
    let requests = 0;
    let hedges = 0;
    function learned(key) {
        const samples = byKey.get(key);
        if (!samples || samples.ring.length < policy.minSamples)
            return undefined;
        return samples.quantiles;
    }
    /** The attempt timeout before doubling and the hedge point before its cap: every deadline follows from these two. */
    function bases(latency) {
        return { timeout: Math.max(policy.minTimeoutMs, policy.timeoutMultiple * latency.p99), hedge: Math.max(policy.hedgeMultiple * latency.p90, policy.minTimeoutMs / 2) };
    }
    function timeoutMs(key, stalls) {
        const latency = learned(key);
        if (latency === undefined)
            return policy.maxTimeoutMs;
        return Math.round(Math.min(policy.maxTimeoutMs, bases(latency).timeout * 2 ** stalls));
    }
    return {
        policy,
        /**
         * A successful request of `key` took `ms`. When that moves the key's deadlines, attempts in
         * flight hear of it (mostly it does not: the bounds hold them, or the quantiles stay).
         */
        observe(key, ms) {
            let samples = byKey.get(key);
            if (!samples)
                byKey.set(key, (samples = { ring: [], next: 0, sorted: [], quantiles: { p90: 0, p99: 0 }, answers: 0, bases: undefined }));
            record(samples, ms, policy.window);
            samples.answers += 1;
            const latency = learned(key);
            const now = latency === undefined ? undefined : bases(latency);
            if (now?.timeout === samples.bases?.timeout && now?.hedge === samples.bases?.hedge)
                return;
            samples.bases = now;
            for (const listener of listeners)
                listener(key);
        },
        /** How many requests of `key` were answered so far. */
        answered(key) {
            return byKey.get(key)?.answers ?? 0;
        },
        /** The attempt timeout of a call after `stalls` of its attempts timed out unanswered (see AttemptState). */
        timeoutMs,
        /** How long after it was sent a request is hedged ; undefined: not (yet) learned. */
        hedgeAfterMs(key, stalls) {
            const latency = learned(key);
            if (latency === undefined)
                return undefined;
            return Math.round(Math.min(bases(latency).hedge, timeoutMs(key, stalls) / 2));
        },
        /** Counts a request sent; a hedge only while hedges stay within their share. */
        sent(hedge) {
            if (hedge && hedges + 1 > policy.maxHedgeShare * (requests + 1))
                return false;
            requests += 1;
            if (hedge)
                hedges += 1;
            return true;
        },
        onObserve(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        get requests() {
            return requests;
        },
        get hedges() {
            return hedges;
        },
    };
}

// EXTERNAL MODULE: ./src/core/semaphore.ts
var semaphore = __webpack_require__(96577);
;// CONCATENATED MODULE: ./src/model/limiter.ts
/** At most the schedule's limit of model calls in flight across flows and judges (one schedule shared by every scoped view); the rest queue in order. */
function withConcurrencyLimit(inner, slot) {
    return {
        chat: (request, signal) => slot(() => inner.chat(request, signal)),
        embed: (model, input, signal) => slot(() => inner.embed(model, input, signal)),
        moderate: (model, input, signal) => slot(() => inner.moderate(model, input, signal)),
    };
}

// EXTERNAL MODULE: ./src/core/usage.ts
var core_usage = __webpack_require__(14528);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/model/http-fetch.ts




/**
 * The `fetch` the openai SDK is given: the same request over `node:http(s)` with keep-alive
 * sockets. Node's own `fetch` (undici, web streams) costs about twice the CPU per request; at
 * hundreds of calls a second on a CI runner's two cores, that CPU was most of a run's time
 * beyond the provider's latency. What this does not carry (a `Request` object, a streamed or
 * form body, a redirect, a proxy from the environment) goes to the global `fetch` as before.
 *
 * Like `fetch`: resolves with a `Response` (a JSON body read whole first; an event stream as it
 * comes), rejects with the signal's reason when aborted and with `TypeError('fetch failed')`
 * (the cause attached) when the connection fails; a compressed body is decoded. Unlike it, a
 * status no `Response` can be built with (outside 200–599) fails as `fetch failed` too.
 */
const AGENTS = { 'http:': new external_node_http_.Agent({ keepAlive: true }), 'https:': new external_node_https_.Agent({ keepAlive: true }) };
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Statuses whose response has no body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'];
/** Whether a request to `url` goes over node:http(s) here: an http(s) URL, no proxy in the environment. */
function carriedUrl(url) {
    return (url.protocol === 'http:' || url.protocol === 'https:') && !PROXY_VARIABLES.some((name) => process.env[name]);
}
function carried(input, init) {
    if (typeof input !== 'string' && !(input instanceof URL))
        return undefined;
    const url = new URL(input);
    const body = init?.body ?? undefined;
    const plainBody = body === undefined || typeof body === 'string' || body instanceof Uint8Array;
    return plainBody && carriedUrl(url) ? { url, body } : undefined;
}
/** The response's headers as name/value pairs, in order (the Response builds its Headers from them once). */
function responseHeaders(message) {
    const pairs = [];
    for (let index = 0; index + 1 < message.rawHeaders.length; index += 2)
        pairs.push([message.rawHeaders[index], message.rawHeaders[index + 1]]);
    return pairs;
}
/** The request's headers as node:http takes them (the SDK passes a Headers; read as it is, not copied). */
function requestHeaders(given) {
    const headers = {};
    for (const [name, value] of given instanceof Headers ? given : new Headers(given))
        headers[name] = value;
    return headers;
}
/** The body as sent, decoded when the server compressed it. */
function decoded(message) {
    const encoding = String(message.headers['content-encoding'] ?? '').trim().toLowerCase();
    const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? (0,external_node_zlib_.createGunzip)() : encoding === 'deflate' ? (0,external_node_zlib_.createInflate)() : encoding === 'br' ? (0,external_node_zlib_.createBrotliDecompress)() : undefined;
    if (!decoder)
        return message;
    message.on('error', (error) => decoder.destroy(error));
    return message.pipe(decoder);
}
function readWhole(body) {
    return new Promise((resolvePromise, reject) => {
        const chunks = [];
        body.on('data', (chunk) => chunks.push(chunk));
        body.once('end', () => resolvePromise(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
        body.once('error', reject);
    });
}
const httpFetch = (input, init) => {
    const request = carried(input, init);
    if (!request)
        return fetch(input, init);
    const { url, body } = request;
    const signal = init?.signal ?? undefined;
    if (signal?.aborted)
        return Promise.reject(signal.reason);
    const headers = requestHeaders(init?.headers);
    if (body !== undefined)
        headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
    const send = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
    return new Promise((resolvePromise, reject) => {
        let settled = false;
        const settle = (outcome) => {
            if (settled)
                return;
            settled = true;
            outcome();
        };
        /** Resolves with what `build` makes, or fails as fetch does when it cannot (a status or header a Response refuses). */
        const answer = (build) => settle(() => {
            try {
                resolvePromise(build());
            }
            catch (error) {
                reject(new TypeError('fetch failed', { cause: error }));
            }
        });
        const onAbort = () => {
            outgoing.destroy(signal?.reason);
            settle(() => reject(signal?.reason));
        };
        const outgoing = send(url, { method: init?.method ?? 'GET', headers, agent: AGENTS[url.protocol] }, (message) => {
            const status = message.statusCode ?? 0;
            const meta = { status, statusText: message.statusMessage ?? '', headers: responseHeaders(message) };
            if (REDIRECTS.has(status) && message.headers.location) {
                message.resume();
                signal?.removeEventListener('abort', onAbort);
                answer(() => fetch(input, init));
                return;
            }
            if (NO_BODY.has(status)) {
                message.resume();
                signal?.removeEventListener('abort', onAbort);
                answer(() => new Response(null, meta));
                return;
            }
            const content = decoded(message);
            if (String(message.headers['content-type'] ?? '').startsWith('text/event-stream')) {
                // A stream is handed over as it comes; aborting the signal ends it with the signal's reason.
                signal?.removeEventListener('abort', onAbort);
                signal?.addEventListener('abort', () => content.destroy(signal.reason), { once: true });
                answer(() => new Response(external_node_stream_.Readable.toWeb(content), meta));
                return;
            }
            readWhole(content).then((whole) => {
                signal?.removeEventListener('abort', onAbort);
                answer(() => new Response(whole, meta));
            }, (error) => settle(() => reject(new TypeError('fetch failed', { cause: error }))));
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        outgoing.once('error', (error) => {
            signal?.removeEventListener('abort', onAbort);
            settle(() => reject(new TypeError('fetch failed', { cause: error })));
        });
        outgoing.end(body);
    });
};

;// CONCATENATED MODULE: ./src/model/plain-chat.ts




/** The call goes through the SDK instead (see `plainChat`). */
const REDIRECTED = Symbol('redirected');
const QUIET_LOG_LEVELS = new Set(['warn', 'error', 'off']);
/** Reads a response's headers as `Headers.get` does (repeated ones joined), without building a `Headers`. */
function headerReader(message) {
    return {
        get: (name) => {
            const value = message.headers[name.toLowerCase()];
            return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
    };
}
/** The connection failed: the SDK's error for it (a timeout when the cause says so, as the SDK tells them apart). */
function connectionError(cause) {
    const failure = new TypeError('fetch failed', { cause });
    return /timed? ?out/i.test(`${failure}${cause}`) ? Object.assign(new openai/* APIConnectionTimeoutError */.qA(), { cause: failure }) : new openai/* APIConnectionError */.xX({ cause: failure });
}
function userAbort(signal) {
    return Object.defineProperty(new openai/* APIUserAbortError */.cH(), 'cause', { value: signal.reason, writable: true, configurable: true });
}
/** One POST of `body` as planned: the whole answer, or the SDK's error for a transport failure, a timeout or an abort. */
function send(plan, body, signal, observe) {
    if (signal?.aborted)
        return Promise.reject(userAbort(signal));
    const request = plan.url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
    const headers = { ...plan.headers, 'content-length': String(Buffer.byteLength(body)) };
    return new Promise((resolvePromise, reject) => {
        let settled = false;
        const settle = (outcome) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            outcome();
        };
        const fail = (error) => settle(() => {
            outgoing.destroy();
            reject(error);
        });
        const onAbort = () => fail(userAbort(signal));
        const timer = setTimeout(() => fail(new openai/* APIConnectionTimeoutError */.qA()), plan.timeoutMs);
        const outgoing = request(plan.url, { method: 'POST', headers, agent: AGENTS[plan.url.protocol] }, (message) => {
            const status = message.statusCode ?? 0;
            if (status < 200 || status > 599) {
                message.resume();
                settle(() => reject(connectionError(new RangeError(`the status ${status} is not a valid HTTP status`))));
                return;
            }
            if (REDIRECTS.has(status) && message.headers.location) {
                message.resume();
                settle(() => resolvePromise(REDIRECTED));
                return;
            }
            readWhole(decoded(message)).then((whole) => settle(() => {
                observe?.(headerReader(message));
                // As `Response.text()`: UTF-8, a leading byte order mark dropped.
                const text = whole.toString('utf8');
                resolvePromise({ status, message, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
            }), (error) => settle(() => reject(connectionError(error))));
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        outgoing.once('error', (error) => settle(() => reject(connectionError(error))));
        outgoing.end(body);
    });
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** The completion as the SDK returns it: a JSON body parsed, nothing for an empty one, other bodies as text; an error status as its `APIError`. */
function parsed(reply) {
    const { status, message, text } = reply;
    if (status > 299) {
        const json = safeJson(text);
        const error = json && typeof json === 'object' && json.error == null ? { error: json } : json;
        throw openai/* APIError */.LG.generate(status, error, json ? undefined : text, new Headers(responseHeaders(message)));
    }
    if (status === 204)
        return null;
    const mediaType = String(message.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!mediaType.includes('application/json') && !mediaType.endsWith('+json'))
        return text;
    if (message.headers['content-length'] === '0' || !text)
        return undefined;
    return JSON.parse(text);
}
/**
 * Plain chat calls of `sdk` with `headers` on each: sent as the SDK plans them, or through
 * `viaSdk` when the SDK must send them itself (see above) or could not plan one.
 */
function plainChat(sdk, headers, observe, viaSdk) {
    let plan;
    const planned = () => (plan ??= sdk.buildRequest({ method: 'post', path: '/chat/completions', body: {}, __security: { bearerAuth: true }, ...(headers ? { headers } : {}) }).then(({ req, url, timeout }) => {
        const target = new URL(url);
        if (!QUIET_LOG_LEVELS.has(sdk.logLevel ?? 'warn') || !carriedUrl(target))
            return undefined;
        return { url: target, headers: Object.fromEntries(req.headers), timeoutMs: timeout };
    }, () => undefined));
    return async (body, signal) => {
        const ready = await planned();
        if (!ready)
            return viaSdk(body, signal);
        const reply = await send(ready, JSON.stringify(body), signal, observe);
        return reply === REDIRECTED ? viaSdk(body, signal) : parsed(reply);
    };
}

// EXTERNAL MODULE: ./src/model/tool-calls.ts
var tool_calls = __webpack_require__(37335);
;// CONCATENATED MODULE: ./src/model/openai-adapter.ts






function observingFetch(observe) {
    return async (input, init) => {
        const response = await httpFetch(input, init);
        observe(response.headers);
        return response;
    };
}
function sdkClient(options) {
    const common = {
        apiKey: options.apiKey,
        maxRetries: 0,
        timeout: options.timeoutMs,
        ...(options.headers ? { defaultHeaders: options.headers } : {}),
        fetch: options.onResponseHeaders ? observingFetch(options.onResponseHeaders) : httpFetch,
    };
    if (options.azure)
        return new openai/* AzureOpenAI */.AC({ ...common, endpoint: options.azure.endpoint, apiVersion: options.azure.apiVersion });
    return new openai/* default */.Ay({ ...common, ...(options.baseUrl ? { baseURL: options.baseUrl } : {}) });
}
/**
 * Aborts `signal` when `ms` pass without a `touch()`: the SDK's timeout ends once the headers
 * arrived, so a stream that stalls after them would otherwise hang until the case deadline.
 */
function stallWatch(ms) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    return { signal: controller.signal, touch: () => void timer.refresh(), stop: () => clearTimeout(timer) };
}
/** The bare provider: one HTTP call per method, no retries (the retry wrapper owns them). */
function openAIProvider(options) {
    const sdk = sdkClient(options);
    return { ...providerMethods(sdk, options, undefined), withHeaders: (headers) => providerMethods(sdk, options, headers) };
}
/** The provider's calls; `headers` go on each request, over the client's default headers. */
function providerMethods(sdk, options, headers) {
    const sent = (signal) => ({ signal, ...(headers ? { headers } : {}) });
    const viaSdk = (body, signal) => sdk.chat.completions.create(body, sent(signal));
    // Azure's deployment paths are the SDK's to build, call by call.
    const plain = options.azure ? viaSdk : plainChat(sdk, headers, options.onResponseHeaders, viaSdk);
    async function chatOnce(request, signal) {
        const started = performance.now();
        const completion = (await plain({ ...request.parameters, model: request.model, messages: request.messages, stream: false }, signal));
        const text = (0,tool_calls/* answerText */.yy)(completion.choices?.[0]?.message);
        if (text === undefined)
            throw new types/* ModelError */.m('bad-response', 'the response has neither choices[0].message.content nor tool calls');
        return {
            text,
            model: completion.model ?? request.model,
            usage: (0,core_usage/* usageFromOpenAI */.Sv)(completion.usage),
            latencyMs: performance.now() - started,
        };
    }
    async function chatStream(request, signal) {
        const started = performance.now();
        const body = { ...request.parameters, model: request.model, messages: request.messages };
        const watch = stallWatch(options.timeoutMs);
        let text = '';
        let firstTokenMs;
        let usage;
        let model = request.model;
        let finished = false;
        const tools = (0,tool_calls/* toolCallCollector */.sM)();
        try {
            const stream = await sdk.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, sent(signal ? AbortSignal.any([signal, watch.signal]) : watch.signal));
            for await (const chunk of stream) {
                watch.touch();
                const delta = chunk.choices?.[0]?.delta;
                if (chunk.choices?.[0]?.finish_reason)
                    finished = true;
                if (delta?.content || delta?.tool_calls?.length)
                    firstTokenMs ??= performance.now() - started;
                if (delta?.content)
                    text += delta.content;
                tools.add(delta?.tool_calls);
                if (chunk.usage)
                    usage = chunk.usage;
                if (chunk.model)
                    model = chunk.model;
            }
            // The SDK ends an aborted stream quietly: a cut-off answer must not pass for a whole one.
            if (signal?.aborted || watch.signal.aborted)
                throw signal?.reason ?? new Error('the stream was aborted');
            // A stream that ends before its last choice chunk was cut off by the provider or a proxy.
            if (!finished)
                throw new types/* ModelError */.m('bad-response', 'the stream ended without a finish_reason: the answer was cut off');
        }
        catch (error) {
            // A stream that went quiet is a timed-out attempt (retried), not the caller's deadline.
            if (watch.signal.aborted && !signal?.aborted)
                throw new openai/* APIConnectionTimeoutError */.qA({ message: `the stream stalled: no data for ${options.timeoutMs} ms` });
            throw error;
        }
        finally {
            watch.stop();
        }
        const calls = tools.calls();
        return {
            text: text === '' && calls.length ? (0,tool_calls/* toolCallsText */.LQ)(calls) : text,
            model,
            usage: (0,core_usage/* usageFromOpenAI */.Sv)(usage),
            latencyMs: performance.now() - started,
            ...(firstTokenMs === undefined ? {} : { firstTokenMs }),
        };
    }
    return {
        chat: (request, signal) => (request.stream ? chatStream(request, signal) : chatOnce(request, signal)),
        async embed(model, input, signal) {
            const response = await sdk.embeddings.create({ model, input }, sent(signal));
            return {
                vectors: response.data.map((item) => item.embedding),
                usage: { prompt: response.usage?.prompt_tokens ?? 0, completion: 0, cached: 0, reasoning: 0 },
                model: response.model ?? model,
            };
        },
        async moderate(model, input, signal) {
            const response = await sdk.moderations.create({ model, input }, sent(signal));
            const result = response.results?.[0];
            if (!result)
                throw new types/* ModelError */.m('bad-response', 'the moderation response has no results');
            return {
                flagged: result.flagged,
                categories: { ...result.categories },
                scores: { ...result.category_scores },
                model: response.model ?? model,
            };
        },
    };
}

;// CONCATENATED MODULE: ./src/model/rate-limit.ts

const REAL_PACE_CLOCK = { now: () => Date.now(), sleep: (ms) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms)) };
function readBudget(headers, kind, now) {
    const limit = Number(headers.get(`x-ratelimit-limit-${kind}`));
    const remaining = Number(headers.get(`x-ratelimit-remaining-${kind}`));
    const reset = parseGoDuration(headers.get(`x-ratelimit-reset-${kind}`) ?? '');
    if (!(limit > 0) || !Number.isFinite(remaining) || reset === undefined)
        return undefined;
    return { limit, remaining, resetAt: now + reset, windowMs: Math.max(reset, 1) };
}
/**
 * Requests/min and tokens/min learned from the provider's `x-ratelimit-*` headers, shared by
 * every call of the run: a call waits for the window to refill instead of earning a 429.
 * Nothing is paced until the provider has said something.
 */
function rateLimiter(clock = REAL_PACE_CLOCK) {
    const budgets = {};
    let waits = 0;
    function refill(budget, now) {
        if (now < budget.resetAt)
            return;
        budget.remaining = budget.limit;
        budget.resetAt = now + budget.windowMs;
    }
    return {
        /** Feed every response's headers (errors included) here. */
        observe(headers) {
            const now = clock.now();
            for (const kind of ['requests', 'tokens']) {
                const budget = readBudget(headers, kind, now);
                if (budget)
                    budgets[kind] = budget;
            }
        },
        /** Waits until a call of about `tokens` tokens fits in both budgets, then spends them. */
        async acquire(tokens) {
            for (;;) {
                const now = clock.now();
                const blocked = ['requests', 'tokens'].flatMap((kind) => {
                    const budget = budgets[kind];
                    if (!budget)
                        return [];
                    refill(budget, now);
                    const need = kind === 'requests' ? 1 : Math.min(tokens, budget.limit);
                    return budget.remaining < need ? [budget.resetAt] : [];
                });
                if (blocked.length === 0)
                    break;
                waits += 1;
                await clock.sleep(Math.max(1, Math.max(...blocked) - now));
            }
            if (budgets.requests)
                budgets.requests.remaining -= 1;
            if (budgets.tokens)
                budgets.tokens.remaining -= tokens;
        },
        get waits() {
            return waits;
        },
    };
}
/** About 4 characters a token, plus the completion the request allows for. */
function estimateTokens(request) {
    const characters = request.messages.reduce((sum, message) => sum + message.content.length, 0);
    const parameters = request.parameters ?? {};
    const completion = Number(parameters.max_completion_tokens ?? parameters.max_tokens ?? 0);
    return Math.ceil(characters / 4) + (Number.isFinite(completion) ? completion : 0);
}
/** About 4 characters a token (embedding and moderation inputs). */
function textTokens(texts) {
    return Math.ceil(texts.reduce((sum, text) => sum + text.length, 0) / 4);
}

;// CONCATENATED MODULE: ./src/model/client.ts









/** A retry counted where its scope keeps its stats: after a rate limit, or after any other failure. */
function countRetry(stats, failure, delayMs) {
    if (failure.error.kind === 'rate-limit') {
        stats.rateLimitWaits += 1;
        stats.rateLimitWaitMs += delayMs;
    }
    else {
        stats.retries += 1;
        stats.retryWaitMs += delayMs;
    }
}
/**
 * An Azure OpenAI resource URL without the `/openai/v1` path (the classic, api-version'd API)
 * goes through the SDK's AzureOpenAI client; `…/openai/v1` and every other endpoint are
 * OpenAI-compatible as they are.
 */
function azureEndpoint(baseUrl) {
    if (!baseUrl)
        return undefined;
    const url = new URL(baseUrl);
    const azureHost = /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/.test(url.hostname);
    return azureHost && !url.pathname.includes('/openai/v1') ? url.origin : undefined;
}
/**
 * The model client seam: concurrency limit → retries → circuit breaker (shared by the run; it
 * sees every attempt) → one attempt: the request, hedged once it is well past the latency the
 * provider shows, under an attempt timeout learned from that latency (src/model/latency.ts;
 * not for streams, which the provider's stall watch bounds) →
 * rate limit (learned from the provider's headers; every request waits its turn, hedges too) →
 * provider (official openai SDK; `timeoutMs` bounds one request). A response cache is one more
 * `ModelClient → ModelClient` wrapper. `scoped` gives a suite its own view: its headers on each
 * request, its retries and hedges counted apart, everything else (pool, limits, breaker) shared.
 */
function createModelClient(options) {
    const limiter = options.rateLimiter ?? rateLimiter();
    const provider = openAIProvider({ ...options, onResponseHeaders: limiter.observe });
    const guard = circuitBreaker((error) => classifyError(error, options.apiKey).error, options.breaker);
    const tracker = latencyTracker({ ...DEFAULT_ATTEMPTS, ...options.attempts, maxTimeoutMs: options.timeoutMs });
    const policy = options.retry ?? DEFAULT_RETRY;
    const clock = options.clock ?? REAL_CLOCK;
    const slot = (0,semaphore/* semaphore */.p)(options.concurrency ?? 4);
    /** A view of the one client: its requests carry the scope's headers and are counted in its stats. */
    function view(scope) {
        const sender = scope.headers && Object.keys(scope.headers).length > 0 ? provider.withHeaders(scope.headers) : provider;
        const { stats } = scope;
        const onHedge = () => {
            if (stats)
                stats.hedges += 1;
            options.onHedge?.();
        };
        const onRetry = (failure, delayMs) => {
            if (stats)
                countRetry(stats, failure, delayMs);
            options.onRetry?.(failure, delayMs);
        };
        function call(key, tokens, send, signal) {
            const acquire = () => limiter.acquire(tokens);
            const state = key === undefined ? undefined : { key, stalls: 0 };
            const attempt = () => guard((guarded) => (state ? hedgedAttempt(tracker, state, { acquire, send }, guarded, onHedge) : acquire().then(() => send(guarded))), signal);
            return withRetry(attempt, (error) => classifyError(error, options.apiKey), policy, clock, signal, onRetry);
        }
        return withConcurrencyLimit({
            // A stream is bounded by its stall watch, not by a total: a long answer that keeps coming is never cut or sent twice.
            chat: (request, signal) => call(request.stream ? undefined : `chat:${request.model}`, estimateTokens(request), (sent) => sender.chat(request, sent), signal),
            embed: (model, input, signal) => call(`embed:${model}`, textTokens(input), (sent) => sender.embed(model, input, sent), signal),
            moderate: (model, input, signal) => call(`moderate:${model}`, textTokens([input]), (sent) => sender.moderate(model, input, sent), signal),
        }, slot);
    }
    return { ...view({}), scoped: view };
}


/***/ }),

/***/ 37335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LQ: () => (/* binding */ toolCallsText),
/* harmony export */   sM: () => (/* binding */ toolCallCollector),
/* harmony export */   yy: () => (/* binding */ answerText)
/* harmony export */ });
function parsedArguments(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function toolCallsText(calls) {
    return JSON.stringify(calls.map((call) => ({ name: call.name, arguments: parsedArguments(call.arguments) })));
}
/** The function calls of a completed message (other kinds of tool call carry no function and are left out). */
function functionCalls(calls) {
    return (calls ?? []).flatMap((call) => (call.function?.name ? [{ name: call.function.name, arguments: call.function.arguments ?? '' }] : []));
}
/** A completed message's answer: its text, or its function calls as JSON when it has no text; undefined when it has neither. */
function answerText(message) {
    const calls = functionCalls(message?.tool_calls);
    if (typeof message?.content === 'string' && (message.content !== '' || calls.length === 0))
        return message.content;
    return calls.length ? toolCallsText(calls) : undefined;
}
/** Streamed tool-call deltas, joined by their index: the name arrives once, the arguments in pieces. */
function toolCallCollector() {
    const byIndex = new Map();
    return {
        add(deltas) {
            for (const delta of deltas ?? []) {
                const call = byIndex.get(delta.index) ?? { name: '', arguments: '' };
                call.name += delta.function?.name ?? '';
                call.arguments += delta.function?.arguments ?? '';
                byIndex.set(delta.index, call);
            }
        },
        calls: () => [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, call]) => call).filter((call) => call.name !== ''),
    };
}


/***/ })

};
