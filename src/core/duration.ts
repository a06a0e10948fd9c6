import { MAX_TIMEOUT_MS } from './defaults.js';

/** JSON Schema of a duration option. */
export const DURATION_SCHEMA = {
  description: 'A duration: milliseconds as a number, or text like "500ms", "30s", "2m".',
  oneOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(ms|s|m)$' }],
} as const;

const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

/**
 * A schema-valid duration in ms; `undefined` when absent. Throws a plain Error (the caller adds
 * where) past MAX_TIMEOUT_MS: `100000m` is a typo, not a wish.
 */
export function parseDuration(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(String(value));
  const ms = typeof value === 'number' ? value : Number(match?.[1]) * UNIT_MS[(match?.[2] ?? 'ms') as keyof typeof UNIT_MS];
  if (!(ms > 0) || ms > MAX_TIMEOUT_MS) throw new Error(`must be a duration from 1 ms to ${MAX_TIMEOUT_MS / 60_000} minutes, got ${JSON.stringify(value)}`);
  return ms;
}
