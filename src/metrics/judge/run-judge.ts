import { addUsage, ZERO_USAGE } from '../../core/usage.js';
import type { ChatMessage } from '../../core/messages.js';
import type { Score, ScoreInput } from '../types.js';
import { clientOf } from '../types.js';
import { median } from '../../core/numbers.js';
import { parseJudgement } from './parse.js';

export const JUDGE_SAMPLES_SCHEMA = { type: 'integer', minimum: 1, maximum: 9, description: 'Judge calls per case; the median counts.' };

/**
 * Asks the judge model at temperature 0, `samples: n` times (default 1), and reads each answer
 * with `read` (`parameters`: a judge file's own request parameters, under ours). An answer that
 * cannot be read is an error carrying the raw text — never a 0, never NaN. Tokens spent are returned for costing apart from the flow.
 */
export async function askJudge<T>(
  input: ScoreInput,
  messages: ChatMessage[],
  read: (text: string) => T | undefined,
  parameters: Readonly<Record<string, unknown>> = {},
): Promise<{ values: T[]; usage: Score['evaluatorUsage'] } | { error: string; usage?: Score['evaluatorUsage'] }> {
  const client = clientOf(input);
  const samples = typeof input.options.samples === 'number' ? input.options.samples : 1;
  let usage = { ...ZERO_USAGE };
  const values: T[] = [];
  for (let index = 0; index < samples; index += 1) {
    const response = await client.chat(
      { model: input.judgeModel, messages, parameters: { ...parameters, temperature: 0, ...(samples > 1 ? { seed: index } : {}) } },
      input.signal,
    );
    usage = addUsage(usage, response.usage);
    const value = read(response.text);
    if (value === undefined) {
      return { error: `unparseable judge answer: ${JSON.stringify(response.text.slice(0, 300))}`, usage: { ...usage, model: input.judgeModel } };
    }
    values.push(value);
  }
  return { values, usage: { ...usage, model: input.judgeModel } };
}

/** A judge with one score in [min, max]; the median over samples counts. */
export async function runJudge(input: ScoreInput, messages: ChatMessage[], range: { min: number; max: number }): Promise<Score> {
  const answer = await askJudge(input, messages, (text) => parseJudgement(text, range.min, range.max));
  if ('error' in answer) return { value: null, error: answer.error, ...(answer.usage ? { evaluatorUsage: answer.usage } : {}) };
  const scores = answer.values.map((judgement) => judgement.score);
  const reason = answer.values.find((judgement) => judgement.reason)?.reason;
  return {
    value: median(scores),
    ...(reason ? { reason } : {}),
    ...(scores.length > 1 ? { details: { samples: scores } } : {}),
    ...(answer.usage ? { evaluatorUsage: answer.usage } : {}),
  };
}
