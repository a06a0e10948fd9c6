import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import type { EvaluationOptions } from '../../src/engine/options.js';
import { sequentialMonitor } from '../../src/compare/sequential.js';
import type { SequentialMonitor } from '../../src/compare/sequential-types.js';
import { seededOrder } from '../../src/engine/case-order.js';
import { runMonitored } from '../../src/engine/sequential-run.js';
import { semaphore } from '../../src/core/semaphore.js';
import type { CaseResult, ResultsFile, SuiteResult } from '../../src/results/types.js';
import type { SampleRun } from '../../src/runner/types.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';

/**
 * The engine's side of stopping when the verdict is known, with the real monitor and a real
 * OpenAI-compatible server: what runs, in which order, how many calls are in flight.
 */

let server: OpenAIServer;
let inFlight = 0;
let maxInFlight = 0;
/** Answers "right" except for the questions listed (a PR that breaks them). */
let wrong = new Set<number>();
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  inFlight = 0;
  maxInFlight = 0;
  wrong = new Set();
  server.setHandler(async (request) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const question = Number(/question (\d+)/.exec(request.body.messages.at(-1).content)?.[1]);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 2));
    inFlight -= 1;
    return chatReply(wrong.has(question) ? 'wrong' : 'right', { prompt: 10, completion: 2 });
  });
});

function suiteFile(dir: string, name: string, cases: number, extra = ''): void {
  const rows = Array.from({ length: cases }, (_, index) => `  - { id: ${name}-${index}, question: "question ${index}" }`).join('\n');
  writeFileSync(
    join(dir, `${name}.eval.yaml`),
    `name: ${name}\n${extra}flow:\n  kind: prompt\n  model: gpt-4o-mini\n  messages:\n    - { role: user, content: "{{ question }}" }\ncases:\n${rows}\nevaluators:\n  - { metric: equals, expected: right }\n`,
  );
}

const options = (cwd: string, more: Partial<EvaluationOptions> = {}): EvaluationOptions => ({
  suites: ['*.eval.yaml'], cwd, apiKey: 'sk-test', baseUrl: server.url, concurrency: 4, cache: false, ...more,
});

async function baselineOf(dir: string): Promise<ResultsFile> {
  const base = await runEvaluation(options(dir, { commit: 'base-sha' }));
  server.requests.length = 0;
  maxInFlight = 0;
  return base;
}

const sequential = (base: ResultsFile, more: { requested?: boolean } = {}) => ({ sequential: { base, seed: 'base-sha', ...more } });

describe('a pull request run that stops once the verdict is known', () => {
  it('an unchanged flow stops early: fewer calls than a full run, the record says where and why, only the cases run are stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-seq-'));
    suiteFile(dir, 'qa', 200);
    const base = await baselineOf(dir);
    const pr = await runEvaluation(options(dir, sequential(base)));
    const suite = pr.suites[0];
    const record = suite?.sequential;
    expect(record?.stopped?.decision).toBe('futile');
    expect(record?.ran).toBeLessThan(200);
    expect(record?.of).toBe(200);
    expect(suite?.cases).toHaveLength(record?.ran as number);
    expect(server.requests).toHaveLength(record?.calls.made as number);
    expect(record?.calls.full).toBe(200);
    // The cases that ran are the first of the order, stored in the suite's own order.
    expect(new Set(suite?.cases.map((testCase) => testCase.id))).toEqual(new Set(record?.order.slice(0, record.ran)));
    const positions = suite?.cases.map((testCase) => Number(testCase.id.split('-')[1])) ?? [];
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('the order is seeded by the base commit: a re-run takes the same cases, another seed others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-seq-'));
    suiteFile(dir, 'qa', 120);
    const base = await baselineOf(dir);
    const first = await runEvaluation(options(dir, sequential(base)));
    const again = await runEvaluation(options(dir, sequential(base)));
    const other = await runEvaluation(options(dir, { sequential: { base, seed: 'another-base' } }));
    const orderOf = (results: ResultsFile) => results.suites[0]?.sequential?.order;
    expect(orderOf(again)).toEqual(orderOf(first));
    expect(orderOf(other)).not.toEqual(orderOf(first));
    expect(again.suites[0]?.cases.map((testCase) => testCase.id)).toEqual(first.suites[0]?.cases.map((testCase) => testCase.id));
  });

  it('keeps the one pool full and never over it, across suites, while suites stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-seq-'));
    suiteFile(dir, 'qa', 150);
    suiteFile(dir, 'chat', 150);
    suiteFile(dir, 'fresh', 40);
    const base = await baselineOf(dir);
    const withoutFresh = { ...base, suites: base.suites.filter((suite) => suite.name !== 'fresh') };
    const pr = await runEvaluation(options(dir, sequential(withoutFresh)));
    expect(maxInFlight).toBe(4);
    const made = pr.suites.reduce((sum, suite) => sum + (suite.sequential?.calls.made ?? suite.cases.length), 0);
    expect(server.requests).toHaveLength(made);
    // A suite the base never stored runs every case, unwatched.
    const fresh = pr.suites.find((suite) => suite.name === 'fresh');
    expect([fresh?.cases.length, fresh?.sequential]).toEqual([40, undefined]);
  });

  it('runs every case when the base has the setting off, or the PR turns it off, or the run is a shard', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-seq-'));
    suiteFile(dir, 'qa', 60);
    const base = await baselineOf(dir);
    const baseOff = { ...base, run: { ...base.run, gate: { sequential: false } } };
    const suiteOff = { ...base, suites: base.suites.map((suite) => ({ ...suite, stopEarly: false })) };
    for (const more of [sequential(baseOff, { requested: true }), sequential(suiteOff), sequential(base, { requested: false }), { ...sequential(base), shard: { index: 1, count: 1 } }]) {
      const pr = await runEvaluation(options(dir, more));
      expect([pr.suites[0]?.cases.length, pr.suites[0]?.sequential]).toEqual([60, undefined]);
    }
  });

  it('a suite whose base stored the setting on but whose PR file turns it off runs every case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-seq-'));
    suiteFile(dir, 'qa', 60);
    const base = await baselineOf(dir);
    suiteFile(dir, 'qa', 60, 'gate: { sequential: false }\n');
    const pr = await runEvaluation(options(dir, sequential(base)));
    expect([pr.suites[0]?.cases.length, pr.suites[0]?.sequential, pr.suites[0]?.stopEarly]).toEqual([60, undefined, false]);
  });

  it('a PR that breaks many cases is not stopped as futile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-seq-'));
    suiteFile(dir, 'qa', 120);
    const base = await baselineOf(dir);
    wrong = new Set(Array.from({ length: 120 }, (_, index) => index).filter((index) => index % 3 === 0));
    const pr = await runEvaluation(options(dir, sequential(base)));
    expect(pr.suites[0]?.sequential?.stopped?.decision).not.toBe('futile');
  });
});

