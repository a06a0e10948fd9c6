import { getOctokit } from '@actions/github';

/** The GitHub REST calls EvalGate makes, behind one small interface. */
export interface IssueComment {
  id: number;
  body: string;
  url: string;
  authorType: string;
  authorLogin: string;
}

export interface RepoFile {
  text: string;
  sha: string;
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
  /** The file at a commit, or null when it does not exist there. */
  readFile(path: string, ref: string): Promise<RepoFile | null>;
  writeFile(path: string, text: string, message: string, branch: string, sha: string | undefined): Promise<void>;
}

export interface HttpError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | undefined> };
}

export function httpStatus(error: unknown): number | undefined {
  const status = (error as HttpError | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/** Honours `retry-after` / `x-ratelimit-reset` on 403/429 rate limits, twice at most, ≤ 60 s each. */
async function withRateLimit<T>(call: () => Promise<T>, sleep: (ms: number) => Promise<void>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const status = httpStatus(error);
      const headers = (error as HttpError).response?.headers ?? {};
      const limited = status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined));
      if (!limited || attempt >= 2) throw error;
      const after = Number(headers['retry-after']);
      const reset = Number(headers['x-ratelimit-reset']);
      const waitMs = Number.isFinite(after) && headers['retry-after'] ? after * 1000 : Number.isFinite(reset) ? reset * 1000 - Date.now() : 1000;
      if (waitMs > MAX_RATE_LIMIT_WAIT_MS) throw error;
      await sleep(Math.max(0, waitMs));
    }
  }
}

const sleepFor = (ms: number) => new Promise<void>((resolvePromise) => setTimeout(resolvePromise, ms));

export function createGitHubApi(token: string, target: { owner: string; repo: string; apiUrl: string }, sleep = sleepFor): GitHubApi {
  const { owner, repo } = target;
  const octokit = getOctokit(token, { baseUrl: target.apiUrl });
  const limited = <T>(call: () => Promise<T>) => withRateLimit(call, sleep);
  const toComment = (data: { id: number; body?: string | null; html_url: string; user?: { type?: string; login?: string } | null }): IssueComment => ({
    id: data.id,
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
      return toPull((await limited(() => octokit.rest.pulls.get({ owner, repo, pull_number: number }))).data);
    },
    async listPullRequestsByHead(head) {
      return (await limited(() => octokit.rest.pulls.list({ owner, repo, head, state: 'open', per_page: 100 }))).data.map(toPull);
    },
    async viewerLogin() {
      try {
        return (await limited(() => octokit.rest.users.getAuthenticated())).data.login;
      } catch (error) {
        const status = httpStatus(error);
        if (status === 401 || status === 403 || status === 404) return undefined;
        throw error;
      }
    },
    async listComments(issue) {
      const all = await limited(() => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 }));
      return all.map(toComment);
    },
    async createComment(issue, body) {
      return toComment((await limited(() => octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body }))).data);
    },
    async updateComment(id, body) {
      return toComment((await limited(() => octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body }))).data);
    },
    async readFile(path, ref) {
      try {
        const meta = await limited(() => octokit.rest.repos.getContent({ owner, repo, path, ref }));
        const data = meta.data as { type?: string; sha?: string; encoding?: string; content?: string };
        if (Array.isArray(meta.data) || data.type !== 'file' || !data.sha) return null;
        // Files up to 1 MB come inline (base64); larger ones only through the raw media type.
        if (data.encoding === 'base64' && data.content) return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
        const raw = await limited(() => octokit.rest.repos.getContent({ owner, repo, path, ref, mediaType: { format: 'raw' } }));
        return { text: String(raw.data), sha: data.sha };
      } catch (error) {
        if (httpStatus(error) === 404) return null;
        throw error;
      }
    },
    async writeFile(path, text, message, branch, sha) {
      await limited(() =>
        octokit.rest.repos.createOrUpdateFileContents({ owner, repo, path, message, branch, content: Buffer.from(text).toString('base64'), ...(sha ? { sha } : {}) }),
      );
    },
  };
}
