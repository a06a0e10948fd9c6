import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { clearSecrets, scrubSecrets } from '../../src/core/secrets.js';
import { runEvaluation } from '../../src/engine/run-evaluation.js';
import { loadSuites } from '../../src/suites/load.js';
import type { OpenAIServer, RecordedRequest } from '../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../support/openai-server.js';
import { namedPromptSuite } from '../support/named-prompt-suite.js';

/** A suite with its own gateway config on its flow and/or a judge key of its own. */
const suite = (name: string, lines: { flow?: string[]; judge?: string[] }) =>
  namedPromptSuite(name, {
    ...(lines.flow ? { flowLines: ['headers:', ...lines.flow.map((line) => `  ${line}`)] } : {}),
    ...(lines.judge ? { suiteLines: ['judge:', '  headers:', ...lines.judge.map((line) => `    ${line}`)] } : {}),
  });

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-suite-headers-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Which suite sent a request, and whether its flow or its judge (a judge reads the flow's answer, `echo of <suite>`). */
const sender = (request: RecordedRequest) => {
  const flow = /^flow of (\w+)$/.exec(String(request.body.messages?.[0]?.content ?? ''));
  return flow ? `flow ${flow[1]}` : `judge ${/echo of (\w+)/.exec(JSON.stringify(request.body.messages))?.[1]}`;
};

const answer = (request: RecordedRequest) => {
  const system = String(request.body.messages?.[0]?.content ?? '');
  const flow = /^flow of (\w+)$/.exec(system);
  return flow ? chatReply(`echo of ${flow[1]}`) : chatReply('{"score": 4, "reason": "fine"}');
};

const ENV = { ALPHA_GATEWAY_KEY: 'pk-alpha-SECRETVALUE-111111', BETA_JUDGE_KEY: 'pk-beta-JUDGEVALUE-222222' };

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer(answer);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setHandler(answer);
  Object.assign(process.env, ENV);
});
afterEach(() => {
  for (const name of Object.keys(ENV)) delete process.env[name];
  clearSecrets();
});

