/**
 * How long one attempt may take and when a slow one is hedged, learned from the latency the
 * provider actually shows: per call kind and model (`chat:gpt-4o-mini`, `embed:…`, `moderate:…`),
 * the last `window` successful requests.
 *
 * - Attempt timeout: `timeoutMultiple` × their p99, at least `minTimeoutMs`, at most `maxTimeoutMs`
 *   (the configured attempt timeout); doubled for each attempt of the same call that timed out
 *   while nothing else was answered, so a provider that became slower is waited for rather than
 *   declared down.
 * - Hedge: a request still unanswered `hedgeMultiple` × their p90 after it was sent (at least half
 *   the shortest attempt timeout, so a stall of our own process is not taken for a slow provider;
 *   at the latest half-way through its attempt timeout) gets a second one.
 * - Before `minSamples` answers nothing is learned: the attempt timeout is `maxTimeoutMs` and
 *   nothing is hedged.
 */
export interface AttemptPolicy {
  timeoutMultiple: number;
  hedgeMultiple: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
  minSamples: number;
  window: number;
  /** Hedges may be at most this share of the requests sent (a slow provider is not sent twice the load). */
  maxHedgeShare: number;
}

export const DEFAULT_ATTEMPTS: Omit<AttemptPolicy, 'maxTimeoutMs'> = {
  timeoutMultiple: 3,
  hedgeMultiple: 2,
  minTimeoutMs: 1000,
  minSamples: 10,
  window: 50,
  maxHedgeShare: 0.5,
};

interface Samples {
  ring: number[];
  next: number;
  /** The ring's values in order, kept so as each answer comes (its quantiles are then two lookups). */
  sorted: number[];
  /** p90 and p99 of the ring. */
  quantiles: { p90: number; p99: number };
  /** Successful requests so far. */
  answers: number;
  /** What every deadline of the key is derived from (see `bases`): listeners hear when it changes. */
  bases: { timeout: number; hedge: number } | undefined;
}

/** `q`-quantile (nearest rank) of values in ascending order. */
function nearestRank(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** `q`-quantile (nearest rank) of unsorted values. */
export function quantile(values: readonly number[], q: number): number {
  return nearestRank([...values].sort((a, b) => a - b), q);
}

/** Where `value` goes in ascending `sorted` (before the first larger value). */
function rankOf(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Puts `ms` in the ring (over its oldest value once it is full) and in `sorted`, and reads the quantiles again. */
function record(samples: Samples, ms: number, window: number): void {
  if (samples.ring.length === window) {
    const evicted = samples.ring[samples.next] as number;
    samples.sorted.splice(rankOf(samples.sorted, evicted) - 1, 1);
  }
  samples.ring[samples.next] = ms;
  samples.next = (samples.next + 1) % window;
  samples.sorted.splice(rankOf(samples.sorted, ms), 0, ms);
  samples.quantiles = { p90: nearestRank(samples.sorted, 0.9), p99: nearestRank(samples.sorted, 0.99) };
}

export function latencyTracker(policy: AttemptPolicy) {
  const byKey = new Map<string, Samples>();
  const listeners = new Set<(key: string) => void>();
  let requests = 0;
  let hedges = 0;

  function learned(key: string): { p90: number; p99: number } | undefined {
    const samples = byKey.get(key);
    if (!samples || samples.ring.length < policy.minSamples) return undefined;
    return samples.quantiles;
  }

  /** The attempt timeout before doubling and the hedge point before its cap: every deadline follows from these two. */
  function bases(latency: { p90: number; p99: number }) {
    return { timeout: Math.max(policy.minTimeoutMs, policy.timeoutMultiple * latency.p99), hedge: Math.max(policy.hedgeMultiple * latency.p90, policy.minTimeoutMs / 2) };
  }

  function timeoutMs(key: string, stalls: number): number {
    const latency = learned(key);
    if (latency === undefined) return policy.maxTimeoutMs;
    return Math.round(Math.min(policy.maxTimeoutMs, bases(latency).timeout * 2 ** stalls));
  }

  return {
    policy,
    /**
     * A successful request of `key` took `ms`. When that moves the key's deadlines, attempts in
     * flight hear of it (mostly it does not: the bounds hold them, or the quantiles stay).
     */
    observe(key: string, ms: number): void {
      let samples = byKey.get(key);
      if (!samples) byKey.set(key, (samples = { ring: [], next: 0, sorted: [], quantiles: { p90: 0, p99: 0 }, answers: 0, bases: undefined }));
      record(samples, ms, policy.window);
      samples.answers += 1;
      const latency = learned(key);
      const now = latency === undefined ? undefined : bases(latency);
      if (now?.timeout === samples.bases?.timeout && now?.hedge === samples.bases?.hedge) return;
      samples.bases = now;
      for (const listener of listeners) listener(key);
    },
    /** How many requests of `key` were answered so far. */
    answered(key: string): number {
      return byKey.get(key)?.answers ?? 0;
    },
    /** The attempt timeout of a call after `stalls` of its attempts timed out unanswered (see AttemptState). */
    timeoutMs,
    /** How long after it was sent a request is hedged ; undefined: not (yet) learned. */
    hedgeAfterMs(key: string, stalls: number): number | undefined {
      const latency = learned(key);
      if (latency === undefined) return undefined;
      return Math.round(Math.min(bases(latency).hedge, timeoutMs(key, stalls) / 2));
    },
    /** Counts a request sent; a hedge only while hedges stay within their share. */
    sent(hedge: boolean): boolean {
      if (hedge && hedges + 1 > policy.maxHedgeShare * (requests + 1)) return false;
      requests += 1;
      if (hedge) hedges += 1;
      return true;
    },
    onObserve(listener: (key: string) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get requests(): number {
      return requests;
    },
    get hedges(): number {
      return hedges;
    },
  };
}

export type LatencyTracker = ReturnType<typeof latencyTracker>;
