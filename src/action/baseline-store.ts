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

/** `harmless`: not written, but nothing is lost (a newer commit's baseline is already there). */
export type BaselineUpdate = { written: true } | { written: false; reason: string; harmless?: boolean };

const MAX_ATTEMPTS = 3;

/**
 * Commits the results as the new baseline through the contents API with the blob sha as a
 * precondition, so two pushes racing cannot silently overwrite each other: on a conflict we
 * re-read, and keep the baseline of the newer commit (by ancestry).
 */
export async function commitBaseline(api: GitHubApi, path: string, results: ResultsFile, branch: string): Promise<BaselineUpdate> {
  // The same compact, one-line-per-case text as the results file: a baseline diff shows the cases that changed.
  const text = scrubSecrets([...resultsJsonChunks(results)].join(''));
  const message = `chore(evalgate): update baseline for ${results.run.commit?.slice(0, 7) ?? 'main'} [skip ci]`;
  for (let attempt = 1; ; attempt += 1) {
    const current = await api.readFile(path, branch);
    if (current && (await newerOnBranch(api, current.text, results))) return { written: false, harmless: true, reason: 'the branch already holds the baseline of a newer commit (a later push finished first), so this run\'s older one was not stored over it' };
    try {
      await api.writeFile(path, text, message, branch, current?.sha);
      return { written: true };
    } catch (error) {
      const status = httpStatus(error);
      const detail = (error as Error).message ?? '';
      if (/protected branch|GH006|GH013|rule violation|must be made through a pull request/i.test(detail)) {
        return { written: false, reason: `the branch is protected (${detail.split('\n')[0]}): let the workflow's token bypass the rule, or refresh the baseline through a pull request (README "Protected branches")` };
      }
      if ((status === 409 || status === 422) && attempt < MAX_ATTEMPTS) continue;
      if (status === 401) return { written: false, reason: 'the token was refused (HTTP 401): pass `github-token: ${{ github.token }}` or a valid token' };
      if (status === 403 || status === 404) {
        return { written: false, reason: `the token cannot write contents (HTTP ${status}): grant \`permissions: contents: write\` to this job` };
      }
      return { written: false, reason: `GitHub did not accept the commit (HTTP ${status ?? 'no answer'}: ${detail.split('\n')[0]})${status === 409 ? ` after ${MAX_ATTEMPTS} attempts` : ''}` };
    }
  }
}

/**
 * Whether the stored baseline belongs to a commit newer than ours, by commit ancestry (never by
 * a date in the file, which can be anything): only a stored commit that has ours as an ancestor
 * wins. Unknown commits (rewritten history) and unreadable files never block the refresh.
 */
async function newerOnBranch(api: GitHubApi, existing: string, ours: ResultsFile): Promise<boolean> {
  let theirs: string | undefined;
  try {
    theirs = parseResultsFile(existing, 'baseline').run.commit;
  } catch {
    return false;
  }
  const mine = ours.run.commit;
  if (!theirs || !mine || theirs === mine) return false;
  try {
    return (await api.compareCommits(theirs, mine)) === 'behind';
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}
