import type { FailOn } from '../compare/fail-policy.js';
import { failsGate } from '../compare/fail-policy.js';
import type { Verdict } from '../compare/types.js';

/**
 * CLI exit codes: 0 pass/warn, 1 gate failed (fail, or incomplete: part of the baseline not
 * compared), 2 configuration or usage error, 3 the evaluation could not run (provider down,
 * every case errored), 70 an internal error (a bug in EvalGate). README "What the verdict promises".
 */
export const EXIT = { ok: 0, gateFailed: 1, config: 2, couldNotRun: 3, internal: 70 } as const;

export function exitCodeFor(verdict: Verdict, failOn: FailOn): number {
  if (!failsGate(verdict, failOn)) return EXIT.ok;
  return verdict === 'error' ? EXIT.couldNotRun : EXIT.gateFailed;
}
