import type { CaseResult } from '../results/types.js';
import { caseValues } from './case-values.js';
import { clustersOf } from './clusters.js';
import { comparable } from './suite-align.js';
import type { SequentialMonitor, SequentialRecord, SequentialSettings, SequentialStep, SequentialSuitePlan } from './sequential-types.js';
import type { Sums, TrackedTest } from './sequential-tests.js';
import { addPair, interimLooks, efficacyP, emptySums, futility, sequentialLevels, STAGE_ONE, trackedTests } from './sequential-tests.js';
import { efficacyReason, futileReason } from './sequential-reasons.js';

/** Most samples a case of stage two runs with when its suite carries the decision. */
export const MAX_REPEAT = 3;
/**
 * Stage one "carries the decision" when an open test's worsening is at least this many standard
 * errors (S/√Σd²) — a test of a primary metric when the PR has any (they hold most of the budget).
 */
const PROMISING_Z = 2;

type Pair = { base: number; pr: number; graded: boolean } | undefined;

/** What the monitor knows of one suite during the run. */
interface SuiteState {
  plan: SequentialSuitePlan;
  /** null: a test the monitor cannot follow (the suite runs every case). */
  tests: TrackedTest[] | null;
  levels: number[];
  /** Per test, the base's value of each case (by id). */
  baseValues: Map<string, number>[];
  baseGraded: Set<string>;
  sharedPlanned: number;
  pairs: Map<string, Pair[]>;
  samples: Map<string, number>;
  sums: Sums[];
  /** The same sums over the cases not served from the response cache (the noise conditional power reads). */
  uncached: Sums[];
  cachedIds: Set<string>;
  dispatched: number;
  /** Samples asked for the cases dispatched, and the repeat each got. */
  repeats: number[];
  prefix: number;
  looks: number[];
  /** The raw level of an interim efficacy look (compare/sequential-tests.ts sequentialLevels). */
  efficacyLevel: number;
  efficacy?: { reason: string; look: number; metric: string };
  /** Set at the first look that found every test settled: the suite dispatches nothing more while the data still say so. */
  futile?: boolean;
  /** Scored cases at the last futility look. */
  lookedAt: number;
  /** Clustered cases (a `cluster:` field): stage two keeps the suite's repeat (the stages' tests would split clusters). */
  clustered: boolean;
  /** Decided when stage two starts: whether the suite carries the decision. */
  promising?: boolean;
}

const isShared = (state: SuiteState, id: string) => state.baseValues.length > 0 && state.baseValues[0]?.has(id) === true;

function initialState(plan: SequentialSuitePlan, alpha: number, all: Map<string, TrackedTest[] | null>): SuiteState {
  const tests = all.get(plan.name) ?? null;
  const levels = sequentialLevels([...all.values()].flatMap((entry) => entry ?? []), alpha);
  const baseIds = new Set(plan.base.cases.map((testCase) => testCase.id));
  const baseValues = (tests ?? []).map((test) => {
    const stored = comparable(test.metric, plan.base) ?? test.metric;
    const values = caseValues(plan.base.cases, stored);
    return new Map(plan.base.cases.map((testCase, index) => [testCase.id, values[index] as number]));
  });
  return {
    plan, tests, baseValues,
    levels: (tests ?? []).map((test) => (test.primary ? levels.share.primary : levels.share.other)),
    baseGraded: new Set(plan.base.cases.filter((testCase) => testCase.samples.length > 1).map((testCase) => testCase.id)),
    sharedPlanned: plan.order.filter((id) => baseIds.has(id)).length,
    pairs: new Map(), samples: new Map(),
    sums: (tests ?? []).map(emptySums),
    uncached: (tests ?? []).map(emptySums),
    cachedIds: new Set(plan.order.slice(0, plan.cached ?? 0)),
    dispatched: 0, repeats: [], prefix: 0,
    looks: interimLooks(plan.order.length),
    efficacyLevel: levels.efficacy,
    lookedAt: 0,
    clustered: clustersOf(plan.base.cases) !== null,
  };
}

/** Records one case's pairs into the running sums (replacing what an earlier result of the same case gave). */
function recordCase(state: SuiteState, result: CaseResult): void {
  const tests = state.tests ?? [];
  const old = state.pairs.get(result.id);
  const pairs: Pair[] = tests.map((test, index) => {
    const base = state.baseValues[index]?.get(result.id);
    const [pr] = caseValues([result], test.metric);
    if (base === undefined || Number.isNaN(base) || pr === undefined || Number.isNaN(pr)) return undefined;
    const graded = result.samples.length > 1 || state.baseGraded.has(result.id) || test.metric.scale.kind !== 'binary';
    return { base, pr, graded };
  });
  const cached = state.cachedIds.has(result.id);
  tests.forEach((test, index) => {
    for (const sums of cached ? [state.sums[index] as Sums] : [state.sums[index] as Sums, state.uncached[index] as Sums]) {
      const before = old?.[index];
      if (before) addPair(sums, test, before, -1);
      const now = pairs[index];
      if (now) addPair(sums, test, now);
    }
  });
  state.pairs.set(result.id, pairs);
  state.samples.set(result.id, result.samples.length);
  while (state.prefix < state.plan.order.length && state.pairs.has(state.plan.order[state.prefix] as string)) state.prefix += 1;
  checkEfficacy(state);
}

