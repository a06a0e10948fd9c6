import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A short content hash (16 hex digits) of any JSON-like value. Encoded from the first 8 bytes,
 * not sliced from the 64-digit string: a slice would keep the whole digest alive (one per case).
 */
export function shortHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest().toString('hex', 0, 8);
}
