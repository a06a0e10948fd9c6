import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { mulberry32 } from '../../src/compare/rng.js';
import { pairedTest } from '../../src/compare/paired-test.js';
import { sequentialMonitor } from '../../src/compare/sequential.js';
import { stagedPairedP } from '../../src/compare/sequential-stages.js';
import { addPair, curtailed, emptySums, sequentialLevels, trackedTests } from '../../src/compare/sequential-tests.js';
import type { ResultsFile, SuiteResult } from '../../src/results/types.js';
import { binary, results, suite } from './build.js';

/** The engine's loop over one suite, one case at a time: the monitor's order, `next`, `record`, and the results it stores. */
function runSequentially(base: SuiteResult, pr: SuiteResult, cached = 0): SuiteResult {
  const order = pr.cases.map((testCase) => testCase.id);
  const monitor = sequentialMonitor([{ name: pr.name, base, metrics: pr.metrics, order, repeat: pr.repeat, cached }], { enabled: true, seed: 'test' });
  const ran = [];
  for (const testCase of pr.cases) {
    if (monitor.next(pr.name).action === 'stop') break;
    ran.push(testCase);
    monitor.record(pr.name, testCase);
  }
  return { ...pr, cases: ran, sequential: monitor.outcome(pr.name) };
}

/** A base and a PR run of `n` binary cases whose per-case pass probabilities are uniform, the PR's lowered by `drop`. */
function simulated(random: () => number, n: number, drop: number): [SuiteResult, SuiteResult] {
  const truth = Array.from({ length: n }, () => random());
  const draw = (p: number) => ({ exact: random() < p ? 1 : 0 });
  const ids = truth.map((_, index) => `c${String(index).padStart(3, '0')}`);
  const base = suite(truth.map((p, index) => ({ id: ids[index] as string, values: draw(p) })), [binary('exact')]);
  const pr = suite(truth.map((p, index) => ({ id: ids[index] as string, values: draw(Math.max(0, p - drop)) })), [binary('exact')]);
  return [base, pr];
}

const withSuite = (file: ResultsFile, entry: SuiteResult): ResultsFile => ({ ...file, suites: [entry] });

describe('deterministic curtailment', () => {
  it('never settles a test that some outcome of the remaining cases could still FAIL on the tolerance', () => {
    const [test] = trackedTests([binary('exact')], suite([{ id: 'a', values: { exact: 1 } }], [binary('exact')])) ?? [];
    if (!test) throw new Error('no test');
    for (let n = 0; n <= 12; n += 1) {
      for (let worse = 0; worse <= n; worse += 1) {
        for (let better = 0; worse + better <= n; better += 1) {
          const sums = emptySums();
          for (let index = 0; index < n; index += 1) addPair(sums, test, index < worse ? { base: 1, pr: 0, graded: false } : index < worse + better ? { base: 0, pr: 1, graded: false } : { base: 1, pr: 1, graded: false });
          for (let remaining = 0; remaining <= 6; remaining += 1) {
            // Every outcome: r of the remaining cases get a value, w of them worse by a whole point.
            let reachable = false;
            for (let r = 0; r <= remaining; r += 1) for (let w = 0; w <= r; w += 1) if (n + r > 0 && (worse - better + w) / (n + r) >= 0.05 - 1e-9 && worse - better + w > 0) reachable = true;
            expect(curtailed(test, sums, remaining), `n=${n} worse=${worse} better=${better} remaining=${remaining}`).toBe(!reachable);
          }
        }
      }
    }
  });
});

