/** Seeded randomness: the same data gives the same verdict on every machine and every run. */

/** FNV-1a over the text: a 32-bit seed from a metric's name. */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const GOLDEN = 0x6d2b79f5;

/** mulberry32's output for an advanced state, as a uint32. */
function scramble(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * mulberry32: a small, fast PRNG with a 32-bit state; uniform floats in [0, 1). The state is
 * kept as a signed int32 (`| 0`): the same bits as the reference's uint32, but V8 keeps it in a
 * register instead of boxing a double.
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + GOLDEN) | 0;
    return scramble(state) / 4294967296;
  };
}

/**
 * A seeded bootstrap resampler: each call draws `counts.length` cases with replacement and
 * counts how often each was drawn (the draws of mulberry32(seed), without a call per draw).
 */
export function resampler(seed: number): (counts: Uint32Array) => void {
  let state = seed | 0;
  return (counts) => {
    const n = counts.length;
    counts.fill(0);
    for (let draw = 0; draw < n; draw += 1) {
      state = (state + GOLDEN) | 0;
      const index = Math.floor((scramble(state) / 4294967296) * n);
      counts[index] = (counts[index] as number) + 1;
    }
  };
}

/** 32 random sign bits at a time. */
export function uint32(random: () => number): number {
  return (random() * 4294967296) >>> 0;
}
