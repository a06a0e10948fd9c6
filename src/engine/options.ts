import type { ResultsFile } from '../results/types.js';
import type { Selection } from '../suites/select.js';
import type { RunProgress } from './progress.js';
import type { ShardSpec } from './shard.js';

/** Everything one evaluation run needs, read once by an adapter (action inputs or CLI flags). */
export interface EvaluationOptions {
  /** Globs of suite files, relative to `cwd`. */
  suites: string[];
  cwd: string;
  apiKey?: string;
  /** Any OpenAI-compatible endpoint; a classic Azure OpenAI resource URL uses the Azure client. */
  baseUrl?: string;
  /** Extra headers on every model request — flows, judges, embeddings, moderation (a gateway's key or config). */
  headers?: Record<string, string>;
  /** api-version for classic Azure OpenAI endpoints (default 2024-10-21). */
  azureApiVersion?: string;
  /** Overrides every prompt flow's model. */
  model?: string;
  judgeModel?: string;
  /** Flow invocations (and model calls) in flight at once, over all suites of the run. */
  concurrency: number;
  /** Per-request timeout for one flow invocation, in ms. */
  timeoutMs?: number;
  /** The longest one model request (attempt) may take, in ms; default half the invocation's. The attempt timeout actually used is learned below it from the provider's latency (src/model/latency.ts). */
  attemptTimeoutMs?: number;
  commit?: string;
  ref?: string;
  /** A narrower run: some cases or metrics, another repeat (CLI flags). */
  selection?: Selection;
  /** false: no response cache at all (`--no-cache`, input `cache: false`). Default on for judges. */
  cache?: boolean;
  /** Cache folder relative to `cwd` (default `.evalgate/cache`). */
  cacheDir?: string;
  /**
   * Why the run happens. `drift`: a scheduled or dispatched monitoring run (the action on
   * `schedule` / `workflow_dispatch`) measures the model as it is now, so a flow cache must never
   * serve it. `gate` (default): a PR, push or local run, which a cache may serve.
   */
  purpose?: 'gate' | 'drift';
  /** Human progress lines (suite started, skipped, done). */
  log?: (line: string) => void;
  /** Whole-run progress (phase, done/total, retries, cache hits), for a TTY progress line. */
  onProgress?: (progress: RunProgress) => void;
  /** Every suite's flow chat calls through the OpenAI Batch API (`--batch`), as `mode: batch` does for one suite. */
  batch?: boolean;
  /** Between Batch API status checks, in ms (default 30 s). */
  batchPollMs?: number;
  /** Run only this part of every suite's cases (`--shard 2/8`); `evalgate merge` combines the parts. */
  shard?: ShardSpec;
  /**
   * A pull request's run (or a local run compared with a baseline): suites the base stored may stop
   * once their verdict is known (engine/sequential-plan.ts). Adapters leave it out for pushes,
   * schedules and --update-baseline; shards and batch runs ignore it: they run every case.
   */
  sequential?: SequentialOptions;
}

export interface SequentialOptions {
  /** The baseline the PR is compared with: its suites and the default branch's setting. */
  base: ResultsFile;
  /** Seed of the case order: the base commit (a re-run takes the same order). */
  seed: string;
  /** The run's own `sequential` input / flag, when given (false: every case runs). */
  requested?: boolean;
}
