import { ConfigError } from '../core/errors.js';
import { resultsDocument } from './build.js';
import type { CaseResult, ModelCallCosts, ResultsFile, RunMetadata, SuiteResult } from './types.js';

/** One shard's partial results and the name to use in errors. */
interface ShardPart {
  label: string;
  results: ResultsFile;
}

const RERUN = 'download every shard of the same run (all of --shard 1/N … N/N) and merge them together';

function shardOf(part: ShardPart): { index: number; count: number } {
  const shard = part.results.run.shard;
  if (!shard) throw new ConfigError('not a shard’s results (no run.shard): it is already complete', { file: part.label }, 'merge only the files written with --shard');
  return shard;
}

function checkShardSet(parts: readonly ShardPart[]): void {
  const [first] = parts;
  if (!first) throw new ConfigError('no results files to merge', {}, RERUN);
  const { count } = shardOf(first);
  const seen = new Map<number, string>();
  for (const part of parts) {
    const shard = shardOf(part);
    if (shard.count !== count) throw new ConfigError(`shard ${shard.index}/${shard.count} is from a ${shard.count}-way split, ${first.label} from a ${count}-way one`, { file: part.label }, RERUN);
    const other = seen.get(shard.index);
    if (other) throw new ConfigError(`shard ${shard.index}/${count} twice (also ${other})`, { file: part.label }, RERUN);
    seen.set(shard.index, part.label);
    if (part.results.run.commit !== first.results.run.commit) {
      throw new ConfigError(`ran on commit ${part.results.run.commit ?? '(none)'}, ${first.label} on ${first.results.run.commit ?? '(none)'}`, { file: part.label }, RERUN);
    }
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length) {
    const found = [...seen.keys()].sort((a, b) => a - b).map((index) => `${index}/${count}`).join(', ');
    throw new ConfigError(`${seen.size} of ${count} shards found (${found}): shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} missing`, {}, `${RERUN}; a shard job that failed or whose results were not uploaded leaves its part out`);
  }
}

/** One suite from its shards: cases back in the suite's own order, the header as every shard wrote it. */
function mergeSuite(name: string, pieces: { label: string; suite: SuiteResult }[]): SuiteResult {
  const [first] = pieces;
  if (!first) throw new Error(`no pieces of suite ${name}`);
  const { positions: _positions, cases: _cases, calls: _calls, ...header } = first.suite;
  const slots: (CaseResult | undefined)[] = [];
  for (const { label, suite } of pieces) {
    if (suite.hash !== first.suite.hash || suite.status !== first.suite.status) {
      throw new ConfigError(`suite "${name}" differs between shards (config or status)`, { file: label }, RERUN);
    }
    const positions = suite.positions ?? [];
    if (positions.length !== suite.cases.length) throw new ConfigError(`suite "${name}" has no case positions`, { file: label }, 'shards are written by `evalgate run --shard i/n`');
    suite.cases.forEach((testCase, at) => {
      const position = positions[at] as number;
      if (slots[position]) throw new ConfigError(`suite "${name}": case position ${position} in two shards`, { file: label }, RERUN);
      slots[position] = testCase;
    });
  }
  const cases = slots.filter((testCase): testCase is CaseResult => testCase !== undefined);
  if (cases.length !== slots.length) throw new ConfigError(`suite "${name}": ${slots.length - cases.length} cases missing from the shards`, {}, RERUN);
  const calls = sumCalls(pieces.map(({ suite }) => suite.calls));
  return { ...header, ...(calls ? { calls } : {}), cases };
}

/** Every shard's model-call overhead, added up (undefined when no shard had any). */
function sumCalls(parts: (ModelCallCosts | undefined)[]): ModelCallCosts | undefined {
  const present = parts.filter((part): part is ModelCallCosts => part !== undefined);
  if (present.length === 0) return undefined;
  const total = (key: keyof ModelCallCosts) => present.reduce((sum, part) => sum + part[key], 0);
  return { retries: total('retries'), retryWaitMs: total('retryWaitMs'), rateLimitWaits: total('rateLimitWaits'), rateLimitWaitMs: total('rateLimitWaitMs'), hedges: total('hedges') };
}

function mergeRun(runs: RunMetadata[]): Omit<RunMetadata, 'models'> {
  const [first] = runs as [RunMetadata];
  const caches = runs.flatMap((run) => (run.cache ? [run.cache] : []));
  return {
    date: runs.map((run) => run.date).sort()[0] ?? first.date,
    ...(first.commit ? { commit: first.commit } : {}),
    ...(first.ref ? { ref: first.ref } : {}),
    ...(first.judgeModel ? { judgeModel: first.judgeModel } : {}),
    durationMs: Math.max(...runs.map((run) => run.durationMs)),
    ...(caches.length ? { cache: { hits: caches.reduce((sum, cache) => sum + cache.hits, 0), misses: caches.reduce((sum, cache) => sum + cache.misses, 0) } } : {}),
  };
}

/**
 * `evalgate merge`: the shards of one run → the results document an unsharded run writes
 * (suites and cases in their original order). The wall time is the slowest shard's.
 */
export function mergeShards(parts: readonly ShardPart[]): ResultsFile {
  checkShardSet(parts);
  const sorted = [...parts].sort((a, b) => shardOf(a).index - shardOf(b).index);
  const names = sorted[0]?.results.suites.map((suite) => suite.name) ?? [];
  for (const part of sorted) {
    const theirs = part.results.suites.map((suite) => suite.name);
    if (theirs.join('\n') !== names.join('\n')) {
      throw new ConfigError(`the suites differ between shards (${theirs.join(', ')} vs ${names.join(', ')})`, { file: part.label }, RERUN);
    }
  }
  const suites = names.map((name, index) =>
    mergeSuite(name, sorted.map((part) => ({ label: part.label, suite: part.results.suites[index] as SuiteResult }))),
  );
  return resultsDocument(mergeRun(sorted.map((part) => part.results.run)), suites);
}
