import { describe, expect, it } from 'vitest';
import { parseResultsFile } from '../../src/results/io.js';

/** A version-1 document as EvalGate 0.1 wrote it: statuses implied by value/error, cost and latency also stored as scores. */
const V1 = {
  format: 'evalgate-results',
  version: 1,
  tool: { name: 'evalgate', version: '0.1.0' },
  run: { date: '2026-11-01T00:00:00Z', models: ['gpt-4o-mini'], durationMs: 5 },
  suites: [
    {
      name: 'faq', file: 'evals/faq.eval.yaml', hash: 'h', flow: { kind: 'prompt', model: 'gpt-4o-mini' }, repeat: 1, status: 'ran', alpha: 0.05, tolerance: 0.05,
      metrics: [
        { name: 'f1', metric: 'f1', family: 'quality', scale: { kind: 'unit' }, direction: 'higher-is-better', gate: {} },
        { name: 'relevance', metric: 'relevance', family: 'quality', scale: { kind: 'likert', min: 1, max: 5 }, direction: 'higher-is-better', gate: {} },
        { name: 'ttft', metric: 'ttft', family: 'latency', scale: { kind: 'amount', unit: 'ms' }, direction: 'lower-is-better', gate: {} },
        { name: 'cost', metric: 'cost', family: 'cost', scale: { kind: 'amount', unit: 'usd' }, direction: 'lower-is-better', gate: {} },
      ],
      cases: [
        {
          id: 'c1', hash: 'x', inputs: { q: 'a' },
          samples: [{
            output: 'answer', usage: { prompt: 1, completion: 1, cached: 0, reasoning: 0 }, latencyMs: 40, costUsd: 0.001,
            scores: { f1: { value: 0.5 }, relevance: { value: null, error: 'skipped: needs a model API key' }, ttft: { value: null }, cost: { value: 0.001 } },
          }],
        },
        {
          id: 'c2', hash: 'y', inputs: { q: 'b' },
          samples: [{ output: 'other', usage: { prompt: 1, completion: 1, cached: 0, reasoning: 0 }, latencyMs: 40, scores: { f1: { value: null, error: 'option "expected" is empty' }, relevance: { value: 4, reason: 'fine' } } }],
        },
      ],
    },
  ],
};

describe('results format version 1', () => {
  it('reads as version 2: typed statuses, measurements only on the sample', () => {
    const results = parseResultsFile(JSON.stringify(V1), 'evals/baseline.json');
    expect(results.version).toBe(2);
    const [first, second] = results.suites[0]?.cases ?? [];
    expect(first?.samples[0]?.scores).toEqual({ f1: { status: 'ok', value: 0.5 }, relevance: { status: 'skipped', reason: 'needs a model API key' } });
    expect(first?.samples[0]?.costUsd).toBe(0.001);
    expect(second?.samples[0]?.scores).toEqual({ f1: { status: 'error', error: 'option "expected" is empty' }, relevance: { status: 'ok', value: 4, reason: 'fine' } });
  });

  it('refuses a version from the future', () => {
    expect(() => parseResultsFile(JSON.stringify({ ...V1, version: 3 }), 'b.json')).toThrow(/newer EvalGate/);
  });
});
