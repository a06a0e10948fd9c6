import { log } from './log.js';
import { isConfigError } from '../core/errors.js';
import { readGitHubHistory } from './history-reader.js';
import { buildSeries } from '../history/series.js';
import type { MetricSeries } from '../history/types.js';
import type { ResultsFile } from '../results/types.js';
import type { GitHubApi } from './github-api.js';
import { httpStatus } from './github-api.js';

/**
 * Each metric's trend: the baseline's versions on the commits before `ref` (read through the
 * API), then this run. Best effort: without a token, or when the API refuses, no trend is shown.
 */
export async function readTrend(api: GitHubApi | undefined, baselinePath: string, ref: string | undefined, results: ResultsFile): Promise<MetricSeries[]> {
  if (!api || !ref) return [];
  try {
    const history = await readGitHubHistory(api, baselinePath, ref);
    for (const note of history.notes) log.info(`baseline history: ${note}`);
    if (history.entries.length === 0) return [];
    return buildSeries([...history.entries, { commit: 'this run', date: results.run.date, results }]);
  } catch (error) {
    const status = httpStatus(error);
    if (status === undefined && !isConfigError(error)) throw error;
    const line = `EvalGate could not read the baseline's history${status ? ` (HTTP ${status})` : ''}: no trend is shown.`;
    // 404 / 422: the ref is not on GitHub (the all-zero "before" of a branch's first push).
    if (status === 404 || status === 422) log.info(line);
    else log.warning(line);
    return [];
  }
}
