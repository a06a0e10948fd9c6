import { log } from './log.js';
import type { Comparison } from '../compare/types.js';
import { commentMarker, renderComment } from '../report/comment.js';
import type { BaselineMerge } from '../compare/baseline-merge.js';
import type { BaselineUpdate } from './baseline-store.js';
import { commitBaseline } from './baseline-store.js';
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

/**
 * On a push to the default branch: commits the baseline the outcome decided. What GitHub answers
 * is returned, not swallowed: a refused commit fails the push (compare/outcome.ts afterBaselineCommit).
 */
export async function storeBaseline(api: GitHubApi, inputs: ActionInputs, merge: BaselineMerge, branch: string, notes: string[]): Promise<BaselineUpdate> {
  for (const line of merge.diff) log.info(`baseline: ${line}`);
  const outcome = await commitBaseline(api, inputs.baseline, merge.results, branch).catch((error: unknown): BaselineUpdate => ({
    written: false,
    reason: `GitHub did not accept the commit (${httpStatus(error) ? `HTTP ${httpStatus(error)}: ` : ''}${(error as Error)?.message ?? String(error)}); re-run this job`,
  }));
  if (outcome.written) {
    log.info(`baseline stored: ${inputs.baseline} on ${branch}`);
    notes.push(`The baseline \`${inputs.baseline}\` was stored from this run${merge.kept.length ? ' (except what is listed as not stored)' : ''}.`);
  } else notes.push(`The baseline was not stored: ${outcome.reason}.`);
  return outcome;
}
