import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { selectSuites } from '../../src/suites/select.js';
import type { Suite } from '../../src/suites/types.js';

const suite = (name: string, ids: string[]): Suite => ({
  name, file: `${name}.eval.yaml`, dir: '.', hash: 'h', repeat: 1,
  flow: { kind: 'command', argv: ['app'], timeoutMs: 1000, env: {} },
  cases: ids.map((id) => ({ id, vars: { id }, source: { file: 'x.jsonl' } })),
  evaluators: [{ name: 'f1', metric: 'f1', options: {} }, { name: 'exact', metric: 'equals', options: {} }],
  gate: { alpha: 0.05, tolerance: 0.05, metrics: {} }, cache: false, mode: 'online',
});
const SUITES = [suite('faq', ['refund-1', 'refund-2', 'ship-1', 'ship-2']), suite('chat', ['hello', 'refund-9'])];
const ids = (suites: Suite[]) => suites.map((one) => `${one.name}:${one.cases.map((testCase) => testCase.id).join(',')}`);

describe('selectSuites', () => {
  it('keeps the cases a glob matches and drops suites left empty', () => {
    expect(ids(selectSuites(SUITES, { cases: ['refund-*'] }))).toEqual(['faq:refund-1,refund-2', 'chat:refund-9']);
    expect(ids(selectSuites(SUITES, { cases: ['ship-2', 'hello'] }))).toEqual(['faq:ship-2', 'chat:hello']);
  });

  it('keeps evaluators by name or metric, and suggests a near miss', () => {
    expect(selectSuites(SUITES, { metrics: ['equals'] })[0]?.evaluators.map((evaluator) => evaluator.name)).toEqual(['exact']);
    expect(() => selectSuites(SUITES, { metrics: ['f2'] })).toThrow(ConfigError);
    expect(() => selectSuites(SUITES, { metrics: ['f2'] })).toThrow(/no suite has this metric/);
  });

  it('limits, samples the same cases on every run, and overrides repeat', () => {
    expect(ids(selectSuites(SUITES, { limit: 1 }))).toEqual(['faq:refund-1', 'chat:hello']);
    const drawn = ids(selectSuites(SUITES, { sample: { size: 2, seed: '1' } }));
    expect(ids(selectSuites(SUITES, { sample: { size: 2, seed: '1' } }))).toEqual(drawn);
    expect(drawn[0]?.split(',').length).toBe(2);
    expect(new Set(['1', '2', '3', '4', '5'].map((seed) => ids(selectSuites(SUITES, { sample: { size: 2, seed } }))[0])).size).toBeGreaterThan(1);
    expect(selectSuites(SUITES, { repeat: 3 }).map((one) => one.repeat)).toEqual([3, 3]);
  });

  it('says so when nothing matches', () => {
    expect(() => selectSuites(SUITES, { cases: ['nope-*'] })).toThrow(/matches no case/);
  });
});
