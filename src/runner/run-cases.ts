import type { Flow } from '../flows/types.js';
import type { Case } from '../core/case.js';
import { withDeadline } from '../core/deadline.js';
import { mapLimit } from '../core/pool.js';
import type { Schedule } from '../core/semaphore.js';
import type { CaseRun, SampleRun } from './types.js';

export interface RunCasesOptions {
  /** Samples per case. */
  repeat: number;
  /** Invocations in flight at once (over case × repeat). */
  concurrency: number;
  /** Per-invocation timeout in ms, for flows without a `timeout:` of their own. */
  timeoutMs: number;
  /** The run's shared pool: every suite's invocations take a slot from it. */
  schedule?: Schedule;
  onProgress?: (done: number, total: number) => void;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return `timed out: ${error.message}`;
    return error.message;
  }
  return String(error);
}

/** One invocation (in a slot of the pool, under its deadline); a failure is the sample's result. */
async function invokeOnce(testCase: Case, flow: Flow, options: Pick<RunCasesOptions, 'timeoutMs' | 'schedule'>): Promise<SampleRun> {
  const schedule = options.schedule ?? ((task) => task());
  try {
    const value = await schedule(() => withDeadline(flow.timeoutMs ?? options.timeoutMs, (signal) => flow.invoke(testCase.vars, signal)));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: describeError(error), errorKind: flow.failureKind(error) };
  }
}

/**
 * One case's `repeat` samples, in flight together (each in its own slot of the pool): the
 * engine scores a case as soon as it ran, so no run outlives its scoring.
 */
export async function runCase(testCase: Case, flow: Flow, options: Omit<RunCasesOptions, 'concurrency' | 'onProgress'> & { onSample?: () => void }): Promise<CaseRun> {
  const samples = await Promise.all(
    Array.from({ length: options.repeat }, async () => {
      const sample = await invokeOnce(testCase, flow, options);
      options.onSample?.();
      return sample;
    }),
  );
  return { case: testCase, samples };
}

/**
 * run flows: every case `repeat` times with bounded concurrency. A failing invocation is
 * recorded with its reason as that sample's result; it never stops the run.
 */
export async function runCases(cases: readonly Case[], flow: Flow, options: RunCasesOptions): Promise<CaseRun[]> {
  const jobs = cases.flatMap((testCase) => Array.from({ length: options.repeat }, () => testCase));
  let done = 0;
  const samples = await mapLimit(jobs, options.concurrency, async (testCase): Promise<SampleRun> => {
    const result = await invokeOnce(testCase, flow, options);
    done += 1;
    options.onProgress?.(done, jobs.length);
    return result;
  });
  return cases.map((testCase, caseIndex) => ({
    case: testCase,
    samples: samples.slice(caseIndex * options.repeat, (caseIndex + 1) * options.repeat),
  }));
}
