/**
 * The issues part of the loopback GitHub server: stored issues, their REST JSON, and the list
 * filters of `GET /repos/{owner}/{repo}/issues` (state, labels — all must match —, sort, direction).
 */
export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;
  labels: string[];
  login: string;
  type: 'Bot' | 'User';
  /** Order of creation (GitHub's created_at), for sort=created. */
  created: number;
}

export function issueJson(issue: StoredIssue, repo: string, author: Record<string, unknown>) {
  const url = `https://api.github.com/repos/${repo}/issues/${issue.number}`;
  const stamp = (offset: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, offset)).toISOString().replace('.000', '');
  return {
    id: 5_000_000 + issue.number, node_id: `I_${issue.number}`, url, repository_url: `https://api.github.com/repos/${repo}`,
    labels_url: `${url}/labels{/name}`, comments_url: `${url}/comments`, events_url: `${url}/events`,
    html_url: `https://github.com/${repo}/issues/${issue.number}`, number: issue.number, state: issue.state,
    state_reason: issue.stateReason, title: issue.title, body: issue.body, user: author,
    labels: issue.labels.map((name, index) => ({ id: 700 + index, node_id: `LA_${name}`, url: `https://api.github.com/repos/${repo}/labels/${encodeURIComponent(name)}`, name, description: null, color: 'ededed', default: false })),
    assignee: null, assignees: [], milestone: null, locked: false, active_lock_reason: null, comments: 0,
    closed_at: issue.state === 'closed' ? stamp(issue.created + 30) : null, created_at: stamp(issue.created), updated_at: stamp(issue.created),
    author_association: 'NONE',
  };
}

/** The issues a list request returns, in its order, before pagination. */
export function filterIssues(issues: readonly StoredIssue[], query: URLSearchParams): StoredIssue[] {
  const state = query.get('state') ?? 'open';
  const labels = (query.get('labels') ?? '').split(',').map((label) => label.trim()).filter(Boolean);
  const picked = issues.filter((issue) => (state === 'all' || issue.state === state) && labels.every((label) => issue.labels.includes(label)));
  const ascending = query.get('direction') === 'asc';
  return [...picked].sort((a, b) => (ascending ? a.created - b.created : b.created - a.created));
}
