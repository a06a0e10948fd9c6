import { MAX_TIMEOUT_MS } from './defaults.js';
import { ConfigError } from './errors.js';

/** A model endpoint from a flag or an input: an absolute http(s) URL, or a ConfigError saying so. */
export function checkBaseUrl(value: string, label: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError(`${label} must be an http(s) URL, got ${JSON.stringify(value)}`, {}, 'write the endpoint’s full URL, e.g. https://api.openai.com/v1');
  }
  return value;
}

/** A whole number within [min, max] from a flag or an input. */
export function boundedInt(value: string, label: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(`${label} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`, {}, `pass a number from ${min} to ${max}`);
  }
  return parsed;
}

/** Seconds of a `--timeout`, bounded like every duration EvalGate accepts. */
export const MAX_TIMEOUT_SECONDS = MAX_TIMEOUT_MS / 1000;
