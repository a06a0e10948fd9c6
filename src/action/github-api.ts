import type { GitHubRetryPolicy } from './github-retry.js';
import { httpStatus, withGitHubRetry } from './github-retry.js';

/** The GitHub REST calls EvalGate makes, behind one small interface. */
export interface IssueComment {
  id: number;
  body: string;
  url: string;
  authorType: string;
  authorLogin: string;
}

/** An issue (never a pull request), for the drift alert. */
export interface RepoIssue {
  number: number;
  body: string;
  url: string;
  authorType: string;
  authorLogin: string;
}

export interface RepoFile {
  text: string;
  sha: string;
}

export interface CommitRef {
  sha: string;
  /** ISO-8601 committer date. */
  date: string;
}

export interface PullRequestRef {
  number: number;
  baseSha: string;
  headSha: string;
  fork: boolean;
}

export interface GitHubApi {
  /** Login of the token's user (a personal access token); undefined for an app or Actions token. */
  viewerLogin(): Promise<string | undefined>;
  getPullRequest(number: number): Promise<PullRequestRef>;
  /** Open PRs whose head is `owner:branch` (how a fork PR is found from a workflow_run). */
  listPullRequestsByHead(head: string): Promise<PullRequestRef[]>;
  listComments(issue: number): Promise<IssueComment[]>;
  createComment(issue: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
  /** Open issues carrying every one of `labels`, oldest first (pull requests left out). */
  listOpenIssues(labels: readonly string[]): Promise<RepoIssue[]>;
  createIssue(title: string, body: string, labels: readonly string[]): Promise<RepoIssue>;
  updateIssueBody(number: number, body: string): Promise<RepoIssue>;
  closeIssue(number: number, reason: 'completed' | 'duplicate'): Promise<void>;
  /** The file at a commit, or null when it does not exist there. */
  readFile(path: string, ref: string): Promise<RepoFile | null>;
  writeFile(path: string, text: string, message: string, branch: string, sha: string | undefined): Promise<void>;
  /** The last `limit` (≤ 100) commits on `ref` that changed `path`, newest first. */
  listCommits(path: string, ref: string, limit: number): Promise<CommitRef[]>;
  /** How `head` relates to `base` in the commit graph: ahead (base is its ancestor), behind, identical or diverged. */
  compareCommits(base: string, head: string): Promise<'ahead' | 'behind' | 'identical' | 'diverged'>;
}

export { httpStatus } from './github-retry.js';

const sleepFor = (ms: number) => new Promise<void>((resolvePromise) => setTimeout(resolvePromise, ms));

type Octokit = ReturnType<typeof import('@actions/github').getOctokit>;

/**
 * `@actions/github` parses the event payload when it is imported (and throws on a bad one), so
 * it is loaded on the first call, after readEvent has validated the payload.
 */
export function createGitHubApi(token: string, target: { owner: string; repo: string; apiUrl: string }, sleep = sleepFor, policy?: GitHubRetryPolicy): GitHubApi {
  const { owner, repo } = target;
  let client: Promise<Octokit> | undefined;
  const octokitFor = () => (client ??= import('@actions/github').then(({ getOctokit }) => getOctokit(token, { baseUrl: target.apiUrl })));
  const retry = <T>(repeatable: boolean, call: (octokit: Octokit) => Promise<T>) =>
    withGitHubRetry(async () => call(await octokitFor()), { repeatable, sleep, ...(policy ? { policy } : {}) });
  const limited = <T>(call: (octokit: Octokit) => Promise<T>) => retry(true, call);
  const toComment = (data: { id: number; body?: string | null; html_url: string; user?: { type?: string; login?: string } | null }): IssueComment => ({
    id: data.id,
    body: data.body ?? '',
    url: data.html_url,
    authorType: data.user?.type ?? '',
    authorLogin: data.user?.login ?? '',
  });
  const toIssue = (data: { number: number; body?: string | null; html_url: string; user?: { type?: string; login?: string } | null }): RepoIssue => ({
    number: data.number,
    body: data.body ?? '',
    url: data.html_url,
    authorType: data.user?.type ?? '',
    authorLogin: data.user?.login ?? '',
  });
  const toPull = (data: { number: number; base: { sha: string; repo: { full_name: string } }; head: { sha: string; repo: { full_name: string } | null } }): PullRequestRef => ({
    number: data.number,
    baseSha: data.base.sha,
    headSha: data.head.sha,
    fork: data.head.repo?.full_name !== data.base.repo.full_name,
  });
  return {
    async getPullRequest(number) {
      return toPull((await limited((octokit) => octokit.rest.pulls.get({ owner, repo, pull_number: number }))).data);
    },
    async listPullRequestsByHead(head) {
      return (await limited((octokit) => octokit.rest.pulls.list({ owner, repo, head, state: 'open', per_page: 100 }))).data.map(toPull);
    },
    async viewerLogin() {
      try {
        return (await limited((octokit) => octokit.rest.users.getAuthenticated())).data.login;
      } catch (error) {
        const status = httpStatus(error);
        if (status === 401 || status === 403 || status === 404) return undefined;
        throw error;
      }
    },
    async listComments(issue) {
      const all = await limited((octokit) => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 }));
      return all.map(toComment);
    },
    async createComment(issue, body) {
      return toComment((await retry(false, (octokit) => octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body }))).data);
    },
    async updateComment(id, body) {
      return toComment((await limited((octokit) => octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body }))).data);
    },
    async listOpenIssues(labels) {
      const all = await limited((octokit) =>
        octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, state: 'open', sort: 'created', direction: 'asc', per_page: 100, ...(labels.length ? { labels: labels.join(',') } : {}) }),
      );
      return all.filter((issue) => !issue.pull_request).map(toIssue);
    },
    async createIssue(title, body, labels) {
      return toIssue((await retry(false, (octokit) => octokit.rest.issues.create({ owner, repo, title, body, labels: [...labels] }))).data);
    },
    async updateIssueBody(number, body) {
      return toIssue((await limited((octokit) => octokit.rest.issues.update({ owner, repo, issue_number: number, body }))).data);
    },
    async closeIssue(number, reason) {
      await limited((octokit) => octokit.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: reason }));
    },
    async readFile(path, ref) {
      try {
        const meta = await limited((octokit) => octokit.rest.repos.getContent({ owner, repo, path, ref }));
        const data = meta.data as { type?: string; sha?: string; encoding?: string; content?: string };
        if (Array.isArray(meta.data) || data.type !== 'file' || !data.sha) return null;
        // Files up to 1 MB come inline (base64); larger ones only through the raw media type.
        if (data.encoding === 'base64' && data.content) return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
        const raw = await limited((octokit) => octokit.rest.repos.getContent({ owner, repo, path, ref, mediaType: { format: 'raw' } }));
        return { text: String(raw.data), sha: data.sha };
      } catch (error) {
        if (httpStatus(error) === 404) return null;
        throw error;
      }
    },
    async listCommits(path, ref, limit) {
      const { data } = await limited((octokit) => octokit.rest.repos.listCommits({ owner, repo, path, sha: ref, per_page: Math.min(limit, 100) }));
      return data.map((commit) => ({ sha: commit.sha, date: commit.commit.committer?.date ?? commit.commit.author?.date ?? '' }));
    },
    async compareCommits(base, head) {
      const { data } = await limited((octokit) => octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${base}...${head}`, per_page: 1 }));
      return data.status;
    },
    async writeFile(path, text, message, branch, sha) {
      await limited((octokit) =>
        octokit.rest.repos.createOrUpdateFileContents({ owner, repo, path, message, branch, content: Buffer.from(text).toString('base64'), ...(sha ? { sha } : {}) }),
      );
    },
  };
}
