import { posix } from 'node:path';
import type { ResultsFile, StoredRunGate } from '../results/types.js';
import type { BaselineMerge, NotRefreshed } from './baseline-merge.js';
import { mergeBaseline } from './baseline-merge.js';
import { compare } from './index.js';
import type { FailOn } from './fail-policy.js';
import { failsGate } from './fail-policy.js';
import { tightest } from './run-gate.js';
import { gap, gapLine } from './coverage.js';
import type { Comparison, Verdict } from './types.js';

/**
 * Decide once: every decision of a run — verdict, coverage, whether the step fails, the exit
 * code, and the effects to perform (comment, baseline commit, drift issue) — is made here, from
 * typed inputs. The action and the CLI only read what this needs and carry out what it returns.
 */

/** CLI exit codes (README "What the verdict promises"): the same table the action's step follows. */
export const EXIT = { ok: 0, gateFailed: 1, config: 2, couldNotRun: 3, internal: 70 } as const;

/** What kind of run this is: who is gated, what it may change. */
export type Occasion = 'pull-request' | 'push' | 'drift' | 'publish' | 'local';

/** The baseline the run is compared with, as reading it turned out. */
export type BaselineRead =
  | { kind: 'stored'; file: ResultsFile }
  /** None stored. `baseHasSuites` false is the bootstrap; true: `why` main has none, and what to do. */
  | { kind: 'none'; baseHasSuites: boolean; why?: { reason: string; fix: string } }
  /** It exists (or may) but could not be read, even after retries. */
  | { kind: 'unreadable'; reason: string };

export interface OutcomeInput {
  occasion: Occasion;
  baseline: BaselineRead;
  results: ResultsFile;
  /** The gate settings this run's own inputs ask for (on a PR: the PR's workflow file). */
  requested: { failOn: FailOn; suites: string[]; baseline?: string; sequential?: boolean };
  comment: 'always' | 'never';
  /** `alert: issue` on a drift run. */
  driftIssue: boolean;
  /** A push that refreshes the baseline: the previous baseline of the branch, read just before; `blocked`: why it cannot commit at all. */
  refresh?: { previous: BaselineRead; dropUnrun: boolean; blocked?: string };
}

export type DriftEffect = { action: 'report' } | { action: 'close' } | { action: 'leave'; why: string };

export interface Outcome {
  comparison: Comparison;
  verdict: Verdict;
  /** The fail-on the gate applies: the base's, tightened by the run's own input. */
  failOn: FailOn;
  failsStep: boolean;
  exitCode: number;
  /** Notes for the summary and the comment, in order. */
  notes: string[];
  effects: {
    comment: boolean;
    /** The baseline to commit on a push (null: nothing to commit), and what of the run it could not store. */
    baseline: { merge: BaselineMerge; notStored: NotRefreshed[] } | null;
    drift: DriftEffect | null;
  };
}

const exitFor = (verdict: Verdict, fails: boolean) => (!fails ? EXIT.ok : verdict === 'error' ? EXIT.couldNotRun : EXIT.gateFailed);

function comparisonFor(input: OutcomeInput): Comparison {
  const { baseline, results } = input;
  if (baseline.kind === 'unreadable') {
    const fix = 're-run this job; if it keeps failing, check that the token can read contents';
    return { ...compare(null, results, { missing: { reason: baseline.reason, fix } }), verdict: 'error', headline: `Could not compare: ${baseline.reason} — ${fix}` };
  }
  if (baseline.kind === 'stored') return compare(baseline.file, results);
  // A push is what stores the baseline: without one before it, it reports like the bootstrap.
  const missing = baseline.baseHasSuites && input.occasion !== 'push' ? baseline.why ?? MISSING : undefined;
  return compare(null, results, missing ? { missing } : { firstBaseline: input.occasion === 'push' });
}

/** Why a PR on a base with suites finds no baseline, when nothing more precise was recorded. */
export const MISSING = {
  reason: 'the base commit has EvalGate suites but no stored baseline: the push that should have stored it failed (its EvalGate step says why: API key, model prices, token permissions or a protected branch) or has not run yet',
  fix: 'fix that push\'s EvalGate step and re-run it (README "What the verdict promises"), then re-run this check',
};

function driftEffect(input: OutcomeInput, comparison: Comparison, failOn: FailOn): DriftEffect | null {
  if (input.occasion !== 'drift' || !input.driftIssue) return null;
  if (comparison.verdict === 'fail' || (comparison.verdict === 'warn' && failOn === 'warn')) return { action: 'report' };
  if (comparison.verdict === 'error') return { action: 'leave', why: 'The evaluation could not run, which is not a drift of the scores: the drift issue was left as it was.' };
  if (!comparison.hasBaseline) return { action: 'leave', why: 'No baseline yet: there is nothing to drift from, so no drift issue was opened.' };
  if (comparison.coverage.length) return { action: 'leave', why: `Not everything was compared (${comparison.coverage.length} part(s), see above): the drift issue stays as it is until a run compares everything and passes.` };
  return { action: 'close' };
}

