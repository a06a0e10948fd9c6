import { APIConnectionTimeoutError } from 'openai';
import type { LatencyTracker } from './latency.js';

/** One call's attempts, as the retry loop makes them. */
export interface AttemptState {
  /** `chat:<model>`, `embed:<model>`, `moderate:<model>`: whose latency is learned. */
  key: string;
  /**
   * Attempts of this call that timed out while no other request of `key` was answered: the
   * provider may have become slower, so each doubles the next attempt's timeout. (One that timed
   * out while others were answered hung: the next attempt keeps the learned timeout.)
   */
  stalls: number;
}

interface HedgedRequest<T> {
  /** Waits for the request's turn (the rate limiter); this wait is not the provider's latency. */
  acquire: () => Promise<void>;
  send: (signal: AbortSignal) => Promise<T>;
}

/** The reason a request that lost the race (or outlived its attempt) is aborted with. */
const SUPERSEDED = new DOMException('superseded by another request of the same attempt', 'AbortError');

/**
 * One attempt: the request, and a hedge (the same request again) once it is well past the
 * latency the provider shows; the first answer wins and the other is aborted. The attempt fails
 * when every request it sent failed (with the first error), or, as a timed-out attempt the retry
 * loop retries, when the learned attempt timeout passes. Deadlines are re-read whenever a request
 * of the same key is answered, so a request sent before anything was learned is hedged or timed
 * out as soon as something is.
 */
export async function hedgedAttempt<T>(tracker: LatencyTracker, state: AttemptState, request: HedgedRequest<T>, signal?: AbortSignal, onHedge?: () => void): Promise<T> {
  await request.acquire();
  return new Promise<T>((resolvePromise, reject) => {
    const started = performance.now();
    /** The requests still waiting for their answer: aborted when the attempt is decided. */
    const unanswered = new Set<AbortController>();
    const errors: unknown[] = [];
    let pending = 0;
    let hedged = false;
    const answeredBefore = tracker.answered(state.key);
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** When (ms after `started`) the armed timer fires. */
    let armedAt = Number.POSITIVE_INFINITY;

    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      for (const controller of unanswered) controller.abort(SUPERSEDED);
      settle();
    };
    const failed = (error: unknown) => {
      pending -= 1;
      errors.push(error);
      if (pending === 0) finish(() => reject(errors[0]));
    };
    const launch = () => {
      const controller = new AbortController();
      unanswered.add(controller);
      pending += 1;
      const sentAt = performance.now();
      request.send(signal ? AbortSignal.any([signal, controller.signal]) : controller.signal).then(
        (value) => {
          // An answered request is not aborted: its abort would only run the HTTP client's clean-up for nothing.
          unanswered.delete(controller);
          if (done) return;
          tracker.observe(state.key, performance.now() - sentAt);
          finish(() => resolvePromise(value));
        },
        (error: unknown) => {
          unanswered.delete(controller);
          failed(error);
        },
      );
    };
    const hedge = () => {
      hedged = true;
      if (!tracker.sent(true)) return;
      onHedge?.();
      pending += 1;
      request.acquire().then(() => {
        pending -= 1;
        if (!done) launch();
      }, failed);
    };
    /** The attempt timeout and, while none was sent, when to hedge — as the tracker now sees them. */
    const deadlines = () => {
      const timeoutMs = tracker.timeoutMs(state.key, state.stalls);
      const hedgeMs = hedged ? undefined : tracker.hedgeAfterMs(state.key, state.stalls);
      return { timeoutMs, hedgeMs: hedgeMs !== undefined && hedgeMs < timeoutMs ? hedgeMs : undefined };
    };
    const schedule = () => {
      if (done) return;
      clearTimeout(timer);
      const elapsed = performance.now() - started;
      const { timeoutMs, hedgeMs } = deadlines();
      if (elapsed >= timeoutMs) {
        // Answers of the key while this attempt waited came from other requests (its own would have ended it).
        if (tracker.answered(state.key) === answeredBefore) state.stalls += 1;
        finish(() => reject(new APIConnectionTimeoutError({ message: `no answer within the attempt timeout of ${timeoutMs} ms` })));
        return;
      }
      if (hedgeMs !== undefined && elapsed >= hedgeMs) {
        hedge();
        schedule();
        return;
      }
      armedAt = hedgeMs ?? timeoutMs;
      timer = setTimeout(schedule, armedAt - elapsed);
    };
    // Deadlines the tracker moved: an earlier one re-arms the timer at once; a later one is
    // re-read when the timer fires (at hundreds of answers a second, re-arming every attempt in
    // flight on each would cost more CPU than the calls themselves).
    const unsubscribe = tracker.onObserve((key) => {
      if (key !== state.key) return;
      const { timeoutMs, hedgeMs } = deadlines();
      if (Math.min(timeoutMs, hedgeMs ?? timeoutMs) < armedAt) schedule();
    });
    tracker.sent(false);
    launch();
    schedule();
  });
}
