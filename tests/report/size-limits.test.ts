import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { capText, TEXT_LIMITS } from '../../src/core/text-limits.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderGfm } from '../support/cmark-gfm.js';
import { markdownViolations } from '../support/hostile.js';
import { CLI, runNode } from '../support/run-node.js';
import type { Comparison, MetricComparison, SuiteComparison } from '../../src/compare/types.js';
import { COMMENT_LIMIT, commentMarker, renderComment } from '../../src/report/comment.js';
import { renderWithin } from '../../src/report/markdown.js';
import { renderSummary, SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js';

const CJK = '評価結果の説明文字列'.repeat(20);

const metric = (index: number): MetricComparison => ({
  name: `指標${index}`, metric: 'f1', family: 'quality', scale: { kind: 'unit' }, direction: 'higher-is-better', gating: true, baseline: 0.9, pr: 0.8, delta: -0.1,
  ci: [-0.14, -0.06], pRaw: 0.0004, pHolm: 0.0012, improved: 1, regressed: 9, shared: 50, detectableDrop: 0.06, status: 'fail', reason: CJK,
});

/** Enough CJK text that even the least detailed rendering is over both limits. */
function huge(): Comparison {
  const suites: SuiteComparison[] = Array.from({ length: 600 }, (_, index) => ({
    name: `スイート${index}`, file: `evals/${index}.eval.yaml`, outcome: 'compared', verdict: 'fail', shared: 50,
    metrics: Array.from({ length: 3 }, (_, m) => metric(m)), added: [], removed: [], regressedCases: [], erroredCases: [], metricErrors: [], gateChanges: [], notComparable: [], gaps: [],
  }));
  return { verdict: 'fail', hasBaseline: true, bootstrap: false, coverage: [], suites, regressions: 600, headline: '600 suites regressed', family: { alpha: 0.05, warnAlpha: 0.2, tests: 1800 } };
}



describe('size limits', () => {
  const comparison = huge();
  const runUrl = 'https://github.com/o/r/actions/runs/99';

  it('the job summary fits 1 MiB in UTF-8 bytes (CJK is 3 bytes a character) and keeps the footer', () => {
    const summary = renderSummary(comparison, { runUrl });
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(Buffer.byteLength(summary, 'utf8')).toBeGreaterThan(SUMMARY_LIMIT_BYTES * 0.9);
    expect(summary).toMatch(/…\(trimmed: the report is longer than this allows; see the full report\)\n\n---\n<sub>EvalGate · .*actions\/runs\/99\)<\/sub>$/);
  });

  it('the comment hard cut keeps whole lines, the footer and the run link', () => {
    const body = renderComment(comparison, { marker: commentMarker('evals'), runUrl });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith('<!-- evalgate:evals -->\n')).toBe(true);
    expect(body).toContain('[workflow run and job summary](https://github.com/o/r/actions/runs/99)');
    const lines = body.split('\n');
    const cut = lines.indexOf('…(trimmed: the report is longer than this allows; see the full report)');
    // Every line kept before the cut is a whole line of the untrimmed report.
    const whole = new Set(renderWithin(comparison, { runUrl }, Number.POSITIVE_INFINITY).split('\n'));
    expect(cut).toBeGreaterThan(10);
    expect(lines.slice(1, cut - 1).filter((line) => !whole.has(line))).toEqual([]);
  });
});

/**
 * An app whose answers are huge: a 12-million-character output, an 11-million-character stderr
 * line on a crash (longer than libxml2's 10,000,000-character text node), a 3-million-character
 * error line of many short lines, and an assertion whose reason is 5 million characters.
 */
const HUGE_APP = `
const vars = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
if (vars.id === 'loud') process.stderr.write('E'.repeat(11_000_000) + '\\n', () => process.exit(1));
else if (vars.id === 'chatty') process.stderr.write(Array.from({ length: 300_000 }, (_, i) => 'warning line ' + i + '\\n').join(''), () => process.exit(2));
else {
const output = vars.id === 'big' ? 'answer '.repeat(1_700_000) + 'the end' : 'a short answer';
process.stdout.write(JSON.stringify({ output, context: vars.id === 'big' ? 'ctx '.repeat(3_000_000) : 'c' }));
}
`;

function hugeRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-sizes-'));
  mkdirSync(join(dir, 'evals/huge'), { recursive: true });
  writeFileSync(join(dir, 'evals/huge/app.cjs'), HUGE_APP);
  writeFileSync(
    join(dir, 'evals/huge/huge.eval.yaml'),
    ['name: huge', 'flow: { kind: command, command: node app.cjs }', 'data: cases.jsonl', 'evaluators:', '  - { metric: icontains, expected: answer }', "  - { metric: javascript, code: \"({ pass: true, reason: 'r'.repeat(5e6) })\" }"].join('\n'),
  );
  writeFileSync(join(dir, 'evals/huge/cases.jsonl'), ['big', 'loud', 'chatty', 'ok'].map((id) => JSON.stringify({ id })).join('\n'));
  return dir;
}

describe('sizes: what is stored and rendered is capped, says so, and stays well-formed', () => {
  it('capText cuts at the limit, never inside a surrogate pair, and says how much it cut', () => {
    expect(capText('abc', 3)).toBe('abc');
    expect(capText('abcdef', 3)).toBe('abc …[cut by EvalGate: 3 more characters]');
    expect(capText('ab😀cd', 3)).toBe('ab …[cut by EvalGate: 4 more characters]');
  });

  it('a JUnit report of huge texts from a fork’s results stays readable for libxml2', async () => {
    const giant = 'x'.repeat(10_500_000);
    const comparison = { ...huge(), suites: [{ ...(huge().suites[0] as SuiteComparison), name: giant, erroredCases: [{ id: giant, error: `${giant}\n${giant}`, kind: 'application' as const }] }] };
    const xml = renderJunit(comparison);
    expect(xml.length).toBeLessThan(200_000);
    const checked = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: readFileSync(new URL('./fixtures/junit.xsd', import.meta.url), 'utf8') }] });
    expect(checked.errors).toEqual([]);
    expect(xml).toContain('cut by EvalGate');
  });

  it('through dist/cli: results.json, JUnit (libxml2), report.md (cmark-gfm) and the HTML report', async () => {
    const dir = hugeRepo();
    const result = await runNode(CLI, ['run', '--format', 'junit', '--html', '.evalgate/report.html'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(result.code, result.stderr.slice(0, 2000)).toBe(0);
    // Stored: the output and its context capped, the errors capped, the reason capped.
    const resultsPath = join(dir, '.evalgate/results.json');
    expect(statSync(resultsPath).size).toBeLessThan(1_000_000);
    const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
    const samples = Object.fromEntries(results.suites[0].cases.map((c: { id: string; samples: unknown[] }) => [c.id, c.samples[0]])) as Record<string, { output: string | null; context?: string; error?: string; scores: Record<string, { value?: number; reason?: string }> }>;
    expect(samples.big?.output?.length).toBeLessThan(TEXT_LIMITS.output + 100);
    expect(samples.big?.output).toMatch(/…\[cut by EvalGate: 11,\d{3},\d{3} more characters\]$/);
    expect(samples.big?.context).toContain('cut by EvalGate');
    // Scored on the whole text before it was cut.
    expect(samples.big?.scores.icontains?.value).toBe(1);
    expect(samples.big?.scores.javascript?.reason?.length).toBeLessThan(TEXT_LIMITS.reason + 100);
    expect(samples.loud?.error?.length).toBeLessThan(TEXT_LIMITS.error + 100);
    expect(samples.loud?.error).toMatch(/^the command exited with 1\nstderr:\n…\[10,934,465 earlier characters of stderr not kept\] E{500} …\[cut by EvalGate: 65,035 more characters\]$/);
    expect(samples.chatty?.error).toMatch(/^the command exited with 2\nstderr:\nwarning line 299980\n[\s\S]*warning line 299999$/);
    // JUnit on stdout: valid for a real libxml2.
    const checked = await validateXML({ xml: [{ fileName: 'junit.xml', contents: result.stdout }], schema: [{ fileName: 'junit.xsd', contents: readFileSync(new URL('./fixtures/junit.xsd', import.meta.url), 'utf8') }] });
    expect(checked.errors).toEqual([]);
    expect(result.stdout.length).toBeLessThan(200_000);
    // report.md: small, clean, and GitHub's parser closes every fence it opens.
    const report = readFileSync(join(dir, '.evalgate/report.md'), 'utf8');
    expect(report.length).toBeLessThan(200_000);
    expect(markdownViolations(report)).toEqual([]);
    const html = renderGfm(report);
    expect(html.split('<pre').length).toBe(html.split('</pre>').length);
    expect(html).not.toMatch(/<p>`{3,}/);
    // The HTML report: bounded, whole, the cut said.
    const page = readFileSync(join(dir, '.evalgate/report.html'), 'utf8');
    expect(page.length).toBeLessThan(3_000_000);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(page.split('<script').length).toBe(page.split('</script>').length);
    expect(page).toContain('cut by EvalGate');
  });
});
