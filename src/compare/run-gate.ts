import type { StoredRunGate } from '../results/types.js';
import type { FailOn } from './fail-policy.js';

/**
 * Gate settings come from the base: the baseline on the base commit records the default
 * branch's `fail-on` and `suites:` (written by the push that stored it). A pull request's own
 * inputs come from its merge commit, so they may only tighten what the base set.
 */

const STRICTNESS: Record<FailOn, number> = { never: 0, regression: 1, warn: 2 };

const globs = (list: readonly string[]) => [...list].map((glob) => glob.trim()).sort().join(', ');

export function tightest(base: StoredRunGate | undefined, requested: { failOn: FailOn; suites: readonly string[]; sequential?: boolean }): { failOn: FailOn; notes: string[] } {
  const notes: string[] = [];
  let failOn = requested.failOn;
  if (base?.failOn && STRICTNESS[requested.failOn] < STRICTNESS[base.failOn]) {
    failOn = base.failOn;
    notes.push(`This PR's workflow asks for \`fail-on: ${requested.failOn}\`, looser than the default branch's \`fail-on: ${base.failOn}\`: the default branch's applies (a pull request may only tighten the gate; loosen it with a change merged to the default branch first).`);
  }
  if (base?.suites && globs(base.suites) !== globs(requested.suites)) {
    notes.push(`This PR's workflow sets \`suites: ${globs(requested.suites)}\`, the default branch ran \`${globs(base.suites)}\`: every suite of the base's baseline must still be compared, or the verdict is incomplete.`);
  }
  if (base?.sequential === false && requested.sequential === true) {
    notes.push("This PR's workflow asks for `sequential: true`, the default branch has `sequential: false`: every case ran (a pull request may only tighten the gate; turn it on with a change merged to the default branch first).");
  }
  return { failOn, notes };
}
