import { log } from './log.js';
import type { ResultsFile } from '../results/types.js';
import type { Comparison } from '../compare/types.js';
import { commentMarker, renderComment } from '../report/comment.js';
import { mergeBaseline } from '../results/merge-baseline.js';
import { commitBaseline, fetchBaseline } from './baseline-store.js';
import { scrubSecrets } from '../core/secrets.js';
import { escapeMarkdownInline } from '../report/escape.js';
import type { EventInfo } from './event.js';
import type { GitHubApi } from './github-api.js';
import { httpStatus } from './github-api.js';
import { isRateLimit } from './github-retry.js';
import type { ActionInputs } from './inputs.js';
import { upsertStickyComment } from './sticky-comment.js';

/** What a failed GitHub call means for the user: rate limit, permission, or GitHub itself. */
function whyNot(error: unknown, fork: boolean): string {
  const status = httpStatus(error);
  if (isRateLimit(error)) return "GitHub's API rate limit was hit, even after waiting; the next run will post it";
  if (status === 401 || status === 403 || status === 404) {
    return fork ? 'this pull request comes from a fork, whose token is read-only' : 'the token lacks `pull-requests: write` (or `issues: write`)';
  }
  const detail = escapeMarkdownInline((error as Error)?.message ?? String(error), 200);
  return status ? `GitHub failed to answer, even after retries (${detail})` : `GitHub could not be reached (${detail})`;
}

/**
 * Posts or updates the sticky comment. Whatever GitHub answers, this never throws: a failure
 * becomes a warning and a note in the summary (which is already written), never a failed gate.
 */
export async function publishComment(
  api: GitHubApi | undefined,
  event: EventInfo,
  inputs: ActionInputs,
  comparison: Comparison,
  notes: string[],
  trend = '',
): Promise<string | undefined> {
  const pr = event.pullRequest;
  if (!pr || inputs.comment === 'never') return undefined;
  if (!api) {
    notes.push('No github-token: the metric-diff comment was not posted; this summary has the full report.');
    return undefined;
  }
  const marker = commentMarker(inputs.suites.join(','));
  const body = scrubSecrets(renderComment(comparison, { marker, trend, ...(event.runUrl ? { runUrl: event.runUrl } : {}) }));
  try {
    return await upsertStickyComment(api, pr.number, marker, body);
  } catch (error) {
    const status = httpStatus(error);
    const why = `${status ? ` (HTTP ${status})` : ''}: ${whyNot(error, pr.fork)}`;
    notes.push(`The metric-diff comment could not be posted${why}. This summary has the full report; for fork PRs use the two-stage pull_request → workflow_run pattern in docs/github.md.`);
    log.warning(`EvalGate could not post the PR comment${why}`);
    return undefined;
  }
}

/** On a push to the default branch: the results become the new baseline. Never fails the step. */
export async function refreshBaseline(api: GitHubApi | undefined, event: EventInfo, inputs: ActionInputs, results: ResultsFile, notes: string[]): Promise<void> {
  if (inputs.updateBaseline === 'off' || !event.defaultBranch) return;
  if (!api) {
    notes.push('No github-token: the baseline was not refreshed.');
    return;
  }
  const previous = await fetchBaseline(api, inputs.baseline, event.defaultBranch).catch(() => null);
  const merged = mergeBaseline(previous, results);
  for (const { suite, reason } of merged.kept) notes.push(`Baseline: \`${suite}\` kept its previous entry — this run ${reason}.`);
  if (merged.updated.length === 0) {
    log.warning('EvalGate did not refresh the baseline: no suite ran cleanly (every suite was skipped or could not run)');
    notes.push('The baseline was not refreshed: no suite ran cleanly in this run (skipped or could not run); the previous baseline stays.');
    return;
  }
  const outcome = await commitBaseline(api, inputs.baseline, merged.results, event.defaultBranch).catch((error: unknown) => ({
    written: false as const,
    reason: `GitHub did not accept the commit (${httpStatus(error) ? `HTTP ${httpStatus(error)}: ` : ''}${(error as Error)?.message ?? String(error)})`,
  }));
  if (outcome.written) {
    log.info(`baseline refreshed: ${inputs.baseline} on ${event.defaultBranch}`);
    notes.push(`The baseline \`${inputs.baseline}\` was refreshed from this run.`);
  } else {
    log.warning(`EvalGate did not refresh the baseline: ${outcome.reason}`);
    notes.push(`The baseline was not refreshed: ${outcome.reason}.`);
  }
}
