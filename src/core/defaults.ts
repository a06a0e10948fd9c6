/**
 * Every default EvalGate applies, in one place: the CLI flags, the action inputs, the suite
 * loader and the docs read them from here (action.yml and the docs' tables are checked against it).
 */
export const DEFAULTS = {
  /** Suite files: EvalGate suites and GitHub `.prompt.yml` prompt files. */
  suites: ['evals/**/*.eval.yaml', 'evals/**/*.eval.yml'],
  baseline: 'evals/baseline.json',
  results: '.evalgate/results.json',
  report: '.evalgate/report.md',
  htmlReport: '.evalgate/report.html',
  junit: '.evalgate/junit.xml',
  judgeModel: 'gpt-4o-mini',
  /** Flow invocations (and judge calls) in flight at once. */
  concurrency: 16,
  /** Per flow invocation, unless the flow sets its own `timeout:`. */
  timeoutSeconds: 60,
  failOn: 'regression',
  comment: 'always',
  updateBaseline: 'commit',
  workingDirectory: '.',
  /** What a scheduled run does on a regression: `off`, or `issue` (one drift issue). */
  alert: 'off',
  alertLabels: 'evalgate,drift',
  /** Family-wise error rate of a suite's gate. */
  alpha: 0.05,
  /** Smallest drop worth failing for, on 0–1 scales. */
  tolerance: 0.05,
  repeat: 1,
  /** A pull request's suites stop once their verdict is known (docs/gate.md "Stopping when the verdict is known"); pushes, schedules and --update-baseline run every case. */
  sequential: true,
  /** Response cache folder (relative to the working directory) and its limits. */
  cacheDir: '.evalgate/cache',
  cacheMaxMegabytes: 256,
  cacheMaxAgeDays: 30,
  /** Batch API mode: where submitted batch ids are kept (resume), how often and how long to poll. */
  batchStateDir: '.evalgate/batches',
  batchPollSeconds: 30,
  batchMaxWaitHours: 24,
} as const;

/**
 * The most calls in flight anything accepts: the rate limiter (learned from x-ratelimit-*
 * headers) keeps a provider safe at any concurrency; more than this is a typo, not a wish.
 */
export const MAX_CONCURRENCY = 256;

/** The longest timeout anything accepts: a larger one is a typo, not a wish. */
export const MAX_TIMEOUT_MS = 60 * 60 * 1000;
