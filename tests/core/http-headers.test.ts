import { describe, expect, it } from 'vitest';
import { parseHeaderLines } from '../../src/core/http-headers.js';
import { ConfigError } from '../../src/core/errors.js';
import { parseCommand } from '../../src/cli/args.js';
import { parseInputs } from '../../src/action/inputs.js';

const lineOf = (index: number) => `line ${index + 1}`;
const SECRET = 'pk-live-CANARY-0123456789';

function rejection(lines: string[]): ConfigError {
  try {
    parseHeaderLines(lines, lineOf);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(lines)}`);
}

describe('gateway header lines', () => {
  it('reads `Name: value` lines, trims around the value, keeps colons inside it, skips blank lines', () => {
    expect(parseHeaderLines(['x-portkey-api-key: pk-123', '', '  HTTP-Referer:https://example.com/app  ', 'X-Title: a: b\r'], lineOf)).toEqual({
      'x-portkey-api-key': 'pk-123',
      'HTTP-Referer': 'https://example.com/app',
      'X-Title': 'a: b',
    });
  });

  it.each([
    [['no colon here'], /line 1: a header needs a colon/],
    [['ok: 1', 'bad name: x'], /line 2: the header name before the colon holds a space/],
    [[': value'], /line 1: the header name before the colon is empty/],
    [['x-bad(name): v'], /holds a space or a character a name cannot hold/],
    [[`x-key: ${SECRET}\nInjected: 1`], /value of header x-key holds a line break/],
    [[`x-key: ${SECRET}\rInjected: 1`], /value of header x-key holds a line break/],
    [['x-key:   '], /header x-key has an empty value.*unset secret/],
    [['X-Key: a-value-1', 'x-key: a-value-2'], /line 2: header x-key is given twice/],
  ])('%j is a configuration error', (lines, message) => {
    const error = rejection(lines);
    expect(error.format()).toMatch(message);
  });

  it('never echoes a value (they are secrets), not even from a line it cannot read', () => {
    for (const lines of [[`Authorization Bearer ${SECRET}`], [`x-key: ${SECRET}\u0000`], [`bad name ${SECRET}: x`]]) {
      expect(rejection(lines).format()).not.toContain(SECRET);
    }
  });

  it('the CLI takes --header more than once and names the bad one', () => {
    const command = parseCommand(['run', '--header', 'x-portkey-api-key: pk-1', '--header', 'x-portkey-config: cfg-2'], '/repo');
    expect(command.name === 'run' && command.flags.headers).toEqual({ 'x-portkey-api-key': 'pk-1', 'x-portkey-config': 'cfg-2' });
    expect(() => parseCommand(['run', '--header', 'a: 1', '--header', 'oops'], '/repo')).toThrow(/--header #2: a header needs a colon/);
    const plain = parseCommand(['run'], '/repo');
    expect(plain.name === 'run' && 'headers' in plain.flags).toBe(false);
  });

  it('the action input holds one header per line and names the bad line', () => {
    const inputs = (headers: string) => parseInputs((name) => (name === 'headers' ? headers : ''));
    expect(inputs('x-portkey-api-key: pk-1\nx-portkey-virtual-key: vk-2\n').headers).toEqual({ 'x-portkey-api-key': 'pk-1', 'x-portkey-virtual-key': 'vk-2' });
    expect('headers' in inputs('')).toBe(false);
    expect(() => inputs('a: 1\n\nno colon')).toThrow(/input `headers`, line 3: a header needs a colon/);
  });
});
