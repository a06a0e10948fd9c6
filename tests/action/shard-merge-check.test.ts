import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkShardMerge } from '../../src/action/shard-merge-check.js';
import { shardedWorkflow } from '../support/action-run.js';

const env = (merge: Parameters<typeof shardedWorkflow>[1]) => {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-shard-check-'));
  return { dir, env: { ...shardedWorkflow(dir, merge), GITHUB_REPOSITORY: 'contoso/outdoors-bot' } };
};

describe('a shard job needs a merge job after it', () => {
  it('passes when a job runs merge-results and needs the shard job', () => {
    const { dir, env: vars } = env({ needs: ['lint', 'evals'] });
    expect(checkShardMerge(vars, dir, '2/4')).toBeUndefined();
  });

  it('is a configuration error with no merge job, saying the check would be green with nothing gated and how to fix it', () => {
    const { dir, env: vars } = env(false);
    expect(() => checkShardMerge(vars, dir, '2/4')).toThrow(/shard: 2\/4` with no merge job.*nothing gated/);
    expect(() => checkShardMerge(vars, dir, '2/4')).toThrow(expect.objectContaining({ hint: expect.stringContaining('needs: [evals]') }));
  });

  it('is a configuration error when the merge job does not wait for the shards', () => {
    const { dir, env: vars } = env({ needs: ['lint'] });
    expect(() => checkShardMerge(vars, dir, '1/4')).toThrow(/merge job \(merge\) does not list `evals` in its `needs:`/);
  });

  it('warns when the workflow file is not in the checkout (it cannot be checked)', () => {
    const { dir } = env(false);
    expect(checkShardMerge({ GITHUB_REPOSITORY: 'contoso/outdoors-bot', GITHUB_JOB: 'evals', GITHUB_WORKFLOW_REF: 'contoso/outdoors-bot/.github/workflows/other.yml@refs/heads/main', GITHUB_WORKSPACE: dir }, dir, '1/4')).toMatch(/could not read this workflow's file/);
  });
});
