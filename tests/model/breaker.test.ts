import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { circuitBreaker } from '../../src/model/breaker.js';
import { classifyError } from '../../src/model/classify.js';
import { openAIProvider } from '../../src/model/openai-adapter.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { MALFORMED } from '../support/fault-mix.js';
import { chatReply, errorReply, startOpenAIServer } from '../support/openai-server.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());

const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hello' }] };

/** The real provider behind the breaker, with a clock the test moves. */
function breaker(policy = { failures: 3, minOutageMs: 0, probeAfterMs: 1000 }, timeoutMs = 2000) {
  const clock = { t: 0 };
  const provider = openAIProvider({ apiKey: 'sk-test', baseUrl: server.url, timeoutMs });
  const guard = circuitBreaker((error) => classifyError(error, 'sk-test').error, policy, () => clock.t);
  const client = { chat: (request: typeof ask) => guard((signal) => provider.chat(request, signal)) };
  const sent = () => server.requests.length;
  return { clock, client, sent };
}

describe('circuit breaker (half-open)', () => {
  it('opens on an outage, lets one probe through after the cool-down, and closes when it succeeds', async () => {
    const { clock, client, sent } = breaker();
    let healthy = false;
    server.setHandler(() => (healthy ? chatReply('back') : errorReply(503, 'upstream down')));
    for (let call = 0; call < 3; call += 1) await expect(client.chat(ask)).rejects.toThrow(/^503 upstream down/);
    const before = sent();
    await expect(client.chat(ask)).rejects.toThrow(/provider is unavailable.*HTTP 503/);
    expect(sent()).toBe(before);
    healthy = true;
    clock.t = 999;
    await expect(client.chat(ask)).rejects.toThrow(/provider is unavailable/);
    clock.t = 1000;
    await expect(client.chat(ask)).resolves.toMatchObject({ text: 'back' });
    await expect(client.chat(ask)).resolves.toMatchObject({ text: 'back' });
    expect(sent()).toBe(before + 2);
  });

  it('a failed probe keeps it open for another cool-down', async () => {
    const { clock, client, sent } = breaker();
    server.setHandler(() => errorReply(500, 'still down'));
    for (let call = 0; call < 3; call += 1) await expect(client.chat(ask)).rejects.toThrow(/^500 still down/);
    clock.t = 1000;
    await expect(client.chat(ask)).rejects.toThrow(/^500 still down/);
    const afterProbe = sent();
    clock.t = 1999;
    await expect(client.chat(ask)).rejects.toThrow(/probe call failed again.*still down/);
    expect(sent()).toBe(afterProbe);
    clock.t = 2000;
    await expect(client.chat(ask)).rejects.toThrow(/^500 still down/);
    expect(sent()).toBe(afterProbe + 1);
  });

  it('never probes after a rejected key', async () => {
    const { clock, client, sent } = breaker();
    server.setHandler(() => errorReply(401, 'Incorrect API key provided'));
    await expect(client.chat(ask)).rejects.toThrow(/^401 Incorrect/);
    const before = sent();
    clock.t = 10_000_000;
    await expect(client.chat(ask)).rejects.toThrow(/provider is unavailable.*at once.*HTTP 401/);
    expect(sent()).toBe(before);
  });

  it('counts a wave of timed-out attempts as an outage: the outage began when they were sent', async () => {
    const { clock, client, sent } = breaker({ failures: 3, minOutageMs: 10_000, probeAfterMs: 30_000 }, 300);
    // Each request hangs; by the time its attempt times out, 30 s have passed on the breaker's clock.
    server.setHandler(() => {
      clock.t = 30_000;
      return { hang: true };
    });
    const wave = await Promise.allSettled([client.chat(ask), client.chat(ask), client.chat(ask)]);
    expect(wave.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const before = sent();
    await expect(client.chat(ask)).rejects.toThrow(/provider is unavailable.*after 3 consecutive failures over 30 s.*timed out/);
    expect(sent()).toBe(before);
  });

  it('fails the attempts still in flight with the outage once it opens, instead of letting them wait out their timeouts', async () => {
    const { client } = breaker({ failures: 2, minOutageMs: 0, probeAfterMs: 30_000 }, 20_000);
    server.setHandler((request) => (request.body.messages?.[0]?.content === 'in flight' ? { hang: true } : errorReply(503, 'upstream down')));
    const hung = client.chat({ ...ask, messages: [{ role: 'user', content: 'in flight' }] }).catch((error: unknown) => error);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
    const failures = await Promise.allSettled([client.chat(ask), client.chat(ask)]);
    expect(failures.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(String(await hung)).toMatch(/provider is unavailable.*HTTP 503/);
  });

  it('counts malformed answers (not JSON, an HTML page, no choices) toward the outage', async () => {
    const { client, sent } = breaker();
    let next = 0;
    server.setHandler(() => MALFORMED[next++ % MALFORMED.length] ?? {});
    for (let call = 0; call < 3; call += 1) await expect(client.chat(ask)).rejects.toThrow();
    const before = sent();
    await expect(client.chat(ask)).rejects.toThrow(/provider is unavailable.*after 3 consecutive failures/);
    expect(sent()).toBe(before);
  });

  it('a bad request (400) still means the provider is there', async () => {
    const { client, sent } = breaker();
    let calls = 0;
    server.setHandler(() => (++calls % 2 === 0 ? errorReply(400, 'Invalid parameter') : errorReply(500, 'oops')));
    for (let call = 0; call < 6; call += 1) await expect(client.chat(ask)).rejects.toThrow(/^(400|500) /);
    expect(calls).toBe(6);
    expect(sent()).toBeGreaterThan(0);
  });
});
