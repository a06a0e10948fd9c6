import { isDict } from '../core/dict.js';

/**
 * Version 1 results (before typed score statuses) read as version 2: a score's status comes from
 * its value and error (an error starting "skipped" was a skipped metric), and the copies of
 * cost and latency that v1 stored as scores are dropped (v2 stores them once, on the sample).
 */
export function upgradeV1(document: Record<string, unknown>): Record<string, unknown> {
  const suites = Array.isArray(document.suites) ? document.suites : [];
  const measured = new Set(['cost', 'latency', 'ttft', 'tokens-per-second']);
  for (const suite of suites.filter(isDict)) {
    const metrics = (Array.isArray(suite.metrics) ? suite.metrics : []).filter(isDict);
    const measuredNames = new Set(metrics.filter((metric) => measured.has(String(metric.metric))).map((metric) => String(metric.name)));
    for (const testCase of (Array.isArray(suite.cases) ? suite.cases : []).filter(isDict)) {
      for (const sample of (Array.isArray(testCase.samples) ? testCase.samples : []).filter(isDict)) {
        if (!isDict(sample.scores)) continue;
        sample.scores = Object.fromEntries(
          Object.entries(sample.scores)
            .filter(([name]) => !measuredNames.has(name))
            .map(([name, score]) => [name, isDict(score) ? upgradeScore(score) : score]),
        );
      }
    }
  }
  return { ...document, version: 2 };
}

function upgradeScore(score: Record<string, unknown>): Record<string, unknown> {
  const { value, error, ...rest } = score;
  if (typeof error === 'string') {
    return error.startsWith('skipped') ? { status: 'skipped', reason: error.replace(/^skipped:\s*/, ''), ...rest } : { status: 'error', error, ...rest };
  }
  return typeof value === 'number' ? { status: 'ok', value, ...rest } : { status: 'not-applicable', ...rest };
}
