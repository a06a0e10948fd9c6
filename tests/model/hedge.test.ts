import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelClient } from '../../src/model/client.js';
import type { RetryClock } from '../../src/model/retry.js';
import { DEFAULT_RETRY } from '../../src/model/retry.js';
import type { OpenAIServer, Reply } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';

/**
 * Learned attempt timeouts and hedging through the real client, the openai SDK and the loopback
 * server. Assertions are on outcomes and request counts (which request answered, how many were
 * sent, how many retries), never on how long anything took.
 */
let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());

const ask = (content: string) => ({ model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content }] });
const LEARN = 10;

/** A clock that records the retry waits instead of sleeping. */
function fakeClock(): RetryClock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, random: () => 0.5, sleep: async (ms) => void waits.push(ms) };
}

/** A client whose longest attempt (10 s) no test waits for: an answer within a test came from a hedge or a learned timeout. */
function client(clock = fakeClock()) {
  let hedges = 0;
  const model = createModelClient({
    apiKey: 'sk-test',
    baseUrl: server.url,
    timeoutMs: 10_000,
    retry: DEFAULT_RETRY,
    clock,
    concurrency: 4,
    attempts: { minSamples: LEARN, minTimeoutMs: 300 },
    onHedge: () => {
      hedges += 1;
    },
  });
  return { model, clock, hedges: () => hedges };
}

/** Answers every question after `delayMs`, except those `hang` picks (by question and how often it was asked). */
function answering(hang: (question: string, asked: number) => boolean, delayMs = 10) {
  const asked = new Map<string, number>();
  server.setHandler((request): Reply => {
    const question = String(request.body.messages?.at(-1)?.content);
    const count = (asked.get(question) ?? 0) + 1;
    asked.set(question, count);
    return hang(question, count) ? { hang: true } : { ...chatReply(`answer to ${question}`), delayMs };
  });
  return (question: string) => asked.get(question) ?? 0;
}

async function learn(model: ReturnType<typeof client>['model']) {
  for (let index = 0; index < LEARN; index += 1) await model.chat(ask(`warm-up ${index}`));
}

describe('hedging and the learned attempt timeout (real client, loopback provider)', () => {
  it('hedges a request that hangs once the latency is learned: the hedge answers, no retry', async () => {
    const asked = answering((question, count) => question === 'slow' && count === 1);
    const { model, clock, hedges } = client();
    await learn(model);
    await expect(model.chat(ask('slow'), AbortSignal.timeout(8000))).resolves.toMatchObject({ text: 'answer to slow' });
    expect(asked('slow')).toBe(2);
    expect(hedges()).toBe(1);
    expect(clock.waits).toEqual([]);
  });

  it('times out an attempt whose request and hedge both hang at the learned timeout, and retries at once', async () => {
    const asked = answering((question, count) => question === 'stuck' && count <= 2);
    const { model, clock, hedges } = client();
    await learn(model);
    await expect(model.chat(ask('stuck'), AbortSignal.timeout(8000))).resolves.toMatchObject({ text: 'answer to stuck' });
    expect(asked('stuck')).toBe(3);
    expect(hedges()).toBe(1);
    // One retry, without backoff: the timed-out attempt already waited.
    expect(clock.waits).toEqual([0]);
  });

  it('hedges nothing before the latency is learned: a hung first request waits for its attempt timeout', async () => {
    const asked = answering((question, count) => question === 'first' && count === 1);
    const { model, clock, hedges } = createFastTimeoutClient();
    await expect(model.chat(ask('first'))).resolves.toMatchObject({ text: 'answer to first' });
    expect(asked('first')).toBe(2);
    expect(hedges()).toBe(0);
    expect(clock.waits).toEqual([0]);
  });

  it('sends no extra request on a healthy provider', async () => {
    answering(() => false, 50);
    const { model, hedges } = client();
    const before = server.requests.length;
    await Promise.all(Array.from({ length: 60 }, (_, index) => model.chat(ask(`healthy ${index}`))));
    // The promise is at most +10 % extra requests; at a steady 50 ms none is hedged unless the machine stalls.
    expect(server.requests.length - before).toBeLessThanOrEqual(66);
    expect(hedges()).toBeLessThanOrEqual(6);
  });
});

/** Nothing learned yet, so the attempt timeout is the configured one: short here, so the test does not wait. */
function createFastTimeoutClient() {
  const clock = fakeClock();
  let hedges = 0;
  const model = createModelClient({
    apiKey: 'sk-test',
    baseUrl: server.url,
    timeoutMs: 300,
    retry: DEFAULT_RETRY,
    clock,
    attempts: { minSamples: LEARN },
    onHedge: () => {
      hedges += 1;
    },
  });
  return { model, clock, hedges: () => hedges };
}
