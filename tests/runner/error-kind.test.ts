import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/model/types.js';
import { errorKindOf, errorKindOfText } from '../../src/runner/error-kind.js';

describe('flow error kinds', () => {
  it('reads a ModelError by the kind it was thrown with', () => {
    expect(errorKindOf(new ModelError('rate-limit', 'slow down', 429))).toBe('infrastructure');
    expect(errorKindOf(new ModelError('server', 'bad gateway', 502))).toBe('infrastructure');
    expect(errorKindOf(new ModelError('timeout', 'took too long'))).toBe('infrastructure');
    expect(errorKindOf(new ModelError('network', 'ECONNRESET'))).toBe('infrastructure');
    expect(errorKindOf(new ModelError('bad-request', 'temperature not supported', 400))).toBe('application');
    // A key the provider rejects is EvalGate's input, not the app's fault: the run could not evaluate.
    expect(errorKindOf(new ModelError('auth', 'invalid key', 401))).toBe('infrastructure');
    // A provider's broken answer (not JSON, no choices, a cut stream) is the provider's failure, not the app's.
    expect(errorKindOf(new ModelError('bad-response', 'not JSON'))).toBe('infrastructure');
  });

  it('treats an aborted or timed-out invocation as infrastructure', () => {
    expect(errorKindOf(new DOMException('The operation timed out.', 'TimeoutError'))).toBe('infrastructure');
  });

  it('classifies untyped errors and stored messages by their text', () => {
    for (const text of ['HTTP 503 Service Unavailable', 'status: 429', 'connect ECONNREFUSED 127.0.0.1:8080', 'timed out: aborted', 'fetch failed', 'Too Many Requests'])
      expect(errorKindOfText(text), text).toBe('infrastructure');
    for (const text of ['command exited with code 1', 'HTTP 404 Not Found', 'output is not valid JSON', 'expected 500 tokens at most'])
      expect(errorKindOfText(text), text).toBe('application');
    expect(errorKindOf(new Error('socket hang up'))).toBe('infrastructure');
    expect(errorKindOf('Traceback: KeyError')).toBe('application');
  });
});
