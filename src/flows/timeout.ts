import { DEFAULTS } from '../core/defaults.js';
import { parseDuration } from '../core/duration.js';
import { ConfigError } from '../core/errors.js';
import type { SpecContext } from './types.js';
import { specLocation } from './types.js';

/** A flow's `timeout:` in ms (the run's default when absent); an out-of-range one is a ConfigError. */
export function flowTimeoutMs(raw: Record<string, unknown>, at: Pick<SpecContext, 'file' | 'line'>): number {
  try {
    return parseDuration(raw.timeout) ?? DEFAULTS.timeoutSeconds * 1000;
  } catch (error) {
    throw new ConfigError(`flow.timeout ${(error as Error).message}`, specLocation(at), 'write e.g. "30s" or "2m"');
  }
}
