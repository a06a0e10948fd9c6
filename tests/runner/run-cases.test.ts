import { describe, expect, it } from 'vitest';
import { appFailure, modelFlowFailure } from '../../src/flows/failure-kind.js';
import type { Flow } from '../../src/flows/types.js';
import { runCase } from '../../src/runner/run-cases.js';
import { semaphore } from '../../src/core/semaphore.js';
import type { Case } from '../../src/core/case.js';

const cases: Case[] = Array.from({ length: 12 }, (_, index) => ({ id: `c${index}`, vars: { n: index }, source: { file: 'x.jsonl', line: index + 1 } }));

function fakeFlow(behaviour: (n: number) => Promise<string>): Flow & { peak: number } {
  let inFlight = 0;
  const flow = {
    kind: 'test',
    needsModel: false,
    failureKind: modelFlowFailure,
    peak: 0,
    async invoke(vars: Readonly<Record<string, unknown>>) {
      inFlight += 1;
      flow.peak = Math.max(flow.peak, inFlight);
      try {
        const output = await behaviour(vars.n as number);
        return { output, usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, latency: { totalMs: 1 } };
      } finally {
        inFlight -= 1;
      }
    },
  };
  return flow;
}

/** Every case through one pool of `concurrency` slots, the way the engine runs a suite. */
function runCases(list: readonly Case[], flow: Flow, options: { repeat: number; concurrency: number; timeoutMs: number; onSample?: () => void }) {
  const schedule = semaphore(options.concurrency);
  return Promise.all(list.map((testCase) => runCase(testCase, flow, { repeat: options.repeat, timeoutMs: options.timeoutMs, schedule, ...(options.onSample ? { onSample: options.onSample } : {}) })));
}

describe('runCase in a shared pool', () => {
  it('bounds concurrency, keeps case order and runs every repeat', async () => {
    const flow = fakeFlow(async (n) => {
      await new Promise((resolvePromise) => setTimeout(resolvePromise, (12 - n) * 2));
      return `out ${n}`;
    });
    let progress = 0;
    const runs = await runCases(cases, flow, { repeat: 2, concurrency: 3, timeoutMs: 1000, onSample: () => (progress += 1) });
    expect(flow.peak).toBe(3);
    expect(runs.map((run) => run.case.id)).toEqual(cases.map((testCase) => testCase.id));
    expect(runs[5]?.samples).toEqual([
      expect.objectContaining({ ok: true, value: expect.objectContaining({ output: 'out 5' }) }),
      expect.objectContaining({ ok: true, value: expect.objectContaining({ output: 'out 5' }) }),
    ]);
    expect(progress).toBe(24);
  });

  it('records a failing sample with its reason instead of stopping the run', async () => {
    const flow = fakeFlow(async (n) => {
      if (n === 4) throw new Error('provider said no');
      return 'fine';
    });
    const runs = await runCases(cases, flow, { repeat: 1, concurrency: 4, timeoutMs: 1000 });
    expect(runs[4]?.samples).toEqual([{ ok: false, error: 'provider said no', errorKind: 'application' }]);
    expect(runs.filter((run) => run.samples[0]?.ok)).toHaveLength(11);
  });

  it("gives a flow its own timeout, even when longer than the run's default", async () => {
    const slowButAllowed = (signal: AbortSignal) =>
      new Promise<string>((resolvePromise, reject) => {
        const timer = setTimeout(() => resolvePromise('done'), 120);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        });
      });
    const flow = (timeoutMs?: number): Flow => ({
      kind: 'test',
      needsModel: false,
      failureKind: modelFlowFailure,
      ...(timeoutMs ? { timeoutMs } : {}),
      invoke: async (_vars, signal) => ({ output: await slowButAllowed(signal), usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, latency: { totalMs: 1 } }),
    });
    const [own] = await runCases(cases.slice(0, 1), flow(1000), { repeat: 1, concurrency: 1, timeoutMs: 30 });
    expect(own?.samples[0]).toMatchObject({ ok: true });
    const [defaulted] = await runCases(cases.slice(0, 1), flow(), { repeat: 1, concurrency: 1, timeoutMs: 30 });
    expect(defaulted?.samples[0]).toMatchObject({ ok: false });
  });

  it('cancels the deadline of an invocation that settled (no timer outlives its call)', async () => {
    const signals: AbortSignal[] = [];
    const flow: Flow = {
      kind: 'test',
      needsModel: false,
      failureKind: modelFlowFailure,
      invoke: async (_vars, signal) => {
        signals.push(signal);
        return { output: 'fast', usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, latency: { totalMs: 1 } };
      },
    };
    await runCases(cases.slice(0, 3), flow, { repeat: 2, concurrency: 2, timeoutMs: 20 });
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 60));
    expect(signals).toHaveLength(6);
    expect(signals.filter((signal) => signal.aborted)).toEqual([]);
  });

  it('aborts a call past its deadline with a timeout; the flow says whose failure the hang is', async () => {
    const hanging = (failureKind: Flow['failureKind']): Flow => ({
      kind: 'test',
      needsModel: false,
      failureKind,
      invoke: (_vars, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    });
    const [provider] = await runCases(cases.slice(0, 1), hanging(modelFlowFailure), { repeat: 1, concurrency: 1, timeoutMs: 20 });
    expect(provider?.samples[0]).toMatchObject({ ok: false, error: expect.stringMatching(/^timed out: /), errorKind: 'infrastructure' });
    // The team's own app hanging (a command, an HTTP endpoint) is the app's failure.
    const [app] = await runCases(cases.slice(0, 1), hanging(appFailure), { repeat: 1, concurrency: 1, timeoutMs: 20 });
    expect(app?.samples[0]).toMatchObject({ ok: false, error: expect.stringMatching(/^timed out: /), errorKind: 'application' });
  });
});
