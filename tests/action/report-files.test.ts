import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { ResultsFile } from '../../src/results/types.js';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import { fixtureRepo, pullRequestEvent, pushEvent, runAction } from '../support/action-run.js';

/** The action's report files (HTML, JUnit) and the trend read from the baseline's commits. */
let github: GitHubServer;
const BASELINE = 'evals/baseline.json';
const sha = (digit: string) => digit.repeat(40);

beforeAll(async () => {
  github = await startGitHubServer();
});
afterAll(() => github.close());

describe('the action writes the HTML and JUnit reports and shows the trend', () => {
  it('on a PR whose base has three baseline versions: trend in comment and summary, report.html, junit.xml', async () => {
    const first = await runAction({ cwd: fixtureRepo(), event: 'push', payload: pushEvent({ before: sha('0'), after: sha('1') }), apiUrl: github.url, sha: sha('1'), ref: 'refs/heads/main' });
    expect(first.code).toBe(0);
    expect(first.outputs.junit).toMatch(/\.evalgate\/junit\.xml$/);
    const baseline = JSON.parse(github.commits[0]?.content ?? '{}') as ResultsFile;
    // Three versions of the baseline on main, the f1 scores a little lower in the older ones.
    const older = (scale: number): ResultsFile => ({
      ...baseline,
      suites: baseline.suites.map((suite) => ({ ...suite, cases: suite.cases.map((testCase) => ({ ...testCase, samples: testCase.samples.map((one) => ({ ...one, scores: { ...one.scores, f1: { status: 'ok' as const, value: (one.scores.f1?.value ?? 0) * scale } } })) })) })),
    });
    const versions: [string, ResultsFile][] = [[sha('2'), older(0.8)], [sha('3'), older(0.9)], [sha('4'), baseline]];
    versions.forEach(([commit, results], index) => {
      github.log.push({ sha: commit, date: `2026-11-2${index}T10:00:00Z`, branch: 'main', paths: [BASELINE] });
      github.files.set(`${commit}:${BASELINE}`, JSON.stringify(results));
    });

    const dir = fixtureRepo();
    const result = await runAction({ cwd: dir, event: 'pull_request', payload: pullRequestEvent({ number: 21, baseSha: sha('4'), headSha: sha('b') }), apiUrl: github.url, sha: sha('c'), ref: 'refs/pull/21/merge' });
    expect(result.code).toBe(0);
    expect(github.requests).toContain(`GET /repos/contoso/outdoors-bot/commits?path=evals%2Fbaseline.json&sha=${sha('4')}&per_page=20`);
    expect(result.summary).toContain('**Trend over the last 4 runs**');
    expect(result.summary).toMatch(/```mermaid\nxychart-beta\n {2}title "contoso-faq › f1: [\d.]+% to [\d.]+%"\n {2}x-axis \["2222222", "3333333", "4444444", "this run"\]/);
    expect(github.comments.find((comment) => comment.issue === 21)?.body).toContain('```mermaid\nxychart-beta');

    expect(result.outputs['html-report']).toBe(join(dir, '.evalgate/report.html'));
    const html = readFileSync(result.outputs['html-report'] ?? '', 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<svg class="chart trend"');
    expect(html).toContain('contoso-faq');

    expect(result.outputs.junit).toBe(join(dir, '.evalgate/junit.xml'));
    const junit = readFileSync(result.outputs.junit ?? '', 'utf8');
    const xsd = readFileSync(new URL('../report/fixtures/junit.xsd', import.meta.url), 'utf8');
    const validation = await validateXML({ xml: [{ fileName: 'junit.xml', contents: junit }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
    expect(validation.errors).toEqual([]);
    expect(junit).toContain('<testcase name="f1" classname="contoso-faq"');
    expect(github.violations).toEqual([]);
  });

  it('without history (a base with no commits of the baseline) shows no trend and still writes both files', async () => {
    const dir = fixtureRepo();
    const result = await runAction({ cwd: dir, event: 'pull_request', payload: pullRequestEvent({ number: 22, baseSha: sha('1'), headSha: sha('b') }), apiUrl: github.url, sha: sha('c'), ref: 'refs/pull/22/merge' });
    expect(result.code).toBe(0);
    expect(result.summary).not.toContain('```mermaid');
    expect(readFileSync(result.outputs['html-report'] ?? '', 'utf8')).not.toContain('chart trend');
    expect(readFileSync(result.outputs.junit ?? '', 'utf8')).toContain('<testsuites name="EvalGate PASS: nothing is gated yet');
  });
});
