import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlow } from '../../src/flows/registry.js';
import { createModelClient } from '../../src/model/client.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';

const dir = mkdtempSync(join(tmpdir(), 'evalgate-flows-'));
const script = (name: string, source: string) => writeFileSync(join(dir, name), source);
const signal = () => AbortSignal.timeout(10_000);

script('echo.mjs', `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const c=JSON.parse(s);process.stdout.write(JSON.stringify({output:'A: '+c.question,context:'ctx',model:'local-1',usage:{prompt_tokens:12,completion_tokens:3}}))})`);
script('object.mjs', `process.stdin.resume();process.stdin.on('end',()=>process.stdout.write(JSON.stringify({output:{answer:42}})))`);
script('garbage.mjs', `process.stdin.resume();process.stdin.on('end',()=>process.stdout.write('not json'))`);
script('crash.mjs', `console.error('loading model…');console.error('Error: index out of range');process.exit(3)`);
script('slow.mjs', `setTimeout(()=>{},60000)`);

const command = (argv: string[], timeoutMs = 5000) => createFlow({ kind: 'command', argv, timeoutMs, env: {} }, { dir, client: undefined });

describe('command flow', () => {
  it('sends the case as JSON on stdin and reads output, context, usage and model', async () => {
    const result = await command(['node', 'echo.mjs']).invoke({ question: 'How heavy?' }, signal());
    expect(result).toMatchObject({ output: 'A: How heavy?', context: 'ctx', model: 'local-1', usage: { prompt: 12, completion: 3 } });
    expect(result.latency.totalMs).toBeGreaterThan(0);
  });

  it('serialises a non-string output as JSON', async () => {
    expect((await command(['node', 'object.mjs']).invoke({}, signal())).output).toBe('{"answer":42}');
  });

  it('explains stdout that is not JSON', async () => {
    await expect(command(['node', 'garbage.mjs']).invoke({}, signal())).rejects.toThrow(/did not print JSON on stdout \(got: "not json"\)/);
  });

  it('reports the exit code and the tail of stderr', async () => {
    await expect(command(['node', 'crash.mjs']).invoke({}, signal())).rejects.toThrow(/exited with 3\nstderr:\nloading model…\nError: index out of range/);
  });

  it('kills a command that runs past its timeout', async () => {
    const started = Date.now();
    await expect(command(['node', 'slow.mjs'], 300).invoke({}, signal())).rejects.toThrow(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('says when the program does not exist', async () => {
    await expect(command(['no-such-program-xyz']).invoke({}, signal())).rejects.toThrow(/could not start "no-such-program-xyz"/);
  });
});

describe('http flow', () => {
  let url = '';
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk)).on('end', () => {
      const parsed = JSON.parse(body) as { query: string };
      if (parsed.query === 'fail') {
        response.writeHead(502).end('bad gateway');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { answer: `re: ${parsed.query}`, docs: ['d1'] }, auth: request.headers['x-team'] }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ask`;
  });
  afterAll(() => new Promise<void>((resolvePromise) => server.close(() => resolvePromise())));

  const flow = () => createFlow({ kind: 'http', url, method: 'POST', headers: { 'x-team': '{{team}}' }, body: { query: '{{question}}' }, outputPath: 'data.answer', contextPath: 'data.docs', timeoutMs: 2000, location: { file: 'evals/s.eval.yaml' } }, { dir, client: undefined });

  it('posts the rendered body and reads the answer and context paths', async () => {
    expect(await flow().invoke({ question: 'hi', team: 'support' }, signal())).toMatchObject({ output: 're: hi', context: '["d1"]' });
  });

  it('reports non-2xx answers with their body', async () => {
    await expect(flow().invoke({ question: 'fail', team: 't' }, signal())).rejects.toThrow(/HTTP 502 from the endpoint: bad gateway/);
  });
});

describe('prompt flow', () => {
  let openai: OpenAIServer;
  beforeAll(async () => {
    openai = await startOpenAIServer(() => chatReply('It weighs 4.2 kg.', { prompt: 40, completion: 6 }));
  });
  afterAll(() => openai.close());

  it('renders the messages over the case and sends model and parameters', async () => {
    const client = createModelClient({ apiKey: 'sk-test', baseUrl: openai.url, timeoutMs: 2000 });
    const flow = createFlow(
      { kind: 'prompt', model: 'gpt-4o-mini', parameters: { temperature: 0, max_tokens: 50 }, stream: false, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Q: {{question}}' }] },
      { dir, client, modelOverride: 'gpt-4.1-mini' },
    );
    const result = await flow.invoke({ question: 'How heavy is the tent?' }, signal());
    expect(result).toMatchObject({ output: 'It weighs 4.2 kg.', usage: { prompt: 40, completion: 6 } });
    expect(openai.requests.at(-1)?.body).toMatchObject({ model: 'gpt-4.1-mini', temperature: 0, max_tokens: 50, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Q: How heavy is the tent?' }] });
    expect(flow.needsModel).toBe(true);
  });
});
