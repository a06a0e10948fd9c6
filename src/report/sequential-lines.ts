import type { SuiteComparison } from '../compare/types.js';
import { formatValue } from './format.js';

/**
 * What a report says about a suite a pull request stopped early, in plain words, for every
 * renderer (each escapes them for its own sink): where and why it stopped, the calls (and flow
 * dollars) saved against a full run, which cases got more samples. A suite that ran every case
 * the usual way says nothing extra.
 */

type SequentialRun = NonNullable<SuiteComparison['sequential']>;

/** How many case ids the lines name before "and N more". */
const LISTED = 10;

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function stopLine(run: SequentialRun): string | undefined {
  if (!run.stopped) return undefined;
  const reason = run.stopped.reason.trim().replace(/\.$/, '');
  return `${upperFirst(/^stopped after/i.test(reason) ? reason : `stopped after ${run.ran} of ${run.of} cases: ${reason}`)}.`;
}

function callsLine(run: SequentialRun, spend: SuiteComparison['spend']): string | undefined {
  const { made, full } = run.calls;
  if (full <= 0 || made >= full) return undefined;
  const saved = full - made;
  const share = Math.round((saved / full) * 100);
  const flowUsd = spend && spend.flowUsd > 0 && made > 0 ? (spend.flowUsd / made) * saved : 0;
  const dollars = flowUsd > 0 ? `, about ${formatValue(flowUsd, { kind: 'amount', unit: 'usd' })} of flow cost at this run's price per call` : '';
  return `${made} of the ${full} flow calls a full run makes: ${saved} saved (${share} %${dollars}).`;
}

function resampledLine(run: SequentialRun): string | undefined {
  const cases = run.resampled;
  if (cases.length === 0) return undefined;
  const named = cases.slice(0, LISTED).map((entry) => `${entry.id} (${entry.samples} samples)`).join(', ');
  const more = cases.length > LISTED ? ` and ${cases.length - LISTED} more` : '';
  return `${cases.length} case(s) ran with more samples, where the decision was close: ${named}${more}.`;
}

/** The lines a reviewer reads first; empty when the suite ran every case with nothing to say. */
export function sequentialLines(suite: Pick<SuiteComparison, 'sequential' | 'spend'>): string[] {
  const run = suite.sequential;
  if (!run) return [];
  const problem = run.problem ? `The run's record of where it stopped does not match its results (${run.problem}): the verdict does not rely on it.` : undefined;
  return [stopLine(run), callsLine(run, suite.spend), resampledLine(run), problem].filter((line): line is string => line !== undefined);
}

/** How stopping early works, for a "details" fold under the lines above. */
export const SEQUENTIAL_METHOD =
  'A pull request runs its cases in a seeded random order (seeded by the base commit, so a re-run takes the same cases; cases whose answer is cached come first, being free). ' +
  'At each tenth of a suite\'s cases the monitor asks whether the verdict is already known: futility — no drop of the tolerance can still become significant with the cases left — ' +
  'or an interim look past the efficacy boundary (a drop already significant at a stricter level, within the same error budget). Compare re-checks every stop on the stored cases; cases not reached are not counted as removed, ' +
  'and when a suite carries the decision its later cases run with more samples, within the calls of a full run. Pushes, scheduled runs, shards and --update-baseline run every case (docs/gate.md).';
