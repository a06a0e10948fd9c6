import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelClient } from '../../src/model/client.js';
import type { RetryClock } from '../../src/model/retry.js';
import { DEFAULT_RETRY } from '../../src/model/retry.js';
import { ModelError } from '../../src/model/types.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, errorReply, startOpenAIServer, toolCallReply } from '../support/openai-server.js';

const KEY = 'sk-test-SECRETSECRETSECRET1234';
let server: OpenAIServer;

/** A clock that records the waits instead of sleeping. */
function fakeClock(): RetryClock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, random: () => 0.5, sleep: async (ms) => void waits.push(ms) };
}

function client(clock = fakeClock(), timeoutMs = 2000) {
  return createModelClient({ apiKey: KEY, baseUrl: server.url, timeoutMs, retry: DEFAULT_RETRY, clock });
}

const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hello' }] };

beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());

describe('model client over the OpenAI protocol (real SDK, loopback server)', () => {
  it('reads text, model and usage (cached and reasoning tokens) from a completion', async () => {
    server.setHandler(() => chatReply('4.2 kg', { prompt: 120, completion: 7, cached: 64, reasoning: 3 }));
    const response = await client().chat(ask);
    expect(response).toMatchObject({ text: '4.2 kg', model: 'gpt-4o-mini-2024-07-18', usage: { prompt: 120, completion: 7, cached: 64, reasoning: 3 } });
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('streams: joins the deltas, records time to first token and the final usage chunk', async () => {
    server.setHandler(() => ({ stream: { chunks: ['The ', 'tent ', 'weighs ', '4.2 kg'], usage: { prompt_tokens: 30, completion_tokens: 4, prompt_tokens_details: { cached_tokens: 10 } }, chunkDelayMs: 5 } }));
    const response = await client().chat({ ...ask, stream: true });
    expect(response.text).toBe('The tent weighs 4.2 kg');
    expect(response.usage).toEqual({ prompt: 30, completion: 4, cached: 10, reasoning: 0 });
    expect(response.firstTokenMs).toBeGreaterThan(0);
    expect(response.firstTokenMs).toBeLessThanOrEqual(response.latencyMs);
    expect(server.requests.at(-1)?.body.stream_options).toEqual({ include_usage: true });
  });

  it('retries a stream that stalls after its headers instead of waiting for the case deadline', async () => {
    let calls = 0;
    // The first answer sends its headers and first chunk, then nothing for 20 s; the retry answers at once.
    server.setHandler(() => (++calls === 1 ? { stream: { chunks: ['never ', 'finished'], chunkDelayMs: 20_000 } } : { stream: { chunks: ['second ', 'try'], usage: { prompt_tokens: 3, completion_tokens: 2 } } }));
    const before = server.requests.length;
    const clock = fakeClock();
    const response = await client(clock, 300).chat({ ...ask, stream: true });
    expect(response.text).toBe('second try');
    expect(server.requests.length - before).toBe(2);
    expect(clock.waits).toHaveLength(1);
  });

  it("fails a stream cut off by the caller's deadline instead of returning the part that arrived", async () => {
    server.setHandler(() => ({ stream: { chunks: ['one ', 'two ', 'three ', 'four'], chunkDelayMs: 150 } }));
    await expect(client(fakeClock(), 5000).chat({ ...ask, stream: true }, AbortSignal.timeout(400))).rejects.toBeInstanceOf(ModelError);
  });

  it('retries a stream that ended without its finish_reason (cut by a proxy) instead of returning the part that arrived', async () => {
    let calls = 0;
    server.setHandler(() => (++calls === 1 ? { stream: { chunks: ['The tent ', 'weighs ', '4.2 kg'], endAfter: 1 } } : { stream: { chunks: ['whole ', 'answer'] } }));
    const clock = fakeClock();
    await expect(client(clock).chat({ ...ask, stream: true })).resolves.toMatchObject({ text: 'whole answer' });
    expect(calls).toBe(2);
    expect(clock.waits).toHaveLength(1);
    server.setHandler(() => ({ stream: { chunks: ['cut ', 'off'], endAfter: 1 } }));
    await expect(client().chat({ ...ask, stream: true })).rejects.toMatchObject({ kind: 'bad-response', failureKind: 'infrastructure', message: expect.stringMatching(/cut off/) });
  });

  it('records an answer of function calls as JSON (name and parsed arguments), plain and streamed', async () => {
    const calls = [
      { name: 'get_weather', arguments: '{"city":"Paris","unit":"c"}' },
      { name: 'lookup', arguments: 'not json' },
    ];
    const expected = JSON.stringify([{ name: 'get_weather', arguments: { city: 'Paris', unit: 'c' } }, { name: 'lookup', arguments: 'not json' }]);
    server.setHandler(() => toolCallReply(calls));
    expect((await client().chat(ask)).text).toBe(expected);
    server.setHandler(() => ({ stream: { chunks: [], toolCalls: calls, usage: { prompt_tokens: 9, completion_tokens: 12 } } }));
    const streamed = await client().chat({ ...ask, stream: true });
    expect(streamed).toMatchObject({ text: expected, usage: { prompt: 9, completion: 12 } });
    expect(streamed.firstTokenMs).toBeGreaterThanOrEqual(0);
  });

  it('marks usage as unreported when a stream ends without its usage chunk', async () => {
    server.setHandler(() => ({ stream: { chunks: ['partial ', 'answer'] } }));
    const response = await client().chat({ ...ask, stream: true });
    expect(response).toMatchObject({ text: 'partial answer', usage: { prompt: 0, completion: 0 } });
  });

  it('retries a 429, honouring a retry-after hint longer than 60 s', async () => {
    let calls = 0;
    server.setHandler(() => (++calls === 1 ? errorReply(429, 'Rate limit reached', { 'retry-after': '90' }) : chatReply('ok')));
    const clock = fakeClock();
    expect((await client(clock).chat(ask)).text).toBe('ok');
    expect(clock.waits).toEqual([90_000]);
  });

  it('backs off exponentially with jitter on 500s, then succeeds', async () => {
    let calls = 0;
    server.setHandler(() => (++calls <= 2 ? errorReply(500, 'upstream error') : chatReply('recovered')));
    const clock = fakeClock();
    expect((await client(clock).chat(ask)).text).toBe('recovered');
    expect(clock.waits).toEqual([250, 500]);
  });

  it('gives up when the server asks for a wait beyond the cap', async () => {
    server.setHandler(() => errorReply(429, 'slow down', { 'retry-after': '3600' }));
    await expect(client().chat(ask)).rejects.toThrow(/asks to wait 3600 s/);
  });

  it('stops after the attempt budget on persistent 503s', async () => {
    const before = server.requests.length;
    server.setHandler(() => errorReply(503, 'overloaded'));
    await expect(client().chat(ask)).rejects.toMatchObject({ kind: 'server', status: 503 });
    expect(server.requests.length - before).toBe(DEFAULT_RETRY.maxAttempts);
  });

  it('turns a hang into a timeout', async () => {
    server.setHandler(() => ({ hang: true }));
    const noRetry = createModelClient({ apiKey: KEY, baseUrl: server.url, timeoutMs: 200, retry: { ...DEFAULT_RETRY, maxAttempts: 1 }, clock: fakeClock() });
    await expect(noRetry.chat(ask)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('reports a malformed body as a bad response', async () => {
    server.setHandler(() => ({ text: '{"choices": [' }));
    await expect(createModelClient({ apiKey: KEY, baseUrl: server.url, timeoutMs: 1000, retry: { ...DEFAULT_RETRY, maxAttempts: 2 }, clock: fakeClock() }).chat(ask)).rejects.toMatchObject({ kind: 'bad-response', failureKind: 'infrastructure' });
  });

  it('explains 410 Gone as a retired provider, without retrying', async () => {
    const before = server.requests.length;
    server.setHandler(() => errorReply(410, 'Gone'));
    const error = await client().chat(ask).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).message).toMatch(/retired .*2026-07-30/);
    expect(server.requests.length - before).toBe(1);
  });

  it('never puts the API key in an error message', async () => {
    server.setHandler(() => errorReply(401, `Incorrect API key provided: ${KEY}`));
    const error = (await client().chat(ask).catch((caught: unknown) => caught)) as ModelError;
    expect(error.kind).toBe('auth');
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain('SECRETSECRET');
  });

  it('calls the embeddings and moderations endpoints', async () => {
    server.setHandler((request) =>
      request.path.endsWith('/embeddings')
        ? { json: { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [1, 0] }], model: 'text-embedding-3-small', usage: { prompt_tokens: 3, total_tokens: 3 } } }
        : { json: { id: 'modr-1', model: 'omni-moderation-latest', results: [{ flagged: true, categories: { violence: true }, category_scores: { violence: 0.93 } }] } },
    );
    expect(await client().embed('text-embedding-3-small', ['hi'])).toMatchObject({ vectors: [[1, 0]], usage: { prompt: 3 } });
    expect(await client().moderate('omni-moderation-latest', 'x')).toMatchObject({ flagged: true, scores: { violence: 0.93 } });
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    server.setHandler(async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 20));
      inFlight -= 1;
      return chatReply('ok');
    });
    const limited = createModelClient({ apiKey: KEY, baseUrl: server.url, timeoutMs: 2000, concurrency: 3, clock: fakeClock() });
    await Promise.all(Array.from({ length: 10 }, () => limited.chat(ask)));
    expect(peak).toBe(3);
  });
});

