import { describe, expect, it } from 'vitest';
import { appFailure, modelFlowFailure } from '../../src/flows/failure-kind.js';
import { ModelError } from '../../src/model/types.js';
import { errorKindOfText } from '../../src/runner/error-kind.js';

describe('flow error kinds, recorded where thrown', () => {
  it('a ModelError says whether the transport to the provider failed', () => {
    expect(new ModelError('rate-limit', 'slow down', 429).failureKind).toBe('infrastructure');
    expect(new ModelError('server', 'bad gateway', 502).failureKind).toBe('infrastructure');
    expect(new ModelError('timeout', 'took too long').failureKind).toBe('infrastructure');
    expect(new ModelError('network', 'ECONNRESET').failureKind).toBe('infrastructure');
    // A key the provider rejects is EvalGate's input, not the app's fault: the run could not evaluate.
    expect(new ModelError('auth', 'invalid key', 401).failureKind).toBe('infrastructure');
    expect(new ModelError('bad-request', 'temperature not supported', 400).failureKind).toBe('application');
    // A provider's broken answer (not JSON, no choices, a cut stream) is the provider's failure, not the app's.
    expect(new ModelError('bad-response', 'not JSON').failureKind).toBe('infrastructure');
  });

  it('a model flow reads the kind thrown, a hang as the provider’s, anything else as its own', () => {
    expect(modelFlowFailure(new ModelError('server', 'HTTP 503', 503))).toBe('infrastructure');
    expect(modelFlowFailure(new DOMException('The operation timed out.', 'TimeoutError'))).toBe('infrastructure');
    expect(modelFlowFailure(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe('application');
    expect(modelFlowFailure('Traceback: KeyError')).toBe('application');
  });

  it('the team’s own app (command, HTTP) failing is the app’s, whatever its text', () => {
    for (const error of [new Error('the command exited with 1\nstderr:\nconnect ECONNREFUSED 127.0.0.1:5432'), new Error('HTTP 503 from the endpoint: Service Unavailable'), new DOMException('timed out', 'TimeoutError'), new TypeError('fetch failed')])
      expect(appFailure(), error.message).toBe('application');
  });

  it('reads the text of stored errors only for old results files (no errorKind)', () => {
    for (const text of ['HTTP 503 Service Unavailable', 'status: 429', 'connect ECONNREFUSED 127.0.0.1:8080', 'timed out: aborted', 'fetch failed', 'Too Many Requests', 'socket hang up'])
      expect(errorKindOfText(text), text).toBe('infrastructure');
    for (const text of ['command exited with code 1', 'HTTP 404 Not Found', 'output is not valid JSON', 'expected 500 tokens at most'])
      expect(errorKindOfText(text), text).toBe('application');
  });
});