/** At an interim look (the first `look` cases of the order all scored): FAIL a test whose p is below the efficacy level. */
function checkEfficacy(state: SuiteState): void {
  if (state.efficacy || !state.tests || !state.looks.includes(state.prefix)) return;
  const look = state.prefix;
  const order = state.plan.order.slice(0, look);
  state.tests.forEach((test, index) => {
    if (state.efficacy) return;
    const sums = emptySums();
    for (const id of order) {
      const pair = state.pairs.get(id)?.[index];
      if (pair) addPair(sums, test, pair);
    }
    const p = efficacyP(test, sums);
    if (p <= state.efficacyLevel) state.efficacy = { look, metric: test.metric.name, reason: efficacyReason(test, sums, { p, level: state.efficacyLevel, look, of: state.plan.order.length }) };
  });
}

/**
 * The sequential monitor of one PR run (pure: it runs nothing). Every suite shares the PR's one
 * error budget: the interim efficacy level and each test's Holm share are computed over the
 * gating tests of every plan, α the smallest of the bases' (docs/gate.md "Stopping when the verdict is known").
 */
export function sequentialMonitor(plans: readonly SequentialSuitePlan[], settings: SequentialSettings): SequentialMonitor {
  const alpha = plans.length ? Math.min(...plans.map((plan) => plan.base.alpha)) : 0.05;
  const tracked = new Map(plans.map((plan) => [plan.name, trackedTests(plan.metrics, plan.base)]));
  const states = new Map(plans.map((plan) => [plan.name, initialState(plan, alpha, tracked)]));
  const stateOf = (suite: string) => {
    const state = states.get(suite);
    if (!state) throw new Error(`sequential monitor: no plan for suite "${suite}"`);
    return state;
  };
  const full = plans.reduce((sum, plan) => sum + plan.order.length * plan.repeat, 0);
  const anyPrimary = [...tracked.values()].some((tests) => tests?.some((test) => test.primary) === true);

  /** Calls the PR may still add to a case of `state` without exceeding a full run: the full run's calls less what is made, in flight or owed at the suites' own repeat. */
  function headroom(): number {
    let committed = 0;
    for (const state of states.values()) {
      committed += state.repeats.reduce((sum, repeat) => sum + repeat, 0);
      if (!isDone(state)) committed += (state.plan.order.length - state.dispatched) * state.plan.repeat;
    }
    return full - committed;
  }

  function settled(state: SuiteState): string | undefined {
    const tests = state.tests;
    if (!tests || tests.length === 0) return undefined;
    const remaining = state.sharedPlanned - [...state.pairs.keys()].filter((id) => isShared(state, id)).length;
    const why = tests.map((test, index) => futility(test, state.sums[index] as Sums, remaining, state.levels[index] as number, state.uncached[index] as Sums));
    if (why.some((entry) => entry === undefined)) return undefined;
    return futileReason(tests, why as ('curtailed' | 'conditional-power')[], state.pairs.size, state.plan.order.length);
  }

  const isDone = (state: SuiteState) => state.efficacy !== undefined || state.dispatched >= state.plan.order.length || state.futile === true;

  function repeatOfNext(state: SuiteState): number {
    const { plan } = state;
    if (state.dispatched < Math.ceil(STAGE_ONE * plan.order.length) || !state.tests || state.clustered) return plan.repeat;
    state.promising ??= state.tests.some((test, index) => {
      const sums = state.sums[index] as Sums;
      return (test.primary || !anyPrimary) && test.statistic === 'mean' && sums.squares > 0 && sums.sum / Math.sqrt(sums.squares) >= PROMISING_Z;
    });
    if (!state.promising) return plan.repeat;
    const extra = Math.floor(headroom() / Math.max(1, plan.order.length - state.dispatched));
    return Math.max(plan.repeat, Math.min(MAX_REPEAT, plan.repeat + extra));
  }

  return {
    record(suite, result) {
      recordCase(stateOf(suite), result);
    },
    next(suite): SequentialStep {
      const state = stateOf(suite);
      if (state.efficacy) return { action: 'stop', reason: state.efficacy.reason };
      if (state.dispatched >= state.plan.order.length) return { action: 'stop', reason: 'ran every case' };
      // Futility is first asked at a look; once stopped, every later answer re-checks it on all the data (a case in flight can reopen the suite).
      const look = state.futile === true || state.looks.some((at) => at <= state.pairs.size && at > state.lookedAt);
      if (look) state.lookedAt = state.pairs.size;
      const futile = look ? settled(state) : undefined;
      state.futile = futile !== undefined;
      if (futile) return { action: 'stop', reason: futile };
      const repeat = repeatOfNext(state);
      state.dispatched += 1;
      state.repeats.push(repeat);
      return repeat === state.plan.repeat ? { action: 'continue' } : { action: 'continue', repeat };
    },
    outcome(suite): SequentialRecord {
      const state = stateOf(suite);
      const { plan } = state;
      const ran = state.pairs.size;
      const futile = state.efficacy ? undefined : ran < plan.order.length ? settled(state) : undefined;
      const stopped = state.efficacy
        ? { reason: state.efficacy.reason, decision: 'fail' as const, look: state.efficacy.look, metric: state.efficacy.metric }
        : futile ? { reason: futile, decision: 'futile' as const } : undefined;
      const after = Math.ceil(STAGE_ONE * plan.order.length);
      const raised = state.repeats.slice(after).filter((repeat) => repeat !== plan.repeat);
      const made = [...state.samples.values()].reduce((sum, count) => sum + count, 0);
      return {
        seed: settings.seed, ran, of: plan.order.length, order: plan.order,
        ...(plan.cached ? { cached: plan.cached } : {}),
        ...(stopped ? { stopped } : {}),
        ...(raised.length ? { adapted: { after, repeat: Math.max(...raised) } } : {}),
        resampled: [...state.samples].filter(([, count]) => count > plan.repeat).map(([id, samples]) => ({ id, samples })),
        calls: { made, full: plan.order.length * plan.repeat },
      };
    },
  };
}