describe('Azure OpenAI', () => {
  it('recognises classic Azure resource URLs and leaves /openai/v1 and others to the OpenAI client', async () => {
    const { azureEndpoint } = await import('../../src/model/client.js');
    expect(azureEndpoint('https://contoso.openai.azure.com/')).toBe('https://contoso.openai.azure.com');
    expect(azureEndpoint('https://contoso.cognitiveservices.azure.com')).toBe('https://contoso.cognitiveservices.azure.com');
    expect(azureEndpoint('https://contoso.openai.azure.com/openai/v1')).toBeUndefined();
    expect(azureEndpoint('http://localhost:11434/v1')).toBeUndefined();
    expect(azureEndpoint(undefined)).toBeUndefined();
  });

  it('calls the deployment path with the api-version and the api-key header', async () => {
    server.setHandler(() => chatReply('hi from azure'));
    const azure = createModelClient({ apiKey: KEY, azure: { endpoint: server.url.replace(/\/v1$/, ''), apiVersion: '2024-10-21' }, timeoutMs: 2000, clock: fakeClock() });
    expect((await azure.chat({ ...ask, model: 'my-deployment' })).text).toBe('hi from azure');
    const request = server.requests.at(-1);
    expect(request?.path).toBe('/openai/deployments/my-deployment/chat/completions');
    expect(request?.headers['api-key']).toBe(KEY);
  });
});
