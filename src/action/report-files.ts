import * as core from '@actions/core';
import type { Comparison } from '../compare/types.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { scrubSecrets } from '../core/secrets.js';
import { escapeMarkdownInline } from '../report/escape.js';
import { renderSummary } from '../report/summary.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What the summary shows besides the comparison: the run link and the baseline's trend. */
export interface ReportExtras {
  runUrl: string | undefined;
  trend: string | undefined;
}

function reportText(comparison: Comparison, notes: readonly string[], extras: ReportExtras): string {
  return scrubSecrets(renderSummary(comparison, { notes: [...notes], ...(extras.runUrl ? { runUrl: extras.runUrl } : {}), ...(extras.trend ? { trend: extras.trend } : {}) }));
}

/** The job summary and report.md, written before any comment call so they exist whatever GitHub does. */
export async function writeReports(comparison: Comparison, notes: readonly string[], extras: ReportExtras, reportPath: string, env: Env): Promise<void> {
  const summary = reportText(comparison, notes, extras);
  await writeFileAtomic(reportPath, summary);
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write({ overwrite: true });
}

/** Notes only the comment and baseline calls could tell: report.md rewritten, the summary appended to. */
export async function addLateNotes(comparison: Comparison, notes: readonly string[], late: readonly string[], extras: ReportExtras, reportPath: string, env: Env): Promise<void> {
  if (late.length === 0) return;
  await writeFileAtomic(reportPath, reportText(comparison, [...notes, ...late], extras));
  const appended = late.map((note) => `\n\n> [!NOTE]\n> ${escapeMarkdownInline(note, 2000)}`).join('');
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(scrubSecrets(appended)).write();
}
