import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelClient } from '../../../src/model/client.js';
import { fileCacheStore } from '../../../src/model/cache/store.js';
import { newCacheStats, withCache } from '../../../src/model/cache/with-cache.js';
import type { OpenAIServer } from '../../support/openai-server.js';
import { defaultHandler, errorReply, startOpenAIServer } from '../../support/openai-server.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setHandler(defaultHandler);
});

const LIMITS = { maxBytes: 1024 * 1024, maxAgeMs: 3_600_000 };
const tempDir = () => mkdtempSync(join(tmpdir(), 'evalgate-cache-'));
const provider = () => createModelClient({ apiKey: 'sk-test', baseUrl: server.url, timeoutMs: 5000, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxHintMs: 1, budgetMs: 1 } });
const ask = (content: string, parameters: Record<string, unknown> = {}) => ({ model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content }], parameters });

describe('withCache over the loopback OpenAI server', () => {
  it('answers an identical request from disk, marked cached, across client instances', async () => {
    const dir = tempDir();
    const first = withCache(provider(), fileCacheStore(dir, LIMITS), newCacheStats());
    const fresh = await first.chat(ask('hi'));
    const stats = newCacheStats();
    const again = await withCache(provider(), fileCacheStore(dir, LIMITS), stats).chat(ask('hi'));
    expect(server.requests).toHaveLength(1);
    expect(again).toEqual({ ...fresh, cached: true });
    expect(stats).toEqual({ hits: 1, misses: 0 });
  });

  it('keys on model, parameters and messages (key order does not matter)', async () => {
    const dir = tempDir();
    const client = () => withCache(provider(), fileCacheStore(dir, LIMITS), newCacheStats());
    await client().chat(ask('hi', { temperature: 0, seed: 1 }));
    await client().chat(ask('hi', { seed: 1, temperature: 0 }));
    await client().chat(ask('hi', { temperature: 0.5, seed: 1 }));
    await client().chat({ ...ask('hi', { temperature: 0, seed: 1 }), model: 'gpt-4o' });
    await client().chat(ask('hello', { temperature: 0, seed: 1 }));
    expect(server.requests).toHaveLength(4);
  });

  it('the k-th identical request in a run replays the k-th recorded answer (repeat stays independent)', async () => {
    const dir = tempDir();
    let count = 0;
    server.setHandler(() => ({ json: { id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: `sample ${(count += 1)}` }, finish_reason: 'stop' }] } }));
    const run = async () => {
      const client = withCache(provider(), fileCacheStore(dir, LIMITS), newCacheStats());
      return [(await client.chat(ask('q'))).text, (await client.chat(ask('q'))).text, (await client.chat(ask('q'))).text];
    };
    expect(await run()).toEqual(['sample 1', 'sample 2', 'sample 3']);
    expect(await run()).toEqual(['sample 1', 'sample 2', 'sample 3']);
    expect(server.requests).toHaveLength(3);
  });

  it('caches embeddings and moderation by their inputs; never caches an error', async () => {
    const dir = tempDir();
    const client = () => withCache(provider(), fileCacheStore(dir, LIMITS), newCacheStats());
    await client().embed('text-embedding-3-small', ['a', 'b']);
    expect((await client().embed('text-embedding-3-small', ['a', 'b'])).cached).toBe(true);
    await client().moderate('omni-moderation-latest', 'x');
    expect((await client().moderate('omni-moderation-latest', 'x')).cached).toBe(true);
    expect(server.requests).toHaveLength(2);

    server.setHandler(() => errorReply(400, 'bad request'));
    await expect(client().chat(ask('boom'))).rejects.toThrow(/400/);
    await expect(client().chat(ask('boom'))).rejects.toThrow(/400/);
    expect(server.requests).toHaveLength(4);
  });
});

describe('fileCacheStore', () => {
  it('treats a corrupt or foreign entry as a miss', async () => {
    const dir = tempDir();
    const store = fileCacheStore(dir, LIMITS);
    await store.put('abcdef', { text: 'x' });
    writeFileSync(join(dir, 'ab', 'cdef.json'), '{"v":1,"value":');
    expect(await store.get('abcdef')).toBeUndefined();
    writeFileSync(join(dir, 'ab', 'cdef.json'), '{"v":99,"value":{}}');
    expect(await store.get('abcdef')).toBeUndefined();
  });

  it('prunes by age, then least recently used first until under the size limit', async () => {
    const dir = tempDir();
    let clock = 1_000_000_000_000;
    const big = 'x'.repeat(400);
    const store = fileCacheStore(dir, { maxBytes: 1000, maxAgeMs: 10_000_000 }, () => clock);
    for (const key of ['aa01', 'aa02', 'bb03']) await store.put(key, big);
    const { utimesSync } = await import('node:fs');
    // aa01 oldest, bb03 newest by write; then aa01 is read (used) most recently.
    utimesSync(join(dir, 'aa', '01.json'), new Date(clock - 3000), new Date(clock - 3000));
    utimesSync(join(dir, 'aa', '02.json'), new Date(clock - 2000), new Date(clock - 2000));
    utimesSync(join(dir, 'bb', '03.json'), new Date(clock - 1000), new Date(clock - 1000));
    expect(await store.get('aa01')).toBe(big);
    expect(await store.prune()).toMatchObject({ removed: 1 });
    expect([await store.get('aa01'), await store.get('aa02'), await store.get('bb03')]).toEqual([big, undefined, big]);

    clock += 20_000_000;
    expect(await store.prune()).toMatchObject({ removed: 2, bytes: 0 });
    expect(readdirSync(join(dir, 'aa'))).toEqual([]);
  });
});
