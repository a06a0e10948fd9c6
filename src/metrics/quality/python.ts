import { resolve } from 'node:path';
import { withDeadline } from '../../core/deadline.js';
import { ConfigError } from '../../core/errors.js';
import type { WorkerRequest } from '../../flows/promptflow/python-worker.js';
import { PythonWorker, requirePython } from '../../flows/promptflow/python-worker.js';
import type { MetricDefinition, Score } from '../types.js';
import { PAIRED_SCORE } from '../policy.js';
import { ASSERTION_TIMEOUT_MS, assertionFile } from './javascript.js';
import { ANY_POSITIVE, scoreFromResult } from './script-result.js';

const STOPPED = 'the Python worker was stopped';

/** promptfoo's Python GradingResult spells `pass` as `pass_` (a keyword in Python); both are read. */
function asGradingResult(result: unknown): unknown {
  if (result === null || typeof result !== 'object' || Array.isArray(result) || !('pass_' in result) || 'pass' in result) return result;
  const { pass_: pass, ...rest } = result as Record<string, unknown>;
  return { ...rest, pass };
}

/**
 * Calls the assertion in the suite's Python worker. A call that fails only because another
 * sample's timeout restarted the worker is sent again, so one hung assertion errors one sample.
 */
async function callAssertion(worker: PythonWorker, request: WorkerRequest, timeoutMs: number): Promise<{ result?: unknown; error?: string }> {
  return withDeadline(timeoutMs, async (signal) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return { result: await worker.call(request, signal) };
      } catch (error) {
        if (signal.aborted) return { error: `the assertion timed out after ${timeoutMs} ms` };
        const message = (error as Error).message;
        if (message !== STOPPED || attempt > 0) return { error: message.replace(/^Python raised:\n/, '') };
      }
    }
  });
}

export const python: MetricDefinition = {
  name: 'python',
  policy: PAIRED_SCORE,
  family: 'quality',
  scale: { kind: 'unit' },
  direction: 'higher-is-better',
  description: 'Your Python (promptfoo’s python assertion): an expression, a function body, or file://x.py[:function], given (output, context), run in EvalGate’s Python worker with a timeout.',
  requires: ['code'],
  threshold: ANY_POSITIVE,
  optionsSchema: {
    code: { type: 'string', description: 'An expression, a function body with `return`, or file://path.py[:function] (relative to the suite; default function get_assert).' },
    timeout: { type: 'number', exclusiveMinimum: 0, description: 'Milliseconds (default 10000).' },
  },
  example: { code: 'len(output) > 0' },
  checkOptions(options) {
    if (typeof options.code !== 'string' || !options.code.trim()) {
      throw new ConfigError('`code` must be Python: an expression, a function body, or file://path.py[:function]', {}, 'e.g. code: "len(output) < 100", or code: file://checks.py (calls get_assert(output, context))');
    }
    requirePython({}, 'python assertions run in Python');
  },
  create(_options, { suiteDir }) {
    /** One Python worker per evaluator and run (its cwd the suite folder), started on first use. */
    let worker: PythonWorker | undefined;
    return {
      async score({ output, options, vars, context, threshold }): Promise<Score> {
        const code = String(options.code);
        const file = assertionFile(code);
        const request: WorkerRequest = {
          op: 'assert',
          output,
          context: { vars, ...(context === undefined ? {} : { context }) },
          ...(file ? { file: resolve(suiteDir, file.path), ...(file.name ? { function: file.name } : {}) } : { code }),
        };
        worker ??= new PythonWorker(resolve(suiteDir));
        const reply = await callAssertion(worker, request, typeof options.timeout === 'number' ? options.timeout : ASSERTION_TIMEOUT_MS);
        if (reply.error !== undefined) return { value: null, error: `python assertion failed: ${reply.error}` };
        return scoreFromResult(asGradingResult(reply.result), threshold);
      },
      close: () => worker?.close(),
    };
  },
};
