/**
 * PromptFlow's wiring: `${inputs.x}`, `${node.output}`, `${node.output.field.sub}` as a whole
 * value; anything else is a literal (numbers written as strings stay strings until a node's
 * parameters are typed, see `numericParameters`).
 */
export type Reference = { from: 'inputs'; name: string; path: string[] } | { from: 'node'; name: string; path: string[] };

const REFERENCE = /^\$\{\s*([A-Za-z_][\w-]*)\.(output|[A-Za-z_][\w-]*)((?:\.[\w-]+)*)\s*\}$/;

export function parseReference(value: unknown): Reference | undefined {
  if (typeof value !== 'string') return undefined;
  const match = REFERENCE.exec(value.trim());
  if (!match) return undefined;
  const [, head = '', second = '', rest = ''] = match;
  const tail = rest.split('.').filter(Boolean);
  if (head === 'inputs') return { from: 'inputs', name: second, path: tail };
  if (second !== 'output') return undefined;
  return { from: 'node', name: head, path: tail };
}

/** Walks `path` into a value (dicts by key, lists by index); a missing step is undefined. */
export function walk(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Node names a value depends on. */
export function nodeDependencies(values: readonly unknown[]): string[] {
  const names = values.map(parseReference).flatMap((reference) => (reference?.from === 'node' ? [reference.name] : []));
  return [...new Set(names)];
}

/** LLM parameters PromptFlow users write as strings (`max_tokens: '256'`, `temperature: '0.2'`). */
const NUMERIC = new Set(['max_tokens', 'temperature', 'top_p', 'presence_penalty', 'frequency_penalty', 'n', 'seed', 'best_of', 'logprobs', 'top_logprobs']);

export function numericParameters(parameters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(parameters).map(([key, value]) => [key, NUMERIC.has(key) && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value]),
  );
}
