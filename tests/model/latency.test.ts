import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTEMPTS, latencyTracker, quantile } from '../../src/model/latency.js';

const tracker = () => latencyTracker({ ...DEFAULT_ATTEMPTS, maxTimeoutMs: 30_000 });

describe('attempt timeout and hedge point learned from the latency the provider shows', () => {
  it('keeps the configured attempt timeout and never hedges before enough answers', () => {
    const learned = tracker();
    for (let index = 1; index < DEFAULT_ATTEMPTS.minSamples; index += 1) learned.observe('chat:m', 200);
    expect(learned.timeoutMs('chat:m', 0)).toBe(30_000);
    expect(learned.hedgeAfterMs('chat:m', 0)).toBeUndefined();
    learned.observe('chat:m', 200);
    expect(learned.timeoutMs('chat:m', 0)).toBe(1000);
    // 2 × p90 would be 400 ms: a hedge waits at least half the shortest attempt timeout.
    expect(learned.hedgeAfterMs('chat:m', 0)).toBe(500);
    // Another model (or call kind) learns on its own.
    expect(learned.timeoutMs('chat:other', 0)).toBe(30_000);
  });

  it('is a multiple of p99 (hedge: of p90), bounded below and above, doubled per unanswered timeout', () => {
    const learned = tracker();
    for (let index = 1; index <= 50; index += 1) learned.observe('chat:m', index * 100);
    expect(quantile(Array.from({ length: 50 }, (_, index) => (index + 1) * 100), 0.99)).toBe(5000);
    expect(learned.timeoutMs('chat:m', 0)).toBe(15_000);
    expect(learned.hedgeAfterMs('chat:m', 0)).toBe(7500);
    expect(learned.timeoutMs('chat:m', 1)).toBe(30_000);
    expect(learned.timeoutMs('chat:m', 3)).toBe(30_000);
    const fast = tracker();
    for (let index = 0; index < 50; index += 1) fast.observe('embed:m', 5);
    expect(fast.timeoutMs('embed:m', 0)).toBe(DEFAULT_ATTEMPTS.minTimeoutMs);
    expect(fast.timeoutMs('embed:m', 2)).toBe(4 * DEFAULT_ATTEMPTS.minTimeoutMs);
  });

  it('hedges at the latest half-way through the attempt timeout', () => {
    const learned = latencyTracker({ ...DEFAULT_ATTEMPTS, maxTimeoutMs: 1500 });
    for (let index = 0; index < 50; index += 1) learned.observe('chat:m', 600);
    expect(learned.timeoutMs('chat:m', 0)).toBe(1500);
    expect(learned.hedgeAfterMs('chat:m', 0)).toBe(750);
  });

  it('forgets answers older than its window (a slow start does not stay in the p99)', () => {
    const learned = tracker();
    for (let index = 0; index < DEFAULT_ATTEMPTS.window; index += 1) learned.observe('chat:m', 5000);
    for (let index = 0; index < DEFAULT_ATTEMPTS.window; index += 1) learned.observe('chat:m', 100);
    expect(learned.timeoutMs('chat:m', 0)).toBe(1000);
  });

  it('tells attempts in flight only when an answer moves the deadlines, and counts the answers', () => {
    const learned = tracker();
    const heard: string[] = [];
    learned.onObserve((key) => heard.push(key));
    for (let index = 1; index < DEFAULT_ATTEMPTS.minSamples; index += 1) learned.observe('chat:m', 100 + index);
    expect(heard).toEqual([]);
    learned.observe('chat:m', 100);
    expect(heard).toEqual(['chat:m']);
    // Within the lower bounds (timeout 1000 ms, hedge 500 ms) nothing moves.
    for (let index = 0; index < 50; index += 1) learned.observe('chat:m', 90 + (index % 20));
    expect(heard).toEqual(['chat:m']);
    learned.observe('chat:m', 2000);
    expect(heard).toEqual(['chat:m', 'chat:m']);
    expect([learned.answered('chat:m'), learned.answered('chat:other')]).toEqual([61, 0]);
  });

  it('keeps hedges within their share of the requests sent', () => {
    const learned = tracker();
    expect(learned.sent(true)).toBe(false);
    expect(learned.sent(false)).toBe(true);
    expect(learned.sent(true)).toBe(true);
    expect(learned.sent(true)).toBe(false);
    expect([learned.requests, learned.hedges]).toEqual([2, 1]);
  });
});
