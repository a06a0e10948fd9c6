import { describe, expect, it } from 'vitest';
import type { BaselineRead, OutcomeInput } from '../../src/compare/outcome.js';
import { afterBaselineCommit, decideOutcome, EXIT } from '../../src/compare/outcome.js';
import type { ResultsFile } from '../../src/results/types.js';
import { binary, binaryCases, likert, results, suite } from './build.js';

/** Every row of README "What the verdict promises", decided by the one pure function. */
const good = (name = 'faq', passing: (index: number) => boolean = () => true) => suite(binaryCases(60, passing), [binary('exact')], { name });
const stored = (file: ResultsFile): BaselineRead => ({ kind: 'stored', file });
const skipped = (name = 'faq') => suite([], [binary('exact')], { name, status: 'skipped', skipReason: 'needs a model API key: set api-key / OPENAI_API_KEY' });
const infraDown = suite(binaryCases(60, () => true).map((spec) => ({ ...spec, error: 'HTTP 503 from the provider' })), [binary('exact')], { name: 'faq' });

function decide(input: Partial<OutcomeInput> & Pick<OutcomeInput, 'baseline' | 'results'>) {
  return decideOutcome({ occasion: 'pull-request', requested: { failOn: 'regression', suites: ['evals/**'] }, comment: 'always', driftIssue: false, ...input });
}