describe('the two-stage adaptive design', () => {
  it('stays valid when stage two runs more samples exactly where stage one looked worse (seeded Monte-Carlo under no change)', () => {
    const random = mulberry32(17);
    const metric = binary('exact');
    const level = 0.1;
    let rejected = 0;
    const runs = 500;
    for (let run = 0; run < runs; run += 1) {
      const truth = Float64Array.from({ length: 200 }, () => random());
      const bernoulli = (p: number): number => (random() < p ? 1 : 0);
      const base = truth.map(bernoulli);
      const firstPr = truth.map(bernoulli);
      const inStageOne = Array.from({ length: 200 }, (_, index) => index < 50);
      // Stage one's worsening in standard errors decides stage two's repeat: the selection that biases a pooled test.
      let sum = 0;
      let squares = 0;
      for (let index = 0; index < 50; index += 1) {
        const d = (base[index] as number) - (firstPr[index] as number);
        sum += d;
        squares += d * d;
      }
      const raised = squares > 0 && sum / Math.sqrt(squares) >= 1 ? 5 : 1;
      const pr = truth.map((p, index) => (index < 50 || raised === 1 ? (firstPr[index] as number) : Array.from({ length: raised }, () => bernoulli(p)).reduce((a, b) => a + b, 0) / raised));
      const p = raised > 1 ? stagedPairedP(metric, base, pr, { inStageOne, share: 0.25, repeats: { base: 1, pr: 1, raised } }) : pairedTest(metric, base, pr, null, { base: 1, pr: 1 }).pRaw;
      if (p !== null && p <= level) rejected += 1;
    }
    // 500 runs: a standard error of 1.3 pts at 10 %.
    expect(rejected / runs).toBeLessThanOrEqual(level + 0.03);
    expect(rejected / runs).toBeGreaterThan(0.05);
  });
});

describe('the sequential monitor with compare', () => {
  it('stops unchanged runs early and keeps the false-FAIL rate within α over many looks (seeded Monte-Carlo)', () => {
    const random = mulberry32(7);
    let fails = 0;
    let made = 0;
    let full = 0;
    const runs = 150;
    for (let run = 0; run < runs; run += 1) {
      const [base, pr] = simulated(random, 100, 0);
      const stopped = runSequentially(base, pr);
      const comparison = compare(results(base), results(stopped));
      expect(comparison.verdict === 'incomplete', comparison.headline).toBe(false);
      if (comparison.verdict === 'fail') fails += 1;
      made += stopped.sequential?.calls.made ?? 0;
      full += stopped.sequential?.calls.full ?? 0;
    }
    // α = 5 %: 150 runs give a standard error of 1.8 pts; a boundary that spent α at every look would fail far more.
    expect(fails / runs).toBeLessThanOrEqual(0.08);
    expect(made / full).toBeLessThan(0.7);
  });

  it('a futile stop PASSes each test in words, and the cases it did not run are no coverage gap', () => {
    const random = mulberry32(11);
    const [base, pr] = simulated(random, 200, 0);
    const stopped = runSequentially(base, pr);
    expect(stopped.sequential?.stopped?.decision).toBe('futile');
    const comparison = compare(results(base), results(stopped));
    expect(comparison.verdict).toBe('pass');
    expect(comparison.coverage).toEqual([]);
    const [entry] = comparison.suites;
    expect(entry?.removed).toEqual([]);
    expect(entry?.metrics[0]?.reason).toMatch(new RegExp(`^stopped after ${stopped.cases.length} of 200 cases: no drop of ≥ 5.0 pts`));
    expect(entry?.sequential).toMatchObject({ ran: stopped.cases.length, of: 200, stopped: { decision: 'futile' }, calls: { made: stopped.cases.length, full: 200 } });
  });

  it('a PR that breaks everything stops at the first interim look with a FAIL', () => {
    const ids = Array.from({ length: 200 }, (_, index) => `c${index}`);
    const base = suite(ids.map((id) => ({ id, values: { exact: 1 } })), [binary('exact')]);
    const pr = suite(ids.map((id) => ({ id, values: { exact: 0 } })), [binary('exact')]);
    const stopped = runSequentially(base, pr);
    expect(stopped.cases).toHaveLength(20);
    expect(stopped.sequential?.stopped).toMatchObject({ decision: 'fail', look: 20, metric: 'exact' });
    const comparison = compare(results(base), results(stopped));
    expect(comparison.verdict).toBe('fail');
    expect(comparison.suites[0]?.metrics[0]?.reason).toMatch(/^stopped after 20 of 200 cases: exact worsened 100.0 pts/);
  });

  it('does not stop on cached cases alone: they repeat the stored answers, whatever the PR changed elsewhere', () => {
    const ids = Array.from({ length: 200 }, (_, index) => `c${index}`);
    const base = suite(ids.map((id) => ({ id, values: { exact: 1 } })), [binary('exact')]);
    // The first 100 of the order are cached (unchanged); the PR broke every other case.
    const pr = suite(ids.map((id, index) => ({ id, values: { exact: index < 100 ? 1 : 0 } })), [binary('exact')]);
    const stopped = runSequentially(base, pr, 100);
    expect(stopped.sequential?.stopped?.decision).toBe('fail');
    expect(compare(results(base), results(stopped)).verdict).toBe('fail');
    expect(runSequentially(base, pr).sequential?.stopped?.decision).toBe('futile');
  });

  it('spends one α budget: the final look keeps what the interim looks did not', () => {
    // The gate comes from the base: its f1 is primary.
    const metrics = [binary('exact'), binary('f1', { gate: { primary: true } })];
    const tests = trackedTests(metrics, suite([{ id: 'a', values: { exact: 1, f1: 1 } }], metrics)) ?? [];
    const levels = sequentialLevels(tests, 0.05);
    expect(levels.final + levels.efficacy * tests.length * 9).toBeCloseTo(0.05, 12);
    expect(levels.share.primary).toBeCloseTo(0.8 * levels.final, 12);
  });
});

