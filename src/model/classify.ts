import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { AttemptFailure } from './retry.js';
import { retryHintMs } from './retry.js';
import { ModelError } from './types.js';

const RETIRED =
  "this provider is retired (410 Gone) — GitHub Models' inference API was retired on 2026-07-30; point base-url at another OpenAI-compatible endpoint";

/** Removes anything that looks like the key from provider messages before they reach a report. */
function scrub(message: string, apiKey: string): string {
  const withoutKey = apiKey ? message.split(apiKey).join('***') : message;
  return withoutKey.replace(/\b(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_-]{8,}/g, '$1***');
}

/** Maps an SDK error to our ModelError and says whether another attempt may help. */
export function classifyError(error: unknown, apiKey: string): AttemptFailure {
  if (error instanceof ModelError) return { error, retryable: error.kind === 'bad-response' };
  if (error instanceof APIUserAbortError || (error as Error)?.name === 'AbortError' || (error as Error)?.name === 'TimeoutError') {
    return { error: new ModelError('timeout', 'the request timed out'), retryable: false };
  }
  if (error instanceof APIConnectionTimeoutError) {
    // Ours say why (a learned attempt timeout, a stalled stream); the SDK's own says nothing more.
    const why = error.message === 'Request timed out.' ? '' : `: ${error.message}`;
    return { error: new ModelError('timeout', `the request timed out${why}`), retryable: true };
  }
  if (error instanceof APIConnectionError) {
    return { error: new ModelError('network', `connection error: ${scrub(error.message, apiKey)}`), retryable: true };
  }
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    const message = `HTTP ${status}: ${scrub(error.message, apiKey)}`;
    const hint = retryHintMs(error.headers);
    const withHint = hint === undefined ? {} : { hintMs: hint };
    if (status === 410) return { error: new ModelError('retired', RETIRED, status), retryable: false };
    if (status === 401 || status === 403) return { error: new ModelError('auth', `${message} — check the API key`, status), retryable: false };
    if (status === 429) return { error: new ModelError('rate-limit', message, status), retryable: true, ...withHint };
    if (status === 408 || status === 409 || status >= 500) return { error: new ModelError('server', message, status), retryable: true, ...withHint };
    return { error: new ModelError('bad-request', message, status), retryable: false };
  }
  const text = scrub((error as Error)?.message ?? String(error), apiKey);
  return { error: new ModelError('bad-response', `unexpected response: ${text}`), retryable: true };
}
