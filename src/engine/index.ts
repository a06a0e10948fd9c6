export { runEvaluation } from './run-evaluation.js';
export type { EvaluationOptions } from './options.js';
export { DEFAULT_SUITES, DEFAULT_JUDGE_MODEL, DEFAULT_TIMEOUT_MS } from './options.js';