describe('an untrusted sequential record', () => {
  const random = mulberry32(3);
  const [base, dropped] = simulated(random, 200, 0.3);

  it('claiming futile on data that show a drop is not relied on: the missing cases leave the verdict incomplete, never a pass', () => {
    const cut = { ...dropped, cases: dropped.cases.slice(0, 80) };
    const forged = { ...cut, sequential: { seed: 'x', ran: 80, of: 200, order: dropped.cases.map((testCase) => testCase.id), stopped: { reason: 'stopped after 80 of 200 cases: <b>fine</b>', decision: 'futile' as const }, resampled: [], calls: { made: 80, full: 200 } } };
    const comparison = compare(results(base), withSuite(results(base), forged));
    expect(['fail', 'incomplete']).toContain(comparison.verdict);
    expect(comparison.suites[0]?.sequential?.problem).toMatch(/exact could still FAIL/);
    expect(JSON.stringify(comparison)).not.toContain('<b>fine</b>');
  });

  it('whose cases do not match the results, or that stops without saying why, is not relied on', () => {
    const order = dropped.cases.map((testCase) => testCase.id);
    const stoppedRun = runSequentially(base, { ...dropped, cases: dropped.cases.map((testCase) => ({ ...testCase, samples: testCase.samples })) });
    const record = stoppedRun.sequential;
    if (!record) throw new Error('no record');
    const wrongCount = { ...stoppedRun, sequential: { ...record, ran: record.ran + 1 } };
    const noStop = { ...dropped, cases: dropped.cases.slice(0, 50), sequential: { seed: 's', ran: 50, of: 200, order, resampled: [], calls: { made: 50, full: 200 } } };
    for (const entry of [wrongCount, noStop]) {
      const comparison = compare(results(base), results(entry));
      expect(comparison.suites[0]?.sequential?.problem).toBeDefined();
      expect(comparison.verdict === 'pass').toBe(false);
    }
  });

  it('claiming an interim FAIL the data do not show is not relied on', () => {
    const [calmBase, calm] = simulated(mulberry32(5), 200, 0);
    const order = calm.cases.map((testCase) => testCase.id);
    const forged = { ...calm, cases: calm.cases.slice(0, 20), sequential: { seed: 's', ran: 20, of: 200, order, stopped: { reason: 'x', decision: 'fail' as const, look: 20, metric: 'exact' }, resampled: [], calls: { made: 20, full: 200 } } };
    const comparison = compare(results(calmBase), results(forged));
    expect(comparison.suites[0]?.sequential?.problem).toMatch(/interim FAIL of exact is not in the data/);
    expect(comparison.verdict).toBe('incomplete');
  });
});
