import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html/index.js';
import { escapeHtml, jsonForScript, visibleText } from '../../src/report/html/safe-text.js';
import { wordDiff } from '../../src/report/html/word-diff.js';
import { compare } from '../../src/compare/index.js';
import { renderSummary } from '../../src/report/summary.js';
import { HOSTILE, hostileRuns } from './hostile-corpus.js';

describe('the HTML report page (as text)', () => {
  const { comparison, pr, baseline } = hostileRuns();
  const html = renderHtmlReport({ comparison, pr, baseline });
  const [, json = ''] = /<script type="application\/json" id="evalgate-data">([\s\S]*?)<\/script>/.exec(html) ?? [];

  it('is one self-contained file: two scripts (data, code), no external resource, a CSP that allows only its own script', () => {
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<[a-z][^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\//);
    const [, script = ''] = /<script>([\s\S]*?)<\/script>/.exec(html) ?? [];
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes every untrusted string outside the JSON block, which cannot close its script', () => {
    const outside = html.replace(json, '');
    for (const text of [HOSTILE.script, HOSTILE.img, HOSTILE.closeScript, HOSTILE.marker, HOSTILE.closeScriptUpper]) expect(outside).not.toContain(text);
    expect(outside).toContain(escapeHtml(HOSTILE.script));
    expect(json).not.toMatch(/<|>|\u2028|\u2029/);
    expect(JSON.parse(json).cases).toHaveLength(42);
    expect(html).not.toMatch(/\u202e|\r/);
  });

  it('shows the metric-diff table with the numbers of the Markdown report', () => {
    const markdown = renderSummary(comparison, {});
    for (const figure of ['100.0%', '74.4%', '−25.6', '−35.9 … −15.4', '82.2%', '73.7%', '−8.4', '×1.04', '420 ms']) {
      expect(markdown).toContain(figure);
      expect(html).toContain(figure);
    }
    expect(html.match(/<svg class="chart"/g)).toHaveLength(5);
  });

  it('says where a suite stopped early and why, escaped, with the method folded away; nothing for one that ran every case', () => {
    const [first, ...rest] = comparison.suites;
    const sequential = { ran: 70, of: 200, staged: false, stopped: { decision: 'futile' as const, reason: `stopped after 70 of 200 cases: ${HOSTILE.script}` }, resampled: [], calls: { made: 70, full: 200 } };
    const stopped = renderHtmlReport({ comparison: { ...comparison, suites: [{ ...(first as (typeof comparison.suites)[number]), sequential }, ...rest] }, pr, baseline });
    expect(stopped).toContain(`Stopped after 70 of 200 cases: ${escapeHtml(HOSTILE.script)}.`);
    expect(stopped).toContain('70 of the 200 flow calls a full run makes: 130 saved (65 %');
    expect(stopped).toContain('<summary>How stopping early works</summary>');
    expect(stopped).not.toContain(HOSTILE.script);
    expect(html).not.toContain('How stopping early works');
  });

  it('renders a first run (no baseline): every case added, distributions of this run only', () => {
    const first = renderHtmlReport({ comparison: compare(null, pr), pr, baseline: null });
    const data = JSON.parse(/id="evalgate-data">([\s\S]*?)<\/script>/.exec(first)?.[1] ?? '{}') as { cases: { status: string }[] };
    expect(new Set(data.cases.map((testCase) => testCase.status))).toEqual(new Set(['added', 'errored']));
    expect(first).toContain('baseline</dt><dd>none yet');
    // 41 cases ran; the one whose flow failed on the provider's side has no value to plot.
    expect(first).toContain('0 baseline / 40 PR cases');
  });

  it('safe-text helpers: control characters, lone CR, bidi marks, script-safe JSON', () => {
    expect(visibleText('a\rb\r\nc\u0007\u202Ed')).toBe('a\nb\nc⟨U+202E⟩d');
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
    expect(jsonForScript({ text: '</script><!-- \u2028\u2029 &' })).toBe('{"text":"\\u003c/script\\u003e\\u003c!-- \\u2028\\u2029 \\u0026"}');
    expect(JSON.parse(jsonForScript({ text: '</script>\u2028' })).text).toBe('</script>\u2028');
  });

  it('word-level diffs: none for equal or missing outputs, words otherwise', () => {
    expect(wordDiff('same', 'same')).toBeNull();
    expect(wordDiff(null, 'x')).toBeNull();
    expect(wordDiff('the cat sat', 'the dog sat')).toEqual([[0, 'the '], [-1, 'cat'], [1, 'dog'], [0, ' sat']]);
  });
});
