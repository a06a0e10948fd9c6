import { DEFAULTS, MAX_CONCURRENCY } from '../core/defaults.js';
import type { FailOn } from '../compare/fail-policy.js';
import { parseFailOn } from '../compare/fail-policy.js';
import { ConfigError } from '../core/errors.js';
import { boundedInt, checkBaseUrl } from '../core/input-checks.js';
import type { ShardSpec } from '../engine/shard.js';
import { parseShard } from '../engine/shard.js';
import { parseHeaderLines } from '../core/http-headers.js';

/** Every action input, read once inside run() and validated into one typed object. */
export interface ActionInputs {
  suites: string[];
  baseline: string;
  apiKey?: string;
  baseUrl?: string;
  /** `headers:` one `Name: value` per line, sent on every model request. */
  headers?: Record<string, string>;
  model?: string;
  judgeModel?: string;
  githubToken?: string;
  failOn: FailOn;
  comment: 'always' | 'never';
  updateBaseline: 'commit' | 'off';
  concurrency: number;
  workingDirectory: string;
  /** Publish this results file (from the pull_request run's artifact) instead of running suites. */
  publishResults?: string;
  /** On schedule / workflow_dispatch: `issue` opens, updates and closes one drift issue. */
  alert: 'off' | 'issue';
  alertLabels: string[];
  /** false: no response cache (input `cache: false`). */
  cache: boolean;
  /** `shard: 2/8`: run part of the cases, write partial results, compare nothing. */
  shard?: ShardSpec;
  /** `merge-results: <glob>`: merge the shards' results, then compare, comment and gate once. */
  mergeResults?: string;
  /** `sequential: true|false` when given: whether a PR's suites stop once the verdict is known (the default branch's setting wins when it is off). */
  sequential?: boolean;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], input: string): T {
  const match = allowed.find((candidate) => candidate === value);
  if (!match) throw new ConfigError(`input \`${input}\` must be one of ${allowed.join(', ')}, got "${value}"`, {}, 'fix the `with:` block of the workflow step');
  return match;
}

/**
 * An input that is still a workflow expression was never expanded: GitHub always expands them,
 * but local runners such as `@github/local-action` pass action.yml's defaults as written
 * (`github-token: ${{ github.token }}`). It counts as unset.
 */
const unexpanded = (value: string) => /^\s*\$\{\{[\s\S]*\}\}\s*$/.test(value);

/** Pure: `readRaw(name)` returns the raw input ('' when unset), as core.getInput does. */
export function parseInputs(readRaw: (name: string) => string): ActionInputs {
  const read = (name: string) => {
    const value = readRaw(name);
    return unexpanded(value) ? '' : value;
  };
  const optional = (name: string) => read(name).trim() || undefined;
  const suites = read('suites').split(/[\n,]/).map((glob) => glob.trim()).filter(Boolean);
  const concurrency = boundedInt(read('concurrency') || String(DEFAULTS.concurrency), 'input `concurrency`', 1, MAX_CONCURRENCY);
  const apiKey = optional('api-key');
  const rawBaseUrl = optional('base-url');
  const baseUrl = rawBaseUrl ? checkBaseUrl(rawBaseUrl, 'input `base-url`') : undefined;
  const headers = parseHeaderLines(read('headers').split('\n'), (index) => `input \`headers\`, line ${index + 1}`);
  const model = optional('model');
  const judgeModel = optional('judge-model');
  const githubToken = optional('github-token');
  const publishResults = optional('publish-results');
  const shard = optional('shard');
  const mergeResults = optional('merge-results');
  const sequential = optional('sequential');
  if (shard && mergeResults) throw new ConfigError('inputs `shard` and `merge-results` belong to different jobs', {}, 'the matrix jobs set `shard`, the job after them sets `merge-results`');
  return {
    suites: suites.length ? suites : [...DEFAULTS.suites],
    baseline: optional('baseline') ?? DEFAULTS.baseline,
    ...(apiKey ? { apiKey } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(model ? { model } : {}),
    ...(judgeModel ? { judgeModel } : {}),
    ...(githubToken ? { githubToken } : {}),
    failOn: parseFailOn(read('fail-on') || DEFAULTS.failOn, 'input `fail-on`'),
    comment: oneOf(read('comment') || DEFAULTS.comment, ['always', 'never'], 'comment'),
    updateBaseline: oneOf(read('update-baseline') || DEFAULTS.updateBaseline, ['commit', 'off'], 'update-baseline'),
    concurrency,
    workingDirectory: optional('working-directory') ?? DEFAULTS.workingDirectory,
    ...(publishResults ? { publishResults } : {}),
    alert: oneOf(read('alert') || DEFAULTS.alert, ['off', 'issue'], 'alert'),
    alertLabels: (read('alert-labels') || DEFAULTS.alertLabels).split(/[\n,]/).map((label) => label.trim()).filter(Boolean),
    cache: oneOf(read('cache') || 'true', ['true', 'false'], 'cache') === 'true',
    ...(shard ? { shard: parseShard(shard, 'input `shard`') } : {}),
    ...(mergeResults ? { mergeResults } : {}),
    ...(sequential ? { sequential: oneOf(sequential, ['true', 'false'], 'sequential') === 'true' } : {}),
  };
}
