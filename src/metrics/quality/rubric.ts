import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ChatMessage } from '../../core/messages.js';
import type { PromptyFile } from '../../prompty/prompty.js';
import { PromptyError, readPrompty, renderJinja, renderPrompty } from '../../prompty/prompty.js';
import { median } from '../../core/numbers.js';
import { askJudge, JUDGE_SAMPLES_SCHEMA } from '../judge/run-judge.js';
import type { MetricDefinition, ScoreInput } from '../types.js';
import { PAIRED_SCORE } from '../policy.js';

/** Reads the judge's choice: JSON `{"choice": …}` first, else the one choice label it names. */
function readChoice(text: string, choices: Record<string, number>): { choice: string; reason?: string } | undefined {
  const labels = Object.keys(choices);
  const json = /\{[\s\S]*\}/.exec(text)?.[0];
  if (json) {
    try {
      const value = JSON.parse(json) as { choice?: unknown; reason?: unknown };
      const choice = labels.find((label) => label.toLowerCase() === String(value.choice).trim().toLowerCase());
      if (choice) return { choice, ...(typeof value.reason === 'string' ? { reason: value.reason } : {}) };
    } catch {
      // not JSON: look for a label
    }
  }
  const named = labels.filter((label) => new RegExp(`(^|[^\\w])${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w]|$)`, 'i').test(text));
  return named.length === 1 && named[0] ? { choice: named[0], reason: text.trim().slice(0, 300) } : undefined;
}

/** Each rubric .prompty file is read and parsed once per process, not once per scored sample. */
const promptyFiles = new Map<string, Promise<PromptyFile>>();
function loadPrompty(file: string): Promise<PromptyFile> {
  let loaded = promptyFiles.get(file);
  if (!loaded) {
    loaded = readFile(file, 'utf8').then(readPrompty);
    promptyFiles.set(file, loaded);
  }
  return loaded;
}

async function rubricMessages(input: ScoreInput, choices: Record<string, number>): Promise<ChatMessage[]> {
  const variables = { ...input.vars, output: input.output, expected: input.options.expected, context: input.context };
  const format = `Answer with JSON only: {"choice": one of ${Object.keys(choices).map((label) => JSON.stringify(label)).join(', ')}, "reason": "<one sentence>"}.`;
  if (typeof input.options.prompty === 'string') {
    const file = resolve(input.suiteDir, input.options.prompty);
    let messages: ChatMessage[];
    try {
      messages = renderPrompty(await loadPrompty(file), variables, { strict: false });
    } catch (error) {
      if (!(error instanceof PromptyError)) throw error;
      throw new Error(`${input.options.prompty}${error.line ? `:${error.line}` : ''}: ${error.message}`);
    }
    return [...messages, { role: 'system', content: format }];
  }
  const prompt = renderJinja({ body: String(input.options.prompt ?? ''), bodyLine: 1 }, variables, { strict: false });
  return [
    { role: 'system', content: `You are a strict evaluator. ${format}` },
    { role: 'user', content: `${prompt}\n\nANSWER TO EVALUATE:\n${input.output}` },
  ];
}

/**
 * A custom LLM-judge rubric: the user writes the prompt (inline `prompt:` or a `.prompty` file)
 * and the choices, each mapped to a score in [0, 1].
 */
export const rubric: MetricDefinition = {
  name: 'rubric',
  family: 'quality',
  scale: { kind: 'unit' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description: 'Custom LLM judge: your prompt (inline or a .prompty file) and choices mapped to scores in [0, 1].',
  requires: ['choices'],
  threshold: 0.5,
  needs: 'chat',
  jinjaOptions: ['prompt'],
  optionsSchema: {
    prompt: { type: 'string', description: 'The rubric; Jinja over the case fields plus output, expected, context.' },
    prompty: { type: 'string', pattern: '\\.prompty$', description: 'A .prompty file (relative to the suite) holding the rubric.' },
    choices: { type: 'object', minProperties: 2, additionalProperties: { type: 'number', minimum: 0, maximum: 1 }, description: 'choice → score, e.g. { correct: 1, partial: 0.5, wrong: 0 }' },
    expected: { description: 'A reference answer the rubric may use.' },
    samples: JUDGE_SAMPLES_SCHEMA,
  },
  async score(input) {
    const choices = input.options.choices as Record<string, number>;
    if (typeof input.options.prompt !== 'string' && typeof input.options.prompty !== 'string') {
      return { value: null, error: 'the rubric needs `prompt:` or `prompty:`' };
    }
    const answer = await askJudge(input, await rubricMessages(input, choices), (text) => readChoice(text, choices));
    if ('error' in answer) return { value: null, error: answer.error, ...(answer.usage ? { evaluatorUsage: answer.usage } : {}) };
    const scores = answer.values.map((value) => choices[value.choice] ?? 0);
    const first = answer.values[0];
    return {
      value: median(scores),
      ...(first ? { reason: `${first.choice}${first.reason ? `: ${first.reason}` : ''}` } : {}),
      ...(answer.usage ? { evaluatorUsage: answer.usage } : {}),
    };
  },
};
