import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubServer } from '../support/github-server.js';
import { startGitHubServer } from '../support/github-server.js';
import type { OpenAIServer } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';
import { FLOW_SYSTEM, writeGatewaySuite } from '../support/gateway-suite.js';
import { pullRequestEvent, runAction } from '../support/action-run.js';

/**
 * dist/index.js with a `headers` input in front of a "gateway" (the loopback model server) that
 * echoes its key into every answer: the headers reach the flow's and the judge's calls, the runner
 * is told to mask each value, and the comment, summary, results and reports hold none of them.
 */
const GATEWAY_KEY = 'pk-live-ACTIONCANARY-0123456789';
const VIRTUAL_KEY = 'vk-openai-prod-CANARY-42';

let github: GitHubServer;
let model: OpenAIServer;
beforeAll(async () => {
  github = await startGitHubServer();
  model = await startOpenAIServer((request) => {
    const key = request.headers['x-portkey-api-key'];
    if (request.body.messages[0].content === FLOW_SYSTEM) return chatReply(`routed with ${key}`);
    return chatReply(`{"score": 5, "reason": "quotes ${key} and ${request.headers['x-portkey-virtual-key']}"}`);
  });
});
afterAll(async () => {
  await github.close();
  await model.close();
});

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-action-gateway-'));
  mkdirSync(join(dir, 'evals'));
  writeGatewaySuite(join(dir, 'evals/qa.eval.yaml'));
  return dir;
}

describe('action input `headers` (dist/index.js)', () => {
  it('sends them on every model call and masks every value', async () => {
    const dir = repo();
    const result = await runAction({
      cwd: dir,
      event: 'pull_request',
      payload: pullRequestEvent({ number: 7, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) }),
      apiUrl: github.url,
      sha: 'c'.repeat(40),
      ref: 'refs/pull/7/merge',
      inputs: { 'api-key': 'sk-test-provider', 'base-url': model.url, cache: 'false', headers: `x-portkey-api-key: ${GATEWAY_KEY}\nx-portkey-virtual-key: ${VIRTUAL_KEY}\n` },
    });
    expect(result.stdout).not.toMatch(/configuration error|internal error/);
    expect(model.requests).toHaveLength(4);
    for (const request of model.requests) expect(request.headers).toMatchObject({ 'x-portkey-api-key': GATEWAY_KEY, 'x-portkey-virtual-key': VIRTUAL_KEY, authorization: 'Bearer sk-test-provider' });
    expect(result.stdout).toContain(`::add-mask::${GATEWAY_KEY}`);
    expect(result.stdout).toContain(`::add-mask::${VIRTUAL_KEY}`);

    const results = readFileSync(join(dir, '.evalgate/results.json'), 'utf8');
    expect(results).toContain('routed with ***');
    const comment = github.comments.find((posted) => posted.issue === 7)?.body;
    expect(comment).toContain('qa');
    for (const [label, text] of [
      ['comment', comment ?? ''],
      ['summary', result.summary],
      ['results.json', results],
      ['report.md', readFileSync(join(dir, '.evalgate/report.md'), 'utf8')],
      ['report.html', readFileSync(join(dir, '.evalgate/report.html'), 'utf8')],
      ['stdout', result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')],
      ['stderr', result.stderr],
      ['outputs', JSON.stringify(result.outputs)],
    ] as const) {
      for (const secret of [GATEWAY_KEY, VIRTUAL_KEY]) expect(text.includes(secret), `${label} holds ${secret}`).toBe(false);
    }
  });

  it('a suite’s own flow.headers read ${env:NAME} from the step’s env: sent on its flow calls only, masked in the runner log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-action-suite-headers-'));
    mkdirSync(join(dir, 'evals'));
    writeGatewaySuite(join(dir, 'evals/qa.eval.yaml'), { flowLines: ['headers:', '  x-portkey-api-key: "${env:SUITE_GATEWAY_KEY}"'] });
    model.requests.length = 0;
    const result = await runAction({
      cwd: dir,
      event: 'pull_request',
      payload: pullRequestEvent({ number: 8, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) }),
      apiUrl: github.url,
      sha: 'c'.repeat(40),
      ref: 'refs/pull/8/merge',
      env: { SUITE_GATEWAY_KEY: GATEWAY_KEY },
      inputs: { 'api-key': 'sk-test-provider', 'base-url': model.url, cache: 'false' },
    });
    expect(result.stdout).not.toMatch(/configuration error|internal error/);
    const flowCalls = model.requests.filter((request) => request.body.messages[0].content === FLOW_SYSTEM);
    expect(flowCalls).toHaveLength(2);
    for (const request of flowCalls) expect(request.headers['x-portkey-api-key']).toBe(GATEWAY_KEY);
    for (const request of model.requests.filter((entry) => !flowCalls.includes(entry))) expect(request.headers['x-portkey-api-key']).toBeUndefined();
    expect(result.stdout).toContain(`::add-mask::${GATEWAY_KEY}`);
    const comment = github.comments.find((posted) => posted.issue === 8)?.body ?? '';
    for (const text of [comment, result.summary, readFileSync(join(dir, '.evalgate/results.json'), 'utf8')]) expect(text.includes(GATEWAY_KEY)).toBe(false);
  });
});
