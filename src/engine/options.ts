/** Everything one evaluation run needs, read once by an adapter (action inputs or CLI flags). */
export interface EvaluationOptions {
  /** Globs of suite files, relative to `cwd`. */
  suites: string[];
  cwd: string;
  apiKey?: string;
  /** Any OpenAI-compatible endpoint; a classic Azure OpenAI resource URL uses the Azure client. */
  baseUrl?: string;
  /** api-version for classic Azure OpenAI endpoints (default 2024-10-21). */
  azureApiVersion?: string;
  /** Overrides every prompt flow's model. */
  model?: string;
  judgeModel?: string;
  /** Cases (and judge calls) in flight at once per suite. */
  concurrency: number;
  /** Per-request timeout for one flow invocation, in ms. */
  timeoutMs?: number;
  /** One model request (attempt), in ms; default half the invocation's, so a hung request is retried within it. */
  attemptTimeoutMs?: number;
  commit?: string;
  ref?: string;
  /** Human progress lines (suite started, skipped, done). */
  log?: (line: string) => void;
  /** Per-case progress, for a TTY progress line. */
  onProgress?: (suite: string, done: number, total: number) => void;
}
