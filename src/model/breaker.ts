import { ModelError } from './types.js';

/**
 * A circuit breaker shared by every model call of a run. It sees every attempt (it sits inside
 * the retry wrapper): a clear outage — `failures` consecutive failed attempts (5xx, 429,
 * connection, timeout, malformed answer) spanning at least `minOutageMs` from when the first of
 * them was sent (so one wave of timed-out attempts is proof enough), or one auth / 410 error —
 * opens it; the attempts still in flight then fail with it, and from then on every call fails at
 * once with the provider's last message instead of spending six attempts per case. A suite whose
 * every case fails so is reported "could not run".
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

const OUTAGE_KINDS = new Set<ModelError['kind']>(['server', 'rate-limit', 'network', 'timeout', 'bad-response']);
const FATAL_KINDS = new Set<ModelError['kind']>(['auth', 'retired']);

export type Guard = <T>(call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal) => Promise<T>;

/** The breaker of a run: `guard` runs one attempt through it (`call` gets the signal to send it with). */
export function circuitBreaker(classify: (error: unknown) => ModelError, policy: BreakerPolicy = DEFAULT_BREAKER, now: () => number = Date.now): Guard {
  let streak = 0;
  let streakStarted = 0;
  let open: ModelError | undefined;
  let openedAt = 0;
  let probing = false;
  const inFlight = new Set<AbortController>();

  /** Whether this call may go through the open breaker as its one probe. */
  function probe(): boolean {
    if (!open || probing || FATAL_KINDS.has(open.kind) || now() - openedAt < policy.probeAfterMs) return false;
    probing = true;
    return true;
  }

  /** What one failed attempt, sent at `began`, tells about the provider. */
  function failed(failure: ModelError, began: number, probed: boolean): void {
    if (FATAL_KINDS.has(failure.kind)) open = tripped(failure, 'at once');
    else if (OUTAGE_KINDS.has(failure.kind) && probed) open = tripped(failure, 'and a probe call failed again');
    else if (OUTAGE_KINDS.has(failure.kind)) {
      // The outage began when the first failed attempt was sent: a timed-out one proves its whole wait.
      streakStarted = streak === 0 ? began : Math.min(streakStarted, began);
      streak += 1;
      const lasted = now() - streakStarted;
      if (streak >= policy.failures && lasted >= policy.minOutageMs) open = tripped(failure, `after ${streak} consecutive failures over ${Math.round(lasted / 1000)} s`);
    } else {
      // Any other answer (a bad request) means the provider is there.
      streak = 0;
      open = undefined;
    }
  }

  return async function guard<T>(call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const probed = probe();
    if (open && !probed) throw open;
    const began = now();
    const controller = new AbortController();
    inFlight.add(controller);
    try {
      const value = await call(signal ? AbortSignal.any([signal, controller.signal]) : controller.signal);
      streak = 0;
      open = undefined;
      return value;
    } catch (error) {
      // Opened while this attempt was in flight: it fails with the outage, not as one more failure.
      if (controller.signal.aborted) throw open ?? error;
      // The case's own deadline is not the provider's failure.
      if (signal?.aborted) throw error;
      const wasOpen = open !== undefined;
      failed(classify(error), began, probed);
      if (open && (!wasOpen || probed)) openedAt = now();
      // Attempts still in flight when the provider is declared down would only wait out their timeouts.
      if (open && !wasOpen) for (const other of inFlight) if (other !== controller) other.abort(open);
      throw error;
    } finally {
      inFlight.delete(controller);
      if (probed) probing = false;
    }
  };
}

function tripped(failure: ModelError, when: string): ModelError {
  return new ModelError(failure.kind === 'auth' || failure.kind === 'retired' ? failure.kind : 'server', `the provider is unavailable, so no further calls were made (stopped ${when}): ${failure.message}`, failure.status);
}
