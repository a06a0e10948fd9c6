/**
 * The loopback model of the promptfoo parity oracle: one OpenAI-protocol server both tools talk to
 * (promptfoo under /pf/v1, EvalGate under /eg/v1, so each request is known by its tool), answering
 * deterministically so the same request gets the same answer from either tool:
 * - a chat whose last user message holds `REPLY: text` answers `text` (probes choose their outputs);
 *   any other chat answers an echo of the model, temperature and that message;
 * - a grader chat (a message with `<Rubric>…</Rubric>`) answers what follows `VERDICT:` in the
 *   rubric, else `{"pass": true, "score": 1}` when the output is longer than 20 characters;
 * - embeddings are bags of hashed lower-cased words (the same text, the same vector, any model).
 */
import type { OpenAIServer, RecordedRequest, Reply } from '../../tests/support/openai-server.js';
import { chatReply, embeddingReply, startOpenAIServer } from '../../tests/support/openai-server.js';

export type Tool = 'promptfoo' | 'EvalGate';
export const TOOL_PATHS: Record<Tool, string> = { promptfoo: '/pf/v1', EvalGate: '/eg/v1' };

const text = (content: unknown) => (typeof content === 'string' ? content : JSON.stringify(content));

function embedding(input: string): number[] {
  const vector = new Array<number>(64).fill(0);
  for (const word of input.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let hash = 2166136261;
    for (const char of word) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
    vector[hash % 64] = (vector[hash % 64] ?? 0) + 1;
  }
  return vector;
}

/** A chat request's conversation as text, for grader detection and echoes. */
const messagesOf = (request: RecordedRequest): { role: string; content: string }[] =>
  (Array.isArray(request.body?.messages) ? request.body.messages : []).map((message: { role: string; content: unknown }) => ({ role: message.role, content: text(message.content) }));

export const isGraderRequest = (request: RecordedRequest) => messagesOf(request).some((message) => message.content.includes('<Rubric>'));

function answer(request: RecordedRequest): Reply {
  if (request.path.endsWith('/embeddings')) {
    const inputs: unknown[] = Array.isArray(request.body.input) ? request.body.input : [request.body.input];
    return embeddingReply(inputs.map((input) => embedding(text(input))));
  }
  const messages = messagesOf(request);
  const all = messages.map((message) => message.content).join('\n');
  const rubric = /<Rubric>\n?([\s\S]*?)\n?<\/Rubric>/.exec(all)?.[1];
  if (rubric !== undefined) {
    const verdict = /VERDICT:\s*([\s\S]*)$/.exec(rubric)?.[1];
    const output = /<Output>\n?([\s\S]*?)\n?<\/Output>/.exec(all)?.[1] ?? '';
    return chatReply(verdict ?? JSON.stringify({ reason: 'length', pass: output.length > 20, score: output.length > 20 ? 1 : 0 }));
  }
  const user = [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
  const reply = /REPLY:\s*([\s\S]*?)\s*(\[\/INST\])?\s*$/.exec(user)?.[1];
  return chatReply(reply ?? `Echo from ${String(request.body.model)} at temperature ${String(request.body.temperature)}: ${user}`);
}

export function startParityServer(): Promise<OpenAIServer> {
  return startOpenAIServer(answer);
}
