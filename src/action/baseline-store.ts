import { scrubSecrets } from '../core/secrets.js';
import { parseResultsFile } from '../results/io.js';
import { resultsJsonChunks } from '../results/serialise.js';
import type { ResultsFile } from '../results/types.js';
import type { GitHubApi } from './github-api.js';
import { httpStatus } from './github-api.js';

/** The baseline as it is at `ref` (the PR's base commit), validated; null when there is none yet. */
export async function fetchBaseline(api: GitHubApi, path: string, ref: string): Promise<ResultsFile | null> {
  const file = await api.readFile(path, ref);
  return file ? parseResultsFile(file.text, `${path}@${ref.slice(0, 7)}`) : null;
}

export type BaselineUpdate = { written: true } | { written: false; reason: string };

const MAX_ATTEMPTS = 3;

/**
 * Commits the results as the new baseline through the contents API with the blob sha as a
 * precondition, so two pushes racing cannot silently overwrite each other: on a conflict we
 * re-read, and keep whichever run is newer.
 */
export async function commitBaseline(api: GitHubApi, path: string, results: ResultsFile, branch: string): Promise<BaselineUpdate> {
  // The same compact, one-line-per-case text as the results file: a baseline diff shows the cases that changed.
  const text = scrubSecrets([...resultsJsonChunks(results)].join(''));
  const message = `chore(evalgate): update baseline for ${results.run.commit?.slice(0, 7) ?? 'main'} [skip ci]`;
  for (let attempt = 1; ; attempt += 1) {
    const current = await api.readFile(path, branch);
    if (current && isNewer(current.text, results)) return { written: false, reason: 'a newer baseline is already on the branch' };
    try {
      await api.writeFile(path, text, message, branch, current?.sha);
      return { written: true };
    } catch (error) {
      const status = httpStatus(error);
      const detail = (error as Error).message ?? '';
      if (/protected branch|GH006|GH013|rule violation|must be made through a pull request/i.test(detail)) {
        return { written: false, reason: `the branch is protected (${detail.split('\n')[0]}); let the workflow's token bypass the rule, or store the baseline elsewhere` };
      }
      if ((status === 409 || status === 422) && attempt < MAX_ATTEMPTS) continue;
      if (status === 403 || status === 404) {
        return { written: false, reason: `the token cannot write contents (HTTP ${status}): grant \`permissions: contents: write\`` };
      }
      return { written: false, reason: `GitHub did not accept the commit (HTTP ${status ?? 'no answer'}: ${detail.split('\n')[0]})${status === 409 ? ` after ${MAX_ATTEMPTS} attempts` : ''}` };
    }
  }
}

function isNewer(existing: string, ours: ResultsFile): boolean {
  try {
    return parseResultsFile(existing, 'baseline').run.date > ours.run.date;
  } catch {
    return false;
  }
}
