import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { decideOutcome } from '../compare/outcome.js';
import { runEvaluation } from '../engine/run-evaluation.js';
import { DEFAULTS } from '../core/defaults.js';
import { EXIT } from './exit-codes.js';
import { readResultsFile, writeResultsFile } from '../results/io.js';
import { restrictBaseline } from '../results/subset.js';
import { mergeBaseline } from '../compare/baseline-merge.js';
import type { ResultsFile } from '../results/types.js';
import { isSubset } from '../suites/select.js';
import { isConfigError } from '../core/errors.js';
import { readGitHistory } from '../history/git-reader.js';
import { buildSeries } from '../history/series.js';
import type { MetricSeries } from '../history/types.js';
import type { RunFlags } from './args.js';
import type { CliIO } from './io.js';
import { printComparison, writeHtmlReport, writeReport } from './output.js';
import { progressLine } from './progress.js';
import { checkOutputPath } from '../core/output-path.js';
import { escapeLogLine } from '../report/escape.js';
import { registerSecret } from '../core/secrets.js';

function apiKeyFrom(env: CliIO['env']): string | undefined {
  return env.EVALGATE_API_KEY || env.OPENAI_API_KEY || env.AZURE_OPENAI_API_KEY || undefined;
}

export async function runCommand(suites: string[], flags: RunFlags, io: CliIO): Promise<number> {
  const at = (path: string) => resolve(flags.cwd, path);
  checkOutputPath(at(flags.output), '--output', flags.cwd);
  checkOutputPath(at(flags.report), '--report', flags.cwd);
  if (flags.updateBaseline && flags.baseline) checkOutputPath(at(flags.baseline), '--baseline', flags.cwd);
  const apiKey = apiKeyFrom(io.env);
  for (const value of Object.values(flags.headers ?? {})) registerSecret(value);
  const baseline = await loadBaseline(flags, io);
  const progress = io.interactive ? progressLine(io.stderr) : undefined;
  const results = await runEvaluation({
    suites,
    cwd: flags.cwd,
    ...(apiKey ? { apiKey } : {}),
    ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
    ...(flags.headers ? { headers: flags.headers } : {}),
    ...(io.env.OPENAI_API_VERSION ? { azureApiVersion: io.env.OPENAI_API_VERSION } : {}),
    ...(flags.model ? { model: flags.model } : {}),
    ...(flags.judgeModel ? { judgeModel: flags.judgeModel } : {}),
    concurrency: flags.concurrency,
    timeoutMs: flags.timeoutMs,
    selection: flags.selection,
    cache: flags.cache,
    batch: flags.batch,
    ...(flags.shard ? { shard: flags.shard } : {}),
    ...(baseline ? { sequential: { base: baseline, seed: baseline.run.commit ?? baseline.run.date, ...(flags.sequential === undefined ? {} : { requested: flags.sequential }) } } : {}),
    log: (line) => {
      progress?.clear();
      io.stderr(`${escapeLogLine(line)}\n`);
    },
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.clear();
  await writeResultsFile(at(flags.output), results);
  io.stderr(`results: ${flags.output}\n`);
  if (results.run.cache) io.stderr(`cache: ${results.run.cache.hits} of ${results.run.cache.hits + results.run.cache.misses} model calls answered from ${DEFAULTS.cacheDir}\n`);
  if (flags.shard) {
    io.stderr(`shard ${flags.shard.index}/${flags.shard.count}: partial results; combine the shards with \`evalgate merge\`, then compare\n`);
    return EXIT.ok;
  }
  if (flags.updateBaseline && flags.baseline) {
    const previous = existsSync(at(flags.baseline)) ? await readResultsFile(at(flags.baseline)) : null;
    const merged = mergeBaseline(previous, results);
    io.stderr(`baseline changes (${flags.baseline}):\n${merged.diff.map((line) => `  ${line}\n`).join('')}`);
    if (merged.updated.length) {
      await writeResultsFile(at(flags.baseline), merged.results);
      io.stderr(`baseline updated: ${flags.baseline}\n`);
    } else io.stderr(`baseline not updated: no suite ran cleanly\n`);
  }

  const comparedWith = baseline && isSubset(flags.selection) ? restrictBaseline(baseline, results) : baseline;
  const outcome = decideLocally(comparedWith, results, flags.failOn);
  const { comparison } = outcome;
  printComparison(comparison, flags.format, io, { results, baseline: comparedWith, failOn: flags.failOn, explain: flags.explain });
  await writeReport(at(flags.report), comparison, io);
  if (flags.html) await writeHtmlReport(at(flags.html), { comparison, pr: results, baseline: comparedWith, history: await localHistory(flags, results) }, io);
  return outcome.exitCode;
}

/** The CLI's outcome: gated by its verdict; without a baseline file it reports like the bootstrap. */
export function decideLocally(baseline: ResultsFile | null, results: ResultsFile, failOn: RunFlags['failOn']) {
  return decideOutcome({
    occasion: 'local',
    baseline: baseline ? { kind: 'stored', file: baseline } : { kind: 'none', baseHasSuites: false },
    results,
    requested: { failOn, suites: [] },
    comment: 'never',
    driftIssue: false,
  });
}

/** The local baseline (working tree); absent → null with a note, corrupt → ConfigError. */
async function loadBaseline(flags: RunFlags, io: CliIO): Promise<ResultsFile | null> {
  if (!flags.baseline || flags.updateBaseline) return null;
  const path = resolve(flags.cwd, flags.baseline);
  if (existsSync(path)) return readResultsFile(path);
  io.stderr(`no baseline at ${flags.baseline}: nothing to compare (create it with --update-baseline)\n`);
  return null;
}

/** The baseline's trend for the HTML report, this run last; none outside a git clone. */
async function localHistory(flags: RunFlags, results: ResultsFile): Promise<MetricSeries[]> {
  if (!flags.baseline) return [];
  try {
    const { entries } = await readGitHistory(flags.cwd, flags.baseline);
    return buildSeries([...entries, { commit: 'this run', date: results.run.date, results }]);
  } catch (error) {
    if (isConfigError(error)) return [];
    throw error;
  }
}
