import { createModelClient } from '../../src/model/client.js';
import type { ModelClient } from '../../src/model/types.js';

/** The real model client against a loopback server, one attempt per call: tests see each answer as sent. */
export function singleAttemptClient(baseUrl: string): ModelClient {
  return createModelClient({ apiKey: 'sk-test', baseUrl, timeoutMs: 2000, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxHintMs: 1, budgetMs: 1 } });
}
