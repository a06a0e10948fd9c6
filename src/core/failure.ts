/**
 * Whose failure a flow invocation's error is, recorded where it is thrown:
 * - infrastructure: our own transport to a model provider failed — rate limits (429), provider
 *   5xx after retries, connection failures or a hang of the provider, a rejected key (401/403),
 *   a retired provider (410). Excluded from the comparison; too many of them and the suite
 *   "could not run".
 * - application: the team's own app failed — a command that exits ≠ 0 or hangs, the team's
 *   HTTP endpoint answering an error or not at all, an invalid answer, a prompt the provider
 *   refuses (400). A real regression: it scores as failing, whatever its text.
 */
export type ErrorKind = 'infrastructure' | 'application';

/** An error that says whose failure it is (a ModelError, a flow's own error). */
export interface KindedError extends Error {
  readonly failureKind: ErrorKind;
}

/** The kind an error was thrown with, if it carries one. */
export function thrownKind(error: unknown): ErrorKind | undefined {
  const kind = (error as { failureKind?: unknown } | null)?.failureKind;
  return kind === 'infrastructure' || kind === 'application' ? kind : undefined;
}

/** A deadline the runner or the flow set ran out (the invocation hung). */
export const isTimeout = (error: unknown): boolean => error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
