import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/core/atomic-write.js';

it('replaces a file in one step and leaves no temp file behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-atomic-'));
  const target = join(dir, 'nested/baseline.json');
  await writeFileAtomic(target, '{"v":1}\n');
  await writeFileAtomic(target, '{"v":2}\n');
  expect(readFileSync(target, 'utf8')).toBe('{"v":2}\n');
  expect(readdirSync(join(dir, 'nested'))).toEqual(['baseline.json']);
});

it('keeps the old file whole and removes its temp file when the write cannot finish', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-atomic-'));
  writeFileSync(join(dir, 'results.json'), 'old');
  // A directory in the way of the rename: the new content can never land.
  mkdirSync(join(dir, 'blocked'));
  writeFileSync(join(dir, 'blocked/keep'), '');
  await expect(writeFileAtomic(join(dir, 'blocked'), 'new')).rejects.toThrow();
  expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('old');
  expect(readdirSync(dir).sort()).toEqual(['blocked', 'results.json']);
});
