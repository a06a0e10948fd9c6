/**
 * `{{ var }}` templates over a case's fields. Deliberately small: a placeholder is a dotted
 * path (`{{ doc.title }}`, `{{ answers.0 }}`); a missing variable is an error naming the case,
 * never an empty string. A string that is exactly one placeholder renders to the raw value, so
 * `expected: "{{answers}}"` can hand a list or an object to a metric.
 * Jinja (Prompty bodies) is a different, full engine; this one only substitutes.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}$/;

export class MissingVariableError extends Error {
  readonly variable: string;
  /** `(fields: a, b)`, or a note that the case has none. */
  readonly fields: string;
  constructor(variable: string, available: string[]) {
    const fields = available.length ? `(fields: ${available.join(', ')})` : '(the case has no fields)';
    super(`template variable "${variable}" is not a field of this case ${fields}`);
    this.name = 'MissingVariableError';
    this.variable = variable;
    this.fields = fields;
  }
}

function lookup(vars: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = vars;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) {
      throw new MissingVariableError(path, Object.keys(vars));
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Variables a template refers to (top-level names), for validation before a run. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => (match[1] ?? '').split('.')[0] ?? '');
}

export function renderString(template: string, vars: Readonly<Record<string, unknown>>): string {
  return template.replace(PLACEHOLDER, (_whole, path: string) => asText(lookup(vars, path)));
}

/**
 * Renders every string inside a JSON-like value. A string that is one whole placeholder
 * becomes the variable's raw value (list, object, number…).
 */
export function renderValue(value: unknown, vars: Readonly<Record<string, unknown>>): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    return whole ? lookup(vars, whole[1] ?? '') : renderString(value, vars);
  }
  if (Array.isArray(value)) return value.map((item) => renderValue(item, vars));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, vars)]));
  }
  return value;
}
