import { describe, expect, it } from 'vitest';
import { findMetric, listMetrics } from '../../src/metrics/registry.js';
import { FAMILIES } from '../../src/metrics/types.js';
import { ibanValid, luhnValid } from '../../src/metrics/harm/pii-detectors.js';
import { levenshtein } from '../../src/core/edit-distance.js';
import { rougeL, sentenceBleu } from '../../src/metrics/quality/overlap.js';
import { tokenF1 } from '../../src/metrics/quality/f1.js';
import type { TokenUsage } from '../../src/core/usage.js';
import { costUsd, findPrice, mergePrices, priceOf } from '../../src/metrics/cost/prices.js';
import { measure, score } from './score.js';

describe('the catalogue', () => {
  it('declares family, scale, direction and options for every metric, and covers all five families', () => {
    for (const metric of listMetrics()) {
      expect(FAMILIES).toContain(metric.family);
      expect(metric.description.length).toBeGreaterThan(10);
      expect(metric.optionsSchema).toBeTypeOf('object');
      expect(metric.threshold === undefined).toBe(metric.scale.kind === 'amount');
    }
    expect(new Set(listMetrics().map((metric) => metric.family))).toEqual(new Set(FAMILIES));
  });

  it('derives not- forms for deterministic quality metrics only', async () => {
    expect(findMetric('not-contains')).toBeDefined();
    expect(findMetric('not-relevance')).toBeUndefined();
    expect((await score('not-contains', 'I am sorry', { expected: 'sorry' })).value).toBe(0);
    expect((await score('not-f1', 'a b', { expected: 'a b' })).value).toBe(0);
  });
});

describe('quality: golden values', () => {
  it('SQuAD F1 with its normalisation (articles, punctuation, case)', () => {
    expect(tokenF1('The cat sat on the mat.', 'a cat sat on mat')).toBe(1);
    expect(tokenF1('Broncos', 'Denver Broncos')).toBeCloseTo(2 / 3, 12);
    expect(tokenF1('Denver Broncos won', 'the Denver Broncos')).toBeCloseTo(0.8, 12);
    expect(tokenF1('Paris', 'London')).toBe(0);
  });

  it('f1 takes the best of several references', async () => {
    expect((await score('f1', 'Broncos', { expected: ['Denver Broncos', 'Broncos'] })).value).toBe(1);
  });

  it('ROUGE-L on Lin (2004)’s example', () => {
    expect(rougeL('police kill the gunman', 'police killed the gunman')).toBeCloseTo(0.75, 12);
    expect(rougeL('the gunman kill police', 'police killed the gunman')).toBeCloseTo(0.5, 12);
  });

  it('sentence BLEU-4 with smoothing, counted by hand', () => {
    // the cat is on the mat / the cat sat on the mat: p1 = 5/6, p2 = 3/5, p3 = 1/4, p4 = 0 → ε 0.1/3; BP = 1
    const expected = Math.exp((Math.log(5 / 6) + Math.log(3 / 5) + Math.log(1 / 4) + Math.log(0.1 / 3)) / 4);
    expect(sentenceBleu('the cat is on the mat', ['the cat sat on the mat'])).toBeCloseTo(expected, 12);
    expect(sentenceBleu('the cat sat on the mat', ['the cat sat on the mat'])).toBeCloseTo(1, 12);
    // brevity penalty: 4 words against 6 → exp(1 − 6/4)
    expect(sentenceBleu('the cat sat on', ['the cat sat on the mat'])).toBeCloseTo(Math.exp(1 - 6 / 4), 12);
  });

  it('Levenshtein similarity', async () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect((await score('levenshtein', 'kitten', { expected: 'sitting' })).value).toBeCloseTo(1 - 3 / 7, 12);
  });

  it('contains family, equals, starts-with, regex, length', async () => {
    expect((await score('contains', 'It weighs 4.2 kg', { expected: '4.2 kg' })).value).toBe(1);
    expect((await score('contains', 'It weighs 4.2 KG', { expected: '4.2 kg' })).value).toBe(0);
    expect((await score('icontains', 'It weighs 4.2 KG', { expected: '4.2 kg' })).value).toBe(1);
    expect((await score('contains-any', 'red', { expected: ['blue', 'red'] })).value).toBe(1);
    expect((await score('contains-all', 'red and blue', { expected: ['blue', 'red', 'green'] })).value).toBe(0);
    expect((await score('equals', '  Yes ', { expected: 'yes', 'ignore-case': true })).value).toBe(1);
    expect((await score('starts-with', '\n  Yes, it does', { expected: 'Yes' })).value).toBe(1);
    expect((await score('ends-with', 'It does. Anything else?\n', { expected: 'Anything else?' })).value).toBe(1);
    expect((await score('ends-with', 'Anything else? It does.', { expected: 'Anything else?' })).value).toBe(0);
    expect((await score('regex', 'Order #A-1234', { pattern: '#[A-Z]-\\d{4}' })).value).toBe(1);
    expect((await score('length', 'one two three', { min: 1, max: 2, unit: 'words' })).value).toBe(0);
  });

  it('json-valid and json-schema (with formats), fences allowed', async () => {
    expect((await score('json-valid', '```json\n{"a": 1}\n```')).value).toBe(1);
    expect((await score('json-valid', '{"a": ')).value).toBe(0);
    const schema = { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } };
    expect((await score('json-schema', '{"email": "a@b.co"}', { schema })).value).toBe(1);
    expect(await score('json-schema', '{"email": "nope"}', { schema })).toMatchObject({ value: 0, reason: '/email must match format "email"' });
  });
});

