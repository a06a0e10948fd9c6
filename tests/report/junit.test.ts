import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { Comparison, SuiteComparison } from '../../src/compare/types.js';
import { renderJunit } from '../../src/report/junit.js';
import { HOSTILE, hostileRuns } from './hostile-corpus.js';

const XSD = readFileSync(new URL('./fixtures/junit.xsd', import.meta.url), 'utf8');

async function validate(xml: string) {
  const result = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: XSD }] });
  return result.errors.map((error) => error.rawMessage);
}

const { comparison } = hostileRuns();

/** The testcases of a rendering: name, classname (as written, escaped) and inner XML. */
function testcases(xml: string): { name: string; classname: string; body: string }[] {
  return [...xml.matchAll(/<testcase name="([^"]*)" classname="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)].map((match) => ({ name: match[1] ?? '', classname: match[2] ?? '', body: match[3] ?? '' }));
}

describe('JUnit XML', () => {
  const xml = renderJunit(comparison);

  it('validates against the JUnit schema, hostile names, outputs and errors included', async () => {
    expect(await validate(xml)).toEqual([]);
    const couldNotRun: Comparison = { ...comparison, suites: [{ ...(comparison.suites[0] as SuiteComparison), outcome: 'could-not-run', verdict: 'error', note: `provider down ${HOSTILE.xml}`, metrics: [] }] };
    expect(await validate(renderJunit(couldNotRun))).toEqual([]);
    expect(await validate(renderJunit({ suites: [], verdict: 'pass', headline: 'nothing ran' }))).toEqual([]);
    // The schema does reject what a report UI could not read.
    expect(await validate(xml.replace('tests="8"', 'tests="-1"'))).not.toEqual([]);
    expect(await validate(xml.replace('<failure type', '<failure/><failure type'))).not.toEqual([]);
  });

  it('has a testsuite per suite and a testcase per metric; failing gating metrics are failures with the reason', () => {
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="EvalGate FAIL: not everything was compared \(1\): support-chat: skipped[^"]* 2 metric\(s\) regressed — [^"]*" tests="8" failures="2" errors="1" skipped="1" time="0">/);
    const cases = testcases(xml);
    expect(cases.map((testcase) => testcase.name)).toEqual(['exact', 'f1', 'tone &lt;img src=x onerror=&quot;window.__pwned = \'img\'; alert(2)&quot;&gt;', 'cost', 'latency p50', 'latency p95', 'case case-07', 'suite']);
    expect(cases[1]?.body).toMatch(/^\s*<failure type="regression" message="dropped 8\.4 pts: 10 cases worse, 2 better — noise alone would do this about once in [\d,]+ runs">baseline 82\.2% → PR 73\.7% · Δ −8\.4 · 90% CI /);
    expect(cases[3]?.body).toContain('<system-out>total ×1.');
    expect(cases[6]?.body).toMatch(/^\s*<error type="flow-error" message="HTTP 500 from the model &lt;script&gt;/);
    expect(cases[6]?.classname).toBe('faq &lt;script&gt;window.__pwned = &quot;script&quot;; alert(1)&lt;/script&gt;.cases');
    expect(cases[7]?.body).toContain('<skipped type="skipped" message="needs a model API key &lt;!-- evalgate:forged --&gt;"/>');
  });

  it('passes warnings with a WARN note, fails them under fail-on warn; report-only metrics never fail', async () => {
    const suite = comparison.suites[0] as SuiteComparison;
    const warned: Comparison = { ...comparison, suites: [{ ...suite, metrics: suite.metrics.map((metric) => ({ ...metric, status: 'warn', reason: 'could be noise' })) }] };
    expect(renderJunit(warned)).toContain('<system-out>WARN: could be noise\n');
    expect(renderJunit(warned)).not.toContain('<failure');
    const strict = renderJunit(warned, { failOn: 'warn' });
    // exact, f1 and cost gate; latency is report-only by default, like the tone judge.
    expect(strict.match(/<failure type="warning" message="could be noise"/g)).toHaveLength(3);
    expect(strict).toContain('<system-out>REPORT ONLY (warn): could be noise');
    expect(await validate(strict)).toEqual([]);
    expect(renderJunit(comparison, { failOn: 'never' })).not.toContain('<failure');
  });

  it('strips characters XML cannot carry and escapes markup, quotes and line breaks in attributes', () => {
    const named: Comparison = { ...comparison, suites: [{ ...(comparison.suites[1] as SuiteComparison), name: HOSTILE.xml, note: `a\nb\rc\td ${HOSTILE.closeScript}` }] };
    const out = renderJunit(named);
    expect(out).toContain(`<testsuite name="]]&gt;${' '.repeat(5)}&amp; &quot;quoted&quot; 'single'"`);
    expect(out).toContain('message="a&#10;b&#13;c&#9;d &lt;/script&gt;&lt;script&gt;window.__pwned = &quot;close&quot;&lt;/script&gt;"');
    expect(out).not.toMatch(/[\u0000\u0008\uFFFE]|[\uD800-\uDFFF]/);
  });
});
