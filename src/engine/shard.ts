import { ConfigError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import type { Suite } from '../suites/types.js';

/** `--shard 2/8`: this job runs the second of eight parts of every suite's cases. */
export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string, source: string): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new ConfigError(`${source} must be INDEX/COUNT with 1 ≤ INDEX ≤ COUNT (e.g. 2/8), got "${text}"`, {}, 'on a matrix: shard: ${{ matrix.shard }}/8');
  }
  return { index, count };
}

/** Stable: a case stays in its shard whatever else changes in the data (hash of suite name + case id). */
export function shardOf(suite: string, caseId: string, count: number): number {
  return (Number.parseInt(sha256(`${suite}\u0000${caseId}`).slice(0, 12), 16) % count) + 1;
}

/** The suite with only this shard's cases, and where each sat in the full list (for merging). */
export function shardSuite(suite: Suite, shard: ShardSpec): { suite: Suite; positions: number[] } {
  const positions: number[] = [];
  const cases = suite.cases.filter((testCase, position) => {
    const mine = shardOf(suite.name, testCase.id, shard.count) === shard.index;
    if (mine) positions.push(position);
    return mine;
  });
  return { suite: { ...suite, cases }, positions };
}
