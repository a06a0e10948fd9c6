import { mapLimit } from '../../src/core/pool.js';
import type { EvaluateContext } from '../../src/evaluate/evaluate.js';
import { openScoring } from '../../src/evaluate/evaluate.js';
import type { CaseResult } from '../../src/results/types.js';
import type { CaseRun } from '../../src/runner/types.js';
import type { Suite } from '../../src/suites/types.js';

/** The evaluate stage as a run drives it: the suite's scoring opened, every case scored, the scoring closed. */
export async function evaluateCases(runs: readonly CaseRun[], suite: Suite, ctx: EvaluateContext): Promise<CaseResult[]> {
  const scoring = openScoring(suite, ctx);
  try {
    return await mapLimit(runs, ctx.concurrency, (run) => scoring.evaluateCase(run));
  } finally {
    await scoring.close();
  }
}
