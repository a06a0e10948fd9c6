export const id = 742;
export const ids = [742];
export const modules = {

/***/ 41742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  batchClient: () => (/* binding */ batchClient)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/openai/index.mjs + 232 modules
var openai = __webpack_require__(98193);
// EXTERNAL MODULE: ./src/core/atomic-write.ts
var atomic_write = __webpack_require__(63008);
// EXTERNAL MODULE: ./src/core/hash.ts
var hash = __webpack_require__(90299);
// EXTERNAL MODULE: ./src/model/types.ts
var types = __webpack_require__(40440);
// EXTERNAL MODULE: ./src/core/usage.ts
var usage = __webpack_require__(14528);
// EXTERNAL MODULE: ./src/model/tool-calls.ts
var tool_calls = __webpack_require__(37335);
;// CONCATENATED MODULE: ./src/model/batch/jsonl.ts



/** The Batch API input: one chat completion request per line, `custom_id` = its queue position. */
function batchInput(requests) {
    return requests
        .map((request, index) => JSON.stringify({
        custom_id: `evalgate-${index}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { ...request.parameters, model: request.model, messages: request.messages },
    }))
        .join('\n')
        .concat('\n');
}
/**
 * The output (and error) files → an answer or an error per queue position. A line we cannot
 * read, or a request with no line at all, is an error for that request — never an empty answer.
 */
function batchAnswers(text, count) {
    const answers = new Array(count).fill(undefined);
    for (const raw of text.split('\n')) {
        if (!raw.trim())
            continue;
        let line;
        try {
            line = JSON.parse(raw);
        }
        catch {
            continue;
        }
        const index = Number(/^evalgate-(\d+)$/.exec(line.custom_id ?? '')?.[1]);
        if (!Number.isInteger(index) || index < 0 || index >= count)
            continue;
        answers[index] = readLine(line);
    }
    return answers.map((answer) => answer ?? new types/* ModelError */.m('bad-response', 'the batch output has no line for this request'));
}
function readLine(line) {
    const status = line.response?.status_code ?? 0;
    if (line.error || status !== 200) {
        const message = line.error?.message ?? line.response?.body?.error?.message ?? 'no answer';
        return new types/* ModelError */.m(status >= 500 ? 'server' : 'bad-request', `batch request failed (HTTP ${status || '—'}): ${message}`, status || undefined);
    }
    const body = line.response?.body;
    const text = (0,tool_calls/* answerText */.yy)(body?.choices?.[0]?.message);
    if (text === undefined)
        return new types/* ModelError */.m('bad-response', 'the batch answer has neither choices[0].message.content nor tool calls');
    return { text, model: body.model ?? '', usage: (0,usage/* usageFromOpenAI */.Sv)(body.usage), latencyMs: 0, batch: true };
}

;// CONCATENATED MODULE: ./src/model/batch/batch-client.ts







const DONE = new Set(['completed', 'failed', 'expired', 'cancelled']);
const sleep = (ms) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
/**
 * Chat calls through the OpenAI Batch API: calls are gathered, written as JSONL, uploaded
 * (POST /files), submitted (POST /batches), polled, and the output file is mapped back by
 * custom_id. The batch id is stored under a hash of the JSONL: the same requests after a
 * restart resume polling the same batch instead of paying twice. Embeddings and moderation go
 * to `online` as usual.
 */
function batchClient(online, options) {
    const sdk = new openai/* default */.Ay({ apiKey: options.apiKey, maxRetries: 3, ...(options.baseUrl ? { baseURL: options.baseUrl } : {}), ...(options.headers ? { defaultHeaders: options.headers } : {}) });
    let queue = [];
    let timer;
    async function submitOrResume(input) {
        const statePath = (0,external_node_path_.join)(options.stateDir, `${(0,hash/* sha256 */.sc)(input).slice(0, 32)}.json`);
        const saved = await (0,promises_.readFile)(statePath, 'utf8').then((text) => JSON.parse(text), () => undefined);
        if (typeof saved?.batchId === 'string') {
            options.log?.(`batch ${saved.batchId}: resuming`);
            return { id: saved.batchId, statePath };
        }
        const file = await sdk.files.create({ file: await (0,openai/* toFile */.eZ)(Buffer.from(input), 'evalgate-batch.jsonl'), purpose: 'batch' });
        const batch = await sdk.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
        await (0,atomic_write/* writeFileAtomic */.Z)(statePath, JSON.stringify({ batchId: batch.id, inputFileId: file.id, created: new Date().toISOString() }));
        options.log?.(`batch ${batch.id}: submitted`);
        return { id: batch.id, statePath };
    }
    async function run(batch) {
        const { id, statePath } = await submitOrResume(batchInput(batch.map((item) => item.request)));
        const started = Date.now();
        for (;;) {
            const status = await sdk.batches.retrieve(id);
            if (DONE.has(status.status)) {
                await (0,promises_.rm)(statePath, { force: true });
                if (status.status !== 'completed')
                    throw new types/* ModelError */.m('server', `batch ${id} ${status.status}${status.errors?.data?.[0]?.message ? `: ${status.errors.data[0].message}` : ''}`);
                const files = [status.output_file_id, status.error_file_id].filter((file) => Boolean(file));
                const texts = await Promise.all(files.map(async (file) => (await sdk.files.content(file)).text()));
                return batchAnswers(texts.join('\n'), batch.length);
            }
            if (Date.now() - started >= options.maxWaitMs) {
                throw new types/* ModelError */.m('timeout', `batch ${id} is still ${status.status}: re-run the same command to resume polling it`);
            }
            await sleep(options.pollMs);
        }
    }
    function flush() {
        timer = undefined;
        // Sorted by content, so the same requests make the same JSONL (and resume) whatever order they came in.
        const batch = queue.map((item) => ({ item, key: (0,hash/* canonicalJson */.dj)(item.request) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ item }) => item);
        queue = [];
        run(batch).then((answers) => batch.forEach((item, index) => item.settle(answers[index])), (error) => {
            const failure = error instanceof types/* ModelError */.m ? error : new types/* ModelError */.m('server', `batch: ${error?.message ?? String(error)}`);
            for (const item of batch)
                item.settle(failure);
        });
    }
    return {
        chat: (request) => new Promise((resolvePromise, reject) => {
            queue.push({ request, settle: (answer) => (answer instanceof types/* ModelError */.m ? reject(answer) : resolvePromise(answer)) });
            if (timer)
                clearTimeout(timer);
            timer = setTimeout(flush, options.gatherMs ?? 200);
        }),
        embed: (model, input, signal) => online.embed(model, input, signal),
        moderate: (model, input, signal) => online.moderate(model, input, signal),
    };
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
