import { usageFromOpenAI } from '../../core/usage.js';
import type { ChatRequest, ChatResponse } from '../types.js';
import { ModelError } from '../types.js';
import { answerText } from '../tool-calls.js';

/** The Batch API input: one chat completion request per line, `custom_id` = its queue position. */
export function batchInput(requests: readonly ChatRequest[]): string {
  return requests
    .map((request, index) =>
      JSON.stringify({
        custom_id: `evalgate-${index}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { ...request.parameters, model: request.model, messages: request.messages },
      }),
    )
    .join('\n')
    .concat('\n');
}

/** One line of the output or error file. */
interface OutputLine {
  custom_id?: string;
  response?: { status_code?: number; body?: any } | null;
  error?: { code?: string; message?: string } | null;
}

/**
 * The output (and error) files → an answer or an error per queue position. A line we cannot
 * read, or a request with no line at all, is an error for that request — never an empty answer.
 */
export function batchAnswers(text: string, count: number): (ChatResponse | ModelError)[] {
  const answers: (ChatResponse | ModelError | undefined)[] = new Array(count).fill(undefined);
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    let line: OutputLine;
    try {
      line = JSON.parse(raw);
    } catch {
      continue;
    }
    const index = Number(/^evalgate-(\d+)$/.exec(line.custom_id ?? '')?.[1]);
    if (!Number.isInteger(index) || index < 0 || index >= count) continue;
    answers[index] = readLine(line);
  }
  return answers.map((answer) => answer ?? new ModelError('bad-response', 'the batch output has no line for this request'));
}

function readLine(line: OutputLine): ChatResponse | ModelError {
  const status = line.response?.status_code ?? 0;
  if (line.error || status !== 200) {
    const message = line.error?.message ?? line.response?.body?.error?.message ?? 'no answer';
    return new ModelError(status >= 500 ? 'server' : 'bad-request', `batch request failed (HTTP ${status || '—'}): ${message}`, status || undefined);
  }
  const body = line.response?.body;
  const text = answerText(body?.choices?.[0]?.message);
  if (text === undefined) return new ModelError('bad-response', 'the batch answer has neither choices[0].message.content nor tool calls');
  return { text, model: body.model ?? '', usage: usageFromOpenAI(body.usage), latencyMs: 0, batch: true };
}
