import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { clearSecrets, FRAGMENT_LENGTH, onSecretRegistered, registerSecret, scrubSecrets } from '../../src/core/secrets.js';
import { longestFragment } from '../support/secret-fragments.js';

const KEY = 'sk-proj-Q7xv2LmN9pR4tK8wZ3cB6yH1';

afterEach(() => clearSecrets());

describe('scrubbing secrets', () => {
  it('tells its listeners of every secret registered from then on, once each (the action masks them in the runner log)', () => {
    const told: string[] = [];
    onSecretRegistered((value) => told.push(value));
    registerSecret('pk-gateway-0123456789');
    registerSecret('pk-gateway-0123456789');
    registerSecret('short');
    expect(told).toEqual(['pk-gateway-0123456789']);
    clearSecrets();
    registerSecret('pk-other-0123456789');
    expect(told).toEqual(['pk-gateway-0123456789']);
  });

  it('masks the whole value and its JSON, base64 and URL forms', () => {
    registerSecret('pa"ss/wo rd+42');
    expect(scrubSecrets(`a pa"ss/wo rd+42 b ${JSON.stringify('pa"ss/wo rd+42')} ${Buffer.from('pa"ss/wo rd+42').toString('base64')} ${encodeURIComponent('pa"ss/wo rd+42')}`)).toBe('a *** b "***" *** ***');
  });

  it('masks a key quoted without its prefix, cut short, or glued to other text', () => {
    registerSecret(KEY);
    expect(scrubSecrets(`Incorrect API key provided: ${KEY.slice(3)}.`)).toBe('Incorrect API key provided: ***.');
    expect(scrubSecrets(`key=${KEY.slice(8, 30)}xyz`)).toBe('key=***xyz');
    expect(scrubSecrets(`[${KEY.slice(0, 12)}…${KEY.slice(-12)}]`)).toBe('[***…***]');
  });

  it('leaves fragments shorter than the window, and other text, alone (the rule’s cost and limit)', () => {
    registerSecret(KEY);
    expect(scrubSecrets(`ends in ${KEY.slice(-(FRAGMENT_LENGTH - 1))}; sk-proj-other`)).toBe(`ends in ${KEY.slice(-(FRAGMENT_LENGTH - 1))}; sk-proj-other`);
    registerSecret('short1');
    expect(scrubSecrets('a short1 b shor')).toBe('a *** b shor');
  });

  it('no stretch of FRAGMENT_LENGTH characters of a secret survives, whatever surrounds it', () => {
    registerSecret(KEY);
    const piece = fc.tuple(fc.nat(KEY.length - FRAGMENT_LENGTH), fc.integer({ min: FRAGMENT_LENGTH, max: KEY.length })).map(([start, length]) => KEY.slice(start, start + length));
    const noise = fc.string({ unit: fc.constantFrom(...'sk-proj-Q7xv2 ab\n"%'.split('')), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, piece), { minLength: 1, maxLength: 5 }), noise, (parts, tail) => {
        const text = parts.map(([before, secret]) => before + secret).join('') + tail;
        return longestFragment(scrubSecrets(text), KEY) < FRAGMENT_LENGTH;
      }),
      { numRuns: 2000 },
    );
  });
});
