import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/core/atomic-write.js';

/** A pid no process has (Linux pids stay below 2^22). */
const DEAD_PID = 4_194_999;

describe('atomic writes clean up after themselves and after killed runs', () => {
  it('removes temp files of the same target left by a dead writer; keeps a live writer’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-atomic-'));
    const stale = [`.results.json.${DEAD_PID}-0a1b2c3d4e5f.tmp`, '.results.json.0a1b2c3d4e5f.tmp'];
    const live = `.results.json.${process.ppid}-ffffffffffff.tmp`;
    const other = `.report.md.${DEAD_PID}-0a1b2c3d4e5f.tmp`;
    for (const name of [...stale, live, other]) writeFileSync(join(dir, name), 'partial');
    await writeFileAtomic(join(dir, 'results.json'), '{}\n');
    expect(readdirSync(dir).sort()).toEqual([live, other, 'results.json'].sort());
  });
});
