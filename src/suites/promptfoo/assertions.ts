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

/** promptfoo assertion type → our evaluator (metric + options) from its `value`. */
const MAPPED: Record<string, (value: unknown) => Dict> = {
  equals: EXPECTED('equals'),
  contains: EXPECTED('contains'),
  icontains: EXPECTED('icontains'),
  'contains-any': EXPECTED('contains-any'),
  'contains-all': EXPECTED('contains-all'),
  'starts-with': EXPECTED('starts-with'),
  regex: (value) => ({ metric: 'regex', pattern: value }),
  'is-json': (value) => (value === undefined ? { metric: 'json-valid' } : { metric: 'json-schema', schema: value }),
  'contains-json': () => ({ metric: 'contains-json' }),
  similar: EXPECTED('similarity'),
  'llm-rubric': (value) => ({
    metric: 'rubric',
    prompt: `Grade the output against this rubric:\n${String(value)}\n\nOutput:\n{{ output }}`,
    choices: { pass: 1, fail: 0 },
  }),
  javascript: (value) => ({ metric: 'javascript', code: value }),
  python: (value) => ({ metric: 'python', code: value }),
  latency: () => ({ metric: 'latency' }),
  cost: () => ({ metric: 'cost' }),
};

/** `not-` forms we can negate (deterministic 0–1 metrics). */
const NEGATABLE = new Set(['equals', 'contains', 'icontains', 'contains-any', 'contains-all', 'starts-with', 'regex', 'is-json', 'contains-json', 'javascript', 'python']);

/** Keys of an assertion EvalGate translates; anything else (transform, rubricPrompt…) would change its meaning. */
const KNOWN_KEYS = new Set(['type', 'value', 'threshold', 'weight', 'metric', 'provider', 'description']);

/** The assertion types EvalGate runs, for messages and docs. */
export const SUPPORTED_ASSERTIONS = [...Object.keys(MAPPED), ...[...NEGATABLE].map((type) => `not-${type}`)];

/** Reads a CSV `__expected` cell: `contains: x`, `javascript: …`, `fn: …`, or a plain value (equals). */
export function expectedCell(cell: string): Dict {
  const typed = /^(not-)?([a-z][a-z-]*):\s?([\s\S]*)$/.exec(cell);
  if (typed && ((typed[2] ?? '') in MAPPED || typed[2] === 'fn' || typed[2] === 'grade' || typed[2] === 'eval')) {
    const type = typed[2] === 'fn' || typed[2] === 'eval' ? 'javascript' : typed[2] === 'grade' ? 'llm-rubric' : (typed[2] ?? '');
    return { type: `${typed[1] ?? ''}${type}`, value: typed[3] };
  }
  return { type: 'equals', value: cell };
}

/** One promptfoo assertion → an EvalGate evaluator entry (metric, options, threshold, weight, name). */
export function toEvaluator(assertion: unknown): Dict {
  if (!isDict(assertion) || typeof assertion.type !== 'string') throw new UnsupportedAssertion('an assertion needs a `type`');
  const { type, value, threshold, weight, metric: name, provider } = assertion;
  const unknown = Object.keys(assertion).find((key) => !KNOWN_KEYS.has(key));
  if (unknown) throw new UnsupportedAssertion(`\`${unknown}\` on an assertion is not supported (EvalGate reads type, value, threshold, weight, metric)`, unknown);
  const negated = type.startsWith('not-');
  const base = negated ? type.slice(4) : type;
  const build = MAPPED[base];
  if (!build || (negated && !NEGATABLE.has(base))) {
    throw new UnsupportedAssertion(`promptfoo assertion type "${type}" is not supported — EvalGate runs ${SUPPORTED_ASSERTIONS.join(', ')}`);
  }
  const entry = build(value);
  const key = typeof name === 'string' ? name.replace(/[^\w.-]+/g, '-').replace(/^[^A-Za-z]+/, '') : '';
  return {
    ...(key ? { name: key } : {}),
    ...entry,
    metric: negated ? `not-${String(entry.metric)}` : entry.metric,
    ...(typeof threshold === 'number' ? { threshold } : base === 'similar' ? { threshold: 0.75 } : {}),
    ...(typeof weight === 'number' ? { weight } : {}),
    ...(typeof provider === 'string' && base === 'llm-rubric' ? { 'judge-model': provider.replace(/^(openai|azureopenai):(chat:)?/, '') } : {}),
  };
}
