import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { progressLine, progressText } from '../../src/cli/progress.js';

const CLEAR = '\r\x1b[2K';

it('on a terminal, keeps one self-overwriting progress line and clears it before other output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-progress-'));
  cpSync(new URL('../../evals/contoso-faq', import.meta.url), join(dir, 'evals/contoso-faq'), { recursive: true });
  let stderr = '';
  const code = await main(['run'], { cwd: dir, env: {}, stdout: () => {}, stderr: (text) => (stderr += text), interactive: true });
  expect(code).toBe(0);
  const updates = [...stderr.matchAll(/\r\x1b\[2K(running|scoring) {2}(\d+)\/(\d+)/g)].map((match) => `${match[1]} ${match[2]}/${match[3]}`);
  expect(updates).toContain('running 40/40');
  expect(updates.at(-1)).toBe('scoring 40/40');
  // Every plain log line starts on a cleared line, so no progress text is left in front of it.
  expect(stderr).toMatch(new RegExp(`40/40${CLEAR.replace('[', '\\[')}`));
  expect(stderr.endsWith('\n')).toBe(true);
});

it('prints no control characters when stderr is not a terminal', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-progress-'));
  cpSync(new URL('../../evals/contoso-faq', import.meta.url), join(dir, 'evals/contoso-faq'), { recursive: true });
  let stderr = '';
  await main(['run'], { cwd: dir, env: {}, stdout: () => {}, stderr: (text) => (stderr += text), interactive: false });
  expect(stderr).not.toContain('\x1b');
  expect(stderr).toContain('results:');
});

it('redraws at most 10 times a second, always draws the final count, and shows retries, cache hits and ETA', () => {
  let clock = 0;
  const drawn: string[] = [];
  const line = progressLine((text) => drawn.push(text), () => clock);
  for (let done = 1; done <= 100; done += 1) {
    clock += 10;
    line.update({ phase: 'flows', done, total: 100, retries: 0, hedges: 0, cacheHits: 0 });
  }
  // 1 s of updates: one draw per 100 ms, plus the final one.
  expect(drawn.length).toBeLessThanOrEqual(11);
  expect(drawn.at(-1)).toBe('\r\x1b[2Krunning  100/100');
  expect(progressText({ phase: 'scoring', done: 25, total: 100, retries: 3, hedges: 2, cacheHits: 40 }, 5000)).toBe('scoring  25/100 · 3 retries · 2 hedged · 40 cached · ETA 15s');
  expect(progressText({ phase: 'flows', done: 1, total: 1000, retries: 1, hedges: 0, cacheHits: 0 }, 1000)).toBe('running  1/1000 · 1 retry · ETA 16m39s');
});
