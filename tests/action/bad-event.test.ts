import { describe, expect, it } from 'vitest';
import { fixtureRepo, pullRequestEvent, runAction } from '../support/action-run.js';

/** Bad event payloads and inputs through dist/index.js: a configuration error (exit 2), never a stack trace. */
const cases: [string, () => { payload: unknown; inputs?: Record<string, string> }][] = [
  ['event file not JSON', () => ({ payload: '{not json' })],
  ['pull_request a number', () => ({ payload: { pull_request: 5 } })],
  ['pull_request without base.sha', () => ({ payload: { pull_request: { number: 1, base: {}, head: { sha: 'x' } } } })],
  ['payload a list', () => ({ payload: [1, 2] })],
  ['base-url input not a URL', () => ({ payload: pullRequestEvent({ number: 1, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) }), inputs: { 'base-url': 'not a url' } })],
  ['concurrency input 0', () => ({ payload: pullRequestEvent({ number: 1, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) }), inputs: { concurrency: '0' } })],
  ['headers input line without a colon', () => ({ payload: pullRequestEvent({ number: 1, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) }), inputs: { headers: 'x-portkey-api-key: pk-1\nx-portkey-config pc-2' } })],
];

describe('bad events and inputs (dist/index.js)', () => {
  it.each(cases)('%s → configuration error, exit 2', async (_name, make) => {
    const dir = fixtureRepo();
    const { payload, inputs } = make();
    const result = await runAction({ cwd: dir, event: 'pull_request', payload, apiUrl: 'http://127.0.0.1:9', sha: 'c'.repeat(40), ref: 'refs/pull/1/merge', ...(inputs ? { inputs } : {}) });
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stdout).toMatch(/::error::EvalGate configuration error: .+ — /);
    if (typeof payload === 'string') expect(result.stdout).toContain('the event payload cannot be read');
    expect(result.stdout + result.stderr).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
  });
});
