import { describe, expect, it } from 'vitest';
import { delayFor, DEFAULT_RETRY, retryHintMs } from '../../src/model/retry.js';
import { ModelError } from '../../src/model/types.js';

describe('retry hints', () => {
  it('reads retry-after-ms, retry-after seconds and dates, and x-ratelimit-reset durations', () => {
    expect(retryHintMs(new Headers({ 'retry-after-ms': '1500' }))).toBe(1500);
    expect(retryHintMs(new Headers({ 'retry-after': '120' }))).toBe(120_000);
    expect(retryHintMs(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 00:00:10 GMT' }), Date.parse('2026-11-25T00:00:00Z'))).toBe(10_000);
    expect(retryHintMs(new Headers({ 'x-ratelimit-reset-requests': '6m0s' }))).toBe(360_000);
    expect(retryHintMs(new Headers({ 'x-ratelimit-reset-tokens': '20ms' }))).toBe(20);
    expect(retryHintMs(new Headers())).toBeUndefined();
  });

  it('uses full jitter under an exponential ceiling, capped', () => {
    const failure = { error: new ModelError('server', 'x'), retryable: true };
    expect(delayFor(1, failure, DEFAULT_RETRY, () => 1)).toBe(500);
    expect(delayFor(3, failure, DEFAULT_RETRY, () => 1)).toBe(2000);
    expect(delayFor(20, failure, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs);
    expect(delayFor(3, failure, DEFAULT_RETRY, () => 0)).toBe(0);
    expect(delayFor(3, { ...failure, hintMs: 7000 }, DEFAULT_RETRY, () => 1)).toBe(7000);
  });
});