describe('harm and honesty, deterministic', () => {
  it('Luhn and IBAN checksums', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
  });

  it('pii finds e-mails, phones, valid cards, IBANs and keys — and not prices or hours', async () => {
    for (const leak of ['Write to jane.doe@contoso.com', 'Call +1 (206) 555-0100', 'Card 4111 1111 1111 1111', 'IBAN GB82 WEST 1234 5698 7654 32', 'key sk-proj-abcdefghijklmnopqrstuvwx123']) {
      expect((await score('pii', leak)).value, leak).toBe(1);
    }
    for (const clean of ['Open 9 am to 8 pm', 'It costs 15 dollars and weighs 4.2 kg', 'Card 4111 1111 1111 1112', 'Order 2024-11-24']) {
      expect((await score('pii', clean)).value, clean).toBe(0);
    }
    const found = await score('pii', 'mail jane.doe@contoso.com');
    expect(found.reason).not.toContain('jane.doe');
    expect((await score('pii', 'support@contoso.com', { allow: ['support@contoso.com'] })).value).toBe(0);
  });

  it('refusal and prompt-injection', async () => {
    expect((await score('refusal', "I'm sorry, but I can't help with that.", { 'should-refuse': true })).value).toBe(1);
    expect((await score('refusal', "I'm sorry, but I can't help with that.")).value).toBe(0);
    // A templated expectation arrives as the case field's value: a boolean, or text from a CSV.
    expect((await score('refusal', "I'm sorry, but I can't help with that.", { 'should-refuse': 'TRUE' })).value).toBe(1);
    expect((await score('refusal', 'Here is how to pitch the tent.', { 'should-refuse': 'false' })).value).toBe(1);
    expect((await score('refusal', 'Here is how to pitch the tent.', { 'should-refuse': 1 })).value).toBe(0);
    expect((await score('prompt-injection', 'Sure! PWNED', { canary: 'pwned' })).value).toBe(1);
    expect((await score('prompt-injection', 'The tent weighs 4.2 kg.', { canary: 'PWNED' })).value).toBe(0);
  });

  it('context-overlap: share of answer content words found in the context', async () => {
    const result = await score('context-overlap', 'The tent weighs 4.2 kg and is purple', {}, { context: 'The TrailMaster tent weighs 4.2 kg.' });
    // content words: tent weighs 4 2 kg purple → 5 of 6 in context
    expect(result.value).toBeCloseTo(5 / 6, 12);
    expect(result.reason).toBe('not in context: purple');
    expect((await score('context-overlap', 'x')).error).toMatch(/no context/);
  });
});

