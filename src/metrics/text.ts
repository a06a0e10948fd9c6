/** Text helpers shared by the deterministic metrics. */

/** SQuAD normalisation: lowercase, drop punctuation and articles, collapse whitespace. */
function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function tokens(text: string): string[] {
  const normalized = normalizeAnswer(text);
  return normalized ? normalized.split(' ') : [];
}

/** Options like `expected` may be one value or a list of acceptable values. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  if (value === undefined || value === null) return [];
  return [typeof value === 'string' ? value : String(value)];
}

export function requireText(options: Readonly<Record<string, unknown>>, key: string): string {
  const value = options[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`option "${key}" must be text, got ${value === undefined ? 'nothing' : typeof value}`);
}

/** Multiset intersection size of two token lists. */
export function overlapCount(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const token of b) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of a) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(token, left - 1);
    }
  }
  return shared;
}

export const EXPECTED_SCHEMA = {
  description: 'Reference answer(s); a template over the case, e.g. "{{answer}}". A list accepts any of them.',
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: ['string', 'number'] } }],
} as const;
