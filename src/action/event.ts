import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.js';

/** What the run needs to know about the triggering event, read from GITHUB_* and the payload. */
export interface EventInfo {
  name: string;
  owner: string;
  repo: string;
  /** REST API root (GITHUB_API_URL: GitHub Enterprise Server, or a test server). */
  apiUrl: string;
  sha: string;
  ref: string;
  defaultBranch: string | undefined;
  pullRequest?: { number: number; baseSha: string; headSha: string; fork: boolean };
  /** For pushes: the commit before the push (its baseline is what the push changed). */
  before?: string;
  runUrl?: string;
  /** For workflow_run: the run that triggered this one (trusted: it comes from GitHub, not the PR). */
  workflowRun?: WorkflowRunInfo;
}

export interface WorkflowRunInfo {
  /** The triggering run's own event, e.g. pull_request. */
  event: string;
  headSha: string;
  headBranch: string;
  /** Owner of the repository the head branch lives in (the fork's owner for a fork PR). */
  headOwner: string;
  /** PRs GitHub associated with the run; empty for fork PRs. */
  pullNumbers: number[];
}

interface Payload {
  repository?: { default_branch?: string; full_name?: string };
  pull_request?: { number: number; base: { sha: string; repo?: { full_name?: string } }; head: { sha: string; repo?: { full_name?: string } | null } };
  before?: string;
  workflow_run?: {
    event: string;
    head_sha: string;
    head_branch: string | null;
    head_repository?: { owner?: { login?: string } } | null;
    pull_requests?: { number: number }[];
    html_url?: string;
  };
}

function workflowRunInfo(run: NonNullable<Payload['workflow_run']>, owner: string): WorkflowRunInfo {
  return {
    event: run.event,
    headSha: run.head_sha,
    headBranch: run.head_branch ?? '',
    headOwner: run.head_repository?.owner?.login ?? owner,
    pullNumbers: (run.pull_requests ?? []).map((pull) => pull.number),
  };
}

export function readEvent(env: Readonly<Record<string, string | undefined>>): EventInfo {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new ConfigError('GITHUB_REPOSITORY is not set: run EvalGate as a GitHub Action step, or use the CLI locally');
  let payload: Payload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Payload;
    } catch (error) {
      throw new ConfigError(`cannot read the event payload: ${(error as Error).message}`, { file: env.GITHUB_EVENT_PATH });
    }
  }
  const pr = payload.pull_request;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    name: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    defaultBranch: payload.repository?.default_branch,
    ...(pr
      ? {
          pullRequest: {
            number: pr.number,
            baseSha: pr.base.sha,
            headSha: pr.head.sha,
            fork: (pr.head.repo?.full_name ?? '') !== (pr.base.repo?.full_name ?? payload.repository?.full_name ?? ''),
          },
        }
      : {}),
    ...(payload.workflow_run ? { workflowRun: workflowRunInfo(payload.workflow_run, owner) } : {}),
    ...(payload.before && !/^0+$/.test(payload.before) ? { before: payload.before } : {}),
    // On workflow_run the report describes the triggering run: link to it, not to this one.
    ...(payload.workflow_run?.html_url
      ? { runUrl: payload.workflow_run.html_url }
      : env.GITHUB_RUN_ID
        ? { runUrl: `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` }
        : {}),
  };
}

export function isDefaultBranchPush(event: EventInfo): boolean {
  return event.name === 'push' && event.defaultBranch !== undefined && event.ref === `refs/heads/${event.defaultBranch}`;
}
