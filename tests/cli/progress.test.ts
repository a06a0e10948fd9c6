import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const CLEAR = '\r\x1b[2K';

it('on a terminal, keeps one self-overwriting progress line and clears it before other output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-progress-'));
  cpSync(new URL('../../evals/contoso-faq', import.meta.url), join(dir, 'evals/contoso-faq'), { recursive: true });
  let stderr = '';
  const code = await main(['run'], { cwd: dir, env: {}, stdout: () => {}, stderr: (text) => (stderr += text), interactive: true });
  expect(code).toBe(0);
  const updates = [...stderr.matchAll(/\r\x1b\[2Kcontoso-faq {2}(\d+)\/(\d+)/g)].map((match) => Number(match[1]));
  expect(updates.length).toBeGreaterThan(1);
  expect(updates.at(-1)).toBe(40);
  expect(updates).toEqual([...updates].sort((a, b) => a - b));
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
