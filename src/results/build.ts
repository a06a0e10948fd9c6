import type { ErrorKind } from '../core/failure.js';
import { capText, TEXT_LIMITS } from '../core/text-limits.js';
import { VERSION } from '../core/version.js';
import type { ResultsFile, RunMetadata, SampleResult, ScoreRecord, SuiteResult } from './types.js';
import { RESULTS_FORMAT, RESULTS_VERSION } from './types.js';

/** The results document, assembled here and nowhere else. */
export function resultsDocument(run: Omit<RunMetadata, 'models'>, suites: SuiteResult[]): ResultsFile {
  return {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    tool: { name: 'evalgate', version: VERSION },
    run: { ...run, models: [...new Set(suites.flatMap((suite) => (suite.flow.model ? [suite.flow.model] : [])))] },
    suites,
  };
}

/** What every suite result says about itself, whether it ran or not. */
export type SuiteHeader = Omit<SuiteResult, 'status' | 'skipReason' | 'cases'>;

export function skippedSuite(header: SuiteHeader, skipReason: string): SuiteResult {
  return { ...header, status: 'skipped', skipReason, cases: [] };
}

export function ranSuite(header: SuiteHeader, cases: SuiteResult['cases']): SuiteResult {
  return { ...header, status: 'ran', cases };
}

/** A sample whose flow failed: no output, its error (capped), nothing measured or scored. */
export function failedSample(error: string, errorKind?: ErrorKind): SampleResult {
  return { output: null, error: capText(error, TEXT_LIMITS.error), ...(errorKind ? { errorKind } : {}), usage: { prompt: 0, completion: 0, cached: 0, reasoning: 0 }, latencyMs: 0, scores: {} };
}

/** A score as stored (error and reason capped): a non-finite value is an error, never a number. */
export function scoreRecord(score: { value: number | null; error?: string; reason?: string; details?: Record<string, unknown> }): ScoreRecord {
  const extras = { ...(score.reason ? { reason: capText(score.reason, TEXT_LIMITS.reason) } : {}), ...(score.details ? { details: score.details } : {}) };
  if (score.error) return { status: 'error', error: capText(score.error, TEXT_LIMITS.error), ...extras };
  if (score.value === null) return { status: 'not-applicable', ...extras };
  if (!Number.isFinite(score.value)) return { status: 'error', error: `not a number: ${score.value}`, ...extras };
  return { status: 'ok', value: score.value, ...extras };
}

export const skippedScore = (reason: string): ScoreRecord => ({ status: 'skipped', reason });

