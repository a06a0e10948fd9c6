import type { Dict } from '../../core/dict.js';
import { isDict } from '../../core/dict.js';

/** Raised for an assertion with no EvalGate equivalent; the translator adds file:line. */
export class UnsupportedAssertion extends Error {
  readonly field: string;
  constructor(message: string, field = 'type') {
    super(message);
    this.field = field;
  }
}

const EXPECTED = (metric: string) => (value: unknown): Dict => ({ metric, expected: value });

/**
 * promptfoo's reading of a comma-separated `contains-any` / `contains-all` value: fields split on
 * commas and trimmed, a field in double quotes keeps its commas (`""` is a quote inside it).
 */
export function commaSeparated(value: string): string[] {
  const fields: string[] = [];
  let index = 0;
  const skip = (pattern: RegExp) => {
    while (index < value.length && pattern.test(value[index] ?? '')) index += 1;
  };
  while (index < value.length) {
    skip(/[\s,]/);
    if (index >= value.length) break;
    if (value[index] === '"') {
      let field = '';
      for (index += 1; index < value.length; index += 1) {
        if (value[index] === '"' && value[index + 1] === '"') {
          field += '"';
          index += 1;
        } else if (value[index] === '"') break;
        else field += value[index];
      }
      index += 1;
      fields.push(field);
      skip(/\s/);
      if (index < value.length && value[index] !== ',') throw new UnsupportedAssertion(`expected a comma after the quoted field "${field}" in "${value}"`, 'value');
    } else {
      const comma = value.indexOf(',', index);
      const stop = comma === -1 ? value.length : comma;
      fields.push(value.slice(index, stop).trim());
      index = stop;
    }
  }
  return fields;
}

const LIST = (metric: string) => (value: unknown): Dict => ({ metric, expected: typeof value === 'string' ? commaSeparated(value) : value });

