import type { Flow } from '../flows/types.js';
import type { Case } from '../core/case.js';
import { withDeadline } from '../core/deadline.js';
import type { Schedule } from '../core/semaphore.js';
import type { CaseRun, SampleRun } from './types.js';

interface RunCaseOptions {
  /** Samples per case. */
  repeat: number;
  /** Per-invocation timeout in ms, for flows without a `timeout:` of their own. */
  timeoutMs: number;
  /** The run's shared pool: every suite's invocations take a slot from it (none: all at once). */
  schedule?: Schedule;
  /** Called as each sample ran (progress). */
  onSample?: () => void;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return `timed out: ${error.message}`;
    return error.message;
  }
  return String(error);
}

/** One invocation (in a slot of the pool, under its deadline); a failure is the sample's result. */
async function invokeOnce(testCase: Case, flow: Flow, options: Pick<RunCaseOptions, 'timeoutMs' | 'schedule'>): Promise<SampleRun> {
  const schedule = options.schedule ?? ((task) => task());
  try {
    const value = await schedule(() => withDeadline(flow.timeoutMs ?? options.timeoutMs, (signal) => flow.invoke(testCase.vars, signal)));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: describeError(error), errorKind: flow.failureKind(error) };
  }
}

/**
 * run flows, for one case: its `repeat` samples, in flight together (each in its own slot of the
 * pool); a failing invocation is that sample's result with its reason, never a stop of the run.
 * The engine scores a case as soon as it ran, so no run outlives its scoring.
 */
export async function runCase(testCase: Case, flow: Flow, options: RunCaseOptions): Promise<CaseRun> {
  const samples = await Promise.all(
    Array.from({ length: options.repeat }, async () => {
      const sample = await invokeOnce(testCase, flow, options);
      options.onSample?.();
      return sample;
    }),
  );
  return { case: testCase, samples };
}