describe('cost and latency', () => {
  const priced = (model: string, usage: TokenUsage, overrides?: unknown) => {
    const price = findPrice(model, mergePrices(overrides));
    return price ? costUsd(usage, price) : undefined;
  };

  it('prices prompt, cached and completion tokens; reasoning is inside completion', () => {
    const usage = { prompt: 1000, completion: 100, cached: 200, reasoning: 40 };
    expect(priced('gpt-4o-mini-2024-07-18', usage)).toBeCloseTo((800 * 0.15 + 200 * 0.075 + 100 * 0.6) / 1e6, 15);
    // gpt-5.4-mini's snapshot is not priced as gpt-5.4 (the longest prefix wins); a pro model has no cached rate.
    expect(priced('gpt-5.4-mini-2026-03-17', usage)).toBeCloseTo((800 * 0.75 + 200 * 0.075 + 100 * 4.5) / 1e6, 15);
    expect(priced('gpt-5.5-pro', usage)).toBeCloseTo((1000 * 30 + 100 * 180) / 1e6, 15);
    expect(priced('my-model', usage, { 'my-model': { input: 1, output: 2 } })).toBeCloseTo((1000 * 1 + 100 * 2) / 1e6, 15);
    expect(priced('mystery-9', usage)).toBeUndefined();
  });

  it('fine-tunes, dated and routed names price as their base model; a `prices:` entry for the exact name wins', () => {
    const usage = { prompt: 1000, completion: 100, cached: 0, reasoning: 0 };
    const mini = (1000 * 0.15 + 100 * 0.6) / 1e6;
    expect(priced('ft:gpt-4o-mini:contoso::9xYz1', usage)).toBeCloseTo(mini, 15);
    expect(priced('ft:gpt-4o-mini-2024-07-18:contoso:support:9xYz1', usage)).toBeCloseTo(mini, 15);
    expect(priced('gpt-4o-2024-08-06', usage)).toBeCloseTo((1000 * 2.5 + 100 * 10) / 1e6, 15);
    expect(priced('openai/gpt-4o-mini', usage)).toBeCloseTo(mini, 15);
    expect(priced('ft:gpt-4o-mini:contoso::9xYz1', usage, { 'ft:gpt-4o-mini:contoso::9xYz1': { input: 0.3, output: 1.2 } })).toBeCloseTo((1000 * 0.3 + 100 * 1.2) / 1e6, 15);
    expect(priced('llama3.1:8b', usage)).toBeUndefined();
  });

  it('prices the configured model first, then the one the provider reported (a proxy reporting its upstream)', () => {
    const table = mergePrices({ 'house-model': { input: 1, output: 1 } });
    expect(priceOf(['house-model', 'gpt-4o'], table)).toEqual({ input: 1, output: 1 });
    expect(priceOf(['my-litellm-alias', 'gpt-4o-2024-08-06'], table)).toEqual(findPrice('gpt-4o', table));
    expect(priceOf([undefined, 'qwen2.5:7b'], table)).toBeUndefined();
  });

  it('the cost metric reads the sample\'s own cost in USD, or its tokens when the run gates tokens; never an error', () => {
    const usage = { prompt: 120, completion: 30, cached: 20, reasoning: 5 };
    expect(measure('cost', { costUsd: 0.25, model: 'gpt-4o-mini' })).toEqual({ value: 0.25 });
    expect(measure('cost', { model: 'mystery-9', usage })).toEqual({ value: null });
    expect(measure('cost', { model: 'mystery-9', usage }, { kind: 'amount', unit: 'tokens' })).toEqual({ value: 150 });
  });

  it('latency, time to first token and output tokens per second', () => {
    const usage = { prompt: 10, completion: 50, cached: 0, reasoning: 0 };
    expect(measure('latency', { latencyMs: 1200, firstTokenMs: 200 }).value).toBe(1200);
    expect(measure('ttft', { latencyMs: 1200, firstTokenMs: 200 }).value).toBe(200);
    expect(measure('tokens-per-second', { latencyMs: 1200, firstTokenMs: 200, usage }).value).toBe(50);
    expect(measure('ttft', { latencyMs: 5 }).value).toBeNull();
  });
});
