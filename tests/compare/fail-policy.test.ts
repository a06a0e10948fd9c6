import { describe, expect, it } from 'vitest';
import { failsGate, parseFailOn } from '../../src/compare/fail-policy.js';

describe('fail-on policy', () => {
  it.each([
    ['pass', 'regression', false],
    ['warn', 'regression', false],
    ['fail', 'regression', true],
    ['error', 'regression', true],
    ['incomplete', 'regression', true],
    ['incomplete', 'warn', true],
    ['incomplete', 'never', false],
    ['warn', 'warn', true],
    ['pass', 'warn', false],
    ['fail', 'never', false],
    ['error', 'never', false],
  ] as const)('%s with fail-on %s fails: %s', (verdict, failOn, expected) => {
    expect(failsGate(verdict, failOn)).toBe(expected);
  });

  it('rejects unknown values with the allowed ones', () => {
    expect(parseFailOn(' warn ', 'fail-on')).toBe('warn');
    expect(() => parseFailOn('always', 'fail-on')).toThrow('fail-on must be one of regression, warn, never, got "always"');
  });
});
