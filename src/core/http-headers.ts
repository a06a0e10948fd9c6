import { ConfigError } from './errors.js';

/** RFC 7230 §3.2.6 `token`: the characters a header name may hold. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Control characters a header value must not hold (CR and LF would split the request; tab is allowed). */
const FORBIDDEN_IN_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;

const HINT = 'write one `Name: value` per line, e.g. `x-portkey-api-key: ${{ secrets.PORTKEY_API_KEY }}`';

/**
 * Extra request headers for an OpenAI-compatible gateway, from `Name: value` lines (blank lines
 * skipped). Errors name the line and the header but never echo a value: values are usually secrets.
 */
export function parseHeaderLines(lines: readonly string[], where: (index: number) => string): Record<string, string> {
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    if (colon < 0) throw new ConfigError(`${where(index)}: a header needs a colon between its name and its value`, {}, HINT);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    checkHeader(name, value, where(index), HINT);
    if (seen.has(name.toLowerCase())) throw new ConfigError(`${where(index)}: header ${name} is given twice`, {}, 'give each header once');
    seen.add(name.toLowerCase());
    headers[name] = value;
  });
  return headers;
}

/** A header name RFC 7230 allows and a value that stays on its line; errors never echo the value. */
export function checkHeader(name: string, value: string, where: string, hint: string): void {
  if (!TOKEN.test(name)) throw new ConfigError(`${where}: ${name === '' ? 'the header name before the colon is empty' : 'the header name before the colon holds a space or a character a name cannot hold'} (letters, digits and !#$%&'*+-.^_\`|~ only)`, {}, hint);
  if (FORBIDDEN_IN_VALUE.test(value)) throw new ConfigError(`${where}: the value of header ${name} holds a line break or control character`, {}, 'put each header on one line; a secret with a trailing newline must be trimmed');
  if (value === '') throw new ConfigError(`${where}: header ${name} has an empty value`, {}, 'an unset secret expands to nothing: check that the secret exists for this workflow');
}
