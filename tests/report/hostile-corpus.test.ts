import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { commentMarker, renderComment } from '../../src/report/comment.js';
import { escapeCodeSpan, escapeLogLine, escapeMarkdownInline, escapeMarkdownText, escapeTableCell, escapeTerminal, fencedBlock, guardWorkflowCommands } from '../../src/report/escape.js';
import { renderSummary } from '../../src/report/summary.js';
import { renderTerminalTable } from '../../src/report/terminal.js';
import { binary, results, suite } from '../compare/build.js';
import { commandViolations, HOSTILE, logViolations, markdownViolations } from '../support/hostile.js';
import { gfmViolations } from '../support/cmark-gfm.js';
import { CLI, runNode } from '../support/run-node.js';
import { pullRequestEvent, runAction } from '../support/action-run.js';
import { startGitHubServer } from '../support/github-server.js';

/**
 * Stage 2 of the fork flow renders a results file the fork controls: every string in it is
 * hostile. Each corpus string goes in as a suite name, a metric name, case ids, inputs, outputs,
 * an error and a note, through every renderer (comment, summary/report.md, terminal table) and
 * every log sink; then through dist/cli/index.js as a suite name, case ids and app output.
 */
function hostileComparison() {
  const suites = (failing: boolean) =>
    HOSTILE.map((text, index) => {
      const name = `${text} m${index}`;
      const cases = Array.from({ length: 30 }, (_, n) => ({ id: `${text} #${n}`, values: { [name]: failing && n < 20 ? 0 : 1 }, inputs: { q: text } }));
      return suite([...cases, { id: `${text} err`, values: {}, error: text }], [binary(name)], { name: text, file: `evals/${index}.eval.yaml` });
    });
  const comparison = compare(results(...suites(false)), results(...suites(true)));
  for (const suiteComparison of comparison.suites) suiteComparison.note = `${HOSTILE[0]} ${suiteComparison.name}`;
  return comparison;
}

describe('the hostile corpus through every renderer', () => {
  const comparison = hostileComparison();
  const notes = [...HOSTILE];

  it('regresses, so every section (metric table, case details, errors, notes) is rendered', () => {
    expect(comparison.verdict).toBe('fail');
    expect(comparison.suites.every((s) => s.regressedCases.length > 0 && s.erroredCases.length > 0)).toBe(true);
  });

  it('the PR comment: one marker, no HTML, mentions, bidi, controls, shifted columns or :: lines', () => {
    const body = renderComment(comparison, { marker: commentMarker('evals'), notes, runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(markdownViolations(body, { marker: 'x' })).toEqual([]);
    expect(body).toContain('actions/runs/1');
  });

  it('the job summary / report.md', () => {
    const summary = renderSummary(comparison, { notes, runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(markdownViolations(summary)).toEqual([]);
  });

  it('GitHub’s own parser (cmark-gfm, autolink extension) finds no link, element or reference from the data', () => {
    const runUrl = 'https://github.com/o/r/actions/runs/1';
    expect(gfmViolations('https://x.io @octocat #1 GH-2 a1b2c3d <img src=x>', []).map((problem) => problem.split(/[ :]/)[1])).toEqual(['link', '<img>', 'mention', 'issue', 'GH-', 'commit']);
    expect(gfmViolations(renderComment(comparison, { marker: commentMarker('evals'), notes, runUrl }), [runUrl])).toEqual([]);
    expect(gfmViolations(renderSummary(comparison, { notes, runUrl }), [runUrl])).toEqual([]);
  });

  it('the terminal table, with and without colour', () => {
    expect(logViolations(renderTerminalTable(comparison, { color: false }))).toEqual([]);
    const coloured = renderTerminalTable(comparison, { color: true }).replace(/\u001b\[\d+m/g, '');
    expect(logViolations(coloured)).toEqual([]);
  });

  it.each(HOSTILE.map((text) => [text]))('every sink function on %j', (text) => {
    for (const markdown of [escapeTableCell(text), escapeMarkdownInline(text), escapeMarkdownText(text), escapeCodeSpan(text), fencedBlock(text)]) {
      expect(markdownViolations(markdown)).toEqual([]);
    }
    for (const oneLine of [escapeTableCell(text), escapeMarkdownInline(text), escapeCodeSpan(text), escapeTerminal(text), escapeLogLine(text)]) {
      expect(oneLine).not.toMatch(/[\r\n\u2028\u2029]/);
    }
    expect(logViolations(escapeTerminal(text))).toEqual([]);
    expect(logViolations(escapeLogLine(text))).toEqual([]);
    // The last guard on CLI output (raw data, e.g. --format json): no command, whatever else.
    expect(commandViolations(guardWorkflowCommands(text))).toEqual([]);
  });
});

function hostileRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-hostile-'));
  mkdirSync(join(dir, 'evals/h'), { recursive: true });
  const name = HOSTILE.filter((text) => text.length < 100).join(' ~ ');
  writeFileSync(join(dir, 'evals/h/h.eval.yaml'), `name: ${JSON.stringify(name)}\nflow: { kind: command, command: node app.cjs }\ndata: cases.jsonl\nevaluators:\n  - { metric: icontains, expected: "{{answer}}" }\n`);
  writeFileSync(join(dir, 'evals/h/cases.jsonl'), HOSTILE.map((text, index) => JSON.stringify({ id: `${text} ${index}`, answer: text, fail: index % 5 === 0 })).join('\n'));
  writeFileSync(
    join(dir, 'evals/h/app.cjs'),
    "const v = JSON.parse(require('fs').readFileSync(0, 'utf8'));\nif (v.fail) { console.error(v.answer); process.exit(1); }\nconsole.log(JSON.stringify({ output: v.answer + ' ' + v.id }));\n",
  );
  return dir;
}

describe('the hostile corpus through dist/ (log lines, terminal, markdown, report.md, comment)', () => {
  it('CLI: suite name, case ids, outputs and errors never reach stdout/stderr raw', async () => {
    const dir = hostileRepo();
    for (const format of ['text', 'markdown']) {
      const result = await runNode(CLI, ['run', '--format', format], { cwd: dir, env: { NO_COLOR: '1' } });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('PWNED');
      expect(logViolations(result.stdout)).toEqual([]);
      expect(logViolations(result.stderr)).toEqual([]);
    }
    expect(markdownViolations(readFileSync(join(dir, '.evalgate/report.md'), 'utf8'))).toEqual([]);
  });

  it('action: the workflow log, the job summary and the comment GitHub receives', async () => {
    const github = await startGitHubServer();
    try {
      const dir = hostileRepo();
      const result = await runAction({ cwd: dir, event: 'pull_request', payload: pullRequestEvent({ number: 3, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) }), apiUrl: github.url, sha: 'c'.repeat(40), ref: 'refs/pull/3/merge' });
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toContain('PWNED');
      expect(logViolations(result.stdout)).toEqual([]);
      expect(markdownViolations(result.summary)).toEqual([]);
      expect(markdownViolations(github.comments[0]?.body ?? '', { marker: 'x' })).toEqual([]);
    } finally {
      await github.close();
    }
  });
});
