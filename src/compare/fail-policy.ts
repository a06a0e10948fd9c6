import type { Verdict } from './types.js';
import { ConfigError } from '../core/errors.js';

/** `fail-on`: which verdicts fail the step / the CLI. */
const FAIL_ON_VALUES = ['regression', 'warn', 'never'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

export function parseFailOn(value: string, source: string): FailOn {
  const match = FAIL_ON_VALUES.find((candidate) => candidate === value.trim());
  if (!match) {
    throw new ConfigError(`${source} must be one of ${FAIL_ON_VALUES.join(', ')}, got "${value}"`, {}, `use one of ${FAIL_ON_VALUES.join(', ')}`);
  }
  return match;
}

/**
 * Whether a verdict fails the gate. `incomplete` (part of the baseline not compared) and
 * "could not run" (`error`) fail unless fail-on is `never`; each is reported as its own
 * outcome, never as a regression.
 */
export function failsGate(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (verdict === 'fail' || verdict === 'incomplete' || verdict === 'error') return true;
  return verdict === 'warn' && failOn === 'warn';
}