describe('cached cases first', () => {
  it('a cache: true suite starts with the cases whose answer is cached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-seq-'));
    suiteFile(dir, 'qa', 80, 'cache: true\n');
    const base = await runEvaluation(options(dir, { cache: true, commit: 'base-sha' }));
    // Half the cases change their question for the PR: only the others' answers are cached.
    const rows = Array.from({ length: 80 }, (_, index) => `  - { id: qa-${index}, question: "question ${index}${index % 2 ? ' again' : ''}" }`).join('\n');
    writeFileSync(join(dir, 'qa.eval.yaml'), `name: qa\ncache: true\nflow:\n  kind: prompt\n  model: gpt-4o-mini\n  messages:\n    - { role: user, content: "{{ question }}" }\ncases:\n${rows}\nevaluators:\n  - { metric: equals, expected: right }\n`);
    const pr = await runEvaluation(options(dir, { cache: true, ...sequential(base) }));
    const order = pr.suites[0]?.sequential?.order ?? [];
    const isCached = (id: string) => Number(id.split('-')[1]) % 2 === 0;
    expect(order.slice(0, 40).every(isCached)).toBe(true);
    expect(order.slice(40).some(isCached)).toBe(false);
    expect(pr.suites[0]?.sequential?.cached).toBe(40);
  });
});

