import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runNode } from '../support/run-node.js';

/** The bundled CLI, run under Node 24 against a copy of the repo's own offline example suite. */
function exampleRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-cli-'));
  cpSync(new URL('../../evals/contoso-faq', import.meta.url), join(dir, 'evals/contoso-faq'), { recursive: true });
  return dir;
}

const run = (dir: string, ...args: string[]) => runNode(CLI, args, { cwd: dir });

describe('evalgate CLI (dist/cli/index.js under Node 24)', () => {
  it('runs, writes a baseline, then passes an unchanged run and fails a degraded one', async () => {
    const dir = exampleRepo();
    const first = await run(dir, 'run', '--update-baseline');
    expect(first.stderr).toContain('baseline updated: evals/baseline.json');
    expect(first.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'evals/baseline.json'), 'utf8'))).toMatchObject({ format: 'evalgate-results' });

    const same = await run(dir, 'run');
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('icontains');

    // A "one-word change" to the app: answer with the first sentence of the top entry only.
    const app = join(dir, 'evals/contoso-faq/app.mjs');
    writeFileSync(app, readFileSync(app, 'utf8').replace("overlap(focus, sentence) - index * 0.01", '-index'));
    const worse = await run(dir, 'run');
    expect(worse.code).toBe(1);
    expect(worse.stdout).toMatch(/fail/i);
    expect(readFileSync(join(dir, '.evalgate/report.md'), 'utf8')).toContain('icontains');

    const compared = await run(dir, 'compare', 'evals/baseline.json', '.evalgate/results.json', '--fail-on', 'never');
    expect(compared.code).toBe(0);
  });

  it("README's demo: an app variable passed with pass-env changes the bot, and the gate fails it", async () => {
    const dir = exampleRepo();
    expect((await run(dir, 'run', '--update-baseline')).code).toBe(0);
    const wordier = await runNode(CLI, ['run'], { cwd: dir, env: { ANSWER_SENTENCES: '2' } });
    expect(wordier.code).toBe(1);
    expect(wordier.stdout).toMatch(/f1 .* FAIL/);
  });

  it('the quickstart on an unchanged clone: PASS without a warning, the method one flag (and one click) away', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-clone-'));
    cpSync(new URL('../../evals', import.meta.url), join(dir, 'evals'), { recursive: true });
    const plain = await run(dir, 'run');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^PASS {2}/m);
    // The table's p column (raw / Holm-adjusted) is the one place the method shows by default.
    expect(plain.stdout.replace('p raw/Holm', '')).not.toMatch(/\bwarn\b|error budget|Holm|α/i);
    expect(plain.stdout).toContain('(--explain: how sure, and how the gate decided)');
    const report = readFileSync(join(dir, '.evalgate/report.md'), 'utf8');
    expect(report.split('<details><summary>How sure, and how EvalGate decided</summary>')[0]?.replace('p (raw / Holm)', '')).not.toMatch(/warn|⚠️|error budget|Holm|α/i);
    expect(report).toMatch(/<details><summary>How sure, and how EvalGate decided<\/summary>\n\n\d+ gating test\\\(s\\\) share one error budget/);
    const explained = await run(dir, 'run', '--explain');
    // α = 5 % in all; a run that may stop early says what its early looks spend of it (docs/gate.md).
    expect(explained.stdout).toMatch(/How sure, and how the gate decided:\n {2}\d+ gating test\(s\) share one error budget α = 5 % \(Holm(?:, of which 0\.5 % pays for the early FAIL looks of a run that stops when its verdict is known and 4\.5 % for the final look)?\)/);
    expect(explained.stdout).toContain('contoso-faq: With 40 shared cases this suite catches a drop of');
  });

  it('runs a narrower selection against the same part of the baseline', async () => {
    const dir = exampleRepo();
    expect((await run(dir, 'run', '--update-baseline')).code).toBe(0);
    const narrow = await run(dir, 'run', '--filter', 'tent-*', '--metric', 'f1', '--format', 'json');
    expect(narrow.code).toBe(0);
    const comparison = JSON.parse(narrow.stdout) as { suites: { name: string; removed: unknown[]; metrics: { name: string }[] }[] };
    expect(comparison.suites.map((suite) => suite.name)).toEqual(['contoso-faq']);
    expect(comparison.suites[0]?.removed).toEqual([]);
    expect(comparison.suites[0]?.metrics.map((metric) => metric.name)).toEqual(['f1']);
  });

  describe('bad input: one clear line, exit code 2, no stack trace, no half-written file', () => {
    const cases: [string, (dir: string) => void, RegExp][] = [
      ['malformed YAML', (dir) => writeFileSync(join(dir, 'evals/contoso-faq/faq.eval.yaml'), 'name: x\nflow: [unclosed\n'), /faq\.eval\.yaml:\d+/],
      ['unknown metric', (dir) => edit(dir, 'faq.eval.yaml', '{ metric: f1,', '{ metric: f11,'), /unknown metric "f11".*f1/],
      ['missing data file', (dir) => edit(dir, 'faq.eval.yaml', 'data: cases.jsonl', 'data: missing.jsonl'), /missing\.jsonl/],
      ['bad JSONL line', (dir) => edit(dir, 'cases.jsonl', '{"id":"tent-capacity"', '{"id":tent-capacity'), /cases\.jsonl:2/],
      ['missing template variable', (dir) => edit(dir, 'faq.eval.yaml', '"{{answer}}" }   #', '"{{answers}}" }   #'), /answers/],
      ['corrupt baseline', (dir) => writeFileSync(join(dir, 'evals/baseline.json'), '{"format":"evalgate-results","version":1,'), /baseline\.json/],
    ];

    it.each(cases)('%s', async (_name, breakIt, message) => {
      const dir = exampleRepo();
      breakIt(dir);
      const result = await run(dir, 'run');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr.trim().split('\n').filter((line) => line.startsWith('evalgate:'))).toHaveLength(1);
      expect(existsSync(join(dir, '.evalgate/results.json'))).toBe(false);
      expect(existsSync(join(dir, '.evalgate')) ? readdirSync(join(dir, '.evalgate')) : []).toEqual([]);
    });
  });

  it('explains usage errors with exit code 2', async () => {
    const dir = exampleRepo();
    const result = await run(dir, 'run', '--concurrency', 'lots');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--concurrency must be a whole number');
  });
});

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, 'evals/contoso-faq', file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture edit: "${from}" not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}
