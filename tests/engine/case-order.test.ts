import { describe, expect, it } from 'vitest';
import { cachedFirst, seededOrder } from '../../src/engine/case-order.js';

const ids = Array.from({ length: 50 }, (_, index) => `case-${index}`);

describe('the case order of a pull request that may stop early', () => {
  it('is a shuffle fixed by the seed: the same seed and suite give the same order, another seed or suite another', () => {
    const order = seededOrder('base-sha', 'qa', ids);
    expect([...order].sort()).toEqual([...ids].sort());
    expect(order).not.toEqual(ids);
    expect(seededOrder('base-sha', 'qa', [...ids].reverse())).toEqual(order);
    expect(seededOrder('other-sha', 'qa', ids)).not.toEqual(order);
    expect(seededOrder('base-sha', 'chat', ids)).not.toEqual(order);
  });

  it('is stable as data grows: a new case moves no other', () => {
    const order = seededOrder('base-sha', 'qa', ids);
    const grown = seededOrder('base-sha', 'qa', [...ids, 'case-new']);
    expect(grown.filter((id) => id !== 'case-new')).toEqual(order);
  });

  it('puts cached cases first, each part in the seeded order', () => {
    const order = seededOrder('base-sha', 'qa', ids);
    const cached = new Set(ids.filter((_, index) => index % 5 === 0));
    const started = cachedFirst(order, cached);
    expect(started.slice(0, cached.size)).toEqual(order.filter((id) => cached.has(id)));
    expect(started.slice(cached.size)).toEqual(order.filter((id) => !cached.has(id)));
    expect(cachedFirst(order, new Set())).toEqual(order);
  });
});
