import { describe, expect, it } from 'vitest';
import { stopsEarly, stopsEarlyAt } from '../../src/compare/sequential-setting.js';
import { DEFAULTS } from '../../src/core/defaults.js';
import type { ResultsFile, SuiteResult } from '../../src/results/types.js';

const suite = (stopEarly?: boolean) => ({ name: 'qa', ...(stopEarly === undefined ? {} : { stopEarly }) }) as SuiteResult;
const baseline = (sequential?: boolean) => ({ run: { gate: sequential === undefined ? {} : { sequential } } }) as unknown as ResultsFile;

describe('whether a pull request\'s suite stops once its verdict is known', () => {
  it('at one commit: the run\'s false turns it off everywhere; otherwise the suite\'s key, then the run\'s, then the default', () => {
    expect(stopsEarlyAt(undefined, undefined)).toBe(DEFAULTS.sequential);
    expect(stopsEarlyAt(false, true)).toBe(false);
    expect(stopsEarlyAt(true, false)).toBe(false);
    expect(stopsEarlyAt(undefined, false)).toBe(false);
    expect(stopsEarlyAt(true, undefined)).toBe(true);
    expect(stopsEarlyAt(undefined, true)).toBe(true);
  });

  it('the base wins when it is off: a PR may turn it off, never on', () => {
    expect(stopsEarly(baseline(), suite(), {})).toBe(DEFAULTS.sequential);
    expect(stopsEarly(baseline(false), suite(), { run: true, suite: true })).toBe(false);
    expect(stopsEarly(baseline(), suite(false), { run: true, suite: true })).toBe(false);
    expect(stopsEarly(baseline(true), suite(true), { run: false })).toBe(false);
    expect(stopsEarly(baseline(true), suite(true), { suite: false })).toBe(false);
    expect(stopsEarly(baseline(true), suite(true), {})).toBe(true);
  });
});
