import { sha256 } from '../core/hash.js';

/**
 * The order a pull request's suite meets its cases in when it may stop early: a seeded shuffle,
 * the same on every re-run of the PR (the seed is the base commit), and stable as data grows
 * (each case's place is the hash of seed, suite and id, so adding a case moves no other).
 */
export function seededOrder(seed: string, suite: string, ids: readonly string[]): string[] {
  const key = new Map(ids.map((id) => [id, sha256(`${seed}\u0000${suite}\u0000${id}`)]));
  return [...ids].sort((a, b) => {
    const byKey = (key.get(a) as string).localeCompare(key.get(b) as string);
    return byKey !== 0 ? byKey : a.localeCompare(b);
  });
}

/** The order cases are started in: those whose answer is cached (free) first, each part in `order`. */
export function cachedFirst(order: readonly string[], cached: ReadonlySet<string>): string[] {
  return [...order.filter((id) => cached.has(id)), ...order.filter((id) => !cached.has(id))];
}
