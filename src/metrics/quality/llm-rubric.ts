import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import type { ChatMessage } from '../../core/messages.js';
import { renderTemplate } from '../../core/template/engine.js';
import { jsonObjectIn } from '../judge/parse.js';
import { askJudge } from '../judge/run-judge.js';
import { PAIRED_SCORE } from '../policy.js';
import type { MetricDefinition, Score } from '../types.js';
import { ANY_POSITIVE, verdictScore } from './script-result.js';

/** promptfoo's default llm-rubric grading prompt (0.123.1), as chat messages over `output` and `rubric`. */
export const PROMPTFOO_GRADING_PROMPT: readonly ChatMessage[] = [
  {
    role: 'system',
    content: `You are grading output according to a user-specified rubric. If the statement in the rubric is true, then the output passes the test. You respond with a JSON object with this structure: {reason: string, pass: boolean, score: number}

Examples:

<Output>Hello world</Output>
<Rubric>Content contains a greeting</Rubric>
{"reason": "the content contains the word 'Hello'", "pass": true, "score": 1.0}

<Output>Avast ye swabs, repel the invaders!</Output>
<Rubric>Does not speak like a pirate</Rubric>
{"reason": "'avast ye' is a common pirate term", "pass": false, "score": 0.0}`,
  },
  { role: 'user', content: '<Output>\n{{ output }}\n</Output>\n<Rubric>\n{{ rubric }}\n</Rubric>' },
];

const ROLES = new Set(['system', 'user', 'assistant']);

/** What promptfoo's OpenAI grader sends besides temperature 0: its default max_tokens. */
const GRADER_PARAMETERS = { max_tokens: 1024 };

/** A `prompt:` (promptfoo's rubricPrompt): a JSON chat list, `file://` to one, or text sent as one user message. */
function promptMessages(prompt: unknown, suiteDir: string): readonly ChatMessage[] {
  if (prompt === undefined) return PROMPTFOO_GRADING_PROMPT;
  if (Array.isArray(prompt)) return prompt as ChatMessage[];
  let text = String(prompt);
  const file = /^file:\/\/(.+)$/.exec(text.trim())?.[1];
  if (file) {
    try {
      text = readFileSync(resolve(suiteDir, file), 'utf8');
    } catch {
      throw new ConfigError(`rubric prompt file not found: ${file}`, {}, 'the path is relative to the suite (or promptfoo config)');
    }
  }
  if (text.trim().startsWith('[')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (Array.isArray(parsed) && parsed.every((message) => ROLES.has((message as ChatMessage).role) && typeof (message as ChatMessage).content === 'string')) return parsed as ChatMessage[];
    } catch {
      // text that starts with "[": sent as it is
    }
  }
  return [{ role: 'user', content: text }];
}

/**
 * Reads a grader's verdict strictly: a JSON object with a boolean `pass` (or the strings
 * "true"/"false") and/or a `score` in [0, 1] (one outside it is not read); anything else is
 * unreadable — an error, never a score.
 */
export function readVerdict(text: string): { pass: boolean; score: number; reason?: string } | undefined {
  const json = jsonObjectIn(text);
  if (!json) return undefined;
  const pass = typeof json.pass === 'boolean' ? json.pass : typeof json.pass === 'string' && /^(true|false)$/i.test(json.pass.trim()) ? json.pass.trim().toLowerCase() === 'true' : undefined;
  const score = typeof json.score === 'number' && json.score >= 0 && json.score <= 1 ? json.score : undefined;
  if (pass === undefined && score === undefined) return undefined;
  const reason = typeof json.reason === 'string' && json.reason ? json.reason : undefined;
  return { pass: pass ?? (score ?? 0) > 0, score: score ?? (pass ? 1 : 0), ...(reason ? { reason } : {}) };
}

/** promptfoo's `llm-rubric`: the grader answers `{reason, pass, score}`; `pass` decides, a `threshold` can turn it into a fail. */
export const llmRubric: MetricDefinition = {
  name: 'llm-rubric',
  family: 'quality',
  scale: { kind: 'unit' },
  direction: 'higher-is-better',
  policy: PAIRED_SCORE,
  description: 'promptfoo’s llm-rubric: an LLM grader answers {pass, score, reason} on your rubric (promptfoo’s grading prompt, or your `prompt`); pass decides.',
  requires: ['rubric'],
  example: { rubric: 'names the weight' },
  threshold: ANY_POSITIVE,
  needs: 'chat',
  jinjaOptions: ['prompt'],
  optionsSchema: {
    rubric: { type: 'string', description: 'What a passing output does, e.g. "Is polite and names the capital".' },
    prompt: { description: 'The grading prompt (promptfoo’s rubricPrompt): a JSON chat list, file://path, or text, over output, rubric and the case fields.' },
  },
  checkOptions(options) {
    if (options.prompt !== undefined && typeof options.prompt !== 'string' && !Array.isArray(options.prompt)) {
      throw new ConfigError('`prompt` must be text, a file:// path or a list of { role, content } messages', {}, 'e.g. prompt: file://grader.json');
    }
  },
  async score(input): Promise<Score> {
    const variables = { ...input.vars, output: input.output, rubric: input.options.rubric };
    const messages = promptMessages(input.options.prompt, input.suiteDir).map((message) => ({ ...message, content: renderTemplate(message.content, variables) }));
    const answer = await askJudge(input, messages, readVerdict, GRADER_PARAMETERS);
    const usage = answer.usage ? { evaluatorUsage: answer.usage } : {};
    if ('error' in answer) return { value: null, error: answer.error, ...usage };
    const [verdict] = answer.values;
    if (!verdict) return { value: null, error: 'the grader gave no answer', ...usage };
    return { ...verdictScore(verdict.pass, verdict.score, input.threshold, verdict.reason), ...usage };
  },
};
