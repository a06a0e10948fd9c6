import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelClient } from '../../src/model/client.js';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import type { OpenAIServer, RecordedRequest } from '../support/openai-server.js';
import { FLOW_SYSTEM, writeGatewaySuite } from '../support/gateway-suite.js';
import { chatReply, defaultHandler, startOpenAIServer } from '../support/openai-server.js';

/** What a Portkey / Helicone / OpenRouter user sends besides the provider key. */
const GATEWAY = { 'x-portkey-api-key': 'pk-live-GATEWAYKEY-123456', 'x-portkey-virtual-key': 'vk-openai-prod-7890', 'HTTP-Referer': 'https://example.com/bot' };
const expectGatewayHeaders = (request: RecordedRequest | undefined) =>
  expect(request?.headers).toMatchObject({ 'x-portkey-api-key': GATEWAY['x-portkey-api-key'], 'x-portkey-virtual-key': GATEWAY['x-portkey-virtual-key'], 'http-referer': GATEWAY['HTTP-Referer'] });

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setHandler(defaultHandler);
});

describe('extra request headers through the real model client (openai SDK, loopback server)', () => {
  const client = (headers: Record<string, string>) => createModelClient({ apiKey: 'sk-test-provider', baseUrl: server.url, timeoutMs: 2000, headers });
  const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hello' }] };

  it('sends them on plain and streamed chat, embeddings and moderation calls, next to the API key', async () => {
    const model = client(GATEWAY);
    expect((await model.chat(ask)).text).toBe('echo: Hello');
    expect((await model.chat({ ...ask, stream: true })).text).toBe('echo: Hello');
    await model.embed('text-embedding-3-small', ['a']);
    await model.moderate('omni-moderation-latest', 'a');
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions', '/v1/embeddings', '/v1/moderations']);
    for (const request of server.requests) {
      expectGatewayHeaders(request);
      expect(request.headers.authorization).toBe('Bearer sk-test-provider');
    }
  });

  it('a gateway that authenticates with its own Authorization header gets it instead of the provider key', async () => {
    await client({ Authorization: 'Bearer litellm-virtual-key-42' }).chat(ask);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer litellm-virtual-key-42');
  });
});

describe('extra request headers in a run', () => {
  function suiteDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-headers-'));
    writeGatewaySuite(join(dir, 'qa.eval.yaml'), { stream: true });
    return dir;
  }

  it('every flow call and every judge call carries them', async () => {
    server.setHandler((request) => {
      if (request.body.messages[0].content === FLOW_SYSTEM) return defaultHandler(request);
      return chatReply('{"score": 4, "reason": "fine"}');
    });
    const results = await runEvaluation({ suites: ['*.eval.yaml'], cwd: suiteDir(), apiKey: 'sk-test', baseUrl: server.url, headers: GATEWAY, concurrency: 2, cache: false });
    expect(results.suites[0]?.cases.map((testCase) => testCase.samples[0]?.scores.relevance?.value)).toEqual([4, 4]);
    const flowCalls = server.requests.filter((request) => request.body.messages[0].content === FLOW_SYSTEM);
    expect(flowCalls.map((request) => request.body.stream)).toEqual([true, true]);
    expect(server.requests).toHaveLength(4);
    for (const request of server.requests) expectGatewayHeaders(request);
  });
});
