/**
 * The drift issue's body: our hidden marker, a fixed header, then one section per run, newest
 * first, each behind a run separator so later runs can re-read the sections and prepend theirs.
 * GitHub refuses bodies over 65,536 characters: the oldest runs are dropped to fit.
 */
export const ISSUE_BODY_LIMIT = 65_536;
/** Blank lines around it keep the comment its own HTML block, apart from the runs' Markdown. */
const RUN_SEPARATOR = '\n\n<!-- evalgate-drift-run -->\n\n';
/** How a separator is read back: a body edited on github.com comes back with CRLF line ends. */
const RUN_SEPARATOR_READ = /\s*<!-- evalgate-drift-run -->\s*/;
const TRIMMED = /<!-- evalgate-drift-trimmed:(\d+) -->/;

export function driftMarker(id: string): string {
  return `<!-- evalgate-drift:${id.replace(/[^\w.-]/g, '_')} -->`;
}

export const DRIFT_ISSUE_TITLE = 'EvalGate: scores drifted below the baseline';

function header(marker: string, baseline: string, trimmed: number): string {
  const lines = [
    marker,
    trimmed ? `<!-- evalgate-drift-trimmed:${trimmed} -->` : '',
    `Scheduled EvalGate runs scored below the baseline \`${baseline.replace(/`/g, '')}\`. Each failing run adds its table below (newest first); the first run whose scores recover closes this issue.`,
    trimmed ? `\n_${trimmed} older run(s) were dropped to fit GitHub's size limit._` : '',
  ];
  return lines.filter(Boolean).join('\n');
}

/** The run sections of a body we wrote earlier, newest first, and how many were dropped before. */
export function readRuns(body: string): { runs: string[]; trimmed: number } {
  const [head = '', ...runs] = body.split(RUN_SEPARATOR_READ);
  return { runs, trimmed: Number(TRIMMED.exec(head)?.[1] ?? 0) };
}

/** A body with `newRun` first, then the earlier runs, dropping the oldest until it fits `limit`. */
export function composeBody(options: { marker: string; baseline: string; newRun: string; previous?: string; limit?: number }): string {
  const limit = options.limit ?? ISSUE_BODY_LIMIT;
  const earlier = options.previous === undefined ? { runs: [], trimmed: 0 } : readRuns(options.previous);
  const runs = [options.newRun, ...earlier.runs];
  let trimmed = earlier.trimmed;
  for (;;) {
    const body = [header(options.marker, options.baseline, trimmed), ...runs].join(RUN_SEPARATOR);
    if (body.length <= limit) return body;
    if (runs.length === 1) return `${body.slice(0, limit - 20)}\n…(truncated)`;
    runs.pop();
    trimmed += 1;
  }
}
