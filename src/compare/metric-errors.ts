import type { CaseResult, MetricInfo } from '../results/types.js';

/** How often a metric could not be computed in a run, and why (first distinct messages with counts). */
export interface MetricErrors {
  metric: string;
  /** Samples whose score is an error. */
  count: number;
  /** Cases left without any value of this metric because every scored sample errored. */
  cases: number;
  messages: { message: string; count: number }[];
}

const MESSAGES_SHOWN = 3;
const MESSAGE_LENGTH = 300;

/** The metrics of a run that errored on at least one sample. */
export function metricErrors(cases: readonly CaseResult[], metrics: readonly MetricInfo[]): MetricErrors[] {
  const found: MetricErrors[] = [];
  for (const metric of metrics) {
    const counts = new Map<string, number>();
    let count = 0;
    let lostCases = 0;
    for (const testCase of cases) {
      const ran = testCase.samples.filter((sample) => sample.output !== null);
      let errored = 0;
      for (const sample of ran) {
        const score = sample.scores[metric.name];
        if (score?.status !== 'error') continue;
        errored += 1;
        const message = (score.error ?? 'error').split('\n')[0]?.slice(0, MESSAGE_LENGTH) ?? 'error';
        counts.set(message, (counts.get(message) ?? 0) + 1);
      }
      count += errored;
      if (errored > 0 && errored === ran.length) lostCases += 1;
    }
    if (count === 0) continue;
    // Most frequent first; ties in first-seen order (Map order), so the result is deterministic.
    const messages = [...counts].map(([message, times]) => ({ message, count: times })).sort((a, b) => b.count - a.count).slice(0, MESSAGES_SHOWN);
    found.push({ metric: metric.name, count, cases: lostCases, messages });
  }
  return found;
}
