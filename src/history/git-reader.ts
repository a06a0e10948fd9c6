import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ConfigError, isConfigError } from '../core/errors.js';
import { parseResultsFile } from '../results/io.js';
import type { BaselineHistory, HistoryEntry } from './types.js';
import { DEFAULT_HISTORY_LIMIT } from './types.js';

const run = promisify(execFile);
const MAX_FILE_BYTES = 256 * 1024 * 1024;

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: MAX_FILE_BYTES, encoding: 'utf8' });
  return stdout;
}

/** `sha<TAB>ISO date` lines of `git log`, newest first. */
function parseLog(text: string): { commit: string; date: string }[] {
  return text.split('\n').flatMap((line) => {
    const [commit, date] = line.split('\t');
    return commit && date && /^[0-9a-f]{40,64}$/.test(commit) ? [{ commit, date }] : [];
  });
}

/**
 * The baseline's history in the local clone: the last `limit` commits that changed `path`
 * (relative to `cwd`), oldest first, each version validated; invalid or deleted versions are
 * skipped with a note. git runs without a shell.
 */
export async function readGitHistory(cwd: string, path: string, limit = DEFAULT_HISTORY_LIMIT): Promise<BaselineHistory> {
  let log: string;
  try {
    log = await git(cwd, ['log', `-n${limit}`, '--format=%H%x09%cI', '--', path]);
  } catch (error) {
    const reason = (error as { stderr?: string }).stderr?.trim().split('\n')[0] || (error as Error).message;
    throw new ConfigError(`cannot read the baseline's history with git (${reason})`, { file: path }, 'run `evalgate history` inside a git clone that has git installed');
  }
  const commits = parseLog(log).reverse();
  const entries: HistoryEntry[] = [];
  const notes: string[] = [];
  if (commits.length === 0) notes.push(`no commit changed ${path} yet: commit a baseline first (\`evalgate run --update-baseline\`)`);
  for (const { commit, date } of commits) {
    let text: string;
    try {
      text = await git(cwd, ['show', `${commit}:./${path}`]);
    } catch {
      notes.push(`${commit.slice(0, 7)}: ${path} is absent (deleted in that commit); skipped`);
      continue;
    }
    try {
      entries.push({ commit, date, results: parseResultsFile(text, `${path}@${commit.slice(0, 7)}`) });
    } catch (error) {
      if (!isConfigError(error)) throw error;
      notes.push(`${error.format()}; skipped`);
    }
  }
  return { entries, notes };
}
