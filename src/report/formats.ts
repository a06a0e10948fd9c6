import type { FailOn } from '../compare/fail-policy.js';
import type { Comparison } from '../compare/types.js';
import type { ResultsFile } from '../results/types.js';
import { comparisonDocument } from './json.js';
import { renderJunit } from './junit.js';
import { renderSummary } from './summary.js';
import { renderTerminalTable } from './terminal.js';

/** What a renderer may use besides the comparison. */
export interface RenderContext {
  /** ANSI colours (a TTY without NO_COLOR). */
  color: boolean;
  /** The PR's results and the baseline, for renderers that show every case. */
  results?: ResultsFile;
  baseline?: ResultsFile | null;
  /** Which verdicts fail the gate: a warning is a JUnit failure under `warn`. */
  failOn?: FailOn;
}

export interface OutputFormat {
  /** One line for `--help` and docs/reference.md. */
  description: string;
  render(comparison: Comparison, ctx: RenderContext): string;
}

/**
 * The output formats, by name: `--format`, its help text and the action's report derive from
 * this map. Adding a format = a renderer module + one entry here.
 */
export const OUTPUT_FORMATS = {
  text: { description: 'the metric-diff table for a terminal (default)', render: (comparison, ctx) => renderTerminalTable(comparison, { color: ctx.color }) },
  markdown: { description: 'the Markdown report (what the job summary and report.md hold)', render: (comparison) => renderSummary(comparison, {}) },
  junit: { description: 'JUnit XML for test-report UIs: a testsuite per suite, a testcase per metric', render: (comparison, ctx) => renderJunit(comparison, ctx.failOn ? { failOn: ctx.failOn } : {}) },
  json: {
    description: 'the comparison as JSON: format "evalgate-comparison", version 1, schema/comparison.schema.json',
    render: (comparison) => JSON.stringify(comparisonDocument(comparison), null, 2),
  },
} satisfies Record<string, OutputFormat>;

export type OutputFormatName = keyof typeof OUTPUT_FORMATS;

export const OUTPUT_FORMAT_NAMES = Object.keys(OUTPUT_FORMATS) as OutputFormatName[];

export function isOutputFormat(name: string): name is OutputFormatName {
  return Object.hasOwn(OUTPUT_FORMATS, name);
}
