import type { MetricInfo } from '../results/types.js';
import type { RatioTest } from './amount-test.js';
import { ratioTest } from './amount-test.js';
import type { CaseValues } from './case-values.js';
import type { PairedTest } from './paired-test.js';
import { pairedTest } from './paired-test.js';
import { normalCdf, z } from './stats.js';

/**
 * The two-stage adaptive design of a sequential run (docs/gate.md "Spending the calls saved"):
 * stage two's cases may run with more samples than stage one's, chosen from stage one's data. Each
 * stage is tested alone and the two one-sided p-values are combined with weights fixed before
 * the run (Lehmacher & Wassmer 1999): valid whatever stage two's design, because stage two's
 * p-value is valid given stage one.
 */

const clamp = (p: number) => Math.min(1 - 1e-12, Math.max(1e-12, p));

/** 1 − Φ(√w·Φ⁻¹(1 − p₁) + √(1 − w)·Φ⁻¹(1 − p₂)); an empty stage (null) counts as z = 0. */
export function inverseNormal(first: number | null, second: number | null, share: number): number {
  const zOf = (p: number | null) => (p === null ? 0 : z(1 - clamp(p)));
  return 1 - normalCdf(Math.sqrt(share) * zOf(first) + Math.sqrt(1 - share) * zOf(second));
}

/** The values of one stage (the others NaN: no value, so the test leaves them out). */
const stageValues = (values: CaseValues, inStage: readonly boolean[], stage: boolean) => values.map((value, index) => (inStage[index] === stage ? value : Number.NaN));

/** A paired test's p as the combination of its two stages' own tests (stage one at the suite's repeat). */
export function stagedPairedP(metric: MetricInfo, base: CaseValues, pr: CaseValues, stages: { inStageOne: boolean[]; share: number; repeats: { base: number; pr: number; raised: number } }): number | null {
  const { repeats } = stages;
  const test = (stage: boolean, prRepeat: number) => pairedTest(metric, stageValues(base, stages.inStageOne, stage), stageValues(pr, stages.inStageOne, stage), null, { base: repeats.base, pr: prRepeat }).pRaw;
  return inverseNormal(test(true, repeats.pr), test(false, repeats.raised), stages.share);
}

export function stagedRatioP(metric: MetricInfo, statistic: RatioTest['statistic'], base: CaseValues, pr: CaseValues, stages: { inStageOne: boolean[]; share: number }): number | null {
  const test = (stage: boolean) => ratioTest(metric, statistic, stageValues(base, stages.inStageOne, stage), stageValues(pr, stages.inStageOne, stage), new Float64Array(0)).pRaw;
  return inverseNormal(test(true), test(false), stages.share);
}

/** Marks a test as the stages' combination: its p-value, and a size counted at its full level (family.ts). */
export const combined = <T extends PairedTest | RatioTest>(test: T, pRaw: number | null): T => ({ ...test, pRaw, combined: true });
