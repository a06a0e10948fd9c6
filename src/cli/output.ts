import type { FailOn } from '../compare/fail-policy.js';
import type { Comparison } from '../compare/types.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import type { OutputFormatName } from '../report/formats.js';
import { OUTPUT_FORMATS } from '../report/formats.js';
import type { HtmlReportInput } from '../report/html/index.js';
import { renderHtmlReport } from '../report/html/index.js';
import { renderSummary } from '../report/summary.js';
import type { ResultsFile } from '../results/types.js';
import type { CliIO } from './io.js';

export function printComparison(comparison: Comparison, format: OutputFormatName, io: CliIO, data: { results: ResultsFile; baseline: ResultsFile | null; failOn?: FailOn; explain: boolean }): void {
  io.stdout(`${OUTPUT_FORMATS[format].render(comparison, { color: io.interactive && !io.env.NO_COLOR, ...data })}\n`);
}

export async function writeReport(path: string, comparison: Comparison, io: CliIO): Promise<void> {
  await writeFileAtomic(path, renderSummary(comparison, {}));
  io.stderr(`report: ${path}\n`);
}

export async function writeHtmlReport(path: string, input: HtmlReportInput, io: CliIO): Promise<void> {
  await writeFileAtomic(path, renderHtmlReport(input));
  io.stderr(`HTML report: ${path}\n`);
}
