import { relative, resolve } from 'node:path';
import { EXIT } from './exit-codes.js';
import { readResultsFile, writeResultsFile } from '../results/io.js';
import { mergeShards } from '../results/merge-shards.js';
import type { CliIO } from './io.js';

/** `evalgate merge shard-*.json -o results.json`: the shards of one run → one results file. */
export async function mergeCommand(parts: string[], output: string, io: CliIO): Promise<number> {
  const read = await Promise.all(
    parts.map(async (path) => ({ label: relative(io.cwd, resolve(io.cwd, path)) || path, results: await readResultsFile(resolve(io.cwd, path)) })),
  );
  const merged = mergeShards(read);
  await writeResultsFile(resolve(io.cwd, output), merged);
  const cases = merged.suites.reduce((sum, suite) => sum + suite.cases.length, 0);
  io.stderr(`merged ${parts.length} shards (${cases} cases): ${output}\n`);
  return EXIT.ok;
}
