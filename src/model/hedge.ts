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

export interface HedgedRequest<T> {
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
    const controllers: AbortController[] = [];
    const errors: unknown[] = [];
    let pending = 0;
    let hedged = false;
    let othersAnswered = false;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      for (const controller of controllers) controller.abort(SUPERSEDED);
      settle();
    };
    const failed = (error: unknown) => {
      pending -= 1;
      errors.push(error);
      if (pending === 0) finish(() => reject(errors[0]));
    };
    const launch = () => {
      const controller = new AbortController();
      controllers.push(controller);
      pending += 1;
      const sentAt = performance.now();
      request.send(signal ? AbortSignal.any([signal, controller.signal]) : controller.signal).then((value) => {
        if (done) return;
        tracker.observe(state.key, performance.now() - sentAt);
        finish(() => resolvePromise(value));
      }, failed);
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
    const schedule = () => {
      if (done) return;
      clearTimeout(timer);
      const elapsed = performance.now() - started;
      const timeoutMs = tracker.timeoutMs(state.key, state.stalls);
      const hedgeMs = hedged ? undefined : tracker.hedgeAfterMs(state.key, state.stalls);
      const hedgeDue = hedgeMs !== undefined && hedgeMs < timeoutMs;
      if (elapsed >= timeoutMs) {
        if (!othersAnswered) state.stalls += 1;
        finish(() => reject(new APIConnectionTimeoutError({ message: `no answer within the attempt timeout of ${timeoutMs} ms` })));
        return;
      }
      if (hedgeDue && elapsed >= hedgeMs) {
        hedge();
        schedule();
        return;
      }
      timer = setTimeout(schedule, (hedgeDue ? hedgeMs : timeoutMs) - elapsed);
    };
    const unsubscribe = tracker.onObserve((key) => {
      if (key !== state.key) return;
      othersAnswered = true;
      schedule();
    });
    tracker.sent(false);
    launch();
    schedule();
  });
}
