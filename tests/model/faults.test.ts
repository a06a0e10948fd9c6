import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { ISSUE_MIX, MALFORMED, NO_FAULTS, runWithFaults, tally } from '../support/fault-mix.js';
import type { RecordedRequest, Reply } from '../support/openai-server.js';
import { chatReply } from '../support/openai-server.js';

/** Provider faults through the real engine, the openai SDK and the loopback server. */
describe('provider faults', () => {
  it('retries hung requests: 30 % hangs still score every case', async () => {
    const run = await runWithFaults({ cases: 40, mix: { ...NO_FAULTS, hang: 0.3 }, latency: 20, attemptTimeoutMs: 1000, timeoutMs: 20_000 });
    expect(tally(run.results)).toEqual({ scored: 40, errored: 0, unexplained: 0 });
    expect(run.requests).toBeGreaterThan(40);
  }, 30_000);

  it('under the issue-10 fault mix every case is scored or errored with a reason', { timeout: 60_000 }, async () => {
    // 250 ms model latency, 2 s per attempt. How long it takes against the fault-free run is a
    // benchmark, not a test: `npm run bench:faults` measures that ratio (200 cases, several seeds).
    const faulty = await runWithFaults({ cases: 100, latency: 250, attemptTimeoutMs: 2000, timeoutMs: 30_000, mix: ISSUE_MIX });
    expect(tally(faulty.results).unexplained).toBe(0);
    expect(tally(faulty.results).scored).toBeGreaterThanOrEqual(98);
  });

  it('provider down: 500 cases reported "could not run" with the provider’s message, after a few requests', async () => {
    const run = await runWithFaults({ cases: 500, mix: NO_FAULTS, outage: { status: 500, message: 'upstream connect error or disconnect/reset before headers' }, concurrency: 4 });
    const [suite] = compare(null, run.results).suites;
    expect(suite?.outcome).toBe('could-not-run');
    expect(suite?.note).toMatch(/HTTP 500: .*upstream connect error/);
    const stopped = suite?.erroredCases.filter((errored) => /provider is unavailable.*HTTP 500: .*upstream connect error/.test(errored.error)) ?? [];
    expect(stopped.length).toBeGreaterThan(400);
    // The breaker stopped the calls: far fewer than 500 cases × 6 attempts.
    expect(run.requests).toBeLessThan(200);
  }, 70_000);

  it('a rejected key stops the run at once: one request per call in flight, not six per case', async () => {
    const run = await runWithFaults({ cases: 100, mix: NO_FAULTS, outage: { status: 401, message: 'Incorrect API key provided' }, concurrency: 4 });
    const [suite] = compare(null, run.results).suites;
    expect(suite?.outcome).toBe('could-not-run');
    expect(suite?.note).toMatch(/HTTP 401: .*Incorrect API key provided/);
    expect(run.requests).toBeLessThanOrEqual(4);
  });

  it('malformed answers are the provider’s failure: retried, and a case they keep breaking is infrastructure, not a quality regression', { timeout: 60_000 }, async () => {
    const healthy = (request: RecordedRequest): Reply => ({ ...chatReply(`answer to ${request.body.messages?.at(-1)?.content}`), delayMs: 5 });
    const baseline = await runWithFaults({ cases: 40, mix: NO_FAULTS, handler: healthy });
    // The first two answers to each question are broken (not JSON, an HTML page, no choices): each case is retried until it is whole.
    const asked = new Map<string, number>();
    const flaky = await runWithFaults({
      cases: 40,
      mix: NO_FAULTS,
      handler: (request) => {
        const question = String(request.body.messages?.at(-1)?.content);
        const count = (asked.get(question) ?? 0) + 1;
        asked.set(question, count);
        return count <= 2 ? (MALFORMED[(count + question.length) % MALFORMED.length] ?? {}) : healthy(request);
      },
    });
    expect(tally(flaky.results)).toEqual({ scored: 40, errored: 0, unexplained: 0 });
    // Six cases whose every answer is broken: they error as infrastructure and leave the comparison.
    const broken = new Set(['question 1', 'question 2', 'question 3', 'question 4', 'question 5', 'question 6']);
    const pr = await runWithFaults({ cases: 40, mix: NO_FAULTS, handler: (request) => (broken.has(String(request.body.messages?.at(-1)?.content)) ? (MALFORMED[0] ?? {}) : healthy(request)) });
    const samples = pr.results.suites.flatMap((suite) => suite.cases.flatMap((testCase) => testCase.samples));
    expect(samples.filter((sample) => sample.error).map((sample) => sample.errorKind)).toEqual(Array(6).fill('infrastructure'));
    const comparison = compare(baseline.results, pr.results);
    expect(comparison.suites[0]?.regressedCases).toEqual([]);
    expect(comparison.verdict).not.toBe('fail');
  });
});
