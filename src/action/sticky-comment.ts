import type { GitHubApi, IssueComment } from './github-api.js';

/**
 * Our comment: it starts with our hidden marker and a bot wrote it. A PR author can paste the
 * marker into their own comment; that comment is never touched.
 */
export function findOurComment(comments: readonly IssueComment[], marker: string): IssueComment | undefined {
  return comments.find((comment) => comment.body.startsWith(marker) && comment.authorType === 'Bot');
}

/** Creates the sticky comment, or updates it in place on later runs. Returns its URL. */
export async function upsertStickyComment(api: GitHubApi, issue: number, marker: string, body: string): Promise<string> {
  const existing = findOurComment(await api.listComments(issue), marker);
  const written = existing ? await api.updateComment(existing.id, body) : await api.createComment(issue, body);
  return written.url;
}
