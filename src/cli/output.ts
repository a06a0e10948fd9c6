import type { Comparison } from '../compare/types.js';
import type { FailOn } from '../engine/fail-policy.js';
import type { HtmlReportInput } from '../report/html/index.js';
import { renderHtmlReport } from '../report/html/index.js';
import { renderJunit } from '../report/junit.js';
import { renderSummary } from '../report/summary.js';
import { renderTerminalTable } from '../report/terminal.js';
import { writeFileAtomic } from '../results/io.js';
import type { OutputFormat } from './args.js';
import type { CliIO } from './io.js';

export function printComparison(comparison: Comparison, format: OutputFormat, io: CliIO, failOn?: FailOn): void {
  if (format === 'junit') io.stdout(renderJunit(comparison, failOn ? { failOn } : {}));
  else if (format === 'json') io.stdout(`${JSON.stringify(comparison, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(`${renderSummary(comparison, {})}\n`);
  else io.stdout(`${renderTerminalTable(comparison, { color: io.interactive && !io.env.NO_COLOR })}\n`);
}

export async function writeReport(path: string, comparison: Comparison, io: CliIO): Promise<void> {
  await writeFileAtomic(path, renderSummary(comparison, {}));
  io.stderr(`report: ${path}\n`);
}

export async function writeHtmlReport(path: string, input: HtmlReportInput, io: CliIO): Promise<void> {
  await writeFileAtomic(path, renderHtmlReport(input));
  io.stderr(`HTML report: ${path}\n`);
}
