import { parseArgs } from 'node:util';
import { ConfigError } from '../core/errors.js';
import { readGitHistory } from '../history/git-reader.js';
import { renderTrendMarkdown } from '../report/trend-mermaid.js';
import { buildSeries } from '../history/series.js';
import { renderTrendTable } from '../report/trend-terminal.js';
import { DEFAULT_HISTORY_LIMIT } from '../history/types.js';
import type { CliIO } from './io.js';

/** `evalgate history`: each metric's trend over the baseline's commits in the local clone. */
export interface HistoryCommand {
  name: 'history';
  cwd: string;
  baseline: string;
  limit: number;
  format: 'text' | 'markdown' | 'json';
}

const FORMATS = ['text', 'markdown', 'json'] as const;

export const HISTORY_HELP = `Usage: evalgate history   (the baseline's trend over its last commits, read with git log)

  -b, --baseline FILE      baseline whose history to read (default evals/baseline.json)
  -n, --limit N            how many of its commits to read (default ${DEFAULT_HISTORY_LIMIT})
      --format FORMAT      text (default: a table with sparklines) | markdown (mermaid charts) | json
      --cwd DIR            run as if started in DIR`;

export function parseHistoryCommand(args: string[], cwd: string): HistoryCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { baseline: { type: 'string', short: 'b', default: 'evals/baseline.json' }, limit: { type: 'string', short: 'n', default: String(DEFAULT_HISTORY_LIMIT) }, format: { type: 'string', default: 'text' }, cwd: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new ConfigError((error as Error).message, {}, 'run `evalgate help history` for the flags');
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new ConfigError(`--limit must be a whole number ≥ 1, got "${values.limit}"`, {}, 'pass e.g. --limit 20');
  const format = FORMATS.find((candidate) => candidate === values.format);
  if (!format) throw new ConfigError(`--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`, {}, `pass --format ${FORMATS.join(', --format ')}`);
  return { name: 'history', cwd: values.cwd ?? cwd, baseline: values.baseline, limit, format };
}

export async function historyCommand(command: HistoryCommand, io: CliIO): Promise<number> {
  const history = await readGitHistory(command.cwd, command.baseline, command.limit);
  for (const note of history.notes) io.stderr(`note: ${note}\n`);
  const series = buildSeries(history.entries);
  if (command.format === 'json') io.stdout(`${JSON.stringify(series, null, 2)}\n`);
  else if (command.format === 'markdown') io.stdout(`${renderTrendMarkdown(series, series.length) || 'No trend yet: the baseline needs at least two commits.'}\n`);
  else io.stdout(`${renderTrendTable(series)}\n`);
  return 0;
}
