import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import type { ResultsFile } from '../../src/results/types.js';
import type { Handler, Reply } from './openai-server.js';
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

/**
 * How long a healthy answer takes: a fixed time, or a log-normal spread around a median (a real
 * provider's: `sigma` 0.5 puts its p99 at 3.2 × the median).
 */
export type Latency = number | { medianMs: number; sigma: number };

/** A realistic spread: median 200 ms, p99 ≈ 640 ms. */
export const SPREAD: Latency = { medianMs: 200, sigma: 0.5 };

function latencyDraw(latency: Latency, random: () => number): () => number {
  if (typeof latency === 'number') return () => latency;
  // Box–Muller: one standard normal from two uniforms.
  return () => latency.medianMs * Math.exp(latency.sigma * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

/** The provider's broken answers, in turn: not JSON, an HTML error page with status 200, no choices. */
export const MALFORMED: Reply[] = [{ text: '{"id": "chatcmpl-x", "choices": [' }, { text: '<html><body>upstream error</body></html>' }, { json: { id: 'chatcmpl-x', object: 'chat.completion', model: 'gpt-4o-mini', choices: [] } }];

function faultyHandler(mix: FaultMix, latency: Latency, seed: number) {
  const random = mulberry32(seed);
  const delay = latencyDraw(latency, mulberry32(seed + 1));
  let broken = 0;
  return (request: { body: { messages?: { role: string; content: string }[] } }): Reply => {
    const roll = random();
    let edge = mix.rateLimited;
    if (roll < edge) return errorReply(429, 'Rate limit reached for requests');
    if (roll < (edge += mix.serverError)) return errorReply(500, 'The server had an error while processing your request');
    if (roll < (edge += mix.hang)) return { hang: true };
    if (roll < (edge += mix.malformed)) return { ...MALFORMED[broken++ % MALFORMED.length], delayMs: delay() };
    const question = request.body.messages?.at(-1)?.content ?? '';
    return { ...chatReply(`answer to ${question}`), delayMs: delay() };
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
  /** Slow requests the client hedged (as the progress line counts them). */
  hedges: number;
}

/** Every request fails the same way: an HTTP error, or no answer at all. */
export type Outage = { status: number; message: string } | 'hang';

function outageHandler(outage: Outage): () => Reply {
  return outage === 'hang' ? () => ({ hang: true }) : () => errorReply(outage.status, outage.message);
}

/** One evaluation through the real engine and the openai SDK against a faulty loopback provider. */
export async function runWithFaults(options: { cases: number; mix: FaultMix; latency?: Latency; concurrency?: number; attemptTimeoutMs?: number; timeoutMs?: number; seed?: number; outage?: Outage; handler?: Handler }): Promise<FaultRun> {
  const server = await startOpenAIServer(options.handler ?? (options.outage ? outageHandler(options.outage) : faultyHandler(options.mix, options.latency ?? 100, options.seed ?? 1)));
  let hedges = 0;
  try {
    const started = performance.now();
    const results = await runEvaluation({
      onProgress: (progress) => {
        hedges = progress.hedges;
      },
      suites: ['evals/**/*.eval.yaml'],
      cwd: promptSuiteRepo(options.cases),
      apiKey: 'sk-loopback',
      baseUrl: server.url,
      concurrency: options.concurrency ?? 8,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.attemptTimeoutMs ? { attemptTimeoutMs: options.attemptTimeoutMs } : {}),
    });
    return { ms: performance.now() - started, results, requests: server.requests.length, hedges };
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
