import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelClient } from '../../src/model/client.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';

/**
 * Plain chat calls skip the SDK's per-request work (src/model/plain-chat.ts); the SDK is the oracle:
 * a redirect sends the call again through the SDK, and that request must carry what the plain one did.
 */
let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());

const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'How heavy is the tent?' }], parameters: { temperature: 0 } };

describe('plain chat calls (the SDK as the oracle)', () => {
  it('send the headers and body the SDK sends; a redirect goes through the SDK, which follows it', async () => {
    server.setHandler((request) =>
      request.path === '/v1/chat/completions' ? { status: 307, headers: { location: '/v1/moved/chat/completions' } } : chatReply(`answered at ${request.path}`, { prompt: 9, completion: 4 }),
    );
    const before = server.requests.length;
    const client = createModelClient({ apiKey: 'sk-oracle', baseUrl: server.url, timeoutMs: 5000, headers: { 'x-portkey-config': 'pc-123' } });
    const answer = await client.chat(ask);
    expect(answer).toMatchObject({ text: 'answered at /v1/moved/chat/completions', usage: { prompt: 9, completion: 4 } });
    // The plain call, then the SDK's (its fetch re-sends a redirected request through Node's fetch, which follows it).
    const sent = server.requests.slice(before);
    const [plain, viaSdk] = sent;
    expect(sent.map((request) => request.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions', '/v1/chat/completions', '/v1/moved/chat/completions']);
    const comparable = (headers: Record<string, unknown>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !['connection', 'x-stainless-retry-count'].includes(name)));
    expect(comparable(plain?.headers ?? {})).toEqual(comparable(viaSdk?.headers ?? {}));
    expect(plain?.headers).toMatchObject({ authorization: 'Bearer sk-oracle', 'x-portkey-config': 'pc-123', 'content-type': 'application/json' });
    expect(plain?.body).toEqual(viaSdk?.body);
  });

  it('an error status is the error the SDK raises for it: a 400 is not retried, its message kept', async () => {
    server.setHandler(() => ({ status: 400, json: { error: { message: "Unsupported parameter: 'temperature'", type: 'invalid_request_error', param: 'temperature', code: null } } }));
    const before = server.requests.length;
    const client = createModelClient({ apiKey: 'sk-oracle', baseUrl: server.url, timeoutMs: 5000 });
    await expect(client.chat(ask)).rejects.toThrow(/400.*Unsupported parameter: 'temperature'/);
    expect(server.requests.length - before).toBe(1);
  });
});