describe('the run loop', () => {
  it('after every finished invocation the next starts at once: in flight stays at the pool size until no suite has work, and a stopped suite gives its slots to the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-seq-'));
    suiteFile(dir, 'qa', 200);
    suiteFile(dir, 'chat', 200);
    const base = await baselineOf(dir);
    const entry = (name: string) => base.suites.find((suite) => suite.name === name) as SuiteResult;
    const plans = ['qa', 'chat'].map((name) => ({ name, base: entry(name), metrics: entry(name).metrics, order: seededOrder('s', name, entry(name).cases.map((testCase) => testCase.id)), repeat: 1 }));
    const real = sequentialMonitor(plans, { enabled: true, seed: 's' });
    // The real monitor, its answers noted: the samples each dispatched case was asked for.
    const asked = new Map<string, number[]>();
    const monitor: SequentialMonitor = {
      record: (suite, result) => real.record(suite, result),
      outcome: (suite) => real.outcome(suite),
      next: (suite) => {
        const step = real.next(suite);
        if (step.action === 'continue') asked.set(suite, [...(asked.get(suite) ?? []), step.repeat ?? 1]);
        return step;
      },
    };
    const lanes = 4;
    let running = 0;
    const waiting: { suite: string; done: () => void }[] = [];
    const started: string[] = [];
    const scoring: (() => void)[] = [];
    // The chat suite's PR answers one case in twelve wrong: it carries a drop, so it runs on after qa stopped.
    // Each sample the loop ran is scored as the stored one (or broken): as many samples as the monitor asked for.
    const scored = (name: string, id: string, samples: number): CaseResult => {
      const stored = entry(name).cases.find((testCase) => testCase.id === id) as CaseResult;
      const broken = name === 'chat' && Number(id.split('-')[1]) % 12 === 0;
      const sample = broken ? { ...(stored.samples[0] as CaseResult['samples'][number]), output: 'wrong', scores: { equals: { status: 'ok' as const, value: 0 } } } : (stored.samples[0] as CaseResult['samples'][number]);
      return { ...stored, samples: Array.from({ length: samples }, () => sample) };
    };
    const suites = plans.map((plan) => ({
      name: plan.name,
      cases: entry(plan.name).cases.map((testCase) => ({ id: testCase.id, vars: testCase.inputs, source: { file: 'chat.eval.yaml' } })),
      order: plan.order,
      repeat: 1,
      sample: () =>
        new Promise<SampleRun>((resolveSample) => {
          running += 1;
          started.push(plan.name);
          waiting.push({ suite: plan.name, done: () => resolveSample({ ok: true, value: { output: 'right', usage: { prompt: 1, completion: 1, cached: 0, reasoning: 0 }, latency: { totalMs: 1 } } }) });
        }),
      // Scoring waits until the test lets it: the next invocation must not wait for it.
      score: (run: { case: { id: string }; samples: unknown[] }) => new Promise<CaseResult>((resolveScore) => scoring.push(() => resolveScore(scored(plan.name, run.case.id, run.samples.length)))),
    }));
    const settle = async () => {
      for (let round = 0; round < 10; round += 1) await new Promise((resolveRound) => setImmediate(resolveRound));
    };
    let finished = false;
    const run = runMonitored(suites, monitor, semaphore(lanes), lanes).then((result) => {
      finished = true;
      return result;
    });
    const inFlightAfterEach: number[] = [];
    await settle();
    while (!finished) {
      const next = waiting.shift();
      if (!next) {
        for (const score of scoring.splice(0)) score();
        await settle();
        continue;
      }
      running -= 1;
      next.done();
      await settle();
      inFlightAfterEach.push(running);
      for (const score of scoring.splice(0)) score();
      await settle();
    }
    const results = await run;
    const qa = results.get('qa')?.record;
    const chat = results.get('chat')?.record;
    expect(qa?.stopped?.decision).toBe('futile');
    expect(chat?.ran).toBeGreaterThan(qa?.ran as number);
    // Full until the end: once in flight drops below the pool size it only drains.
    const firstDip = inFlightAfterEach.findIndex((count) => count < lanes);
    expect(firstDip).toBeGreaterThan(0);
    expect(inFlightAfterEach.slice(0, firstDip).every((count) => count === lanes)).toBe(true);
    expect(inFlightAfterEach.slice(firstDip)).toEqual([...inFlightAfterEach.slice(firstDip)].sort((a, b) => b - a));
    // After qa stopped, only chat started; nothing of qa started after its stop beyond what was in flight.
    const lastQa = started.lastIndexOf('qa');
    expect(started.slice(lastQa + 1).every((name) => name === 'chat')).toBe(true);
    expect(started.filter((name) => name === 'qa')).toHaveLength(qa?.ran as number);
    expect(results.get('qa')?.cases).toHaveLength(qa?.ran as number);
    // The calls qa saved let chat, which carries a drop, run its later cases with more samples: each invocation started is one sample stored.
    const chatCases = results.get('chat')?.cases ?? [];
    expect(chat?.adapted?.repeat).toBeGreaterThan(1);
    expect(started.filter((name) => name === 'chat')).toHaveLength(chatCases.reduce((sum, testCase) => sum + testCase.samples.length, 0));
    expect(chat?.calls.made).toBe(started.filter((name) => name === 'chat').length);
    // Each case ran with exactly the samples the monitor's continue asked for, in the plan's order.
    const samplesInOrder = chat?.order.slice(0, chat.ran).map((id) => chatCases.find((testCase) => testCase.id === id)?.samples.length);
    expect(samplesInOrder).toEqual(asked.get('chat'));
  });
});

describe('evalgate run with a baseline file', () => {
  const cli = async (dir: string, ...args: string[]) => {
    const { main } = await import('../../src/cli/main.js');
    const err: string[] = [];
    const code = await main(['run', '*.eval.yaml', '--base-url', server.url, '--concurrency', '4', '--no-cache', ...args], { cwd: dir, env: { OPENAI_API_KEY: 'sk-test' }, stdout: () => undefined, stderr: (text) => err.push(text), interactive: false });
    return { code, stderr: err.join(''), results: JSON.parse(readFileSync(join(dir, '.evalgate/results.json'), 'utf8')) as ResultsFile };
  };

  it('stops like a pull request, seeded by the baseline; --no-sequential and --update-baseline run every case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-seq-cli-'));
    suiteFile(dir, 'qa', 200);
    const stored = await cli(dir, '--update-baseline', '--baseline', 'baseline.json');
    expect([stored.code, stored.results.suites[0]?.cases.length]).toEqual([0, 200]);
    const pr = await cli(dir, '--baseline', 'baseline.json');
    expect(pr.code).toBe(0);
    expect(pr.stderr).toMatch(/qa: stopped after \d+ of 200 cases/);
    expect(pr.results.suites[0]?.sequential?.seed).toBe(stored.results.run.date);
    const full = await cli(dir, '--baseline', 'baseline.json', '--no-sequential');
    expect([full.code, full.results.suites[0]?.cases.length, full.results.suites[0]?.sequential]).toEqual([0, 200, undefined]);
  });
});
