import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import { compare } from '../../src/compare/index.js';
import { renderHtmlReport } from '../../src/report/html/index.js';
import { renderSummary } from '../../src/report/summary.js';
import { renderTerminalTable } from '../../src/report/terminal.js';
import { ranSuite, resultsDocument } from '../../src/results/build.js';
import { parseResultsFile } from '../../src/results/io.js';
import type { ResultsFile, SuiteResult } from '../../src/results/types.js';
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
  it('each suite’s results say what its own calls met; a suite that met nothing counts no retry', async () => {
    server.setHandler(gateway());
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-suite-calls-'));
    for (const name of ['limited', 'flaky', 'clean']) writeFileSync(join(dir, `${name}.eval.yaml`), suite(name));
    const log: string[] = [];
    const results = await runEvaluation({ suites: ['*.eval.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 6, cache: false, log: (line) => log.push(line) });
    // The CI log says it for every suite that met any, however short the wait.
    expect(log).toContainEqual(expect.stringMatching(/^limited: model calls: 3 rate-limit waits \(0\.1 s\)/));
    expect(log).toContainEqual(expect.stringMatching(/^flaky: model calls: 3 retries after server errors or timeouts \(0\.0 s waiting\)/));
    const calls = Object.fromEntries(results.suites.map((entry) => [entry.name, entry.calls]));
    // Hedges depend on how slow the loopback answers under load (a request unanswered for 0.5 s is hedged): not pinned.
    expect(calls.limited).toEqual({ retries: 0, retryWaitMs: 0, rateLimitWaits: 3, rateLimitWaitMs: 90, hedges: expect.any(Number) });
    expect(calls.flaky).toEqual({ retries: 3, retryWaitMs: 30, rateLimitWaits: 0, rateLimitWaitMs: 0, hedges: expect.any(Number) });
    expect(calls.clean?.retries ?? 0).toBe(0);
    expect(calls.clean?.rateLimitWaits ?? 0).toBe(0);
    if (!calls.clean) expect(log.filter((line) => line.startsWith('clean: model calls'))).toEqual([]);
    expect(results.suites.every((entry) => entry.cases.every((testCase) => testCase.samples.every((sample) => sample.error === undefined)))).toBe(true);
    expect(parseResultsFile(JSON.stringify(results), 'results.json').suites.find((entry) => entry.name === 'limited')?.calls).toEqual(calls.limited);
  });
});

describe('the reports say a suite’s retries and waits when they cost time', () => {
  const withCalls = (calls: SuiteResult['calls']): ResultsFile => {
    const results = resultsDocument({ date: '2026-01-01T00:00:00.000Z', durationMs: 1 }, [
      ranSuite({ name: 'qa', file: 'qa.eval.yaml', hash: 'h', flow: { kind: 'prompt', model: 'gpt-4o-mini' }, repeat: 1, alpha: 0.05, tolerance: 0.05, metrics: [] }, []),
    ]);
    return { ...results, suites: results.suites.map((suite) => ({ ...suite, ...(calls ? { calls } : {}) })) };
  };
  const render = (calls: SuiteResult['calls']) => {
    const comparison = compare(null, withCalls(calls));
    return { markdown: renderSummary(comparison, {}), terminal: renderTerminalTable(comparison, { color: false }), html: renderHtmlReport({ comparison, pr: withCalls(calls), baseline: null }) };
  };

  it('41 s of rate-limit waits and 14 retries: a line in the summary and in the terminal', () => {
    const { markdown, terminal, html } = render({ retries: 14, retryWaitMs: 3100, rateLimitWaits: 9, rateLimitWaitMs: 41_000, hedges: 2 });
    const line = 'Model calls: 14 retries after server errors or timeouts (3.1 s waiting), 9 rate-limit waits (41 s), 2 slow requests hedged — time spent waiting, not a change in quality.';
    expect(markdown).toContain(`⏱️ ${line}`);
    expect(terminal).toContain(line);
    expect(html).toContain(line);
  });

  it('waits under a second in all, or none, are left out of the reports', () => {
    for (const calls of [{ retries: 1, retryWaitMs: 400, rateLimitWaits: 1, rateLimitWaitMs: 300, hedges: 3 }, undefined]) {
      const { markdown, terminal } = render(calls);
      expect(markdown).not.toMatch(/Model calls/);
      expect(terminal).not.toMatch(/Model calls/);
    }
  });
});
