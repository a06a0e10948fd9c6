import { describe, expect, it } from 'vitest';
import type { Comparison, MetricComparison, SuiteComparison } from '../../src/compare/types.js';
import { COMMENT_LIMIT, commentMarker, renderComment } from '../../src/report/comment.js';
import { renderSummary } from '../../src/report/summary.js';
import { renderTerminalTable } from '../../src/report/terminal.js';
import { escapeMarkdownInline } from '../../src/report/escape.js';

const metric = (name: string, family: MetricComparison['family'], extra: Partial<MetricComparison> = {}): MetricComparison => ({
  name, metric: name, family, scale: { kind: 'unit' }, direction: 'higher-is-better', gating: true, baseline: 0.9, pr: 0.8, delta: -0.1,
  ci: [-0.14, -0.06], pRaw: 0.0004, pHolm: 0.0012, improved: 1, regressed: 9, shared: 50, detectableDrop: 0.06, status: 'fail', reason: 'dropped 10.0 pts', ...extra,
});

const HOSTILE = '@org/team <img src=x onerror=alert(1)> | ``` <!-- evalgate:x --> [x](javascript:alert(1))';

function comparison(cases = 3, outputSize = 100): Comparison {
  const suite: SuiteComparison = {
    name: 'contoso-faq', file: 'evals/faq.eval.yaml', outcome: 'compared', verdict: 'fail', shared: 50,
    metrics: [
      metric('latency p50', 'latency', { scale: { kind: 'amount', unit: 'ms' }, baseline: 200, pr: 210, ratio: 1.05, ci: [0.98, 1.1], pRaw: null, pHolm: null, status: 'pass', reason: 'p50 ×1.05 (limit ×1.25)', detectableDrop: null }),
      metric('cost', 'cost', { scale: { kind: 'amount', unit: 'usd' }, baseline: 0.0123, pr: 0.0125, ratio: 1.02, ci: [1.0, 1.04], pRaw: null, pHolm: null, status: 'pass', reason: 'total ×1.02', detectableDrop: null }),
      metric('pii', 'harm', { scale: { kind: 'binary' }, direction: 'lower-is-better', baseline: 0, pr: 0, delta: 0, status: 'pass', reason: 'no significant change' }),
      metric('f1', 'quality'),
      metric('groundedness', 'honesty', { scale: { kind: 'likert', min: 1, max: 5 }, status: 'warn', reason: `could be noise ${HOSTILE}` }),
    ],
    added: [{ id: 'new-1', inputs: {} }],
    removed: [{ id: 'old-1', inputs: {}, wasFailing: true }],
    regressedCases: Array.from({ length: cases }, (_, index) => ({ id: `case-${index}`, inputs: { question: `q ${HOSTILE}` }, baselineOutput: `good ${'x'.repeat(outputSize)}`, prOutput: `bad ${HOSTILE} ${'y'.repeat(outputSize)}`, deltas: { f1: -0.5 }, drop: 0.5 })),
    erroredCases: [{ id: 'case-err', error: 'HTTP 500 @octocat', kind: 'infrastructure' }],
    metricErrors: [{ metric: 'groundedness', count: 4, cases: 4, messages: [{ message: `judge said ${HOSTILE}`, count: 4 }] }],
    gateChanges: ['this PR loosens f1 tolerance 0.05 → 0.5; takes effect after merge'],
    notComparable: [], gaps: [],
  };
  const skipped: SuiteComparison = { name: 'support-chat', file: 'evals/s.eval.yaml', outcome: 'skipped', note: 'needs a model API key', verdict: 'pass', shared: 0, metrics: [], added: [], removed: [], regressedCases: [], erroredCases: [], metricErrors: [], gateChanges: [], notComparable: [], gaps: [] };
  return { verdict: 'fail', hasBaseline: true, bootstrap: false, coverage: [], suites: [suite, skipped], regressions: 1, headline: `1 metric(s) regressed — contoso-faq › f1: dropped 10.0 pts ${HOSTILE}`, family: { alpha: 0.05, warnAlpha: 0.2, tests: 3 } };
}

