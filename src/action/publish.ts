import * as core from '@actions/core';
import type { ResultsFile } from '../results/types.js';
import type { Comparison } from '../compare/types.js';
import { commentMarker, renderComment } from '../report/comment.js';
import { mergeBaseline } from '../results/merge-baseline.js';
import { commitBaseline, fetchBaseline } from './baseline-store.js';
import type { EventInfo } from './event.js';
import type { GitHubApi } from './github-api.js';
import { httpStatus } from './github-api.js';
import type { ActionInputs } from './inputs.js';
import { upsertStickyComment } from './sticky-comment.js';

/** Posts or updates the sticky comment; a missing permission degrades to a note, never a failure. */
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
  const body = renderComment(comparison, { marker, trend, ...(event.runUrl ? { runUrl: event.runUrl } : {}) });
  try {
    return await upsertStickyComment(api, pr.number, marker, body);
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 403 && status !== 404 && status !== 401) throw error;
    const why = pr.fork
      ? 'this pull request comes from a fork, whose token is read-only'
      : 'the token lacks `pull-requests: write` (or `issues: write`)';
    notes.push(`The metric-diff comment could not be posted (HTTP ${status}): ${why}. This summary has the full report; for fork PRs use the two-stage pull_request → workflow_run pattern in the README.`);
    core.warning(`EvalGate could not post the PR comment (HTTP ${status}): ${why}`);
    return undefined;
  }
}

/** On a push to the default branch: the results become the new baseline. */
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
    core.warning('EvalGate did not refresh the baseline: no suite ran cleanly (every suite was skipped or could not run)');
    notes.push('The baseline was not refreshed: no suite ran cleanly in this run (skipped or could not run); the previous baseline stays.');
    return;
  }
  const outcome = await commitBaseline(api, inputs.baseline, merged.results, event.defaultBranch);
  if (outcome.written) {
    core.info(`baseline refreshed: ${inputs.baseline} on ${event.defaultBranch}`);
    notes.push(`The baseline \`${inputs.baseline}\` was refreshed from this run.`);
  } else {
    core.warning(`EvalGate did not refresh the baseline: ${outcome.reason}`);
    notes.push(`The baseline was not refreshed: ${outcome.reason}.`);
  }
}
