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

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const hasSha = (value: unknown) => isObject(value) && typeof value.sha === 'string';

/** The event payload GitHub wrote, checked for the fields we read (a bad one is a ConfigError, not a crash). */
function readPayload(path: string): Payload {
  const fail = (what: string) => new ConfigError(`the event payload ${what}`, { file: path }, 'GitHub writes this file; check GITHUB_EVENT_PATH points at the event JSON');
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw fail(`cannot be read: ${(error as Error).message}`);
  }
  if (!isObject(payload)) throw fail('is not a JSON object');
  const pr = payload.pull_request;
  if (pr !== undefined && !(isObject(pr) && Number.isInteger(pr.number) && hasSha(pr.base) && hasSha(pr.head))) {
    throw fail('has a pull_request without number, base.sha and head.sha');
  }
  const run = payload.workflow_run;
  if (run !== undefined && !(isObject(run) && typeof run.head_sha === 'string' && typeof run.event === 'string')) {
    throw fail('has a workflow_run without event and head_sha');
  }
  if (payload.before !== undefined && typeof payload.before !== 'string') throw fail('has a non-string `before`');
  if (payload.repository !== undefined && !isObject(payload.repository)) throw fail('has a `repository` that is not an object');
  return payload as Payload;
}

export function readEvent(env: Readonly<Record<string, string | undefined>>): EventInfo {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new ConfigError('GITHUB_REPOSITORY is not set', {}, 'run EvalGate as a GitHub Action step, or use the CLI locally');
  const payload = env.GITHUB_EVENT_PATH ? readPayload(env.GITHUB_EVENT_PATH) : {};
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
