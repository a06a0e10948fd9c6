import { join } from 'node:path';
import * as core from '@actions/core';
import type { Comparison } from '../compare/types.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { checkOutputPath } from '../core/output-path.js';
import { scrubSecrets } from '../core/secrets.js';
import { escapeMarkdownInline } from '../report/escape.js';
import type { RenderContext } from '../report/formats.js';
import { OUTPUT_FORMAT_NAMES, OUTPUT_FORMATS, renderReportFiles } from '../report/formats.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Where each format that declares a report file is written (checked before anything runs: inside the workspace, no link). */
export function reportPaths(cwd: string): string[] {
  return OUTPUT_FORMAT_NAMES.flatMap((name) => {
    const file = OUTPUT_FORMATS[name] as { reportFile?: { path: string } };
    if (!file.reportFile) return [];
    const path = join(cwd, file.reportFile.path);
    checkOutputPath(path, file.reportFile.path, cwd);
    return [path];
  });
}

async function writeFiles(comparison: Comparison, ctx: RenderContext, cwd: string): Promise<Record<string, string>> {
  const outputs: Record<string, string> = {};
  for (const file of renderReportFiles(comparison, ctx)) {
    const path = join(cwd, file.path);
    await writeFileAtomic(path, scrubSecrets(file.text));
    if (file.output) outputs[file.output] = path;
  }
  return outputs;
}

/**
 * Every report file the output formats declare (report.md, report.html, junit.xml…) and the job
 * summary (the Markdown report), written before any comment call so they exist whatever GitHub
 * does. Returns the action outputs that name the files.
 */
export async function writeReports(comparison: Comparison, ctx: RenderContext, cwd: string, env: Env): Promise<Record<string, string>> {
  const outputs = await writeFiles(comparison, ctx, cwd);
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(scrubSecrets(OUTPUT_FORMATS.markdown.render(comparison, ctx))).write({ overwrite: true });
  return outputs;
}

/** Notes only the comment and baseline calls could tell: the report files rewritten, the summary appended to. */
export async function appendPublishingNotes(comparison: Comparison, ctx: RenderContext, publishingNotes: readonly string[], cwd: string, env: Env): Promise<void> {
  if (publishingNotes.length === 0) return;
  await writeFiles(comparison, { ...ctx, notes: [...(ctx.notes ?? []), ...publishingNotes] }, cwd);
  const appended = publishingNotes.map((note) => `\n\n> [!NOTE]\n> ${escapeMarkdownInline(note, 2000)}`).join('');
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(scrubSecrets(appended)).write();
}
