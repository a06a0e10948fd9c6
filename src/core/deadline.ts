/**
 * Runs `task` with a signal that aborts after `ms` (a TimeoutError, like AbortSignal.timeout's).
 * The timer is cleared as soon as the task settles: a finished call holds no timer, no signal
 * and no closure until its deadline would have passed (at thousands of cases a second, those
 * add up to hundreds of MB and as many live timers).
 */
export async function withDeadline<T>(ms: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
  try {
    return await task(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
