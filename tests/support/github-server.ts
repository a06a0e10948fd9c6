import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StoredIssue } from './github-issues.js';
import { filterIssues, issueJson } from './github-issues.js';
import { checkRequest, checkResponse } from './openapi-check.js';
import { examplePayload } from './webhook-examples.js';

/**
 * A real HTTP server on 127.0.0.1 that speaks the part of the GitHub REST API EvalGate uses
 * (issue comments with Link pagination, repository contents at a ref, file commits with a sha
 * precondition, issues: list with state/labels filters and pagination, create, update, close). State is in memory; every request and response is checked against the
 * official OpenAPI description and violations are collected for the test to assert on.
 */
export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  login: string;
  type: 'Bot' | 'User';
}

export interface StoredPull {
  number: number;
  baseSha: string;
  headSha: string;
  /** Owner of the head repository (a fork's owner for a fork PR) and the head branch. */
  headOwner: string;
  headBranch: string;
}

export interface GitHubServer {
  pulls: StoredPull[];
  url: string;
  comments: StoredComment[];
  /** Issues (numbered from 100, apart from the pulls); the list answers like GitHub, paginated. */
  issues: StoredIssue[];
  /** Hold each issue creation until this many are waiting, so concurrent runs really race. */
  issueCreateBarrier: number;
  /** Files by `${ref}:${path}` (ref = a commit sha or a branch name). */
  files: Map<string, string>;
  /** The repository's commit log, oldest first: what GET …/commits?path=&sha= answers from. */
  log: { sha: string; date: string; branch: string; paths: string[] }[];
  /** File commits received (path, branch, message). */
  commits: { path: string; branch: string; message: string; content: string }[];
  violations: string[];
  requests: string[];
  /** Make comment and issue writes answer 403 like a fork's (or a `contents: read`) read-only token. */
  readOnly: boolean;
  /** Branches whose rules refuse direct commits (answered like GitHub's rulesets: 409, GH013). */
  protectedBranches: Set<string>;
  /** Personal access tokens (`ghp_…`) and their users; any other token acts as github-actions[bot]. */
  patUsers: Map<string, string>;
  /** Answer the next request with this rate-limit status and headers (then serve normally). */
  rateLimitNext: { status: 403 | 429; headers: Record<string, string> } | undefined;
  /** Injected faults: requests whose `METHOD /path` matches answer `status` (`times` times, then normally). */
  faults: GitHubFault[];
  close(): Promise<void>;
}

export interface GitHubFault {
  match: RegExp;
  status: number;
  times: number;
  message?: string;
  headers?: Record<string, string>;
}

