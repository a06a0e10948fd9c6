import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCircuitBreaker } from '../../src/model/breaker.js';
import { classifyError } from '../../src/model/classify.js';
import { openAIProvider } from '../../src/model/openai-adapter.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, errorReply, startOpenAIServer } from '../support/openai-server.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());

const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hello' }] };

/** The real provider behind the breaker, with a clock the test moves. */
function breaker() {
  const clock = { t: 0 };
  const provider = openAIProvider({ apiKey: 'sk-test', baseUrl: server.url, timeoutMs: 2000 });
  const client = withCircuitBreaker(provider, (error) => classifyError(error, 'sk-test').error, { failures: 3, minOutageMs: 0, probeAfterMs: 1000 }, () => clock.t);
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
});
