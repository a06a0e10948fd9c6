import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelClient } from '../../src/model/client.js';
import { estimateTokens, rateLimiter } from '../../src/model/rate-limit.js';
import type { OpenAIServer, Reply } from '../support/openai-server.js';
import { chatReply, errorReply, startOpenAIServer } from '../support/openai-server.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());

/**
 * A discrete-event clock shared by the provider's window and the limiter's pacing: time passes only
 * when every call in flight is asleep on it, and then jumps to the earliest wake-up. Whether a burst
 * is paced right then does not depend on how fast the machine answers. Calls are counted by `track`.
 */
function virtualClock() {
  let now = 0;
  let inFlight = 0;
  const sleepers: { end: number; wake: () => void }[] = [];
  const advance = () => {
    if (sleepers.length === 0 || sleepers.length < inFlight) return;
    const end = Math.min(...sleepers.map((sleeper) => sleeper.end));
    now = end;
    for (const sleeper of sleepers.filter((entry) => entry.end === end)) {
      sleepers.splice(sleepers.indexOf(sleeper), 1);
      sleeper.wake();
    }
  };
  return {
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        sleepers.push({ end: now + ms, wake });
        advance();
      }),
    track: <T>(call: Promise<T>): Promise<T> => {
      inFlight += 1;
      return call.finally(() => {
        inFlight -= 1;
        advance();
      });
    },
  };
}
type VirtualClock = ReturnType<typeof virtualClock>;

/** A provider with a fixed window on `clock`: `limit` requests (or tokens) per `windowMs`, then 429. */
function windowedProvider(clock: VirtualClock, kind: 'requests' | 'tokens', limit: number, windowMs: number, cost: (body: any) => number) {
  let windowStart = clock.now();
  let spent = 0;
  const rejected: number[] = [];
  const handler = (request: { body: any }): Reply => {
    const now = clock.now();
    if (now - windowStart >= windowMs) {
      windowStart = now;
      spent = 0;
    }
    const headers = (remaining: number) => ({
      [`x-ratelimit-limit-${kind}`]: String(limit),
      [`x-ratelimit-remaining-${kind}`]: String(Math.max(0, remaining)),
      [`x-ratelimit-reset-${kind}`]: `${windowMs - (now - windowStart)}ms`,
    });
    const price = cost(request.body);
    if (spent + price > limit) {
      rejected.push(now);
      return errorReply(429, 'Rate limit reached', headers(limit - spent));
    }
    spent += price;
    return { ...chatReply('ok'), headers: headers(limit - spent) };
  };
  return { handler, rejected };
}

const NO_RETRY = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxHintMs: 1, budgetMs: 1 };
const ask = (content = 'hi', parameters: Record<string, unknown> = {}) => ({ model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content }], parameters });

describe('rate limiter learned from x-ratelimit-* headers (loopback server)', () => {
  it('paces requests/min: a burst after the first answer waits for the window instead of earning 429s', async () => {
    const clock = virtualClock();
    const provider = windowedProvider(clock, 'requests', 3, 400, () => 1);
    server.setHandler(provider.handler);
    const limiter = rateLimiter(clock);
    const client = createModelClient({ apiKey: 'sk-test', baseUrl: server.url, timeoutMs: 5000, retry: NO_RETRY, concurrency: 16, rateLimiter: limiter });
    await clock.track(client.chat(ask()));
    await Promise.all(Array.from({ length: 8 }, () => clock.track(client.chat(ask()))));
    expect(provider.rejected).toEqual([]);
    expect(limiter.waits).toBeGreaterThan(0);
    // 9 calls at 3 per 400 ms: three windows.
    expect(clock.now()).toBeGreaterThanOrEqual(800);
  });

  it('paces tokens/min with an estimate of each request (prompt characters / 4 + max_tokens)', async () => {
    const clock = virtualClock();
    const provider = windowedProvider(clock, 'tokens', 300, 400, (body) => estimateTokens({ model: '', messages: body.messages, parameters: { max_tokens: body.max_tokens } }));
    server.setHandler(provider.handler);
    const client = createModelClient({ apiKey: 'sk-test', baseUrl: server.url, timeoutMs: 5000, retry: NO_RETRY, concurrency: 16, rateLimiter: rateLimiter(clock) });
    await clock.track(client.chat(ask('x'.repeat(40), { max_tokens: 90 })));
    await Promise.all(Array.from({ length: 5 }, () => clock.track(client.chat(ask('x'.repeat(40), { max_tokens: 90 })))));
    expect(provider.rejected).toEqual([]);
  });

  it('without the limiter the same burst is rejected (the test can fail)', async () => {
    const provider = windowedProvider(virtualClock(), 'requests', 3, 400, () => 1);
    server.setHandler(provider.handler);
    const client = createModelClient({ apiKey: 'sk-test', baseUrl: server.url, timeoutMs: 5000, retry: NO_RETRY, concurrency: 16, rateLimiter: { observe: () => undefined, acquire: async () => undefined, waits: 0 } });
    const outcomes = await Promise.allSettled(Array.from({ length: 9 }, () => client.chat(ask())));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').length).toBeGreaterThan(0);
    expect(provider.rejected.length).toBeGreaterThan(0);
  });

  it('estimates tokens from the messages and the completion allowance', () => {
    expect(estimateTokens(ask('x'.repeat(10), { max_completion_tokens: 50 }))).toBe(53);
    expect(estimateTokens(ask('abcd'))).toBe(1);
  });
});
