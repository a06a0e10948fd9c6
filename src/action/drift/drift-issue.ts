import type { GitHubApi, RepoIssue } from '../github-api.js';
import { composeBody, DRIFT_ISSUE_TITLE } from './issue-body.js';

/** Which issue is ours and how it is labelled and introduced. */
interface DriftIssueTarget {
  marker: string;
  labels: readonly string[];
  baseline: string;
}

export type DriftOutcome = { action: 'opened' | 'updated'; issue: RepoIssue } | { action: 'closed'; issues: RepoIssue[] } | { action: 'none' };

/**
 * Our open drift issues, oldest first: the body starts with our marker and we wrote it (a bot, or
 * the personal access token's user — asked only when a person's issue carries the marker).
 * Anyone pasting the marker into their own issue changes nothing.
 */
async function findOurIssues(api: GitHubApi, target: DriftIssueTarget): Promise<RepoIssue[]> {
  const marked = (await api.listOpenIssues(target.labels)).filter((issue) => issue.body.startsWith(target.marker));
  const byBot = marked.filter((issue) => issue.authorType === 'Bot');
  if (byBot.length === marked.length) return byBot;
  const viewer = await api.viewerLogin();
  return marked.filter((issue) => issue.authorType === 'Bot' || (viewer !== undefined && issue.authorLogin === viewer));
}

async function closeAsDuplicates(api: GitHubApi, duplicates: readonly RepoIssue[], kept: RepoIssue): Promise<void> {
  for (const duplicate of duplicates) {
    await api.createComment(duplicate.number, `Duplicate of #${kept.number}: two EvalGate runs opened a drift issue at the same time; #${kept.number} carries on.`);
    await api.closeIssue(duplicate.number, 'duplicate');
  }
}

/**
 * A regressed run: prepend its section to our open issue, or open one. Concurrent runs may both
 * find none and both create one; after creating, each run lists again, the oldest issue wins, and
 * a run whose issue is younger moves its section into the oldest and closes its own as duplicate.
 */
export async function reportDrift(api: GitHubApi, target: DriftIssueTarget, runSection: string): Promise<DriftOutcome> {
  const bodyAfter = (previous?: string) => composeBody({ marker: target.marker, baseline: target.baseline, newRun: runSection, ...(previous === undefined ? {} : { previous }) });
  const [existing, ...extra] = await findOurIssues(api, target);
  if (existing) {
    const updated = await api.updateIssueBody(existing.number, bodyAfter(existing.body));
    await closeAsDuplicates(api, extra, updated);
    return { action: 'updated', issue: updated };
  }
  const created = await api.createIssue(DRIFT_ISSUE_TITLE, bodyAfter(), target.labels);
  const [oldest] = await findOurIssues(api, target);
  if (!oldest || oldest.number >= created.number) return { action: 'opened', issue: created };
  const updated = await api.updateIssueBody(oldest.number, bodyAfter(oldest.body));
  await closeAsDuplicates(api, [created], updated);
  return { action: 'updated', issue: updated };
}

/** A run whose scores are back: each of our open issues gets a "scores recovered" comment and is closed. */
export async function closeRecovered(api: GitHubApi, target: DriftIssueTarget, message: string): Promise<DriftOutcome> {
  const open = await findOurIssues(api, target);
  for (const issue of open) {
    await api.createComment(issue.number, message);
    await api.closeIssue(issue.number, 'completed');
  }
  return open.length ? { action: 'closed', issues: open } : { action: 'none' };
}
