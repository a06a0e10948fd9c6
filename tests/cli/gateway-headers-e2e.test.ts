import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAIServer } from '../support/openai-server.js';
import { FLOW_SYSTEM, writeGatewaySuite } from '../support/gateway-suite.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';
import { CLI, runNode } from '../support/run-node.js';

/**
 * dist/cli/index.js in front of a "gateway" (the loopback server) that wants its own key and a
 * config header, and that echoes its key back in the answer (as gateways' error pages do): the
 * headers reach every call, and the key is masked in every file and line EvalGate writes.
 */
const GATEWAY_KEY = 'pk-live-GATEWAYCANARY-0123456789';
const CONFIG = 'pc-route-fallback-42';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer((request) => {
    const key = request.headers['x-portkey-api-key'];
    if (request.body.messages[0].content === FLOW_SYSTEM) return chatReply(`routed with ${key} for ${request.body.messages[1].content}`);
    return chatReply(`{"score": 5, "reason": "the answer quotes ${key}"}`);
  });
});
afterAll(() => server.close());

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-gateway-'));
  writeGatewaySuite(join(dir, 'qa.eval.yaml'));
  return dir;
}

const run = (dir: string, ...args: string[]) =>
  runNode(CLI, ['run', 'qa.eval.yaml', '--base-url', server.url, '--no-compare', '--html', 'report.html', ...args], { cwd: dir, env: { OPENAI_API_KEY: 'sk-test-provider' } });

describe('evalgate run --header (dist/cli/index.js)', () => {
  it('sends the headers on flow and judge calls and masks their values everywhere', async () => {
    const dir = repo();
    server.requests.length = 0;
    const result = await run(dir, '--header', `x-portkey-api-key: ${GATEWAY_KEY}`, '--header', `x-portkey-config: ${CONFIG}`);
    expect(result.stderr).not.toMatch(/evalgate:/);
    expect(result.code).toBe(0);
    expect(server.requests).toHaveLength(4);
    for (const request of server.requests) expect(request.headers).toMatchObject({ 'x-portkey-api-key': GATEWAY_KEY, 'x-portkey-config': CONFIG });

    const results = readFileSync(join(dir, '.evalgate/results.json'), 'utf8');
    expect(results).toContain('routed with *** for one');
    for (const [label, text] of [
      ['results.json', results],
      ['report.md', readFileSync(join(dir, '.evalgate/report.md'), 'utf8')],
      ['report.html', readFileSync(join(dir, 'report.html'), 'utf8')],
      ['stdout', result.stdout],
      ['stderr', result.stderr],
    ] as const) {
      expect(text.includes(GATEWAY_KEY), `${label} holds the gateway key`).toBe(false);
      expect(text.includes(CONFIG), `${label} holds the config header`).toBe(false);
    }
  });

  it('a header line it cannot send is a configuration error (exit 2), before any call, without echoing the value', async () => {
    const dir = repo();
    server.requests.length = 0;
    const result = await run(dir, '--header', `x-portkey-api-key ${GATEWAY_KEY}`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--header #1: a header needs a colon between its name and its value/);
    expect(result.stderr).not.toContain(GATEWAY_KEY);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(server.requests).toHaveLength(0);
    expect(existsSync(join(dir, '.evalgate/results.json'))).toBe(false);
  });
});