/** promptfoo assertion type → our evaluator (metric + options) from its `value`. */
const MAPPED: Record<string, (value: unknown) => Dict> = {
  equals: EXPECTED('equals'),
  contains: EXPECTED('contains'),
  icontains: EXPECTED('icontains'),
  'contains-any': LIST('contains-any'),
  'contains-all': LIST('contains-all'),
  'starts-with': EXPECTED('starts-with'),
  regex: (value) => ({ metric: 'regex', pattern: value }),
  'is-json': (value) => (value === undefined ? { metric: 'json-valid' } : { metric: 'json-schema', schema: value }),
  'contains-json': () => ({ metric: 'contains-json' }),
  similar: EXPECTED('similarity'),
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
export const SUPPORTED_ASSERTIONS = [...Object.keys(MAPPED), ...[...NEGATABLE].map((type) => `not-${type}`)];

/** Every assertion type promptfoo 0.123.1 knows, so a CSV cell naming one is read as that assertion (and refused if unsupported), never as `equals`. */
const PROMPTFOO_TYPES = 'agent-rubric answer-relevance bleu classifier contains contains-all contains-any contains-html contains-json contains-sql contains-xml context-faithfulness context-recall context-relevance conversation-relevance cost equals factuality finish-reason g-eval gleu guardrails icontains icontains-all icontains-any is-html is-json is-refusal is-sql is-valid-function-call is-valid-openai-function-call is-valid-openai-tools-call is-xml javascript latency levenshtein llm-rubric pi meteor model-graded-closedqa model-graded-factuality moderation perplexity perplexity-score python regex rouge-n ruby similar starts-with skill-used search-rubric webhook word-count select-best human max-score'.split(' ');
const CELL = new RegExp(`^(not-)?(${PROMPTFOO_TYPES.join('|')})(?:\\((\\d+(?:\\.\\d+)?)\\))?(?::([\\s\\S]*))?$`);
/** Types whose CSV cell gets promptfoo's default threshold when `(n)` does not set one. */
const CELL_THRESHOLDS: Record<string, number> = { similar: 0.8, 'starts-with': 0.75, levenshtein: 0.75, latency: 0.75, cost: 0.75 };

/**
 * Reads a CSV `__expected` cell as promptfoo does: `javascript:` / `fn:` / `eval:` / `python:` /
 * `grade:` / `llm-rubric:` prefixes, `file://x.js|py`, `[not-]type[(threshold)]:value`
 * (`contains-any:a,b` split on commas), else the whole cell for `equals`.
 */
export function expectedCell(raw: string): Dict {
  const cell = raw.trim();
  const prefixed = /^(javascript|fn|eval|python|grade|llm-rubric):([\s\S]*)$/.exec(cell);
  if (prefixed) {
    const kind = prefixed[1] ?? '';
    const type = kind === 'python' ? 'python' : kind === 'grade' || kind === 'llm-rubric' ? 'llm-rubric' : 'javascript';
    return { type, value: type === 'llm-rubric' ? (prefixed[2] ?? '') : (prefixed[2] ?? '').trim() };
  }
  if (/^file:\/\/.+\.(js|cjs|mjs|ts)(:\w+)?$/.test(cell)) return { type: 'javascript', value: cell };
  if (/^file:\/\/.+\.py(:\w+)?$/.test(cell)) return { type: 'python', value: cell };
  const typed = CELL.exec(cell);
  if (!typed) return { type: 'equals', value: cell };
  const [, not = '', type = '', threshold, value] = typed;
  const values = type.endsWith('-any') || type.endsWith('-all') ? (value ? commaSeparated(value) : value) : type === 'contains-json' || type === 'is-json' ? value : value?.trim();
  const mark = threshold === undefined ? CELL_THRESHOLDS[type] : Number(threshold);
  return { type: `${not}${type}`, ...(values === undefined ? {} : { value: values }), ...(mark === undefined ? {} : { threshold: mark }) };
}

/** What a test's (or defaultTest's) `options` hand to its model-graded assertions. */
export interface GradingOptions {
  provider?: unknown;
  rubricPrompt?: unknown;
}

/** A grader `provider` (an id or { id }) → our judge model; other providers are refused. */
function judgeModel(provider: unknown): string {
  const id = typeof provider === 'string' ? provider : isDict(provider) && typeof provider.id === 'string' ? provider.id : undefined;
  const model = id ? /^(?:openai|azureopenai|azure):(?:chat:)?([^:]+)$/.exec(id)?.[1] : undefined;
  if (!model) throw new UnsupportedAssertion(`grader provider ${JSON.stringify(provider)} is not supported — EvalGate grades with an OpenAI-protocol chat model (openai:chat:<model>) on its own endpoint`, 'provider');
  return model;
}

/** One promptfoo assertion → an EvalGate evaluator entry (metric, options, threshold, weight, name). */
export function toEvaluator(assertion: unknown, grading: GradingOptions = {}): Dict {
  if (!isDict(assertion) || typeof assertion.type !== 'string') throw new UnsupportedAssertion('an assertion needs a `type`');
  const { type, value, threshold, weight, metric: name } = assertion;
  const unknown = Object.keys(assertion).find((key) => !KNOWN_KEYS.has(key));
  if (unknown) throw new UnsupportedAssertion(`\`${unknown}\` on an assertion is not supported (EvalGate reads type, value, threshold, weight, metric, provider and rubricPrompt)`, unknown);
  const negated = type.startsWith('not-');
  const base = negated ? type.slice(4) : type;
  const build = MAPPED[base];
  if (!build || (negated && !NEGATABLE.has(base))) {
    throw new UnsupportedAssertion(`promptfoo assertion type "${type}" is not supported — EvalGate runs ${SUPPORTED_ASSERTIONS.join(', ')}`);
  }
  const graded = GRADED.has(base);
  for (const key of ['provider', 'rubricPrompt'] as const) {
    if (assertion[key] !== undefined && !graded) throw new UnsupportedAssertion(`\`${key}\` on a ${type} assertion is not supported (only model-graded assertions such as llm-rubric use it)`, key);
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
