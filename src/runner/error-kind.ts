/**
 * Why a flow invocation failed, as the gate reads it:
 * - infrastructure: the platform, not the application — timeouts, rate limits (429), provider
 *   5xx after retries, connection failures, a rejected key (401/403), a retired provider (410), a
 *   malformed answer of the provider (not JSON, no choices, a cut stream). Excluded from the comparison; too many of them and
 *   the suite "could not run".
 * - application: the application itself failed — the command crashed, the output was invalid,
 *   the team's own endpoint answered 4xx. A real regression: it counts as a failure.
 */
export type ErrorKind = 'infrastructure' | 'application';

const INFRASTRUCTURE_TEXT = [
  /\btimed? ?out\b/i,
  /\btimeout\b/i,
  /\b(?:HTTP|status|code)[ :]*(?:429|5\d\d)\b/i,
  /too many requests/i,
  /rate.?limit/i,
  /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|UND_ERR_\w+)\b/,
  /connection (?:refused|reset|closed|error)/i,
  /socket hang up/i,
  /fetch failed/i,
  /service unavailable|bad gateway|gateway time/i,
];

/** Classifies a stored error message (results written before `errorKind` existed, or untyped errors). */
export function errorKindOfText(message: string): ErrorKind {
  return INFRASTRUCTURE_TEXT.some((pattern) => pattern.test(message)) ? 'infrastructure' : 'application';
}

/** Classifies a thrown error: the kind it was thrown with (a ModelError's `failureKind`), else its name and message. */
export function errorKindOf(error: unknown): ErrorKind {
  if (error instanceof Error) {
    const marked = (error as { failureKind?: unknown }).failureKind;
    if (marked === 'infrastructure' || marked === 'application') return marked;
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'infrastructure';
    return errorKindOfText(error.message);
  }
  return errorKindOfText(String(error));
}
