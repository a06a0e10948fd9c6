import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binary, likert, results, suite } from '../compare/build.js';
import { CLI, runNode } from '../support/run-node.js';

/** The bundled CLI, run under Node 24 against a copy of the repo's offline example suite. */
function exampleRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-gate-'));
  cpSync(new URL('../../evals/contoso-faq', import.meta.url), join(dir, 'evals/contoso-faq'), { recursive: true });
  return dir;
}

const run = (dir: string, ...args: string[]) => runNode(CLI, args, { cwd: dir });
const edit = (dir: string, file: string, from: string, to: string) => {
  const path = join(dir, 'evals/contoso-faq', file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
};

describe('the gate end to end (dist/cli/index.js)', () => {
  it('a PR that loosens its own tolerance and floor is still judged by the baseline’s gate, and says so', async () => {
    const dir = exampleRepo();
    expect((await run(dir, 'run', '--update-baseline')).code).toBe(0);
    edit(dir, 'app.mjs', 'overlap(focus, sentence) - index * 0.01', '-index');
    edit(dir, 'faq.eval.yaml', 'tolerance: 0.05\n  icontains: { min: 0.8 }', 'tolerance: 0.9\n  icontains: { min: 0 }');
    const loosened = await run(dir, 'run');
    expect(loosened.code).toBe(1);
    expect(loosened.stdout).toContain('this PR loosens the suite tolerance 0.05 → 0.9; takes effect after merge');
    expect(loosened.stdout).toContain('this PR loosens icontains min 0.8 → 0; takes effect after merge');
    expect(readFileSync(join(dir, '.evalgate/report.md'), 'utf8')).toContain('loosens icontains min');
  });

  it('a run whose app hung everywhere never replaces the baseline', async () => {
    const dir = exampleRepo();
    expect((await run(dir, 'run', '--update-baseline')).code).toBe(0);
    const good = readFileSync(join(dir, 'evals/baseline.json'), 'utf8');
    edit(dir, 'faq.eval.yaml', 'timeout: 10s', 'timeout: 1s');
    writeFileSync(join(dir, 'evals/contoso-faq/app.mjs'), 'setTimeout(() => {}, 5000);\n');
    const poisoned = await run(dir, 'run', '--update-baseline', '--concurrency', '20');
    expect(poisoned.stderr).toMatch(/= contoso-faq: kept the previous entry — this run failed on every case \(the command timed out after 1000 ms\)/);
    expect(poisoned.stderr).toContain('baseline not updated: no suite ran cleanly');
    expect(readFileSync(join(dir, 'evals/baseline.json'), 'utf8')).toBe(good);
  }, 60_000);

  it('a judge outage in the PR is incomplete (exit 1), named, never FAIL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-outage-'));
    const metrics = [likert('relevance'), binary('exact')];
    const cases = Array.from({ length: 60 }, (_, index) => ({ id: `c${index}`, values: { relevance: 5, exact: 1 } }));
    const pr = suite(cases, metrics);
    for (const testCase of pr.cases) for (const sample of testCase.samples) sample.scores.relevance = { status: 'error', error: 'judge: HTTP 401 invalid_api_key' };
    writeFileSync(join(dir, 'base.json'), JSON.stringify(results(suite(cases, metrics))));
    writeFileSync(join(dir, 'pr.json'), JSON.stringify(results(pr)));
    const compared = await run(dir, 'compare', 'base.json', 'pr.json');
    expect(compared.code).toBe(1);
    expect(compared.stdout).toMatch(/INCOMPLETE {2}not everything was compared \(1\): suite › relevance: errored: errors on 60 of 60 cases \(judge: HTTP 401 invalid_api_key\)/);
    expect(compared.stdout).toContain('relevance could not be evaluated (errors, not a regression): judge: HTTP 401 invalid_api_key');
    expect(compared.stdout).not.toMatch(/\bFAIL\b/);
  });
});
