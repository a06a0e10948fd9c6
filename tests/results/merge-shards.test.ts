import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { main } from '../../src/cli/main.js';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import { shardOf } from '../../src/engine/shard.js';
import { mergeShards } from '../../src/results/merge-shards.js';
import type { ResultsFile } from '../../src/results/types.js';

function exampleRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-shards-'));
  cpSync(new URL('../../evals/contoso-faq', import.meta.url), join(dir, 'evals/contoso-faq'), { recursive: true });
  return dir;
}

/** What may differ between two runs of the same offline suite: wall-clock times. */
function timeless(results: ResultsFile): unknown {
  return {
    ...results,
    run: { ...results.run, date: '', durationMs: 0 },
    suites: results.suites.map((suite) => ({ ...suite, cases: suite.cases.map((testCase) => ({ ...testCase, samples: testCase.samples.map((sample) => ({ ...sample, latencyMs: 0 })) })) })),
  };
}

const SUITES = ['evals/**/*.eval.yaml'];
let dir: string;
let unsharded: ResultsFile;
let shards: ResultsFile[];

beforeAll(async () => {
  dir = exampleRepo();
  unsharded = await runEvaluation({ suites: SUITES, cwd: dir, concurrency: 8 });
  shards = await Promise.all(Array.from({ length: 8 }, (_, index) => runEvaluation({ suites: SUITES, cwd: dir, concurrency: 8, shard: { index: index + 1, count: 8 } })));
}, 60_000);

describe('sharding and merging', () => {
  it('assigns every case to exactly one shard, stably by suite name and case id', () => {
    const ids = shards.flatMap((shard) => shard.suites[0]?.cases.map((testCase) => testCase.id) ?? []);
    expect(ids.sort()).toEqual(unsharded.suites[0]?.cases.map((testCase) => testCase.id).sort());
    expect(shards.filter((shard) => (shard.suites[0]?.cases.length ?? 0) > 0).length).toBeGreaterThan(4);
    expect(shardOf('contoso-faq', 'tent-capacity', 8)).toBe(shardOf('contoso-faq', 'tent-capacity', 8));
    expect(new Set(Array.from({ length: 200 }, (_, index) => shardOf('s', `case-${index}`, 8))).size).toBe(8);
  });

  it('8-way sharded + merged equals the unsharded run (cases in order) and compares identically', () => {
    const merged = mergeShards([...shards].reverse().map((results, index) => ({ label: `shard-${index}.json`, results })));
    expect(timeless(merged)).toEqual(timeless(unsharded));
    expect(merged.run.shard).toBeUndefined();
    expect(merged.run.durationMs).toBe(Math.max(...shards.map((shard) => shard.run.durationMs)));
    const viaMerge = compare(unsharded, merged);
    const direct = compare(unsharded, unsharded);
    expect(viaMerge.verdict).toBe(direct.verdict);
    expect(viaMerge.suites.map((suite) => suite.metrics.filter((metric) => metric.metric !== 'latency').map((metric) => [metric.metric, metric.status, metric.pr, metric.delta, metric.shared]))).toEqual(
      direct.suites.map((suite) => suite.metrics.filter((metric) => metric.metric !== 'latency').map((metric) => [metric.metric, metric.status, metric.pr, metric.delta, metric.shared])),
    );
  });

  it('refuses an incomplete, duplicated, mixed or unsharded set with a clear error', () => {
    const part = (index: number) => ({ label: `shard-${index + 1}.json`, results: shards[index] as ResultsFile });
    expect(() => mergeShards(shards.slice(1).map((_, index) => part(index + 1)))).toThrow(/shard 1\/8 missing/);
    expect(() => mergeShards([part(0), part(0)])).toThrow(/shard 1\/8 twice/);
    expect(() => mergeShards([{ label: 'full.json', results: unsharded }])).toThrow(/not a shard/);
    const other = { label: 'x.json', results: { ...(shards[1] as ResultsFile), run: { ...(shards[1] as ResultsFile).run, shard: { index: 2, count: 4 } } } };
    expect(() => mergeShards([part(0), other])).toThrow(/4-way/);
  });

  it('evalgate run --shard and evalgate merge, then compare', async () => {
    const io = { cwd: dir, env: {}, stdout: () => {}, stderr: () => {}, interactive: false };
    for (const index of [1, 2, 3]) expect(await main(['run', '--shard', `${index}/3`, '-o', `shards/${index}.json`], io)).toBe(0);
    expect(await main(['merge', 'shards/1.json', 'shards/2.json', 'shards/3.json', '-o', 'merged.json'], io)).toBe(0);
    const merged = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')) as ResultsFile;
    expect(timeless(merged)).toEqual(timeless({ ...unsharded, run: { ...unsharded.run } }));
    expect(await main(['merge', 'shards/1.json', 'shards/2.json', '-o', 'partial.json'], io)).toBe(2);
  });
});
