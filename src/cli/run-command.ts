import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { compare } from '../compare/index.js';
import { runEvaluation } from '../engine/run-evaluation.js';
import { DEFAULTS } from '../core/defaults.js';
import { EXIT, exitCodeFor } from '../engine/fail-policy.js';
import { readResultsFile, writeResultsFile } from '../results/io.js';
import type { ResultsFile } from '../results/types.js';
import type { RunFlags } from './args.js';
import type { CliIO } from './io.js';
import { printComparison, writeReport } from './output.js';
import { progressLine } from './progress.js';

function apiKeyFrom(env: CliIO['env']): string | undefined {
  return env.EVALGATE_API_KEY || env.OPENAI_API_KEY || env.AZURE_OPENAI_API_KEY || undefined;
}

export async function runCommand(suites: string[], flags: RunFlags, io: CliIO): Promise<number> {
  const at = (path: string) => resolve(flags.cwd, path);
  const apiKey = apiKeyFrom(io.env);
  const baseline = await loadBaseline(flags, io);
  const progress = io.interactive ? progressLine(io.stderr) : undefined;
  const results = await runEvaluation({
    suites,
    cwd: flags.cwd,
    ...(apiKey ? { apiKey } : {}),
    ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
    ...(io.env.OPENAI_API_VERSION ? { azureApiVersion: io.env.OPENAI_API_VERSION } : {}),
    ...(flags.model ? { model: flags.model } : {}),
    ...(flags.judgeModel ? { judgeModel: flags.judgeModel } : {}),
    concurrency: flags.concurrency,
    timeoutMs: flags.timeoutMs,
    cache: flags.cache,
    batch: flags.batch,
    ...(flags.shard ? { shard: flags.shard } : {}),
    log: (line) => {
      progress?.clear();
      io.stderr(`${line}\n`);
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
    await writeResultsFile(at(flags.baseline), results);
    io.stderr(`baseline updated: ${flags.baseline}\n`);
  }

  const comparison = compare(baseline, results);
  printComparison(comparison, flags.format, io);
  await writeReport(at(flags.report), comparison, io);
  return exitCodeFor(comparison.verdict, flags.failOn);
}

/** The local baseline (working tree); absent → null with a note, corrupt → ConfigError. */
async function loadBaseline(flags: RunFlags, io: CliIO): Promise<ResultsFile | null> {
  if (!flags.baseline || flags.updateBaseline) return null;
  const path = resolve(flags.cwd, flags.baseline);
  if (existsSync(path)) return readResultsFile(path);
  io.stderr(`no baseline at ${flags.baseline}: nothing to compare (create it with --update-baseline)\n`);
  return null;
}
