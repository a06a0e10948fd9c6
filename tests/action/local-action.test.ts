import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { NODE24, runProcess } from '../support/run-node.js';

/**
 * GitHub's local runner, `@github/local-action` (the actions/typescript-action convention:
 * `npm run local-action` = `local-action . src/action/main.ts .env`), runs src/action/main.ts
 * with its own stand-ins for @actions/core and @actions/cache — whose cache has no
 * `isFeatureAvailable` — and passes action.yml's defaults unexpanded (`${{ github.token }}`).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'node_modules/@github/local-action/bin/local-action.js');

/** local-action runs `npx tsx` and `npm ls` itself: node_modules/.bin first gives it Node 24. */
const localAction = (envFile: string) =>
  runProcess(NODE24, [BIN, '.', 'src/action/main.ts', envFile], {
    cwd: ROOT,
    env: { PATH: [join(ROOT, 'node_modules/.bin'), process.env.PATH].join(delimiter), HOME: process.env.HOME ?? '', NO_COLOR: '1' },
  });

it('an input left as an unexpanded workflow expression counts as unset', () => {
  const inputs = parseInputs((name) => (name === 'github-token' ? '${{ github.token }}' : ''));
  expect(inputs.githubToken).toBeUndefined();
});

it('runs under @github/local-action with the default `cache: true`: no crash, the response cache is skipped with a note', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-local-action-'));
  cpSync(join(ROOT, 'evals'), join(dir, 'evals'), { recursive: true });
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '');
  const envFile = join(dir, '.env');
  writeFileSync(
    envFile,
    [
      `INPUT_WORKING-DIRECTORY=${dir}`,
      'INPUT_SUITES=evals/contoso-faq/*.eval.yaml',
      'GITHUB_EVENT_NAME=workflow_dispatch',
      'GITHUB_REPOSITORY=contoso/outdoors-bot',
      `GITHUB_SHA=${'a'.repeat(40)}`,
      'GITHUB_REF=refs/heads/main',
      `GITHUB_STEP_SUMMARY=${summary}`,
    ].join('\n'),
  );
  const result = await localAction(envFile);
  const output = result.stdout + result.stderr;
  expect(output).not.toContain('internal error');
  expect(output).toContain("response cache: GitHub's cache service is not available here");
  // Its outputs table: the run compared with the local baseline (workflow_dispatch, no token).
  expect(output).toMatch(/'verdict'\s*│\s*'(pass|warn)'/);
  expect(result.code).toBe(0);
  expect(readFileSync(summary, 'utf8')).toContain('contoso-faq');
}, 240_000);
