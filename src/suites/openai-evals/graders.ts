import type { Dict } from '../../core/dict.js';
import { isDict } from '../../core/dict.js';
import { isAnswer, readReference, translateTemplate, UnsupportedCriterion } from './templates.js';

/** The testing-criterion types EvalGate runs, for messages and docs. */
export const SUPPORTED_GRADERS = ['string_check (eq, ne, like, ilike)', 'label_model', 'score_model (integer range spanning ≥ 2)', 'python'];

const refuse = (message: string, fix: string): never => {
  throw new UnsupportedCriterion(message, fix);
};

/** `string_check` eq/ne compare exactly (no trimming), so they run as JavaScript; like/ilike are substring checks. */
function stringCheck(grader: Dict): Dict {
  if (!isAnswer(grader.input)) refuse('`input` must be {{ sample.output_text }}', 'EvalGate grades the answer under test; compare data fields in the data file instead');
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

const NEAREST: Record<string, string> = { fuzzy_match: 'levenshtein', bleu: 'bleu', rouge_l: 'rouge-l', cosine: 'similarity' };

function textSimilarity(grader: Dict): never {
  const metric = String(grader.evaluation_metric);
  const nearest = NEAREST[metric];
  return refuse(
    `text_similarity (${metric}) is not supported: EvalGate has no metric that scores exactly like OpenAI's ${metric}, and a gate on a different number would promise something else`,
    nearest ? `write an EvalGate suite with \`metric: ${nearest}\` (expected: "{{ item.<field> }}") and set its threshold on EvalGate's scores` : 'write an EvalGate suite with a metric of your choice (bleu, rouge-l, levenshtein, similarity)',
  );
}

/** The grader's messages as one judge prompt (string contents only; images and audio are refused). */
function judgePrompt(input: unknown): string {
  if (!Array.isArray(input) || input.length === 0) return refuse('`input` must be a list of messages', 'give the judge prompt as [{ role, content }]');
  return input
    .map((message: unknown, index) => {
      const content = isDict(message) ? message.content : undefined;
      const text = typeof content === 'string' ? content : isDict(content) && content.type === 'input_text' && typeof content.text === 'string' ? content.text : undefined;
      if (text === undefined) return refuse(`input[${index}] has no text content (images, audio and content lists are not supported)`, 'give each judge message a string content');
      return translateTemplate(text, `input[${index}].content`);
    })
    .join('\n\n');
}

function judgeModel(grader: Dict): Dict {
  if (typeof grader.model !== 'string' || !grader.model) refuse('`model` is missing', 'name the judge model, e.g. "gpt-4o-mini"');
  if (isDict(grader.sampling_params) && Object.values(grader.sampling_params).some((value) => value !== null && value !== undefined)) {
    refuse('`sampling_params` are not supported (EvalGate judges use their own fixed parameters)', 'remove sampling_params');
  }
  return { 'judge-model': grader.model };
}

function labelModel(grader: Dict): Dict {
  const labels = grader.labels;
  const passing = grader.passing_labels;
  if (!Array.isArray(labels) || labels.length < 2 || !labels.every((label) => typeof label === 'string')) refuse('`labels` must list at least two labels', 'e.g. labels: ["correct", "incorrect"]');
  if (!Array.isArray(passing) || passing.length === 0 || !passing.every((label) => (labels as unknown[]).includes(label))) {
    refuse('`passing_labels` must be a non-empty subset of `labels`', 'list which labels pass');
  }
  const choices = Object.fromEntries((labels as string[]).map((label) => [label, (passing as unknown[]).includes(label) ? 1 : 0]));
  return { metric: 'rubric', prompt: judgePrompt(grader.input), choices, threshold: 1, ...judgeModel(grader) };
}

function scoreModel(grader: Dict): Dict {
  const [min, max] = Array.isArray(grader.range) ? (grader.range as unknown[]) : [0, 1];
  if (typeof min !== 'number' || typeof max !== 'number' || !Number.isInteger(min) || !Number.isInteger(max) || max - min < 2) {
    refuse(
      `range ${JSON.stringify(grader.range ?? [0, 1])} is not supported: EvalGate's numeric judge answers an integer on the range, so a range spanning less than 2 would turn a score into pass/fail`,
      'give an integer range such as [0, 10] (and scale pass_threshold with it), or use a label_model grader',
    );
  }
  const low = min as number;
  const high = max as number;
  const threshold = grader.pass_threshold;
  if (threshold !== undefined && (typeof threshold !== 'number' || threshold < low || threshold > high)) refuse(`pass_threshold must be a number in [${low}, ${high}]`, 'set it inside the range');
  return {
    metric: 'rubric',
    prompt: judgePrompt(grader.input),
    scale: [low, high],
    ...(typeof threshold === 'number' ? { threshold: (threshold - low) / (high - low) } : {}),
    ...judgeModel(grader),
  };
}

/** OpenAI's python grader defines grade(sample, item) → float; EvalGate's python metric calls it with the answer and the row's item. */
function python(grader: Dict): Dict {
  const source = grader.source;
  if (typeof source !== 'string' || !/^\s*def\s+grade\s*\(/m.test(source)) refuse('`source` must define grade(sample, item)', 'define def grade(sample, item) -> float');
  if (/\{\{|\{%|\{#/.test(source as string)) refuse('`source` contains {{, {% or {#, which EvalGate would read as template syntax', 'write those characters differently (e.g. "{" + "{"), or move the grader into a .py file used by an EvalGate suite');
  const code = `${source as string}\nreturn float(grade({"output_text": output}, context["vars"]["item"]))`;
  return { metric: 'python', code, ...(typeof grader.pass_threshold === 'number' ? { threshold: grader.pass_threshold } : {}) };
}

const BUILDERS: Record<string, (grader: Dict) => Dict> = { string_check: stringCheck, text_similarity: textSimilarity, label_model: labelModel, score_model: scoreModel, python };

/** One entry of `testing_criteria` → an EvalGate evaluator, or UnsupportedCriterion saying why not. */
export function toEvaluator(grader: unknown): Dict {
  if (!isDict(grader) || typeof grader.type !== 'string') return refuse('a testing criterion needs a `type`', `EvalGate runs ${SUPPORTED_GRADERS.join(', ')}`);
  if (grader.type === 'multi') {
    return refuse('multi graders are not supported: EvalGate gates each metric on its own and does not compute calculate_output formulas', 'list the inner graders as separate testing_criteria');
  }
  const build = BUILDERS[grader.type];
  if (!build) return refuse(`grader type "${grader.type}" is not supported`, `EvalGate runs ${SUPPORTED_GRADERS.join(', ')}`);
  const name = typeof grader.name === 'string' ? grader.name.replace(/[^\w.-]+/g, '-').replace(/^[^A-Za-z]+/, '') : '';
  return { ...(name ? { name } : {}), ...build(grader) };
}
