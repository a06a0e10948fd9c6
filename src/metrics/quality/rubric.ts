import { ConfigError } from '../../core/errors.js';
import { median } from '../../core/numbers.js';
import { PromptyError } from '../../prompty/errors.js';
import { jsonObjectIn, parseJudgement } from '../judge/parse.js';
import type { RubricPrompt } from '../judge/rubric-prompt.js';
import { judgeVariables, rubricMessages, rubricPrompt } from '../judge/rubric-prompt.js';
import { askJudge, JUDGE_SAMPLES_SCHEMA } from '../judge/run-judge.js';
import { PAIRED_SCORE } from '../policy.js';
import type { MetricDefinition, ScoreInput } from '../types.js';

/**
 * Reads the judge's choice strictly: a JSON answer's `choice` field, or an answer that is only a
 * label (quotes, bold and a final period allowed). A label merely mentioned ("The answer is not
 * correct."), another field (`{"pass": false}`) or an unknown label is unreadable — an error.
 */
export function readChoice(text: string, choices: Readonly<Record<string, number>>): { choice: string; reason?: string } | undefined {
  const labels = Object.keys(choices);
  const label = (raw: unknown) => (typeof raw === 'string' ? labels.find((name) => name.toLowerCase() === raw.trim().toLowerCase()) : undefined);
  const json = jsonObjectIn(text);
  if (json) {
    const choice = label(json.choice);
    return choice ? { choice, ...(typeof json.reason === 'string' ? { reason: json.reason } : {}) } : undefined;
  }
  const bare = label(text.trim().replace(/^["'`*]+|["'`*.!]+$/g, ''));
  return bare ? { choice: bare } : undefined;
}

/** How the judge answers: one of the `choices`, or a number on `scale: [min, max]`. */
type Grading = { kind: 'choices'; choices: Record<string, number> } | { kind: 'scale'; min: number; max: number };

function grading(options: Readonly<Record<string, unknown>>): Grading {
  const { choices, scale } = options;
  if ((choices === undefined) === (scale === undefined)) {
    throw new ConfigError('the rubric needs exactly one of `choices:` or `scale:`', {}, 'add `choices: { good: 1, bad: 0 }` (labels → scores in [0, 1]) or `scale: [1, 5]` (a numeric answer)');
  }
  if (choices !== undefined) return { kind: 'choices', choices: choices as Record<string, number> };
  const [min, max] = scale as [number, number];
  if (!(min < max)) throw new ConfigError(`the rubric's scale [${min}, ${max}] is empty`, {}, 'write it as [min, max], e.g. [1, 5]');
  return { kind: 'scale', min, max };
}

function format(grade: Grading, fromFile: boolean): string | undefined {
  if (grade.kind === 'scale') return fromFile ? undefined : `Answer with JSON only: {"score": <integer ${grade.min}-${grade.max}>, "reason": "<one sentence>"}.`;
  return `Answer with JSON only: {"choice": one of ${Object.keys(grade.choices).map((label) => JSON.stringify(label)).join(', ')}, "reason": "<one sentence>"}.`;
}

function messagesFor(input: Pick<ScoreInput, 'options' | 'suiteDir' | 'vars' | 'output' | 'context'>) {
  const grade = grading(input.options);
  const prompt = rubricPrompt(input.options, input.suiteDir);
  const variables = judgeVariables({ vars: input.vars, output: input.output, expected: input.options.expected, context: input.context, inputs: input.options.inputs });
  try {
    return { grade, prompt, messages: rubricMessages(prompt, variables, format(grade, prompt.kind === 'prompty')) };
  } catch (error) {
    if (!(error instanceof PromptyError) || prompt.kind !== 'prompty') throw error;
    throw new ConfigError(error.message, { file: prompt.file, ...(error.line ? { line: error.line } : {}) }, error.fix);
  }
}

/** A .prompty evaluator's own request parameters count when it also sets the answer format (scale). */
const fileParameters = (grade: Grading, prompt: RubricPrompt) => (grade.kind === 'scale' && prompt.kind === 'prompty' ? prompt.spec.parameters : {});

/**
 * A custom LLM judge: your prompt (inline Jinja or a .prompty file, e.g. a published evaluator),
 * graded by `choices` mapped to [0, 1] or by a number on `scale` mapped linearly to [0, 1].
 */
export const rubric: MetricDefinition = {
  name: 'rubric',
  family: 'quality',
  scale: { kind: 'unit' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description: 'Custom LLM judge: your prompt (inline or a .prompty evaluator file), graded by choices or a numeric scale, mapped to [0, 1].',
  requires: [],
  threshold: 0.5,
  needs: 'chat',
  jinjaOptions: ['prompt', 'inputs'],
  optionsSchema: {
    prompt: { type: 'string', description: 'The rubric: inline Jinja over the case fields plus output, expected, context — or a .prompty file (relative to the suite).' },
    prompty: { type: 'string', pattern: '\\.prompty$', description: 'Same as `prompt: file.prompty`.' },
    inputs: { type: 'object', additionalProperties: true, description: "The prompt's variables as templates over the case plus output/expected/context, e.g. { answer: \"{{output}}\" }." },
    choices: { type: 'object', minProperties: 2, additionalProperties: { type: 'number', minimum: 0, maximum: 1 }, description: 'choice → score, e.g. { correct: 1, partial: 0.5, wrong: 0 }' },
    scale: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: 'The numeric range the judge answers in, e.g. [1, 5]; mapped to [0, 1].' },
    expected: { description: 'A reference answer the rubric may use.' },
    samples: JUDGE_SAMPLES_SCHEMA,
  },
  example: { prompt: 'Is {{ output }} a good answer?', choices: { good: 1, bad: 0 } },
  checkCase(options, vars, suiteDir) {
    messagesFor({ options, vars, suiteDir, output: '', ...(typeof options.context === 'string' ? { context: options.context } : {}) });
  },
  async score(input) {
    const { grade, prompt, messages } = messagesFor(input);
    const parameters = fileParameters(grade, prompt);
    if (grade.kind === 'scale') {
      const answer = await askJudge(input, messages, (text) => parseJudgement(text, grade.min, grade.max), parameters);
      if ('error' in answer) return { value: null, error: answer.error, ...(answer.usage ? { evaluatorUsage: answer.usage } : {}) };
      const raw = median(answer.values.map((value) => value.score));
      const reason = answer.values.find((value) => value.reason)?.reason;
      return {
        value: (raw - grade.min) / (grade.max - grade.min),
        reason: `${raw} on ${grade.min}–${grade.max}${reason ? `: ${reason}` : ''}`,
        ...(answer.usage ? { evaluatorUsage: answer.usage } : {}),
      };
    }
    const answer = await askJudge(input, messages, (text) => readChoice(text, grade.choices), parameters);
    if ('error' in answer) return { value: null, error: answer.error, ...(answer.usage ? { evaluatorUsage: answer.usage } : {}) };
    const scores = answer.values.map((value) => grade.choices[value.choice] ?? 0);
    const first = answer.values[0];
    return {
      value: median(scores),
      ...(first ? { reason: `${first.choice}${first.reason ? `: ${first.reason}` : ''}` } : {}),
      ...(answer.usage ? { evaluatorUsage: answer.usage } : {}),
    };
  },
};
