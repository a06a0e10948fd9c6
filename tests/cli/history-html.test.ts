import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { CLI, runNode } from '../support/run-node.js';

describe('parsing history, --html and --format junit', () => {
  it('parses `history` with its defaults and flags, and rejects bad values', () => {
    expect(parseCommand(['history'], '/repo')).toEqual({ name: 'history', cwd: '/repo', baseline: 'evals/baseline.json', limit: 20, format: 'text' });
    expect(parseCommand(['history', '-b', 'b.json', '-n', '5', '--format', 'markdown', '--cwd', '/x'], '/repo')).toEqual({ name: 'history', cwd: '/x', baseline: 'b.json', limit: 5, format: 'markdown' });
    expect(() => parseCommand(['history', '--limit', '0'], '/')).toThrow(/--limit must be a whole number ≥ 1, got "0"/);
    expect(() => parseCommand(['history', '--format', 'junit'], '/')).toThrow(/--format must be one of text, markdown, json/);
    expect(() => parseCommand(['history', '--bogus'], '/')).toThrow(/Unknown option '--bogus'/);
  });

  it('takes --html and --format junit on run and compare', () => {
    expect(parseCommand(['run', '--html', 'r.html', '--format', 'junit'], '/')).toMatchObject({ flags: { html: 'r.html', format: 'junit' } });
    expect(parseCommand(['compare', 'a.json', 'b.json', '--html', 'r.html'], '/')).toMatchObject({ html: 'r.html', format: 'text' });
  });
});

/** The bundled CLI in a git clone of the offline example suite, the baseline committed twice. */
describe('evalgate history, run --html and --format junit (dist/cli under Node 24)', () => {
  it('prints the trend of the committed baselines and writes the HTML and JUnit reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-cli-history-'));
    cpSync(new URL('../../evals/contoso-faq', import.meta.url), join(dir, 'evals/contoso-faq'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', ...args], { cwd: dir });
    git('init', '-q', '-b', 'main');
    const run = (...args: string[]) => runNode(CLI, args, { cwd: dir });

    expect((await run('run', '--update-baseline')).code).toBe(0);
    git('add', '.');
    git('commit', '-q', '-m', 'baseline 1');
    const app = join(dir, 'evals/contoso-faq/app.mjs');
    writeFileSync(app, readFileSync(app, 'utf8').replace('overlap(focus, sentence) - index * 0.01', '-index'));
    expect((await run('run', '--update-baseline')).code).toBe(0);
    git('add', '.');
    git('commit', '-q', '-m', 'baseline 2');

    const history = await run('history');
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/^suite\s+metric\s+trend\s+first\s+last\s+change\s+baselines\n/);
    expect(history.stdout).toMatch(/contoso-faq\s+f1\s+[▁-█]{2}\s+[\d.]+%\s+[\d.]+%\s+−[\d.]+ pts\s+2\n/);
    const markdown = await run('history', '--format', 'markdown', '--limit', '2');
    expect(markdown.stdout).toMatch(/^\*\*Trend over the last 2 runs\*\*\n\n```mermaid\nxychart-beta\n/);

    const junit = await run('run', '--html', '.evalgate/report.html', '--format', 'junit', '--fail-on', 'never');
    expect(junit.code).toBe(0);
    expect(junit.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="EvalGate (PASS|WARN|FAIL): /);
    expect(junit.stderr).toContain(`HTML report: ${join(dir, '.evalgate/report.html')}`);
    const html = readFileSync(join(dir, '.evalgate/report.html'), 'utf8');
    expect(html).toContain('<svg class="chart trend"');
    expect(html).toContain('id="evalgate-data"');

    const compared = await run('compare', 'evals/baseline.json', '.evalgate/results.json', '--html', 'compare.html', '--fail-on', 'never');
    expect(compared.code).toBe(0);
    expect(readFileSync(join(dir, 'compare.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('explains that history needs a git clone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-cli-nogit-'));
    const result = await runNode(CLI, ['history'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^evalgate: evals\/baseline\.json: cannot read the baseline's history with git \(fatal: not a git repository/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
