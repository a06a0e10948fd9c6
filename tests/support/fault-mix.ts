import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import type { ResultsFile } from '../../src/results/types.js';
import type { Reply } from './openai-server.js';
import { chatReply, errorReply, startOpenAIServer } from './openai-server.js';

/** Shares of requests answered with each fault; the rest answer normally after `latencyMs`. */
export interface FaultMix {
  rateLimited: number;
  serverError: number;
  hang: number;
  malformed: number;
}

export const NO_FAULTS: FaultMix = { rateLimited: 0, serverError: 0, hang: 0, malformed: 0 };
/** The mix of issue 10: 20 % 429 + 5 % 500 + 2 % hangs + 2 % malformed. */
export const ISSUE_MIX: FaultMix = { rateLimited: 0.2, serverError: 0.05, hang: 0.02, malformed: 0.02 };

/** A seeded generator, so a scenario's faults are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function faultyHandler(mix: FaultMix, latencyMs: number, seed: number) {
  const random = mulberry32(seed);
  return (request: { body: { messages?: { role: string; content: string }[] } }): Reply => {
    const roll = random();
    let edge = mix.rateLimited;
    if (roll < edge) return errorReply(429, 'Rate limit reached for requests');
    if (roll < (edge += mix.serverError)) return errorReply(500, 'The server had an error while processing your request');
    if (roll < (edge += mix.hang)) return { hang: true };
    if (roll < (edge += mix.malformed)) return { text: '{"id": "chatcmpl-x", "choices": [', delayMs: latencyMs };
    const question = request.body.messages?.at(-1)?.content ?? '';
    return { ...chatReply(`answer to ${question}`), delayMs: latencyMs };
  };
}

/** A prompt suite of `cases` cases scored by `icontains` (the loopback model echoes the question). */
export function promptSuiteRepo(cases: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-faults-'));
  mkdirSync(join(dir, 'evals/chat'), { recursive: true });
  writeFileSync(
    join(dir, 'evals/chat/chat.eval.yaml'),
    'name: chat\nflow:\n  kind: prompt\n  model: gpt-4o-mini\n  messages:\n    - { role: user, content: "{{q}}" }\ndata: cases.jsonl\nevaluators:\n  - { metric: icontains, expected: "{{q}}" }\n',
  );
  writeFileSync(join(dir, 'evals/chat/cases.jsonl'), Array.from({ length: cases }, (_, index) => JSON.stringify({ id: `c${index}`, q: `question ${index}` })).join('\n'));
  return dir;
}

export interface FaultRun {
  ms: number;
  results: ResultsFile;
  requests: number;
}

/** One evaluation through the real engine and the openai SDK against a faulty loopback provider. */
export async function runWithFaults(options: { cases: number; mix: FaultMix; latencyMs?: number; concurrency?: number; attemptTimeoutMs?: number; timeoutMs?: number; seed?: number; outage?: { status: number; message: string } }): Promise<FaultRun> {
  const server = await startOpenAIServer(options.outage ? () => errorReply(options.outage?.status ?? 500, options.outage?.message ?? '') : faultyHandler(options.mix, options.latencyMs ?? 100, options.seed ?? 1));
  try {
    const started = performance.now();
    const results = await runEvaluation({
      suites: ['evals/**/*.eval.yaml'],
      cwd: promptSuiteRepo(options.cases),
      apiKey: 'sk-loopback',
      baseUrl: server.url,
      concurrency: options.concurrency ?? 8,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.attemptTimeoutMs ? { attemptTimeoutMs: options.attemptTimeoutMs } : {}),
    });
    return { ms: performance.now() - started, results, requests: server.requests.length };
  } finally {
    await server.close();
  }
}

/** Cases with a score, and cases that errored with a reason; together they must be all of them. */
export function tally(results: ResultsFile): { scored: number; errored: number; unexplained: number } {
  const samples = results.suites.flatMap((suite) => suite.cases.flatMap((testCase) => testCase.samples));
  const scored = samples.filter((sample) => !sample.error && Object.values(sample.scores).every((score) => score.status === 'ok')).length;
  const errored = samples.filter((sample) => typeof sample.error === 'string' && sample.error.length > 0).length;
  return { scored, errored, unexplained: samples.length - scored - errored };
}