/** The baseline a push stores: merged from the previous one, with the branch's gate settings recorded. */
function baselineEffect(input: OutcomeInput): Outcome['effects']['baseline'] {
  const { refresh } = input;
  if (input.occasion !== 'push' || !refresh || refresh.blocked || refresh.previous.kind === 'unreadable') return null;
  const previous = refresh.previous.kind === 'stored' ? refresh.previous.file : null;
  const { failOn, suites, baseline, sequential } = input.requested;
  const gate: StoredRunGate = { failOn, suites, ...(baseline ? { baseline } : {}), ...(sequential === undefined ? {} : { sequential }) };
  const merge = mergeBaseline(previous, { ...input.results, run: { ...input.results.run, gate } }, { dropUnrun: refresh.dropUnrun });
  return { merge, notStored: merge.kept.filter((entry) => entry.blocking) };
}

/**
 * A pull request reads its baseline at the path its own workflow names: when the file says the
 * default branch stores its baseline elsewhere, the PR chose a file the base does not gate on
 * (an old copy, say) — nothing of the base's baseline was compared.
 */
function withBaselineOfTheBase(comparison: Comparison, input: OutcomeInput): Comparison {
  const stored = input.baseline.kind === 'stored' ? input.baseline.file.run.gate?.baseline : undefined;
  const requested = input.requested.baseline;
  if (input.occasion !== 'pull-request' || !stored || !requested || posix.normalize(stored) === posix.normalize(requested)) return comparison;
  const missing = gap('*', `the baseline was read from \`${requested}\`, but the default branch stores its baseline at \`${stored}\` (a pull request cannot choose the file it is compared with)`, `set \`baseline: ${stored}\` in this PR's workflow, or change the default branch's workflow first`);
  return { ...comparison, verdict: comparison.verdict === 'error' ? 'error' : 'incomplete', coverage: [missing, ...comparison.coverage], headline: `not everything was compared: ${gapLine(missing)}. ${comparison.headline}` };
}

/** The one decision of a run. */
export function decideOutcome(input: OutcomeInput): Outcome {
  const comparison = withBaselineOfTheBase(comparisonFor(input), input);
  const notes: string[] = [];
  const base = input.baseline.kind === 'stored' ? input.baseline.file.run.gate : undefined;
  const gate = input.occasion === 'pull-request' ? tightest(base, input.requested) : { failOn: input.requested.failOn, notes: [] };
  notes.push(...gate.notes);
  const baseline = baselineEffect(input);
  let verdict = comparison.verdict;
  let failsStep = input.occasion === 'pull-request' || input.occasion === 'local' || input.occasion === 'drift' ? failsGate(verdict, gate.failOn) : false;
  let headline = comparison.headline;
  if (input.occasion === 'push') {
    const problem = pushProblem(input, baseline);
    if (problem) {
      verdict = 'error';
      failsStep = true;
      headline = `The baseline was not stored: ${problem}. ${headline}`;
    }
  }
  const decided = { ...comparison, verdict, headline };
  return {
    comparison: decided,
    verdict,
    failOn: gate.failOn,
    failsStep,
    exitCode: exitFor(verdict, failsStep),
    notes,
    effects: {
      comment: (input.occasion === 'pull-request' || input.occasion === 'publish') && input.comment !== 'never',
      baseline: baseline && (baseline.merge.updated.length > 0 || baseline.merge.results.run.unstored) ? baseline : null,
      drift: driftEffect(input, decided, gate.failOn),
    },
  };
}

/** Why a push cannot store its baseline (before any commit is tried); undefined when it can. */
function pushProblem(input: OutcomeInput, baseline: Outcome['effects']['baseline']): string | undefined {
  const previous = input.refresh?.previous;
  if (!input.refresh) return undefined;
  if (input.refresh.blocked) return input.refresh.blocked;
  if (previous?.kind === 'unreadable') return `the previous baseline could not be read (${previous.reason}), so it could not be merged safely — re-run this job`;
  const missed = baseline?.notStored ?? [];
  if (missed.length === 0) return undefined;
  return missed.map((entry) => `${entry.metric ? `${entry.suite} › ${entry.metric}` : entry.suite}: ${entry.reason}${entry.previousKept ? ' (its previous values stay)' : ''} — ${entry.fix}`).join('; ');
}

/** After the commit was tried: a push whose baseline GitHub refused fails, naming the cause and the fix. */
export function afterBaselineCommit(outcome: Outcome, commit: { written: true } | { written: false; reason: string; harmless?: boolean }): Outcome {
  if (commit.written || commit.harmless) return outcome;
  const headline = `The baseline was not stored: ${commit.reason}. ${outcome.comparison.headline}`;
  return { ...outcome, verdict: 'error', failsStep: true, exitCode: EXIT.couldNotRun, comparison: { ...outcome.comparison, verdict: 'error', headline } };
}
