export const id = 261;
export const ids = [261];
export const modules = {

/***/ 25261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(28551);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(58198);
;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * One escaping discipline for text that did not come from our own code (model outputs, case
 * ids and data, suite and metric names, error messages, anything read from a baseline or a
 * fork's artifact): one function per sink.
 *
 * - `escapeTableCell`      a Markdown table cell (one line, pipes escaped)
 * - `escapeMarkdownInline` Markdown inline text (headings, list items, `<summary>`): one line
 * - `escapeMarkdownText`   a Markdown block of text (several lines kept)
 * - `escapeCodeSpan`       a code span (metric names, case ids)
 * - `fencedBlock`          verbatim text in a code fence
 * - `escapeTerminal`       a terminal line (no escape sequences, no line breaks)
 * - `escapeLogLine`        a workflow-log line (can never start a `::command::`)
 *
 * Every sink drops control characters and invisible text: Unicode format characters (category
 * Cf: zero-width space/joiner/non-joiner, word joiner, BOM, soft hyphen, bidi marks, embeddings,
 * overrides and isolates, tag characters) and the other default-ignorable code points (Hangul
 * fillers, a variation selector after another), which make text read differently from what it
 * is. Kept: a zero-width joiner inside an emoji sequence, a non-joiner between Arabic-script
 * letters (Persian) and one variation selector after a visible character. GitHub does not stop
 * @mentions at a backslash, so they are broken with a zero-width joiner; in Markdown, bare URLs,
 * `www.` links, `#123`, `GH-123` and commit SHAs are broken the same way so nothing in the data
 * links anywhere; HTML is entity-encoded, so our hidden marker `<!-- evalgate` can never be forged.
 * Every sink also breaks workflow commands, in both of the runner's syntaxes (see
 * `guardWorkflowCommands`).
 */
const ZWJ = '\u200d';
const INVISIBLE = /(?<keep>(?<=\p{Extended_Pictographic}[\p{Emoji_Modifier}\uFE0F]?)\u200d(?=\p{Extended_Pictographic})|(?<=\p{Script=Arabic})\u200c(?=\p{Script=Arabic})|(?<=[^\p{Cf}\p{Default_Ignorable_Code_Point}\p{White_Space}])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}])|[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** C0 and C1 controls except tab and line breaks. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029|\u0085/g;
/** Every invisible character (the rule above) replaced by `by(character)`; the kept ones stay. */
function replaceInvisible(text, by) {
    return text.replace(INVISIBLE, (match, keep) => keep ?? by(match));
}
/** Controls and invisible characters gone; `\r\n`, lone `\r` and Unicode separators become `\n`. */
function inert(text) {
    return replaceInvisible(text.replace(LINE_BREAKS, '\n'), () => '').replace(CONTROL, '');
}
function oneLine(text) {
    return inert(text).replace(/\n/g, ' ⏎ ').replace(/\t/g, ' ');
}
function cut(text, maxLength) {
    const chars = [...text];
    return chars.length > maxLength ? `${chars.slice(0, maxLength).join('')}…` : text;
}
function breakMentions(text) {
    return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`);
}
function encodeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * What GitHub links by itself in Markdown text: bare URLs and `www.` (the autolink extension),
 * `#123`, `owner/repo#123` and `GH-123` (issue references), hex runs of 7+ with a digit and a letter
 * (commit SHAs); each broken with a zero-width joiner (a SHA every 6 characters).
 */
function unlinked(text) {
    return text
        .replace(/:(?=\/\/)/g, `:${ZWJ}`)
        .replace(/\b(www)\./gi, `$1${ZWJ}.`)
        .replace(/#(?=\d)/g, `#${ZWJ}`)
        .replace(/\b(GH-)(?=\d)/gi, `$1${ZWJ}`)
        .replace(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/gi, (sha) => sha.replace(/.{6}(?=.)/g, `$&${ZWJ}`));
}
function markdownInert(text) {
    return unlinked(guardWorkflowCommands(breakMentions(encodeHtml(text))))
        .replace(/([\\`*_{}[\]()#+!|~$])/g, '\\$1')
        .replace(/^(\s*)([-=>])/gm, '$1\\$2')
        .replace(/^(\s*\d+)\./gm, '$1\\.');
}
/** A Markdown block of text: HTML, mentions, issue links, emphasis, links and images neutralised. */
function escapeMarkdownText(text) {
    return markdownInert(inert(text));
}
/** Inline Markdown text on one line (headings, list items, `<summary>`). */
function escapeMarkdownInline(text, maxLength = 300) {
    return markdownInert(cut(oneLine(text), maxLength));
}
/** A table cell: one line, pipes escaped, cut at `maxLength` characters. */
function escapeTableCell(text, maxLength = 120) {
    return markdownInert(cut(oneLine(text), maxLength));
}
/**
 * A code span (metric names, case ids): one line, no backtick to close it early, pipes escaped
 * for tables, and no `<!--` (the raw body must never hold a second marker).
 */
function escapeCodeSpan(text, maxLength = 80) {
    return `\`${guardWorkflowCommands(cut(oneLine(text), maxLength)).replace(/`/g, "'").replace(/\|/g, '\\|').replace(/<!--/g, '<!\u200d--')}\``;
}
/** A fenced block that no backtick run inside the text can close early. */
function fencedBlock(text, maxLength = 2000) {
    const clipped = text.length > maxLength ? `${text.slice(0, maxLength)}\n…(truncated)` : text;
    const body = guardWorkflowCommands(breakMentions(inert(clipped))).replace(/\t/g, '  ');
    const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}text\n${body.replace(/<!--/g, '<!\u200d--')}\n${fence}`;
}
/** .NET's `char.IsWhiteSpace`: what the runner's `TrimStart()` skips before a `::` command. */
const RUNNER_SPACE = '[\\t\\v\\f \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LINE_COMMAND = new RegExp(`(^|[\\r\\n\\u2028\\u2029\\u0085])(${RUNNER_SPACE}*):(?=:)`, 'g');
/**
 * Workflow commands broken with a zero-width joiner, in both syntaxes the runner reads on a
 * line (actions/runner `ActionCommand.TryParseV2` / `TryParse`): `::` after the line's leading
 * white space, and the legacy `##[` anywhere in a line (`##[error]`, `##[add-mask]`,
 * `##[set-output name=x]`, `##[group]`, the stop-commands resume token…). The last guard on
 * whatever reaches stdout/stderr in CI, and part of every sink above.
 */
function guardWorkflowCommands(text) {
    return text.replace(LINE_COMMAND, `$1$2:${ZWJ}`).replace(/#(?=#\[)/g, `#${ZWJ}`);
}
/**
 * Terminal text: one line, no escape sequences (the colours are ours, added after). CI logs
 * are terminals too, so it can never start a workflow command either.
 */
function escapeTerminal(text, maxLength = 500) {
    return guardWorkflowCommands(cut(oneLine(text), maxLength));
}
/** A line for the workflow log (`core.info`, CLI stderr): one line that holds no workflow command. */
function escapeLogLine(text) {
    return guardWorkflowCommands(oneLine(text));
}
/**
 * The message of an annotation (`core.warning`, `core.setFailed`): line breaks kept (@actions/core
 * escapes them), invisible characters and workflow commands from the data broken.
 */
function escapeAnnotation(text) {
    return guardWorkflowCommands(inert(text));
}
/** Data for `::command::` workflow lines (GitHub's escaping rules for messages). */
function escapeWorkflowData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Properties of `::command key=value::` lines also escape `:` and `,`. */
function escapeWorkflowProperty(text) {
    return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/core/atomic-write.ts
var atomic_write = __webpack_require__(63008);
// EXTERNAL MODULE: ./src/metrics/units.ts
var units = __webpack_require__(17694);
;// CONCATENATED MODULE: ./src/results/check-ranges.ts

const MAX_AMOUNT = (unit) => units/* UNITS */.QN[unit].max;
function withinScale(value, scale) {
    if (!Number.isFinite(value))
        return false;
    switch (scale.kind) {
        case 'binary':
        case 'unit':
            return value >= 0 && value <= 1;
        case 'likert':
            return value >= scale.min && value <= scale.max;
        case 'amount':
            return value >= 0 && value <= MAX_AMOUNT(scale.unit);
    }
}
function scaleText(scale) {
    if (scale.kind === 'likert')
        return `${scale.min}–${scale.max}`;
    if (scale.kind === 'amount')
        return `0–${MAX_AMOUNT(scale.unit)} ${scale.unit}`;
    return '0–1';
}
/** Each metric's scale by name, for checking a suite's scores. */
function metricScales(suite) {
    return new Map(suite.metrics.map((metric) => [metric.name, metric.scale]));
}
/** One case's range problem (see rangeProblem), its path starting with `at` (`suites.0.cases.3`). */
function caseRangeProblem(testCase, scales, at) {
    for (const [sampleIndex, sample] of testCase.samples.entries()) {
        const where = `${at}.samples.${sampleIndex}`;
        for (const [name, score] of Object.entries(sample.scores)) {
            const scale = scales.get(name);
            if (score.status === 'ok' && scale && !withinScale(score.value, scale)) {
                return `${where}.scores.${name}.value: ${score.value} is outside the metric's scale (${scaleText(scale)})`;
            }
        }
        const measures = [
            ['latencyMs', sample.latencyMs, MAX_AMOUNT('ms')],
            ['firstTokenMs', sample.firstTokenMs, MAX_AMOUNT('ms')],
            ['costUsd', sample.costUsd, MAX_AMOUNT('usd')],
            ['evaluatorCostUsd', sample.evaluatorCostUsd, MAX_AMOUNT('usd')],
            ...Object.entries(sample.usage).map(([key, value]) => [`usage.${key}`, value, MAX_AMOUNT('tokens')]),
        ];
        for (const [key, value, max] of measures) {
            if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= max))
                return `${where}.${key}: ${value} is out of range (0–${max})`;
        }
    }
    return undefined;
}
/**
 * Numbers the schema cannot bound (they depend on each metric's scale): every score within its
 * metric's scale, every measurement plausible. Returns the first problem as `path: message`.
 */
function rangeProblem(results) {
    for (const [suiteIndex, suite] of results.suites.entries()) {
        const scales = metricScales(suite);
        for (const [caseIndex, testCase] of suite.cases.entries()) {
            const problem = caseRangeProblem(testCase, scales, `suites.${suiteIndex}.cases.${caseIndex}`);
            if (problem)
                return problem;
        }
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(52210);
;// CONCATENATED MODULE: ./src/results/schema-base.json
const schema_base_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://evalgate.dev/schema/results.schema.json","title":"EvalGate results file (also the baseline)","type":"object","required":["format","version","tool","run","suites"],"properties":{"format":{"const":"evalgate-results"},"version":{"const":2},"tool":{"type":"object","required":["name","version"],"properties":{"name":{"const":"evalgate"},"version":{"type":"string"}}},"run":{"type":"object","required":["date","models","durationMs"],"properties":{"date":{"type":"string"},"commit":{"type":"string"},"ref":{"type":"string"},"models":{"type":"array","items":{"type":"string"}},"judgeModel":{"type":"string"},"durationMs":{"type":"number","minimum":0},"cache":{"type":"object","required":["hits","misses"],"properties":{"hits":{"type":"integer","minimum":0},"misses":{"type":"integer","minimum":0}},"description":"Model calls served from the response cache (hits) and sent to the model (misses)."},"shard":{"type":"object","required":["index","count"],"properties":{"index":{"type":"integer","minimum":1},"count":{"type":"integer","minimum":1}},"description":"Partial results of one shard (--shard index/count); evalgate merge combines the shards."},"unstored":{"type":"array","description":"Written by a baseline refresh: suites this push could not store (skipped, could not run), and why; a PR that needs them says so.","items":{"type":"object","required":["suite","reason"],"properties":{"suite":{"type":"string"},"reason":{"type":"string"}}}},"gate":{"type":"object","description":"Written by a baseline refresh: the default branch\'s gate settings, which a pull request may only tighten.","properties":{"failOn":{"enum":["regression","warn","never"]},"suites":{"type":"array","items":{"type":"string"}},"baseline":{"type":"string","description":"Where the default branch stores its baseline (the `baseline` input of the push that stored it)."},"sequential":{"type":"boolean","description":"The `sequential` input of the push that stored it, when set: false makes pull requests run every case."}}}}},"suites":{"type":"array","items":{"$ref":"#/$defs/suite"}}},"$defs":{"usage":{"type":"object","required":["prompt","completion","cached","reasoning"],"properties":{"prompt":{"type":"number","minimum":0},"completion":{"type":"number","minimum":0},"cached":{"type":"number","minimum":0},"reasoning":{"type":"number","minimum":0}}},"scale":{"$comment":"derived from the unit table (src/metrics/units.ts) by src/results/schema.ts"},"metric":{"type":"object","required":["name","metric","family","scale","direction","gate"],"properties":{"name":{"type":"string"},"metric":{"type":"string"},"family":{"enum":["quality","harm","honesty","cost","latency"]},"scale":{"$ref":"#/$defs/scale"},"direction":{"enum":["higher-is-better","lower-is-better"]},"configHash":{"type":"string"},"threshold":{"type":"number"},"note":{"type":"string"},"gate":{"type":"object","properties":{"min":{"type":"number"},"max":{"type":"number"},"tolerance":{"type":"number"},"gate":{"type":"boolean"},"primary":{"type":"boolean"}}}}},"score":{"type":"object","required":["status"],"additionalProperties":false,"properties":{"status":{"enum":["ok","not-applicable","skipped","error"],"description":"ok: value holds the score; not-applicable: the metric does not apply to this sample; skipped: it could not be asked (e.g. no API key); error: it failed (never a score)."},"value":{"type":"number"},"error":{"type":"string"},"reason":{"type":"string"},"details":{"type":"object"}},"allOf":[{"if":{"properties":{"status":{"const":"ok"}}},"then":{"required":["value"]}},{"if":{"properties":{"status":{"const":"error"}}},"then":{"required":["error"]}}]},"sample":{"type":"object","required":["output","usage","latencyMs","scores"],"properties":{"output":{"type":["string","null"]},"error":{"type":"string"},"errorKind":{"enum":["infrastructure","application"],"description":"Why the flow failed: infrastructure (timeouts, 429/5xx, connection; excluded from the comparison) or application (crash, invalid output, 4xx from the team\'s endpoint; counts as a failure)."},"context":{"type":"string"},"usage":{"$ref":"#/$defs/usage"},"latencyMs":{"type":"number","minimum":0},"firstTokenMs":{"type":"number","minimum":0},"costUsd":{"type":"number","minimum":0},"evaluatorCostUsd":{"type":"number","minimum":0},"scores":{"type":"object","additionalProperties":{"$ref":"#/$defs/score"}},"model":{"type":"string"},"cached":{"type":"boolean","description":"The flow\'s answer was served from the response cache; usage, latency and cost are the recorded ones."},"batch":{"type":"boolean","description":"The flow\'s answer came through the OpenAI Batch API; costUsd is the half price billed."}}},"case":{"type":"object","required":["id","hash","inputs","samples"],"properties":{"id":{"type":"string"},"hash":{"type":"string"},"inputs":{"type":"object"},"samples":{"type":"array","items":{"$ref":"#/$defs/sample"}}}},"suite":{"type":"object","required":["name","file","hash","flow","repeat","status","alpha","tolerance","metrics","cases"],"properties":{"name":{"type":"string"},"file":{"type":"string"},"hash":{"type":"string"},"flow":{"type":"object","required":["kind"],"properties":{"kind":{"type":"string"},"model":{"type":"string"},"ownCode":{"type":"boolean","description":"The flow runs the team\'s own code (command, http, promptflow), which the suite hash does not cover."}}},"repeat":{"type":"integer","minimum":1},"status":{"enum":["ran","skipped"]},"skipReason":{"type":"string"},"alpha":{"type":"number","exclusiveMinimum":0,"maximum":0.5},"tolerance":{"type":"number","minimum":0},"stopEarly":{"type":"boolean","description":"The suite file\'s `gate: sequential:` as written (absent: not set); on a baseline, the default branch\'s setting, which a pull request may only tighten."},"metrics":{"type":"array","items":{"$ref":"#/$defs/metric"}},"cases":{"type":"array","items":{"$ref":"#/$defs/case"}},"sequential":{"type":"object","required":["seed","ran","of","order","resampled","calls"],"additionalProperties":false,"description":"How a PR run stopped when its verdict was known (sequential stopping). Compare re-checks it against the cases; a record the data do not support is not relied on.","properties":{"seed":{"type":"string"},"ran":{"type":"integer","minimum":0},"of":{"type":"integer","minimum":0},"order":{"type":"array","items":{"type":"string"}},"cached":{"type":"integer","minimum":0},"adapted":{"type":"object","required":["after","repeat"],"additionalProperties":false,"properties":{"after":{"type":"integer","minimum":0},"repeat":{"type":"integer","minimum":1}}},"stopped":{"type":"object","required":["reason","decision"],"additionalProperties":false,"properties":{"reason":{"type":"string"},"decision":{"enum":["futile","fail"]},"look":{"type":"integer","minimum":0},"metric":{"type":"string"}}},"resampled":{"type":"array","items":{"type":"object","required":["id","samples"],"additionalProperties":false,"properties":{"id":{"type":"string"},"samples":{"type":"integer","minimum":1}}}},"calls":{"type":"object","required":["made","full"],"additionalProperties":false,"properties":{"made":{"type":"integer","minimum":0},"full":{"type":"integer","minimum":0}}}}},"determinism":{"type":"object","required":["hash","source","cases","metrics"],"additionalProperties":false,"description":"Evidence that the flow is noise-free (set when the entry is stored as the baseline): the gate judges these metrics\' measured drop against the tolerance directly while the suite hash is `hash`.","properties":{"hash":{"type":"string"},"source":{"enum":["refresh","repeat"]},"cases":{"type":"integer","minimum":0},"metrics":{"type":"array","items":{"type":"string"}}}},"aggregates":{"type":"object","description":"Run-level outputs (PromptFlow aggregation nodes), reported, never gated."},"calls":{"type":"object","required":["retries","retryWaitMs","rateLimitWaits","rateLimitWaitMs","hedges"],"additionalProperties":false,"description":"What the suite\'s model calls (flow and judges) cost beyond their answers, when anything: attempts retried after a server error, timeout or dropped connection, after a rate limit (429), the time waited before each kind, and hedged requests.","properties":{"retries":{"type":"integer","minimum":0},"retryWaitMs":{"type":"number","minimum":0},"rateLimitWaits":{"type":"integer","minimum":0},"rateLimitWaitMs":{"type":"number","minimum":0},"hedges":{"type":"integer","minimum":0}}},"positions":{"type":"array","items":{"type":"integer","minimum":0},"description":"A shard\'s partial results only: the position of each case in the suite\'s full case list (evalgate merge restores the order)."}}}}}');
;// CONCATENATED MODULE: ./src/results/schema.ts


/**
 * The results document's JSON Schema: the hand-written shape (./schema-base.json) with the parts
 * the catalogue owns filled in (a metric's scale, from the unit table). The validator uses it;
 * `npm run generate` writes it to schema/results.schema.json for editors and other tools.
 */
const RESULTS_SCHEMA = { ...schema_base_namespaceObject, $defs: { ...schema_base_namespaceObject.$defs, scale: (0,units/* scaleSchema */.U0)() } };
const resultsSchemaText = () => `${JSON.stringify(RESULTS_SCHEMA, null, 2)}\n`;

;// CONCATENATED MODULE: ./src/results/types.ts
/** The versioned results document (also the baseline): src/results/schema.ts describes it (generated into schema/results.schema.json). */
const RESULTS_FORMAT = 'evalgate-results';
const RESULTS_VERSION = 2;

;// CONCATENATED MODULE: ./src/results/validate.ts




const REGENERATE = 'regenerate it with `evalgate run --update-baseline` on the base branch';
let validators;
/** The schema compiled once; a suite or case is checked against its own `$defs` entry. */
function validatorFor(piece) {
    if (!validators) {
        const ajv = new _2020.Ajv2020({ allErrors: false, strict: false });
        ajv.addSchema(RESULTS_SCHEMA);
        validators = {
            document: ajv.compile({ $ref: RESULTS_SCHEMA.$id }),
            suite: ajv.compile({ $ref: `${RESULTS_SCHEMA.$id}#/$defs/suite` }),
            case: ajv.compile({ $ref: `${RESULTS_SCHEMA.$id}#/$defs/case` }),
        };
    }
    return validators[piece];
}
/** The first schema problem of `value` as `path: message`, the path prefixed by where the piece sits (`suites.0`). */
function schemaProblem(piece, value, at = '') {
    const validate = validatorFor(piece);
    if (validate(value))
        return undefined;
    const [error] = validate.errors ?? [];
    const path = [at, error?.instancePath.slice(1).replace(/\//g, '.') ?? ''].filter(Boolean).join('.') || '(top level)';
    return `${path}: ${error?.message ?? 'does not match the schema'}`;
}
/**
 * The format and version of a parsed document (or of its first line): not a results file or a
 * newer version is a ConfigError; returns the version to read it as (1 is upgraded first).
 */
function checkedVersion(value, where) {
    const header = (value ?? {});
    if (header.format !== RESULTS_FORMAT) {
        throw new errors/* ConfigError */.x(`not an EvalGate results file (format is ${JSON.stringify(header.format)})`, where, REGENERATE);
    }
    if (typeof header.version === 'number' && header.version > RESULTS_VERSION) {
        throw new errors/* ConfigError */.x(`written by a newer EvalGate (results format version ${header.version}; this one reads ${RESULTS_VERSION})`, where, 'upgrade EvalGate');
    }
    return header.version === 1 ? 1 : 2;
}
function invalid(problem, where) {
    return new errors/* ConfigError */.x(`invalid results file at ${problem}`, where, REGENERATE);
}

;// CONCATENATED MODULE: ./src/results/read-stream.ts




const EXPECTED = {
    'suite-or-end': 'a suite or the closing "]}"',
    suite: 'another suite',
    case: 'another case',
    end: 'the closing "]}"',
    done: 'nothing more',
};
const SUITE_ENDINGS = [
    { ending: '"cases":[', cut: 0, add: ']}', next: 'case' },
    { ending: '"cases":[]},', cut: 1, add: '', next: 'suite' },
    { ending: '"cases":[]}', cut: 0, add: '', next: 'end' },
];
const CASE_ENDINGS = [
    { ending: ',', cut: 1, add: '', next: 'case' },
    { ending: ']},', cut: 3, add: '', next: 'suite' },
    { ending: ']}', cut: 2, add: '', next: 'end' },
];
/** A line that leaves the writer's layout (not necessarily invalid JSON as a whole). */
class OffLayout extends Error {
    error;
    constructor(error) {
        super(error.message);
        this.error = error;
    }
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (error) {
        return { ok: false, message: error.message };
    }
}
/** The state of one streamed read: the document so far and what the next line must be. */
class ResultsLines {
    results;
    suite;
    scales = new Map();
    expect = 'suite-or-end';
    label;
    constructor(label) {
        this.label = label;
    }
    /** Line 1; false when it is not the writer's head of a current-version file. */
    head(line) {
        if (!line.endsWith('"suites":['))
            return false;
        const parsed = parseJson(`${line}]}`);
        if (!parsed.ok || checkedVersion(parsed.value, { file: this.label, line: 1 }) === 1)
            return false;
        const problem = schemaProblem('document', parsed.value);
        if (problem)
            throw invalid(problem, { file: this.label, line: 1 });
        this.results = parsed.value;
        return true;
    }
    next(line, lineNumber) {
        const { expect } = this;
        if (expect === 'done') {
            if (line.trim())
                this.offLayout('text after the end of the results', lineNumber);
        }
        else if (line === ']}' && (expect === 'end' || expect === 'suite-or-end')) {
            this.expect = 'done';
        }
        else if (expect === 'case') {
            this.addCase(this.piece(line, lineNumber, CASE_ENDINGS), lineNumber);
        }
        else if (expect !== 'end') {
            this.addSuite(this.piece(line, lineNumber, SUITE_ENDINGS), lineNumber);
        }
        else {
            this.offLayout(`expected ${EXPECTED[expect]}`, lineNumber);
        }
    }
    /** The whole document once the last line is read. */
    finish(lastLine) {
        if (this.expect !== 'done' || !this.results) {
            this.offLayout(`the file ends early, where ${EXPECTED[this.expect]} should follow (is it truncated?)`, lastLine);
        }
        return this.results;
    }
    /** The line as one JSON value, by the first of its possible endings that parses. */
    piece(line, lineNumber, endings) {
        const whole = endings.some(({ ending }) => line.endsWith(ending)) ? undefined : parseJson(line);
        let failure = whole && !whole.ok ? `not valid JSON (${whole.message})` : `expected ${EXPECTED[this.expect]}, on a line ending in ${endings.map(({ ending }) => JSON.stringify(ending)).join(' or ')}`;
        for (const { ending, cut, add, next } of endings) {
            if (!line.endsWith(ending))
                continue;
            const parsed = parseJson(`${line.slice(0, line.length - cut)}${add}`);
            if (parsed.ok) {
                this.expect = next;
                return parsed.value;
            }
            failure = `not valid JSON (${parsed.message})`;
        }
        return this.offLayout(failure, lineNumber);
    }
    addSuite(value, lineNumber) {
        const suites = this.results.suites;
        this.check(schemaProblem('suite', value, `suites.${suites.length}`), lineNumber);
        this.suite = value;
        this.scales = metricScales(this.suite);
        suites.push(this.suite);
    }
    addCase(value, lineNumber) {
        const suite = this.suite;
        const at = `suites.${this.results.suites.length - 1}.cases.${suite.cases.length}`;
        this.check(schemaProblem('case', value, at), lineNumber);
        this.check(caseRangeProblem(value, this.scales, at), lineNumber);
        suite.cases.push(value);
    }
    check(problem, lineNumber) {
        if (problem)
            throw invalid(problem, { file: this.label, line: lineNumber });
    }
    offLayout(message, lineNumber) {
        throw new OffLayout(new errors/* ConfigError */.x(message, { file: this.label, line: lineNumber }, REGENERATE));
    }
}
/**
 * Reads `path` line by line (a line is never longer than one string can be: a longer first line
 * means another layout); ConfigError for a piece that is invalid (see StreamedRead for the rest).
 */
async function readResultsStream(path, label) {
    const input = (0,external_node_fs_.createReadStream)(path, { encoding: 'utf8' });
    const reader = new ResultsLines(label);
    let lineNumber = 0;
    /** One line to the reader; false when line 1 is not the writer's head. */
    const take = (line) => {
        lineNumber += 1;
        const text = line.endsWith('\r') ? line.slice(0, -1) : line;
        if (lineNumber === 1)
            return reader.head(text);
        reader.next(text, lineNumber);
        return true;
    };
    let partial = '';
    try {
        for await (const chunk of input) {
            let start = 0;
            for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
                if (!take(partial + chunk.slice(start, end)))
                    return { kind: 'not-streamed' };
                partial = '';
                start = end + 1;
            }
            partial += chunk.slice(start);
        }
        if (partial && !take(partial))
            return { kind: 'not-streamed' };
        return lineNumber ? { kind: 'read', results: reader.finish(lineNumber) } : { kind: 'not-streamed' };
    }
    catch (error) {
        if (error instanceof OffLayout)
            return { kind: 'off-layout', error: error.error };
        if (error instanceof errors/* ConfigError */.x)
            throw error;
        if (error instanceof RangeError && lineNumber === 0)
            return { kind: 'not-streamed' };
        if (error instanceof RangeError)
            throw new errors/* ConfigError */.x('a line too long to read (one line per case is expected)', { file: label, line: lineNumber + 1 }, REGENERATE);
        throw new errors/* ConfigError */.x('cannot read the results file', { file: label }, 'check the path');
    }
    finally {
        input.destroy();
    }
}

;// CONCATENATED MODULE: ./src/results/serialise.ts
/** An object's members as JSON, without the braces. */
const members = (value) => JSON.stringify(value).slice(1, -1);
/**
 * The results document as compact JSON in pieces: one line per case (diffable, and no string
 * ever holds the whole file). `JSON.parse` of the joined pieces gives the document back.
 */
function* resultsJsonChunks(results) {
    const { suites, ...head } = results;
    yield `{${members(head)},"suites":[`;
    for (const [suiteIndex, suite] of suites.entries()) {
        const { cases, ...header } = suite;
        yield `${suiteIndex ? ',' : ''}\n{${members(header)},"cases":[`;
        for (const [caseIndex, testCase] of cases.entries())
            yield `${caseIndex ? ',' : ''}\n${JSON.stringify(testCase)}`;
        yield ']}';
    }
    yield '\n]}\n';
}

// EXTERNAL MODULE: ./src/core/dict.ts
var dict = __webpack_require__(30283);
;// CONCATENATED MODULE: ./src/results/upgrade.ts

/**
 * Version 1 results (before typed score statuses) read as version 2: a score's status comes from
 * its value and error (an error starting "skipped" was a skipped metric), and the copies of
 * cost and latency that v1 stored as scores are dropped (v2 stores them once, on the sample).
 */
function upgradeV1(document) {
    const suites = Array.isArray(document.suites) ? document.suites : [];
    const measured = new Set(['cost', 'latency', 'ttft', 'tokens-per-second']);
    for (const suite of suites.filter(dict/* isDict */.Z)) {
        const metrics = (Array.isArray(suite.metrics) ? suite.metrics : []).filter(dict/* isDict */.Z);
        const measuredNames = new Set(metrics.filter((metric) => measured.has(String(metric.metric))).map((metric) => String(metric.name)));
        for (const testCase of (Array.isArray(suite.cases) ? suite.cases : []).filter(dict/* isDict */.Z)) {
            for (const sample of (Array.isArray(testCase.samples) ? testCase.samples : []).filter(dict/* isDict */.Z)) {
                if (!(0,dict/* isDict */.Z)(sample.scores))
                    continue;
                sample.scores = Object.fromEntries(Object.entries(sample.scores)
                    .filter(([name]) => !measuredNames.has(name))
                    .map(([name, score]) => [name, (0,dict/* isDict */.Z)(score) ? upgradeScore(score) : score]));
            }
        }
    }
    return { ...document, version: 2 };
}
function upgradeScore(score) {
    const { value, error, ...rest } = score;
    if (typeof error === 'string') {
        return error.startsWith('skipped') ? { status: 'skipped', reason: error.replace(/^skipped:\s*/, ''), ...rest } : { status: 'error', error, ...rest };
    }
    return typeof value === 'number' ? { status: 'ok', value, ...rest } : { status: 'not-applicable', ...rest };
}

;// CONCATENATED MODULE: ./src/results/io.ts









/**
 * A results file or baseline, validated before use: a baseline is untrusted input (it may come
 * from a PR, a fork's artifact or a bad merge). Errors name the JSON path and what was expected.
 */
function parseResultsFile(text, label) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* ConfigError */.x(`not valid JSON (${error.message})`, { file: label }, REGENERATE);
    }
    return checkedDocument(value, label);
}
function checkedDocument(value, label) {
    const document = checkedVersion(value, { file: label }) === 1 ? upgradeV1(value) : value;
    const problem = schemaProblem('document', document) ?? rangeProblem(document);
    if (problem)
        throw invalid(problem, { file: label });
    return document;
}
/**
 * Read as a stream when the file is in the writer's layout (one line per case: no string holds
 * the file), else as one text, so every file that parses as a whole still reads.
 */
async function readResultsFile(path) {
    const label = (0,external_node_path_.relative)(process.cwd(), path) || path;
    const streamed = await readResultsStream(path, label);
    if (streamed.kind === 'read')
        return streamed.results;
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (streamed.kind === 'off-layout')
            throw streamed.error;
        if (error instanceof RangeError)
            throw new errors/* ConfigError */.x('too large to read as one text, and not in the one-line-per-case layout that is read as a stream', { file: label }, REGENERATE);
        throw new errors/* ConfigError */.x('cannot read the results file', { file: label }, 'check the path');
    }
    if (streamed.kind === 'not-streamed')
        return parseResultsFile(text, label);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw streamed.error;
    }
    return checkedDocument(value, label);
}
/** Compact, one line per case, streamed to disk and written atomically. */
async function writeResultsFile(path, results) {
    await (0,atomic_write/* writeFileAtomic */.Z)(path, resultsJsonChunks(results));
}

;// CONCATENATED MODULE: ./src/core/version.ts
/** The tool version written into every results file; a test keeps it equal to package.json's. */
const VERSION = '0.1.0';

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/core/defaults.ts
/**
 * Every default EvalGate applies, in one place: the CLI flags, the action inputs, the suite
 * loader and the docs read them from here (action.yml and the docs' tables are checked against it).
 */
const DEFAULTS = {
    /** Suite files: EvalGate suites and GitHub `.prompt.yml` prompt files. */
    suites: ['evals/**/*.eval.yaml', 'evals/**/*.eval.yml'],
    baseline: 'evals/baseline.json',
    results: '.evalgate/results.json',
    report: '.evalgate/report.md',
    htmlReport: '.evalgate/report.html',
    junit: '.evalgate/junit.xml',
    judgeModel: 'gpt-4o-mini',
    /** Flow invocations (and judge calls) in flight at once. */
    concurrency: 16,
    /** Per flow invocation, unless the flow sets its own `timeout:`. */
    timeoutSeconds: 60,
    failOn: 'regression',
    comment: 'always',
    updateBaseline: 'commit',
    workingDirectory: '.',
    /** What a scheduled run does on a regression: `off`, or `issue` (one drift issue). */
    alert: 'off',
    alertLabels: 'evalgate,drift',
    /** Family-wise error rate of a suite's gate. */
    alpha: 0.05,
    /** Smallest drop worth failing for, on 0–1 scales. */
    tolerance: 0.05,
    repeat: 1,
    /** A pull request's suites stop once their verdict is known (docs/gate.md "Stopping when the verdict is known"); pushes, schedules and --update-baseline run every case. */
    sequential: true,
    /** Response cache folder (relative to the working directory) and its limits. */
    cacheDir: '.evalgate/cache',
    cacheMaxMegabytes: 256,
    cacheMaxAgeDays: 30,
    /** Batch API mode: where submitted batch ids are kept (resume), how often and how long to poll. */
    batchStateDir: '.evalgate/batches',
    batchPollSeconds: 30,
    batchMaxWaitHours: 24,
};
/**
 * The most calls in flight anything accepts: the rate limiter (learned from x-ratelimit-*
 * headers) keeps a provider safe at any concurrency; more than this is a typo, not a wish.
 */
const MAX_CONCURRENCY = 256;
/** The longest timeout anything accepts: a larger one is a typo, not a wish. */
const MAX_TIMEOUT_MS = 60 * 60 * 1000;

// EXTERNAL MODULE: ./src/compare/fail-policy.ts
var fail_policy = __webpack_require__(50958);
// EXTERNAL MODULE: ./src/core/edit-distance.ts
var edit_distance = __webpack_require__(52227);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/core/hash.ts
var hash = __webpack_require__(90299);
;// CONCATENATED MODULE: ./src/suites/select.ts




/** Whether the selection leaves some cases or metrics out (so the run is a subset of the suites). */
function isSubset(selection) {
    return Boolean(selection.cases?.length || selection.metrics?.length || selection.limit !== undefined || selection.sample);
}
/** The suite narrowed by the selection; a suite left with no case is dropped (returns undefined). */
function selectInSuite(suite, selection) {
    const matchers = (selection.cases ?? []).map((glob) => picomatch_default()(glob));
    let cases = matchers.length ? suite.cases.filter((testCase) => matchers.some((match) => match(testCase.id))) : suite.cases;
    if (selection.sample) {
        const { seed } = selection.sample;
        const order = new Map(cases.map((testCase) => [testCase, (0,hash/* shortHash */.BC)([seed, suite.name, testCase.id])]));
        const drawn = new Set([...cases].sort((a, b) => ((order.get(a) ?? '') < (order.get(b) ?? '') ? -1 : 1)).slice(0, selection.sample.size));
        cases = cases.filter((testCase) => drawn.has(testCase));
    }
    if (selection.limit !== undefined)
        cases = cases.slice(0, selection.limit);
    if (cases.length === 0)
        return undefined;
    const wanted = selection.metrics?.length ? new Set(selection.metrics) : undefined;
    const evaluators = wanted ? suite.evaluators.filter((evaluator) => wanted.has(evaluator.name) || wanted.has(evaluator.metric)) : suite.evaluators;
    return { ...suite, cases, evaluators, repeat: selection.repeat ?? suite.repeat };
}
/** Applies the selection to every suite; a metric that no suite has is a usage error with a suggestion. */
function selectSuites(suites, selection) {
    const known = [...new Set(suites.flatMap((suite) => suite.evaluators.flatMap((evaluator) => [evaluator.name, evaluator.metric])))];
    for (const metric of selection.metrics ?? []) {
        if (!known.includes(metric)) {
            const close = (0,edit_distance/* closestName */.N)(metric, known);
            throw new errors/* ConfigError */.x(`--metric ${metric}: no suite has this metric`, {}, close ? `did you mean "${close}"?` : `metrics in these suites: ${known.join(', ')}`);
        }
    }
    const selected = suites.flatMap((suite) => selectInSuite(suite, selection) ?? []);
    if (selected.length === 0)
        throw new errors/* ConfigError */.x(`--filter ${selection.cases?.join(' ') ?? ''} matches no case`, {}, 'case ids are the data\'s `id` fields; globs like "refund-*" match several');
    return selected;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/compare/headline.ts
var headline = __webpack_require__(34487);
// EXTERNAL MODULE: ./src/metrics/types.ts
var types = __webpack_require__(97032);
;// CONCATENATED MODULE: ./src/report/format.ts



const VERDICT_ICON = { pass: '✅', warn: '⚠️', fail: '❌', incomplete: '🚧', error: '🛑' };
const VERDICT_WORD = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', incomplete: 'INCOMPLETE', error: 'COULD NOT RUN' };
/** A run-level value in its unit: 0–1 scores as percentages, USD, ms. */
function formatValue(value, scale) {
    if (value === null || Number.isNaN(value))
        return '—';
    if (scale.kind === 'amount')
        return units/* UNITS */.QN[scale.unit].format(value);
    return `${(value * 100).toFixed(1)}%`;
}
function formatDelta(metric) {
    if (metric.scale.kind === 'amount')
        return metric.ratio === null || metric.ratio === undefined ? '—' : `×${metric.ratio.toFixed(2)}`;
    if (metric.delta === null)
        return '—';
    const points = metric.delta * 100;
    return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points).toFixed(1)}`;
}
function formatInterval(metric) {
    if (!metric.ci)
        return '—';
    const [low, high] = metric.ci;
    if (metric.scale.kind === 'amount')
        return `×${low.toFixed(2)} … ×${high.toFixed(2)}`;
    const points = (value) => `${value < 0 ? '−' : ''}${Math.abs(value * 100).toFixed(1)}`;
    return `${points(low)} … ${points(high)}`;
}
function formatP(metric) {
    if (metric.pRaw === null)
        return '—';
    const raw = metric.pRaw < 0.001 ? '<0.001' : metric.pRaw.toFixed(3);
    if (metric.pHolm === null)
        return raw;
    return `${raw} / ${metric.pHolm < 0.001 ? '<0.001' : metric.pHolm.toFixed(3)}`;
}
function sortByFamily(metrics) {
    return [...metrics].sort((a, b) => types/* FAMILIES */.B.indexOf(a.family) - types/* FAMILIES */.B.indexOf(b.family));
}
/**
 * How big a change the suite can see, in plain words, over its gating 0–1 metrics: the smallest
 * true drop that FAILs with 80 % power (the gate's tolerance and the PR-wide family included),
 * also as a number of cases, and what to do about smaller ones. Metrics judged noise-free have
 * no power to speak of: any measured drop of their tolerance FAILs, and the line says that.
 */
function detectableLine(suite) {
    const noiseFree = new Set(suite.regime?.kind === 'noise-free' ? suite.regime.metrics : []);
    const gating = suite.metrics.filter((metric) => metric.detectableDrop !== null && metric.gating);
    const shared = suite.metrics[0]?.shared ?? 0;
    const casesFor = (drop) => Math.min(shared, Math.max(1, Math.ceil(drop * shared - 1e-9)));
    const tested = gating.filter((metric) => !noiseFree.has(metric.name));
    const exact = gating.filter((metric) => noiseFree.has(metric.name));
    const exactLine = exact.length ? `Its flow is noise-free, so a measured drop of ${Number((Math.max(...exact.map((metric) => metric.detectableDrop)) * 100).toFixed(1))} points or more in ${exact.map((metric) => metric.name).join(', ')} FAILs — ${casesFor(Math.max(...exact.map((metric) => metric.detectableDrop)))} of ${shared} cases going from right to wrong.` : undefined;
    if (tested.length === 0)
        return exactLine;
    const worst = Math.max(...tested.map((metric) => metric.detectableDrop));
    const power = `With ${shared} shared cases this suite catches a drop of ${Number((worst * 100).toFixed(1))} points or more 8 times in 10 — about ${casesFor(worst)} of ${shared} cases going from right to wrong; a smaller drop can pass as chance. To see smaller changes, add cases, run each case more than once (\`repeat: 3\`) or set a floor (\`min:\`).`;
    return exactLine ? `${power} ${exactLine}` : power;
}
/** "Spend: flow $0.0123 (baseline $0.0119) · judges and moderation $0.0040, apart" */
function spendLine(spend) {
    if (!spend || (spend.flowUsd === 0 && spend.evaluatorUsd === 0))
        return undefined;
    const usd = (value) => formatValue(value, { kind: 'amount', unit: 'usd' });
    const baseline = spend.baselineFlowUsd === null ? '' : ` (baseline ${usd(spend.baselineFlowUsd)})`;
    const evaluators = spend.evaluatorUsd > 0 ? ` · judges and moderation ${usd(spend.evaluatorUsd)}, not counted as the flow's cost` : '';
    return `Spend of this run: flow ${usd(spend.flowUsd)}${baseline}${evaluators}.`;
}
/**
 * The method behind the verdict, for `<details>` and `--explain`: the PR's error budget, then what
 * each compared suite can detect. Empty when nothing was tested.
 */
function explainLines(comparison) {
    const method = (0,headline/* methodSentence */.b)(comparison);
    const power = comparison.suites.flatMap((suite) => {
        const line = suite.outcome === 'compared' ? detectableLine(suite) : undefined;
        return line ? [`${suite.name}: ${line.replace(/`/g, '')}`] : [];
    });
    return [...(method ? [method] : []), ...power];
}
/** Waits shorter than this in all are not worth a line in a report (the CI log still says them). */
const CALL_WAIT_WORTH_SHOWING_MS = 1000;
const seconds = (ms) => `${ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} s`;
/** "14 retries (3.1 s), 9 rate-limit waits (41 s), 2 hedges": what a suite's model calls met, in words; undefined when nothing. */
function callCostsText(calls) {
    if (!calls)
        return undefined;
    const parts = [
        ...(calls.retries ? [`${calls.retries} ${calls.retries === 1 ? 'retry' : 'retries'} after server errors or timeouts (${seconds(calls.retryWaitMs)} waiting)`] : []),
        ...(calls.rateLimitWaits ? [`${calls.rateLimitWaits} rate-limit ${calls.rateLimitWaits === 1 ? 'wait' : 'waits'} (${seconds(calls.rateLimitWaitMs)})`] : []),
        ...(calls.hedges ? [`${calls.hedges} slow ${calls.hedges === 1 ? 'request' : 'requests'} hedged`] : []),
    ];
    return parts.length ? `model calls: ${parts.join(', ')}` : undefined;
}
/** The report line about a suite's retries and waits, only when they cost time worth a reviewer's notice. */
function callCostsLine(calls) {
    if (!calls || calls.retryWaitMs + calls.rateLimitWaitMs < CALL_WAIT_WORTH_SHOWING_MS)
        return undefined;
    const text = callCostsText(calls);
    return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)} — time spent waiting, not a change in quality.` : undefined;
}
/** baseline, PR, Δ, CI and p: the cells every metric table shows, terminal and Markdown alike. */
function metricCells(metric) {
    return [formatValue(metric.baseline, metric.scale), formatValue(metric.pr, metric.scale), formatDelta(metric), formatInterval(metric), formatP(metric)];
}
/** "relevance: 12 errors — HTTP 401 (10), unparseable answer (2)" per metric that errored. */
function metricErrorLines(suite) {
    return suite.metricErrors.map((entry) => `${entry.metric}: ${entry.count} sample(s) could not be scored, left out of its test — ${entry.messages.map((message) => `${message.message} (${message.count})`).join('; ')}`);
}

// EXTERNAL MODULE: ./src/compare/case-values.ts + 1 modules
var case_values = __webpack_require__(29269);
;// CONCATENATED MODULE: ./src/report/html/safe-text.ts

/**
 * Untrusted text (model outputs, case inputs, ids, suite and metric names, errors, anything
 * from a baseline) on its way into the HTML report: control characters dropped, a lone `\r`
 * made a line break, invisible characters (bidi overrides and isolates, zero-width and other
 * format characters: the rule of escape.ts) shown as visible tags (they could otherwise hide or
 * reorder what a reviewer reads), then entity-encoded for HTML; JSON embedded in a <script>
 * cannot close it or start a comment.
 */
function visibleText(text) {
    const controlsGone = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
    return replaceInvisible(controlsGone, (mark) => `⟨U+${mark.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
function escapeHtml(text) {
    return visibleText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
/** JSON for `<script type="application/json">`: no `<`, `>` or `&`, and no raw U+2028 / U+2029. */
function jsonForScript(value) {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
/** At most `limit` characters, saying how much was cut. */
function clip(text, limit) {
    return text.length > limit ? `${text.slice(0, limit)}… (${(text.length - limit).toLocaleString('en-US')} more characters)` : text;
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/diff/word.js + 2 modules
var word = __webpack_require__(34440);
;// CONCATENATED MODULE: ./src/report/html/word-diff.ts

/** Above this many edits the diff is not worth reading (and costs time): none is shown. */
const MAX_EDITS = 3000;
/** The word-level diff of two outputs (the `diff` package), or null when there is none to show. */
function wordDiff(before, after) {
    if (before === null || after === null || before === after)
        return null;
    const changes = (0,word/* diffWordsWithSpace */.pR)(before, after, { maxEditLength: MAX_EDITS });
    if (!changes)
        return null;
    return changes.map((change) => [change.added ? 1 : change.removed ? -1 : 0, change.value]);
}

;// CONCATENATED MODULE: ./src/report/html/case-data.ts




const TEXT_LIMIT = 20_000;
const REASON_LIMIT = 2_000;
/** The first reason a metric gave for a case (a judge's explanation), made visible-safe. */
function reasonOf(testCase, metric) {
    const reason = testCase?.samples.map((sample) => sample.scores[metric]?.reason).find((text) => typeof text === 'string' && text.trim() !== '');
    return reason === undefined ? undefined : clip(visibleText(reason), REASON_LIMIT);
}
// Cases are matched by id, as the comparison matches them (compare/suite-align.ts).
const caseKey = (testCase) => testCase.id;
const safe = (text) => (text === null || text === undefined ? null : clip(visibleText(text), TEXT_LIMIT));
function inputText(inputs) {
    return Object.entries(inputs).map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('\n');
}
/** A metric's per-case values by case key (NaN: not applicable), only when the metric is comparable. */
function valuesByKey(suite, match) {
    const found = suite?.metrics.find(match);
    if (!suite || !found)
        return new Map();
    const values = (0,case_values/* caseValues */.Nn)(suite.cases, found);
    return new Map(suite.cases.map((testCase, index) => [caseKey(testCase), values[index]]));
}
function shown(value, metric) {
    if (value === undefined || Number.isNaN(value))
        return '—';
    return metric.scale.kind === 'amount' ? formatValue(value, metric.scale) : `${(value * 100).toFixed(0)}%`;
}
function suiteCases(pr, base) {
    const baseCases = new Map((base?.status === 'ran' ? base.cases : []).map((testCase) => [caseKey(testCase), testCase]));
    const columns = pr.metrics.map((metric) => ({
        metric,
        pr: valuesByKey(pr, (candidate) => candidate.name === metric.name),
        base: valuesByKey(base, (candidate) => candidate.name === metric.name && candidate.metric === metric.metric && candidate.configHash === metric.configHash),
    }));
    const cases = pr.cases.map((testCase) => {
        const key = caseKey(testCase);
        const before = baseCases.get(key);
        let gains = 0;
        let drops = 0;
        const metrics = columns.map(({ metric, pr: prValues, base: baseValues }) => {
            const [b, p] = [baseValues.get(key), prValues.get(key)];
            const comparable = b !== undefined && p !== undefined && !Number.isNaN(b) && !Number.isNaN(p);
            const oriented = comparable ? (metric.direction === 'lower-is-better' ? b - p : p - b) : null;
            if (oriented !== null && metric.scale.kind !== 'amount' && metric.gate.gate !== false) {
                if (oriented > 0)
                    gains += oriented;
                else
                    drops -= oriented;
            }
            const [baselineReason, prReason] = [reasonOf(before, metric.name), reasonOf(testCase, metric.name)];
            return {
                name: metric.name, baseline: before ? shown(b, metric) : '—', pr: shown(p, metric), change: metric.scale.kind === 'amount' ? null : oriented,
                ...(baselineReason ? { baselineReason } : {}), ...(prReason ? { prReason } : {}),
            };
        });
        const error = (0,case_values/* caseErrored */.u4)(testCase)?.error;
        const status = error !== undefined ? 'errored' : !before ? 'added' : drops > 1e-9 ? 'regressed' : gains > 1e-9 ? 'improved' : 'unchanged';
        const baselineOutput = before?.samples[0]?.output ?? null;
        const prOutput = testCase.samples[0]?.output ?? null;
        return {
            suite: visibleText(pr.name), id: visibleText(testCase.id), status, change: gains - drops, metrics, input: clip(visibleText(inputText(testCase.inputs)), TEXT_LIMIT),
            baselineOutput: safe(baselineOutput), prOutput: safe(prOutput), error: safe(error), diff: wordDiff(safe(baselineOutput), safe(prOutput)),
        };
    });
    const prKeys = new Set(pr.cases.map(caseKey));
    const removed = [...baseCases.values()].filter((testCase) => !prKeys.has(caseKey(testCase))).map((testCase) => ({
        suite: visibleText(pr.name), id: visibleText(testCase.id), status: 'removed', change: 0, metrics: [], input: clip(visibleText(inputText(testCase.inputs)), TEXT_LIMIT),
        baselineOutput: safe(testCase.samples[0]?.output), prOutput: null, error: null, diff: null,
    }));
    return [...cases, ...removed];
}
/** Every case of every suite that ran in the PR, with its baseline counterpart, plus removed ones. */
function htmlCases(pr, baseline) {
    return pr.suites.filter((suite) => suite.status === 'ran').flatMap((suite) => suiteCases(suite, baseline?.suites.find((candidate) => candidate.name === suite.name)));
}

// EXTERNAL MODULE: ./src/compare/stats.ts
var stats = __webpack_require__(64856);
;// CONCATENATED MODULE: ./src/history/series.ts


/**
 * A suite's run-level value of a metric, named as the metric-diff table names it: the mean of
 * per-case scores (0–1), the total for cost, the median (p50) for latency.
 */
function runValue(suite, metric) {
    const values = (0,case_values/* presentValues */.w)((0,case_values/* caseValues */.Nn)(suite.cases, metric));
    if (values.length === 0)
        return undefined;
    if (metric.scale.kind !== 'amount')
        return { name: metric.name, value: (0,stats/* mean */.i2)(values) };
    if (metric.family === 'latency')
        return { name: `${metric.name} p50`, value: (0,stats/* quantile */.YV)(values, 0.5) };
    return { name: metric.name, value: values.reduce((sum, value) => sum + value, 0) };
}
/** Each metric's series (suite › metric → points in commit order) over the baseline's history. */
function buildSeries(entries) {
    const byKey = new Map();
    for (const entry of entries) {
        for (const suite of entry.results.suites) {
            if (suite.status !== 'ran')
                continue;
            for (const metric of suite.metrics) {
                const point = runValue(suite, metric);
                if (!point)
                    continue;
                const key = `${suite.name}\u0000${point.name}`;
                let series = byKey.get(key);
                if (!series) {
                    series = { suite: suite.name, metric: point.name, scale: metric.scale, direction: metric.direction, points: [] };
                    byKey.set(key, series);
                }
                series.points.push({ commit: entry.commit, date: entry.date, value: point.value });
            }
        }
    }
    return [...byKey.values()];
}
/** A short label for a commit: 7 hex digits, or the label itself when it is not a sha ("PR"). */
function shortCommit(commit) {
    return /^[0-9a-f]{7,64}$/i.test(commit) ? commit.slice(0, 7).toLowerCase() : commit.replace(/[^\w .-]/g, '').slice(0, 12) || '?';
}

;// CONCATENATED MODULE: ./src/report/html/charts.ts




const BINS = 10;
const label = (value, scale) => (scale.kind === 'amount' ? formatValue(value, scale) : `${Math.round(value * 100)}%`);
/** Per-case values (0–1 scores, amounts in their unit) of each metric of each suite that ran. */
function distributions(pr, baseline) {
    return pr.suites.filter((suite) => suite.status === 'ran').flatMap((suite) => {
        const base = baseline?.suites.find((candidate) => candidate.name === suite.name && candidate.status === 'ran');
        return suite.metrics.map((metric) => {
            const baseMetric = base?.metrics.find((candidate) => candidate.name === metric.name && candidate.configHash === metric.configHash);
            return {
                suite: suite.name, metric: metric.name, scale: metric.scale,
                baseline: base && baseMetric ? [...(0,case_values/* presentValues */.w)((0,case_values/* caseValues */.Nn)(base.cases, baseMetric))] : [],
                pr: [...(0,case_values/* presentValues */.w)((0,case_values/* caseValues */.Nn)(suite.cases, metric))],
            };
        });
    });
}
function bins(values, low, high) {
    const counts = Array.from({ length: BINS }, () => 0);
    for (const value of values) {
        const index = high > low ? Math.min(BINS - 1, Math.floor(((value - low) / (high - low)) * BINS)) : 0;
        counts[index] = (counts[index] ?? 0) + 1;
    }
    return counts;
}
function histogramSvg(distribution) {
    const all = [...distribution.baseline, ...distribution.pr];
    const amount = distribution.scale.kind === 'amount';
    const low = amount ? Math.min(...all) : 0;
    const high = amount ? Math.max(...all) : 1;
    const [base, pr] = [bins(distribution.baseline, low, high), bins(distribution.pr, low, high)];
    const peak = Math.max(1, ...base, ...pr);
    const [width, height, slot] = [240, 64, 24];
    const bars = base.flatMap((count, index) => {
        const from = low + ((high - low) * index) / BINS;
        const to = low + ((high - low) * (index + 1)) / BINS;
        const range = `${label(from, distribution.scale)}–${label(to, distribution.scale)}`;
        const prCount = pr[index] ?? 0;
        const bar = (value, offset, kind, who) => `<rect class="${kind}" x="${index * slot + offset}" y="${(height - (value / peak) * height).toFixed(1)}" width="10" height="${((value / peak) * height).toFixed(1)}"><title>${who} ${range}: ${value} case(s)</title></rect>`;
        return [bar(count, 1, 'bar-base', 'baseline'), bar(prCount, 12, 'bar-pr', 'PR')];
    });
    const axis = `<text x="0" y="${height + 13}">${escapeHtml(label(low, distribution.scale))}</text><text x="${width}" y="${height + 13}" text-anchor="end">${escapeHtml(label(high, distribution.scale))}</text>`;
    return `<svg class="chart" viewBox="0 0 ${width} ${height + 16}" width="${width}" height="${height + 16}" role="img" aria-label="distribution of ${escapeHtml(distribution.metric)}"><line class="axis" x1="0" x2="${width}" y1="${height}" y2="${height}"/>${bars.join('')}${axis}</svg>`;
}
function trendSvg(series) {
    const values = series.points.map((point) => point.value);
    const low = Math.min(...values);
    const high = Math.max(...values);
    const [width, height, pad] = [240, 56, 6];
    const x = (index) => pad + (values.length > 1 ? (index * (width - 2 * pad)) / (values.length - 1) : (width - 2 * pad) / 2);
    const y = (value) => pad + (high > low ? ((high - value) / (high - low)) * (height - 2 * pad) : (height - 2 * pad) / 2);
    const path = values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
    const dots = series.points.map((point, index) => `<circle cx="${x(index).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3"><title>${escapeHtml(shortCommit(point.commit))} · ${escapeHtml(point.date.slice(0, 10))}: ${escapeHtml(formatValue(point.value, series.scale))}</title></circle>`);
    const first = series.points[0];
    const last = series.points.at(-1);
    const axis = first && last ? `<text x="0" y="${height + 13}">${escapeHtml(shortCommit(first.commit))}</text><text x="${width}" y="${height + 13}" text-anchor="end">${escapeHtml(shortCommit(last.commit))}</text>` : '';
    return `<svg class="chart trend" viewBox="0 0 ${width} ${height + 16}" width="${width}" height="${height + 16}" role="img" aria-label="trend of ${escapeHtml(series.metric)}"><polyline points="${path}"/>${dots.join('')}${axis}</svg>`;
}

;// CONCATENATED MODULE: ./src/report/html/client-script.ts
/**
 * The report's only script (inline; the page's CSP allows exactly this one by its hash). It reads
 * the case data from the JSON block and builds the case list with textContent — never innerHTML —
 * so no case text is ever parsed as markup. Filters: suite, metric (cases where it moved), status,
 * free text; sort by change; a click expands a case (input, both outputs, word-level diff, each
 * metric's reason — a judge's explanation — on both sides). The selected cases download as CSV
 * or JSON (a Blob; nothing leaves the page).
 */
const CLIENT_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('evalgate-data').textContent);
  var cases = data.cases;
  var controls = { suite: byId('f-suite'), metric: byId('f-metric'), status: byId('f-status'), text: byId('f-text'), sort: byId('f-sort') };
  var rows = byId('case-rows');
  var count = byId('case-count');
  var PAGE = 200;
  var shown = PAGE;
  function byId(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function points(change) {
    if (change === null || change === undefined) return '';
    var value = change * 100;
    return (value > 0 ? '+' : value < 0 ? '\\u2212' : '\\u00b1') + Math.abs(value).toFixed(1);
  }
  function metricOf(item, name) {
    for (var i = 0; i < item.metrics.length; i += 1) if (item.metrics[i].name === name) return item.metrics[i];
    return null;
  }
  function changeOf(item, metric) {
    if (!metric) return item.change;
    var found = metricOf(item, metric);
    return found && found.change !== null ? found.change : 0;
  }
  function matches(item, filter) {
    if (filter.suite && item.suite !== filter.suite) return false;
    if (filter.status && item.status !== filter.status) return false;
    if (filter.metric) {
      var found = metricOf(item, filter.metric);
      var moved = found && (found.change !== null ? found.change !== 0 : found.baseline !== '\\u2014' && found.pr !== '\\u2014' && found.baseline !== found.pr);
      if (!moved) return false;
    }
    if (filter.text) {
      var haystack = [item.id, item.input, item.baselineOutput || '', item.prOutput || '', item.error || ''].join('\\n').toLowerCase();
      if (haystack.indexOf(filter.text) < 0) return false;
    }
    return true;
  }
  function block(title, text, className) {
    var box = el('div', 'panel ' + (className || ''));
    box.appendChild(el('h4', '', title));
    box.appendChild(el('pre', '', text === null ? '(no output)' : text));
    return box;
  }
  function diffBlock(diff) {
    var box = el('div', 'panel diff');
    box.appendChild(el('h4', '', 'word-level diff (baseline \\u2192 this run)'));
    var pre = el('pre');
    diff.forEach(function (part) { pre.appendChild(el(part[0] === 1 ? 'ins' : part[0] === -1 ? 'del' : 'span', '', part[1])); });
    box.appendChild(pre);
    return box;
  }
  function details(item) {
    var cell = el('td');
    cell.colSpan = 5;
    var wrap = el('div', 'case-detail');
    wrap.appendChild(block('input', item.input, 'input'));
    if (item.error) wrap.appendChild(block('error', item.error, 'error-text'));
    var sides = el('div', 'sides');
    sides.appendChild(block('baseline output', item.baselineOutput));
    sides.appendChild(block('this run', item.prOutput));
    wrap.appendChild(sides);
    if (item.diff) wrap.appendChild(diffBlock(item.diff));
    if (item.metrics.length) {
      var table = el('table', 'case-metrics');
      var head = el('tr');
      var reasons = item.metrics.some(function (metric) { return metric.prReason || metric.baselineReason; });
      ['metric', 'baseline', 'this run', 'change (pts)'].concat(reasons ? ['why (this run)', 'why (baseline)'] : []).forEach(function (name) { head.appendChild(el('th', '', name)); });
      table.appendChild(head);
      item.metrics.forEach(function (metric) {
        var row = el('tr', metric.change < 0 ? 'worse' : metric.change > 0 ? 'better' : '');
        [metric.name, metric.baseline, metric.pr, points(metric.change)].forEach(function (text) { row.appendChild(el('td', '', text)); });
        if (reasons) {
          row.appendChild(el('td', 'reason', metric.prReason || ''));
          row.appendChild(el('td', 'reason', metric.baselineReason || ''));
        }
        table.appendChild(row);
      });
      wrap.appendChild(table);
    }
    cell.appendChild(wrap);
    var row = el('tr', 'detail-row');
    row.appendChild(cell);
    return row;
  }
  function caseRow(item, metric) {
    var row = el('tr', 'case ' + item.status);
    row.appendChild(el('td', 'suite-name', item.suite));
    var idCell = el('td');
    var toggle = el('button', 'toggle', item.id);
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') === 'true';
      if (open) row.parentNode.removeChild(row.nextSibling);
      else row.parentNode.insertBefore(details(item), row.nextSibling);
      toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
    });
    idCell.appendChild(toggle);
    row.appendChild(idCell);
    var status = el('td');
    status.appendChild(el('span', 'pill ' + item.status, item.status));
    row.appendChild(status);
    var change = changeOf(item, metric);
    row.appendChild(el('td', 'num ' + (change < 0 ? 'worse' : change > 0 ? 'better' : ''), item.status === 'removed' || item.status === 'added' ? '' : points(change)));
    var moved = item.metrics.filter(function (m) { return m.change !== null && m.change !== 0; }).map(function (m) { return m.name + ' ' + points(m.change); });
    row.appendChild(el('td', 'moved', moved.join(', ')));
    return row;
  }
  function currentFilter() {
    return { suite: controls.suite.value, metric: controls.metric.value, status: controls.status.value, text: controls.text.value.trim().toLowerCase() };
  }
  function selected(filter) {
    var sort = controls.sort.value;
    var list = cases.filter(function (item) { return matches(item, filter); });
    list.sort(function (a, b) {
      if (sort === 'id') return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      var difference = changeOf(a, filter.metric) - changeOf(b, filter.metric);
      return (sort === 'change' ? difference : -difference) || (a.id < b.id ? -1 : 1);
    });
    return list;
  }
  // Export: the cases the filters select, in the table's order. A CSV text cell that a
  // spreadsheet would run as a formula (= + - @, tab, carriage return) is prefixed with '.
  function csvCell(value, numeric) {
    if (value === null || value === undefined) return '';
    var text = String(value);
    if (!numeric && /^[=+\\-@\\t\\r]/.test(text)) text = "'" + text;
    return /[",\\n\\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function metricNames(list) {
    var names = [];
    list.forEach(function (item) { item.metrics.forEach(function (metric) { if (names.indexOf(metric.name) < 0) names.push(metric.name); }); });
    return names;
  }
  function exportRows(list) {
    return list.map(function (item) {
      var metrics = {};
      item.metrics.forEach(function (metric) { metrics[metric.name] = { baseline: metric.baseline, pr: metric.pr, change: metric.change === null ? null : Math.round(metric.change * 10000) / 100, reason: metric.prReason || null, baselineReason: metric.baselineReason || null }; });
      return { suite: item.suite, id: item.id, status: item.status, change: Math.round(item.change * 10000) / 100, metrics: metrics, input: item.input, baselineOutput: item.baselineOutput, output: item.prOutput, error: item.error };
    });
  }
  function toCsv(list) {
    var names = metricNames(list);
    var header = ['suite', 'case', 'status', 'change (pts)'];
    names.forEach(function (name) { header.push(name + ' baseline', name + ' this run', name + ' change (pts)', name + ' why'); });
    header.push('input', 'baseline output', 'this run output', 'error');
    var lines = [header.map(function (text) { return csvCell(text); }).join(',')];
    exportRows(list).forEach(function (row) {
      var cells = [csvCell(row.suite), csvCell(row.id), csvCell(row.status), csvCell(row.change, true)];
      names.forEach(function (name) {
        var metric = row.metrics[name] || {};
        cells.push(csvCell(metric.baseline), csvCell(metric.pr), csvCell(metric.change, true), csvCell(metric.reason));
      });
      cells.push(csvCell(row.input), csvCell(row.baselineOutput), csvCell(row.output), csvCell(row.error));
      lines.push(cells.join(','));
    });
    return lines.join('\\r\\n') + '\\r\\n';
  }
  function download(name, type, text) {
    var link = el('a');
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
  }
  byId('export-csv').addEventListener('click', function () { download('evalgate-cases.csv', 'text/csv;charset=utf-8', '\\ufeff' + toCsv(selected(currentFilter()))); });
  byId('export-json').addEventListener('click', function () { download('evalgate-cases.json', 'application/json', JSON.stringify({ format: 'evalgate-cases', version: 1, cases: exportRows(selected(currentFilter())) }, null, 2)); });
  function render() {
    var filter = currentFilter();
    var list = selected(filter);
    while (rows.firstChild) rows.removeChild(rows.firstChild);
    list.slice(0, shown).forEach(function (item) { rows.appendChild(caseRow(item, filter.metric)); });
    count.textContent = list.length + ' of ' + cases.length + ' cases' + (list.length > shown ? ', first ' + shown + ' shown' : '');
    if (list.length > shown) {
      var more = el('button', 'more', 'show ' + Math.min(PAGE, list.length - shown) + ' more');
      more.type = 'button';
      more.addEventListener('click', function () { shown += PAGE; render(); });
      var cell = el('td');
      cell.colSpan = 5;
      cell.appendChild(more);
      var row = el('tr');
      row.appendChild(cell);
      rows.appendChild(row);
    }
  }
  ['suite', 'metric', 'status', 'sort'].forEach(function (name) { controls[name].addEventListener('change', function () { shown = PAGE; render(); }); });
  controls.text.addEventListener('input', function () { shown = PAGE; render(); });
  render();
})();`;

;// CONCATENATED MODULE: ./src/report/sequential-lines.ts

/** How many case ids the lines name before "and N more". */
const LISTED = 10;
const upperFirst = (text) => text.charAt(0).toUpperCase() + text.slice(1);
function stopLine(run) {
    if (!run.stopped)
        return undefined;
    const reason = run.stopped.reason.trim().replace(/\.$/, '');
    return `${upperFirst(/^stopped after/i.test(reason) ? reason : `stopped after ${run.ran} of ${run.of} cases: ${reason}`)}.`;
}
function callsLine(run, spend) {
    const { made, full } = run.calls;
    if (full <= 0 || made >= full)
        return undefined;
    const saved = full - made;
    const share = Math.round((saved / full) * 100);
    const flowUsd = spend && spend.flowUsd > 0 && made > 0 ? (spend.flowUsd / made) * saved : 0;
    const dollars = flowUsd > 0 ? `, about ${formatValue(flowUsd, { kind: 'amount', unit: 'usd' })} of flow cost at this run's price per call` : '';
    return `${made} of the ${full} flow calls a full run makes: ${saved} saved (${share} %${dollars}).`;
}
function resampledLine(run) {
    const cases = run.resampled;
    if (cases.length === 0)
        return undefined;
    const named = cases.slice(0, LISTED).map((entry) => `${entry.id} (${entry.samples} samples)`).join(', ');
    const more = cases.length > LISTED ? ` and ${cases.length - LISTED} more` : '';
    return `${cases.length} case(s) ran with more samples, where the decision was close: ${named}${more}.`;
}
/** The lines a reviewer reads first; empty when the suite ran every case with nothing to say. */
function sequentialLines(suite) {
    const run = suite.sequential;
    if (!run)
        return [];
    const problem = run.problem ? `The run's record of where it stopped does not match its results (${run.problem}): the verdict does not rely on it.` : undefined;
    return [stopLine(run), callsLine(run, suite.spend), resampledLine(run), problem].filter((line) => line !== undefined);
}
/** How stopping early works, for a "details" fold under the lines above. */
const SEQUENTIAL_METHOD = 'A pull request runs its cases in a seeded random order (seeded by the base commit, so a re-run takes the same cases; cases whose answer is cached come first, being free). ' +
    'At each tenth of a suite\'s cases the monitor asks whether the verdict is already known: futility — no drop of the tolerance can still become significant with the cases left — ' +
    'or an interim look past the efficacy boundary (a drop already significant at a stricter level, within the same error budget). Compare re-checks every stop on the stored cases; cases not reached are not counted as removed, ' +
    'and when a suite carries the decision its later cases run with more samples, within the calls of a full run. Pushes, scheduled runs, shards and --update-baseline run every case (docs/gate.md).';

;// CONCATENATED MODULE: ./src/report/html/sections.ts




/** The static parts of the HTML report; every untrusted string goes through escapeHtml. */
const pill = (status, text = status) => `<span class="pill ${escapeHtml(status)}">${escapeHtml(text)}</span>`;
function header(comparison, pr, baseline) {
    const run = (results) => `${escapeHtml(results.run.commit?.slice(0, 7) ?? 'local')} · ${escapeHtml(results.run.date.slice(0, 16).replace('T', ' '))}`;
    const failing = comparison.suites.flatMap((suite) => suite.metrics.filter((metric) => metric.status === 'fail' && metric.gating)).length;
    const cases = comparison.suites.reduce((sum, suite) => sum + suite.shared, 0);
    return `<header class="top ${comparison.verdict}">
  <div class="verdict">${pill(comparison.verdict, VERDICT_WORD[comparison.verdict])}<h1>EvalGate report</h1></div>
  <p class="headline">${escapeHtml(comparison.headline)}</p>
  <dl class="meta"><div><dt>this run</dt><dd>${run(pr)}</dd></div><div><dt>baseline</dt><dd>${baseline ? run(baseline) : 'none yet'}</dd></div>
  <div><dt>suites</dt><dd>${comparison.suites.length}</dd></div><div><dt>shared cases</dt><dd>${cases}</dd></div><div><dt>failing metrics</dt><dd>${failing}</dd></div>
  <div><dt>models</dt><dd>${escapeHtml(pr.run.models.join(', ') || '—')}</dd></div></dl>
</header>`;
}
function metricRow(metric) {
    const cells = [
        escapeHtml(metric.family),
        `<code>${escapeHtml(metric.name)}</code>${metric.gating ? '' : ' <small>(report only)</small>'}`,
        formatValue(metric.baseline, metric.scale),
        formatValue(metric.pr, metric.scale),
        formatDelta(metric),
        formatInterval(metric),
        formatP(metric),
        metric.pRaw === null ? '—' : `${metric.improved} / ${metric.regressed}`,
    ];
    const numeric = cells.map((cell, index) => `<td${index >= 2 ? ' class="num"' : ''}>${index >= 2 ? escapeHtml(cell) : cell}</td>`);
    return `<tr class="${metric.status}">${numeric.join('')}<td>${pill(metric.status)} ${escapeHtml(metric.reason)}</td></tr>`;
}
function metricTable(suite) {
    const head = ['family', 'metric', 'baseline', 'PR', 'Δ (pts or ×)', '90% CI', 'p (raw / Holm)', 'better / worse', 'status'];
    return `<table class="metrics"><thead><tr>${head.map((name, index) => `<th${index >= 2 && index < 8 ? ' class="num"' : ''}>${name}</th>`).join('')}</tr></thead><tbody>${sortByFamily(suite.metrics).map(metricRow).join('')}</tbody></table>`;
}
function metricCards(suite, shapes, series) {
    const cards = shapes.filter((shape) => shape.suite === suite.name && (shape.pr.length > 0 || shape.baseline.length > 0)).map((shape) => {
        const trends = series.filter((one) => one.suite === suite.name && (one.metric === shape.metric || one.metric === `${shape.metric} p50`) && one.points.length > 1);
        return `<figure class="card"><figcaption><code>${escapeHtml(shape.metric)}</code> <small>${shape.baseline.length} baseline / ${shape.pr.length} PR cases</small></figcaption>${histogramSvg(shape)}${trends
            .map((one) => `<div class="trend-label">trend over ${one.points.length} runs</div>${trendSvg(one)}`)
            .join('')}</figure>`;
    });
    if (cards.length === 0)
        return '';
    return `<div class="legend"><span class="key base"></span> baseline <span class="key pr"></span> this run <span class="key line"></span> baseline history</div><div class="cards">${cards.join('')}</div>`;
}
function suiteSection(suite, shapes, series) {
    const status = suite.outcome === 'skipped' ? 'skipped' : suite.verdict;
    const title = `<h2>${pill(status, suite.outcome === 'skipped' ? 'SKIPPED' : VERDICT_WORD[suite.verdict])} ${escapeHtml(suite.name)} <small>${escapeHtml(suite.file)}</small></h2>`;
    if (suite.outcome === 'skipped' || suite.outcome === 'removed' || suite.outcome === 'could-not-run') {
        const why = { skipped: 'Skipped', removed: 'Removed', 'could-not-run': 'The evaluation could not run' }[suite.outcome];
        return `<section class="suite">${title}<p>${why}: ${escapeHtml(suite.note ?? '')}</p></section>`;
    }
    const lines = [
        suite.outcome === 'new' ? 'New suite: no baseline to compare with; absolute floors apply.' : `${suite.shared} shared cases · ${suite.added.length} added · ${suite.removed.length} removed.`,
        ...sequentialLines(suite),
        suite.outcome === 'compared' ? detectableLine(suite)?.replace(/`/g, '') : undefined,
        suite.regime ? `Regime: ${suite.regime.reason}.` : undefined,
        spendLine(suite.spend)?.replace(/`/g, ''),
        callCostsLine(suite.calls),
        suite.note,
    ].filter((line) => Boolean(line));
    const method = suite.sequential && sequentialLines(suite).length ? `<details class="note"><summary>How stopping early works</summary><p>${escapeHtml(SEQUENTIAL_METHOD)}</p></details>` : '';
    return `<section class="suite">${title}${lines.map((line) => `<p class="note">${escapeHtml(line)}</p>`).join('')}${method}${metricTable(suite)}${metricCards(suite, shapes, series)}</section>`;
}
function errorSection(comparison) {
    const items = comparison.suites.flatMap((suite) => [
        ...(suite.outcome === 'could-not-run' ? [`<li><b>${escapeHtml(suite.name)}</b>: could not run — ${escapeHtml(suite.note ?? '')}</li>`] : []),
        ...suite.erroredCases.map((errored) => `<li><b>${escapeHtml(suite.name)}</b> › <code>${escapeHtml(errored.id)}</code>: <span class="error-text">${escapeHtml(errored.error)}</span></li>`),
    ]);
    if (items.length === 0)
        return '';
    return `<section class="errors"><h2>Errors (${items.length})</h2><p class="note">Cases whose flow failed count as 0 for quality, not as a regression of the model.</p><ul>${items.join('')}</ul></section>`;
}
function casesSection(metricNames, suiteNames) {
    const options = (values) => values.map((value) => `<option value="${escapeHtml(value)}">${escapeHtml(value)}</option>`).join('');
    return `<section class="cases"><h2>Cases</h2>
<div class="controls">
  <label>suite <select id="f-suite"><option value="">all</option>${options(suiteNames)}</select></label>
  <label>metric <select id="f-metric"><option value="">all</option>${options(metricNames)}</select></label>
  <label>status <select id="f-status"><option value="">all</option>${options(['regressed', 'improved', 'unchanged', 'added', 'removed', 'errored'])}</select></label>
  <label class="grow">text <input id="f-text" type="search" placeholder="id, input or output contains…"></label>
  <label>sort <select id="f-sort"><option value="change">by change, worst first</option><option value="-change">by change, best first</option><option value="id">by id</option></select></label>
</div>
<p class="exports"><span id="case-count" class="note"></span> <button type="button" id="export-csv" class="more">download CSV</button> <button type="button" id="export-json" class="more">download JSON</button></p>
<table class="case-list"><thead><tr><th>suite</th><th>case</th><th>status</th><th class="num">change (pts)</th><th>metrics that moved</th></tr></thead><tbody id="case-rows"></tbody></table>
</section>`;
}

;// CONCATENATED MODULE: ./src/report/html/styles.ts
/** The report's stylesheet (inline: the page loads nothing). */
const STYLES = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --pass: #1a7f37; --warn: #9a6700; --fail: #cf222e; --error: #82071e;
  --base: #8c959f; --pr: #8250df; --add: #dafbe1; --del: #ffebe9; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font-size: 14px; line-height: 1.45; }
main { max-width: 1280px; margin: 0 auto; padding: 0 24px 48px; }
h1 { font-size: 22px; margin: 0; }
h2 { font-size: 17px; margin: 28px 0 8px; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
h2 small, figcaption small { color: var(--muted); font-weight: normal; font-size: 12px; }
h4 { margin: 0 0 4px; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.top { border-bottom: 1px solid var(--line); padding: 20px 24px 12px; background: var(--soft); border-top: 5px solid var(--pass); }
.top.warn { border-top-color: var(--warn); } .top.fail { border-top-color: var(--fail); } .top.error { border-top-color: var(--error); }
.top > * { max-width: 1232px; margin-left: auto; margin-right: auto; }
.verdict { display: flex; align-items: center; gap: 12px; }
.headline { font-size: 15px; margin: 8px auto; overflow-wrap: anywhere; }
.meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 8px auto 0; }
.meta div { display: flex; gap: 6px; } .meta dt { color: var(--muted); } .meta dd { margin: 0; font-weight: 600; }
.pill { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px; font-weight: 600; color: #fff; background: var(--muted); white-space: nowrap; }
.pill.pass, .pill.improved { background: var(--pass); } .pill.warn { background: var(--warn); } .pill.fail, .pill.regressed { background: var(--fail); }
.pill.error, .pill.errored { background: var(--error); } .pill.skipped, .pill.unchanged, .pill.removed { background: var(--base); } .pill.added { background: var(--pr); }
.note { color: var(--muted); margin: 2px 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
table.metrics td:first-child { white-space: nowrap; color: var(--muted); } table.metrics td:last-child, .moved { overflow-wrap: anywhere; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--soft); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.metrics tr.fail td { background: #fff5f5; } table.metrics tr.warn td { background: #fff8e5; }
.legend { color: var(--muted); font-size: 12px; margin-top: 6px; display: flex; align-items: center; gap: 6px; }
.key { display: inline-block; width: 12px; height: 10px; border-radius: 2px; margin-left: 10px; }
.key.base { background: var(--base); } .key.pr { background: var(--pr); } .key.line { height: 3px; background: #0969da; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 10px; margin-top: 6px; }
.card { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; background: #fff; }
.card figcaption { margin-bottom: 4px; overflow-wrap: anywhere; }
.trend-label { font-size: 11px; color: var(--muted); margin-top: 6px; }
.chart { display: block; max-width: 100%; height: auto; overflow: visible; }
.chart text { font-size: 10px; fill: var(--muted); } .chart .axis { stroke: var(--line); }
.bar-base { fill: var(--base); } .bar-pr { fill: var(--pr); }
.trend polyline { fill: none; stroke: #0969da; stroke-width: 2; } .trend circle { fill: #0969da; }
.errors ul { padding-left: 20px; } .error-text { color: var(--error); white-space: pre-wrap; }
.controls { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; padding: 10px; background: var(--soft); border: 1px solid var(--line); border-radius: 8px; }
.controls label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 3px; }
.controls .grow { flex: 1; min-width: 200px; }
select, input { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); }
.case-list td.suite-name { color: var(--muted); max-width: 180px; }
button.toggle { all: unset; cursor: pointer; color: #0969da; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
button.toggle::before { content: "▸ "; color: var(--muted); } button.toggle[aria-expanded="true"]::before { content: "▾ "; }
button.more { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid var(--line); background: var(--soft); cursor: pointer; }
td.worse { color: var(--fail); font-weight: 600; } td.better { color: var(--pass); font-weight: 600; }
.moved { color: var(--muted); font-size: 12.5px; }
tr.detail-row > td { background: var(--soft); padding: 10px 12px; }
.case-detail { display: flex; flex-direction: column; gap: 8px; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.panel pre { margin: 0; padding: 8px 10px; background: #fff; border: 1px solid var(--line); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 320px; overflow: auto; font-size: 12.5px; }
.diff ins { background: var(--add); color: #116329; text-decoration: none; } .diff del { background: var(--del); color: #82071e; }
.case-metrics { width: auto; min-width: 360px; } .case-metrics tr.worse td:last-child { color: var(--fail); } .case-metrics tr.better td:last-child { color: var(--pass); }
footer { color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); margin-top: 32px; padding-top: 10px; }
.case-metrics td.reason { max-width: 420px; color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.exports { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; } .exports .note { flex: 1; }
.matrix-wrap { overflow-x: auto; } table.matrix td { vertical-align: top; } table.matrix pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 160px; overflow: auto; font-size: 12px; }
table.matrix td.variant { min-width: 220px; } table.matrix td.missing { color: var(--muted); font-style: italic; } .scores .score { margin-right: 8px; font-size: 12px; color: var(--muted); }
`;

;// CONCATENATED MODULE: ./src/report/html/variants.ts


const ROW_LIMIT = 500;
const OUTPUT_LIMIT = 1_500;
/** The shared start of the names, up to a separator (`qa: short × gpt-4o`, `qa: long × gpt-4o` → `qa`). */
function commonTitle(names) {
    const first = names[0] ?? '';
    let length = 0;
    while (length < first.length && names.every((name) => name[length] === first[length]))
        length += 1;
    const prefix = first.slice(0, length).replace(/[\s:×|/-]+$/, '').trim();
    return prefix.length >= 2 ? prefix : names.join(' · ');
}
function matrixOf(suites) {
    const metrics = (suites[0]?.metrics ?? []).map((metric) => metric.name).filter((name) => suites.every((suite) => suite.metrics.some((metric) => metric.name === name)));
    const columns = suites.map((suite) => ({
        byId: new Map(suite.cases.map((testCase) => [testCase.id, testCase])),
        values: metrics.map((name) => {
            const metric = suite.metrics.find((candidate) => candidate.name === name);
            const values = valuesByKey(suite, (candidate) => candidate.name === name);
            return (key) => (metric ? shown(values.get(key), metric) : '—');
        }),
    }));
    const ids = (suites[0]?.cases ?? []).map((testCase) => testCase.id);
    const rows = ids.slice(0, ROW_LIMIT).map((id) => {
        const first = columns[0]?.byId.get(id);
        return {
            id: visibleText(id),
            input: clip(visibleText(first ? inputText(first.inputs) : ''), OUTPUT_LIMIT),
            cells: columns.map((column) => {
                const testCase = column.byId.get(id);
                if (!testCase)
                    return undefined;
                const sample = testCase.samples[0];
                return {
                    output: sample?.output === null || sample?.output === undefined ? null : clip(visibleText(sample.output), OUTPUT_LIMIT),
                    error: sample?.error ? clip(visibleText(sample.error), OUTPUT_LIMIT) : null,
                    values: column.values.map((value) => value(testCase.id)),
                };
            }),
        };
    });
    const names = suites.map((suite) => visibleText(suite.name));
    return { title: commonTitle(names), variants: names, metrics: metrics.map(visibleText), rows, omitted: Math.max(0, ids.length - ROW_LIMIT) };
}
/** One matrix per group of two or more suites that ran exactly the same case ids. */
function variantMatrices(pr) {
    const groups = new Map();
    for (const suite of pr.suites) {
        if (suite.status !== 'ran' || suite.cases.length === 0)
            continue;
        const key = suite.cases.map((testCase) => testCase.id).sort().join('\u0000');
        groups.set(key, [...(groups.get(key) ?? []), suite]);
    }
    return [...groups.values()].filter((group) => group.length >= 2).map(matrixOf);
}
/** The matrices as HTML tables (nothing when no suites share their cases). */
function variantsSection(matrices) {
    if (matrices.length === 0)
        return '';
    const cell = (value, metrics) => {
        if (!value)
            return '<td class="variant missing">not in this variant</td>';
        const text = value.error ? `<pre class="error-text">${escapeHtml(value.error)}</pre>` : `<pre>${escapeHtml(value.output ?? '(no output)')}</pre>`;
        const scores = metrics.map((metric, index) => `<span class="score">${escapeHtml(metric)} <b>${escapeHtml(value.values[index] ?? '—')}</b></span>`).join(' ');
        return `<td class="variant">${text}<div class="scores">${scores}</div></td>`;
    };
    const tables = matrices.map((matrix) => {
        const head = `<tr><th>case</th><th>input</th>${matrix.variants.map((name) => `<th>${escapeHtml(name)}</th>`).join('')}</tr>`;
        const body = matrix.rows.map((row) => `<tr><td><code>${escapeHtml(row.id)}</code></td><td><pre>${escapeHtml(row.input)}</pre></td>${row.cells.map((value) => cell(value, matrix.metrics)).join('')}</tr>`).join('\n');
        const omitted = matrix.omitted ? `<p class="note">${matrix.omitted} more cases not shown (first ${matrix.rows.length}).</p>` : '';
        return `<h3>${escapeHtml(matrix.title)} — ${matrix.variants.length} variants, ${matrix.rows.length + matrix.omitted} cases</h3><div class="matrix-wrap"><table class="matrix">${head}\n${body}</table></div>${omitted}`;
    });
    return `<section class="variants" id="variants"><h2>Variants side by side</h2><p class="note">Suites that ran the same cases, one column each: this run's output and scores.</p>${tables.join('\n')}</section>`;
}

;// CONCATENATED MODULE: ./src/report/html/index.ts









/**
 * The HTML report: one self-contained page (inline CSS and script, no network) with the verdict,
 * the metric-diff table per suite, per-metric distributions and trends, the errors, variants
 * side by side (suites that ran the same cases), and every case with both outputs, a word-level
 * diff and each metric's reason, exportable as CSV or JSON. Its Content-Security-Policy loads nothing and
 * runs only the report's own script, so even text that escaped escaping could not act.
 */
function renderHtmlReport(input) {
    const { comparison, pr, baseline } = input;
    const series = input.history ?? [];
    const cases = htmlCases(pr, baseline);
    const shapes = distributions(pr, baseline);
    const metricNames = [...new Set(pr.suites.flatMap((suite) => suite.metrics.map((metric) => visibleText(metric.name))))];
    const suiteNames = [...new Set(cases.map((testCase) => testCase.suite))];
    const scriptHash = (0,external_node_crypto_.createHash)('sha256').update(CLIENT_SCRIPT).digest('base64');
    const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>EvalGate ${VERDICT_WORD[comparison.verdict]} — ${escapeHtml(comparison.headline.slice(0, 120))}</title>
<style>${STYLES}</style>
</head>
<body>
${header(comparison, pr, baseline)}
<main>
${comparison.suites.map((suite) => suiteSection(suite, shapes, series)).join('\n')}
${errorSection(comparison)}
${variantsSection(variantMatrices(pr))}
${casesSection(metricNames, suiteNames)}
<footer>EvalGate ${escapeHtml(pr.tool.version)} · paired tests on shared cases, Holm-corrected at each suite's α · this page is self-contained and loads nothing from the network.</footer>
</main>
<script type="application/json" id="evalgate-data">${jsonForScript({ cases })}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

;// CONCATENATED MODULE: ./src/report/json.ts
const COMPARISON_FORMAT = 'evalgate-comparison';
const COMPARISON_VERSION = 1;
function comparisonDocument(comparison) {
    return { format: COMPARISON_FORMAT, version: COMPARISON_VERSION, ...comparison };
}

;// CONCATENATED MODULE: ./src/core/text-limits.ts
/**
 * How much EvalGate keeps of one text that an app, a provider or an evaluator produced: what is
 * stored in results.json and the baseline (and so rendered) is at most this many characters, and
 * a cut says so where it was made. The scores are computed on the whole text first.
 */
const TEXT_LIMITS = {
    /** A sample's output, and its context. */
    output: 100_000,
    /** An error message (a flow's with its stderr tail, a metric's). */
    error: 8_000,
    /** A score's reason. */
    reason: 2_000,
    /** What a command flow may print on stdout (characters) before it is stopped: its answer is JSON there. */
    stdout: 64 * 1024 * 1024,
    /** The end of a command flow's stderr that is kept, and the length of each line of it shown. */
    stderrKept: 64 * 1024,
    stderrLine: 500,
};
/** At most `limit` characters (a surrogate pair is never split), ending with how much was cut. */
function capText(text, limit) {
    if (text.length <= limit)
        return text;
    const end = /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
    return `${text.slice(0, end)} …[cut by EvalGate: ${(text.length - end).toLocaleString('en-US')} more characters]`;
}

;// CONCATENATED MODULE: ./src/report/junit.ts


/** Characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/FFFF) are dropped. */
function xmlChars(text) {
    return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}
function junit_text(value) {
    return xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function attr(value) {
    return junit_text(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
function figures(metric) {
    const value = (number) => formatValue(number, metric.scale);
    return `baseline ${value(metric.baseline)} → PR ${value(metric.pr)} · Δ ${formatDelta(metric)} · 90% CI ${formatInterval(metric)} · p (raw / Holm) ${formatP(metric)} · ${metric.shared} shared cases`;
}
function metricCase(suite, metric, failOn) {
    const base = { name: metric.name, classname: suite.name };
    const failing = metric.gating && (metric.status === 'fail' || metric.status === 'incomplete' || (metric.status === 'warn' && failOn === 'warn')) && failOn !== 'never';
    const type = { fail: 'regression', incomplete: 'not-compared', warn: 'warning', pass: 'warning' }[metric.status];
    if (failing)
        return { ...base, outcome: { kind: 'failure', type, message: metric.reason, body: figures(metric) } };
    const label = !metric.gating && metric.status !== 'pass' ? `REPORT ONLY (${metric.status}): ` : metric.status === 'warn' ? 'WARN: ' : '';
    return { ...base, out: `${label}${metric.reason}\n${figures(metric)}` };
}
function junit_suiteCases(suite, failOn) {
    const errored = suite.erroredCases.map((errored) => ({
        name: `case ${errored.id}`,
        classname: `${suite.name}.cases`,
        outcome: { kind: 'error', type: 'flow-error', message: errored.error.split('\n')[0] ?? '', body: errored.error },
    }));
    if (suite.outcome === 'skipped' || suite.outcome === 'removed') {
        const message = suite.outcome === 'removed' ? `removed: ${suite.note ?? ''}` : suite.note ?? 'skipped';
        return [{ name: 'suite', classname: suite.name, outcome: { kind: 'skipped', type: suite.outcome, message } }];
    }
    if (suite.outcome === 'could-not-run') {
        return [{ name: 'evaluation', classname: suite.name, outcome: { kind: 'error', type: 'could-not-run', message: suite.note ?? 'the evaluation could not run' } }, ...errored];
    }
    return [...sortByFamily(suite.metrics).map((metric) => metricCase(suite, metric, failOn)), ...errored];
}
/**
 * What one attribute and one element may hold (characters), cut with a note: well under
 * libxml2's 10,000,000-character limit for a text node, and readable in a test-report UI.
 */
const ATTRIBUTE_LIMIT = 1_000;
const BODY_LIMIT = 16_000;
function testcaseXml(testcase) {
    const open = `    <testcase name="${attr(capText(testcase.name, ATTRIBUTE_LIMIT))}" classname="${attr(capText(testcase.classname, ATTRIBUTE_LIMIT))}" time="0"`;
    const { outcome } = testcase;
    const inner = [
        outcome ? `      <${outcome.kind} type="${attr(outcome.type)}" message="${attr(capText(outcome.message, ATTRIBUTE_LIMIT))}"${outcome.body ? `>${junit_text(capText(outcome.body, BODY_LIMIT))}</${outcome.kind}>` : '/>'}` : '',
        testcase.out ? `      <system-out>${junit_text(capText(testcase.out, BODY_LIMIT))}</system-out>` : '',
    ].filter(Boolean);
    return inner.length ? [`${open}>`, ...inner, '    </testcase>'].join('\n') : `${open}/>`;
}
function count(cases) {
    const of = (kind) => cases.filter((testcase) => testcase.outcome?.kind === kind).length;
    return { tests: cases.length, failures: of('failure'), errors: of('error'), skipped: of('skipped') };
}
const countAttrs = (counts) => `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}"`;
/** The report's name carries the verdict and headline, as test-report UIs show it above the suites. */
function renderJunit(comparison, options = {}) {
    const suites = comparison.suites.map((suite) => ({ suite, cases: junit_suiteCases(suite, options.failOn) }));
    const total = count(suites.flatMap((entry) => entry.cases));
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${attr(`EvalGate ${VERDICT_WORD[comparison.verdict]}: ${comparison.headline}`)}" ${countAttrs(total)} time="0">`];
    for (const { suite, cases } of suites) {
        lines.push(`  <testsuite name="${attr(capText(suite.name, ATTRIBUTE_LIMIT))}" ${countAttrs(count(cases))} time="0" file="${attr(capText(suite.file, ATTRIBUTE_LIMIT))}">`, ...cases.map(testcaseXml), '  </testsuite>');
    }
    lines.push('</testsuites>', '');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/compare/coverage.ts
var coverage = __webpack_require__(41361);
;// CONCATENATED MODULE: ./src/report/markdown.ts




const FULL_DETAIL = { casesPerSuite: 5, outputChars: 1500, listCases: true };
function markdown_metricTable(suite) {
    const rows = sortByFamily(suite.metrics).map((metric) => [
        escapeTableCell(metric.family, 40),
        `${escapeCodeSpan(metric.name)}${metric.gating ? '' : ' (report only)'}`,
        ...metricCells(metric),
        metric.pRaw === null ? '—' : `${metric.improved} / ${metric.regressed}`,
        `${VERDICT_ICON[metric.status]} ${escapeTableCell(metric.reason, 200)}`,
    ].join(' | '));
    return [
        '| family | metric | baseline | PR | Δ (pts or ×) | 90% CI | p (raw / Holm) | better / worse | status |',
        '|---|---|---:|---:|---:|---:|---:|---:|---|',
        ...rows.map((row) => `| ${row} |`),
    ];
}
function inputsText(inputs, limit) {
    const text = Object.entries(inputs).map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('\n');
    return text.length > limit ? `${text.slice(0, limit)}…(truncated)` : text;
}
function caseDetails(diff, detail) {
    const moved = Object.entries(diff.deltas).map(([name, delta]) => `${name} ${delta > 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(0)} pts`).join(', ');
    return [
        `<details><summary>${escapeMarkdownInline(diff.id, 120)} — ${escapeMarkdownInline(moved)}</summary>`,
        '',
        '**Input**',
        '',
        fencedBlock(inputsText(diff.inputs, detail.outputChars), detail.outputChars + 20),
        '',
        '| baseline output | PR output |',
        '|---|---|',
        `| ${escapeTableCell(diff.baselineOutput ?? '(no output)', detail.outputChars)} | ${escapeTableCell(diff.prOutput ?? '(no output)', detail.outputChars)} |`,
        '',
        '</details>',
    ];
}
function caseList(title, cases) {
    if (cases.length === 0)
        return [];
    const names = cases.slice(0, 50).map((testCase) => `${escapeCodeSpan(testCase.id, 60)}${testCase.wasFailing ? ' (was failing)' : ''}`);
    return [`**${title} (${cases.length})**: ${names.join(', ')}${cases.length > 50 ? ', …' : ''}`, ''];
}
function markdown_suiteSection(suite, detail) {
    const icon = suite.outcome === 'skipped' ? '⏭️' : VERDICT_ICON[suite.verdict];
    const heading = `### ${icon} ${escapeMarkdownInline(suite.name, 120)}`;
    if (suite.outcome === 'skipped')
        return [heading, '', `Skipped: ${escapeMarkdownInline(suite.note ?? '', 2000)}`, ''];
    if (suite.outcome === 'could-not-run' || suite.outcome === 'removed') {
        return [heading, '', `${suite.outcome === 'removed' ? 'Removed' : 'The evaluation could not run'}: ${escapeMarkdownInline(suite.note ?? '', 2000)}`, ''];
    }
    const lines = [heading, '', suite.outcome === 'new' ? '_New suite: no baseline to compare with; absolute floors apply._' : `${suite.shared} shared cases.`, '', ...markdown_metricTable(suite), ''];
    const stopped = sequentialLines(suite);
    if (stopped.length) {
        lines.push(...stopped.map((line) => `🏁 ${escapeMarkdownInline(line, 2000)}`), '');
        lines.push('<details><summary>How stopping early works</summary>', '', SEQUENTIAL_METHOD, '', '</details>', '');
    }
    if (suite.regime)
        lines.push(`Regime: ${escapeMarkdownInline(suite.regime.reason, 2000)}.`, '');
    const spend = spendLine(suite.spend);
    if (spend)
        lines.push(spend, '');
    const calls = callCostsLine(suite.calls);
    if (calls)
        lines.push(`⏱️ ${calls}`, '');
    if (suite.note)
        lines.push(`⚠️ ${escapeMarkdownInline(suite.note, 2000)}`, '');
    for (const change of suite.gateChanges)
        lines.push(`🔒 ${escapeMarkdownInline(change, 2000)}`, '');
    const changed = changedInputsLine(suite);
    if (changed)
        lines.push(`⚠️ ${changed}`, '');
    if (suite.notComparable.length)
        lines.push(`⚠️ **Not comparable** (evaluator changed: config, judge model or rubric): ${escapeMarkdownInline(suite.notComparable.join(', '), 2000)}`, '');
    for (const line of metricErrorLines(suite))
        lines.push(`⚠️ ${escapeMarkdownInline(line, 2000)}`, '');
    const cases = suite.regressedCases.slice(0, detail.casesPerSuite);
    if (cases.length) {
        lines.push(`**Top regressed cases** (${cases.length} of ${suite.regressedCases.length} shown)`, '');
        for (const diff of cases)
            lines.push(...caseDetails(diff, detail), '');
    }
    if (detail.listCases) {
        lines.push(...caseList('Added cases', suite.added), ...caseList('Removed cases', suite.removed));
        if (suite.erroredCases.length) {
            lines.push(`**Cases whose flow failed (${suite.erroredCases.length})**: infrastructure failures (timeouts, 429/5xx, connection) are left out of the comparison; application failures count as failed cases.`, '');
            for (const errored of suite.erroredCases.slice(0, 10))
                lines.push(`- ${escapeCodeSpan(errored.id, 60)} (${errored.kind}): ${escapeTableCell(errored.error, 200)}`);
            lines.push('');
        }
    }
    return lines;
}
/** Shared cases whose inputs changed since the baseline: still compared by id, named so a reviewer can check them. */
function changedInputsLine(suite) {
    const changed = suite.changedInputs ?? [];
    if (!changed.length)
        return undefined;
    const shown = changed.slice(0, 5).map((entry) => `${escapeCodeSpan(entry.id, 60)} (${escapeMarkdownInline(entry.fields.join(', '), 120)})`);
    const more = changed.length > shown.length ? ` and ${changed.length - shown.length} more` : '';
    return `**${changed.length} case(s) changed their inputs** since the baseline and are compared by id: ${shown.join(', ')}${more}. A case that is now another question deserves a new id.`;
}
/** The method, one click away: the error budget and each compared suite's power, in a closed `<details>` block. */
function methodDetails(comparison) {
    const lines = explainLines(comparison);
    if (!lines.length)
        return [];
    return ['<details><summary>How sure, and how EvalGate decided</summary>', '', ...lines.flatMap((line) => [escapeMarkdownInline(line, 2000), '']), '</details>', ''];
}
function renderMarkdown(comparison, options, detail) {
    const lines = [
        `## ${VERDICT_ICON[comparison.verdict]} EvalGate: ${VERDICT_WORD[comparison.verdict]}`,
        '',
        escapeMarkdownInline(comparison.headline, 2000),
        '',
    ];
    if (comparison.coverage.length) {
        lines.push(`**Not compared (${comparison.coverage.length})** — the verdict is ${VERDICT_WORD.incomplete} until each is compared:`, '');
        for (const entry of comparison.coverage)
            lines.push(`- ${escapeMarkdownInline((0,coverage/* gapLine */.Bc)(entry), 600)}`);
        lines.push('');
    }
    for (const note of options.notes ?? [])
        lines.push(`> [!NOTE]`, `> ${escapeMarkdownInline(note, 2000)}`, '');
    for (const suite of comparison.suites)
        lines.push(...markdown_suiteSection(suite, detail));
    lines.push(...methodDetails(comparison));
    if (options.trend)
        lines.push(options.trend, '');
    const link = options.runUrl ? ` · [workflow run and job summary](${options.runUrl})` : '';
    lines.push('---', `<sub>EvalGate${link}</sub>`);
    return lines.join('\n');
}
const MEASURE = {
    characters: (text) => text.length,
    bytes: (text) => Buffer.byteLength(text, 'utf8'),
};
/** The longest run of whole lines from the start of `body` that fits `budget`. */
function wholeLinesWithin(body, budget, measure) {
    const kept = [];
    let size = 0;
    for (const line of body.split('\n')) {
        size += measure(line) + (kept.length ? 1 : 0);
        if (size > budget)
            break;
        kept.push(line);
    }
    return kept.join('\n');
}
/**
 * Renders at the most detail that fits `limit` (characters for a comment, UTF-8 bytes for the
 * job summary), saying what was trimmed. The last resort cuts whole lines and keeps the footer
 * with its links.
 */
function renderWithin(comparison, options, limit, prefix = '', unit = 'characters') {
    const measure = MEASURE[unit];
    const levels = [
        [FULL_DETAIL, ''],
        [{ casesPerSuite: 3, outputChars: 400, listCases: true }, 'case outputs shortened'],
        [{ casesPerSuite: 0, outputChars: 0, listCases: true }, 'regressed-case details left out'],
        [{ casesPerSuite: 0, outputChars: 0, listCases: false }, 'case details and case lists left out'],
    ];
    for (const [detail, trimmed] of levels) {
        const note = trimmed ? [`Trimmed to fit ${limit.toLocaleString('en-US')} ${unit}: ${trimmed}; see the full report.`] : [];
        const text = prefix + renderMarkdown(comparison, { ...options, notes: [...(options.notes ?? []), ...note] }, detail);
        if (measure(text) <= limit)
            return text;
    }
    const notice = '\n\n…(trimmed: the report is longer than this allows; see the full report)\n';
    const text = prefix + renderMarkdown(comparison, options, levels[3]?.[0] ?? FULL_DETAIL);
    const footerAt = text.lastIndexOf('\n---\n');
    const footer = text.slice(footerAt);
    return wholeLinesWithin(text.slice(0, footerAt), limit - measure(notice) - measure(footer), measure) + notice + footer;
}

;// CONCATENATED MODULE: ./src/report/summary.ts

/** The job summary accepts 1 MiB (UTF-8 bytes) per step; room is left for notes appended later. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 8 * 1024;
function renderSummary(comparison, options) {
    return renderWithin(comparison, options, SUMMARY_LIMIT_BYTES, '', 'bytes');
}

;// CONCATENATED MODULE: ./src/report/terminal.ts



const COLORS = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 };
function table(rows) {
    const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
    return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}
function suiteLines(suite, paint) {
    const status = { pass: paint('pass', 'green'), warn: paint('warn', 'yellow'), fail: paint('FAIL', 'red') };
    const title = `${paint(escapeTerminal(suite.name), 'bold')}  ${suite.outcome === 'compared' ? `${suite.shared} shared cases` : suite.outcome}`;
    if (suite.outcome === 'skipped' || suite.outcome === 'could-not-run' || suite.outcome === 'removed') {
        const label = { 'could-not-run': paint('could not run', 'red'), removed: paint('removed', 'yellow'), skipped: 'skipped' }[suite.outcome];
        const errored = suite.outcome === 'could-not-run' ? erroredLines(suite.erroredCases.length, suite.erroredCases[0]?.error ?? '', paint) : [];
        return [title, `  ${label}: ${escapeTerminal(suite.note ?? '')}`, ...errored, ''];
    }
    const rows = [
        ['family', 'metric', 'baseline', 'PR', 'Δ', '90% CI', 'p raw/Holm', 'status'],
        ...sortByFamily(suite.metrics).map((metric) => [
            escapeTerminal(metric.family),
            escapeTerminal(metric.name) + (metric.gating ? '' : ' (report only)'),
            ...metricCells(metric),
            `${metric.status}`,
        ]),
    ];
    const lines = table(rows).map((line, index) => {
        const metric = index > 0 ? sortByFamily(suite.metrics)[index - 1] : undefined;
        if (!metric)
            return `  ${paint(line, 'dim')}`;
        const reason = metric.status === 'pass' && ['no significant change', 'nothing to compare with'].includes(metric.reason) ? '' : `  ${paint(escapeTerminal(metric.reason), 'dim')}`;
        return `  ${line.replace(/(pass|warn|fail)$/, (word) => status[word])}${reason}`;
    });
    return [
        title,
        ...lines,
        ...sequentialLines(suite).map((line) => `  ${escapeTerminal(line)}`),
        ...(suite.regime ? [`  regime: ${escapeTerminal(suite.regime.reason)}`] : []),
        ...(spendLine(suite.spend) ? [`  ${spendLine(suite.spend)}`] : []),
        ...(callCostsLine(suite.calls) ? [`  ${paint(callCostsLine(suite.calls) ?? '', 'dim')}`] : []),
        ...(suite.regressedCases.length ? [`  most regressed: ${suite.regressedCases.slice(0, 5).map((diff) => escapeTerminal(diff.id)).join(', ')}`] : []),
        ...(suite.added.length || suite.removed.length ? [`  cases: ${suite.added.length} added, ${suite.removed.length} removed`] : []),
        ...erroredLines(suite.erroredCases.length, suite.erroredCases[0]?.error ?? '', paint),
        ...[...suite.gateChanges, ...metricErrorLines(suite), ...(suite.notComparable.length ? [`not comparable (evaluator changed): ${suite.notComparable.join(', ')}`] : [])].map((line) => `  ${paint(escapeTerminal(line), 'yellow')}`),
        ...(suite.note && suite.outcome === 'compared' ? [`  ${paint(escapeTerminal(suite.note), 'yellow')}`] : []),
        '',
    ];
}
/** How many cases failed to run, and the first one's whole error (a Python traceback's cause is on its last lines), a line each. */
function erroredLines(count, error, paint) {
    if (count === 0)
        return [];
    const [head = '', ...rest] = error.trim().split('\n').filter((line) => line.trim());
    const shown = rest.length > ERROR_LINES ? [...rest.slice(0, 2), '…', ...rest.slice(-(ERROR_LINES - 3))] : rest;
    return [`  ${paint(`${count} case(s) failed to run`, 'yellow')}: ${escapeTerminal(head)}`, ...shown.map((line) => `    ${escapeTerminal(line)}`)];
}
const ERROR_LINES = 12;
/** How the gate decided, with `--explain`; otherwise one dim line saying where to find it. */
function explainPart(comparison, explain, paint) {
    const lines = explainLines(comparison);
    if (!lines.length)
        return [];
    if (!explain)
        return [paint('(--explain: how sure, and how the gate decided)', 'dim')];
    return ['How sure, and how the gate decided:', ...lines.map((line) => `  ${escapeTerminal(line)}`), ''];
}
/** The metric-diff table for a terminal; colour only when asked (a TTY without NO_COLOR); the method with `explain`. */
function renderTerminalTable(comparison, options) {
    const paint = (text, color) => (options.color ? `\x1b[${COLORS[color]}m${text}\x1b[0m` : text);
    const verdictColor = { pass: 'green', warn: 'yellow', fail: 'red', incomplete: 'red', error: 'red' };
    return [
        ...comparison.suites.flatMap((suite) => suiteLines(suite, paint)),
        ...explainPart(comparison, options.explain === true, paint),
        `${paint(VERDICT_WORD[comparison.verdict], verdictColor[comparison.verdict])}  ${escapeTerminal(comparison.headline)}`,
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/formats.ts






/**
 * The output formats, by name: `--format`, its help text and the report files the action
 * writes derive from this map. Adding a format = a renderer module + one entry here.
 */
const OUTPUT_FORMATS = {
    text: {
        description: 'the metric-diff table for a terminal (default)',
        kind: 'prose',
        mediaType: 'text/plain',
        render: (comparison, ctx) => renderTerminalTable(comparison, { color: ctx.color, explain: ctx.explain === true }),
    },
    markdown: {
        description: 'the Markdown report (what the job summary and report.md hold)',
        kind: 'prose',
        mediaType: 'text/markdown',
        reportFile: { path: DEFAULTS.report, output: 'report' },
        render: (comparison, ctx) => renderSummary(comparison, { notes: ctx.notes ?? [], ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}), ...(ctx.trend ? { trend: ctx.trend } : {}) }),
    },
    html: {
        description: 'the self-contained HTML report: every case with both outputs, charts and trends',
        kind: 'prose',
        mediaType: 'text/html',
        reportFile: { path: DEFAULTS.htmlReport, output: 'html-report' },
        render: (comparison, ctx) => renderHtmlReport({ comparison, pr: ctx.results, baseline: ctx.baseline, ...(ctx.history ? { history: ctx.history } : {}) }),
    },
    junit: {
        description: 'JUnit XML for test-report UIs: a testsuite per suite, a testcase per metric',
        kind: 'data',
        mediaType: 'application/xml',
        reportFile: { path: DEFAULTS.junit, output: 'junit' },
        render: (comparison, ctx) => renderJunit(comparison, ctx.failOn ? { failOn: ctx.failOn } : {}),
    },
    json: {
        description: 'the comparison as JSON: format "evalgate-comparison", version 1, schema/comparison.schema.json',
        kind: 'data',
        mediaType: 'application/json',
        render: (comparison) => JSON.stringify(comparisonDocument(comparison), null, 2),
    },
};
const OUTPUT_FORMAT_NAMES = Object.keys(OUTPUT_FORMATS);
function isOutputFormat(name) {
    return Object.hasOwn(OUTPUT_FORMATS, name);
}
/** Every report file of the run, rendered: one per format that declares a `reportFile`. */
function renderReportFiles(comparison, ctx) {
    return OUTPUT_FORMAT_NAMES.flatMap((format) => {
        const spec = OUTPUT_FORMATS[format];
        if (!spec.reportFile)
            return [];
        return [{ format, path: spec.reportFile.path, ...(spec.reportFile.output ? { output: spec.reportFile.output } : {}), text: spec.render(comparison, ctx) }];
    });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/history/types.ts
/** How many baseline commits a reader looks at unless told otherwise. */
const DEFAULT_HISTORY_LIMIT = 20;

;// CONCATENATED MODULE: ./src/history/git-reader.ts





const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const MAX_FILE_BYTES = 256 * 1024 * 1024;
async function git(cwd, args) {
    const { stdout } = await run('git', args, { cwd, maxBuffer: MAX_FILE_BYTES, encoding: 'utf8' });
    return stdout;
}
/** `sha<TAB>ISO date` lines of `git log`, newest first. */
function parseLog(text) {
    return text.split('\n').flatMap((line) => {
        const [commit, date] = line.split('\t');
        return commit && date && /^[0-9a-f]{40,64}$/.test(commit) ? [{ commit, date }] : [];
    });
}
/**
 * The baseline's history in the local clone: the last `limit` commits that changed `path`
 * (relative to `cwd`), oldest first, each version validated; invalid or deleted versions are
 * skipped with a note. git runs without a shell.
 */
async function readGitHistory(cwd, path, limit = DEFAULT_HISTORY_LIMIT) {
    let log;
    try {
        log = await git(cwd, ['log', `-n${limit}`, '--format=%H%x09%cI', '--', path]);
    }
    catch (error) {
        const reason = error.stderr?.trim().split('\n')[0] || error.message;
        throw new errors/* ConfigError */.x(`cannot read the baseline's history with git (${reason})`, { file: path }, 'run `evalgate history` inside a git clone that has git installed');
    }
    const commits = parseLog(log).reverse();
    const entries = [];
    const notes = [];
    if (commits.length === 0)
        notes.push(`no commit changed ${path} yet: commit a baseline first (\`evalgate run --update-baseline\`)`);
    for (const { commit, date } of commits) {
        let text;
        try {
            text = await git(cwd, ['show', `${commit}:./${path}`]);
        }
        catch {
            notes.push(`${commit.slice(0, 7)}: ${path} is absent (deleted in that commit); skipped`);
            continue;
        }
        try {
            entries.push({ commit, date, results: parseResultsFile(text, `${path}@${commit.slice(0, 7)}`) });
        }
        catch (error) {
            if (!(0,errors/* isConfigError */.D)(error))
                throw error;
            notes.push(`${error.format()}; skipped`);
        }
    }
    return { entries, notes };
}

;// CONCATENATED MODULE: ./src/report/trend-mermaid.ts



/**
 * Mermaid `xychart-beta` blocks (GitHub renders them in comments and job summaries), one per
 * metric: suite and metric names are untrusted, so only plain characters reach the chart text.
 */
function chartText(text) {
    return text.replace(/[^\p{L}\p{N} _.\-/›:()%]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
}
const isScore = (series) => series.scale.kind !== 'amount';
/** The value as the chart plots it: scores in %, amounts in their unit. */
function plotted(series, value) {
    const shown = isScore(series) ? value * 100 : value;
    return Number(shown.toPrecision(4));
}
function axisRange(values, score) {
    const low = Math.min(...values);
    const high = Math.max(...values);
    const pad = Math.max((high - low) * 0.15, Math.abs(high) * 0.02, score ? 1 : 1e-6);
    const from = score ? Math.max(0, Math.floor(low - pad)) : Math.max(0, low - pad);
    const to = score ? Math.min(100, Math.ceil(high + pad)) : high + pad;
    return [Number(from.toPrecision(3)), Number(to.toPrecision(3))];
}
function unitLabel(series) {
    if (series.scale.kind !== 'amount')
        return 'score (%)';
    return units/* UNITS */.QN[series.scale.unit].label;
}
function trendChart(series) {
    const values = series.points.map((point) => plotted(series, point.value));
    const [from, to] = axisRange(values, isScore(series));
    const first = series.points[0];
    const last = series.points.at(-1);
    const span = first && last ? ` ${formatValue(first.value, series.scale)} to ${formatValue(last.value, series.scale)}` : '';
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${chartText(`${series.suite} › ${series.metric}:${span}`)}"`,
        `  x-axis [${series.points.map((point) => `"${chartText(shortCommit(point.commit))}"`).join(', ')}]`,
        `  y-axis "${unitLabel(series)}" ${from} --> ${to}`,
        `  line [${values.join(', ')}]`,
        '```',
    ].join('\n');
}
/** Charts for the series with at least two points, scores first; at most `maxCharts`. */
function renderTrendMarkdown(series, maxCharts = 4) {
    const shown = series.filter((candidate) => candidate.points.length >= 2).sort((a, b) => Number(isScore(b)) - Number(isScore(a))).slice(0, maxCharts);
    if (shown.length === 0)
        return '';
    const commits = Math.max(...shown.map((candidate) => candidate.points.length));
    return [`**Trend over the last ${commits} runs**`, ...shown.map(trendChart)].join('\n\n');
}

;// CONCATENATED MODULE: ./src/report/trend-terminal.ts

const BARS = '▁▂▃▄▅▆▇█';
/** Untrusted names reach a terminal: no control characters or escape sequences. */
function plain(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
function sparkline(values) {
    const low = Math.min(...values);
    const high = Math.max(...values);
    return values.map((value) => BARS[high === low ? 3 : Math.round(((value - low) / (high - low)) * (BARS.length - 1))] ?? '').join('');
}
function change(series) {
    const first = series.points[0]?.value;
    const last = series.points.at(-1)?.value;
    if (first === undefined || last === undefined || series.points.length < 2)
        return '—';
    if (series.scale.kind === 'amount')
        return first > 0 ? `×${(last / first).toFixed(2)}` : '—';
    const points = (last - first) * 100;
    return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points).toFixed(1)} pts`;
}
function trend_terminal_table(rows) {
    const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
    return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}
/** One line per suite › metric: a sparkline, first and last value, change, number of baselines. */
function renderTrendTable(series) {
    if (series.length === 0)
        return 'No metric values in the baseline history yet.';
    const rows = [
        ['suite', 'metric', 'trend', 'first', 'last', 'change', 'baselines'],
        ...series.map((one) => [
            plain(one.suite),
            plain(one.metric),
            sparkline(one.points.map((point) => point.value)),
            formatValue(one.points[0]?.value ?? null, one.scale),
            formatValue(one.points.at(-1)?.value ?? null, one.scale),
            change(one),
            String(one.points.length),
        ]),
    ];
    return trend_terminal_table(rows).join('\n');
}

;// CONCATENATED MODULE: ./src/cli/history-command.ts







const FORMATS = ['text', 'markdown', 'json'];
const HISTORY_HELP = `Usage: evalgate history   (the baseline's trend over its last commits, read with git log)

  -b, --baseline FILE      baseline whose history to read (default evals/baseline.json)
  -n, --limit N            how many of its commits to read (default ${DEFAULT_HISTORY_LIMIT})
      --format FORMAT      text (default: a table with sparklines) | markdown (mermaid charts) | json
      --cwd DIR            run as if started in DIR`;
function parseHistoryCommand(args, cwd) {
    let values;
    try {
        ({ values } = (0,external_node_util_.parseArgs)({
            args,
            options: { baseline: { type: 'string', short: 'b', default: 'evals/baseline.json' }, limit: { type: 'string', short: 'n', default: String(DEFAULT_HISTORY_LIMIT) }, format: { type: 'string', default: 'text' }, cwd: { type: 'string' } },
            strict: true,
        }));
    }
    catch (error) {
        throw new errors/* ConfigError */.x(error.message, {}, 'run `evalgate help history` for the flags');
    }
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1)
        throw new errors/* ConfigError */.x(`--limit must be a whole number ≥ 1, got "${values.limit}"`, {}, 'pass e.g. --limit 20');
    const format = FORMATS.find((candidate) => candidate === values.format);
    if (!format)
        throw new errors/* ConfigError */.x(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`, {}, `pass --format ${FORMATS.join(', --format ')}`);
    return { name: 'history', cwd: values.cwd ?? cwd, baseline: values.baseline, limit, format };
}
async function historyCommand(command, io) {
    const history = await readGitHistory(command.cwd, command.baseline, command.limit);
    for (const note of history.notes)
        io.stderr(`note: ${note}\n`);
    const series = buildSeries(history.entries);
    if (command.format === 'json')
        io.stdout(`${JSON.stringify(series, null, 2)}\n`);
    else if (command.format === 'markdown')
        io.stdout(`${renderTrendMarkdown(series, series.length) || 'No trend yet: the baseline needs at least two commits.'}\n`);
    else
        io.stdout(`${renderTrendTable(series)}\n`);
    return 0;
}

;// CONCATENATED MODULE: ./src/cli/init/templates.ts

/** Where the action and the package live; package.json, README, docs/ and this agree (tests/docs/package.test.ts). */
const ACTION_REPOSITORY = 'OWNER/evalgate';
/** The suite schema at a stable URL: the published package's file, pinned to this major version. */
const SCHEMA_URL = `https://unpkg.com/evalgate@${VERSION.split('.')[0]}/schema/suite.schema.json`;
/** The action a scaffolded workflow uses unless `init --action` names another. */
const DEFAULT_ACTION = `${ACTION_REPOSITORY}@v1`;
/** True while the action's repository is still the `OWNER/…` placeholder: the user must replace it. */
const isPlaceholderAction = (action) => action.startsWith('OWNER/');
/**
 * The workflow README ("Gate your pull requests in five minutes") and docs/github.md show: the
 * gate on pull requests, the baseline refresh on pushes, and the HTML report and JUnit file
 * uploaded as one artifact whatever the verdict.
 */
function workflow(action) {
    const placeholder = isPlaceholderAction(action)
        ? `      # ⚠ Replace OWNER with the owner of the EvalGate repository you use (or re-run
      #   \`npx evalgate init --action owner/evalgate@v1 --force\`).
`
        : '';
    const home = action.startsWith('./') ? ACTION_REPOSITORY : action.split('@')[0]?.split('/').slice(0, 2).join('/');
    return `# EvalGate: gates every pull request on real regressions of the suites in evals/,
# and refreshes evals/baseline.json on pushes to main (docs: https://github.com/${home}).
name: evalgate
on:
  pull_request:
  push: { branches: [main] }
permissions:
  contents: write        # refresh evals/baseline.json on main
  pull-requests: write   # the metric-diff comment
concurrency: { group: "evalgate-\${{ github.ref }}" }
jobs:
  evals:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
${placeholder}      - id: evalgate
        uses: ${action}
        with:
          api-key: \${{ secrets.OPENAI_API_KEY }}
      - uses: actions/upload-artifact@v4   # every case, both outputs, a word diff; and JUnit XML
        if: always()
        with:
          name: evalgate-report
          path: |
            .evalgate/report.html
            .evalgate/junit.xml
          if-no-files-found: ignore
`;
}
const FACTS = [
    'The store is open from 9 am to 6 pm, Monday to Saturday.',
    'You can return any unused item within 30 days for a full refund.',
    'Shipping is free over $50; smaller orders ship for $5.',
    'Tents have a warranty of two years against manufacturing defects.',
    'You can contact support through the support chat on our website.',
    'Delivery takes 3 to 5 working days within the country.',
    'Gift cards are sold from $10 to $500 and never expire.',
    'The membership costs $20 a year and gives 10% off every order.',
    'You can rent tents, stoves and sleeping bags by the weekend.',
    'Our repair service fixes jackets, zips and seams in two weeks.',
    'Accepted payment methods: cards and PayPal.',
    'We price match any local shop on identical items.',
    'You can exchange sizes for free within 60 days, shoes included.',
    'There is free parking behind the store for two hours.',
    'Dogs on a leash are welcome inside.',
    'Climbing workshops run every Sunday at 10 am.',
    'Students get a 15% discount with a valid student card.',
    'We ship internationally to Canada and Mexico only.',
    'The camping stove uses butane cartridges.',
    'The sleeping bag keeps you warm down to -5 °C.',
];
const COMMAND_SUITE = `# yaml-language-server: $schema=${SCHEMA_URL}
# Your app under test, run as a command: each case's fields go in as JSON on stdin, the answer
# comes out as JSON on stdout. Replace app.mjs with your own app (any language) and cases.jsonl
# with real questions. Runs offline, with no API key.
# How big a change 20 cases can see: each run prints it ("catches a drop of N points or more").
# With 20 cases only big changes — several answers going wrong at once — are told apart from
# chance; add cases (or set a floor with \`min:\`) to catch smaller ones.
name: starter
flow:
  kind: command
  command: node app.mjs
  timeout: 10s
data: cases.jsonl
evaluators:
  - { metric: icontains, expected: "{{answer}}" }   # the reference answer appears
  - { metric: f1, expected: "{{answer}}" }          # word overlap with the reference
gate:
  icontains: { min: 0.8 }                           # at least 80% of the answers must contain it
`;
const PROMPT_SUITE = `# yaml-language-server: $schema=${SCHEMA_URL}
# A prompt sent to an OpenAI-compatible model. Needs OPENAI_API_KEY (the action's \`api-key\`);
# without it the suite is skipped with a note. Edit the messages and cases.jsonl.
name: starter
flow:
  kind: prompt
  model: gpt-4o-mini
  parameters: { temperature: 0, max_tokens: 100 }
  messages:
    - role: system
      content: |
        You answer questions about the Contoso Outdoors store in one short sentence, using only these facts:
${FACTS.map((fact) => `        - ${fact}`).join('\n')}
    - role: user
      content: "{{question}}"
data: cases.jsonl
evaluators:
  - { metric: icontains, expected: "{{answer}}" }
  - { metric: f1, expected: "{{answer}}" }
  - { metric: cost }
  - { metric: latency }
gate:
  latency: { gate: false }
`;
const CASES = [
    { id: 'opening-hours', question: 'When is the store open?', answer: '9 am to 6 pm' },
    { id: 'returns', question: 'How long do I have to return an item?', answer: '30 days' },
    { id: 'shipping', question: 'How much does shipping cost?', answer: 'free over $50' },
    { id: 'tent-warranty', question: 'What warranty do tents have?', answer: 'two years' },
    { id: 'contact', question: 'How can I contact support?', answer: 'support chat' },
    { id: 'delivery-time', question: 'How fast is delivery?', answer: '3 to 5 working days' },
    { id: 'gift-cards', question: 'Do you sell gift cards?', answer: 'from $10 to $500' },
    { id: 'membership', question: 'What does the membership cost?', answer: '$20 a year' },
    { id: 'rentals', question: 'Can I rent camping gear?', answer: 'rent tents' },
    { id: 'repairs', question: 'Do you repair jackets?', answer: 'repair service' },
    { id: 'payment', question: 'Which payment methods are accepted?', answer: 'cards and PayPal' },
    { id: 'price-match', question: 'Do you match prices?', answer: 'price match' },
    { id: 'exchange', question: 'Can I exchange shoes for another size?', answer: 'exchange sizes' },
    { id: 'parking', question: 'Is there parking at the store?', answer: 'free parking' },
    { id: 'pets', question: 'Are dogs allowed inside?', answer: 'dogs on a leash' },
    { id: 'workshops', question: 'Do you run climbing workshops?', answer: 'every Sunday' },
    { id: 'students', question: 'Is there a discount for students?', answer: '15%' },
    { id: 'international', question: 'Do you ship internationally?', answer: 'Canada and Mexico' },
    { id: 'stove-fuel', question: 'Which fuel does the camping stove use?', answer: 'butane' },
    { id: 'bag-rating', question: 'How warm is the sleeping bag?', answer: '-5 °C' },
];
const APP = `#!/usr/bin/env node
// A tiny FAQ app: the "system under test" of the starter suite. It reads one case as JSON on
// stdin and answers with the fact sharing the most words with the question, as JSON on stdout.
// Replace it with your own app: keep the protocol ({"output": "..."} on stdout).
import { readFileSync } from 'node:fs';

const facts = JSON.parse(readFileSync(new URL('./facts.json', import.meta.url), 'utf8'));
const words = (text) => new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
const { question = '' } = JSON.parse(readFileSync(0, 'utf8'));
const asked = words(question);
const shared = (fact) => [...words(fact)].filter((word) => asked.has(word) && word.length > 3).length;
const best = facts.reduce((top, fact) => (shared(fact) > shared(top) ? fact : top), facts[0]);
process.stdout.write(JSON.stringify({ output: best, context: facts.join('\\n') }));
`;
const jsonl = (rows) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
/** The files `evalgate init` writes, by path relative to the project folder. */
function scaffoldFiles(flow, action = DEFAULT_ACTION) {
    const suiteDir = 'evals/starter';
    const files = {
        [`${suiteDir}/starter.eval.yaml`]: flow === 'command' ? COMMAND_SUITE : PROMPT_SUITE,
        [`${suiteDir}/cases.jsonl`]: jsonl(CASES),
        '.github/workflows/evalgate.yml': workflow(action),
    };
    if (flow === 'command') {
        files[`${suiteDir}/app.mjs`] = APP;
        files[`${suiteDir}/facts.json`] = `${JSON.stringify(FACTS, null, 2)}\n`;
    }
    return files;
}

;// CONCATENATED MODULE: ./src/cli/init/scaffold.ts





/** What git must not track: the results, reports and response cache of local runs. */
const IGNORED = '.evalgate/';
/** `.gitignore` with `.evalgate/` added, or undefined when it already ignores it. */
function withIgnoredRunFolder(gitignore) {
    const lines = (gitignore ?? '').split(/\r?\n/).map((line) => line.trim());
    if (lines.some((line) => ['.evalgate', '.evalgate/', '/.evalgate', '/.evalgate/', '.evalgate/*', '.evalgate/**'].includes(line)))
        return undefined;
    const text = gitignore ?? '';
    return `${text}${text && !text.endsWith('\n') ? '\n' : ''}# EvalGate: results, reports and the response cache of local runs\n${IGNORED}\n`;
}
/**
 * Writes the starter suite, its data (and app, for a command flow) and the workflow into `dir`.
 * Existing files are never overwritten unless `force`: the check covers every file before any
 * is written. `.gitignore` gets `.evalgate/` added (created if there is none). Returns the paths
 * written, relative to `dir`.
 */
async function scaffold(dir, flow, force, action) {
    const files = scaffoldFiles(flow, action);
    const existing = Object.keys(files).filter((path) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, path)));
    if (existing.length && !force) {
        throw new errors/* ConfigError */.x(`init would overwrite ${existing.join(', ')}`, {}, 'pass --force to overwrite, or move those files away; nothing was written');
    }
    for (const [path, text] of Object.entries(files))
        await (0,atomic_write/* writeFileAtomic */.Z)((0,external_node_path_.join)(dir, path), text);
    // .gitignore is the user's file: `.evalgate/` is added to it, nothing else changes.
    const gitignorePath = (0,external_node_path_.join)(dir, '.gitignore');
    const gitignore = withIgnoredRunFolder((0,external_node_fs_.existsSync)(gitignorePath) ? (0,external_node_fs_.readFileSync)(gitignorePath, 'utf8') : undefined);
    if (gitignore !== undefined)
        await (0,atomic_write/* writeFileAtomic */.Z)(gitignorePath, gitignore);
    return [...Object.keys(files), ...(gitignore === undefined ? [] : ['.gitignore'])];
}

;// CONCATENATED MODULE: ./src/cli/init/init-command.ts





/** `owner/repo@ref`, `owner/repo/path@ref` or a local `./path`: what a workflow's `uses:` accepts. */
function actionRef(value) {
    const action = value.trim();
    if (/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w./-]+$/.test(action) || /^\.\/[\w./-]*$/.test(action))
        return action;
    throw new errors/* ConfigError */.x(`--action must be owner/repo@ref (as in \`uses:\`), got "${value}"`, {}, 'for example --action my-org/evalgate@v1');
}
const INIT_HELP = `Usage: evalgate init   (scaffold a starter suite, its data and .github/workflows/evalgate.yml)

      --flow KIND          command (default: a tiny local app, runs offline) | prompt (a model; needs OPENAI_API_KEY)
      --action OWNER/REPO@REF   the EvalGate action the workflow uses (default ${DEFAULT_ACTION})
      --force              overwrite files that already exist
      --cwd DIR            scaffold into DIR
It also adds .evalgate/ (local results, reports and cache) to .gitignore.`;
function starterFlow(value) {
    const kind = value.trim().toLowerCase();
    if (kind === 'command' || kind === 'prompt')
        return kind;
    throw new errors/* ConfigError */.x(`--flow must be command or prompt, got "${value}"`, {}, 'pass --flow command (offline) or --flow prompt (a model)');
}
function parseInitArgs(args, cwd) {
    try {
        const { values } = (0,external_node_util_.parseArgs)({ args, options: { flow: { type: 'string' }, force: { type: 'boolean', default: false }, cwd: { type: 'string' }, action: { type: 'string' } }, strict: true });
        return {
            name: 'init',
            flow: values.flow === undefined ? undefined : starterFlow(values.flow),
            force: values.force,
            cwd: values.cwd ?? cwd,
            ...(values.action === undefined ? {} : { action: actionRef(values.action) }),
        };
    }
    catch (error) {
        if (error instanceof errors/* ConfigError */.x)
            throw error;
        throw new errors/* ConfigError */.x(error.message, {}, 'run `evalgate help init` for the flags');
    }
}
/** On a terminal with no --flow: one question, Enter keeps the offline default. */
async function chooseFlow(command, io) {
    if (command.flow)
        return command.flow;
    if (!io.ask)
        return 'command';
    const answer = await io.ask('Flow under test: (c)ommand — your app, offline — or (p)rompt — a model? [c] ');
    return /^p/i.test(answer.trim()) ? 'prompt' : 'command';
}
async function initCommand(command, io) {
    const flow = await chooseFlow(command, io);
    const action = command.action ?? DEFAULT_ACTION;
    const written = await scaffold((0,external_node_path_.resolve)(io.cwd, command.cwd), flow, command.force, action);
    for (const path of written)
        io.stdout(path === '.gitignore' ? 'added .evalgate/ to .gitignore\n' : `created ${path}\n`);
    if (isPlaceholderAction(action)) {
        io.stderr(`\nevalgate: .github/workflows/evalgate.yml says \`uses: ${action}\`: replace OWNER with the owner of the EvalGate repository you use before you push (or re-run with --action owner/evalgate@v1 --force).\n`);
    }
    io.stdout(flow === 'command'
        ? '\nNext: `npx evalgate run` runs the starter suite offline; `npx evalgate run --update-baseline` writes evals/baseline.json — commit it with the workflow.\n'
        : '\nNext: `OPENAI_API_KEY=… npx evalgate run --update-baseline` runs the suite and writes evals/baseline.json; add the OPENAI_API_KEY secret to the repository for the workflow.\n');
    return 0;
}

;// CONCATENATED MODULE: ./src/core/input-checks.ts


/** A model endpoint from a flag or an input: an absolute http(s) URL, or a ConfigError saying so. */
function checkBaseUrl(value, label) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        throw new errors/* ConfigError */.x(`${label} must be an http(s) URL, got ${JSON.stringify(value)}`, {}, 'write the endpoint’s full URL, e.g. https://api.openai.com/v1');
    }
    return value;
}
/** A whole number within [min, max] from a flag or an input. */
function boundedInt(value, label, min, max) {
    const parsed = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(parsed) || parsed < min || parsed > max) {
        throw new errors/* ConfigError */.x(`${label} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`, {}, `pass a number from ${min} to ${max}`);
    }
    return parsed;
}
/** Seconds of a `--timeout`, bounded like every duration EvalGate accepts. */
const MAX_TIMEOUT_SECONDS = MAX_TIMEOUT_MS / 1000;

;// CONCATENATED MODULE: ./src/engine/shard.ts


function parseShard(text, source) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || count < 1 || index < 1 || index > count) {
        throw new errors/* ConfigError */.x(`${source} must be INDEX/COUNT with 1 ≤ INDEX ≤ COUNT (e.g. 2/8), got "${text}"`, {}, 'on a matrix: shard: ${{ matrix.shard }}/8');
    }
    return { index, count };
}
/** Stable: a case stays in its shard whatever else changes in the data (hash of suite name + case id). */
function shardOf(suite, caseId, count) {
    return (Number.parseInt((0,hash/* sha256 */.sc)(`${suite}\u0000${caseId}`).slice(0, 12), 16) % count) + 1;
}
/** The suite with only this shard's cases, and where each sat in the full list (for merging). */
function shardSuite(suite, shard) {
    const positions = [];
    const cases = suite.cases.filter((testCase, position) => {
        const mine = shardOf(suite.name, testCase.id, shard.count) === shard.index;
        if (mine)
            positions.push(position);
        return mine;
    });
    return { suite: { ...suite, cases }, positions };
}

;// CONCATENATED MODULE: ./src/core/http-headers.ts

/** RFC 7230 §3.2.6 `token`: the characters a header name may hold. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Control characters a header value must not hold (CR and LF would split the request; tab is allowed). */
const FORBIDDEN_IN_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;
const HINT = 'write one `Name: value` per line, e.g. `x-portkey-api-key: ${{ secrets.PORTKEY_API_KEY }}`';
/**
 * Extra request headers for an OpenAI-compatible gateway, from `Name: value` lines (blank lines
 * skipped). Errors name the line and the header but never echo a value: values are usually secrets.
 */
function parseHeaderLines(lines, where) {
    const headers = {};
    const seen = new Set();
    lines.forEach((raw, index) => {
        const line = raw.replace(/\r$/, '');
        if (line.trim() === '')
            return;
        const colon = line.indexOf(':');
        if (colon < 0)
            throw new errors/* ConfigError */.x(`${where(index)}: a header needs a colon between its name and its value`, {}, HINT);
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        checkHeader(name, value, where(index), HINT);
        if (seen.has(name.toLowerCase()))
            throw new errors/* ConfigError */.x(`${where(index)}: header ${name} is given twice`, {}, 'give each header once');
        seen.add(name.toLowerCase());
        headers[name] = value;
    });
    return headers;
}
/** A header name RFC 7230 allows and a value that stays on its line; errors never echo the value. */
function checkHeader(name, value, where, hint) {
    if (!TOKEN.test(name))
        throw new errors/* ConfigError */.x(`${where}: ${name === '' ? 'the header name before the colon is empty' : 'the header name before the colon holds a space or a character a name cannot hold'} (letters, digits and !#$%&'*+-.^_\`|~ only)`, {}, hint);
    if (FORBIDDEN_IN_VALUE.test(value))
        throw new errors/* ConfigError */.x(`${where}: the value of header ${name} holds a line break or control character`, {}, 'put each header on one line; a secret with a trailing newline must be trimmed');
    if (value === '')
        throw new errors/* ConfigError */.x(`${where}: header ${name} has an empty value`, {}, 'an unset secret expands to nothing: check that the secret exists for this workflow');
}

;// CONCATENATED MODULE: ./src/cli/args.ts












const RUN_OPTIONS = {
    cwd: { type: 'string' },
    output: { type: 'string', short: 'o', default: DEFAULTS.results },
    report: { type: 'string', default: DEFAULTS.report },
    baseline: { type: 'string', short: 'b', default: DEFAULTS.baseline },
    'no-compare': { type: 'boolean', default: false },
    'update-baseline': { type: 'boolean', default: false },
    model: { type: 'string' },
    'judge-model': { type: 'string' },
    'base-url': { type: 'string' },
    header: { type: 'string', multiple: true },
    concurrency: { type: 'string', short: 'c', default: String(DEFAULTS.concurrency) },
    timeout: { type: 'string', default: String(DEFAULTS.timeoutSeconds) },
    'fail-on': { type: 'string', default: 'regression' },
    format: { type: 'string', default: 'text' },
    explain: { type: 'boolean', default: false },
    repeat: { type: 'string' },
    filter: { type: 'string', multiple: true },
    metric: { type: 'string', multiple: true },
    limit: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string', default: '1' },
    html: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    shard: { type: 'string' },
    batch: { type: 'boolean', default: false },
    sequential: { type: 'boolean' },
    'no-sequential': { type: 'boolean' },
};
const MERGE_OPTIONS = {
    output: { type: 'string', short: 'o', default: DEFAULTS.results },
};
const COMPARE_OPTIONS = {
    'fail-on': { type: 'string', default: 'regression' },
    format: { type: 'string', default: 'text' },
    explain: { type: 'boolean', default: false },
    html: { type: 'string' },
};
function positiveInt(value, flag) {
    return boundedInt(value, flag, 1, 1_000_000);
}
function outputFormat(value) {
    if (isOutputFormat(value))
        return value;
    throw new errors/* ConfigError */.x(`--format must be one of ${OUTPUT_FORMAT_NAMES.join(', ')}, got "${value}"`, {}, 'run `evalgate help run` for the formats');
}
function parse(args, options, command) {
    try {
        return (0,external_node_util_.parseArgs)({ args, options, allowPositionals: true, strict: true });
    }
    catch (error) {
        const unknown = /Unknown option '(--?[\w-]+)'/.exec(error.message)?.[1];
        const close = unknown ? (0,edit_distance/* closestName */.N)(unknown.replace(/^-+/, ''), Object.keys(options)) : undefined;
        throw new errors/* ConfigError */.x(error.message, {}, close ? `did you mean --${close}?` : `run \`evalgate help ${command}\` for the flags`);
    }
}
function selectionFrom(values) {
    return {
        ...(values.repeat ? { repeat: positiveInt(values.repeat, '--repeat') } : {}),
        ...(values.filter?.length ? { cases: values.filter } : {}),
        ...(values.metric?.length ? { metrics: values.metric } : {}),
        ...(values.limit ? { limit: positiveInt(values.limit, '--limit') } : {}),
        ...(values.sample ? { sample: { size: positiveInt(values.sample, '--sample'), seed: values.seed } } : {}),
    };
}
const COMMANDS = ['run', 'compare', 'merge', 'history', 'init', 'import', 'help', 'version'];
function parseCommand(argv, cwd) {
    const [name, ...rest] = argv;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
        return { name: 'help', ...(rest[0] ? { topic: rest[0] } : {}) };
    }
    if (name === 'version' || name === '--version' || name === '-v')
        return { name: 'version' };
    if (rest.includes('--help') || rest.includes('-h'))
        return { name: 'help', topic: name };
    if (name === 'init')
        return parseInitArgs(rest, cwd);
    if (name === 'run') {
        const { values, positionals } = parse(rest, RUN_OPTIONS, 'run');
        const selection = selectionFrom(values);
        if (values['update-baseline'] && isSubset(selection)) {
            throw new errors/* ConfigError */.x('--update-baseline writes the whole baseline, so it cannot take --filter, --metric, --limit or --sample', {}, 'run every case to refresh the baseline');
        }
        if (values.sequential && values['no-sequential']) {
            throw new errors/* ConfigError */.x('--sequential and --no-sequential contradict each other', {}, 'give one of them (default: stop once the verdict is known)');
        }
        if (values.shard && values['update-baseline']) {
            throw new errors/* ConfigError */.x('--shard writes partial results, never a baseline', {}, 'merge the shards with `evalgate merge`, then write the baseline from the merged file');
        }
        return {
            name: 'run',
            suites: positionals.length ? positionals : [...DEFAULTS.suites],
            flags: {
                cwd: values.cwd ?? cwd,
                output: values.output,
                report: values.report,
                baseline: values['no-compare'] ? undefined : values.baseline,
                updateBaseline: values['update-baseline'],
                ...(values.model ? { model: values.model } : {}),
                ...(values['judge-model'] ? { judgeModel: values['judge-model'] } : {}),
                ...(values['base-url'] ? { baseUrl: checkBaseUrl(values['base-url'], '--base-url') } : {}),
                ...(values.header?.length ? { headers: parseHeaderLines(values.header, (index) => `--header #${index + 1}`) } : {}),
                concurrency: boundedInt(values.concurrency, '--concurrency', 1, MAX_CONCURRENCY),
                timeoutMs: boundedInt(values.timeout, '--timeout (seconds)', 1, MAX_TIMEOUT_SECONDS) * 1000,
                failOn: (0,fail_policy/* parseFailOn */.X)(values['fail-on'], '--fail-on'),
                format: outputFormat(values.format),
                explain: values.explain,
                selection,
                ...(values.html ? { html: values.html } : {}),
                cache: !values['no-cache'],
                ...(values.shard ? { shard: parseShard(values.shard, '--shard') } : {}),
                batch: values.batch,
                ...(values.sequential || values['no-sequential'] ? { sequential: values.sequential === true } : {}),
            },
        };
    }
    if (name === 'compare') {
        const { values, positionals } = parse(rest, COMPARE_OPTIONS, 'compare');
        const [baseline, results, extra] = positionals;
        if (!baseline || !results || extra) {
            throw new errors/* ConfigError */.x('compare takes exactly two files', {}, 'usage: evalgate compare <baseline.json> <results.json>');
        }
        return {
            name: 'compare',
            baseline,
            results,
            failOn: (0,fail_policy/* parseFailOn */.X)(values['fail-on'], '--fail-on'),
            format: outputFormat(values.format),
            explain: values.explain,
            ...(values.html ? { html: values.html } : {}),
        };
    }
    if (name === 'history')
        return parseHistoryCommand(rest, cwd);
    if (name === 'merge') {
        const { values, positionals } = parse(rest, MERGE_OPTIONS, 'merge');
        if (positionals.length === 0)
            throw new errors/* ConfigError */.x('merge needs the shards\' results files', {}, 'usage: evalgate merge <results…> [-o merged.json]');
        return { name: 'merge', parts: positionals, output: values.output };
    }
    if (name === 'import') {
        const { values, positionals } = parse(rest, { out: { type: 'string' }, cwd: { type: 'string' } }, 'import');
        const [source, path, extra] = positionals;
        if ((source !== 'promptflow' && source !== 'promptfoo' && source !== 'openai-evals') || !path || extra) {
            throw new errors/* ConfigError */.x('import takes a source and a path', {}, 'usage: evalgate import promptflow|promptfoo|openai-evals PATH [--out DIR]');
        }
        return { name: 'import', source, path, cwd: values.cwd ?? cwd, ...(values.out ? { out: values.out } : {}) };
    }
    const close = (0,edit_distance/* closestName */.N)(name, COMMANDS);
    throw new errors/* ConfigError */.x(`unknown command "${name}"`, {}, close ? `did you mean "${close}"?` : `commands: ${COMMANDS.join(', ')}`);
}

;// CONCATENATED MODULE: ./src/cli/help.ts





const help_FORMATS = Object.entries(OUTPUT_FORMATS).map(([name, format]) => `                           ${name}: ${format.description}`).join('\n');
const MAIN = `evalgate ${VERSION} — put your LLM app's quality under version control

Usage:
  evalgate run [suites…]             run suites, write results, compare with the baseline
  evalgate compare <base> <results>  compare two results files and print the metric diff
  evalgate history                   each metric's trend over the baseline's last commits (git log)
  evalgate init                      scaffold a starter suite, its data and the workflow
  evalgate import promptflow|promptfoo|openai-evals PATH   write .eval.yaml files for a PromptFlow flow, a promptfoo config or an OpenAI eval
  evalgate merge <shards…> [-o OUT]  combine the results of --shard runs into one results file
  evalgate help [command]            this help, or a command's flags
  evalgate version

Exit codes:
  0   pass or warn          1   the gate failed (a real regression)
  2   configuration or usage error (file:line, what is wrong — how to fix it)
  3   the evaluation could not run (provider down, every case errored)
  70  internal error (a bug in EvalGate: please report it)

Environment:
  OPENAI_API_KEY           the model API key (also EVALGATE_API_KEY, AZURE_OPENAI_API_KEY)
  OPENAI_API_VERSION       api-version for classic Azure OpenAI endpoints (default 2024-10-21)
  NO_COLOR                 no colours on a terminal`;
const RUN = `Usage: evalgate run [suites…]   (globs of *.eval.yaml, GitHub *.prompt.yml or promptfooconfig.yaml files; default: ${DEFAULTS.suites.join(', ')})

  -o, --output FILE        results file (default ${DEFAULTS.results})
      --report FILE        Markdown report (default ${DEFAULTS.report})
  -b, --baseline FILE      baseline to compare with (default ${DEFAULTS.baseline}; skipped if absent)
      --no-compare         only run and print the scores
      --update-baseline    also write the results to the baseline path (what main's refresh does)
      --model NAME         override the model of every prompt and prompty flow
      --judge-model NAME   model for LLM-judge metrics (default ${DEFAULTS.judgeModel})
      --base-url URL       any OpenAI-compatible endpoint (Azure OpenAI, vLLM, Ollama, LiteLLM…)
      --header 'NAME: VALUE'  extra header on every model call (repeatable; a gateway's key or config; masked)
  -c, --concurrency N      flow invocations and model calls in flight, over all suites (default ${DEFAULTS.concurrency})
      --timeout SECONDS    per flow invocation without a timeout: of its own (default ${DEFAULTS.timeoutSeconds})
      --fail-on WHEN       regression (default) | warn | never
      --format FORMAT      what to print:
${help_FORMATS}
      --explain            also print how the gate decided (error budget, what each suite can detect)
      --html FILE          also write the self-contained HTML report (e.g. .evalgate/report.html)
      --no-cache           send every model call (judges are otherwise answered from .evalgate/cache)
      --shard I/N          run part I of N of every suite's cases; write partial results for merge
      --batch              send flows' chat calls through the OpenAI Batch API (half price, slow)
      --no-sequential      run every case (default with a baseline: a suite stops once its verdict is known;
                           --sequential asks for it; the baseline's own setting wins when it is off)
      --cwd DIR            run as if started in DIR

Narrower runs (compared with the same part of the baseline; not with --update-baseline):
      --filter GLOB        only cases whose id matches (repeatable), e.g. --filter "refund-*"
      --metric NAME        only these evaluators (repeatable), e.g. --metric f1
      --limit N            the first N cases of each suite
      --sample N           N cases of each suite, drawn by a stable seeded order (--seed S, default 1)
      --repeat K           K samples per case, overriding every suite's repeat:`;
const MERGE = `Usage: evalgate merge <results…> [-o FILE]

  Combines the partial results of \`evalgate run --shard I/N\` (every shard of one run) into the
  results file an unsharded run writes; then run \`evalgate compare <baseline> FILE\`.

  -o, --output FILE        merged results (default .evalgate/results.json)`;
const COMPARE = `Usage: evalgate compare <baseline.json> <results.json>

      --fail-on WHEN       regression (default) | warn | never
      --format FORMAT      what to print:
${help_FORMATS}
      --explain            also print how the gate decided (error budget, what each suite can detect)
      --html FILE          also write the self-contained HTML report`;
const IMPORT = `Usage: evalgate import promptflow|promptfoo|openai-evals PATH [--out DIR]

  PATH is a PromptFlow flow folder (flow.dag.yaml / flow.flex.yaml), a promptfooconfig.yaml, or an
  OpenAI eval object saved as eval.json (its rows in eval.jsonl next to it).
  Writes one .eval.yaml per suite (a promptfoo prompt × provider matrix gives several).
  (\`evalgate run\` also runs promptfooconfig.yaml and OpenAI eval .json files directly, without importing.)

      --out DIR            where to write (default: the folder holding PATH)
      --cwd DIR            run as if started in DIR`;
function helpText(topic) {
    if (topic === 'import')
        return IMPORT;
    if (topic === 'run')
        return RUN;
    if (topic === 'compare')
        return COMPARE;
    if (topic === 'history')
        return HISTORY_HELP;
    if (topic === 'init')
        return INIT_HELP;
    if (topic === 'merge')
        return MERGE;
    return MAIN;
}

;// CONCATENATED MODULE: ./src/cli/output.ts




function printComparison(comparison, format, io, data) {
    io.stdout(`${OUTPUT_FORMATS[format].render(comparison, { color: io.interactive && !io.env.NO_COLOR, ...data })}\n`);
}
async function writeReport(path, comparison, io) {
    await (0,atomic_write/* writeFileAtomic */.Z)(path, renderSummary(comparison, {}));
    io.stderr(`report: ${path}\n`);
}
async function writeHtmlReport(path, input, io) {
    await (0,atomic_write/* writeFileAtomic */.Z)(path, renderHtmlReport(input));
    io.stderr(`HTML report: ${path}\n`);
}

;// CONCATENATED MODULE: ./src/results/build.ts



/** The results document, assembled here and nowhere else. */
function resultsDocument(run, suites) {
    return {
        format: RESULTS_FORMAT,
        version: RESULTS_VERSION,
        tool: { name: 'evalgate', version: VERSION },
        run: { ...run, models: [...new Set(suites.flatMap((suite) => (suite.flow.model ? [suite.flow.model] : [])))] },
        suites,
    };
}
function skippedSuite(header, skipReason) {
    return { ...header, status: 'skipped', skipReason, cases: [] };
}
function ranSuite(header, cases) {
    return { ...header, status: 'ran', cases };
}
/** A sample whose flow failed: no output, its error (capped), nothing measured or scored. */
function failedSample(error, errorKind) {
    return { output: null, error: capText(error, TEXT_LIMITS.error), ...(errorKind ? { errorKind } : {}), usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, latencyMs: 0, scores: {} };
}
/** A score as stored (error and reason capped): a non-finite value is an error, never a number. */
function scoreRecord(score) {
    const extras = { ...(score.reason ? { reason: capText(score.reason, TEXT_LIMITS.reason) } : {}), ...(score.details ? { details: score.details } : {}) };
    if (score.error)
        return { status: 'error', error: capText(score.error, TEXT_LIMITS.error), ...extras };
    if (score.value === null)
        return { status: 'not-applicable', ...extras };
    if (!Number.isFinite(score.value))
        return { status: 'error', error: `not a number: ${score.value}`, ...extras };
    return { status: 'ok', value: score.value, ...extras };
}
const skippedScore = (reason) => ({ status: 'skipped', reason });

;// CONCATENATED MODULE: ./src/results/merge-shards.ts


const RERUN = 'download every shard of the same run (all of --shard 1/N … N/N) and merge them together';
function merge_shards_shardOf(part) {
    const shard = part.results.run.shard;
    if (!shard)
        throw new errors/* ConfigError */.x('not a shard’s results (no run.shard): it is already complete', { file: part.label }, 'merge only the files written with --shard');
    return shard;
}
function checkShardSet(parts) {
    const [first] = parts;
    if (!first)
        throw new errors/* ConfigError */.x('no results files to merge', {}, RERUN);
    const { count } = merge_shards_shardOf(first);
    const seen = new Map();
    for (const part of parts) {
        const shard = merge_shards_shardOf(part);
        if (shard.count !== count)
            throw new errors/* ConfigError */.x(`shard ${shard.index}/${shard.count} is from a ${shard.count}-way split, ${first.label} from a ${count}-way one`, { file: part.label }, RERUN);
        const other = seen.get(shard.index);
        if (other)
            throw new errors/* ConfigError */.x(`shard ${shard.index}/${count} twice (also ${other})`, { file: part.label }, RERUN);
        seen.set(shard.index, part.label);
        if (part.results.run.commit !== first.results.run.commit) {
            throw new errors/* ConfigError */.x(`ran on commit ${part.results.run.commit ?? '(none)'}, ${first.label} on ${first.results.run.commit ?? '(none)'}`, { file: part.label }, RERUN);
        }
    }
    const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !seen.has(index));
    if (missing.length) {
        const found = [...seen.keys()].sort((a, b) => a - b).map((index) => `${index}/${count}`).join(', ');
        throw new errors/* ConfigError */.x(`${seen.size} of ${count} shards found (${found}): shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} missing`, {}, `${RERUN}; a shard job that failed or whose results were not uploaded leaves its part out`);
    }
}
/** One suite from its shards: cases back in the suite's own order, the header as every shard wrote it. */
function mergeSuite(name, pieces) {
    const [first] = pieces;
    if (!first)
        throw new Error(`no pieces of suite ${name}`);
    const { positions: _positions, cases: _cases, calls: _calls, ...header } = first.suite;
    const slots = [];
    for (const { label, suite } of pieces) {
        if (suite.hash !== first.suite.hash || suite.status !== first.suite.status) {
            throw new errors/* ConfigError */.x(`suite "${name}" differs between shards (config or status)`, { file: label }, RERUN);
        }
        const positions = suite.positions ?? [];
        if (positions.length !== suite.cases.length)
            throw new errors/* ConfigError */.x(`suite "${name}" has no case positions`, { file: label }, 'shards are written by `evalgate run --shard i/n`');
        suite.cases.forEach((testCase, at) => {
            const position = positions[at];
            if (slots[position])
                throw new errors/* ConfigError */.x(`suite "${name}": case position ${position} in two shards`, { file: label }, RERUN);
            slots[position] = testCase;
        });
    }
    const cases = slots.filter((testCase) => testCase !== undefined);
    if (cases.length !== slots.length)
        throw new errors/* ConfigError */.x(`suite "${name}": ${slots.length - cases.length} cases missing from the shards`, {}, RERUN);
    const calls = sumCalls(pieces.map(({ suite }) => suite.calls));
    return { ...header, ...(calls ? { calls } : {}), cases };
}
/** Every shard's model-call overhead, added up (undefined when no shard had any). */
function sumCalls(parts) {
    const present = parts.filter((part) => part !== undefined);
    if (present.length === 0)
        return undefined;
    const total = (key) => present.reduce((sum, part) => sum + part[key], 0);
    return { retries: total('retries'), retryWaitMs: total('retryWaitMs'), rateLimitWaits: total('rateLimitWaits'), rateLimitWaitMs: total('rateLimitWaitMs'), hedges: total('hedges') };
}
function mergeRun(runs) {
    const [first] = runs;
    const caches = runs.flatMap((run) => (run.cache ? [run.cache] : []));
    return {
        date: runs.map((run) => run.date).sort()[0] ?? first.date,
        ...(first.commit ? { commit: first.commit } : {}),
        ...(first.ref ? { ref: first.ref } : {}),
        ...(first.judgeModel ? { judgeModel: first.judgeModel } : {}),
        durationMs: Math.max(...runs.map((run) => run.durationMs)),
        ...(caches.length ? { cache: { hits: caches.reduce((sum, cache) => sum + cache.hits, 0), misses: caches.reduce((sum, cache) => sum + cache.misses, 0) } } : {}),
    };
}
/**
 * `evalgate merge`: the shards of one run → the results document an unsharded run writes
 * (suites and cases in their original order). The wall time is the slowest shard's.
 */
function mergeShards(parts) {
    checkShardSet(parts);
    const sorted = [...parts].sort((a, b) => merge_shards_shardOf(a).index - merge_shards_shardOf(b).index);
    const names = sorted[0]?.results.suites.map((suite) => suite.name) ?? [];
    for (const part of sorted) {
        const theirs = part.results.suites.map((suite) => suite.name);
        if (theirs.join('\n') !== names.join('\n')) {
            throw new errors/* ConfigError */.x(`the suites differ between shards (${theirs.join(', ')} vs ${names.join(', ')})`, { file: part.label }, RERUN);
        }
    }
    const suites = names.map((name, index) => mergeSuite(name, sorted.map((part) => ({ label: part.label, suite: part.results.suites[index] }))));
    return resultsDocument(mergeRun(sorted.map((part) => part.results.run)), suites);
}

;// CONCATENATED MODULE: ./src/cli/merge-command.ts




/** `evalgate merge shard-*.json -o results.json`: the shards of one run → one results file. */
async function mergeCommand(parts, output, io) {
    const read = await Promise.all(parts.map(async (path) => ({ label: (0,external_node_path_.relative)(io.cwd, (0,external_node_path_.resolve)(io.cwd, path)) || path, results: await readResultsFile((0,external_node_path_.resolve)(io.cwd, path)) })));
    const merged = mergeShards(read);
    await writeResultsFile((0,external_node_path_.resolve)(io.cwd, output), merged);
    const cases = merged.suites.reduce((sum, suite) => sum + suite.cases.length, 0);
    io.stderr(`merged ${parts.length} shards (${cases} cases): ${output}\n`);
    return exit_codes/* EXIT */.d.ok;
}

// EXTERNAL MODULE: ./src/compare/outcome.ts + 9 modules
var outcome = __webpack_require__(20493);
;// CONCATENATED MODULE: ./src/core/pool.ts
/**
 * Maps `items` through `worker` with at most `limit` calls in flight; results keep the
 * input order whatever order the calls finish in.
 */
async function mapLimit(items, limit, worker) {
    const results = new Array(items.length);
    let next = 0;
    async function lane() {
        while (next < items.length) {
            const index = next;
            next += 1;
            results[index] = await worker(items[index], index);
        }
    }
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
    return results;
}

// EXTERNAL MODULE: ./src/core/semaphore.ts
var semaphore = __webpack_require__(96577);
// EXTERNAL MODULE: ./src/metrics/registry.ts + 48 modules
var registry = __webpack_require__(75666);
;// CONCATENATED MODULE: ./src/evaluate/settle.ts


const unitOf = (scale) => (scale.kind === 'amount' ? scale.unit : scale.kind);
/**
 * The suite's metrics as stored, once its cases ran: a measured metric whose `settle` hook rules
 * out its declared scale (cost with an unpriced model → tokens) is stored in the scale it names,
 * with its note; the scale is part of the config hash (a baseline in USD and a run in tokens are
 * not compared as equal), and its samples' stored failures to measure are dropped.
 */
function settleMetrics(metrics, cases, configuredModel) {
    const ran = cases.flatMap((testCase) => testCase.samples.filter((sample) => sample.output !== null));
    const settled = new Map();
    for (const metric of metrics) {
        const definition = (0,registry/* findMetric */.GF)(metric.metric);
        const change = definition?.measure ? definition.settle?.(ran, configuredModel) : undefined;
        if (change)
            settled.set(metric.name, change);
    }
    if (settled.size === 0)
        return { metrics: [...metrics], cases };
    return {
        metrics: metrics.map((metric) => {
            const change = settled.get(metric.name);
            return change ? { ...metric, scale: change.scale, configHash: (0,hash/* shortHash */.BC)({ config: metric.configHash ?? null, unit: unitOf(change.scale) }), note: change.note } : metric;
        }),
        cases: cases.map((testCase) => ({
            ...testCase,
            samples: testCase.samples.map((sample) => ({ ...sample, scores: Object.fromEntries(Object.entries(sample.scores).filter(([name]) => !settled.has(name))) })),
        })),
    };
}

// EXTERNAL MODULE: ./src/core/template/engine.ts + 3 modules
var engine = __webpack_require__(4629);
// EXTERNAL MODULE: ./src/metrics/cost/prices.ts
var cost_prices = __webpack_require__(86917);
;// CONCATENATED MODULE: ./src/suites/identity.ts




/**
 * A hash of the case's inputs, stored with each case. Cases are aligned with the baseline by
 * id (compare/suite-align.ts): adding a column or converting JSONL to CSV keeps them shared, and
 * a shared case whose inputs changed is flagged by field. The evaluator config is hashed per
 * metric (`evaluatorHash`), so adding or changing one evaluator does not make every case new.
 */
function caseHash(testCase) {
    return (0,hash/* shortHash */.BC)(testCase.vars);
}
function fileContentHash(path) {
    try {
        return (0,hash/* sha256 */.sc)((0,external_node_fs_.readFileSync)(path, 'utf8')).slice(0, 16);
    }
    catch {
        return 'missing';
    }
}
/**
 * The evaluator's metric and options as written, plus for judges the judge model and the
 * content of a `.prompty` rubric file: a metric is compared only while this is unchanged, so a
 * different judge or an edited rubric is "not comparable", never compared as equal.
 */
function evaluatorHash(evaluator, context = {}) {
    const judged = (0,registry/* findMetric */.GF)(evaluator.metric)?.needs === 'chat';
    const ownJudge = evaluator.options['judge-model'];
    const judge = judged ? { judgeModel: typeof ownJudge === 'string' ? ownJudge : context.judgeModel ?? null } : {};
    const { prompty } = evaluator.options;
    const rubric = typeof prompty === 'string' && context.suiteDir ? { rubricFile: fileContentHash((0,external_node_path_.resolve)(context.suiteDir, prompty)) } : {};
    return (0,hash/* shortHash */.BC)({ metric: evaluator.metric, options: evaluator.options, ...judge, ...rubric });
}

;// CONCATENATED MODULE: ./src/suites/case-asserts.ts


/** An evaluator entry as written (suite `evaluators:` or a case's `assert:`) → its spec. */
function evaluatorEntry(entry, name) {
    const { metric, name: _name, threshold, weight, ...options } = entry;
    return { name, metric, options, ...(threshold === undefined ? {} : { threshold }), ...(weight === undefined ? {} : { weight }) };
}
/**
 * Per-case `assert:` lists → evaluators that score only the cases that name them. Asserts with the
 * same key (`name:`, else the metric) and the same threshold and weight across cases are one
 * evaluator with per-case options, so the gate compares them like any metric; cases without it
 * are n/a for it. A repeated metric within a
 * case, or one the suite's `evaluators:` already uses, gets `-2`, `-3`… Cases lose their `assert`.
 */
function caseEvaluators(cases, suiteEvaluators) {
    const taken = new Set(suiteEvaluators.map((evaluator) => evaluator.name));
    const merged = new Map();
    const stripped = cases.map((testCase) => {
        const { assert, ...vars } = testCase.vars;
        if (!Array.isArray(assert))
            return testCase;
        const used = new Set();
        for (const entry of assert) {
            const where = { file: testCase.source.file, ...(testCase.source.line ? { line: testCase.source.line } : {}) };
            const base = typeof entry.name === 'string' ? entry.name : String(entry.metric);
            if (typeof entry.name === 'string' && (taken.has(base) || used.has(base))) {
                throw new errors/* ConfigError */.x(`case "${testCase.id}": assert name "${base}" is already used`, where, 'give the assert a unique `name:`');
            }
            if (!(0,registry/* findMetric */.GF)(String(entry.metric)))
                throw new errors/* ConfigError */.x(`case "${testCase.id}": unknown metric "${String(entry.metric)}" in assert`, where, 'see the metric catalogue in docs/metrics.md');
            const written = evaluatorEntry(entry, base);
            // One key, one metric with one pass mark and one weight: an unnamed assert that differs in
            // them from the one already merged under its key gets a key of its own.
            const clashes = (key) => {
                const other = merged.get(key);
                return other !== undefined && (other.metric !== written.metric || other.threshold !== written.threshold || other.weight !== written.weight);
            };
            if (typeof entry.name === 'string' && clashes(base)) {
                throw new errors/* ConfigError */.x(`case "${testCase.id}": assert "${base}" has another metric, threshold or weight than in another case`, where, 'give the asserts different `name:`s');
            }
            let key = base;
            for (let suffix = 2; taken.has(key) || used.has(key) || clashes(key); suffix += 1)
                key = `${base}-${suffix}`;
            used.add(key);
            const spec = { ...written, name: key };
            try {
                (0,registry/* findMetric */.GF)(spec.metric)?.checkOptions?.(spec.options);
            }
            catch (error) {
                throw new errors/* ConfigError */.x(`case "${testCase.id}": assert "${key}" (${spec.metric}): ${error.message}`, where, error instanceof errors/* ConfigError */.x && error.hint ? error.hint : 'fix the option (regex: a JavaScript regular expression; json-schema: JSON Schema 2020-12)');
            }
            const target = merged.get(key) ?? { ...spec, options: {}, cases: {} };
            target.cases[testCase.id] = spec.options;
            merged.set(key, target);
        }
        return { ...testCase, vars };
    });
    return { cases: stripped, evaluators: [...merged.values()] };
}
/** The options an evaluator scores a case with; undefined when it does not apply to that case. */
function optionsFor(evaluator, caseId) {
    return evaluator.cases ? evaluator.cases[caseId] : evaluator.options;
}

;// CONCATENATED MODULE: ./src/evaluate/evaluate.ts







/** What every results file says about a suite's metrics (family, scale, direction, gate). */
function metricInfos(suite, judgeModel) {
    return suite.evaluators.map((evaluator) => {
        const metric = definitionOf(evaluator);
        const shape = metric.shapeOf?.(evaluator.options) ?? metric;
        const threshold = evaluator.threshold ?? shape.threshold;
        return {
            name: evaluator.name,
            metric: metric.name,
            family: shape.family,
            scale: shape.scale,
            direction: shape.direction,
            configHash: evaluatorHash(evaluator, { suiteDir: suite.dir, ...(judgeModel ? { judgeModel } : {}) }),
            ...(threshold === undefined ? {} : { threshold }),
            gate: { ...(evaluator.weight === 0 ? { gate: false } : {}), ...suite.gate.metrics[evaluator.name] },
        };
    });
}
function definitionOf(evaluator) {
    const metric = (0,registry/* findMetric */.GF)(evaluator.metric);
    if (!metric)
        throw new Error(`unknown metric "${evaluator.metric}" reached the evaluate stage`);
    return metric;
}
/** The prices an evaluator's options add to the run's table (a measured metric's `prices` hook). */
function pricesOf(metric, options) {
    const added = metric.measure ? metric.prices?.(options) : undefined;
    return added && typeof added === 'object' ? added : {};
}
/** Opens the suite's scoring: one scorer per scored evaluator, prices read once. */
function openScoring(suite, ctx) {
    const prices = (0,cost_prices/* mergePrices */.r$)(Object.assign({}, ...suite.evaluators.map((evaluator) => pricesOf(definitionOf(evaluator), evaluator.options))));
    const scorers = new Map();
    for (const evaluator of suite.evaluators) {
        const metric = definitionOf(evaluator);
        if (!metric.measure)
            scorers.set(evaluator.name, (0,registry/* openScorer */.DL)(metric, evaluator.options, { suiteDir: suite.dir }));
    }
    return {
        async evaluateCase(run) {
            const samples = await Promise.all(run.samples.map((sample) => evaluateSample(sample, run.case, suite, ctx, prices, scorers)));
            ctx.onCase?.();
            return { id: run.case.id, hash: caseHash(run.case), inputs: run.case.vars, samples };
        },
        async aggregates() {
            const aggregates = {};
            for (const [name, scorer] of scorers) {
                try {
                    const value = await scorer.aggregate?.();
                    if (value !== undefined)
                        aggregates[name] = value;
                }
                catch (error) {
                    aggregates[name] = { error: error.message };
                }
            }
            return aggregates;
        },
        async close() {
            await Promise.allSettled([...scorers.values()].map((scorer) => scorer.close?.()));
        },
    };
}
/** The Batch API bills half the listed price. */
const BATCH_PRICE_FACTOR = 0.5;
/** The flow's measurements, stored once per sample: tokens, latency, its own cost. */
function measures(flow, prices, configured) {
    const price = (0,cost_prices/* priceOf */.xx)([configured, flow.model], prices);
    const factor = flow.batch ? BATCH_PRICE_FACTOR : 1;
    return {
        ...(flow.model ? { model: flow.model } : {}),
        usage: flow.usage,
        latencyMs: flow.latency.totalMs,
        ...(flow.latency.firstTokenMs === undefined ? {} : { firstTokenMs: flow.latency.firstTokenMs }),
        ...(price ? { costUsd: (0,cost_prices/* costUsd */.O4)(flow.usage, price) * factor } : {}),
    };
}
async function evaluateSample(sample, testCase, suite, ctx, prices, scorers) {
    if (!sample.ok)
        return failedSample(sample.error, sample.errorKind);
    const flow = sample.value;
    const measured = measures(flow, prices, ctx.flowModel);
    const scores = {};
    let evaluatorCost = 0;
    for (const evaluator of suite.evaluators) {
        const metric = definitionOf(evaluator);
        if (metric.measure) {
            const record = scoreRecord(metric.measure(measured, (metric.shapeOf?.(evaluator.options) ?? metric).scale));
            if (record.status !== 'ok')
                scores[evaluator.name] = record;
            continue;
        }
        const options = optionsFor(evaluator, testCase.id);
        if (!options)
            continue;
        if (metric.needs && !ctx.client) {
            scores[evaluator.name] = skippedScore('needs a model API key');
            continue;
        }
        const score = await scoreOne(metric, scorers.get(evaluator.name), options, flow, testCase, suite, ctx, evaluator.threshold);
        scores[evaluator.name] = scoreRecord(score);
        const spent = score.evaluatorUsage;
        const price = spent ? (0,cost_prices/* findPrice */.vk)(spent.model, prices) : undefined;
        if (spent && price)
            evaluatorCost += (0,cost_prices/* costUsd */.O4)(spent, price);
    }
    return {
        output: capText(flow.output, TEXT_LIMITS.output),
        ...(flow.context === undefined ? {} : { context: capText(flow.context, TEXT_LIMITS.output) }),
        ...measured,
        ...(flow.cached ? { cached: true } : {}),
        ...(flow.batch ? { batch: true } : {}),
        ...(evaluatorCost > 0 ? { evaluatorCostUsd: evaluatorCost } : {}),
        scores,
    };
}
/** The evaluator's options rendered over the case, except those the metric renders as Jinja itself. */
function renderOptions(metric, options, vars) {
    return { ...options, ...(0,engine/* renderValue */.AI)((0,registry/* templatedOptions */.x4)(metric, options), vars) };
}
const isEmpty = (value) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
/** Scores one sample with the evaluator's options for this case (`written`: as the suite or the case's `assert:` wrote them). */
async function scoreOne(metric, scorer, written, flow, testCase, suite, ctx, threshold) {
    try {
        const options = renderOptions(metric, written, testCase.vars);
        const missing = metric.requires.find((name) => isEmpty(options[name]));
        if (missing)
            return { value: null, error: `option "${missing}" is empty for this case` };
        const context = flow.context ?? (typeof options.context === 'string' ? options.context : undefined);
        return await scorer.score({
            output: flow.output,
            vars: testCase.vars,
            options,
            ...(context === undefined ? {} : { context }),
            usage: flow.usage,
            latency: flow.latency,
            model: flow.model,
            client: ctx.client,
            judgeModel: typeof options['judge-model'] === 'string' ? options['judge-model'] : ctx.judgeModel,
            suiteDir: suite.dir,
            ...(threshold === undefined ? {} : { threshold }),
        });
    }
    catch (error) {
        return { value: null, error: error.message };
    }
}

;// CONCATENATED MODULE: ./src/core/duration.ts

/** JSON Schema of a duration option. */
const DURATION_SCHEMA = {
    description: 'A duration: milliseconds as a number, or text like "500ms", "30s", "2m".',
    oneOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(ms|s|m)$' }],
};
const UNIT_MS = { ms: 1, s: 1000, m: 60_000 };
/**
 * A schema-valid duration in ms; `undefined` when absent. Throws a plain Error (the caller adds
 * where) past MAX_TIMEOUT_MS: `100000m` is a typo, not a wish.
 */
function parseDuration(value) {
    if (value === undefined)
        return undefined;
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(String(value));
    const ms = typeof value === 'number' ? value : Number(match?.[1]) * UNIT_MS[(match?.[2] ?? 'ms')];
    if (!(ms > 0) || ms > MAX_TIMEOUT_MS)
        throw new Error(`must be a duration from 1 ms to ${MAX_TIMEOUT_MS / 60_000} minutes, got ${JSON.stringify(value)}`);
    return ms;
}

// EXTERNAL MODULE: ./src/core/usage.ts
var core_usage = __webpack_require__(14528);
;// CONCATENATED MODULE: ./src/flows/command/answer.ts


const STDERR_LINES = 20;
/**
 * The end of an app's stderr: only the last TEXT_LIMITS.stderrKept characters are kept, and of
 * them the last 20 lines are shown, each cut at TEXT_LIMITS.stderrLine characters.
 */
class StderrTail {
    text = '';
    dropped = 0;
    add(chunk) {
        const joined = this.text + chunk;
        this.dropped += Math.max(0, joined.length - TEXT_LIMITS.stderrKept);
        this.text = joined.slice(-TEXT_LIMITS.stderrKept);
    }
    /** Forgets what was kept (a long-lived app: each case shows the stderr of its own answer). */
    clear() {
        this.text = '';
        this.dropped = 0;
    }
    /** `\nstderr:\n…` with the kept lines, or '' when the app wrote nothing there. */
    shown() {
        if (!this.text.trim())
            return '';
        const lines = this.text.trimEnd().split('\n').slice(-STDERR_LINES).map((line) => capText(line, TEXT_LIMITS.stderrLine));
        const kept = lines.join('\n');
        return `\nstderr:\n${this.dropped > 0 && lines.length < STDERR_LINES ? `…[${this.dropped.toLocaleString('en-US')} earlier characters of stderr not kept] ${kept}` : kept}`;
    }
}
/** Parses an answer the app printed: one JSON object `{"output": …, "context"?, "usage"?, "model"?}`. */
function parseAnswer(printed, latencyMs) {
    let answer;
    try {
        answer = JSON.parse(printed);
    }
    catch {
        throw new Error(`the command did not print JSON on stdout (got: ${JSON.stringify(printed.slice(0, 200))})`);
    }
    if (answer === null || typeof answer !== 'object' || !('output' in answer)) {
        throw new Error('the command printed JSON without an "output" field');
    }
    const { output, context, usage, model } = answer;
    return {
        output: typeof output === 'string' ? output : JSON.stringify(output),
        ...(context === undefined ? {} : { context: typeof context === 'string' ? context : JSON.stringify(context) }),
        usage: (0,core_usage/* usageFromOpenAI */.Sv)(usage),
        ...(typeof model === 'string' ? { model } : {}),
        latency: { totalMs: latencyMs },
    };
}
/** What an abort of the case's signal means: its deadline (the flow's `timeout:`) ran out, or the run was cancelled. */
const abortReason = (signal, timeoutMs) => signal.reason?.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : 'cancelled';
const STDOUT_LIMIT_REASON = `printed more than ${TEXT_LIMITS.stdout.toLocaleString('en-US')} characters on stdout (EvalGate's limit for one answer)`;

// EXTERNAL MODULE: ./src/flows/child-env.ts
var child_env = __webpack_require__(18313);
;// CONCATENATED MODULE: ./src/flows/command/process.ts


/** Starts the app with no shell, in a process group of its own (so a kill takes its children too). */
function startApp(spec, dir) {
    const [program, ...args] = spec.argv;
    const child = (0,external_node_child_process_.spawn)(program, args, {
        cwd: dir,
        env: (0,child_env/* childEnvironment */.Q)(process.env, spec),
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
    });
    child.stdin.on('error', () => undefined);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    return child;
}
/** Kills the app's whole process group (or the process alone where there are no groups). */
function killApp(child) {
    try {
        if (child.pid && process.platform !== 'win32')
            process.kill(-child.pid, 'SIGKILL');
        else
            child.kill('SIGKILL');
    }
    catch {
        child.kill('SIGKILL');
    }
}
const startFailure = (spec, error) => new Error(`could not start "${spec.argv.join(' ')}": ${error.message}`);

;// CONCATENATED MODULE: ./src/flows/command/lines.ts



/** What every protocol error of a copy reminds the team of. */
const STDOUT_RULE = 'with protocol: lines stdout is for answers only, one line per case; write logs to stderr';
/** How long a closed app may take to exit on its own (stdin ended) before it is killed. */
const EXIT_GRACE_MS = 2000;
/**
 * `protocol: lines`: the app is started once and answers case after case — one case's JSON per
 * line on stdin, one JSON answer per line on stdout. Copies are started on demand, one per case in
 * flight (so never more than the run's concurrency), and reused. A copy that times out, breaks the
 * protocol or exits is dropped; the next case starts a fresh one. `close()` ends their stdin and
 * kills what has not exited after EXIT_GRACE_MS.
 */
class LineApps {
    idle = [];
    /** Every copy that has not exited yet. */
    running = new Set();
    closed = false;
    spec;
    dir;
    constructor(spec, dir) {
        this.spec = spec;
        this.dir = dir;
    }
    invoke(vars, signal) {
        if (signal.aborted)
            return Promise.reject(new Error('the command was cancelled (per-request timeout) before it started'));
        if (this.closed)
            return Promise.reject(new Error('the command was cancelled: the run is over'));
        const app = this.idle.pop() ?? this.start();
        if (app.stray !== undefined) {
            this.drop(app);
            return Promise.reject(new Error(`the command printed a line on stdout that no case asked for (${STDOUT_RULE}): ${JSON.stringify(app.stray.slice(0, 200))}`));
        }
        return new Promise((resolvePromise, reject) => {
            const timer = setTimeout(() => waiting.fail(`the command timed out after ${this.spec.timeoutMs} ms`), this.spec.timeoutMs);
            const onAbort = () => waiting.fail(`the command ${abortReason(signal, this.spec.timeoutMs)}`);
            const settle = () => {
                clearTimeout(timer);
                signal.removeEventListener('abort', onAbort);
                app.waiting = undefined;
            };
            const waiting = {
                started: performance.now(),
                answer: (printed, latencyMs) => {
                    settle();
                    try {
                        resolvePromise(parseAnswer(printed, latencyMs));
                        this.release(app);
                    }
                    catch (error) {
                        // An answer that is not one: the stream can no longer be trusted to line up with the cases.
                        this.drop(app);
                        reject(new Error(`${error.message} — ${STDOUT_RULE}${app.stderr.shown()}`));
                    }
                },
                fail: (message) => {
                    settle();
                    this.drop(app);
                    reject(new Error(`${message}${app.stderr.shown()}`));
                },
            };
            signal.addEventListener('abort', onAbort, { once: true });
            app.stderr.clear();
            app.waiting = waiting;
            app.child.stdin.write(`${JSON.stringify(vars)}\n`);
        });
    }
    async close() {
        this.closed = true;
        const apps = [...this.running];
        for (const app of apps)
            app.child.stdin.end();
        const grace = setTimeout(() => apps.forEach((app) => killApp(app.child)), EXIT_GRACE_MS);
        await Promise.all(apps.map((app) => app.exited));
        clearTimeout(grace);
    }
    start() {
        const child = startApp(this.spec, this.dir);
        let exited;
        const app = { child, stdout: '', stderr: new StderrTail(), dropped: false, exited: new Promise((resolveExit) => (exited = resolveExit)) };
        this.running.add(app);
        const gone = (message) => {
            this.running.delete(app);
            this.drop(app);
            app.waiting?.fail(message);
            exited();
        };
        child.stdout.on('data', (chunk) => this.read(app, chunk));
        child.stderr.on('data', (chunk) => app.stderr.add(chunk));
        child.on('error', (error) => gone(startFailure(this.spec, error).message));
        child.on('close', (code, exitSignal) => gone(`the command exited with ${code ?? exitSignal} before it answered (with protocol: lines it keeps reading cases, one per line, until stdin ends)`));
        return app;
    }
    read(app, chunk) {
        app.stdout += chunk;
        for (let end = app.stdout.indexOf('\n'); end >= 0; end = app.stdout.indexOf('\n')) {
            const line = app.stdout.slice(0, end).trim();
            app.stdout = app.stdout.slice(end + 1);
            if (!line)
                continue;
            if (app.waiting)
                app.waiting.answer(line, performance.now() - app.waiting.started);
            else
                app.stray ??= line;
        }
        if (app.stdout.length <= TEXT_LIMITS.stdout)
            return;
        if (app.waiting)
            app.waiting.fail(`the command ${STDOUT_LIMIT_REASON}`);
        else
            this.drop(app);
    }
    release(app) {
        if (!app.dropped && !this.closed)
            this.idle.push(app);
    }
    /** Takes a copy out of the pool for good and kills it (if it is still running). */
    drop(app) {
        if (app.dropped)
            return;
        app.dropped = true;
        const at = this.idle.indexOf(app);
        if (at >= 0)
            this.idle.splice(at, 1);
        if (this.running.has(app))
            killApp(app.child);
    }
}

;// CONCATENATED MODULE: ./src/flows/command/per-case.ts



/** `protocol: per-case`: the app is started for the case, reads its JSON on stdin up to EOF and prints one JSON answer. */
function invokePerCase(spec, dir, vars, signal) {
    const { timeoutMs } = spec;
    if (signal.aborted)
        return Promise.reject(new Error('the command was cancelled (per-request timeout) before it started'));
    return new Promise((resolvePromise, reject) => {
        const started = performance.now();
        const child = startApp(spec, dir);
        const stderr = new StderrTail();
        let stdout = '';
        let killedFor;
        const kill = (reason) => {
            killedFor = reason;
            killApp(child);
        };
        const timer = setTimeout(() => kill(`timed out after ${timeoutMs} ms`), timeoutMs);
        // The run's deadline for this flow is its own `timeout:`: whichever timer fires first, the case timed out.
        const onAbort = () => kill(abortReason(signal, timeoutMs));
        signal.addEventListener('abort', onAbort, { once: true });
        child.stdout.on('data', (chunk) => {
            stdout += chunk;
            if (stdout.length > TEXT_LIMITS.stdout && !killedFor)
                kill(STDOUT_LIMIT_REASON);
        });
        child.stderr.on('data', (chunk) => stderr.add(chunk));
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(startFailure(spec, error));
        });
        child.on('close', (code, exitSignal) => {
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
            const latencyMs = performance.now() - started;
            if (killedFor)
                return reject(new Error(`the command ${killedFor}${stderr.shown()}`));
            if (code !== 0)
                return reject(new Error(`the command exited with ${code ?? exitSignal}${stderr.shown()}`));
            try {
                resolvePromise(parseAnswer(stdout, latencyMs));
            }
            catch (error) {
                reject(new Error(`${error.message}${stderr.shown()}`));
            }
        });
        child.stdin.end(JSON.stringify(vars));
    });
}

// EXTERNAL MODULE: ./src/flows/failure-kind.ts + 1 modules
var failure_kind = __webpack_require__(26363);
;// CONCATENATED MODULE: ./src/flows/split-command.ts
/** Splits a command line into argv like a POSIX shell would split words (quotes, escapes); runs no shell. */
function splitCommand(command) {
    const words = [];
    let word = '';
    let started = false;
    let quote;
    for (let index = 0; index < command.length; index += 1) {
        const char = command[index];
        if (quote) {
            if (char === quote)
                quote = undefined;
            else if (char === '\\' && quote === '"' && index + 1 < command.length)
                word += command[++index];
            else
                word += char;
        }
        else if (char === '"' || char === "'") {
            quote = char;
            started = true;
        }
        else if (char === '\\' && index + 1 < command.length) {
            word += command[++index];
            started = true;
        }
        else if (/\s/.test(char)) {
            if (started)
                words.push(word);
            word = '';
            started = false;
        }
        else {
            word += char;
            started = true;
        }
    }
    if (quote)
        throw new Error(`unclosed ${quote} quote`);
    if (started)
        words.push(word);
    return words;
}

// EXTERNAL MODULE: ./src/flows/types.ts
var flows_types = __webpack_require__(18432);
;// CONCATENATED MODULE: ./src/flows/timeout.ts




/** A flow's `timeout:` in ms (the run's default when absent); an out-of-range one is a ConfigError. */
function flowTimeoutMs(raw, at) {
    try {
        return parseDuration(raw.timeout) ?? DEFAULTS.timeoutSeconds * 1000;
    }
    catch (error) {
        throw new errors/* ConfigError */.x(`flow.timeout ${error.message}`, (0,flows_types/* specLocation */.T)(at), 'write e.g. "30s" or "2m"');
    }
}

;// CONCATENATED MODULE: ./src/flows/kinds/command.ts








/**
 * The team's own app, in any language: the case's variables as JSON on stdin, the answer as JSON
 * on stdout — a process per case, or (protocol: lines) long-lived copies answering a line per case.
 * No shell; a process group is killed on timeout.
 */
function commandFlow(spec, dir) {
    const common = { kind: 'command', needsModel: false, failureKind: failure_kind/* appFailure */.U, timeoutMs: spec.timeoutMs };
    if (spec.protocol === 'lines') {
        const apps = new LineApps(spec, dir);
        return { ...common, invoke: (vars, signal) => apps.invoke(vars, signal), close: () => apps.close() };
    }
    return { ...common, invoke: (vars, signal) => invokePerCase(spec, dir, vars, signal) };
}
function normaliseCommand(raw, at) {
    let argv;
    try {
        argv = Array.isArray(raw.command) ? raw.command : splitCommand(raw.command);
    }
    catch (error) {
        throw new errors/* ConfigError */.x(`flow.command: ${error.message}`, (0,flows_types/* specLocation */.T)(at), 'close the quote, or give the command as a list of words');
    }
    return {
        kind: 'command',
        argv,
        timeoutMs: flowTimeoutMs(raw, at),
        env: raw.env ?? {},
        passEnv: raw['pass-env'] ?? [],
        ...(raw.protocol === 'lines' ? { protocol: 'lines' } : {}),
    };
}
/** The team's own app as a command: case JSON on stdin, `{"output": …}` on stdout. */
const commandKind = {
    kind: 'command',
    description: 'Your app as a command (any language, no shell): the case as JSON on stdin, `{"output": …, "context"?, "usage"?}` on stdout.',
    schema: {
        required: ['command'],
        properties: {
            command: {
                description: 'Your app: case JSON on stdin, {"output": …} on stdout. Run from the suite’s folder, no shell.',
                oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string' } }],
            },
            protocol: {
                enum: ['per-case', 'lines'],
                default: 'per-case',
                description: 'per-case: a process per case, the case JSON on stdin up to EOF, one JSON answer on stdout. lines: started once (a copy per case in flight, reused), one case JSON per line on stdin, one JSON answer per line on stdout: no start-up cost per case.',
            },
            timeout: DURATION_SCHEMA,
            env: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra environment variables for the command.' },
            'pass-env': {
                type: 'array',
                items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                description: 'Variables of the runner’s environment the command may see (by default only PATH, HOME, locale and temp folder).',
            },
        },
    },
    ownCode: true,
    normalise: normaliseCommand,
    templates: () => [],
    reportsContext: () => true,
    example: () => ({ command: 'node app.mjs' }),
    create: (spec, ctx) => commandFlow(spec, ctx.dir),
};

;// CONCATENATED MODULE: ./src/flows/json-path.ts
/** Reads `choices.0.message.content`-style dotted paths from a JSON value. */
function readPath(value, path) {
    let current = value;
    for (const key of path.split('.').filter(Boolean)) {
        if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
            return undefined;
        current = current[key];
    }
    return current;
}

;// CONCATENATED MODULE: ./src/flows/kinds/http.ts








const URL_HINT = 'write an absolute http:// or https:// URL, e.g. http://localhost:8000/chat (templates such as {{region}} may fill parts of it)';
/** An absolute http(s) URL, or a configuration error: found before any case runs, never as N failed cases. */
function checkUrl(url, where, what) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors/* ConfigError */.x(`flow.url: ${what} ${JSON.stringify(url)} is not an absolute URL`, where, URL_HINT);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new errors/* ConfigError */.x(`flow.url: ${what} ${JSON.stringify(url)} is ${parsed.protocol.slice(0, -1)}:, not http: or https:`, where, URL_HINT);
}
const asText = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
/** The team's app behind an HTTP endpoint: a templated JSON body in, the answer read at a path. */
function httpFlow(spec) {
    return {
        kind: 'http',
        needsModel: false,
        failureKind: failure_kind/* appFailure */.U,
        timeoutMs: spec.timeoutMs,
        async invoke(vars, signal) {
            const started = performance.now();
            const headers = Object.fromEntries(Object.entries(spec.headers).map(([name, value]) => [name, (0,engine/* renderTemplate */.Xm)(value, vars)]));
            const response = await fetch((0,engine/* renderTemplate */.Xm)(spec.url, vars), {
                method: spec.method,
                headers: { 'content-type': 'application/json', ...headers },
                body: JSON.stringify((0,engine/* renderValue */.AI)(spec.body, vars)),
                signal,
            });
            const text = await response.text();
            const latencyMs = performance.now() - started;
            if (!response.ok)
                throw new Error(`HTTP ${response.status} from the endpoint: ${text.slice(0, 300)}`);
            let body;
            try {
                body = JSON.parse(text);
            }
            catch {
                throw new Error(`the endpoint did not answer JSON (got: ${JSON.stringify(text.slice(0, 200))})`);
            }
            const output = readPath(body, spec.outputPath);
            if (output === undefined)
                throw new Error(`the response has nothing at "${spec.outputPath}"`);
            const context = spec.contextPath ? readPath(body, spec.contextPath) : undefined;
            return {
                output: asText(output),
                ...(context === undefined ? {} : { context: asText(context) }),
                usage: (0,core_usage/* usageFromOpenAI */.Sv)(readPath(body, 'usage')),
                latency: { totalMs: latencyMs },
            };
        },
    };
}
function normaliseHttp(raw, at) {
    const url = raw.url;
    const location = (0,flows_types/* specLocation */.T)(at);
    // A URL without templates is checked once here; a templated one for each case (checkCase).
    if (!url.includes('{{') && !url.includes('{%'))
        checkUrl(url, location, 'the URL');
    return {
        kind: 'http',
        url,
        location,
        method: raw.method ?? 'POST',
        headers: raw.headers ?? {},
        body: raw.body ?? null,
        outputPath: raw.output,
        ...(typeof raw.context === 'string' ? { contextPath: raw.context } : {}),
        timeoutMs: flowTimeoutMs(raw, at),
    };
}
/** The team's app behind an HTTP endpoint. */
const httpKind = {
    kind: 'http',
    description: 'Your app behind an HTTP endpoint: a templated JSON body POSTed (or PUT) to `url`, the answer read at the JSON path `output`.',
    schema: {
        required: ['url', 'output'],
        properties: {
            url: { type: 'string', minLength: 1 },
            method: { enum: ['POST', 'PUT'] },
            headers: { type: 'object', additionalProperties: { type: 'string' } },
            body: { description: 'JSON body; every string in it is a template over the case.' },
            output: { type: 'string', description: 'Dotted path to the answer in the JSON response.' },
            context: { type: 'string', description: 'Dotted path to the retrieved context in the response.' },
            timeout: DURATION_SCHEMA,
        },
    },
    ownCode: true,
    normalise: normaliseHttp,
    templates: (spec) => [{ where: 'flow', value: { url: spec.url, headers: spec.headers, body: spec.body } }],
    reportsContext: (spec) => spec.contextPath !== undefined,
    checkCase(spec, testCase) {
        if (spec.url.includes('{{') || spec.url.includes('{%'))
            checkUrl((0,engine/* renderTemplate */.Xm)(spec.url, testCase.vars), spec.location, `case "${testCase.id}" makes the URL`);
    },
    example: ({ appUrl }) => ({ url: appUrl, body: { question: '{{question}}' }, output: 'answer' }),
    create: (spec) => httpFlow(spec),
};

;// CONCATENATED MODULE: ./src/flows/chat.ts

/** A chat call per case through the model client seam (retries, concurrency, timeouts). */
function chatFlow(kind, spec, messages, client, modelOverride) {
    const model = modelOverride ?? spec.model;
    const request = (vars) => ({ model, messages: messages(vars), parameters: spec.parameters, stream: spec.stream });
    return {
        kind,
        model,
        needsModel: true,
        failureKind: failure_kind/* modelFlowFailure */.q,
        request,
        async invoke(vars, signal) {
            if (!client)
                throw new Error('this flow needs a model API key');
            const response = await client.chat(request(vars), signal);
            return {
                output: response.text,
                usage: response.usage,
                model: response.model || model,
                latency: {
                    totalMs: response.latencyMs,
                    ...(response.firstTokenMs === undefined ? {} : { firstTokenMs: response.firstTokenMs }),
                },
                ...(response.cached ? { cached: true } : {}),
                ...(response.batch ? { batch: true } : {}),
            };
        },
    };
}
/** Schema of the keys every chat flow shares. */
const CHAT_SCHEMA_PROPERTIES = {
    parameters: { type: 'object', description: 'temperature, max_tokens, top_p, seed, response_format…' },
    stream: { type: 'boolean', description: 'Stream the answer (records time to first token).' },
};

;// CONCATENATED MODULE: ./src/flows/kinds/prompt.ts


const MESSAGE = {
    type: 'object',
    required: ['role', 'content'],
    additionalProperties: false,
    properties: { role: { enum: ['system', 'user', 'assistant'] }, content: { type: 'string' } },
};
/** A prompt + model: messages rendered over the case, sent through the model client. */
const promptKind = {
    kind: 'prompt',
    description: 'A prompt and a model: `messages` (templates over the case) sent to `model` through the model endpoint.',
    schema: {
        required: ['model', 'messages'],
        properties: { model: { type: 'string', minLength: 1 }, messages: { type: 'array', minItems: 1, items: MESSAGE }, ...CHAT_SCHEMA_PROPERTIES },
    },
    modelHeaders: true,
    normalise: (raw) => ({
        kind: 'prompt',
        model: raw.model,
        messages: raw.messages,
        parameters: raw.parameters ?? {},
        stream: raw.stream === true,
    }),
    templates: (spec) => [{ where: 'flow.messages', value: spec.messages.map((message) => message.content) }],
    example: () => ({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: '{{question}}' }] }),
    create(spec, ctx) {
        const messages = (vars) => spec.messages.map((message) => ({ role: message.role, content: (0,engine/* renderTemplate */.Xm)(message.content, vars) }));
        return chatFlow('prompt', spec, messages, ctx.client, ctx.modelOverride);
    },
};

// EXTERNAL MODULE: ./src/prompty/errors.ts
var prompty_errors = __webpack_require__(90178);
// EXTERNAL MODULE: ./src/prompty/load.ts + 5 modules
var load = __webpack_require__(11941);
// EXTERNAL MODULE: ./src/prompty/render.ts + 2 modules
var render = __webpack_require__(62704);
;// CONCATENATED MODULE: ./src/flows/kinds/prompty.ts








/**
 * `flow: { kind: prompty, file: chat.prompty }`: the prompt, model and parameters (tools and
 * response_format included) come from the file's front matter; `model`, `parameters` and
 * `stream` in the suite override them.
 */
function loadPromptyFlow(flow, at) {
    const path = (0,external_node_path_.resolve)(at.dir, flow.file);
    const shown = (0,external_node_path_.relative)(at.cwd, path);
    const where = (0,flows_types/* specLocation */.T)(at);
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* ConfigError */.x(`prompty file not found: ${shown}`, where, '`flow.file` is relative to the suite file');
    let prompt;
    try {
        prompt = (0,load/* loadPromptyFile */.a)(path);
    }
    catch (error) {
        if (!(error instanceof prompty_errors/* PromptyError */.c))
            throw error;
        throw new errors/* ConfigError */.x(error.message, { file: shown, ...(error.line ? { line: error.line } : {}) }, error.fix ?? 'see the Prompty section of docs/suites.md');
    }
    const model = flow.model ?? prompt.model ?? at.modelOverride;
    if (!model) {
        throw new errors/* ConfigError */.x(`${shown} names no model`, where, 'set model.id (Prompty v2) or model.configuration.azure_deployment (v1) in its front matter, or `model:` in the flow');
    }
    return {
        kind: 'prompty',
        file: shown,
        prompt,
        model,
        parameters: { ...prompt.parameters, ...(flow.parameters ?? {}) },
        stream: typeof flow.stream === 'boolean' ? flow.stream : prompt.stream,
    };
}
/** A Prompty body must render for every case: an undefined `{{ … }}` names the case and the file line. */
function checkPromptyCase(spec, testCase) {
    try {
        (0,render/* renderPrompty */.G)(spec.prompt, testCase.vars);
    }
    catch (error) {
        if (!(error instanceof prompty_errors/* PromptyError */.c))
            throw error;
        const where = testCase.source.line ? `${testCase.source.file}:${testCase.source.line}` : testCase.source.file;
        throw new errors/* ConfigError */.x(`${error.message} for case "${testCase.id}" (${where}; fields: ${Object.keys(testCase.vars).join(', ') || 'none'})`, { file: spec.file, ...(error.line ? { line: error.line } : {}) }, error.fix ?? 'add the field to every case, or give the input a default in the front matter');
    }
}
/** A Prompty file: its body rendered over the front matter's input defaults and the case. */
const promptyKind = {
    kind: 'prompty',
    description: 'A `.prompty` file (v1 or v2 front matter): its model, parameters, tools, structured output and input defaults; its Jinja body split into messages at role markers.',
    schema: {
        required: ['file'],
        properties: {
            file: { type: 'string', pattern: '\\.prompty$', description: 'A .prompty file (relative to the suite): front matter (v1 or v2) + Jinja body.' },
            model: { type: 'string', minLength: 1, description: "Override the front matter's model." },
            ...CHAT_SCHEMA_PROPERTIES,
        },
    },
    modelHeaders: true,
    normalise: loadPromptyFlow,
    templates: () => [],
    checkCase: checkPromptyCase,
    example: () => ({ file: 'chat.prompty' }),
    create(spec, ctx) {
        return chatFlow('prompty', spec, (vars) => (0,render/* renderPrompty */.G)(spec.prompt, vars), ctx.client, ctx.modelOverride);
    },
};

// EXTERNAL MODULE: ./src/flows/kinds/promptflow.ts
var promptflow = __webpack_require__(74031);
;// CONCATENATED MODULE: ./src/flows/registry.ts





/** The flow kinds, one module each under src/flows/kinds/. Adding a kind = a module + a line here. */
const FLOW_KINDS = [promptKind, promptyKind, commandKind, httpKind, promptflow/* promptflowKind */.L];
const BY_KIND = new Map(FLOW_KINDS.map((kind) => [kind.kind, kind]));
/** The kind's module; an unknown name was rejected by the schema before this is asked. */
function flowKind(name) {
    return BY_KIND.get(name);
}
function createFlow(spec, ctx) {
    const kind = flowKind(spec.kind);
    if (!kind)
        throw new Error(`no flow kind "${spec.kind}"`);
    return kind.create(spec, ctx);
}

// EXTERNAL MODULE: ./src/core/deadline.ts
var deadline = __webpack_require__(56343);
;// CONCATENATED MODULE: ./src/runner/run-cases.ts

function describeError(error) {
    if (error instanceof Error) {
        if (error.name === 'TimeoutError' || error.name === 'AbortError')
            return `timed out: ${error.message}`;
        return error.message;
    }
    return String(error);
}
/** One invocation (in a slot of the pool, under its deadline); a failure is the sample's result. */
async function invokeOnce(testCase, flow, options) {
    const schedule = options.schedule ?? ((task) => task());
    try {
        const value = await schedule(() => (0,deadline/* withDeadline */.N)(flow.timeoutMs ?? options.timeoutMs, (signal) => flow.invoke(testCase.vars, signal)));
        return { ok: true, value };
    }
    catch (error) {
        return { ok: false, error: describeError(error), errorKind: flow.failureKind(error) };
    }
}
/**
 * run flows, for one case: its `repeat` samples, in flight together (each in its own slot of the
 * pool); a failing invocation is that sample's result with its reason, never a stop of the run.
 * The engine scores a case as soon as it ran, so no run outlives its scoring.
 */
async function runCase(testCase, flow, options) {
    const samples = await Promise.all(Array.from({ length: options.repeat }, async () => {
        const sample = await invokeOnce(testCase, flow, options);
        options.onSample?.();
        return sample;
    }));
    return { case: testCase, samples };
}

// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(25175);
// EXTERNAL MODULE: ./src/core/yaml-source.ts
var yaml_source = __webpack_require__(30668);
;// CONCATENATED MODULE: ./src/suites/data.ts






/** Larger case files are a mistake (a log, a dump), and would not fit in memory as cases. */
const MAX_DATA_BYTES = 100_000_000;
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function parseJsonl(text, file) {
    const cases = [];
    text.split(/\r?\n/).forEach((line, index) => {
        if (!line.trim())
            return;
        let value;
        try {
            value = JSON.parse(line);
        }
        catch (error) {
            throw new errors/* ConfigError */.x(`invalid JSON: ${error.message}`, { file, line: index + 1 }, 'each line must be one JSON object');
        }
        if (!isRecord(value))
            throw new errors/* ConfigError */.x('expected a JSON object on this line', { file, line: index + 1 }, 'write each case as one {"field": …} object per line');
        cases.push({ vars: value, line: index + 1 });
    });
    return cases;
}
function parseCsvCases(text, file) {
    try {
        const records = (0,sync/* parse */.qg)(text, { columns: true, skip_empty_lines: true, info: true, bom: true });
        return records.map(({ record, info }) => ({ vars: record, line: info.lines }));
    }
    catch (error) {
        const { message, lines } = error;
        throw new errors/* ConfigError */.x(`invalid CSV: ${message.replace(/^CSV_\w+: /, '')}`, { file, ...(lines ? { line: lines } : {}) }, 'a header row, then one row per case with as many columns; quote fields holding commas');
    }
}
/** A YAML (or JSON, which YAML reads) list of case objects. */
function parseListCases(text, file) {
    const source = (0,yaml_source/* parseYaml */.h)(text, file);
    if (!Array.isArray(source.value))
        throw new errors/* ConfigError */.x('expected a list of cases', { file, line: 1 }, 'write the cases as a YAML/JSON list of objects (- question: …)');
    return source.value.map((item, index) => {
        if (!isRecord(item))
            throw new errors/* ConfigError */.x(`case ${index + 1} must be an object`, { file, line: source.lineOf([index]) }, 'write each case as a mapping of fields (question: …, answer: …)');
        return { vars: item, line: source.lineOf([index]) };
    });
}
async function readDataFile(dataPath, suiteDir, suiteFile, suiteLine, cwd) {
    const absolute = (0,external_node_path_.resolve)(suiteDir, dataPath);
    const file = (0,external_node_path_.relative)(cwd, absolute) || absolute;
    const where = { file: suiteFile, ...(suiteLine ? { line: suiteLine } : {}) };
    const info = await (0,promises_.stat)(absolute).catch(() => undefined);
    if (!info)
        throw new errors/* ConfigError */.x(`data file not found: ${file}`, where, '`data:` is relative to the suite file');
    if (!info.isFile())
        throw new errors/* ConfigError */.x(`data: ${file} is not a file`, where, 'point `data:` at a .jsonl, .csv, .yaml or .json file');
    if (info.size > MAX_DATA_BYTES) {
        throw new errors/* ConfigError */.x(`data file ${file} is ${Math.round(info.size / 1e6)} MB, over the ${MAX_DATA_BYTES / 1e6} MB limit`, where, 'split it into several suites, or sample the cases you gate on');
    }
    let text;
    try {
        text = await (0,promises_.readFile)(absolute, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigError */.x(`cannot read data file ${file}: ${error.code ?? error.message}`, where, 'check the file’s permissions');
    }
    const extension = (0,external_node_path_.extname)(absolute).toLowerCase();
    const raw = extension === '.jsonl' ? parseJsonl(text, file) : extension === '.csv' ? parseCsvCases(text, file) : parseListCases(text, file);
    return toCases(raw, file);
}
/** Inline `cases:` of a suite file; `lineOf(index)` gives each case's line there. */
function inlineCases(values, file, lineOf) {
    return toCases(values.map((vars, index) => ({ vars: vars, line: lineOf(index) })), file);
}
function toCases(raw, file) {
    const seen = new Map();
    return raw.map(({ vars, line }) => {
        const given = vars.id;
        const id = typeof given === 'string' || typeof given === 'number' ? String(given) : (0,hash/* sha256 */.sc)((0,hash/* canonicalJson */.dj)(vars)).slice(0, 12);
        if (seen.has(id)) {
            throw new errors/* ConfigError */.x(`duplicate case id "${id}" (also on line ${seen.get(id) ?? '?'})`, { file, line }, 'give each case a unique `id`');
        }
        seen.set(id, line);
        return { id, vars, source: { file, ...(line ? { line } : {}) } };
    });
}

;// CONCATENATED MODULE: ./src/suites/prompt-yml.ts



/**
 * GitHub's `.prompt.yml` prompt files (messages, model, modelParameters, testData, evaluators),
 * read as an EvalGate suite: translated into the suite document, with every path mapped back to
 * its line in the original file so validation errors point there.
 */
const isPromptYml = (file) => /\.prompt\.ya?ml$/.test(file);
/** GitHub Models ids carry a publisher (`openai/gpt-4o-mini`); OpenAI-compatible endpoints take the bare name. */
const modelName = (id) => id.replace(/^(azure-)?openai\//, '');
/** `uses: github/<name>` built-ins → our judges; they read `{{input}}`, `{{expected}}`. */
const BUILT_INS = {
    similarity: { metric: 'similarity-judge', expected: '{{expected}}' },
    coherence: { metric: 'coherence' },
    fluency: { metric: 'fluency' },
    relevance: { metric: 'relevance' },
    groundedness: { metric: 'groundedness', context: '{{expected}}' },
};
/** GitHub's runner lowercases both sides of every string check; so do these. */
const STRING_CHECKS = {
    equals: { metric: 'equals', 'ignore-case': true },
    contains: { metric: 'icontains' },
    startsWith: { metric: 'starts-with', 'ignore-case': true },
    endsWith: { metric: 'ends-with', 'ignore-case': true },
};
/** `modelParameters` (camelCase, as GitHub writes them) → chat-completions parameters. */
const MODEL_PARAMETERS = {
    maxTokens: 'max_tokens',
    maxCompletionTokens: 'max_completion_tokens',
    temperature: 'temperature',
    topP: 'top_p',
    frequencyPenalty: 'frequency_penalty',
    presencePenalty: 'presence_penalty',
    stop: 'stop',
    seed: 'seed',
};
/**
 * A GitHub prompt file without testData: nothing to evaluate. loadSuites skips it with this note
 * (`format()`); loading it alone is a configuration error saying the same.
 */
class PromptOnlyFile extends errors/* ConfigError */.x {
    constructor(file) {
        super('skipped — a prompt file without testData has nothing to evaluate (add testData and evaluators to gate on it)', { file });
        this.name = 'PromptOnlyFile';
    }
}
/** A mapping that reads like a GitHub prompt file (for a hint when it is not named *.prompt.yml). */
const looksLikePromptYml = (doc) => Array.isArray(doc.messages) && (typeof doc.model === 'string' || 'testData' in doc || 'modelParameters' in doc);
function slug(name, index, taken) {
    const base = (typeof name === 'string' ? name : '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
    let candidate = /^[a-z]/.test(base) ? base : `check-${index + 1}`;
    for (let suffix = 2; taken.has(candidate); suffix += 1)
        candidate = `${base || 'check'}-${suffix}`;
    taken.add(candidate);
    return candidate;
}
function evaluator(entry, index, taken, fail) {
    if (!(0,dict/* isDict */.Z)(entry))
        fail('each evaluator must be a mapping', ['evaluators', index]);
    const name = slug(entry.name, index, taken);
    if ((0,dict/* isDict */.Z)(entry.string)) {
        const checks = Object.entries(entry.string).filter(([key]) => key in STRING_CHECKS);
        if (checks.length !== 1)
            fail(`string evaluator needs exactly one of ${Object.keys(STRING_CHECKS).join(', ')}`, ['evaluators', index, 'string']);
        const [[kind, value]] = checks;
        return { name, ...STRING_CHECKS[kind], expected: value };
    }
    if (typeof entry.uses === 'string') {
        const builtIn = BUILT_INS[entry.uses.replace(/^github\//, '')];
        if (!builtIn)
            fail(`unknown evaluator "${entry.uses}"`, ['evaluators', index, 'uses'], `known: ${Object.keys(BUILT_INS).map((key) => `github/${key}`).join(', ')}`);
        return { name, ...builtIn };
    }
    if ((0,dict/* isDict */.Z)(entry.llm)) {
        const { prompt, systemPrompt, choices, modelId } = entry.llm;
        if (typeof prompt !== 'string' || !Array.isArray(choices))
            fail('an llm evaluator needs `prompt` and `choices`', ['evaluators', index, 'llm']);
        const text = `${typeof systemPrompt === 'string' ? `${systemPrompt}\n\n` : ''}${prompt}`.replace(/\{\{\s*completion\s*\}\}/g, '{{ output }}');
        return {
            name,
            metric: 'rubric',
            prompt: text,
            choices: Object.fromEntries(choices.map((choice) => [String(choice.choice), choice.score])),
            ...(typeof modelId === 'string' ? { 'judge-model': modelName(modelId) } : {}),
        };
    }
    return fail('an evaluator needs `string`, `uses` or `llm`', ['evaluators', index]);
}
function parameters(file, fail) {
    const given = (0,dict/* isDict */.Z)(file.modelParameters) ? file.modelParameters : {};
    const mapped = {};
    for (const [key, value] of Object.entries(given)) {
        const name = MODEL_PARAMETERS[key];
        if (!name)
            fail(`unknown modelParameters.${key}`, ['modelParameters', key], `known: ${Object.keys(MODEL_PARAMETERS).join(', ')}`);
        mapped[name] = value;
    }
    if (file.responseFormat === 'json_object')
        mapped.response_format = { type: 'json_object' };
    if (file.responseFormat === 'json_schema') {
        try {
            mapped.response_format = { type: 'json_schema', json_schema: JSON.parse(String(file.jsonSchema)) };
        }
        catch {
            fail('jsonSchema must be a JSON string with `name` and `schema`', ['jsonSchema']);
        }
    }
    return mapped;
}
/** Where a path of the translated suite came from in the .prompt.yml. */
function originalPath(path) {
    const [head, ...rest] = path;
    if (head === 'flow')
        return rest[0] === 'messages' ? rest : ['model'];
    if (head === 'cases')
        return ['testData', ...rest];
    if (head === 'evaluators')
        return path.slice(0, 2);
    return path;
}
function fromPromptYml(source) {
    const fail = (message, path, fix) => {
        throw new errors/* ConfigError */.x(message, { file: source.file, line: source.lineOf(path) }, fix);
    };
    const file = source.value;
    if (!(0,dict/* isDict */.Z)(file))
        return fail('a .prompt.yml must be a YAML mapping (model, messages, testData, evaluators)', []);
    if (typeof file.model !== 'string')
        fail('`model` is missing', []);
    if (file.testData === undefined)
        throw new PromptOnlyFile(source.file);
    if (!Array.isArray(file.testData) || file.testData.length === 0)
        fail('`testData` is empty: EvalGate needs cases to evaluate', ['testData'], 'add testData items with the template variables and `expected`');
    if (!Array.isArray(file.evaluators) || file.evaluators.length === 0)
        fail('`evaluators` is missing', [], 'add string checks or `uses: github/similarity`');
    const taken = new Set();
    const value = {
        name: typeof file.name === 'string' ? file.name : (0,external_node_path_.basename)(source.file).replace(/\.prompt\.ya?ml$/, ''),
        flow: { kind: 'prompt', model: modelName(file.model), messages: file.messages, parameters: parameters(file, fail) },
        cases: file.testData,
        evaluators: file.evaluators.map((entry, index) => evaluator(entry, index, taken, fail)),
    };
    return { file: source.file, value, lineOf: (path) => source.lineOf(originalPath(path)) };
}

;// CONCATENATED MODULE: ./src/suites/promptfoo/assertions.ts

/** Raised for an assertion with no EvalGate equivalent; the translator adds file:line. */
class UnsupportedAssertion extends Error {
    field;
    constructor(message, field = 'type') {
        super(message);
        this.field = field;
    }
}
const assertions_EXPECTED = (metric) => (value) => ({ metric, expected: value });
/**
 * promptfoo's reading of a comma-separated `contains-any` / `contains-all` value: fields split on
 * commas and trimmed, a field in double quotes keeps its commas (`""` is a quote inside it).
 */
function commaSeparated(value) {
    const fields = [];
    let index = 0;
    const skip = (pattern) => {
        while (index < value.length && pattern.test(value[index] ?? ''))
            index += 1;
    };
    while (index < value.length) {
        skip(/[\s,]/);
        if (index >= value.length)
            break;
        if (value[index] === '"') {
            let field = '';
            for (index += 1; index < value.length; index += 1) {
                if (value[index] === '"' && value[index + 1] === '"') {
                    field += '"';
                    index += 1;
                }
                else if (value[index] === '"')
                    break;
                else
                    field += value[index];
            }
            index += 1;
            fields.push(field);
            skip(/\s/);
            if (index < value.length && value[index] !== ',')
                throw new UnsupportedAssertion(`expected a comma after the quoted field "${field}" in "${value}"`, 'value');
        }
        else {
            const comma = value.indexOf(',', index);
            const stop = comma === -1 ? value.length : comma;
            fields.push(value.slice(index, stop).trim());
            index = stop;
        }
    }
    return fields;
}
const LIST = (metric) => (value) => ({ metric, expected: typeof value === 'string' ? commaSeparated(value) : value });
/** promptfoo assertion type → our evaluator (metric + options) from its `value`. */
const MAPPED = {
    equals: assertions_EXPECTED('equals'),
    contains: assertions_EXPECTED('contains'),
    icontains: assertions_EXPECTED('icontains'),
    'contains-any': LIST('contains-any'),
    'contains-all': LIST('contains-all'),
    'starts-with': assertions_EXPECTED('starts-with'),
    regex: (value) => ({ metric: 'regex', pattern: value }),
    'is-json': (value) => (value === undefined ? { metric: 'json-valid' } : { metric: 'json-schema', schema: value }),
    'contains-json': () => ({ metric: 'contains-json' }),
    similar: assertions_EXPECTED('similarity'),
    'llm-rubric': (value) => ({ metric: 'llm-rubric', rubric: typeof value === 'string' ? value : JSON.stringify(value) }),
    javascript: (value) => ({ metric: 'javascript', code: value }),
    python: (value) => ({ metric: 'python', code: value }),
    latency: () => ({ metric: 'latency' }),
    cost: () => ({ metric: 'cost' }),
};
/** `not-` forms we can negate (deterministic 0–1 metrics). */
const NEGATABLE = new Set(['equals', 'contains', 'icontains', 'contains-any', 'contains-all', 'starts-with', 'regex', 'is-json', 'contains-json', 'javascript', 'python']);
/** Keys of an assertion EvalGate translates; anything else (transform…) would change its meaning. */
const KNOWN_KEYS = new Set(['type', 'value', 'threshold', 'weight', 'metric', 'provider', 'description', 'rubricPrompt']);
/** Model-graded assertions: the ones `provider` / `rubricPrompt` (their own or the test's options) apply to. */
const GRADED = new Set(['llm-rubric']);
/** The assertion types EvalGate runs, for messages and docs. */
const SUPPORTED_ASSERTIONS = [...Object.keys(MAPPED), ...[...NEGATABLE].map((type) => `not-${type}`)];
/** Every assertion type promptfoo 0.123.1 knows, so a CSV cell naming one is read as that assertion (and refused if unsupported), never as `equals`. */
const PROMPTFOO_TYPES = 'agent-rubric answer-relevance bleu classifier contains contains-all contains-any contains-html contains-json contains-sql contains-xml context-faithfulness context-recall context-relevance conversation-relevance cost equals factuality finish-reason g-eval gleu guardrails icontains icontains-all icontains-any is-html is-json is-refusal is-sql is-valid-function-call is-valid-openai-function-call is-valid-openai-tools-call is-xml javascript latency levenshtein llm-rubric pi meteor model-graded-closedqa model-graded-factuality moderation perplexity perplexity-score python regex rouge-n ruby similar starts-with skill-used search-rubric webhook word-count select-best human max-score'.split(' ');
const CELL = new RegExp(`^(not-)?(${PROMPTFOO_TYPES.join('|')})(?:\\((\\d+(?:\\.\\d+)?)\\))?(?::([\\s\\S]*))?$`);
/** Types whose CSV cell gets promptfoo's default threshold when `(n)` does not set one. */
const CELL_THRESHOLDS = { similar: 0.8, 'starts-with': 0.75, levenshtein: 0.75, latency: 0.75, cost: 0.75 };
/**
 * Reads a CSV `__expected` cell as promptfoo does: `javascript:` / `fn:` / `eval:` / `python:` /
 * `grade:` / `llm-rubric:` prefixes, `file://x.js|py`, `[not-]type[(threshold)]:value`
 * (`contains-any:a,b` split on commas), else the whole cell for `equals`.
 */
function expectedCell(raw) {
    const cell = raw.trim();
    const prefixed = /^(javascript|fn|eval|python|grade|llm-rubric):([\s\S]*)$/.exec(cell);
    if (prefixed) {
        const kind = prefixed[1] ?? '';
        const type = kind === 'python' ? 'python' : kind === 'grade' || kind === 'llm-rubric' ? 'llm-rubric' : 'javascript';
        return { type, value: type === 'llm-rubric' ? (prefixed[2] ?? '') : (prefixed[2] ?? '').trim() };
    }
    if (/^file:\/\/.+\.(js|cjs|mjs|ts)(:\w+)?$/.test(cell))
        return { type: 'javascript', value: cell };
    if (/^file:\/\/.+\.py(:\w+)?$/.test(cell))
        return { type: 'python', value: cell };
    const typed = CELL.exec(cell);
    if (!typed)
        return { type: 'equals', value: cell };
    const [, not = '', type = '', threshold, value] = typed;
    const values = type.endsWith('-any') || type.endsWith('-all') ? (value ? commaSeparated(value) : value) : type === 'contains-json' || type === 'is-json' ? value : value?.trim();
    const mark = threshold === undefined ? CELL_THRESHOLDS[type] : Number(threshold);
    return { type: `${not}${type}`, ...(values === undefined ? {} : { value: values }), ...(mark === undefined ? {} : { threshold: mark }) };
}
/** A grader `provider` (an id or { id }) → our judge model; other providers are refused. */
function judgeModel(provider) {
    const id = typeof provider === 'string' ? provider : (0,dict/* isDict */.Z)(provider) && typeof provider.id === 'string' ? provider.id : undefined;
    const model = id ? /^(?:openai|azureopenai|azure):(?:chat:)?([^:]+)$/.exec(id)?.[1] : undefined;
    if (!model)
        throw new UnsupportedAssertion(`grader provider ${JSON.stringify(provider)} is not supported — EvalGate grades with an OpenAI-protocol chat model (openai:chat:<model>) on its own endpoint`, 'provider');
    return model;
}
/** One promptfoo assertion → an EvalGate evaluator entry (metric, options, threshold, weight, name). */
function toEvaluator(assertion, grading = {}) {
    if (!(0,dict/* isDict */.Z)(assertion) || typeof assertion.type !== 'string')
        throw new UnsupportedAssertion('an assertion needs a `type`');
    const { type, value, threshold, weight, metric: name } = assertion;
    const unknown = Object.keys(assertion).find((key) => !KNOWN_KEYS.has(key));
    if (unknown)
        throw new UnsupportedAssertion(`\`${unknown}\` on an assertion is not supported (EvalGate reads type, value, threshold, weight, metric, provider and rubricPrompt)`, unknown);
    const negated = type.startsWith('not-');
    const base = negated ? type.slice(4) : type;
    const build = MAPPED[base];
    if (!build || (negated && !NEGATABLE.has(base))) {
        throw new UnsupportedAssertion(`promptfoo assertion type "${type}" is not supported — EvalGate runs ${SUPPORTED_ASSERTIONS.join(', ')}`);
    }
    const graded = GRADED.has(base);
    for (const key of ['provider', 'rubricPrompt']) {
        if (assertion[key] !== undefined && !graded)
            throw new UnsupportedAssertion(`\`${key}\` on a ${type} assertion is not supported (only model-graded assertions such as llm-rubric use it)`, key);
    }
    const provider = assertion.provider ?? (graded ? grading.provider : undefined);
    const rubricPrompt = assertion.rubricPrompt ?? (graded ? grading.rubricPrompt : undefined);
    const entry = build(value);
    const key = typeof name === 'string' ? name.replace(/[^\w.-]+/g, '-').replace(/^[^A-Za-z]+/, '') : '';
    return {
        ...(key ? { name: key } : {}),
        ...entry,
        metric: negated ? `not-${String(entry.metric)}` : entry.metric,
        ...(typeof threshold === 'number' ? { threshold } : base === 'similar' ? { threshold: 0.75 } : {}),
        ...(typeof weight === 'number' ? { weight } : {}),
        ...(rubricPrompt === undefined ? {} : { prompt: rubricPrompt }),
        ...(provider === undefined ? {} : { 'judge-model': judgeModel(provider) }),
    };
}

;// CONCATENATED MODULE: ./src/suites/promptfoo/names.ts
/** What makes two asserts one metric: the same metric with the same pass mark and weight. */
const signature = (entry) => JSON.stringify([entry.metric, entry.threshold, entry.weight]);
const baseName = (entry) => String(entry.name ?? entry.metric);
/**
 * Names every translated assert so none collide: `defaultTest` asserts (the suite's evaluators)
 * and each test's asserts keep their `metric:` name (else their metric's), and a name already
 * taken by another assert of the same test — or, across tests, by an assert with another metric,
 * threshold or weight — gets `-2`, `-3`…. So two unnamed `defaultTest` asserts of one type, or a
 * promptfoo metric name shared by asserts with different thresholds, become metrics of their own,
 * each gated on its own (promptfoo reports each assert's pass too; its shared-name average is not kept).
 */
function uniqueNames(suite, cases) {
    const taken = new Set();
    const named = suite.map((entry) => {
        let name = baseName(entry);
        for (let suffix = 2; taken.has(name); suffix += 1)
            name = `${baseName(entry)}-${suffix}`;
        taken.add(name);
        return { ...entry, name };
    });
    const owners = new Map();
    const perCase = cases.map((asserts) => {
        const used = new Set();
        return asserts.map((entry) => {
            const base = baseName(entry);
            const own = signature(entry);
            let name = base;
            for (let suffix = 2; taken.has(name) || used.has(name) || (owners.has(name) && owners.get(name) !== own); suffix += 1)
                name = `${base}-${suffix}`;
            used.add(name);
            owners.set(name, own);
            return { ...entry, name };
        });
    });
    return { suite: named, cases: perCase };
}

;// CONCATENATED MODULE: ./src/suites/promptfoo/prompts.ts



class PromptError extends Error {
}
const ROLES = new Set(['system', 'user', 'assistant']);
/** Nunjucks tags or filters, which promptfoo would run before reading the JSON. */
const NUNJUCKS_CODE = /\{%|\|\s*\w+\s*\}\}/;
/**
 * A JSON chat prompt: a list of { role, content } (promptfoo's OpenAI chat format). Text that is
 * not JSON is a plain prompt (e.g. `[INST] … [/INST]`), as in promptfoo — unless it is JSON built
 * with Nunjucks tags, which EvalGate does not run.
 */
function chatMessages(text) {
    const trimmed = text.trim();
    if (!trimmed.startsWith('['))
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(trimmed);
    }
    catch {
        if (/^\[\s*(\{|\{%)/.test(trimmed) && NUNJUCKS_CODE.test(trimmed)) {
            throw new PromptError('a JSON chat prompt must be plain JSON — Nunjucks tags and filters ({% for %}, | dump) inside it are not supported; list the messages, with {{ var }} placeholders in their content');
        }
        return undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((message) => (0,dict/* isDict */.Z)(message) && ROLES.has(String(message.role)) && typeof message.content === 'string')) {
        throw new PromptError('a JSON chat prompt must be a list of { role: system|user|assistant, content: "…" }');
    }
    return parsed;
}
function fromText(raw, label, index, config = {}) {
    const messages = chatMessages(raw) ?? [{ role: 'user', content: raw }];
    return { label, messages, text: raw, index, config };
}
/** `file://x.txt` (text; `---` lines separate several prompts), `file://x.json` (chat), or inline text. */
function readOne(raw, label, index, dir, config = {}) {
    const file = /^file:\/\/(.+)$/.exec(raw.trim())?.[1];
    if (!file)
        return [fromText(raw, label ?? raw.replace(/\s+/g, ' ').trim().slice(0, 40), index, config)];
    if (/\.(js|cjs|mjs|ts|py)(:\w+)?$/.test(file))
        throw new PromptError(`prompt functions (${(0,external_node_path_.basename)(file)}) are not supported — write the prompt as text, a .txt/.json file or a chat list`);
    if (file.includes('*'))
        throw new PromptError('globbed prompt files are not supported — list each file');
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(dir, file), 'utf8');
    }
    catch {
        throw new PromptError(`prompt file not found: ${file} (relative to the config)`);
    }
    if (/\.json$/.test(file)) {
        if (!text.trim().startsWith('['))
            throw new PromptError(`${(0,external_node_path_.basename)(file)}: a JSON prompt file must hold a list of { role, content } messages`);
        return [fromText(text, label ?? (0,external_node_path_.basename)(file), index, config)];
    }
    const parts = text.split(/^---$/m).map((part) => part.trim()).filter(Boolean);
    return parts.map((part, partIndex) => fromText(part, label ?? (parts.length > 1 ? `${(0,external_node_path_.basename)(file)}#${partIndex + 1}` : (0,external_node_path_.basename)(file)), index, config));
}
/** The config's `prompts:` (a string, a list of strings / { raw | id, label }, or a map file → label). */
function readPrompts(value, dir) {
    if (value === undefined)
        throw new PromptError('`prompts` is missing');
    if (typeof value === 'string')
        return readOne(value, undefined, 0, dir);
    if ((0,dict/* isDict */.Z)(value))
        return Object.entries(value).flatMap(([raw, label], index) => readOne(raw, String(label), index, dir));
    if (!Array.isArray(value))
        throw new PromptError('`prompts` must be a list');
    return value.flatMap((entry, index) => {
        if (typeof entry === 'string')
            return readOne(entry, undefined, index, dir);
        if ((0,dict/* isDict */.Z)(entry) && typeof (entry.raw ?? entry.id) === 'string') {
            const unread = Object.keys(entry).find((key) => !['raw', 'id', 'label', 'config'].includes(key));
            if (unread)
                throw new PromptError(`\`${unread}\` on a prompt is not supported (EvalGate reads raw, id, label and config)`);
            if (entry.config !== undefined && !(0,dict/* isDict */.Z)(entry.config))
                throw new PromptError('a prompt\'s `config` must be a mapping (e.g. response_format, tools)');
            return readOne(String(entry.raw ?? entry.id), typeof entry.label === 'string' ? entry.label : undefined, index, dir, (0,dict/* isDict */.Z)(entry.config) ? entry.config : {});
        }
        throw new PromptError('each prompt is a string or { raw | id, label, config }');
    });
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/suites/promptfoo/providers.ts





class ProviderError extends Error {
    /** Which entry of `providers:` it is about, when known. */
    index;
}
/** Request parameters sent as written (promptfoo's OpenAI chat provider passes these through). */
const CHAT_PARAMETERS = ['temperature', 'max_tokens', 'top_p', 'seed', 'stop', 'presence_penalty', 'frequency_penalty', 'response_format', 'max_completion_tokens', 'tools', 'tool_choice', 'reasoning_effort', 'user', 'metadata', 'store', 'service_tier'];
/** Where promptfoo sends the request and with which key: EvalGate's own endpoint and key stand in for them. */
const ENDPOINT_KEYS = new Set(['apiBaseUrl', 'apiHost', 'apiKey', 'apiKeyEnvar', 'organization', 'deployment_id', 'apiVersion']);
/** o1/o3/o4 and gpt-5 models: promptfoo sends them neither temperature nor max_tokens. */
const isReasoningModel = (model) => /^(o1|o3|o4|gpt-5)/.test(model.replace(/^.*\//, ''));
/**
 * The request parameters of an OpenAI chat provider: the config's (prompt-level `config` over the
 * provider's), with promptfoo's defaults where the config relies on them — `temperature: 0` and
 * `max_tokens: 1024` (promptfoo's OPENAI_TEMPERATURE / OPENAI_MAX_TOKENS defaults), neither for
 * reasoning models. A config key EvalGate does not send is refused, never dropped.
 */
function chatParameters(model, config) {
    const unknown = Object.keys(config).find((key) => !CHAT_PARAMETERS.includes(key) && !ENDPOINT_KEYS.has(key));
    if (unknown)
        throw new ProviderError(`provider config \`${unknown}\` is not supported — EvalGate sends ${CHAT_PARAMETERS.join(', ')} (the endpoint and key are EvalGate's)`);
    if (typeof config.tools === 'string')
        throw new ProviderError('`tools: file://…` is not supported — list the tools inline');
    const defaults = isReasoningModel(model) ? {} : { temperature: 0, max_tokens: 1024 };
    return { ...defaults, ...Object.fromEntries(CHAT_PARAMETERS.filter((key) => config[key] !== undefined).map((key) => [key, config[key]])) };
}
function providers_chatFlow(model, config) {
    chatParameters(model, config);
    return (prompt) => ({ kind: 'prompt', model, messages: prompt.messages, parameters: chatParameters(model, { ...config, ...prompt.config }) });
}
/** Prompt-level `config` only applies to OpenAI chat providers; elsewhere it is refused. */
function noPromptConfig(prompt, provider) {
    if (Object.keys(prompt.config).length)
        throw new ProviderError(`prompt "${prompt.label}" sets \`config\`, which EvalGate applies only to OpenAI chat providers, not to ${provider}`);
}
/** `{{prompt}}` in an http body → the prompt text (itself a template over the case). */
function withPrompt(value, prompt) {
    if (typeof value === 'string')
        return value.replace(/\{\{\s*prompt\s*\}\}/g, prompt);
    if (Array.isArray(value))
        return value.map((item) => withPrompt(item, prompt));
    if ((0,dict/* isDict */.Z)(value))
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withPrompt(item, prompt)]));
    return value;
}
/** `json.a.b[0].c` (promptfoo's transformResponse) → our dotted path `a.b.0.c`. */
function outputPath(transform) {
    if (transform === undefined)
        return '';
    const match = typeof transform === 'string' ? /^\s*json((?:\.\w+|\[\d+\])*)\s*$/.exec(transform) : null;
    if (!match)
        throw new ProviderError('http transformResponse must be a path like json.output or json.choices[0].message.content — functions are not supported');
    return (match[1] ?? '').replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}
function providers_httpFlow(config) {
    if (typeof config.url !== 'string')
        throw new ProviderError('the http provider needs config.url');
    const method = String(config.method ?? 'POST').toUpperCase();
    if (method !== 'POST' && method !== 'PUT')
        throw new ProviderError(`http method ${method} is not supported — EvalGate sends POST or PUT`);
    const output = outputPath(config.transformResponse);
    return (prompt) => {
        noPromptConfig(prompt, 'http');
        return {
            kind: 'http',
            url: config.url,
            method,
            ...((0,dict/* isDict */.Z)(config.headers) ? { headers: config.headers } : {}),
            body: withPrompt(config.body ?? { prompt: '{{prompt}}' }, prompt.text),
            output,
        };
    };
}
/**
 * `exec:` runs the command with the rendered prompt as its argument and reads stdout as the
 * answer (promptfoo's contract); a small inline Node adapter turns that into our command flow.
 * Without a command it answers the rendered prompt itself (promptfoo's `echo` provider).
 */
const EXEC_ADAPTER = [
    "const {spawnSync}=require('node:child_process');",
    "const vars=JSON.parse(require('node:fs').readFileSync(0,'utf8')||'{}');",
    "const [template,program,...args]=process.argv.slice(1);",
    "const prompt=template.replace(/\\{\\{\\s*([\\w.]+)\\s*\\}\\}/g,(_,k)=>{const v=k.split('.').reduce((o,p)=>o==null?o:o[p],vars);return v==null?'':typeof v==='string'?v:JSON.stringify(v)});",
    "if(!program){process.stdout.write(JSON.stringify({output:prompt}));process.exit(0)}",
    "const run=spawnSync(program,[...args,prompt,'{}',JSON.stringify({vars})],{encoding:'utf8',maxBuffer:1<<26});",
    "if(run.error){console.error(run.error.message);process.exit(1)}",
    "if(run.status!==0){process.stderr.write(run.stderr||'');process.exit(run.status??1)}",
    "process.stdout.write(JSON.stringify({output:run.stdout.trim()}));",
].join('');
function execFlow(command) {
    let argv;
    try {
        argv = splitCommand(command.trim());
    }
    catch (error) {
        throw new ProviderError(`exec: ${error.message}`);
    }
    return (prompt) => {
        noPromptConfig(prompt, 'exec');
        return { kind: 'command', command: ['node', '-e', EXEC_ADAPTER, prompt.text, ...argv] };
    };
}
const SUPPORTED = 'openai:chat:<model>, openai:<model>, azureopenai:chat:<deployment>, http (or an https:// URL), exec:<command>, echo';
function fromId(id, config) {
    const openai = /^openai:(?:chat:)?([^:]+)$/.exec(id) ?? /^azureopenai:chat:(.+)$/.exec(id) ?? /^azure:chat:(.+)$/.exec(id);
    if (openai?.[1] && !/^(embedding|embeddings|assistant|realtime|responses|image)$/.test(openai[1]))
        return providers_chatFlow(openai[1], config);
    if (id === 'http' || id === 'https' || /^https?:\/\//.test(id))
        return providers_httpFlow(id.startsWith('http') && id.includes('://') ? { url: id, ...config } : config);
    if (id.startsWith('exec:'))
        return execFlow(id.slice(5));
    if (id === 'echo')
        return (prompt) => ({ kind: 'command', command: ['node', '-e', EXEC_ADAPTER, prompt.text] });
    throw new ProviderError(`promptfoo provider "${id}" is not supported — EvalGate runs ${SUPPORTED}`);
}
/** `file://providers.yaml`: a list of providers (or one) kept apart from the config. */
function providersFile(reference, dir) {
    const file = reference.slice('file://'.length);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(dir, file), 'utf8');
    }
    catch {
        throw new ProviderError(`providers file not found: ${file} (relative to the config)`);
    }
    const parsed = (0,yaml_dist/* parse */.qg)(text);
    return Array.isArray(parsed) ? parsed : [parsed];
}
/** The config's `providers:` (a string, a list of strings / { id, label, config }, or `file://` lists of them). */
function readProviders(value, dir) {
    const entries = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
    const list = entries?.flatMap((entry) => (typeof entry === 'string' && entry.startsWith('file://') ? providersFile(entry, dir) : [entry]));
    if (!list || list.length === 0)
        throw new ProviderError('`providers` is missing');
    return list.map((entry, index) => {
        try {
            return readProvider(entry, index);
        }
        catch (error) {
            if (error instanceof ProviderError)
                error.index = index;
            throw error;
        }
    });
}
function readProvider(entry, index) {
    if (typeof entry === 'string')
        return { id: entry, index, flow: fromId(entry, {}) };
    if ((0,dict/* isDict */.Z)(entry) && typeof entry.id === 'string') {
        const config = (0,dict/* isDict */.Z)(entry.config) ? entry.config : {};
        return { id: typeof entry.label === 'string' ? entry.label : entry.id, index, flow: fromId(entry.id, config) };
    }
    throw new ProviderError('each provider is a string id or { id, label, config }');
}

;// CONCATENATED MODULE: ./src/suites/promptfoo/refs.ts

/** A `$ref` that points nowhere (or in a circle), with where it was written. */
class RefError extends Error {
    path;
    constructor(message, path) {
        super(message);
        this.path = path;
    }
}
/** `#/a/b~1c/0` → the value at that JSON pointer in the document, or undefined. */
function resolvePointer(root, pointer) {
    if (pointer === '#')
        return root;
    return pointer
        .slice(2)
        .split('/')
        .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce((node, key) => (Array.isArray(node) ? node[Number(key)] : (0,dict/* isDict */.Z)(node) ? node[key] : undefined), root);
}
/**
 * promptfoo's local references: every `{ $ref: '#/…' }` in the config is replaced by the value its
 * JSON pointer names (recursively; a reference into another file, a missing target or a cycle is an error).
 */
function dereference(root) {
    const walk = (node, path, active) => {
        if (Array.isArray(node))
            return node.map((item, index) => walk(item, [...path, index], active));
        if (!(0,dict/* isDict */.Z)(node))
            return node;
        const ref = node.$ref;
        if (typeof ref === 'string') {
            if (!ref.startsWith('#'))
                throw new RefError(`$ref ${JSON.stringify(ref)}: only references inside the config (#/…) are supported`, path);
            if (active.includes(ref))
                throw new RefError(`$ref ${JSON.stringify(ref)} refers to itself`, path);
            const target = resolvePointer(root, ref);
            if (target === undefined)
                throw new RefError(`$ref ${JSON.stringify(ref)} points at nothing in the config`, path);
            return walk(target, path, [...active, ref]);
        }
        return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, [...path, key], active)]));
    };
    return walk(root, [], []);
}

;// CONCATENATED MODULE: ./src/suites/promptfoo/tests.ts







class TestsError extends Error {
}
function readText(dir, file, what = 'tests file') {
    try {
        return (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(dir, file), 'utf8');
    }
    catch {
        throw new TestsError(`${what} not found: ${file} (relative to the config)`);
    }
}
const CSV_REFUSED = {
    __prefix: '`__prefix` (text added before the prompt) is not supported — put it in the prompt',
    __suffix: '`__suffix` (text added after the prompt) is not supported — put it in the prompt',
    __providerOutput: '`__providerOutput` (a canned answer) is not supported — EvalGate scores what the flow answers',
    __threshold: '`__threshold` (a test passes when the weighted score of its asserts reaches it) has no EvalGate equivalent — each assert is gated on its own; set a threshold per assert with `__config:__expected:threshold`',
};
/** A `__config:__expected<N>:threshold` column → the index of its assert. */
function configTarget(column, file) {
    const match = /^__config:__expected(\d*):(\w+)$/.exec(column);
    const index = match ? (match[1] ? Number(match[1]) - 1 : 0) : -1;
    if (!match || index < 0)
        throw new TestsError(`${file}: column "${column}" must be __config:__expected:threshold or __config:__expected<N>:threshold`);
    if (match[2] !== 'threshold')
        throw new TestsError(`${file}: column "${column}": promptfoo's __config columns set only \`threshold\``);
    return index;
}
/**
 * A CSV row as promptfoo reads it: `__expected…` cells are assertions, `__description` the name,
 * `__metric` the name of the row's assertions, `__config:__expected<N>:threshold` an assert's
 * threshold, `__metadata:<key>` (`<key>[]` comma lists) the case's `metadata`; other columns are vars.
 */
function fromCsvRow(row, file) {
    const vars = {};
    const assert = [];
    const thresholds = new Map();
    const metadata = {};
    let description;
    let metric;
    for (const [rawColumn, cell] of Object.entries(row)) {
        const column = rawColumn.trim();
        const refused = CSV_REFUSED[column];
        if (refused && cell.trim())
            throw new TestsError(`${file}: ${refused}`);
        if (column.startsWith('__expected')) {
            if (cell.trim())
                assert.push(expectedCell(cell));
        }
        else if (column === '__description')
            description = cell;
        else if (column === '__metric')
            metric = cell || undefined;
        else if (column.startsWith('__config:')) {
            const value = Number(cell);
            if (!cell.trim() || !Number.isFinite(value))
                throw new TestsError(`${file}: column "${column}" needs a number, not ${JSON.stringify(cell)}`);
            thresholds.set(configTarget(column, file), value);
        }
        else if (column.startsWith('__metadata:')) {
            const key = column.slice('__metadata:'.length);
            if (key.endsWith('[]') && cell.trim())
                metadata[key.slice(0, -2)] = cell.split(/(?<!\\),/).map((item) => item.trim().replace(/\\,/g, ','));
            else if (cell.trim())
                metadata[key] = cell;
        }
        else if (column === '__metadata')
            throw new TestsError(`${file}: the "__metadata" column needs a key, e.g. "__metadata:category"`);
        else if (!refused)
            vars[column] = cell;
    }
    const asserts = assert.map((entry, index) => ({ ...entry, ...(metric ? { metric } : {}), ...(thresholds.has(index) ? { threshold: thresholds.get(index) } : {}) }));
    return { vars: withMetadata(vars, metadata, file), assert: asserts, grading: {}, ...(description ? { description } : {}), path: ['tests'], file };
}
/** A test's `metadata` is kept as the case's `metadata` field (reported with its inputs, used by no scorer). */
function withMetadata(vars, metadata, where) {
    if (!(0,dict/* isDict */.Z)(metadata) || Object.keys(metadata).length === 0)
        return vars;
    if ('metadata' in vars)
        throw new TestsError(`${where}: a var named "metadata" collides with the test's metadata — rename the var`);
    return { ...vars, metadata };
}
/** What a test's `options` may hold: grader settings; anything else changes outputs or scoring and is refused. */
function readOptions(options) {
    if (options === undefined)
        return {};
    if (!(0,dict/* isDict */.Z)(options))
        throw new TestsError('`options` must be a mapping');
    if (options.transform !== undefined || options.postprocess !== undefined) {
        throw new TestsError('`options.transform` is not supported — assert on the raw output (e.g. a javascript assertion that parses it)');
    }
    const other = Object.keys(options).find((key) => key !== 'provider' && key !== 'rubricPrompt');
    if (other)
        throw new TestsError(`\`options.${other}\` is not supported (EvalGate reads options.provider and options.rubricPrompt, for model-graded asserts)`);
    return { ...(options.provider === undefined ? {} : { provider: options.provider }), ...(options.rubricPrompt === undefined ? {} : { rubricPrompt: options.rubricPrompt }) };
}
/** Keys of a test EvalGate reads. */
const TEST_KEYS = new Set(['vars', 'assert', 'description', 'options', 'metadata']);
const TEST_REFUSED = {
    provider: 'per-test `provider` is not supported — one suite runs one provider',
    providerOutput: '`providerOutput` (a canned answer) is not supported — EvalGate scores what the flow answers',
    threshold: "a test's `threshold` (the test passes when the weighted score of its asserts reaches it) has no EvalGate equivalent — each assert is gated on its own; give the asserts thresholds",
    assertScoringFunction: '`assertScoringFunction` (one score combined from the asserts) has no EvalGate equivalent — each assert is its own metric, gated on its own',
};
function fromObject(test, path, file) {
    if (!(0,dict/* isDict */.Z)(test))
        throw new TestsError('each test must be a mapping (vars, assert, description)');
    const unread = Object.keys(test).find((key) => !TEST_KEYS.has(key));
    if (unread)
        throw new TestsError(TEST_REFUSED[unread] ?? `\`${unread}\` on a test is not supported (EvalGate reads vars, assert, description, options, metadata)`);
    return {
        vars: withMetadata((0,dict/* isDict */.Z)(test.vars) ? test.vars : {}, test.metadata, 'a test'),
        assert: Array.isArray(test.assert) ? test.assert : [],
        grading: readOptions(test.options),
        ...(typeof test.description === 'string' ? { description: test.description } : {}),
        path,
        ...(file ? { file } : {}),
    };
}
/**
 * One test → one per combination of its vars, as promptfoo expands them: a list of strings is
 * one test per item (several lists: every combination), a `file://` var one test per file its
 * glob matches, read as trimmed text (`.js` / `.py` vars — functions — are refused).
 */
function expandVars(vars, dir) {
    let combinations = [{}];
    for (const [key, value] of Object.entries(vars)) {
        let values;
        if (typeof value === 'string' && value.startsWith('file://')) {
            const pattern = value.slice('file://'.length);
            if (/\.(js|cjs|mjs|ts|py)$/.test(pattern))
                throw new TestsError(`var "${key}": ${value} is a function var (run by promptfoo to compute the value) — not supported; write the value, or a .txt file`);
            const files = (0,dist/* globSync */.AZ)(pattern, { cwd: dir, onlyFiles: true }).sort();
            if (files.length === 0)
                throw new TestsError(`var "${key}": no file matches ${pattern} (relative to the config)`);
            values = files.map((file) => readText(dir, file, `var "${key}" file`).trim());
        }
        else
            values = Array.isArray(value) && typeof value[0] === 'string' ? value : [value];
        combinations = combinations.flatMap((combination) => values.map((item) => ({ ...combination, [key]: item })));
    }
    return combinations;
}
function readFileTests(reference, dir) {
    const file = reference.slice('file://'.length);
    if (/[*?{]/.test(file))
        return (0,dist/* globSync */.AZ)(file, { cwd: dir, onlyFiles: true }).sort().flatMap((match) => readFileTests(`file://${match}`, dir));
    const text = readText(dir, file);
    const extension = (0,external_node_path_.extname)(file).toLowerCase();
    if (extension === '.csv') {
        const rows = (0,sync/* parse */.qg)(text, { columns: true, skip_empty_lines: true, bom: true });
        return rows.map((row) => fromCsvRow(row, file));
    }
    if (extension === '.yaml' || extension === '.yml' || extension === '.json') {
        const parsed = (0,yaml_dist/* parse */.qg)(text);
        if (!Array.isArray(parsed))
            throw new TestsError(`${file} must hold a list of tests`);
        return parsed.map((test) => fromObject(test, ['tests'], file));
    }
    if (extension === '.jsonl')
        return text.split(/\r?\n/).filter((line) => line.trim()).map((line) => fromObject(JSON.parse(line), ['tests'], file));
    throw new TestsError(`tests file ${file}: EvalGate reads .csv, .yaml, .json and .jsonl tests (not ${extension || 'this file'})`);
}
/** The config's `tests:`: inline list, `file://` files (CSV with `__expected`, YAML, JSON; globs), or a mix. */
function readTests(value, dir) {
    if (value === undefined)
        throw new TestsError('`tests` is missing: EvalGate needs cases to evaluate');
    if (typeof value === 'string')
        return value.startsWith('file://') ? readFileTests(value, dir) : [];
    if (!Array.isArray(value))
        throw new TestsError('`tests` must be a list or a file:// reference');
    return value.flatMap((test, index) => (typeof test === 'string' && test.startsWith('file://') ? readFileTests(test, dir) : [fromObject(test, ['tests', index])]));
}
/** `defaultTest`: inline, or `file://defaults.yaml` holding the same mapping (vars, assert, options). */
function readDefaultTest(value, dir) {
    if (value === undefined)
        return { test: undefined };
    if (typeof value === 'string' && value.startsWith('file://')) {
        const file = value.slice('file://'.length);
        return { test: fromObject((0,yaml_dist/* parse */.qg)(readText(dir, file, 'defaultTest file')), ['defaultTest'], file), file };
    }
    return { test: fromObject(value, ['defaultTest']) };
}

;// CONCATENATED MODULE: ./src/suites/promptfoo/translate.ts









/** `promptfooconfig.yaml` (and `promptfooconfig.<name>.yaml`, `*.promptfoo.yaml`). */
const isPromptfooConfig = (file) => /(^|[\\/])promptfooconfig[\w.-]*\.(ya?ml|json)$/.test(file) || /\.promptfoo\.ya?ml$/.test(file);
const KNOWN_ERRORS = [UnsupportedAssertion, PromptError, ProviderError, TestsError, RefError];
/** Keys of the config EvalGate reads; the rest (sharing, output paths, env…) do not change scores. */
const UNREAD_SCORING_KEYS = {
    scenarios: '`scenarios` (tests × data combinations) is not supported — list the tests',
    derivedMetrics: '`derivedMetrics` (metrics computed from named scores) is not supported — each assert is its own metric',
    nunjucksFilters: 'custom `nunjucksFilters` are not supported — EvalGate renders prompts with its own template engine',
};
/**
 * A promptfoo config → EvalGate suite documents, one per prompt × provider, named
 * `<config>: <prompt label> × <provider id>` (just `<config>` without a matrix). Every path of a
 * translated suite maps back to its line in the config, so validation errors point there.
 */
function fromPromptfoo(source, cwd) {
    const fail = (message, path, fix) => {
        throw new errors/* ConfigError */.x(message, { file: source.file, line: source.lineOf(path) }, fix);
    };
    if (!(0,dict/* isDict */.Z)(source.value))
        return fail('a promptfoo config must be a YAML mapping (prompts, providers, tests)', []);
    const dir = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(cwd, source.file));
    const attempt = (read, path) => {
        try {
            return read();
        }
        catch (error) {
            if (!KNOWN_ERRORS.some((type) => error instanceof type))
                throw error;
            return fail(error.message, error instanceof ProviderError && error.index !== undefined ? [...path, error.index] : error instanceof RefError ? error.path : path);
        }
    };
    const config = attempt(() => dereference(source.value), []);
    for (const [key, message] of Object.entries(UNREAD_SCORING_KEYS))
        if (config[key] !== undefined)
            fail(message, [key]);
    const prompts = attempt(() => readPrompts(config.prompts ?? '{{prompt}}', dir), ['prompts']);
    const providers = attempt(() => readProviders(config.providers ?? config.targets, dir), [config.providers ? 'providers' : 'targets']);
    const { test: defaults, file: defaultsFile } = attempt(() => readDefaultTest(config.defaultTest, dir), ['defaultTest']);
    const tests = attempt(() => readTests(config.tests, dir), ['tests']);
    const translate = (assertion, grading, path, where) => {
        try {
            return toEvaluator(assertion, grading);
        }
        catch (error) {
            if (!(error instanceof UnsupportedAssertion))
                throw error;
            return fail(`${where}${error.message}`, [...path, error.field]);
        }
    };
    const defaultGrading = defaults?.grading ?? {};
    const evaluators = (defaults?.assert ?? []).map((assertion, index) => translate(assertion, defaultGrading, defaultsFile ? ['defaultTest'] : ['defaultTest', 'assert', index], defaultsFile ? `${defaultsFile}: assert ${index + 1}: ` : ''));
    const origins = [];
    const expanded = tests.flatMap((test, index) => {
        const combinations = attempt(() => expandVars({ ...defaults?.vars, ...test.vars }, dir), test.path);
        const grading = { ...defaultGrading, ...test.grading };
        const asserts = test.assert.map((assertion, assertIndex) => translate(assertion, grading, test.file ? test.path : [...test.path, 'assert', assertIndex], test.file ? `${test.file}: test ${index + 1}: ` : ''));
        return combinations.map((vars) => {
            origins.push({ test, index });
            return { vars, asserts, description: test.description };
        });
    });
    const named = uniqueNames(evaluators, expanded.map((test) => test.asserts));
    const descriptions = expanded.map((test) => test.description);
    const unique = (description) => description !== undefined && descriptions.filter((other) => other === description).length === 1;
    const suiteCases = expanded.map((test, index) => {
        const asserts = named.cases[index] ?? [];
        return { ...(unique(test.description) && !('id' in test.vars) ? { id: test.description } : {}), ...test.vars, ...(asserts.length ? { assert: asserts } : {}) };
    });
    const configName = typeof config.description === 'string' ? config.description : (0,external_node_path_.basename)(source.file).replace(/\.(ya?ml|json)$/, '');
    const matrix = prompts.length * providers.length > 1;
    const providerLabels = distinctLabels(providers.map((provider) => provider.id));
    const promptLabels = distinctLabels(prompts.map((prompt) => prompt.label));
    return prompts.flatMap((prompt, promptIndex) => providers.map((provider, providerIndex) => {
        const flow = attempt(() => provider.flow(prompt), ['providers', provider.index]);
        const name = matrix ? `${configName}: ${promptLabels[promptIndex]} × ${providerLabels[providerIndex]}` : configName;
        const value = { name, flow, cases: suiteCases, ...(named.suite.length ? { evaluators: named.suite } : {}) };
        return { file: source.file, value, lineOf: (path) => source.lineOf(translate_originalPath(path, provider.index, origins)) };
    }));
}
/** Labels that repeat (the same provider twice, e.g. at two temperatures) get ` #2`, ` #3`… by position. */
function distinctLabels(labels) {
    return labels.map((label, index) => {
        const before = labels.slice(0, index).filter((other) => other === label).length;
        return before === 0 ? label : `${label} #${before + 1}`;
    });
}
/** Where a path of a translated suite came from in the config. */
function translate_originalPath(path, providerIndex, origins) {
    const [head, index, ...rest] = path;
    if (head === 'flow')
        return ['providers', providerIndex];
    if (head === 'evaluators')
        return ['defaultTest', 'assert', ...(index === undefined ? [] : [index])];
    if (head === 'cases' && typeof index === 'number') {
        const test = origins[index]?.test;
        if (!test || test.file)
            return ['tests'];
        return rest[0] === 'assert' ? [...test.path, 'assert', ...rest.slice(1, 2)] : test.path;
    }
    return [];
}

;// CONCATENATED MODULE: ./src/suites/openai-evals/templates.ts
/** Raised for a testing criterion EvalGate cannot honour exactly; the translator adds file:line and the criterion. */
class UnsupportedCriterion extends Error {
    fix;
    constructor(message, fix) {
        super(message);
        this.fix = fix;
    }
}
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/**
 * An OpenAI Evals template → an EvalGate one: `{{item.x}}` reads the case's `item`,
 * `{{sample.output_text}}` is the flow's answer (`{{ output }}`). Anything else
 * (`sample.output_json`, `sample.choices`, Jinja tags) is refused rather than guessed.
 */
function translateTemplate(text, where) {
    if (/\{%|\{#/.test(text))
        throw new UnsupportedCriterion(`${where} uses a template tag ({% … %} or {# … #})`, 'use only {{ item.<field> }} and {{ sample.output_text }} placeholders');
    return text.replace(PLACEHOLDER, (_, name) => {
        if (name === 'sample.output_text')
            return '{{ output }}';
        if (/^item(\.[A-Za-z_]\w*)+$/.test(name))
            return `{{ ${name} }}`;
        throw new UnsupportedCriterion(`${where} uses {{ ${name} }}`, 'EvalGate maps {{ item.<field> }} (the data row) and {{ sample.output_text }} (the answer under test); other sample fields are not produced');
    });
}
/** `{{ sample.output_text }}` alone (what a grader's `input` must be for EvalGate to grade the answer). */
const isAnswer = (text) => typeof text === 'string' && /^\s*\{\{\s*sample\.output_text\s*\}\}\s*$/.test(text);
/** A reference: literal text, or exactly one `{{ item.a.b }}` → the path `['a', 'b']` under item. */
function readReference(text, where) {
    if (typeof text !== 'string')
        throw new UnsupportedCriterion(`${where} must be a string`, 'write the reference as text or {{ item.<field> }}');
    const single = /^\s*\{\{\s*item((?:\.[A-Za-z_]\w*)+)\s*\}\}\s*$/.exec(text);
    if (single?.[1])
        return { path: single[1].slice(1).split('.') };
    if (/\{\{|\{%|\{#/.test(text))
        throw new UnsupportedCriterion(`${where} mixes text and placeholders ("${text}")`, 'use literal text or exactly one {{ item.<field> }}');
    return { literal: text };
}

;// CONCATENATED MODULE: ./src/suites/openai-evals/graders.ts


/** The testing-criterion types EvalGate runs, for messages and docs. */
const SUPPORTED_GRADERS = ['string_check (eq, ne, like, ilike)', 'label_model', 'score_model (integer range spanning ≥ 2)', 'python'];
const refuse = (message, fix) => {
    throw new UnsupportedCriterion(message, fix);
};
/** `string_check` eq/ne compare exactly (no trimming), so they run as JavaScript; like/ilike are substring checks. */
function stringCheck(grader) {
    if (!isAnswer(grader.input))
        refuse('`input` must be {{ sample.output_text }}', 'EvalGate grades the answer under test; compare data fields in the data file instead');
    const reference = readReference(grader.reference, '`reference`');
    const expected = 'literal' in reference ? reference.literal : `{{ item.${reference.path.join('.')} }}`;
    const exact = 'literal' in reference ? JSON.stringify(reference.literal) : `String(context.vars.item${reference.path.map((key) => `[${JSON.stringify(key)}]`).join('')})`;
    switch (grader.operation) {
        case 'eq':
            return { metric: 'javascript', code: `output === ${exact}` };
        case 'ne':
            return { metric: 'javascript', code: `output !== ${exact}` };
        case 'like':
            return { metric: 'contains', expected };
        case 'ilike':
            return { metric: 'icontains', expected };
        default:
            return refuse(`operation ${JSON.stringify(grader.operation)} is not one of eq, ne, like, ilike`, 'use one of the four string_check operations');
    }
}
const NEAREST = { fuzzy_match: 'levenshtein', bleu: 'bleu', rouge_l: 'rouge-l', cosine: 'similarity' };
function textSimilarity(grader) {
    const metric = String(grader.evaluation_metric);
    const nearest = NEAREST[metric];
    return refuse(`text_similarity (${metric}) is not supported: EvalGate has no metric that scores exactly like OpenAI's ${metric}, and a gate on a different number would promise something else`, nearest ? `write an EvalGate suite with \`metric: ${nearest}\` (expected: "{{ item.<field> }}") and set its threshold on EvalGate's scores` : 'write an EvalGate suite with a metric of your choice (bleu, rouge-l, levenshtein, similarity)');
}
/** The grader's messages as one judge prompt (string contents only; images and audio are refused). */
function judgePrompt(input) {
    if (!Array.isArray(input) || input.length === 0)
        return refuse('`input` must be a list of messages', 'give the judge prompt as [{ role, content }]');
    return input
        .map((message, index) => {
        const content = (0,dict/* isDict */.Z)(message) ? message.content : undefined;
        const text = typeof content === 'string' ? content : (0,dict/* isDict */.Z)(content) && content.type === 'input_text' && typeof content.text === 'string' ? content.text : undefined;
        if (text === undefined)
            return refuse(`input[${index}] has no text content (images, audio and content lists are not supported)`, 'give each judge message a string content');
        return translateTemplate(text, `input[${index}].content`);
    })
        .join('\n\n');
}
function graders_judgeModel(grader) {
    if (typeof grader.model !== 'string' || !grader.model)
        refuse('`model` is missing', 'name the judge model, e.g. "gpt-4o-mini"');
    if ((0,dict/* isDict */.Z)(grader.sampling_params) && Object.values(grader.sampling_params).some((value) => value !== null && value !== undefined)) {
        refuse('`sampling_params` are not supported (EvalGate judges use their own fixed parameters)', 'remove sampling_params');
    }
    return { 'judge-model': grader.model };
}
function labelModel(grader) {
    const labels = grader.labels;
    const passing = grader.passing_labels;
    if (!Array.isArray(labels) || labels.length < 2 || !labels.every((label) => typeof label === 'string'))
        refuse('`labels` must list at least two labels', 'e.g. labels: ["correct", "incorrect"]');
    if (!Array.isArray(passing) || passing.length === 0 || !passing.every((label) => labels.includes(label))) {
        refuse('`passing_labels` must be a non-empty subset of `labels`', 'list which labels pass');
    }
    const choices = Object.fromEntries(labels.map((label) => [label, passing.includes(label) ? 1 : 0]));
    return { metric: 'rubric', prompt: judgePrompt(grader.input), choices, threshold: 1, ...graders_judgeModel(grader) };
}
function scoreModel(grader) {
    const [min, max] = Array.isArray(grader.range) ? grader.range : [0, 1];
    if (typeof min !== 'number' || typeof max !== 'number' || !Number.isInteger(min) || !Number.isInteger(max) || max - min < 2) {
        refuse(`range ${JSON.stringify(grader.range ?? [0, 1])} is not supported: EvalGate's numeric judge answers an integer on the range, so a range spanning less than 2 would turn a score into pass/fail`, 'give an integer range such as [0, 10] (and scale pass_threshold with it), or use a label_model grader');
    }
    const low = min;
    const high = max;
    const threshold = grader.pass_threshold;
    if (threshold !== undefined && (typeof threshold !== 'number' || threshold < low || threshold > high))
        refuse(`pass_threshold must be a number in [${low}, ${high}]`, 'set it inside the range');
    return {
        metric: 'rubric',
        prompt: judgePrompt(grader.input),
        scale: [low, high],
        ...(typeof threshold === 'number' ? { threshold: (threshold - low) / (high - low) } : {}),
        ...graders_judgeModel(grader),
    };
}
/** OpenAI's python grader defines grade(sample, item) → float; EvalGate's python metric calls it with the answer and the row's item. */
function python(grader) {
    const source = grader.source;
    if (typeof source !== 'string' || !/^\s*def\s+grade\s*\(/m.test(source))
        refuse('`source` must define grade(sample, item)', 'define def grade(sample, item) -> float');
    if (/\{\{|\{%|\{#/.test(source))
        refuse('`source` contains {{, {% or {#, which EvalGate would read as template syntax', 'write those characters differently (e.g. "{" + "{"), or move the grader into a .py file used by an EvalGate suite');
    const code = `${source}\nreturn float(grade({"output_text": output}, context["vars"]["item"]))`;
    return { metric: 'python', code, ...(typeof grader.pass_threshold === 'number' ? { threshold: grader.pass_threshold } : {}) };
}
const BUILDERS = { string_check: stringCheck, text_similarity: textSimilarity, label_model: labelModel, score_model: scoreModel, python };
/** One entry of `testing_criteria` → an EvalGate evaluator, or UnsupportedCriterion saying why not. */
function graders_toEvaluator(grader) {
    if (!(0,dict/* isDict */.Z)(grader) || typeof grader.type !== 'string')
        return refuse('a testing criterion needs a `type`', `EvalGate runs ${SUPPORTED_GRADERS.join(', ')}`);
    if (grader.type === 'multi') {
        return refuse('multi graders are not supported: EvalGate gates each metric on its own and does not compute calculate_output formulas', 'list the inner graders as separate testing_criteria');
    }
    const build = BUILDERS[grader.type];
    if (!build)
        return refuse(`grader type "${grader.type}" is not supported`, `EvalGate runs ${SUPPORTED_GRADERS.join(', ')}`);
    const name = typeof grader.name === 'string' ? grader.name.replace(/[^\w.-]+/g, '-').replace(/^[^A-Za-z]+/, '') : '';
    return { ...(name ? { name } : {}), ...build(grader) };
}

;// CONCATENATED MODULE: ./src/suites/openai-evals/translate.ts






/** The eval object the OpenAI Evals API returns (`object: "eval"` with `testing_criteria`). */
const isOpenAiEval = (value) => (0,dict/* isDict */.Z)(value) && value.object === 'eval' && Array.isArray(value.testing_criteria);
/** The data convention: `eval.json` runs over the rows of `eval.jsonl` next to it. */
const dataFileOf = (file) => file.replace(/\.json$/i, '') + '.jsonl';
/** Replays the row's recorded answer (`sample.output_text`) when the eval names no model. */
const REPLAY = "const v=JSON.parse(require('node:fs').readFileSync(0,'utf8')||'{}');process.stdout.write(JSON.stringify({output:v.sample.output_text}));";
/** Every row is `{ id?, item: {...}, sample?: { output_text } }`; a replayed eval needs every sample and an id. */
function checkRows(dataFile, cwd, replay) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(cwd, dataFile), 'utf8');
    }
    catch {
        throw new errors/* ConfigError */.x(`no data file ${dataFile}`, { file: dataFile }, `put the eval's rows next to it as ${(0,external_node_path_.basename)(dataFile)}, one { "item": { … } } per line`);
    }
    text.split(/\r?\n/).forEach((line, index) => {
        if (!line.trim())
            return;
        const where = { file: dataFile, line: index + 1 };
        let row;
        try {
            row = JSON.parse(line);
        }
        catch {
            throw new errors/* ConfigError */.x('this line is not JSON', where, 'write one JSON object per line: { "item": { … } }');
        }
        if (!(0,dict/* isDict */.Z)(row) || !(0,dict/* isDict */.Z)(row.item))
            throw new errors/* ConfigError */.x('a row must be { "item": { … } } (optionally with "sample")', where, 'wrap the row\'s fields in "item", as the OpenAI Evals API expects');
        if (replay && !((0,dict/* isDict */.Z)(row.sample) && typeof row.sample.output_text === 'string')) {
            throw new errors/* ConfigError */.x('this row has no sample.output_text, and the eval names no model to produce one', where, 'add "sample": { "output_text": "…" } to every row, or set metadata.model in the eval to run a model on {{ item.input }}');
        }
        if (replay && typeof row.id !== 'string' && typeof row.id !== 'number') {
            throw new errors/* ConfigError */.x('a replayed row needs an "id": without one its identity is a hash of the row, recorded answer included, so a changed answer would be a new case with nothing to compare', where, 'add "id": "<stable name>" to every row');
        }
    });
}
/** The flow under test: `metadata.model` answering `{{ item.input }}`, else the rows' recorded samples. */
function flowOf(evalObject) {
    const model = (0,dict/* isDict */.Z)(evalObject.metadata) ? evalObject.metadata.model : undefined;
    if (typeof model === 'string' && model)
        return { kind: 'prompt', model, messages: [{ role: 'user', content: '{{ item.input }}' }] };
    return { kind: 'command', command: ['node', '-e', REPLAY] };
}
/**
 * An OpenAI eval object (+ its `<name>.jsonl` rows) → an EvalGate suite document. Every testing
 * criterion becomes an evaluator or a ConfigError naming it, why, and what to do.
 */
function fromOpenAiEval(source, cwd) {
    const evalObject = source.value;
    const sourceType = (0,dict/* isDict */.Z)(evalObject.data_source_config) ? evalObject.data_source_config.type : undefined;
    if (sourceType !== undefined && sourceType !== 'custom') {
        throw new errors/* ConfigError */.x(`data_source_config type "${String(sourceType)}" is not supported: its rows live in OpenAI's stored completions or logs, not in a file EvalGate can read`, { file: source.file, line: source.lineOf(['data_source_config', 'type']) }, 'export the rows to eval.jsonl ({ "item": { … } } per line) and set data_source_config.type to "custom"');
    }
    const flow = flowOf(evalObject);
    const criteria = evalObject.testing_criteria;
    if (criteria.length === 0)
        throw new errors/* ConfigError */.x('the eval has no testing_criteria', { file: source.file, line: source.lineOf(['testing_criteria']) }, 'add at least one grader');
    const evaluators = criteria.map((criterion, index) => {
        try {
            return graders_toEvaluator(criterion);
        }
        catch (error) {
            if (!(error instanceof UnsupportedCriterion))
                throw error;
            const label = (0,dict/* isDict */.Z)(criterion) ? ` ("${String(criterion.name)}", ${String(criterion.type)})` : '';
            throw new errors/* ConfigError */.x(`testing_criteria[${index}]${label}: ${error.message}`, { file: source.file, line: source.lineOf(['testing_criteria', index]) }, error.fix);
        }
    });
    const dataFile = dataFileOf(source.file);
    checkRows(dataFile, cwd, flow.kind === 'command');
    const name = typeof evalObject.name === 'string' && evalObject.name ? evalObject.name : (0,external_node_path_.basename)(source.file).replace(/\.json$/i, '');
    const value = { name, flow, data: (0,external_node_path_.basename)(dataFile), evaluators };
    const lineOf = (path) => {
        const [head, index] = path;
        if (head === 'evaluators' && typeof index === 'number')
            return source.lineOf(['testing_criteria', index]);
        if (head === 'flow')
            return source.lineOf(['metadata', 'model']);
        return source.lineOf([]);
    };
    return { file: source.file, value, lineOf };
}

// EXTERNAL MODULE: ./src/core/template/errors.ts
var template_errors = __webpack_require__(5815);
;// CONCATENATED MODULE: ./src/suites/check-templates.ts






const caseLocation = (testCase) => ({ file: testCase.source.file, ...(testCase.source.line ? { line: testCase.source.line } : {}) });
const fieldsOf = (testCase) => Object.keys(testCase.vars).join(', ') || 'none';
function missing(error, testCase, where, suiteFile, plus = '') {
    const what = error.variable ? `uses {{ ${error.variable} }}, which is not defined for this case (fields: ${fieldsOf(testCase)}${plus})` : error.message;
    return new errors/* ConfigError */.x(`case "${testCase.id}": ${where} ${what}`, caseLocation(testCase), `add "${error.variable?.split(/[.[]/)[0] ?? 'the field'}" to every case or fix the template in ${suiteFile}`);
}
/** The flow kind's templates for one case, then its own checks (a Prompty body rendered strictly). */
function checkFlow(suite, testCase) {
    const kind = flowKind(suite.flow.kind);
    for (const template of kind?.templates(suite.flow) ?? []) {
        try {
            (0,engine/* renderValue */.AI)(template.value, testCase.vars);
        }
        catch (error) {
            if (!(error instanceof template_errors/* TemplateError */.$))
                throw error;
            throw missing(error, testCase, template.where, suite.file);
        }
    }
    kind?.checkCase?.(suite.flow, testCase);
}
/** Every evaluator's option templates, then the metric's own check (a rubric's prompt and file). */
function checkEvaluators(suite, testCase) {
    const reportsContext = flowKind(suite.flow.kind)?.reportsContext?.(suite.flow) ?? false;
    const scoring = { ...testCase.vars, output: '', ...(reportsContext ? { context: '' } : {}) };
    const plus = `, plus output${reportsContext ? ', context' : ''}`;
    for (const evaluator of suite.evaluators) {
        const options = optionsFor(evaluator, testCase.id);
        if (!options)
            continue;
        const metric = (0,registry/* findMetric */.GF)(evaluator.metric);
        const where = `evaluator "${evaluator.name}"`;
        try {
            const rendered = (0,engine/* renderValue */.AI)((0,registry/* templatedOptions */.x4)(metric, options), testCase.vars);
            metric?.checkCase?.({ ...options, ...rendered }, scoring, suite.dir);
        }
        catch (error) {
            if (error instanceof template_errors/* TemplateError */.$)
                throw missing(error, testCase, where, suite.file, plus);
            if (!(error instanceof errors/* ConfigError */.x))
                throw error;
            if (error.location.file)
                throw new errors/* ConfigError */.x(`${error.message} for case "${testCase.id}" (${where}; fields: ${fieldsOf(testCase)}${plus})`, error.location, error.hint);
            throw new errors/* ConfigError */.x(`${where}: ${error.message}`, { file: suite.file }, error.hint);
        }
    }
}
/**
 * Renders every template against every case once at load time, so a missing variable is a
 * configuration error naming the case — never an empty string in a prompt at run time.
 */
function checkTemplates(suite) {
    for (const testCase of suite.cases) {
        checkFlow(suite, testCase);
        checkEvaluators(suite, testCase);
    }
}

;// CONCATENATED MODULE: ./src/suites/request-headers.ts



const REFERENCE = /\$\{env:([^}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The runner's and EvalGate's own credentials: never sent on, whatever a suite file asks. */
const REFUSED = /^(INPUT_|ACTIONS_|RUNNER_)|^(GITHUB_TOKEN|GH_TOKEN)$/i;
const request_headers_HINT = 'write e.g. `x-portkey-api-key: ${env:PORTKEY_API_KEY}` and set PORTKEY_API_KEY in the step’s `env:` (from a secret)';
const request_headers_location = (spec) => ({ file: spec.file, ...(spec.line ? { line: spec.line } : {}) });
/** Load time: names and `${env:NAME}` references well formed, no refused variable (nothing is read yet). */
function checkHeaderSpec(spec) {
    for (const [name, value] of Object.entries(spec.values)) {
        const where = `${spec.key}.${name}`;
        try {
            checkHeader(name, value.replace(REFERENCE, 'x'), where, request_headers_HINT);
        }
        catch (error) {
            throw new errors/* ConfigError */.x(error.message, request_headers_location(spec), error.hint ?? request_headers_HINT);
        }
        for (const [, variable = ''] of value.matchAll(REFERENCE)) {
            if (!NAME.test(variable))
                throw new errors/* ConfigError */.x(`${where}: \${env:${variable}} does not name an environment variable`, request_headers_location(spec), request_headers_HINT);
            if (REFUSED.test(variable))
                throw new errors/* ConfigError */.x(`${where}: \${env:${variable}} is the runner's or EvalGate's own credential, which a suite cannot send on`, request_headers_location(spec), 'give the gateway its own key in a variable of its own');
        }
    }
}
/**
 * Run time: every `${env:NAME}` replaced by the variable's value (an unset or empty one is a
 * configuration error naming the variable, never a value), and every resulting value registered
 * as a secret: masked in results, the comment, the summary and the log.
 */
function resolveHeaders(spec, env) {
    if (!spec)
        return undefined;
    const resolved = {};
    for (const [name, value] of Object.entries(spec.values)) {
        resolved[name] = value.replace(REFERENCE, (_, variable) => {
            const found = env[variable];
            if (found === undefined || found === '')
                throw new errors/* ConfigError */.x(`${spec.key}.${name}: \${env:${variable}} is not set`, request_headers_location(spec), `set ${variable} in the environment (in a workflow: the step's \`env:\`, from a secret)`);
            return found;
        });
        checkHeader(name, resolved[name], `${spec.key}.${name}`, request_headers_HINT);
        (0,secrets/* registerSecret */.cl)(resolved[name]);
    }
    return resolved;
}

;// CONCATENATED MODULE: ./src/suites/schema.ts


/** `allOf` must not be empty: a scope naming nothing known has no branches (its `enum` reports it). */
const nonEmptyAllOf = (branches) => (branches.length ? { allOf: branches } : {});
/** `headers:` of a model-calling flow or of the judges: sent on their model requests, over the run's. */
const modelHeadersSchema = (whose) => ({
    type: 'object',
    additionalProperties: { type: 'string', minLength: 1 },
    description: `Extra headers on the ${whose === 'flow' ? "flow's" : "judges' (and embeddings' and moderation's)"} model requests, over the run's \`headers\` input / \`--header\` (a gateway's key or config). A value may read \`\${env:NAME}\`; every value is masked as a secret.`,
});
/** One `if kind = … then its schema` branch per flow kind, from the registry. */
function flowSchemas(scope) {
    return FLOW_KINDS.filter((kind) => !scope || scope.kinds.includes(kind.kind)).map((kind) => ({
        if: { properties: { kind: { const: kind.kind } } },
        then: {
            description: kind.description,
            required: [...kind.schema.required],
            properties: { kind: true, ...kind.schema.properties, ...(kind.modelHeaders ? { headers: modelHeadersSchema('flow') } : {}) },
            additionalProperties: false,
        },
    }));
}
function evaluatorSchema(scope) {
    const metrics = (0,registry/* listMetrics */.u7)();
    return {
        type: 'object',
        required: ['metric'],
        properties: {
            metric: { enum: metrics.map((metric) => metric.name), description: 'Which metric scores the output.' },
            name: { type: 'string', pattern: '^[A-Za-z][\\w.-]*$', description: 'Key in the gate and reports (default: the metric name).' },
            threshold: { type: 'number', description: "Per-case pass mark on the metric's scale (overrides the metric's default)." },
            weight: { type: 'number', minimum: 0, description: '0: report only (promptfoo weight); every evaluator is gated on its own.' },
        },
        ...nonEmptyAllOf(metrics.filter((metric) => !scope || scope.metrics.includes(metric.name)).map((metric) => ({
            if: { properties: { metric: { const: metric.name } } },
            then: {
                description: metric.description,
                required: [...metric.requires],
                properties: {
                    metric: true,
                    name: true,
                    threshold: true,
                    weight: true,
                    'judge-model': metric.needs === 'chat' ? { type: 'string' } : false,
                    ...metric.optionsSchema,
                },
                additionalProperties: false,
            },
        }))),
    };
}
const METRIC_GATE = {
    type: 'object',
    additionalProperties: false,
    properties: {
        min: { type: 'number', description: "Absolute floor on the PR's score (0–1 for quality metrics)." },
        max: { type: 'number', description: "Absolute ceiling on the PR's value of a lower-is-better metric (e.g. pii defect rate)." },
        tolerance: { type: 'number', minimum: 0, description: 'Smallest drop worth failing for.' },
        gate: { type: 'boolean', description: 'false: report only, never fail.' },
        primary: { type: 'boolean', description: "true: a primary metric — the primary metrics of the PR share 80 % of the error budget, so a drop in one keeps most of a lone test's power." },
    },
};
/** The JSON Schema of a suite file (shipped as schema/suite.schema.json for editors); `scope` narrows it to what one document names. */
function suiteSchema(scope) {
    return {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'https://evalgate.dev/schema/suite.schema.json',
        title: 'EvalGate suite',
        type: 'object',
        required: ['flow'],
        additionalProperties: false,
        properties: {
            name: { type: 'string', minLength: 1 },
            description: { type: 'string' },
            flow: {
                type: 'object',
                required: ['kind'],
                properties: { kind: { enum: FLOW_KINDS.map((kind) => kind.kind), description: 'Which kind of system under test.' } },
                ...nonEmptyAllOf(flowSchemas(scope)),
            },
            data: { type: 'string', pattern: '\\.(jsonl|csv|ya?ml|json)$', description: 'Cases file relative to the suite.' },
            cases: {
                type: 'array',
                items: { type: 'object', properties: { assert: { type: 'array', items: { $ref: '#/$defs/evaluator' }, description: 'Evaluators for this case only (same shape as `evaluators:`).' } } },
                description: 'Inline cases (instead of `data`).',
            },
            evaluators: { type: 'array', items: { $ref: '#/$defs/evaluator' }, description: 'Evaluators scoring every case (cases may add their own with `assert:`).' },
            gate: {
                type: 'object',
                properties: {
                    alpha: { type: 'number', exclusiveMinimum: 0, maximum: 0.5, description: 'Family-wise error rate (default 0.05).' },
                    tolerance: { type: 'number', minimum: 0, description: 'Smallest drop worth failing for (default 0.05).' },
                    sequential: { type: 'boolean', description: "false: a pull request runs every case of this suite (default: the run's `sequential` setting, on — a PR stops once the verdict is known). Read from the default branch: a PR may turn it off, not on." },
                },
                additionalProperties: METRIC_GATE,
            },
            repeat: { type: 'integer', minimum: 1, maximum: 100, description: 'Samples per case, averaged (default 1).' },
            cache: { type: 'boolean', description: "Serve the flow's model answers from the response cache when the request is unchanged (default false; judges are always cached)." },
            judge: {
                type: 'object',
                additionalProperties: false,
                properties: { headers: modelHeadersSchema('judge') },
                description: "Settings of the suite's judges (model-graded metrics, embeddings, moderation).",
            },
            mode: { enum: ['online', 'batch'], description: "batch: send the flow's chat calls through the OpenAI Batch API (half price; for large scheduled runs)." },
        },
        oneOf: [{ required: ['data'] }, { required: ['cases'] }],
        $defs: { evaluator: evaluatorSchema(scope) },
    };
}

;// CONCATENATED MODULE: ./src/suites/validate.ts






const compiled = new Map();
const metricOf = (evaluator) => evaluator?.metric;
/** The flow kind and metrics a suite document names (its evaluators and its cases' asserts). */
function scopeOf(doc) {
    const value = (doc ?? {});
    const evaluators = [value.evaluators, ...(Array.isArray(value.cases) ? value.cases.map((testCase) => testCase?.assert) : [])].flatMap((list) => (Array.isArray(list) ? list : []));
    const names = (values) => [...new Set(values.filter((name) => typeof name === 'string'))].sort();
    return { kinds: names([value.flow?.kind]), metrics: names(evaluators.map(metricOf)) };
}
/** The validator of the schema narrowed to what the document names, compiled once per scope. */
function validator(doc) {
    const scope = scopeOf(doc);
    const key = JSON.stringify(scope);
    let validate = compiled.get(key);
    if (!validate) {
        // Compiling is most of a run's start-up work. The schema is ours, not the user's: checking it
        // against JSON Schema's meta-schema (the whole shipped schema is, in
        // tests/suites/schema-file.test.ts) would cost every run ~0.1 s, and ajv's optimising pass
        // over the generated code costs more than it saves on the few documents a run validates.
        validate = new _2020.Ajv2020({ allErrors: true, strict: false, validateSchema: false, code: { optimize: false } }).compile(suiteSchema(scope));
        compiled.set(key, validate);
    }
    return validate;
}
function describe(error) {
    const params = error.params;
    switch (error.keyword) {
        case 'enum':
            return `must be one of ${params.allowedValues.join(', ')}`;
        case 'additionalProperties':
            return `has an unknown key "${String(params.additionalProperty)}"`;
        case 'required':
            return `is missing "${String(params.missingProperty)}"`;
        case 'false schema':
            return 'is not an option here';
        default:
            return error.message ?? 'is invalid';
    }
}
/** The most useful error: deepest path first, skipping the if/oneOf wrappers. */
function pick(errors) {
    const useful = errors.filter((error) => !['if', 'oneOf', 'anyOf', 'allOf'].includes(error.keyword));
    return [...useful].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length)[0];
}
function checkMetricNames(source, evaluators) {
    if (!Array.isArray(evaluators))
        return;
    const known = (0,registry/* listMetrics */.u7)().map((metric) => metric.name);
    evaluators.forEach((evaluator, index) => {
        const metric = metricOf(evaluator);
        if (typeof metric === 'string' && !known.includes(metric)) {
            const close = (0,edit_distance/* closestName */.N)(metric, known);
            throw new errors/* ConfigError */.x(`unknown metric "${metric}"`, { file: source.file, line: source.lineOf(['evaluators', index, 'metric']) }, close ? `did you mean "${close}"?` : `known metrics: ${known.join(', ')}`);
        }
    });
}
function validateSuiteDocument(source) {
    const validate = validator(source.value);
    if (validate(source.value))
        return;
    const error = pick(validate.errors ?? []);
    if (!error)
        throw new errors/* ConfigError */.x('does not match the suite schema', { file: source.file }, 'see schema/suite.schema.json');
    const path = (0,yaml_source/* pointerToPath */.o)(error.instancePath);
    const where = path.length ? path.join('.') : 'the suite';
    throw new errors/* ConfigError */.x(`${where} ${describe(error)}`, { file: source.file, line: source.lineOf(path) }, 'see schema/suite.schema.json');
}

;// CONCATENATED MODULE: ./src/suites/load.ts

















async function loadSuites(patterns, options) {
    const files = (await (0,dist/* glob */.TI)([...patterns], { cwd: options.cwd, onlyFiles: true })).sort();
    if (files.length === 0) {
        throw new errors/* ConfigError */.x(`no suite files match ${patterns.join(', ')}`, {}, `suites are *.eval.yaml or GitHub *.prompt.yml files (looked in ${options.cwd})`);
    }
    const suites = [];
    const skipped = [];
    for (const file of files) {
        try {
            suites.push(...(await loadSuiteFile(file, options.cwd, options.modelOverride ? { modelOverride: options.modelOverride } : {})));
        }
        catch (error) {
            if (!(error instanceof PromptOnlyFile))
                throw error;
            skipped.push(file);
            options.log?.(error.format());
        }
    }
    if (suites.length === 0) {
        throw new errors/* ConfigError */.x(`no suites to run: ${skipped.join(', ')} ${skipped.length === 1 ? 'is a prompt file' : 'are prompt files'} without testData`, {}, 'add testData and evaluators to a .prompt.yml to evaluate it');
    }
    const names = new Map();
    for (const suite of suites) {
        const other = names.get(suite.name);
        if (other)
            throw new errors/* ConfigError */.x(`suite name "${suite.name}" is also used by ${other}`, { file: suite.file }, 'set a unique `name:`');
        names.set(suite.name, suite.file);
    }
    return suites;
}
/** One file → its suites: a promptfoo config gives one per prompt × provider, any other file one (an OpenAI eval .json too). */
async function loadSuiteFile(file, cwd, context = {}) {
    if (/\.json$/i.test(file) && !isPromptfooConfig(file)) {
        const parsed = (0,yaml_source/* parseYaml */.h)(await readSuiteText(file, cwd), file);
        if (isOpenAiEval(parsed.value))
            return [await suiteFromSource(fromOpenAiEval(parsed, cwd), cwd, context)];
    }
    if (!isPromptfooConfig(file))
        return [await loadSuite(file, cwd, context)];
    const parsed = (0,yaml_source/* parseYaml */.h)(await readSuiteText(file, cwd), file);
    return Promise.all(fromPromptfoo(parsed, cwd).map((source) => suiteFromSource(source, cwd, context)));
}
function readSuiteText(file, cwd) {
    return (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, file), 'utf8').catch((error) => {
        throw new errors/* ConfigError */.x(`cannot read the suite file (${error.code ?? error.message})`, { file }, 'check the file’s permissions');
    });
}
async function loadSuite(file, cwd, context = {}) {
    const parsed = (0,yaml_source/* parseYaml */.h)(await readSuiteText(file, cwd), file);
    return suiteFromSource(isPromptYml(file) ? fromPromptYml(parsed) : parsed, cwd, context);
}
async function suiteFromSource(source, cwd, context) {
    const file = source.file;
    const path = (0,external_node_path_.resolve)(cwd, file);
    const doc = source.value;
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new errors/* ConfigError */.x('a suite must be a YAML mapping (name, flow, data, evaluators, gate)', { file, line: 1 }, 'start from the example suite in docs/suites.md');
    }
    if ((doc.data === undefined) === (doc.cases === undefined)) {
        const hint = looksLikePromptYml(doc)
            ? 'this looks like a GitHub prompt file (model, messages, testData): name it *.prompt.yml to run it as one'
            : 'point `data:` at a cases file (.jsonl, .csv, .yaml) or list the cases under `cases:`';
        throw new errors/* ConfigError */.x('a suite needs exactly one of `data:` (a cases file) or `cases:` (inline)', { file, line: 1 }, hint);
    }
    checkMetricNames(source, doc.evaluators);
    validateSuiteDocument(source);
    const dir = (0,external_node_path_.dirname)(path);
    const evaluators = normaliseEvaluators(doc.evaluators ?? [], source);
    const { headers: flowHeaders, ...flowDoc } = doc.flow;
    const kind = flowKind(flowDoc.kind);
    if (!kind)
        throw new errors/* ConfigError */.x(`unknown flow kind ${JSON.stringify(flowDoc.kind)}`, { file, line: source.lineOf(['flow', 'kind']) }, 'see the flow kinds in docs/suites.md');
    const flow = (await kind.normalise(kind.modelHeaders ? flowDoc : doc.flow, { file, line: source.lineOf(['flow']), dir, cwd, ...context }));
    const headers = suiteHeaders(kind.modelHeaders ? flowHeaders : undefined, doc.judge?.headers, source);
    const written = typeof doc.data === 'string'
        ? await readDataFile(doc.data, dir, file, source.lineOf(['data']), cwd)
        : inlineCases(doc.cases, file, (index) => source.lineOf(['cases', index]));
    const { cases, evaluators: perCase } = caseEvaluators(written, evaluators);
    evaluators.push(...perCase);
    if (evaluators.length === 0)
        throw new errors/* ConfigError */.x('the suite has no evaluators', { file, line: 1 }, 'add `evaluators:` (or an `assert:` list to cases)');
    if (cases.length === 0)
        throw new errors/* ConfigError */.x('the suite has no cases', { file, line: source.lineOf(['data']) }, 'add at least one case');
    const repeat = doc.repeat ?? DEFAULTS.repeat;
    const suite = {
        name: doc.name ?? (0,external_node_path_.basename)(file).replace(/\.eval\.ya?ml$/, ''),
        file,
        dir,
        flow,
        cases,
        evaluators,
        gate: normaliseGate(doc.gate, evaluators, source),
        repeat,
        cache: doc.cache === true,
        mode: doc.mode === 'batch' ? 'batch' : 'online',
        ...(headers.flow || headers.judge ? { headers } : {}),
        hash: (0,hash/* sha256 */.sc)((0,hash/* canonicalJson */.dj)({ flow, evaluators, repeat, ...headerValues(headers) })).slice(0, 16),
    };
    checkTemplates(suite);
    return suite;
}
/** `flow.headers` and `judge.headers`, checked (their `${env:}` references are read when the run starts). */
function suiteHeaders(flow, judge, source) {
    const spec = (values, path) => {
        if (values === undefined)
            return undefined;
        const line = source.lineOf(path);
        const checked = { values: values, key: path.join('.'), file: source.file, ...(line ? { line } : {}) };
        checkHeaderSpec(checked);
        return checked;
    };
    const flowSpec = spec(flow, ['flow', 'headers']);
    const judgeSpec = spec(judge, ['judge', 'headers']);
    return { ...(flowSpec ? { flow: flowSpec } : {}), ...(judgeSpec ? { judge: judgeSpec } : {}) };
}
/** The headers as written, in the suite's hash (a new gateway config is a changed suite; a rotated key read from the environment is not). */
const headerValues = (headers) => headers.flow || headers.judge ? { headers: { flow: headers.flow?.values ?? {}, judge: headers.judge?.values ?? {} } } : {};
function normaliseEvaluators(raw, source) {
    const seen = new Set();
    return raw.map((entry, index) => {
        const { metric, name } = entry;
        const key = name ?? metric;
        if (seen.has(key)) {
            throw new errors/* ConfigError */.x(`two evaluators are called "${key}"`, { file: source.file, line: source.lineOf(['evaluators', index]) }, 'give one of them a `name:`');
        }
        seen.add(key);
        const spec = evaluatorEntry(entry, key);
        try {
            (0,registry/* findMetric */.GF)(metric)?.checkOptions?.(spec.options);
        }
        catch (error) {
            throw new errors/* ConfigError */.x(`evaluator "${key}" (${metric}): ${error.message}`, { file: source.file, line: source.lineOf(['evaluators', index]) }, error instanceof errors/* ConfigError */.x && error.hint ? error.hint : 'fix the option (regex: a JavaScript regular expression; json-schema: JSON Schema 2020-12)');
        }
        return spec;
    });
}
function normaliseGate(raw, evaluators, source) {
    const { alpha, tolerance, sequential, ...perMetric } = raw ?? {};
    const names = evaluators.map((evaluator) => evaluator.name);
    for (const key of Object.keys(perMetric)) {
        if (!names.includes(key)) {
            throw new errors/* ConfigError */.x(`gate.${key} names no evaluator`, { file: source.file, line: source.lineOf(['gate', key]) }, `evaluators: ${names.join(', ')}`);
        }
    }
    return {
        alpha: alpha ?? DEFAULTS.alpha,
        tolerance: tolerance ?? DEFAULTS.tolerance,
        ...(typeof sequential === 'boolean' ? { sequential } : {}),
        metrics: perMetric,
    };
}

;// CONCATENATED MODULE: ./src/model/cache/with-cache.ts

const newCacheStats = () => ({ hits: 0, misses: 0 });
/** Bump when the meaning of a key changes: old entries then simply stop matching. */
const KEY_VERSION = 1;
/**
 * The k-th identical request of a run gets the k-th recorded answer: `repeat: 5` at temperature
 * 0.7 replays five independent samples, not one answer five times.
 */
function occurrenceKeys() {
    const seen = new Map();
    return (request) => {
        const base = (0,hash/* sha256 */.sc)((0,hash/* canonicalJson */.dj)({ v: KEY_VERSION, request }));
        const occurrence = seen.get(base) ?? 0;
        seen.set(base, occurrence + 1);
        return occurrence === 0 ? base : (0,hash/* sha256 */.sc)(`${base}#${occurrence}`);
    };
}
/** What a chat call is keyed by (the model, its parameters and messages). */
const chatKeyOf = (request) => ({ op: 'chat', model: request.model, messages: request.messages, parameters: request.parameters ?? {}, stream: Boolean(request.stream) });
const isChat = (value) => typeof value?.text === 'string' && typeof value?.latencyMs === 'number' && typeof value?.usage === 'object';
const isEmbedding = (value) => Array.isArray(value?.vectors) && typeof value?.usage === 'object';
const isModeration = (value) => typeof value?.flagged === 'boolean' && typeof value?.scores === 'object';
/**
 * A content-addressed response cache in front of a model client: the key is the sha256 of
 * the operation, model, parameters and messages (a judge's messages hold the judged output),
 * or of the inputs for embeddings and moderation. Hits are marked `cached: true`; errors are
 * never cached; a cache that cannot be written costs a model call, never the run.
 */
function withCache(inner, store, stats) {
    return cacheLayer(store, stats)(inner);
}
/**
 * The cache as a wrapper for several clients (a run's scoped views): they share the store, the
 * stats and the occurrence count, so the k-th identical request of the run is the k-th, whichever view sent it.
 */
function cacheLayer(store, stats) {
    const keyOf = occurrenceKeys();
    return (inner) => cached(inner, store, stats, keyOf);
}
function cached(inner, store, stats, keyOf) {
    async function through(request, valid, call) {
        const key = keyOf(request);
        const hit = await store.get(key);
        if (valid(hit)) {
            stats.hits += 1;
            return { ...hit, cached: true };
        }
        stats.misses += 1;
        const answer = await call();
        await store.put(key, answer).catch(() => undefined);
        return answer;
    }
    return {
        chat: (request, signal) => through(chatKeyOf(request), isChat, () => inner.chat(request, signal)),
        embed: (model, input, signal) => through({ op: 'embed', model, input }, isEmbedding, () => inner.embed(model, input, signal)),
        moderate: (model, input, signal) => through({ op: 'moderate', model, input }, isModeration, () => inner.moderate(model, input, signal)),
    };
}
/** Whether the first answer to this chat request is in the store (a run's first such call would be free). */
async function hasCachedChat(store, request) {
    return isChat(await store.get(occurrenceKeys()(chatKeyOf(request))));
}

;// CONCATENATED MODULE: ./src/model/cache/store.ts



const ENTRY_VERSION = 1;
/**
 * A sharded folder (`ab/cdef….json`, 256 shards) of atomically written entries. A hit touches
 * the entry's mtime, so pruning by mtime is least-recently-used. A missing or unreadable entry
 * is a miss, never an error.
 */
function fileCacheStore(dir, limits, now = Date.now) {
    const pathOf = (key) => (0,external_node_path_.join)(dir, key.slice(0, 2), `${key.slice(2)}.json`);
    return {
        async get(key) {
            const path = pathOf(key);
            let entry;
            try {
                entry = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
            }
            catch {
                return undefined;
            }
            if (entry?.v !== ENTRY_VERSION)
                return undefined;
            const time = new Date(now());
            await (0,promises_.utimes)(path, time, time).catch(() => undefined);
            return entry.value;
        },
        async put(key, value) {
            await (0,atomic_write/* writeFileAtomic */.Z)(pathOf(key), JSON.stringify({ v: ENTRY_VERSION, value }));
        },
        async prune() {
            const entries = await listEntries(dir);
            const cutoff = now() - limits.maxAgeMs;
            entries.sort((a, b) => b.mtimeMs - a.mtimeMs);
            let kept = 0;
            let removed = 0;
            for (const entry of entries) {
                if (entry.mtimeMs >= cutoff && kept + entry.size <= limits.maxBytes) {
                    kept += entry.size;
                    continue;
                }
                await (0,promises_.rm)(entry.path, { force: true });
                removed += 1;
            }
            return { removed, bytes: kept };
        },
    };
}
async function listEntries(dir) {
    const shards = await (0,promises_.readdir)(dir).catch(() => []);
    const found = [];
    for (const shard of shards) {
        const names = await (0,promises_.readdir)((0,external_node_path_.join)(dir, shard)).catch(() => []);
        for (const name of names) {
            if (!name.endsWith('.json') || name.startsWith('.'))
                continue;
            const path = (0,external_node_path_.join)(dir, shard, name);
            const info = await (0,promises_.stat)(path).catch(() => undefined);
            if (info)
                found.push({ path, size: info.size, mtimeMs: info.mtimeMs });
        }
    }
    return found;
}

// EXTERNAL MODULE: ./src/model/types.ts
var model_types = __webpack_require__(40440);
;// CONCATENATED MODULE: ./src/engine/model-clients.ts







/**
 * Caching is off with `--no-cache` / `cache: false`, and always on drift runs: they exist to
 * see the model change, so every answer there is a fresh one.
 */
function cachingEnabled(options) {
    return options.cache !== false && options.purpose !== 'drift';
}
/** `mode: batch` on the suite, or `--batch` for the whole run. */
const usesBatch = (suite, options) => suite.mode === 'batch' || options.batch === true;
/** `batch`: the Batch API client for batch-mode suites' flows (when any suite needs it; it sends the run's headers only). */
function runClients(base, options, batch) {
    const views = (suite, scope) => ({
        flow: batch && usesBatch(suite, options) ? batch : base?.scoped({ headers: scope.flowHeaders ?? {}, stats: scope.stats }),
        judge: base?.scoped({ headers: scope.judgeHeaders ?? {}, stats: scope.stats }),
    });
    if (!base || !cachingEnabled(options)) {
        return { forSuite: views, cache: undefined, flowCached: async () => false, finish: async () => undefined };
    }
    const store = fileCacheStore((0,external_node_path_.join)(options.cwd, options.cacheDir ?? DEFAULTS.cacheDir), {
        maxBytes: DEFAULTS.cacheMaxMegabytes * 1024 * 1024,
        maxAgeMs: DEFAULTS.cacheMaxAgeDays * 24 * 3600 * 1000,
    });
    const cache = newCacheStats();
    const cached = cacheLayer(store, cache);
    return {
        forSuite: (suite, scope) => {
            const { flow, judge } = views(suite, scope);
            return { flow: flow && suite.cache ? cached(flow) : flow, judge: judge && cached(judge) };
        },
        cache,
        flowCached: async (suite, request) => suite.cache && hasCachedChat(store, request),
        finish: async () => {
            if (cache.misses > 0)
                await store.prune();
        },
    };
}
/**
 * Every suite's scope, by suite name, before anything runs: its `headers:` read from the
 * environment when the run calls a model (an unset variable stops the run at once, exit 2),
 * and its own call counters. A batch suite's flow requests go in a file: they carry the run's headers only.
 */
function suiteScopes(suites, callsModel, options, env = process.env) {
    return new Map(suites.map((suite) => {
        const flow = suite.headers?.flow;
        if (flow && usesBatch(suite, options))
            throw new errors/* ConfigError */.x('flow.headers cannot go on Batch API requests (mode: batch or --batch)', { file: flow.file, ...(flow.line ? { line: flow.line } : {}) }, 'use the run-wide `headers` input / `--header`, or run the suite online');
        const flowHeaders = callsModel ? resolveHeaders(flow, env) : undefined;
        const judgeHeaders = callsModel ? resolveHeaders(suite.headers?.judge, env) : undefined;
        return [suite.name, { ...(flowHeaders ? { flowHeaders } : {}), ...(judgeHeaders ? { judgeHeaders } : {}), stats: (0,model_types/* newCallStats */.k)() }];
    }));
}
/** A suite's call counters as the results store them: present only when a call was retried or hedged. */
function callCosts(stats) {
    if (stats.retries + stats.rateLimitWaits + stats.hedges === 0)
        return {};
    return { calls: { ...stats, retryWaitMs: Math.round(stats.retryWaitMs), rateLimitWaitMs: Math.round(stats.rateLimitWaitMs) } };
}
/** Classic Azure OpenAI API version, unless OPENAI_API_VERSION says otherwise. */
const AZURE_API_VERSION = '2024-10-21';
/** The openai SDK is most of the bundle: loaded only when a key says a model will be called. */
async function buildClient(options, counters) {
    const { azureEndpoint, createModelClient } = await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(595)]).then(__webpack_require__.bind(__webpack_require__, 58595));
    const azure = azureEndpoint(options.baseUrl);
    return createModelClient({
        apiKey: options.apiKey ?? '',
        ...(azure ? { azure: { endpoint: azure, apiVersion: options.azureApiVersion ?? AZURE_API_VERSION } } : options.baseUrl ? { baseUrl: options.baseUrl } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
        timeoutMs: options.attemptTimeoutMs ?? Math.max(1000, Math.round((options.timeoutMs ?? DEFAULTS.timeoutSeconds * 1000) / 2)),
        concurrency: options.concurrency,
        onRetry: () => {
            counters.retries += 1;
        },
        onHedge: () => {
            counters.hedges += 1;
        },
    });
}
/** Batch API client for `mode: batch` suites (its module loads only when one is asked for). */
async function buildBatchClient(online, options) {
    const { batchClient } = await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(742)]).then(__webpack_require__.bind(__webpack_require__, 41742));
    return batchClient(online, {
        apiKey: options.apiKey ?? '',
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
        stateDir: (0,external_node_path_.join)(options.cwd, DEFAULTS.batchStateDir),
        pollMs: options.batchPollMs ?? DEFAULTS.batchPollSeconds * 1000,
        maxWaitMs: DEFAULTS.batchMaxWaitHours * 3600 * 1000,
        ...(options.log ? { log: options.log } : {}),
    });
}

;// CONCATENATED MODULE: ./src/engine/progress.ts
/** Counts flow invocations and scored cases over every suite of the run. */
function progressTracker(counters, emit) {
    const flows = { done: 0, total: 0 };
    const cases = { done: 0, total: 0 };
    const report = (phase) => {
        if (!emit)
            return;
        const part = phase === 'flows' ? flows : cases;
        emit({ phase, done: part.done, total: part.total, retries: counters.retries, hedges: counters.hedges, cacheHits: counters.cacheHits() });
    };
    return {
        plan(invocations, caseCount) {
            flows.total += invocations;
            cases.total += caseCount;
        },
        flowDone() {
            flows.done += 1;
            report('flows');
        },
        caseDone() {
            cases.done += 1;
            report(flows.done < flows.total ? 'flows' : 'scoring');
        },
    };
}

// EXTERNAL MODULE: ./src/compare/clusters.ts
var clusters = __webpack_require__(67532);
// EXTERNAL MODULE: ./src/compare/suite-align.ts
var suite_align = __webpack_require__(18875);
// EXTERNAL MODULE: ./src/compare/sequential-tests.ts
var sequential_tests = __webpack_require__(66860);
// EXTERNAL MODULE: ./src/compare/sequential-reasons.ts
var sequential_reasons = __webpack_require__(16452);
;// CONCATENATED MODULE: ./src/compare/sequential.ts





/** Most samples a case of stage two runs with when its suite carries the decision. */
const MAX_REPEAT = 3;
/**
 * Stage one "carries the decision" when an open test's worsening is at least this many standard
 * errors (S/√Σd²) — a test of a primary metric when the PR has any (they hold most of the budget).
 */
const PROMISING_Z = 2;
const isShared = (state, id) => state.baseValues.length > 0 && state.baseValues[0]?.has(id) === true;
function initialState(plan, alpha, all) {
    const tests = all.get(plan.name) ?? null;
    const levels = (0,sequential_tests/* sequentialLevels */.dw)([...all.values()].flatMap((entry) => entry ?? []), alpha);
    const baseIds = new Set(plan.base.cases.map((testCase) => testCase.id));
    const baseValues = (tests ?? []).map((test) => {
        const stored = (0,suite_align/* comparable */.Zm)(test.metric, plan.base) ?? test.metric;
        const values = (0,case_values/* caseValues */.Nn)(plan.base.cases, stored);
        return new Map(plan.base.cases.map((testCase, index) => [testCase.id, values[index]]));
    });
    return {
        plan, tests, baseValues,
        levels: (tests ?? []).map((test) => (test.primary ? levels.share.primary : levels.share.other)),
        baseGraded: new Set(plan.base.cases.filter((testCase) => testCase.samples.length > 1).map((testCase) => testCase.id)),
        sharedPlanned: plan.order.filter((id) => baseIds.has(id)).length,
        pairs: new Map(), samples: new Map(),
        sums: (tests ?? []).map(sequential_tests/* emptySums */.y3),
        uncached: (tests ?? []).map(sequential_tests/* emptySums */.y3),
        cachedIds: new Set(plan.order.slice(0, plan.cached ?? 0)),
        dispatched: 0, repeats: [], prefix: 0,
        looks: (0,sequential_tests/* interimLooks */.zD)(plan.order.length),
        efficacyLevel: levels.efficacy,
        lookedAt: 0,
        clustered: (0,clusters/* clustersOf */.Dg)(plan.base.cases) !== null,
    };
}
/** Records one case's pairs into the running sums (replacing what an earlier result of the same case gave). */
function recordCase(state, result) {
    const tests = state.tests ?? [];
    const old = state.pairs.get(result.id);
    const pairs = tests.map((test, index) => {
        const base = state.baseValues[index]?.get(result.id);
        const [pr] = (0,case_values/* caseValues */.Nn)([result], test.metric);
        if (base === undefined || Number.isNaN(base) || pr === undefined || Number.isNaN(pr))
            return undefined;
        const graded = result.samples.length > 1 || state.baseGraded.has(result.id) || test.metric.scale.kind !== 'binary';
        return { base, pr, graded };
    });
    const cached = state.cachedIds.has(result.id);
    tests.forEach((test, index) => {
        for (const sums of cached ? [state.sums[index]] : [state.sums[index], state.uncached[index]]) {
            const before = old?.[index];
            if (before)
                (0,sequential_tests/* addPair */.Ml)(sums, test, before, -1);
            const now = pairs[index];
            if (now)
                (0,sequential_tests/* addPair */.Ml)(sums, test, now);
        }
    });
    state.pairs.set(result.id, pairs);
    state.samples.set(result.id, result.samples.length);
    while (state.prefix < state.plan.order.length && state.pairs.has(state.plan.order[state.prefix]))
        state.prefix += 1;
    checkEfficacy(state);
}
/** At an interim look (the first `look` cases of the order all scored): FAIL a test whose p is below the efficacy level. */
function checkEfficacy(state) {
    if (state.efficacy || !state.tests || !state.looks.includes(state.prefix))
        return;
    const look = state.prefix;
    const order = state.plan.order.slice(0, look);
    state.tests.forEach((test, index) => {
        if (state.efficacy)
            return;
        const sums = (0,sequential_tests/* emptySums */.y3)();
        for (const id of order) {
            const pair = state.pairs.get(id)?.[index];
            if (pair)
                (0,sequential_tests/* addPair */.Ml)(sums, test, pair);
        }
        const p = (0,sequential_tests/* efficacyP */.LF)(test, sums);
        if (p <= state.efficacyLevel)
            state.efficacy = { look, metric: test.metric.name, reason: (0,sequential_reasons/* efficacyReason */.H8)(test, sums, { p, level: state.efficacyLevel, look, of: state.plan.order.length }) };
    });
}
/**
 * The sequential monitor of one PR run (pure: it runs nothing). Every suite shares the PR's one
 * error budget: the interim efficacy level and each test's Holm share are computed over the
 * gating tests of every plan, α the smallest of the bases' (docs/gate.md "Stopping when the verdict is known").
 */
function sequentialMonitor(plans, settings) {
    const alpha = plans.length ? Math.min(...plans.map((plan) => plan.base.alpha)) : 0.05;
    const tracked = new Map(plans.map((plan) => [plan.name, (0,sequential_tests/* trackedTests */.Mu)(plan.metrics, plan.base)]));
    const states = new Map(plans.map((plan) => [plan.name, initialState(plan, alpha, tracked)]));
    const stateOf = (suite) => {
        const state = states.get(suite);
        if (!state)
            throw new Error(`sequential monitor: no plan for suite "${suite}"`);
        return state;
    };
    const full = plans.reduce((sum, plan) => sum + plan.order.length * plan.repeat, 0);
    const anyPrimary = [...tracked.values()].some((tests) => tests?.some((test) => test.primary) === true);
    /** Calls the PR may still add to a case of `state` without exceeding a full run: the full run's calls less what is made, in flight or owed at the suites' own repeat. */
    function headroom() {
        let committed = 0;
        for (const state of states.values()) {
            committed += state.repeats.reduce((sum, repeat) => sum + repeat, 0);
            if (!isDone(state))
                committed += (state.plan.order.length - state.dispatched) * state.plan.repeat;
        }
        return full - committed;
    }
    function settled(state) {
        const tests = state.tests;
        if (!tests || tests.length === 0)
            return undefined;
        const remaining = state.sharedPlanned - [...state.pairs.keys()].filter((id) => isShared(state, id)).length;
        const why = tests.map((test, index) => (0,sequential_tests/* futility */.Hy)(test, state.sums[index], remaining, state.levels[index], state.uncached[index]));
        if (why.some((entry) => entry === undefined))
            return undefined;
        return (0,sequential_reasons/* futileReason */.K4)(tests, why, state.pairs.size, state.plan.order.length);
    }
    const isDone = (state) => state.efficacy !== undefined || state.dispatched >= state.plan.order.length || state.futile === true;
    function repeatOfNext(state) {
        const { plan } = state;
        if (state.dispatched < Math.ceil(sequential_tests/* STAGE_ONE */.Uk * plan.order.length) || !state.tests || state.clustered)
            return plan.repeat;
        state.promising ??= state.tests.some((test, index) => {
            const sums = state.sums[index];
            return (test.primary || !anyPrimary) && test.statistic === 'mean' && sums.squares > 0 && sums.sum / Math.sqrt(sums.squares) >= PROMISING_Z;
        });
        if (!state.promising)
            return plan.repeat;
        const extra = Math.floor(headroom() / Math.max(1, plan.order.length - state.dispatched));
        return Math.max(plan.repeat, Math.min(MAX_REPEAT, plan.repeat + extra));
    }
    return {
        record(suite, result) {
            recordCase(stateOf(suite), result);
        },
        next(suite) {
            const state = stateOf(suite);
            if (state.efficacy)
                return { action: 'stop', reason: state.efficacy.reason };
            if (state.dispatched >= state.plan.order.length)
                return { action: 'stop', reason: 'ran every case' };
            // Futility is first asked at a look; once stopped, every later answer re-checks it on all the data (a case in flight can reopen the suite).
            const look = state.futile === true || state.looks.some((at) => at <= state.pairs.size && at > state.lookedAt);
            if (look)
                state.lookedAt = state.pairs.size;
            const futile = look ? settled(state) : undefined;
            state.futile = futile !== undefined;
            if (futile)
                return { action: 'stop', reason: futile };
            const repeat = repeatOfNext(state);
            state.dispatched += 1;
            state.repeats.push(repeat);
            return repeat === state.plan.repeat ? { action: 'continue' } : { action: 'continue', repeat };
        },
        outcome(suite) {
            const state = stateOf(suite);
            const { plan } = state;
            const ran = state.pairs.size;
            const futile = state.efficacy ? undefined : ran < plan.order.length ? settled(state) : undefined;
            const stopped = state.efficacy
                ? { reason: state.efficacy.reason, decision: 'fail', look: state.efficacy.look, metric: state.efficacy.metric }
                : futile ? { reason: futile, decision: 'futile' } : undefined;
            const after = Math.ceil(sequential_tests/* STAGE_ONE */.Uk * plan.order.length);
            const raised = state.repeats.slice(after).filter((repeat) => repeat !== plan.repeat);
            const made = [...state.samples.values()].reduce((sum, count) => sum + count, 0);
            return {
                seed: settings.seed, ran, of: plan.order.length, order: plan.order,
                ...(plan.cached ? { cached: plan.cached } : {}),
                ...(stopped ? { stopped } : {}),
                ...(raised.length ? { adapted: { after, repeat: Math.max(...raised) } } : {}),
                resampled: [...state.samples].filter(([, count]) => count > plan.repeat).map(([id, samples]) => ({ id, samples })),
                calls: { made, full: plan.order.length * plan.repeat },
            };
        },
    };
}

;// CONCATENATED MODULE: ./src/compare/sequential-setting.ts

/**
 * Whether a pull request's suite may stop once its verdict is known. Like every gate setting it
 * comes from the base: the baseline records the default branch's `sequential` input (run.gate)
 * and each suite file's `gate: sequential:` (SuiteResult.stopEarly). A PR may turn it off — a
 * full run is stricter — never on where the base has it off.
 */
/** One commit's setting for one suite: the run's `false` turns it off everywhere; otherwise the suite's key, then the run's, then the default. */
function stopsEarlyAt(run, suite) {
    if (run === false)
        return false;
    return suite ?? run ?? DEFAULTS.sequential;
}
/** On only when both the base and the PR have it on. */
function stopsEarly(base, baseSuite, requested) {
    return stopsEarlyAt(base.run.gate?.sequential, baseSuite.stopEarly) && stopsEarlyAt(requested.run, requested.suite);
}

;// CONCATENATED MODULE: ./src/engine/case-order.ts

/**
 * The order a pull request's suite meets its cases in when it may stop early: a seeded shuffle,
 * the same on every re-run of the PR (the seed is the base commit), and stable as data grows
 * (each case's place is the hash of seed, suite and id, so adding a case moves no other).
 */
function seededOrder(seed, suite, ids) {
    const key = new Map(ids.map((id) => [id, (0,hash/* sha256 */.sc)(`${seed}\u0000${suite}\u0000${id}`)]));
    return [...ids].sort((a, b) => {
        const byKey = key.get(a).localeCompare(key.get(b));
        return byKey !== 0 ? byKey : a.localeCompare(b);
    });
}
/** The order cases are started in: those whose answer is cached (free) first, each part in `order`. */
function cachedFirst(order, cached) {
    return [...order.filter((id) => cached.has(id)), ...order.filter((id) => !cached.has(id))];
}

;// CONCATENATED MODULE: ./src/engine/sequential-plan.ts





/**
 * Which suites of a pull request's run may stop early, in which order their cases run, and the
 * one monitor of the run. A suite is watched when the base stored it as run and both the base
 * and the PR have the setting on; shards, batch runs and `mode: batch` suites run every case
 * (undefined: nothing is watched).
 */
async function planSequential(suites, options, clients) {
    const sequential = options.sequential;
    if (!sequential || options.shard || options.batch || options.purpose === 'drift')
        return undefined;
    const plans = [];
    for (const { suite, flow, metrics } of suites) {
        const base = sequential.base.suites.find((entry) => entry.name === suite.name && entry.status === 'ran');
        if (!base || usesBatch(suite, options) || suite.cases.length === 0)
            continue;
        if (!stopsEarly(sequential.base, base, { ...(sequential.requested === undefined ? {} : { run: sequential.requested }), ...(suite.gate.sequential === undefined ? {} : { suite: suite.gate.sequential }) }))
            continue;
        const seeded = seededOrder(sequential.seed, suite.name, suite.cases.map((testCase) => testCase.id));
        const cached = await cachedCases(suite, flow, clients, options.concurrency);
        plans.push({ name: suite.name, base, metrics, order: cachedFirst(seeded, cached), repeat: suite.repeat, ...(cached.size ? { cached: cached.size } : {}) });
    }
    if (plans.length === 0)
        return undefined;
    return { monitor: sequentialMonitor(plans, { enabled: true, seed: sequential.seed }), orders: new Map(plans.map((plan) => [plan.name, plan.order])) };
}
/**
 * Cases whose flow answer is in the response cache: a chat flow of a `cache: true` suite whose
 * request for the case (the first sample's) is stored. Other flows (commands, HTTP apps,
 * PromptFlow) cannot be asked without running them: none of their cases counts as cached.
 */
async function cachedCases(suite, flow, clients, concurrency) {
    const { request } = flow;
    if (!request || !suite.cache)
        return new Set();
    // The cache's files are read side by side, as the run itself would: this runs before the first call.
    const found = await mapLimit(suite.cases, concurrency, (testCase) => clients.flowCached(suite, request(testCase.vars)));
    return new Set(suite.cases.filter((_, index) => found[index]).map((testCase) => testCase.id));
}

;// CONCATENATED MODULE: ./src/engine/sequential-run.ts
/** What the loop knows of one suite while it runs. */
class SuiteState {
    spec;
    monitor;
    byId;
    results = new Map();
    /** Samples of dispatched cases, by slot, until the case is scored. */
    samples = new Map();
    queued = [];
    dispatched = 0;
    /** The monitor's last answer was stop: ask again only after the next record. */
    paused = false;
    constructor(spec, monitor) {
        this.spec = spec;
        this.monitor = monitor;
        this.byId = new Map(spec.cases.map((testCase) => [testCase.id, testCase]));
    }
    /** The next invocation: the rest of a dispatched case, else a new case if the monitor says continue. */
    take() {
        if (this.queued.length === 0 && !this.paused && this.dispatched < this.spec.order.length) {
            const step = this.monitor.next(this.spec.name);
            if (step.action === 'stop')
                this.paused = true;
            else
                this.dispatch(step.repeat);
        }
        return this.queued.shift();
    }
    dispatch(repeat) {
        const testCase = this.byId.get(this.spec.order[this.dispatched]);
        const samples = Math.max(1, repeat ?? this.spec.repeat);
        this.dispatched += 1;
        this.samples.set(testCase.id, new Array(samples));
        for (let slot = 0; slot < samples; slot += 1)
            this.queued.push({ suite: this, testCase, slot });
        this.spec.onDispatch?.(samples);
    }
    record(result) {
        this.results.set(result.id, result);
        this.paused = false;
        this.monitor.record(this.spec.name, result);
    }
}
/**
 * Runs the monitored suites of a pull request through the run's one pool. `lanes` workers each
 * take a slot first, then the next invocation of any suite (suites in turn): a suite the monitor
 * has stopped gives its slots to the others at once, nothing of it starts after the stop, and
 * what is in flight finishes, is recorded, and may make the monitor continue. Scoring runs
 * outside the slot, so the pool stays full. A suite is done when the monitor says stop and none
 * of its cases is open.
 */
async function runMonitored(suites, monitor, schedule, lanes) {
    const states = suites.map((spec) => new SuiteState(spec, monitor));
    let turn = 0;
    let busy = 0;
    let failure;
    let wake = () => undefined;
    let changed = new Promise((resolvePromise) => (wake = resolvePromise));
    const notify = () => {
        const previous = wake;
        changed = new Promise((resolvePromise) => (wake = resolvePromise));
        previous();
    };
    const take = () => {
        for (let tried = 0; tried < states.length; tried += 1) {
            const state = states[(turn + tried) % states.length];
            const job = state.take();
            if (job) {
                turn = (turn + tried + 1) % states.length;
                return job;
            }
        }
        return undefined;
    };
    const finish = async ({ suite: state, testCase, slot }, sample) => {
        const samples = state.samples.get(testCase.id);
        samples[slot] = sample;
        if (samples.filter(Boolean).length < samples.length)
            return;
        state.samples.delete(testCase.id);
        state.record(await state.spec.score({ case: testCase, samples }));
    };
    const lane = async () => {
        for (;;) {
            const ran = await schedule(async () => {
                const job = failure ? undefined : take();
                if (!job)
                    return undefined;
                busy += 1;
                return { job, sample: await job.suite.spec.sample(job.testCase) };
            });
            if (ran) {
                finish(ran.job, ran.sample)
                    .catch((error) => (failure ??= error))
                    .finally(() => {
                    busy -= 1;
                    notify();
                });
                continue;
            }
            if (busy === 0)
                return notify();
            await changed;
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
    if (failure)
        throw failure;
    return new Map(states.map((state) => [state.spec.name, { cases: state.spec.cases.flatMap((testCase) => state.results.get(testCase.id) ?? []), record: monitor.outcome(state.spec.name) }]));
}

;// CONCATENATED MODULE: ./src/engine/run-evaluation.ts
















/**
 * The main job: load suites → run flows → evaluate → results. All suites run at once through
 * one pool of `concurrency` slots (and one model client: one rate limiter, one cache); results
 * keep the suites' order. Pure of GitHub and of the terminal.
 */
async function runEvaluation(options) {
    const started = Date.now();
    const found = await loadSuites(options.suites, { cwd: options.cwd, ...(options.log ? { log: options.log } : {}), ...(options.model ? { modelOverride: options.model } : {}) });
    const loaded = options.selection ? selectSuites(found, options.selection) : found;
    const counters = { retries: 0, hedges: 0, cacheHits: () => clients.cache?.hits ?? 0 };
    const scopes = suiteScopes(loaded, Boolean(options.apiKey), options);
    const base = options.apiKey ? await buildClient(options, counters) : undefined;
    const batch = base && loaded.some((suite) => usesBatch(suite, options)) ? await buildBatchClient(base, options) : undefined;
    const clients = runClients(base, options, batch);
    const judgeModel = options.judgeModel ?? DEFAULTS.judgeModel;
    const ctx = { clients, scopes, schedule: (0,semaphore/* semaphore */.p)(options.concurrency), judgeModel, progress: progressTracker(counters, options.onProgress), options };
    const parts = loaded.map((suite) => (options.shard ? shardSuite(suite, options.shard) : { suite, positions: undefined }));
    const results = await runSuites(await Promise.all(parts.map(({ suite, positions }) => openSuite(suite, positions, ctx))), ctx);
    await clients.finish();
    return resultsDocument({
        date: new Date(started).toISOString(),
        ...(options.commit ? { commit: options.commit } : {}),
        ...(options.ref ? { ref: options.ref } : {}),
        ...(base ? { judgeModel } : {}),
        durationMs: Date.now() - started,
        ...(clients.cache ? { cache: { ...clients.cache } } : {}),
        ...(options.shard ? { shard: { ...options.shard } } : {}),
    }, results);
}
/** Builds the suite's flow and scoring — or the skipped entry when its flow needs a key the run lacks. */
async function openSuite(suite, positions, ctx) {
    const { options } = ctx;
    const scope = ctx.scopes.get(suite.name);
    const clients = ctx.clients.forSuite(suite, scope);
    const flow = createFlow(suite.flow, {
        dir: suite.dir,
        client: clients.flow,
        ...(options.model ? { modelOverride: options.model } : {}),
    });
    const header = {
        name: suite.name,
        file: suite.file,
        hash: suite.hash,
        flow: { kind: flow.kind, ...(flow.model ? { model: flow.model } : {}), ...(flowKind(suite.flow.kind)?.ownCode ? { ownCode: true } : {}) },
        repeat: suite.repeat,
        alpha: suite.gate.alpha,
        tolerance: suite.gate.tolerance,
        ...(suite.gate.sequential === undefined ? {} : { stopEarly: suite.gate.sequential }),
        metrics: metricInfos(suite, ctx.judgeModel),
        ...(positions ? { positions } : {}),
    };
    if (flow.needsModel && !clients.judge) {
        await flow.close?.();
        const skipReason = 'needs a model API key: set OPENAI_API_KEY (CLI) or the `api-key` input (action)';
        options.log?.(`${suite.name}: skipped — ${skipReason}`);
        return skippedSuite(header, skipReason);
    }
    const batched = usesBatch(suite, options) && flow.needsModel;
    const scoring = openScoring(suite, { client: clients.judge, judgeModel: ctx.judgeModel, concurrency: options.concurrency, ...(flow.model ? { flowModel: flow.model } : {}), onCase: () => ctx.progress.caseDone() });
    const runOptions = {
        repeat: suite.repeat,
        timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutSeconds * 1000,
        ...(batched ? {} : { schedule: ctx.schedule }),
        onSample: () => ctx.progress.flowDone(),
    };
    return { suite, header, scope, flow, scoring, batched, runOptions };
}
/** Every case of the suite, `repeat` samples each; each case is scored as soon as its samples ran (judges overlap the flows). */
async function runEveryCase(open, ctx) {
    const { suite, scoring, flow, batched, runOptions } = open;
    ctx.options.log?.(`${suite.name}: ${suite.cases.length} cases × ${suite.repeat} (${flow.kind} flow)`);
    ctx.progress.plan(suite.cases.length * suite.repeat, suite.cases.length);
    return mapLimit(suite.cases, batched ? suite.cases.length : ctx.options.concurrency, async (testCase) => scoring.evaluateCase(await runCase(testCase, flow, runOptions)));
}
/** The monitored suite as the run loop drives it: one sample at a time, in the slot the loop holds. */
function monitoredSuite(open, order, ctx) {
    const { suite, scoring, flow, runOptions } = open;
    ctx.options.log?.(`${suite.name}: up to ${suite.cases.length} cases × ${suite.repeat} (${flow.kind} flow), stopping once the verdict is known`);
    const single = { repeat: 1, timeoutMs: runOptions.timeoutMs, onSample: runOptions.onSample };
    return {
        name: suite.name,
        cases: suite.cases,
        order,
        repeat: suite.repeat,
        sample: async (testCase) => (await runCase(testCase, flow, single)).samples[0],
        score: (run) => scoring.evaluateCase(run),
        onDispatch: (samples) => ctx.progress.plan(samples, 1),
    };
}
/** The suite's entry from the cases that ran: cost units settled, run-level aggregates, the sequential record. */
async function suiteEntry(open, evaluated, ctx, record) {
    const { suite, header, scope, flow, scoring } = open;
    const aggregates = { ...(await flowAggregates(flow)), ...(await scoring.aggregates()) };
    const { metrics, cases } = settleMetrics(header.metrics, evaluated, flow.model);
    const note = metrics.find((metric) => metric.note)?.note;
    if (note)
        ctx.options.log?.(`${suite.name}: ${note}`);
    const costs = callCosts(scope.stats);
    const calls = callCostsText(costs.calls);
    if (calls)
        ctx.options.log?.(`${suite.name}: ${calls}`);
    if (record?.stopped)
        ctx.options.log?.(`${suite.name}: ${record.stopped.reason}`);
    return { ...ranSuite({ ...header, metrics }, cases), ...costs, ...(Object.keys(aggregates).length ? { aggregates } : {}), ...(record ? { sequential: record } : {}) };
}
/**
 * Runs every opened suite: the ones a pull request may stop early together through one run loop
 * (sequential-run.ts), the rest case by case; all of them share the run's pool.
 */
async function runSuites(opened, ctx) {
    const open = opened.filter((entry) => !('status' in entry));
    try {
        const plan = await planSequential(open.map(({ suite, flow, header }) => ({ suite, flow, metrics: header.metrics })), ctx.options, ctx.clients);
        const watched = plan ? open.filter((entry) => plan.orders.has(entry.suite.name)) : [];
        const monitored = plan && watched.length ? runMonitored(watched.map((entry) => monitoredSuite(entry, plan.orders.get(entry.suite.name), ctx)), plan.monitor, ctx.schedule, ctx.options.concurrency) : undefined;
        return await Promise.all(opened.map(async (entry) => {
            if ('status' in entry)
                return entry;
            const ran = monitored && plan?.orders.has(entry.suite.name) ? (await monitored).get(entry.suite.name) : undefined;
            return ran ? suiteEntry(entry, ran.cases, ctx, ran.record) : suiteEntry(entry, await runEveryCase(entry, ctx), ctx);
        }));
    }
    finally {
        await Promise.allSettled(open.flatMap(({ scoring, flow }) => [scoring.close(), flow.close?.()]));
    }
}
/** The flow's run-level outputs under `flow` (PromptFlow aggregation nodes); a failure is recorded. */
async function flowAggregates(flow) {
    try {
        const value = await flow.aggregate?.(AbortSignal.timeout(DEFAULTS.timeoutSeconds * 1000));
        return value === undefined ? {} : { flow: value };
    }
    catch (error) {
        return { flow: { error: error.message } };
    }
}

;// CONCATENATED MODULE: ./src/results/subset.ts
/**
 * The baseline as far as a narrowed run (`--filter`, `--limit`, `--sample`, `--metric`) can
 * speak for it: the suites that ran, their cases that ran, their metrics that ran — so what was
 * left out on purpose is not reported as removed.
 */
function restrictBaseline(baseline, results) {
    const ran = new Map(results.suites.map((suite) => [suite.name, suite]));
    return {
        ...baseline,
        suites: baseline.suites.flatMap((suite) => {
            const current = ran.get(suite.name);
            if (!current)
                return [];
            const ids = new Set(current.cases.map((testCase) => testCase.id));
            const metrics = new Set(current.metrics.map((metric) => metric.name));
            return [{ ...suite, metrics: suite.metrics.filter((metric) => metrics.has(metric.name)), cases: suite.cases.filter((testCase) => ids.has(testCase.id)) }];
        }),
    };
}

// EXTERNAL MODULE: ./src/compare/baseline-merge.ts + 1 modules
var baseline_merge = __webpack_require__(48527);
;// CONCATENATED MODULE: ./src/cli/progress.ts
/** At most this many redraws per second; the final count is always drawn. */
const MAX_UPDATES_PER_SECOND = 10;
const PHASE_WORD = { flows: 'running', scoring: 'scoring' };
function formatSeconds(seconds) {
    if (seconds < 60)
        return `${Math.ceil(seconds)}s`;
    const minutes = Math.floor(seconds / 60);
    return minutes < 60 ? `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
/** `running  120/1000 · 2 retries · 1 hedged · 40 cached · ETA 12s` (ETA from the phase's own pace). */
function progressText(progress, phaseElapsedMs) {
    const parts = [`${PHASE_WORD[progress.phase]}  ${progress.done}/${progress.total}`];
    if (progress.retries > 0)
        parts.push(`${progress.retries} ${progress.retries === 1 ? 'retry' : 'retries'}`);
    if (progress.hedges > 0)
        parts.push(`${progress.hedges} hedged`);
    if (progress.cacheHits > 0)
        parts.push(`${progress.cacheHits} cached`);
    if (progress.done > 0 && progress.done < progress.total) {
        parts.push(`ETA ${formatSeconds(((progress.total - progress.done) * phaseElapsedMs) / progress.done / 1000)}`);
    }
    return parts.join(' · ');
}
/** A single self-overwriting progress line for a TTY, redrawn at most 10 times a second. */
function progressLine(write, now = () => performance.now()) {
    let shown = false;
    let lastDrawn = -Infinity;
    let phase;
    let phaseStarted = now();
    return {
        update(progress) {
            const time = now();
            if (progress.phase !== phase) {
                phase = progress.phase;
                phaseStarted = time;
            }
            const final = progress.done === progress.total;
            if (!final && time - lastDrawn < 1000 / MAX_UPDATES_PER_SECOND)
                return;
            lastDrawn = time;
            write(`\r\x1b[2K${progressText(progress, time - phaseStarted)}`);
            shown = true;
        },
        clear() {
            if (shown)
                write('\r\x1b[2K');
            shown = false;
        },
    };
}

;// CONCATENATED MODULE: ./src/core/output-path.ts



/**
 * Checks, before anything runs, that a file can be written at `path`: it is not a folder, and no
 * folder on its way is an existing file. Otherwise the whole run would be lost at the end.
 */
function checkOutputPath(path, label, cwd) {
    const shown = (0,external_node_path_.relative)(cwd, path) || path;
    if ((0,external_node_fs_.statSync)(path, { throwIfNoEntry: false })?.isDirectory()) {
        throw new errors/* ConfigError */.x(`${label} ${shown} is a folder`, {}, `give a file path for ${label}`);
    }
    for (let dir = (0,external_node_path_.dirname)(path);; dir = (0,external_node_path_.dirname)(dir)) {
        const info = (0,external_node_fs_.statSync)(dir, { throwIfNoEntry: false });
        if (info && !info.isDirectory()) {
            throw new errors/* ConfigError */.x(`${label} ${shown} cannot be written: ${(0,external_node_path_.relative)(cwd, dir) || dir} is a file, not a folder`, {}, `choose another path for ${label}, or move that file`);
        }
        if (info || (0,external_node_path_.dirname)(dir) === dir)
            return;
    }
}

;// CONCATENATED MODULE: ./src/cli/run-command.ts


















function apiKeyFrom(env) {
    return env.EVALGATE_API_KEY || env.OPENAI_API_KEY || env.AZURE_OPENAI_API_KEY || undefined;
}
async function runCommand(suites, flags, io) {
    const at = (path) => (0,external_node_path_.resolve)(flags.cwd, path);
    checkOutputPath(at(flags.output), '--output', flags.cwd);
    checkOutputPath(at(flags.report), '--report', flags.cwd);
    if (flags.updateBaseline && flags.baseline)
        checkOutputPath(at(flags.baseline), '--baseline', flags.cwd);
    const apiKey = apiKeyFrom(io.env);
    for (const value of Object.values(flags.headers ?? {}))
        (0,secrets/* registerSecret */.cl)(value);
    const baseline = await loadBaseline(flags, io);
    const progress = io.interactive ? progressLine(io.stderr) : undefined;
    const results = await runEvaluation({
        suites,
        cwd: flags.cwd,
        ...(apiKey ? { apiKey } : {}),
        ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
        ...(flags.headers ? { headers: flags.headers } : {}),
        ...(io.env.OPENAI_API_VERSION ? { azureApiVersion: io.env.OPENAI_API_VERSION } : {}),
        ...(flags.model ? { model: flags.model } : {}),
        ...(flags.judgeModel ? { judgeModel: flags.judgeModel } : {}),
        concurrency: flags.concurrency,
        timeoutMs: flags.timeoutMs,
        selection: flags.selection,
        cache: flags.cache,
        batch: flags.batch,
        ...(flags.shard ? { shard: flags.shard } : {}),
        ...(baseline ? { sequential: { base: baseline, seed: baseline.run.commit ?? baseline.run.date, ...(flags.sequential === undefined ? {} : { requested: flags.sequential }) } } : {}),
        log: (line) => {
            progress?.clear();
            io.stderr(`${escapeLogLine(line)}\n`);
        },
        ...(progress ? { onProgress: progress.update } : {}),
    });
    progress?.clear();
    await writeResultsFile(at(flags.output), results);
    io.stderr(`results: ${flags.output}\n`);
    if (results.run.cache)
        io.stderr(`cache: ${results.run.cache.hits} of ${results.run.cache.hits + results.run.cache.misses} model calls answered from ${DEFAULTS.cacheDir}\n`);
    if (flags.shard) {
        io.stderr(`shard ${flags.shard.index}/${flags.shard.count}: partial results; combine the shards with \`evalgate merge\`, then compare\n`);
        return exit_codes/* EXIT */.d.ok;
    }
    if (flags.updateBaseline && flags.baseline) {
        const previous = (0,external_node_fs_.existsSync)(at(flags.baseline)) ? await readResultsFile(at(flags.baseline)) : null;
        const merged = (0,baseline_merge/* mergeBaseline */.E)(previous, results);
        io.stderr(`baseline changes (${flags.baseline}):\n${merged.diff.map((line) => `  ${line}\n`).join('')}`);
        if (merged.updated.length) {
            await writeResultsFile(at(flags.baseline), merged.results);
            io.stderr(`baseline updated: ${flags.baseline}\n`);
        }
        else
            io.stderr(`baseline not updated: no suite ran cleanly\n`);
    }
    const comparedWith = baseline && isSubset(flags.selection) ? restrictBaseline(baseline, results) : baseline;
    const outcome = decideLocally(comparedWith, results, flags.failOn);
    const { comparison } = outcome;
    printComparison(comparison, flags.format, io, { results, baseline: comparedWith, failOn: flags.failOn, explain: flags.explain });
    await writeReport(at(flags.report), comparison, io);
    if (flags.html)
        await writeHtmlReport(at(flags.html), { comparison, pr: results, baseline: comparedWith, history: await localHistory(flags, results) }, io);
    return outcome.exitCode;
}
/** The CLI's outcome: gated by its verdict; without a baseline file it reports like the bootstrap. */
function decideLocally(baseline, results, failOn) {
    return (0,outcome/* decideOutcome */.dl)({
        occasion: 'local',
        baseline: baseline ? { kind: 'stored', file: baseline } : { kind: 'none', baseHasSuites: false },
        results,
        requested: { failOn, suites: [] },
        comment: 'never',
        driftIssue: false,
    });
}
/** The local baseline (working tree); absent → null with a note, corrupt → ConfigError. */
async function loadBaseline(flags, io) {
    if (!flags.baseline || flags.updateBaseline)
        return null;
    const path = (0,external_node_path_.resolve)(flags.cwd, flags.baseline);
    if ((0,external_node_fs_.existsSync)(path))
        return readResultsFile(path);
    io.stderr(`no baseline at ${flags.baseline}: nothing to compare (create it with --update-baseline)\n`);
    return null;
}
/** The baseline's trend for the HTML report, this run last; none outside a git clone. */
async function localHistory(flags, results) {
    if (!flags.baseline)
        return [];
    try {
        const { entries } = await readGitHistory(flags.cwd, flags.baseline);
        return buildSeries([...entries, { commit: 'this run', date: results.run.date, results }]);
    }
    catch (error) {
        if ((0,errors/* isConfigError */.D)(error))
            return [];
        throw error;
    }
}

// EXTERNAL MODULE: ./src/flows/promptflow/load.ts
var promptflow_load = __webpack_require__(76686);
;// CONCATENATED MODULE: ./src/cli/import-command.ts










const import_command_slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'suite';
const posix = (path) => path.split('\\').join('/') || '.';
/** A promptfoo config's suites as EvalGate documents; `file://` javascript paths re-anchored to `out`. */
function promptfooSuites(path, cwd, out) {
    const file = (0,external_node_path_.relative)(cwd, (0,external_node_path_.resolve)(cwd, path));
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(cwd, file), 'utf8');
    }
    catch {
        throw new errors/* ConfigError */.x(`no promptfoo config at ${file}`, {}, 'give the path of a promptfooconfig.yaml');
    }
    const configDir = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(cwd, file));
    const reanchor = (value) => {
        if (typeof value === 'string' && value.startsWith('file://'))
            return `file://${posix((0,external_node_path_.relative)(out, (0,external_node_path_.resolve)(configDir, value.slice(7))))}`;
        if (Array.isArray(value))
            return value.map(reanchor);
        if ((0,dict/* isDict */.Z)(value))
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'code' ? reanchor(item) : item]));
        return value;
    };
    return fromPromptfoo((0,yaml_source/* parseYaml */.h)(text, file), cwd).map((source) => {
        const doc = source.value;
        const cases = doc.cases.map((testCase) => (Array.isArray(testCase.assert) ? { ...testCase, assert: testCase.assert.map(reanchor) } : testCase));
        return { name: String(doc.name), doc: { ...doc, cases, ...(Array.isArray(doc.evaluators) ? { evaluators: doc.evaluators.map(reanchor) } : {}) } };
    });
}
/** An OpenAI eval object → one suite; its `data:` (the eval's .jsonl) re-anchored to `out`. */
function openAiEvalSuite(path, cwd, out) {
    const file = (0,external_node_path_.relative)(cwd, (0,external_node_path_.resolve)(cwd, path));
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(cwd, file), 'utf8');
    }
    catch {
        throw new errors/* ConfigError */.x(`no OpenAI eval at ${file}`, {}, 'give the path of the eval object saved as JSON (GET /v1/evals/{id})');
    }
    const parsed = (0,yaml_source/* parseYaml */.h)(text, file);
    if (!isOpenAiEval(parsed.value))
        throw new errors/* ConfigError */.x('this is not an OpenAI eval object', { file, line: 1 }, 'save the object the Evals API returns: { "object": "eval", "testing_criteria": [...] }');
    const doc = fromOpenAiEval(parsed, cwd).value;
    return { name: String(doc.name), doc: { ...doc, data: posix((0,external_node_path_.relative)(out, (0,external_node_path_.resolve)(cwd, (0,external_node_path_.dirname)(file), String(doc.data)))) } };
}
/** A PromptFlow flow folder → a `kind: promptflow` suite over the folder's data.jsonl (or its input defaults). */
async function promptflowSuite(path, cwd, out) {
    const flow = await (0,promptflow_load/* loadFlowFolder */.J)(path, { baseDir: cwd, cwd, variant: undefined, where: { file: path }, checkModels: false });
    const folder = (0,external_node_path_.resolve)(cwd, flow.dir);
    const name = (0,external_node_path_.basename)(folder);
    const dataFile = ['data.jsonl', 'data.csv'].map((candidate) => (0,external_node_path_.join)(folder, candidate)).find((candidate) => (0,external_node_fs_.existsSync)(candidate));
    const defaults = Object.fromEntries(Object.entries(flow.graph.inputs).flatMap(([input, spec]) => ('default' in spec ? [[input, spec.default]] : [])));
    const everyDefault = Object.keys(defaults).length > 0 && Object.keys(defaults).length === Object.keys(flow.graph.inputs).length;
    if (!dataFile && !everyDefault) {
        throw new errors/* ConfigError */.x(`${flow.file}: the flow folder has no data.jsonl and not every input has a default`, {}, 'add a data.jsonl with one line per case, then import again');
    }
    return {
        name,
        doc: {
            name,
            flow: { kind: 'promptflow', path: posix((0,external_node_path_.relative)(out, folder)) },
            ...(dataFile ? { data: posix((0,external_node_path_.relative)(out, dataFile)) } : { cases: [defaults] }),
            evaluators: [{ metric: 'latency' }],
        },
    };
}
/** `evalgate import promptflow|promptfoo|openai-evals PATH [--out DIR]`: writes the equivalent .eval.yaml files. */
async function importCommand(args, io) {
    const target = (0,external_node_path_.resolve)(args.cwd, args.path);
    const out = (0,external_node_path_.resolve)(args.cwd, args.out ?? (0,external_node_path_.dirname)(target));
    const suites = args.source === 'promptfoo' ? promptfooSuites(args.path, args.cwd, out) : args.source === 'openai-evals' ? [openAiEvalSuite(args.path, args.cwd, out)] : [await promptflowSuite(args.path, args.cwd, out)];
    (0,external_node_fs_.mkdirSync)(out, { recursive: true });
    const header = `# Imported from ${posix((0,external_node_path_.relative)(out, target))} by \`evalgate import ${args.source}\`.\n`;
    const note = args.source === 'promptflow' ? '# Replace the latency evaluator with your metrics (e.g. metric: promptflow with your evaluation flow).\n' : '';
    const used = new Set();
    for (const suite of suites) {
        let file = `${import_command_slug(suite.name)}.eval.yaml`;
        for (let index = 2; used.has(file); index += 1)
            file = `${import_command_slug(suite.name)}-${index}.eval.yaml`;
        used.add(file);
        await (0,atomic_write/* writeFileAtomic */.Z)((0,external_node_path_.join)(out, file), `${header}${note}${(0,yaml_dist/* stringify */.As)(suite.doc, { lineWidth: 0 })}`);
        io.stdout(`wrote ${posix((0,external_node_path_.relative)(io.cwd, (0,external_node_path_.join)(out, file)))}\n`);
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/cli/main.ts















/** stdout/stderr with known secrets scrubbed and no line able to start a `::command::` in CI. */
function guarded(io) {
    const safe = (write) => (text) => write(guardWorkflowCommands((0,secrets/* scrubSecrets */.Zg)(text)));
    return { ...io, stdout: safe(io.stdout), stderr: safe(io.stderr) };
}
/** The CLI's one error boundary: returns the exit code, never throws, never prints a stack. */
async function main(argv, rawIO) {
    (0,secrets/* registerSecretVariables */.bD)(rawIO.env);
    const io = guarded(rawIO);
    try {
        const command = parseCommand(argv, io.cwd);
        switch (command.name) {
            case 'help':
                io.stdout(`${helpText(command.topic)}\n`);
                return exit_codes/* EXIT */.d.ok;
            case 'version':
                io.stdout(`${VERSION}\n`);
                return exit_codes/* EXIT */.d.ok;
            case 'run':
                return await runCommand(command.suites, command.flags, io);
            case 'init':
                return await initCommand(command, io);
            case 'import':
                return await importCommand(command, io);
            case 'merge':
                return await mergeCommand(command.parts, command.output, io);
            case 'compare': {
                const baseline = await readResultsFile((0,external_node_path_.resolve)(io.cwd, command.baseline));
                const results = await readResultsFile((0,external_node_path_.resolve)(io.cwd, command.results));
                const { comparison, exitCode } = decideLocally(baseline, results, command.failOn);
                printComparison(comparison, command.format, io, { results, baseline, failOn: command.failOn, explain: command.explain });
                if (command.html)
                    await writeHtmlReport((0,external_node_path_.resolve)(io.cwd, command.html), { comparison, pr: results, baseline }, io);
                return exitCode;
            }
            case 'history':
                return await historyCommand(command, io);
        }
    }
    catch (error) {
        if ((0,errors/* isConfigError */.D)(error)) {
            io.stderr(`evalgate: ${escapeLogLine(error.format())}\n`);
            return exit_codes/* EXIT */.d.config;
        }
        io.stderr(`evalgate: internal error: ${escapeLogLine(error?.message ?? String(error))}\n`);
        io.stderr('This is a bug in EvalGate; please report it with the command you ran.\n');
        return exit_codes/* EXIT */.d.internal;
    }
}


/***/ }),

/***/ 63008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58198);




/** `.<name>.<pid>-<random>.tmp`: the writer's pid tells a live write from a killed one's leftover. */
function tempName(name) {
    return `.${name}.${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`;
}
function isRunning(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/** Removes temp files of `name` left by a writer that was killed (its process is gone). */
async function removeStaleTemps(dir, name) {
    const prefix = `.${name}.`;
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir).catch(() => []);
    for (const entry of entries) {
        if (!entry.startsWith(prefix) || !entry.endsWith('.tmp'))
            continue;
        const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(entry.slice(prefix.length, -'.tmp'.length))?.[1]);
        const stale = !Number.isInteger(pid) || (pid !== process.pid && !isRunning(pid));
        if (stale)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry), { force: true });
    }
}
/** Flush to disk in pieces of about this many characters. */
const PIECE = 1 << 20;
/**
 * Writes `text` so readers see the old file or the new one, never half of it: a temp file in
 * the same folder, flushed to disk, then renamed over the target. Known secrets are scrubbed
 * first; the temp file is removed on failure, and those a killed run left are cleaned here.
 * `text` may be a sequence of chunks (a document too large for one string, e.g. one line per
 * case): each chunk is scrubbed, and memory stays at about one piece.
 */
async function writeFileAtomic(path, text) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    await removeStaleTemps(dir, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path));
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, tempName((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)));
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temp, 'w');
        try {
            let piece = [];
            let size = 0;
            for (const chunk of typeof text === 'string' ? [text] : text) {
                piece.push((0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrubSecrets */ .Zg)(chunk));
                size += chunk.length;
                if (size >= PIECE) {
                    await handle.write(piece.join(''));
                    piece = [];
                    size = 0;
                }
            }
            if (piece.length)
                await handle.write(piece.join(''));
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, path);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        throw error;
    }
}


/***/ }),

/***/ 90299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BC: () => (/* binding */ shortHash),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** JSON with object keys sorted at every level: the same data always hashes the same. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, item) => item !== null && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : item);
}
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}
/**
 * A short content hash (16 hex digits) of any JSON-like value. Encoded from the first 8 bytes,
 * not sliced from the 64-digit string: a slice would keep the whole digest alive (one per case).
 */
function shortHash(value) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonicalJson(value)).digest().toString('hex', 0, 8);
}


/***/ }),

/***/ 96577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ semaphore)
/* harmony export */ });
function semaphore(limit) {
    let active = 0;
    const waiting = [];
    return async (task) => {
        if (active >= limit)
            await new Promise((resolvePromise) => waiting.push(resolvePromise));
        active += 1;
        try {
            return await task();
        }
        finally {
            active -= 1;
            waiting.shift()?.();
        }
    };
}


/***/ }),

/***/ 40440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ newCallStats),
/* harmony export */   m: () => (/* binding */ ModelError)
/* harmony export */ });
const newCallStats = () => ({ retries: 0, retryWaitMs: 0, rateLimitWaits: 0, rateLimitWaitMs: 0, hedges: 0 });
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
