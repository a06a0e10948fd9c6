import { ConfigError } from '../core/errors.js';
import type { ResultsFile } from '../results/types.js';
import type { EventInfo, WorkflowRunInfo } from './event.js';
import type { GitHubApi, PullRequestRef } from './github-api.js';

/**
 * The second stage of the fork-PR pattern runs with a write token, so it trusts nothing that came
 * from the PR's run: the PR is found from the workflow_run event (GitHub's data) and must still
 * point at the commit that run evaluated; the results file is checked against that commit.
 */
async function pullRequestOfRun(api: GitHubApi, run: WorkflowRunInfo): Promise<PullRequestRef | null> {
  if (run.event !== 'pull_request') {
    throw new ConfigError(
      `the workflow_run was triggered by a ${run.event || 'unknown'} run, not a pull_request run`,
      {},
      'trigger the publishing workflow only from the pull_request workflow that uploads the results',
    );
  }
  const candidates = run.pullNumbers.length
    ? await Promise.all(run.pullNumbers.map((number) => api.getPullRequest(number)))
    : await api.listPullRequestsByHead(`${run.headOwner}:${run.headBranch}`);
  return candidates.find((pull) => pull.headSha === run.headSha) ?? null;
}

/** The artifact must hold the results of the very commit the pull_request run evaluated. */
export function checkResultsCommit(results: ResultsFile, run: WorkflowRunInfo, label: string): void {
  if (results.run.commit !== run.headSha) {
    throw new ConfigError(
      `${label} is for commit ${results.run.commit?.slice(0, 7) ?? '(none)'}, but the pull_request run evaluated ${run.headSha.slice(0, 7)}`,
      {},
      'download the artifact of the triggering run (actions/download-artifact with run-id: github.event.workflow_run.id)',
    );
  }
}

/**
 * On workflow_run: the event with the pull request it belongs to filled in, or null when the PR
 * has moved on to a newer commit since (that commit's own run will publish).
 */
export async function publishingTarget(api: GitHubApi | undefined, event: EventInfo): Promise<EventInfo | null> {
  const run = event.workflowRun;
  if (!run) throw new ConfigError('the workflow_run payload has no workflow_run object', {}, 'run the publishing step only on: workflow_run');
  if (!api) throw new ConfigError('publishing on workflow_run needs `github-token`', {}, 'keep the default github-token: ${{ github.token }}');
  const pull = await pullRequestOfRun(api, run);
  return pull ? { ...event, pullRequest: pull } : null;
}
