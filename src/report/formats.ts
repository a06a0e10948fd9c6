import type { FailOn } from '../compare/fail-policy.js';
import type { Comparison } from '../compare/types.js';
import { DEFAULTS } from '../core/defaults.js';
import type { MetricSeries } from '../history/types.js';
import type { ResultsFile } from '../results/types.js';
import { renderHtmlReport } from './html/index.js';
import { comparisonDocument } from './json.js';
import { renderJunit } from './junit.js';
import { renderSummary } from './summary.js';
import { renderTerminalTable } from './terminal.js';

/** What a renderer may use besides the comparison. */
export interface RenderContext {
  /** ANSI colours (a TTY without NO_COLOR). */
  color: boolean;
  /** `--explain`: the terminal table also says how the gate decided. */
  explain?: boolean;
  /** The PR's results and the baseline, for renderers that show every case. */
  results: ResultsFile;
  baseline: ResultsFile | null;
  /** Which verdicts fail the gate: a warning is a JUnit failure under `warn`. */
  failOn?: FailOn;
  /** Each metric's values over the baseline's history, for renderers that chart them. */
  history?: MetricSeries[];
  /** Notes of the run (a baseline that could not be stored…), the run's link and the trend chart, for the reports people read. */
  notes?: string[];
  runUrl?: string;
  trend?: string;
}

export interface OutputFormat {
  /** One line for `--help` and docs/reference.md. */
  description: string;
  /**
   * `prose` is read by people and states the verdict in words; `data` is read by machines and
   * parses as its media type (the renderer contract test checks each by its kind).
   */
  kind: 'prose' | 'data';
  mediaType: 'text/plain' | 'text/markdown' | 'text/html' | 'application/json' | 'application/xml' | 'text/csv';
  /**
   * The file the action writes in this format on every run, and the action
   * output that carries its path; a format without one is printed on request only.
   */
  reportFile?: { path: string; output?: string };
  render(comparison: Comparison, ctx: RenderContext): string;
}

/**
 * The output formats, by name: `--format`, its help text and the report files the action
 * writes derive from this map. Adding a format = a renderer module + one entry here.
 */
export const OUTPUT_FORMATS = {
  text: {
    description: 'the metric-diff table for a terminal (default)',
    kind: 'prose',
    mediaType: 'text/plain',
    render: (comparison, ctx) => renderTerminalTable(comparison, { color: ctx.color, explain: ctx.explain === true }),
  },
  markdown: {
    description: 'the Markdown report (what the job summary and report.md hold)',
    kind: 'prose',
    mediaType: 'text/markdown',
    reportFile: { path: DEFAULTS.report, output: 'report' },
    render: (comparison, ctx) => renderSummary(comparison, { notes: ctx.notes ?? [], ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}), ...(ctx.trend ? { trend: ctx.trend } : {}) }),
  },
  html: {
    description: 'the self-contained HTML report: every case with both outputs, charts and trends',
    kind: 'prose',
    mediaType: 'text/html',
    reportFile: { path: DEFAULTS.htmlReport, output: 'html-report' },
    render: (comparison, ctx) => renderHtmlReport({ comparison, pr: ctx.results, baseline: ctx.baseline, ...(ctx.history ? { history: ctx.history } : {}) }),
  },
  junit: {
    description: 'JUnit XML for test-report UIs: a testsuite per suite, a testcase per metric',
    kind: 'data',
    mediaType: 'application/xml',
    reportFile: { path: DEFAULTS.junit, output: 'junit' },
    render: (comparison, ctx) => renderJunit(comparison, ctx.failOn ? { failOn: ctx.failOn } : {}),
  },
  json: {
    description: 'the comparison as JSON: format "evalgate-comparison", version 1, schema/comparison.schema.json',
    kind: 'data',
    mediaType: 'application/json',
    render: (comparison) => JSON.stringify(comparisonDocument(comparison), null, 2),
  },
} satisfies Record<string, OutputFormat>;

export type OutputFormatName = keyof typeof OUTPUT_FORMATS;

export const OUTPUT_FORMAT_NAMES = Object.keys(OUTPUT_FORMATS) as OutputFormatName[];

export function isOutputFormat(name: string): name is OutputFormatName {
  return Object.hasOwn(OUTPUT_FORMATS, name);
}

/** A report file to write: its format, where, the action output naming it, and its text. */
interface ReportFile {
  format: OutputFormatName;
  path: string;
  output?: string;
  text: string;
}

/** Every report file of the run, rendered: one per format that declares a `reportFile`. */
export function renderReportFiles(comparison: Comparison, ctx: RenderContext): ReportFile[] {
  return OUTPUT_FORMAT_NAMES.flatMap((format) => {
    const spec: OutputFormat = OUTPUT_FORMATS[format];
    if (!spec.reportFile) return [];
    return [{ format, path: spec.reportFile.path, ...(spec.reportFile.output ? { output: spec.reportFile.output } : {}), text: spec.render(comparison, ctx) }];
  });
}
