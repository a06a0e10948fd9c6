import type { GitHubApi, IssueComment } from './github-api.js';
import { isTransient } from './github-retry.js';

/**
 * Our comment: it starts with our hidden marker and we wrote it — a bot (the Actions token or an
 * app) or, when the action runs with a personal access token, that token's user. A PR author can
 * paste the marker into their own comment; that comment is never touched.
 */
function findOurComment(comments: readonly IssueComment[], marker: string, viewer?: string): IssueComment | undefined {
  const marked = comments.filter((comment) => comment.body.startsWith(marker));
  return marked.find((comment) => comment.authorType === 'Bot') ?? (viewer ? marked.find((comment) => comment.authorLogin === viewer) : undefined);
}

/**
 * Creates the sticky comment, or updates it in place on later runs. Returns its URL. Asks who the
 * token belongs to only when a marked comment by a person exists, so the common run makes no
 * extra request.
 */
export async function upsertStickyComment(api: GitHubApi, issue: number, marker: string, body: string): Promise<string> {
  const comments = await api.listComments(issue);
  let existing = findOurComment(comments, marker);
  if (!existing && comments.some((comment) => comment.body.startsWith(marker))) {
    existing = findOurComment(comments, marker, await api.viewerLogin());
  }
  if (existing) return (await api.updateComment(existing.id, body)).url;
  try {
    return (await api.createComment(issue, body)).url;
  } catch (error) {
    // A 5xx on create may still have created it: look again before one more try, never post twice.
    if (!isTransient(error)) throw error;
    const created = findOurComment(await api.listComments(issue), marker);
    return created ? (await api.updateComment(created.id, body)).url : (await api.createComment(issue, body)).url;
  }
}
