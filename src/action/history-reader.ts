import type { GitHubApi } from './github-api.js';
import { isConfigError } from '../core/errors.js';
import { parseResultsFile } from '../results/io.js';
import type { BaselineHistory, HistoryEntry } from '../history/types.js';
import { DEFAULT_HISTORY_LIMIT } from '../history/types.js';

/**
 * The baseline's history through the GitHub API: the last `limit` commits on `ref` that changed
 * `path`, oldest first, and the file at each; invalid or deleted versions are skipped with a note.
 */
export async function readGitHubHistory(api: GitHubApi, path: string, ref: string, limit = DEFAULT_HISTORY_LIMIT): Promise<BaselineHistory> {
  const commits = (await api.listCommits(path, ref, Math.min(limit, 100))).reverse();
  const entries: HistoryEntry[] = [];
  const notes: string[] = [];
  for (const { sha, date } of commits) {
    const file = await api.readFile(path, sha);
    if (!file) {
      notes.push(`${sha.slice(0, 7)}: ${path} is absent (deleted in that commit); skipped`);
      continue;
    }
    try {
      entries.push({ commit: sha, date, results: parseResultsFile(file.text, `${path}@${sha.slice(0, 7)}`) });
    } catch (error) {
      if (!isConfigError(error)) throw error;
      notes.push(`${error.format()}; skipped`);
    }
  }
  return { entries, notes };
}
