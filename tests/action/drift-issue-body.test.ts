import { describe, expect, it } from 'vitest';
import type { Comparison, MetricComparison, SuiteComparison } from '../../src/compare/types.js';
import { composeBody, driftMarker, ISSUE_BODY_LIMIT, readRuns } from '../../src/action/drift/issue-body.js';
import { isDriftRun } from '../../src/action/drift/monitor.js';
import { renderDriftRun } from '../../src/action/drift/run-entry.js';

const HOSTILE = '@org/team <img src=x onerror=alert(1)> | ``` <!-- evalgate-drift:x --> [x](javascript:alert(1))';

const metric = (name: string, extra: Partial<MetricComparison> = {}): MetricComparison => ({
  name, metric: name, family: 'quality', scale: { kind: 'unit' }, direction: 'higher-is-better', gating: true, baseline: 0.9, pr: 0.8, delta: -0.1,
  ci: [-0.14, -0.06], pRaw: 0.0004, pHolm: 0.0012, improved: 1, regressed: 9, shared: 50, detectableDrop: 0.06, status: 'fail', reason: 'dropped 10.0 pts', ...extra,
});

function comparison(extra: Partial<Comparison> = {}): Comparison {
  const suite: SuiteComparison = {
    name: `faq ${HOSTILE}`, file: 'evals/faq.eval.yaml', outcome: 'compared', verdict: 'fail', shared: 50,
    metrics: [metric('f1'), metric('pii', { status: 'pass' }), metric('rubric', { status: 'warn', reason: `maybe ${HOSTILE}` })],
    added: [], removed: [], regressedCases: [], erroredCases: [], metricErrors: [], gateChanges: [], notComparable: [], gaps: [],
  };
  return { verdict: 'fail', hasBaseline: true, bootstrap: false, coverage: [], suites: [suite], regressions: 1, headline: `1 metric(s) regressed ${HOSTILE}`, family: { alpha: 0.05, warnAlpha: 0.2, tests: 3 }, ...extra };
}

const run = (commit: string) => renderDriftRun({ date: '2026-11-25T06:00:12.345Z', commit, runUrl: 'https://github.com/o/r/actions/runs/9', comparison: comparison() });

describe('a drift run section', () => {
  const section = run('abcdef0123456789');

  it('heads with verdict, time, commit and run link, then a row per metric that did not pass', () => {
    expect(section.split('\n')[0]).toBe('### ❌ FAIL · 2026-11-25 06:00 UTC · commit `abcdef0` · [workflow run](https://github.com/o/r/actions/runs/9)');
    expect(section).toMatch(/\| `f1` \| 90\.0% \| 80\.0% \| −10\.0 \| ❌ dropped 10\.0 pts \|/);
    expect(section).toContain('⚠️ maybe');
    expect(section).not.toContain('`pii`');
  });

  it('escapes untrusted text: no HTML, mention, link, fence or marker survives', () => {
    expect(section).not.toMatch(/<img|<!--|@org|\]\(javascript|```/);
    expect(section.split('\n').filter((line) => line.startsWith('|')).every((line) => line.split(/(?<!\\)\|/).length === 8)).toBe(true);
  });
});

describe('the drift issue body', () => {
  const marker = driftMarker('evals/**/*.eval.yaml');

  it('starts with the marker and keeps the runs newest first', () => {
    const first = composeBody({ marker, baseline: 'evals/baseline.json', newRun: run('1111111') });
    const second = composeBody({ marker, baseline: 'evals/baseline.json', newRun: run('2222222'), previous: first });
    expect(second.startsWith(`${marker}\n`)).toBe(true);
    expect(readRuns(second).runs.map((section) => /commit `(\d+)`/.exec(section)?.[1])).toEqual(['2222222', '1111111']);
  });

  it('reads back a body edited on github.com (CRLF line ends) without losing runs', () => {
    const edited = composeBody({ marker, baseline: 'evals/baseline.json', newRun: run('1111111') }).replace(/\n/g, '\r\n');
    const next = composeBody({ marker, baseline: 'evals/baseline.json', newRun: run('2222222'), previous: edited });
    expect(readRuns(next).runs).toHaveLength(2);
  });

  it('drops the oldest runs to fit GitHub’s 65,536-character limit, and says how many', () => {
    let body: string | undefined;
    for (let index = 0; index < 80; index += 1) {
      body = composeBody({ marker, baseline: 'evals/baseline.json', newRun: `${run(String(index).padStart(7, '0'))}\n${'x'.repeat(2000)}`, ...(body === undefined ? {} : { previous: body }) });
      expect(body.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    }
    const { runs, trimmed } = readRuns(body ?? '');
    expect(runs[0]).toContain('commit `0000079`');
    expect(runs.length + trimmed).toBe(80);
    expect(trimmed).toBeGreaterThan(0);
    expect(body).toContain(`_${trimmed} older run(s) were dropped`);
  });
});

describe('when to alert', () => {
  it('runs on schedule and workflow_dispatch only', () => {
    expect(['schedule', 'workflow_dispatch', 'push', 'pull_request'].map((name) => isDriftRun({ name }))).toEqual([true, true, false, false]);
  });
});
