import type { ModelClient } from './types.js';
import { ModelError } from './types.js';

/**
 * A circuit breaker shared by every model call of a run. It sees every attempt (it sits inside
 * the retry wrapper): a clear outage — `failures` consecutive failed attempts (5xx, 429,
 * connection, timeout) spanning at least `minOutageMs`, or one auth / 410 error — opens it, and
 * from then on every call fails at once with the provider's last message instead of spending
 * six attempts per case. A suite whose every case fails so is reported "could not run".
 * Half-open: `probeAfterMs` after an outage opened it (or after the last failed probe), one call
 * goes through; if it succeeds the breaker closes and the run goes on. A rejected key or a
 * retired provider never gets a probe.
 */
export interface BreakerPolicy {
  failures: number;
  minOutageMs: number;
  probeAfterMs: number;
}

export const DEFAULT_BREAKER: BreakerPolicy = { failures: 8, minOutageMs: 10_000, probeAfterMs: 30_000 };

const OUTAGE_KINDS = new Set<ModelError['kind']>(['server', 'rate-limit', 'network', 'timeout']);
const FATAL_KINDS = new Set<ModelError['kind']>(['auth', 'retired']);

export function withCircuitBreaker(
  inner: ModelClient,
  classify: (error: unknown) => ModelError,
  policy: BreakerPolicy = DEFAULT_BREAKER,
  now: () => number = Date.now,
): ModelClient {
  let streak = 0;
  let streakStarted = 0;
  let open: ModelError | undefined;
  let openedAt = 0;
  let probing = false;

  /** Whether this call may go through the open breaker as its one probe. */
  function probe(): boolean {
    if (!open || probing || FATAL_KINDS.has(open.kind) || now() - openedAt < policy.probeAfterMs) return false;
    probing = true;
    return true;
  }

  async function guarded<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const probed = probe();
    if (open && !probed) throw open;
    try {
      const value = await call();
      streak = 0;
      open = undefined;
      return value;
    } catch (error) {
      // The case's own deadline is not the provider's failure.
      if (signal?.aborted) throw error;
      const failure = classify(error);
      const wasOpen = open !== undefined;
      if (FATAL_KINDS.has(failure.kind)) open = tripped(failure, 'at once');
      else if (OUTAGE_KINDS.has(failure.kind) && probed) open = tripped(failure, 'and a probe call failed again');
      else if (OUTAGE_KINDS.has(failure.kind)) {
        if (streak === 0) streakStarted = now();
        streak += 1;
        const lasted = now() - streakStarted;
        if (streak >= policy.failures && lasted >= policy.minOutageMs) open = tripped(failure, `after ${streak} consecutive failures over ${Math.round(lasted / 1000)} s`);
      } else {
        // Any other answer (a bad request, a bad response) means the provider is there.
        streak = 0;
        open = undefined;
      }
      if (open && (!wasOpen || probed)) openedAt = now();
      throw error;
    } finally {
      if (probed) probing = false;
    }
  }

  return {
    chat: (request, signal) => guarded(() => inner.chat(request, signal), signal),
    embed: (model, input, signal) => guarded(() => inner.embed(model, input, signal), signal),
    moderate: (model, input, signal) => guarded(() => inner.moderate(model, input, signal), signal),
  };
}

function tripped(failure: ModelError, when: string): ModelError {
  return new ModelError(failure.kind === 'auth' || failure.kind === 'retired' ? failure.kind : 'server', `the provider is unavailable, so no further calls were made (stopped ${when}): ${failure.message}`, failure.status);
}
