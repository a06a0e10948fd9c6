import { existsSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import type { BaselineRead, Occasion } from '../compare/outcome.js';
import { isConfigError } from '../core/errors.js';
import { readResultsFile } from '../results/io.js';
import type { ResultsFile } from '../results/types.js';
import { fetchBaseline } from './baseline-store.js';
import type { EventInfo } from './event.js';
import { isDefaultBranchPush } from './event.js';
import { isDriftRun } from './drift/monitor.js';
import type { GitHubApi } from './github-api.js';
import { httpStatus } from './github-api.js';
import type { ActionInputs } from './inputs.js';

/** What kind of run the event makes (see compare/outcome.ts). */
export function occasionOf(event: EventInfo): Occasion {
  if (event.name === 'workflow_run') return 'publish';
  if (event.pullRequest) return 'pull-request';
  if (isDefaultBranchPush(event)) return 'push';
  return isDriftRun(event) ? 'drift' : 'local';
}

/**
 * Where the baseline comes from. A PR compares with the baseline on its base commit (read
 * through the API, never from the working tree the PR can edit); a push to the default branch
 * with the branch's current one (which it then refreshes); other events with the one at HEAD.
 */
export function baselineRef(event: EventInfo): string | undefined {
  if (event.pullRequest) return event.pullRequest.baseSha;
  return isDefaultBranchPush(event) ? event.defaultBranch : event.sha;
}

const unreadable = (path: string, error: unknown): BaselineRead => {
  const status = httpStatus(error);
  return { kind: 'unreadable', reason: `the baseline ${path} could not be read from GitHub, even after retries (${status ? `HTTP ${status}` : 'no answer'}: ${(error as Error)?.message ?? String(error)})` };
};

/** The baseline, read once (GitHub's answers are retried in github-api.ts); absent → `none`, to be qualified with the suites at the base. */
export async function readBaseline(api: GitHubApi | undefined, event: EventInfo, inputs: ActionInputs, cwd: string): Promise<BaselineRead> {
  const ref = baselineRef(event);
  try {
    let file: ResultsFile | null;
    if (api && ref) file = await fetchBaseline(api, inputs.baseline, ref);
    else if (event.pullRequest) return { kind: 'unreadable', reason: 'no github-token: a pull request reads its base commit\'s baseline through the API, so nothing could be compared' };
    else file = existsSync(resolve(cwd, inputs.baseline)) ? await readResultsFile(resolve(cwd, inputs.baseline)) : null;
    return file ? { kind: 'stored', file } : { kind: 'none', baseHasSuites: false };
  } catch (error) {
    if (isConfigError(error)) throw error;
    return unreadable(inputs.baseline, error);
  }
}

/**
 * With no stored baseline: does the base commit have suites? A PR on a base without any of its
 * suite files (nor the baseline path) is the bootstrap; otherwise the baseline is missing. A
 * scheduled run has its suites at the commit it runs on.
 */
export async function qualifyMissing(read: BaselineRead, api: GitHubApi | undefined, event: EventInfo, inputs: ActionInputs, results: ResultsFile): Promise<BaselineRead> {
  if (read.kind === 'stored') return withSuitesAtBase(read, api, event, inputs, results);
  if (read.kind !== 'none') return read;
  if (isDriftRun(event)) return { kind: 'none', baseHasSuites: results.suites.length > 0 };
  const base = event.pullRequest?.baseSha;
  if (!api || !base) return read;
  const files = [...new Set(results.suites.map((suite) => posix.normalize(posix.join(inputs.workingDirectory, suite.file))))];
  try {
    for (const file of files) if (await api.readFile(file, base)) return { kind: 'none', baseHasSuites: true };
    return read;
  } catch (error) {
    return unreadable(files.join(', '), error);
  }
}

const suitePath = (inputs: ActionInputs, file: string) => posix.normalize(posix.join(inputs.workingDirectory, file));

/**
 * A PR suite the stored baseline has no entry for is new only if the base commit does not have
 * its file: a suite that is on the base but was never stored (its push could not store it) is
 * recorded as unstored, so the comparison calls it not compared instead of "new".
 */
async function withSuitesAtBase(read: Extract<BaselineRead, { kind: 'stored' }>, api: GitHubApi | undefined, event: EventInfo, inputs: ActionInputs, results: ResultsFile): Promise<BaselineRead> {
  const base = event.pullRequest?.baseSha;
  if (!api || !base) return read;
  const stored = new Set([...read.file.suites.map((suite) => suite.name), ...(read.file.run.unstored ?? []).map((entry) => entry.suite)]);
  const unstored = [...(read.file.run.unstored ?? [])];
  try {
    for (const suite of results.suites.filter((candidate) => !stored.has(candidate.name))) {
      if (await api.readFile(suitePath(inputs, suite.file), base)) unstored.push({ suite: suite.name, reason: `its suite file ${suite.file} is on the base commit, but the baseline stored there has no entry for it` });
    }
  } catch (error) {
    return unreadable(read.file.suites.length ? 'the base commit\'s suite files' : inputs.baseline, error);
  }
  return unstored.length === (read.file.run.unstored ?? []).length ? read : { kind: 'stored', file: { ...read.file, run: { ...read.file.run, unstored } } };
}
