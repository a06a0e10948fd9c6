import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import { parseResultsFile } from '../../src/results/io.js';
import type { OpenAIServer, RecordedRequest, Reply } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';
import { namedPromptSuite } from '../support/named-prompt-suite.js';

const suite = (name: string) => namedPromptSuite(name, { caseCount: 3 });

/**
 * One run, three suites on one shared client: `limited`'s flow calls meet a 429 (retry-after 30 ms)
 * on their first try, `flaky`'s judge calls a 500 (retry-after 10 ms), `clean` meets nothing.
 */
function gateway(): (request: RecordedRequest) => Reply {
  const tried = new Set<string>();
  return (request) => {
    const text = JSON.stringify(request.body.messages);
    const flow = /^flow of (\w+)$/.exec(String(request.body.messages[0].content));
    const key = `${flow ? 'flow' : 'judge'}:${text}`;
    const first = !tried.has(key);
    tried.add(key);
    if (first && flow?.[1] === 'limited') return { status: 429, headers: { 'retry-after-ms': '30' }, json: { error: { message: 'Rate limit reached', type: 'requests' } } };
    if (first && !flow && text.includes('echo of flaky')) return { status: 500, headers: { 'retry-after-ms': '10' }, json: { error: { message: 'upstream failed' } } };
    return flow ? chatReply(`echo of ${flow[1]}`) : chatReply('{"score": 4, "reason": "fine"}');
  };
}

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());

describe('retries and rate-limit waits, counted per suite (loopback server answering 429 and 500)', () => {
  it('each suite’s results say what its own calls met; a suite that met nothing has no `calls`', async () => {
    server.setHandler(gateway());
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-suite-calls-'));
    for (const name of ['limited', 'flaky', 'clean']) writeFileSync(join(dir, `${name}.eval.yaml`), suite(name));
    const results = await runEvaluation({ suites: ['*.eval.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 6, cache: false });
    const calls = Object.fromEntries(results.suites.map((entry) => [entry.name, entry.calls]));
    expect(calls.limited).toEqual({ retries: 0, retryWaitMs: 0, rateLimitWaits: 3, rateLimitWaitMs: 90, hedges: 0 });
    expect(calls.flaky).toEqual({ retries: 3, retryWaitMs: 30, rateLimitWaits: 0, rateLimitWaitMs: 0, hedges: 0 });
    expect(calls.clean).toBeUndefined();
    expect(results.suites.every((entry) => entry.cases.every((testCase) => testCase.samples.every((sample) => sample.error === undefined)))).toBe(true);
    expect(parseResultsFile(JSON.stringify(results), 'results.json').suites.find((entry) => entry.name === 'limited')?.calls).toEqual(calls.limited);
  });
});