describe('the PR comment', () => {
  const body = renderComment(comparison(), { marker: commentMarker('evals/**/*.eval.yaml'), runUrl: 'https://github.com/o/r/actions/runs/1' });

  it('starts with the hidden marker and the verdict in one line', () => {
    const [marker, verdict] = body.split('\n');
    expect(marker).toBe('<!-- evalgate:evals_____.eval.yaml -->');
    expect(verdict).toBe('## ❌ EvalGate: FAIL');
  });

  it('shows one table row per metric, grouped by family in the fixed order', () => {
    const families = body.split('\n').filter((line) => /^\| (quality|harm|honesty|cost|latency) \|/.test(line)).map((line) => line.split(' | ')[0]?.slice(2));
    expect(families).toEqual(['quality', 'harm', 'honesty', 'cost', 'latency']);
    expect(body).toContain('| quality | `f1` | 90.0% | 80.0% | −10.0 | −14.0 … −6.0 | <0.001 / 0.001 | 1 / 9 | ❌ dropped 10.0 pts |');
    expect(body).toContain('| cost | `cost` | $0.0123 | $0.0125 | ×1.02 | ×1.00 … ×1.04 |');
    expect(body).toContain('catches a drop of 6 points or more 8 times in 10 — about');
  });

  it('says a noise-free suite FAILs any measured drop of its tolerance, not what a test can detect', () => {
    const noiseFree = comparison();
    const suite = noiseFree.suites[0] as SuiteComparison;
    noiseFree.suites[0] = { ...suite, shared: 20, metrics: [metric('equals', 'quality', { shared: 20, detectableDrop: 0.05 })], regime: { kind: 'noise-free', metrics: ['equals'], reason: 'identical answers' } };
    const text = renderComment(noiseFree, { marker: commentMarker('evals') });
    expect(text).toContain('Its flow is noise-free, so a measured drop of 5 points or more in equals FAILs — 1 of 20 cases going from right to wrong.');
    expect(text).not.toContain('8 times in 10');
  });

  it('lists regressed cases in <details>, added/removed/errored cases and skipped suites', () => {
    expect(body).toContain('<details><summary>case-0 — f1 −50 pts</summary>');
    expect(body).toContain('**Added cases (1)**: `new-1`');
    expect(body).toContain('**Removed cases (1)**: `old-1` (was failing)');
    expect(body).toContain('Cases whose flow failed (1)');
    expect(body).toContain('### ⏭️ support-chat\n\nSkipped: needs a model API key');
  });

  it('escapes every piece of model output and case text', () => {
    expect(body.match(/<!-- evalgate/g)).toHaveLength(1);
    const outsideFences = body.replace(/(`{3,})text\n[\s\S]*?\n\1/g, '');
    expect(outsideFences).not.toContain('<img');
    expect(body).toContain('```text\nquestion: q @\u200dorg/team <img');
    expect(body).not.toMatch(/@(?!\u200d)(org|octocat)/);
    expect(outsideFences).not.toContain('](javascript:');
  });

  it('fits 65,536 characters, trimming case details first and saying so', () => {
    const big = comparison(10, 5000);
    const huge = renderComment({ ...big, suites: Array.from({ length: 40 }, (_, index) => ({ ...(big.suites[0] as SuiteComparison), name: `suite-${index}` })) }, { marker: commentMarker('x') });
    expect(huge.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(huge).toMatch(/Trimmed to fit 65,536 characters: (case outputs shortened|regressed-case details left out|case details and case lists left out)/);
    expect(huge).toContain('| quality | `f1` |');
  });

  it('the job summary has the same report with notes, within 1 MiB', () => {
    const summary = renderSummary(comparison(), { notes: ['The comment could not be posted (HTTP 403): fork'] });
    expect(summary).toContain('> [!NOTE]\n> The comment could not be posted \\(HTTP 403\\): fork');
    expect(summary).not.toContain('<!-- evalgate');
  });

  it('says when there is no baseline yet', () => {
    const first = renderComment({ ...comparison(), verdict: 'pass', hasBaseline: false, headline: 'no baseline yet: this run reports scores only and becomes the baseline when merged' }, { marker: '<!-- evalgate:x -->' });
    expect(first).toContain('## ✅ EvalGate: PASS');
    expect(first).toContain('no baseline yet');
  });
});

describe('the terminal table', () => {
  it('aligns columns, colours only on request and strips escape sequences from untrusted text', () => {
    const plain = renderTerminalTable(comparison(), { color: false });
    expect(plain).not.toContain('\u001b');
    expect(plain).toMatch(/quality\s+f1\s+90\.0%\s+80\.0%\s+−10\.0/);
    expect(plain.split('\n').at(-1)).toMatch(/^FAIL {2}1 metric\(s\) regressed/);
    const coloured = renderTerminalTable(comparison(), { color: true });
    expect(coloured).toContain('\u001b[31mFAIL\u001b[0m');
  });
});

describe('spend', () => {
  it('shows the flow’s cost against the baseline and the judges’ cost apart', () => {
    const base = comparison();
    const withSpend = { ...base, suites: [{ ...(base.suites[0] as SuiteComparison), spend: { flowUsd: 0.0123, evaluatorUsd: 0.004, baselineFlowUsd: 0.0119 } }] };
    const line = "Spend of this run: flow $0.0123 (baseline $0.0119) · judges and moderation $0.00400, not counted as the flow's cost.";
    expect(renderComment(withSpend, { marker: '<!-- evalgate:x -->' })).toContain(line);
    expect(renderTerminalTable(withSpend, { color: false })).toContain(line);
  });
});

describe('a suite the pull request stopped early', () => {
  const stoppedSuite = (sequential: SuiteComparison['sequential'], spend?: SuiteComparison['spend']): Comparison => {
    const base = comparison();
    return { ...base, suites: [{ ...(base.suites[0] as SuiteComparison), ...(sequential ? { sequential } : {}), ...(spend ? { spend } : {}) }] };
  };
  const stopped = {
    ran: 70, of: 200, staged: true,
    stopped: { decision: 'futile' as const, reason: 'stopped after 70 of 200 cases: a drop of ≥ 5.0 pts in f1 cannot become significant' },
    resampled: [{ id: 'case-7', samples: 3 }, { id: `case-${HOSTILE}`, samples: 3 }],
    calls: { made: 80, full: 200 },
  };

  it('says where and why it stopped, the calls and flow dollars saved and the re-sampled cases, method folded away — in the comment, the summary and the terminal', () => {
    const withStop = stoppedSuite(stopped, { flowUsd: 0.08, evaluatorUsd: 0, baselineFlowUsd: 0.2 });
    const body = renderComment(withStop, { marker: '<!-- evalgate:x -->' });
    expect(body).toContain('🏁 Stopped after 70 of 200 cases: a drop of ≥ 5.0 pts in f1 cannot become significant.');
    const calls = "80 of the 200 flow calls a full run makes: 120 saved (60 %, about $0.1200 of flow cost at this run's price per call).";
    expect(body).toContain(`🏁 ${escapeMarkdownInline(calls)}`);
    expect(body).toContain(`🏁 ${escapeMarkdownInline('2 case(s) ran with more samples, where the decision was close: case-7 (3 samples)')}`);
    expect(body).toContain('<details><summary>How stopping early works</summary>');
    expect(body).toContain(escapeMarkdownInline(`case-${HOSTILE} (3 samples).`));
    expect(renderSummary(withStop, {})).toContain('120 saved');
    const terminal = renderTerminalTable(withStop, { color: false });
    expect(terminal).toContain('  Stopped after 70 of 200 cases');
    expect(terminal).toContain(`  ${calls}`);
  });

  it('says nothing extra for a suite that ran every case, and no dollars without a price', () => {
    const ranAll = { ran: 200, of: 200, staged: false, resampled: [], calls: { made: 200, full: 200 } };
    expect(renderComment(stoppedSuite(ranAll), { marker: '<!-- evalgate:x -->' })).toBe(renderComment(stoppedSuite(undefined), { marker: '<!-- evalgate:x -->' }));
    expect(renderTerminalTable(stoppedSuite({ ...stopped, resampled: [] }), { color: false })).toContain('120 saved (60 %).');
  });
});
