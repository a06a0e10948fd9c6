import type { Comparison } from '../compare/types.js';
import { renderSummary } from '../report/summary.js';
import { renderTerminalTable } from '../report/terminal.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import type { OutputFormat } from './args.js';
import type { CliIO } from './io.js';

export function printComparison(comparison: Comparison, format: OutputFormat, io: CliIO): void {
  if (format === 'json') io.stdout(`${JSON.stringify(comparison, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(`${renderSummary(comparison, {})}\n`);
  else io.stdout(`${renderTerminalTable(comparison, { color: io.interactive && !io.env.NO_COLOR })}\n`);
}

export async function writeReport(path: string, comparison: Comparison, io: CliIO): Promise<void> {
  await writeFileAtomic(path, renderSummary(comparison, {}));
  io.stderr(`report: ${path}\n`);
}
