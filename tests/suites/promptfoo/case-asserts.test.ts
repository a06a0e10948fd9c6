import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../../src/core/errors.js';
import { runEvaluation } from '../../../src/engine/run-evaluation.js';
import { javascript } from '../../../src/metrics/quality/javascript.js';
import { findJson } from '../../../src/metrics/quality/contains-json.js';
import { loadSuite } from '../../../src/suites/load.js';

/** A command flow that echoes the case's `say` field. */
function suite(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-asserts-'));
  writeFileSync(join(dir, 'echo.mjs'), `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(JSON.stringify({output:JSON.parse(s).say})))`);
  writeFileSync(join(dir, 's.eval.yaml'), `name: s\nflow: { kind: command, command: node echo.mjs }\n${body}`);
  return dir;
}

const ZERO = { prompt: 0, completion: 0, cached: 0, reasoning: 0 };
const js = (code: string, output: string, extra: Record<string, unknown> = {}) =>
  (javascript.score as NonNullable<typeof javascript.score>)({ output, vars: { topic: 'tides' }, options: { code, ...extra }, usage: ZERO, latency: { totalMs: 1 }, model: undefined, client: undefined, judgeModel: 'x', suiteDir: tmpdir() });

describe('per-case assert: in EvalGate suites', () => {
  it('scores a case only with its own asserts, merged by key across cases (same threshold and weight); other cases are n/a for them', async () => {
    const dir = suite(`evaluators:\n  - { metric: contains, expected: "!" }\ncases:\n  - id: a\n    say: "Paris!"\n    assert:\n      - { metric: contains, expected: Paris }\n      - { metric: contains, expected: "{{say}}" }\n  - id: b\n    say: "Tokyo"\n    assert:\n      - { metric: contains, expected: Kyoto, threshold: 1, weight: 0 }\n  - id: c\n    say: "none"\n`);
    const results = await runEvaluation({ suites: ['s.eval.yaml'], cwd: dir, concurrency: 1 });
    const suiteResult = results.suites[0];
    expect(suiteResult?.metrics.map((metric) => [metric.name, metric.threshold, metric.gate])).toEqual([
      ['contains', 1, {}],
      ['contains-2', 1, {}],
      ['contains-3', 1, {}],
      // b's assert has weight 0: it cannot join a's gating contains-2, so it is a report-only metric of its own.
      ['contains-4', 1, { gate: false }],
    ]);
    expect(suiteResult?.cases.map((testCase) => testCase.samples[0]?.scores)).toEqual([
      { contains: { status: 'ok', value: 1 }, 'contains-2': { status: 'ok', value: 1 }, 'contains-3': { status: 'ok', value: 1 } },
      { contains: { status: 'ok', value: 0, reason: 'missing: !' }, 'contains-4': { status: 'ok', value: 0, reason: 'missing: Kyoto' } },
      { contains: { status: 'ok', value: 0, reason: 'missing: !' } },
    ]);
    expect(suiteResult?.cases.map((testCase) => testCase.inputs)).toEqual([{ id: 'a', say: 'Paris!' }, { id: 'b', say: 'Tokyo' }, { id: 'c', say: 'none' }]);
  });

  it('weight: 0 makes a suite-level evaluator report-only; a suite may have only per-case asserts', async () => {
    const dir = suite(`evaluators:\n  - { metric: contains, expected: x, weight: 0 }\ncases:\n  - { say: x, assert: [{ metric: equals, expected: x }] }\n`);
    const results = await runEvaluation({ suites: ['s.eval.yaml'], cwd: dir, concurrency: 1 });
    expect(results.suites[0]?.metrics.map((metric) => [metric.name, metric.gate])).toEqual([['contains', { gate: false }], ['equals', {}]]);
    const only = suite(`cases:\n  - { say: x, assert: [{ metric: equals, expected: x }] }\n`);
    const [evaluator] = (await loadSuite('s.eval.yaml', only)).evaluators;
    expect(evaluator?.name).toBe('equals');
    expect(Object.values(evaluator?.cases ?? {})).toEqual([{ expected: 'x' }]);
  });

  it('validates assert entries with the suite schema and checks their templates per case', async () => {
    const badMetric = suite(`cases:\n  - say: x\n    assert:\n      - { metric: containz, expected: x }\n`);
    expect(((await loadSuite('s.eval.yaml', badMetric).catch((error: unknown) => error)) as ConfigError).format()).toMatch(/^s.eval.yaml:6: cases.0.assert.0.metric must be one of /);
    const missing = suite(`cases:\n  - id: q\n    say: x\n    assert:\n      - { metric: contains, expected: "{{answer}}" }\n`);
    expect(((await loadSuite('s.eval.yaml', missing).catch((error: unknown) => error)) as ConfigError).message).toContain('case "q": evaluator "contains" uses {{ answer }}, which is not defined for this case');
    const badPattern = suite(`cases:\n  - id: r\n    say: x\n    assert:\n      - { metric: regex, pattern: "([a-z" }\n`);
    expect(((await loadSuite('s.eval.yaml', badPattern).catch((error: unknown) => error)) as ConfigError).format()).toMatch(/case "r": assert "regex" \(regex\): .* — fix the option/);
    const clash = suite(`cases:\n  - id: s\n    say: x\n    assert:\n      - { name: tone, metric: contains, expected: x }\n  - id: t\n    say: y\n    assert:\n      - { name: tone, metric: contains, expected: y, weight: 0 }\n`);
    expect(((await loadSuite('s.eval.yaml', clash).catch((error: unknown) => error)) as ConfigError).format()).toMatch(/case "t": assert "tone" has another metric, threshold or weight than in another case — give the asserts different `name:`s/);
    const none = suite(`cases:\n  - { say: x }\n`);
    expect(((await loadSuite('s.eval.yaml', none).catch((error: unknown) => error)) as ConfigError).message).toBe('the suite has no evaluators');
  });
});

describe('javascript and contains-json metrics', () => {
  it('reads booleans, numbers and { pass, score, reason }; expressions and bodies with return', async () => {
    expect(await js('output.includes(context.vars.topic)', 'about tides')).toEqual({ value: 1 });
    expect(await js('return output.length / 10;', 'abcde')).toEqual({ value: 0.5 });
    expect(await js("({ pass: false, reason: 'too short' })", 'x')).toEqual({ value: 0, reason: 'too short' });
    expect(await js("'yes'", 'x')).toEqual({ value: null, error: 'the assertion returned "yes"; expected a boolean, a number or { pass, score, reason }' });
  });

  it('reports a throwing assertion and kills one that runs past its timeout', async () => {
    expect(await js("throw new Error('nope')", 'x')).toMatchObject({ value: null, error: expect.stringContaining('javascript assertion failed: Error: nope') });
    expect(await js('while (true) {}', 'x', { timeout: 300 })).toEqual({ value: null, error: 'javascript assertion failed: the assertion timed out after 300 ms' });
  });

  it('finds JSON inside text', () => {
    expect(findJson('Sure! {"a": [1, 2]} hope that helps')).toEqual({ a: [1, 2] });
    expect(findJson('a list: [1, {"b": 2}] and {broken')).toEqual([1, { b: 2 }]);
    expect(findJson('no json {here}')).toBeUndefined();
  });
});