const OWNER_REPO = '/repos/([^/]+)/([^/]+)';
const ROUTES: [string, RegExp, string][] = [
  ['GET', /^\/user$/, '/user'],
  ['GET', new RegExp(`^${OWNER_REPO}/pulls$`), '/repos/{owner}/{repo}/pulls'],
  ['GET', new RegExp(`^${OWNER_REPO}/pulls/(\\d+)$`), '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['GET', new RegExp(`^${OWNER_REPO}/issues/(\\d+)/comments$`), '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['POST', new RegExp(`^${OWNER_REPO}/issues/(\\d+)/comments$`), '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['PATCH', new RegExp(`^${OWNER_REPO}/issues/comments/(\\d+)$`), '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['GET', new RegExp(`^${OWNER_REPO}/commits$`), '/repos/{owner}/{repo}/commits'],
  ['GET', new RegExp(`^${OWNER_REPO}/compare/(.+)$`), '/repos/{owner}/{repo}/compare/{basehead}'],
  ['GET', new RegExp(`^${OWNER_REPO}/issues$`), '/repos/{owner}/{repo}/issues'],
  ['POST', new RegExp(`^${OWNER_REPO}/issues$`), '/repos/{owner}/{repo}/issues'],
  ['PATCH', new RegExp(`^${OWNER_REPO}/issues/(\\d+)$`), '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['GET', new RegExp(`^${OWNER_REPO}/contents/(.+)$`), '/repos/{owner}/{repo}/contents/{path}'],
  ['PUT', new RegExp(`^${OWNER_REPO}/contents/(.+)$`), '/repos/{owner}/{repo}/contents/{path}'],
];

export const blobSha = (text: string) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');

function user(login: string, type: string, id: number) {
  const base = `https://api.github.com/users/${login}`;
  return {
    login, id, node_id: `U_${id}`, avatar_url: `https://avatars.githubusercontent.com/u/${id}`, gravatar_id: '', url: base,
    html_url: `https://github.com/${login}`, followers_url: `${base}/followers`, following_url: `${base}/following{/other_user}`,
    gists_url: `${base}/gists{/gist_id}`, starred_url: `${base}/starred{/owner}{/repo}`, subscriptions_url: `${base}/subscriptions`,
    organizations_url: `${base}/orgs`, repos_url: `${base}/repos`, events_url: `${base}/events{/privacy}`,
    received_events_url: `${base}/received_events`, type, site_admin: false,
  };
}

function profileJson(login: string, id: number) {
  return {
    ...user(login, 'User', id), name: login, company: null, blog: '', location: null, email: null, hireable: null, bio: null,
    public_repos: 1, public_gists: 0, followers: 0, following: 0, created_at: '2020-01-01T00:00:00Z', updated_at: '2026-11-24T10:00:00Z',
  };
}

/** A real pull_request object (from a webhook example) retargeted at the stored PR. */
function pullJson(pull: StoredPull, repo: string) {
  const json = examplePayload('pull_request', (example) => example.action === 'opened').pull_request;
  const [owner] = repo.split('/');
  json.number = pull.number;
  json.url = `https://api.github.com/repos/${repo}/pulls/${pull.number}`;
  json.html_url = `https://github.com/${repo}/pull/${pull.number}`;
  json.base.sha = pull.baseSha;
  json.base.repo.full_name = repo;
  json.head.sha = pull.headSha;
  json.head.ref = pull.headBranch;
  json.head.label = `${pull.headOwner}:${pull.headBranch}`;
  json.head.repo.full_name = `${pull.headOwner}/${repo.split('/')[1]}`;
  json.head.repo.fork = pull.headOwner !== owner;
  return { ...json, auto_merge: null };
}

const authorOf = (item: { login: string; type: string }) => user(item.login, item.type, item.type === 'Bot' ? 41898282 : 1000);

function commentJson(comment: StoredComment, repo: string) {
  return {
    id: comment.id, node_id: `IC_${comment.id}`, url: `https://api.github.com/repos/${repo}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${repo}/pull/${comment.issue}#issuecomment-${comment.id}`, body: comment.body,
    user: authorOf(comment), created_at: '2026-11-24T10:00:00Z',
    updated_at: '2026-11-24T10:00:00Z', issue_url: `https://api.github.com/repos/${repo}/issues/${comment.issue}`, author_association: 'NONE',
  };
}

function fileJson(path: string, text: string, repo: string, ref: string) {
  const sha = blobSha(text);
  const url = `https://api.github.com/repos/${repo}/contents/${path}?ref=${ref}`;
  return {
    // As GitHub does: content inline up to 1 MB, above that empty with encoding "none" (read it raw).
    type: 'file', encoding: Buffer.byteLength(text) > 1024 * 1024 ? 'none' : 'base64', size: Buffer.byteLength(text), name: path.split('/').pop() ?? path, path,
    content: Buffer.byteLength(text) > 1024 * 1024 ? '' : Buffer.from(text).toString('base64'), sha, url, git_url: `https://api.github.com/repos/${repo}/git/blobs/${sha}`,
    html_url: `https://github.com/${repo}/blob/${ref}/${path}`, download_url: `https://raw.githubusercontent.com/${repo}/${ref}/${path}`,
    _links: { self: url, git: `https://api.github.com/repos/${repo}/git/blobs/${sha}`, html: `https://github.com/${repo}/blob/${ref}/${path}` },
  };
}

function commitJson(entry: GitHubServer['log'][number], message: string, repo: string) {
  const api = `https://api.github.com/repos/${repo}`;
  const person = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com', date: entry.date };
  return {
    url: `${api}/commits/${entry.sha}`, sha: entry.sha, node_id: `C_${entry.sha.slice(0, 12)}`, html_url: `https://github.com/${repo}/commit/${entry.sha}`,
    comments_url: `${api}/commits/${entry.sha}/comments`,
    commit: { url: `${api}/git/commits/${entry.sha}`, author: person, committer: person, message, comment_count: 0, tree: { sha: blobSha(`tree ${entry.sha}`), url: `${api}/git/trees/${entry.sha}` } },
    author: user('github-actions[bot]', 'Bot', 41898282), committer: user('github-actions[bot]', 'Bot', 41898282), parents: [],
  };
}

/** Commits of the log reachable from `ref` (a branch, or a commit: it and its branch's earlier ones), newest first. */
function commitsAt(log: GitHubServer['log'], ref: string, path: string | null) {
  const at = log.findIndex((entry) => entry.sha === ref);
  const reachable = at >= 0 ? log.slice(0, at + 1).filter((entry) => entry.branch === log[at]?.branch) : log.filter((entry) => entry.branch === ref);
  return reachable.filter((entry) => !path || entry.paths.includes(path)).reverse();
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

export async function startGitHubServer(options: { perPage?: number } = {}): Promise<GitHubServer> {
  const state: Omit<GitHubServer, 'url' | 'close'> = { pulls: [], comments: [], issues: [], issueCreateBarrier: 1, files: new Map(), log: [], commits: [], violations: [], requests: [], readOnly: false, patUsers: new Map(), protectedBranches: new Set(), rateLimitNext: undefined, faults: [] };
  let nextComment = 1;
  let nextIssue = 100;
  let base = '';
  const waitingCreates: (() => void)[] = [];
  const barrier = () => new Promise<void>((release) => {
    waitingCreates.push(release);
    if (waitingCreates.length >= state.issueCreateBarrier) waitingCreates.splice(0).forEach((go) => go());
  });
  /** One page of `items` with GitHub's Link header (rel="next" and rel="last"). */
  const pageOf = <T>(url: URL, items: readonly T[]) => {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), options.perPage ?? 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const linkTo = (number: number) => {
      const query = new URLSearchParams(url.searchParams);
      query.set('per_page', String(perPage));
      query.set('page', String(number));
      return `<${base}${url.pathname}?${query}>`;
    };
    const link: Record<string, string> = page < last ? { link: `${linkTo(page + 1)}; rel="next", ${linkTo(last)}; rel="last"` } : {};
    return { items: items.slice((page - 1) * perPage, page * perPage), link };
  };

  function send(response: ServerResponse, method: string, template: string, status: number, body: unknown, headers: Record<string, string> = {}) {
    state.violations.push(...checkResponse(method, template, status, body));
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    state.requests.push(`${method} ${url.pathname}${url.search}`);
    const limited = state.rateLimitNext;
    if (limited) {
      state.rateLimitNext = undefined;
      response.writeHead(limited.status, { 'content-type': 'application/json', ...limited.headers });
      response.end(JSON.stringify({ message: 'API rate limit exceeded', documentation_url: 'https://docs.github.com/rest/rate-limit' }));
      return;
    }
    const fault = state.faults.find((candidate) => candidate.times > 0 && candidate.match.test(`${method} ${url.pathname}`));
    if (fault) {
      fault.times -= 1;
      response.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      response.end(JSON.stringify({ message: fault.message ?? `injected ${fault.status}`, documentation_url: 'https://docs.github.com/rest' }));
      return;
    }
    const route = ROUTES.find(([verb, pattern]) => verb === method && pattern.test(url.pathname));
    if (!route) {
      state.violations.push(`unexpected call ${method} ${url.pathname}`);
      response.writeHead(404).end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    const [, pattern, template] = route;
    const token = (request.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
    const patLogin = state.patUsers.get(token);
    const caller = patLogin ? { login: patLogin, type: 'User' as const } : { login: 'github-actions[bot]', type: 'Bot' as const };
    const [, owner, repoName, param] = pattern.exec(url.pathname) ?? [];
    const repo = `${owner}/${repoName}`;
    const body = await readBody(request);
    state.violations.push(...checkRequest(method, template, body));
    const error = (status: number, message: string) => send(response, method, template, status, { message, documentation_url: 'https://docs.github.com/rest' });

    if (template === '/user') {
      if (!patLogin) return error(403, 'Resource not accessible by integration');
      return send(response, method, template, 200, profileJson(patLogin, 1001));
    }
    if (template === '/repos/{owner}/{repo}/pulls') {
      const head = url.searchParams.get('head');
      const open = state.pulls.filter((pull) => !head || `${pull.headOwner}:${pull.headBranch}` === head);
      return send(response, method, template, 200, open.map((pull) => pullJson(pull, repo)));
    }
    if (template.endsWith('{pull_number}')) {
      const pull = state.pulls.find((candidate) => candidate.number === Number(param));
      return pull ? send(response, method, template, 200, pullJson(pull, repo)) : error(404, 'Not Found');
    }
    if (template.endsWith('{issue_number}/comments') && method === 'GET') {
      const { items, link } = pageOf(url, state.comments.filter((comment) => comment.issue === Number(param)));
      return send(response, method, template, 200, items.map((comment) => commentJson(comment, repo)), link);
    }
    if (template === '/repos/{owner}/{repo}/issues' && method === 'GET') {
      const { items, link } = pageOf(url, filterIssues(state.issues, url.searchParams));
      return send(response, method, template, 200, items.map((issue) => issueJson(issue, repo, authorOf(issue))), link);
    }
    if (template === '/repos/{owner}/{repo}/issues') {
      if (state.readOnly) return error(403, 'Resource not accessible by integration');
      await barrier();
      const input = body as { title: string; body?: string; labels?: string[] };
      const issue: StoredIssue = { number: nextIssue++, title: input.title, body: input.body ?? '', state: 'open', stateReason: null, labels: input.labels ?? [], created: state.issues.length, ...caller };
      state.issues.push(issue);
      return send(response, method, template, 201, issueJson(issue, repo, authorOf(issue)), { location: `${base}/repos/${repo}/issues/${issue.number}` });
    }
    if (template.endsWith('{issue_number}') && method === 'PATCH') {
      const issue = state.issues.find((candidate) => candidate.number === Number(param));
      if (!issue) return error(404, 'Not Found');
      if (state.readOnly) return error(403, 'Resource not accessible by integration');
      const change = body as { body?: string; state?: 'open' | 'closed'; state_reason?: StoredIssue['stateReason'] };
      if (change.body !== undefined) issue.body = change.body;
      if (change.state) {
        issue.state = change.state;
        issue.stateReason = change.state === 'closed' ? (change.state_reason ?? 'completed') : 'reopened';
      }
      return send(response, method, template, 200, issueJson(issue, repo, authorOf(issue)));
    }
    if (template.endsWith('{issue_number}/comments')) {
      if (state.readOnly) return error(403, 'Resource not accessible by integration');
      const comment: StoredComment = { id: nextComment++, issue: Number(param), body: (body as { body: string }).body, ...caller };
      state.comments.push(comment);
      return send(response, method, template, 201, commentJson(comment, repo), { location: `${base}/repos/${repo}/issues/comments/${comment.id}` });
    }
    if (template.endsWith('{comment_id}')) {
      const comment = state.comments.find((candidate) => candidate.id === Number(param));
      if (!comment) return error(404, 'Not Found');
      if (state.readOnly || comment.login !== caller.login) return error(403, 'Resource not accessible by integration');
      comment.body = (body as { body: string }).body;
      return send(response, method, template, 200, commentJson(comment, repo));
    }
    if (template === '/repos/{owner}/{repo}/commits') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const found = commitsAt(state.log, url.searchParams.get('sha') ?? 'main', url.searchParams.get('path'));
      return send(response, method, template, 200, found.slice(0, perPage).map((entry) => commitJson(entry, `update ${entry.paths.join(', ')}`, repo)));
    }
    if (template === '/repos/{owner}/{repo}/compare/{basehead}') {
      // The log is linear per branch: a commit later in it is ahead of an earlier one.
      const [baseSha, headSha] = decodeURIComponent(param ?? '').split('...');
      const [at, to] = [state.log.findIndex((entry) => entry.sha === baseSha), state.log.findIndex((entry) => entry.sha === headSha)];
      const [baseEntry, headEntry] = [state.log[at], state.log[to]];
      if (!baseEntry || !headEntry) return error(404, 'Not Found');
      const status = to === at ? 'identical' : baseEntry.branch !== headEntry.branch ? 'diverged' : to > at ? 'ahead' : 'behind';
      const api = `https://api.github.com/repos/${repo}`;
      return send(response, method, template, 200, {
        url: `${api}/compare/${param}`, html_url: `https://github.com/${repo}/compare/${param}`, permalink_url: `https://github.com/${repo}/compare/${param}`,
        diff_url: `https://github.com/${repo}/compare/${param}.diff`, patch_url: `https://github.com/${repo}/compare/${param}.patch`,
        base_commit: commitJson(baseEntry, 'base', repo), merge_base_commit: commitJson(to >= at ? baseEntry : headEntry, 'merge base', repo),
        status, ahead_by: Math.max(0, to - at), behind_by: Math.max(0, at - to), total_commits: Math.max(0, to - at), commits: [],
      });
    }
    const path = decodeURIComponent(param ?? '');
    if (method === 'GET') {
      const ref = url.searchParams.get('ref') ?? 'main';
      const text = state.files.get(`${ref}:${path}`);
      if (text === undefined) return error(404, 'Not Found');
      if ((request.headers.accept ?? '').includes('raw')) {
        response.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
        response.end(text);
        return;
      }
      return send(response, method, template, 200, fileJson(path, text, repo, ref));
    }
    const put = body as { message: string; content: string; sha?: string; branch?: string };
    const branch = put.branch ?? 'main';
    if (state.readOnly) return error(403, 'Resource not accessible by integration');
    if (state.protectedBranches.has(branch)) {
      return error(409, 'Repository rule violations found\n\nChanges must be made through a pull request.\n');
    }
    const existing = state.files.get(`${branch}:${path}`);
    if (existing !== undefined && put.sha !== blobSha(existing)) return error(409, `${path} does not match ${put.sha ?? 'no sha'}`);
    if (existing === undefined && put.sha) return error(409, `${path} does not exist`);
    const content = Buffer.from(put.content, 'base64').toString('utf8');
    state.files.set(`${branch}:${path}`, content);
    state.commits.push({ path, branch, message: put.message, content });
    const file = fileJson(path, content, repo, branch);
    return send(response, method, template, existing === undefined ? 201 : 200, {
      content: { name: file.name, path, sha: file.sha, size: file.size, url: file.url, html_url: file.html_url, git_url: file.git_url, download_url: file.download_url, type: 'file', _links: file._links },
      commit: { sha: blobSha(`commit ${state.commits.length}`), message: put.message, html_url: `https://github.com/${repo}/commit/x` },
    });
  });
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url: base,
    close: () => new Promise<void>((resolvePromise) => {
      server.closeAllConnections();
      server.close(() => resolvePromise());
    }),
  });
}
