/**
 * The loopback workload of the benchmarks: a suite of questions (system "Answer briefly.") and the
 * OpenAI-protocol provider that answers it, in a process of its own as a real one would be: its
 * work (parsing, timers, writing replies) does not share the event loop of what is being measured.
 * Every chat call is answered after a fixed latency; judge calls (any conversation not opened by
 * "Answer briefly.") get a score, the others an echo of the question.
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chatReply, startOpenAIServer } from '../tests/support/openai-server.js';

/** `<name>.eval.yaml` and `<name>.jsonl` in `dir`: `cases` questions, a prompt flow, a `contains` evaluator. */
export function writeSuite(dir: string, name: string, cases: number, extra = ''): void {
  const data = Array.from({ length: cases }, (_, index) => JSON.stringify({ id: `${name}-${index}`, question: `question ${index} of ${name}` })).join('\n');
  writeFileSync(join(dir, `${name}.jsonl`), `${data}\n`);
  writeFileSync(
    join(dir, `${name}.eval.yaml`),
    `name: ${name}\n${extra}flow:\n  kind: prompt\n  model: gpt-4o-mini\n  messages:\n    - { role: system, content: "Answer briefly." }\n    - { role: user, content: "{{ question }}" }\ndata: ${name}.jsonl\nevaluators:\n  - { metric: contains, expected: "question" }\n`,
  );
}

export interface Provider {
  url: string;
  /** How many requests the server has received so far. */
  requests: () => Promise<number>;
  close: () => void;
}

/** Serves in this process: tells the parent its URL and, when asked, its request count. */
async function serveProvider(latencyMs: number): Promise<void> {
  const server = await startOpenAIServer((request) => {
    const user = request.body.messages?.at(-1)?.content ?? '';
    const judge = request.body.messages?.[0]?.content !== 'Answer briefly.';
    return { ...(judge ? chatReply('{"score": 4}') : chatReply(`answer: ${user}`)), delayMs: latencyMs };
  });
  process.send?.({ url: server.url });
  process.on('message', (message) => {
    if (message === 'count') process.send?.({ requests: server.requests.length });
    if (message === 'close') void server.close().then(() => process.disconnect());
  });
}

/** Starts the provider in a child process (this file, run with the caller's loader, e.g. tsx). */
export async function startProvider(latencyMs: number): Promise<Provider> {
  const child = fork(fileURLToPath(import.meta.url), [String(latencyMs)], { execArgv: process.execArgv });
  const next = <T>() => new Promise<T>((resolvePromise) => child.once('message', (message) => resolvePromise(message as T)));
  const { url } = await next<{ url: string }>();
  return {
    url,
    requests: async () => {
      const reply = next<{ requests: number }>();
      child.send('count');
      return (await reply).requests;
    },
    close: () => child.send('close'),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serveProvider(Number(process.argv[2]));