const run = (dir: string, extra: Partial<Parameters<typeof runEvaluation>[0]> = {}) =>
  runEvaluation({ suites: ['*.eval.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, headers: { 'x-run': 'run-wide-header', 'x-portkey-config': 'run-config' }, concurrency: 4, cache: false, ...extra });

describe('per-suite headers: flow.headers and judge.headers, over the run-wide ones', () => {
  it('each suite’s flow and judge requests carry their own headers; ${env:NAME} is read, and masked', async () => {
    const dir = repo({
      'alpha.eval.yaml': suite('alpha', { flow: ['x-portkey-api-key: "${env:ALPHA_GATEWAY_KEY}"', 'x-portkey-config: alpha-config'] }),
      'beta.eval.yaml': suite('beta', { judge: ['authorization: "Bearer ${env:BETA_JUDGE_KEY}"'] }),
    });
    const results = await run(dir);
    expect(results.suites.map((entry) => entry.status)).toEqual(['ran', 'ran']);
    const seen = (who: string) => server.requests.filter((request) => sender(request) === who).map((request) => request.headers);
    expect(seen('flow alpha')).toHaveLength(2);
    for (const headers of seen('flow alpha')) expect(headers).toMatchObject({ 'x-run': 'run-wide-header', 'x-portkey-api-key': ENV.ALPHA_GATEWAY_KEY, 'x-portkey-config': 'alpha-config', authorization: 'Bearer sk-test' });
    for (const headers of seen('judge alpha')) {
      expect(headers).toMatchObject({ 'x-run': 'run-wide-header', 'x-portkey-config': 'run-config', authorization: 'Bearer sk-test' });
      expect(headers['x-portkey-api-key']).toBeUndefined();
    }
    for (const headers of seen('flow beta')) expect(headers).toMatchObject({ 'x-portkey-config': 'run-config', authorization: 'Bearer sk-test' });
    expect(seen('judge beta')).toHaveLength(2);
    for (const headers of seen('judge beta')) expect(headers).toMatchObject({ 'x-run': 'run-wide-header', authorization: `Bearer ${ENV.BETA_JUDGE_KEY}` });
    // The values read are secrets from then on; the results hold neither them nor the headers.
    expect(scrubSecrets(`key ${ENV.ALPHA_GATEWAY_KEY}, judge Bearer ${ENV.BETA_JUDGE_KEY}`)).toBe('key ***, judge ***');
    const stored = JSON.stringify(results);
    for (const text of [ENV.ALPHA_GATEWAY_KEY, ENV.BETA_JUDGE_KEY, 'alpha-config', 'x-portkey']) expect(stored).not.toContain(text);
  });

  it('the suite hash sees the headers as written: a rotated key is the same suite, a new gateway config is not', async () => {
    const hashOf = async (flow: string[]) => (await loadSuites(['*.eval.yaml'], { cwd: repo({ 'a.eval.yaml': suite('a', { flow }) }) }))[0]?.hash;
    const plain = (await loadSuites(['*.eval.yaml'], { cwd: repo({ 'a.eval.yaml': suite('a', {}) }) }))[0]?.hash;
    const withKey = await hashOf(['x-key: "${env:ALPHA_GATEWAY_KEY}"']);
    process.env.ALPHA_GATEWAY_KEY = 'pk-alpha-ROTATED-999999';
    expect(await hashOf(['x-key: "${env:ALPHA_GATEWAY_KEY}"'])).toBe(withKey);
    expect(await hashOf(['x-key: "${env:ALPHA_GATEWAY_KEY}"', 'x-portkey-config: other'])).not.toBe(withKey);
    expect(withKey).not.toBe(plain);
  });

  it('an unset variable stops the run before any request, naming the variable and the file, never a value', async () => {
    const dir = repo({ 'alpha.eval.yaml': suite('alpha', { flow: ['x-portkey-api-key: "${env:NOT_SET_ANYWHERE}"'] }) });
    const error = await run(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).format()).toMatch(/alpha\.eval\.yaml:\d+.*flow\.headers\.x-portkey-api-key: \$\{env:NOT_SET_ANYWHERE\} is not set/);
    expect(server.requests).toHaveLength(0);
  });

  it('without an API key nothing is read (the suite is skipped, not an error)', async () => {
    const dir = repo({ 'alpha.eval.yaml': suite('alpha', { flow: ['x-portkey-api-key: "${env:NOT_SET_ANYWHERE}"'] }) });
    const results = await runEvaluation({ suites: ['*.eval.yaml'], cwd: dir, concurrency: 2, cache: false });
    expect(results.suites[0]?.status).toBe('skipped');
  });

  it.each([
    ['the runner’s token', ['x-steal: "${env:ACTIONS_RUNTIME_TOKEN}"'], /\$\{env:ACTIONS_RUNTIME_TOKEN\} is the runner's or EvalGate's own credential/],
    ['an action input', ['x-steal: "${env:INPUT_API-KEY}"'], /does not name an environment variable/],
    ['a bad header name', ['"bad name": value'], /flow\.headers\.bad name: the header name/],
  ])('%s is refused when the suite loads', async (_label, flow, message) => {
    const dir = repo({ 'alpha.eval.yaml': suite('alpha', { flow }) });
    await expect(loadSuites(['*.eval.yaml'], { cwd: dir })).rejects.toThrow(message);
  });

  it('headers: on a flow that calls no model is a schema error; so is one on a batch suite', async () => {
    const command = ['name: cmd', 'flow:', '  kind: command', '  command: node app.mjs', '  headers: { x-a: b }', 'cases: [{ id: c1 }]', 'evaluators: [{ metric: equals, expected: x }]'].join('\n');
    await expect(loadSuites(['*.eval.yaml'], { cwd: repo({ 'cmd.eval.yaml': command }) })).rejects.toThrow(/headers/);
    const batch = repo({ 'alpha.eval.yaml': `${suite('alpha', { flow: ['x-portkey-config: alpha-config'] })}\nmode: batch` });
    await expect(run(batch)).rejects.toThrow(/flow\.headers cannot go on Batch API requests/);
  });
});
