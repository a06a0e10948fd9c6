import type { ErrorKind } from '../core/failure.js';
import { isTimeout, thrownKind } from '../core/failure.js';

/** The team's own app (command, HTTP endpoint): whatever failed — exit code, hang, an error answer, any text — is the app's. */
export const appFailure = (): ErrorKind => 'application';

/**
 * A flow that calls a model provider itself: the kind its error was thrown with (a ModelError says
 * whether the transport failed), a hang past the deadline is the provider's, anything else (a
 * template, a python node) is the flow's own.
 */
export function modelFlowFailure(error: unknown): ErrorKind {
  return thrownKind(error) ?? (isTimeout(error) ? 'infrastructure' : 'application');
}
