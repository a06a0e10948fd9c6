/** One snapshot of the whole run, for a progress display. */
export interface RunProgress {
  /** `flows` while flow invocations are pending (their count), then `scoring` (judges, metrics: cases scored). */
  phase: 'flows' | 'scoring';
  done: number;
  total: number;
  /** Model calls retried so far (rate limits, 5xx, timeouts). */
  retries: number;
  /** Slow model requests hedged so far (a second request sent; the first answer won). */
  hedges: number;
  /** Model calls served from the response cache so far. */
  cacheHits: number;
}

export interface ProgressCounters {
  retries: number;
  hedges: number;
  cacheHits(): number;
}

/** Counts flow invocations and scored cases over every suite of the run. */
export function progressTracker(counters: ProgressCounters, emit: ((progress: RunProgress) => void) | undefined) {
  const flows = { done: 0, total: 0 };
  const cases = { done: 0, total: 0 };
  const report = (phase: RunProgress['phase']) => {
    if (!emit) return;
    const part = phase === 'flows' ? flows : cases;
    emit({ phase, done: part.done, total: part.total, retries: counters.retries, hedges: counters.hedges, cacheHits: counters.cacheHits() });
  };
  return {
    plan(invocations: number, caseCount: number): void {
      flows.total += invocations;
      cases.total += caseCount;
    },
    flowDone(): void {
      flows.done += 1;
      report('flows');
    },
    caseDone(): void {
      cases.done += 1;
      report(flows.done < flows.total ? 'flows' : 'scoring');
    },
  };
}