describe('the outcome of a pull request', () => {
  it.each([
    ['everything compared, unchanged', stored(results(good())), results(good()), 'pass', false, EXIT.ok],
    ['a significant regression', stored(results(good())), results(good('faq', (index) => index % 3 !== 0)), 'fail', true, EXIT.gateFailed],
    ['a skipped suite (no key, fork PR)', stored(results(good())), results(skipped()), 'incomplete', true, EXIT.gateFailed],
    ['a suite of the baseline missing from the PR', stored(results(good(), good('chat'))), results(good()), 'incomplete', true, EXIT.gateFailed],
    ['the base has suites but no stored baseline', { kind: 'none', baseHasSuites: true } as BaselineRead, results(good()), 'incomplete', true, EXIT.gateFailed],
    ['bootstrap: the base has no suites', { kind: 'none', baseHasSuites: false } as BaselineRead, results(good()), 'pass', false, EXIT.ok],
    ['the evaluation could not run', stored(results(good())), results(infraDown), 'error', true, EXIT.couldNotRun],
    ['the baseline could not be read', { kind: 'unreadable', reason: 'HTTP 500' } as BaselineRead, results(good()), 'error', true, EXIT.couldNotRun],
  ] as const)('%s → %s', (_label, baseline, pr, verdict, failsStep, exitCode) => {
    const outcome = decide({ baseline, results: pr });
    expect(outcome).toMatchObject({ verdict, failsStep, exitCode, effects: { comment: true, baseline: null, drift: null } });
    expect(outcome.comparison.verdict).toBe(verdict);
  });

  it('names each uncompared part first, with its reason and what to do', () => {
    const outcome = decide({ baseline: stored(results(good(), good('chat'))), results: results(good(), skipped('chat')) });
    expect(outcome.comparison.coverage).toEqual([expect.objectContaining({ suite: 'chat', reason: expect.stringMatching(/^skipped: needs a model API key/), fix: expect.stringMatching(/API key.*Fork pull requests/) })]);
    expect(outcome.comparison.headline).toMatch(/^not everything was compared \(1\): chat: skipped: needs a model API key.* — give this job the API key/);
  });

  it('a new suite that is skipped is not gated yet (nothing of the base is left uncompared); an old skipped placeholder is no baseline', () => {
    expect(decide({ baseline: stored(results(good())), results: results(good(), skipped('chat')) }).verdict).toBe('pass');
    const placeholder = decide({ baseline: stored(results(good(), skipped('chat'))), results: results(good(), good('chat')) });
    expect(placeholder.verdict).toBe('incomplete');
    expect(placeholder.comparison.coverage[0]?.reason).toMatch(/^no baseline on the default branch: the last push could not store it \(its stored entry is a skipped run's placeholder: needs a model API key/);
  });

  it('says why main has no baseline: what the last push recorded, else what to check', () => {
    const none = decide({ baseline: { kind: 'none', baseHasSuites: true }, results: results(good()) });
    expect(none.comparison.headline).toMatch(/^not everything was compared \(1\): the whole run: the base commit has EvalGate suites but no stored baseline/);
    const recorded = results();
    recorded.run.unstored = [{ suite: 'faq', reason: 'skipped (needs a model API key)' }];
    const told = decide({ baseline: stored(recorded), results: results(good()) });
    expect(told.verdict).toBe('incomplete');
    expect(told.comparison.coverage[0]?.reason).toBe('no baseline on the default branch: the last push could not store it (skipped (needs a model API key))');
  });

  it('WARN names what warned; fail-on: warn fails it, never fails nothing', () => {
    const base = suite(binaryCases(12, () => true), [binary('exact')], { name: 'small' });
    const outcome = decide({ baseline: stored(results(base)), results: results(base) });
    expect(outcome.verdict).toBe('warn');
    expect(outcome.comparison.headline).toMatch(/^1 warning\(s\) — small › exact: inconclusive: only 12 shared cases/);
    expect(decide({ baseline: stored(results(base)), results: results(base), requested: { failOn: 'warn', suites: [] } }).failsStep).toBe(true);
    expect(decide({ baseline: stored(results(good())), results: results(skipped()), requested: { failOn: 'never', suites: [] } }).failsStep).toBe(false);
  });

  it('never says PASS and regressed at once: a report-only move is named as such', () => {
    const metrics = [binary('exact'), binary('style', { gate: { gate: false } })];
    const cases = (drop: boolean) => binaryCases(60, () => true).map((spec, index) => ({ ...spec, values: { ...spec.values, style: drop && index % 2 === 0 ? 0 : 1 } }));
    const outcome = decide({ baseline: stored(results(suite(cases(false), metrics))), results: results(suite(cases(true), metrics)) });
    expect(outcome.verdict).toBe('pass');
    expect(outcome.comparison.headline).not.toMatch(/regressed/);
    expect(outcome.comparison.headline).toMatch(/^no significant regression \(1 gating test\(s\) compared\)/);
    const style = outcome.comparison.suites[0]?.metrics.find((metric) => metric.name === 'style');
    expect(style?.status).not.toBe('fail');
    if (style?.status !== 'pass') expect(outcome.comparison.headline).toMatch(/report-only \(not gating\): suite › style/);
  });

  it('takes the gate settings from the base: a PR may tighten fail-on, not loosen it, and is told so', () => {
    const base = results(good());
    base.run.gate = { failOn: 'regression', suites: ['evals/**'] };
    const loosened = decide({ baseline: stored(base), results: results(skipped()), requested: { failOn: 'never', suites: ['evals/trivial.eval.yaml'] } });
    expect(loosened).toMatchObject({ failOn: 'regression', failsStep: true, verdict: 'incomplete' });
    expect(loosened.notes).toEqual([expect.stringMatching(/asks for `fail-on: never`, looser than the default branch's `fail-on: regression`/), expect.stringMatching(/sets `suites: evals\/trivial.eval.yaml`, the default branch ran `evals\/\*\*`/)]);
    expect(decide({ baseline: stored(base), results: results(good()), requested: { failOn: 'warn', suites: ['evals/**'] } })).toMatchObject({ failOn: 'warn', notes: [] });
  });

  it('stopping early is the base\'s setting: a push records its `sequential` input; a PR asking to turn it on over an off base is told every case ran', () => {
    const base = results(good());
    const push = decide({ occasion: 'push', baseline: stored(base), results: results(good()), requested: { failOn: 'regression', suites: ['evals/**'], sequential: false }, refresh: { previous: stored(base), dropUnrun: true } });
    expect(push.effects.baseline?.merge.results.run.gate).toEqual({ failOn: 'regression', suites: ['evals/**'], sequential: false });
    base.run.gate = { failOn: 'regression', suites: ['evals/**'], sequential: false };
    const asked = decide({ baseline: stored(base), results: results(good()), requested: { failOn: 'regression', suites: ['evals/**'], sequential: true } });
    expect(asked.notes).toEqual([expect.stringMatching(/asks for `sequential: true`, the default branch has `sequential: false`: every case ran/)]);
    expect(decide({ baseline: stored(base), results: results(good()), requested: { failOn: 'regression', suites: ['evals/**'], sequential: false } }).notes).toEqual([]);
  });

  it('a PR reading its baseline from another file than the one the default branch stores is not compared', () => {
    const old = results(good());
    old.run.gate = { failOn: 'regression', suites: ['evals/**'], baseline: 'evals/baseline.json' };
    const elsewhere = decide({ baseline: stored(old), results: results(good()), requested: { failOn: 'regression', suites: ['evals/**'], baseline: 'evals/old-copy.json' } });
    expect(elsewhere).toMatchObject({ verdict: 'incomplete', failsStep: true });
    expect(elsewhere.comparison.headline).toMatch(/^not everything was compared: the whole run: the baseline was read from `evals\/old-copy.json`, but the default branch stores its baseline at `evals\/baseline.json`/);
    expect(decide({ baseline: stored(old), results: results(good()), requested: { failOn: 'regression', suites: ['evals/**'], baseline: './evals/baseline.json' } })).toMatchObject({ verdict: 'pass' });
    const push = decide({ occasion: 'push', baseline: stored(old), results: results(good()), requested: { failOn: 'regression', suites: ['evals/**'], baseline: 'evals/baseline.json' }, refresh: { previous: stored(old), dropUnrun: true } });
    expect(push.effects.baseline?.merge.results.run.gate).toEqual({ failOn: 'regression', suites: ['evals/**'], baseline: 'evals/baseline.json' });
  });
});

describe('the outcome of a push to the default branch', () => {
  const push = (previous: BaselineRead, fresh: ResultsFile, blocked?: string) =>
    decideOutcome({ occasion: 'push', baseline: previous, results: fresh, requested: { failOn: 'regression', suites: ['evals/**'] }, comment: 'always', driftIssue: false, refresh: { previous, dropUnrun: true, ...(blocked ? { blocked } : {}) } });

  it('stores a clean run with the branch\'s gate settings, and never gates on the push\'s own verdict', () => {
    const outcome = push(stored(results(good())), results(good('faq', (index) => index % 3 !== 0)));
    expect(outcome).toMatchObject({ verdict: 'fail', failsStep: false, effects: { comment: false } });
    expect(outcome.effects.baseline?.merge.results.run.gate).toEqual({ failOn: 'regression', suites: ['evals/**'] });
    expect(outcome.effects.baseline?.notStored).toEqual([]);
  });

  it('the first push (no previous baseline) stores it and passes, saying so', () => {
    expect(push({ kind: 'none', baseHasSuites: true }, results(good())).comparison.headline).toMatch(/^no previous baseline on the branch: this push stores the first one/);
    expect(push({ kind: 'none', baseHasSuites: true }, results(good()))).toMatchObject({ verdict: 'pass', failsStep: false });
  });

  it.each([
    ['a skipped suite (no key on main)', results(good(), skipped('chat')), /chat: skipped \(needs a model API key.*give this job the API key/],
    ['a suite that could not run', results(infraDown), /faq: could not run: infrastructure failures on 60 of 60 cases.*\(its previous values stay\)/],
  ])('fails with error when it cannot store everything: %s', (_label, fresh, message) => {
    const outcome = push(stored(results(good())), fresh);
    expect(outcome).toMatchObject({ verdict: 'error', failsStep: true, exitCode: EXIT.couldNotRun });
    expect(outcome.comparison.headline).toMatch(/^The baseline was not stored: /);
    expect(outcome.comparison.headline).toMatch(message);
  });

  it('a skipped judge metric keeps its previous values and fails the push, naming the key', () => {
    const metrics = [binary('exact'), likert('relevance')];
    const previous = suite(binaryCases(30, () => true).map((spec) => ({ ...spec, values: { ...spec.values, relevance: 4 } })), metrics, { name: 'faq' });
    const fresh = suite(binaryCases(30, () => true), metrics, { name: 'faq' });
    for (const testCase of fresh.cases) for (const sample of testCase.samples) sample.scores.relevance = { status: 'skipped', reason: 'needs a model API key' };
    const outcome = push(stored(results(previous)), results(fresh));
    expect(outcome.comparison.headline).toMatch(/^The baseline was not stored: faq › relevance: relevance was skipped on every case \(needs a model API key\) \(its previous values stay\)/);
    expect(outcome.effects.baseline?.merge.results.suites[0]?.cases[0]?.samples[0]?.scores.relevance).toEqual({ status: 'ok', value: 4 });
  });

  it('fails when the previous baseline could not be read (never "no previous baseline") and commits nothing', () => {
    const outcome = push({ kind: 'unreadable', reason: 'HTTP 502' }, results(good()));
    expect(outcome).toMatchObject({ verdict: 'error', failsStep: true, effects: { baseline: null } });
    expect(outcome.comparison.headline).toMatch(/^The baseline was not stored: the previous baseline could not be read \(HTTP 502\)/);
  });

  it('fails without a token, and when GitHub refuses the commit; a newer commit\'s baseline is harmless', () => {
    expect(push(stored(results(good())), results(good()), 'no github-token').comparison.headline).toMatch(/^The baseline was not stored: no github-token/);
    const outcome = push(stored(results(good())), results(good()));
    const refused = afterBaselineCommit(outcome, { written: false, reason: 'the branch is protected (GH013)' });
    expect(refused).toMatchObject({ verdict: 'error', failsStep: true, exitCode: EXIT.couldNotRun });
    expect(refused.comparison.headline).toMatch(/^The baseline was not stored: the branch is protected/);
    expect(afterBaselineCommit(outcome, { written: false, reason: 'newer', harmless: true })).toBe(outcome);
  });
});

describe('the outcome of a scheduled drift run', () => {
  const drift = (baseline: BaselineRead, fresh: ResultsFile, failOn: 'regression' | 'warn' = 'regression') =>
    decideOutcome({ occasion: 'drift', baseline, results: fresh, requested: { failOn, suites: [] }, comment: 'always', driftIssue: true });

  it.each([
    ['a regression reports drift', stored(results(good())), results(good('faq', (index) => index % 3 !== 0)), 'report'],
    ['a run that compared everything and passed closes the issue', stored(results(good())), results(good()), 'close'],
    ['a run without a key (skipped) leaves it open', stored(results(good())), results(skipped()), 'leave'],
    ['a run that could not run leaves it', stored(results(good())), results(infraDown), 'leave'],
    ['no baseline leaves it', { kind: 'none', baseHasSuites: true } as BaselineRead, results(good()), 'leave'],
  ] as const)('%s', (_label, baseline, fresh, action) => {
    const outcome = drift(baseline, fresh);
    expect(outcome.effects.drift?.action).toBe(action);
    expect(outcome.effects.comment).toBe(false);
  });
});
