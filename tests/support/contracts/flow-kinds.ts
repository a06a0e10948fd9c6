import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlow } from '../../../src/flows/registry.js';
import type { FlowSpec } from '../../../src/flows/registry.js';
import type { FlowKind } from '../../../src/flows/types.js';
import type { ModelClient } from '../../../src/model/types.js';
import { loadSuite } from '../../../src/suites/load.js';
import { singleAttemptClient } from '../model-client.js';
import type { OpenAIServer } from '../openai-server.js';
import { chatReply, startOpenAIServer } from '../openai-server.js';

/** The example assets every kind's `example` may use (see FlowKind.example). */
const APP = `let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',()=>process.stdout.write(JSON.stringify({output:'A: '+JSON.parse(s).question})));`;
const PROMPTY = ['---', 'name: chat', 'model:', '  api: chat', '  configuration: { type: openai, name: gpt-4o-mini }', 'inputs:', '  question: { type: string }', '---', 'system:', 'You answer questions about tents.', '', 'user:', '{{question}}', ''].join('\n');
const PROMPTFLOW_DAG = fileURLToPath(new URL('../../fixtures/promptflow/basic-llm', import.meta.url));

/**
 * The flow-kind contract, in the style of evalite's testAllStorage: every kind of the registry
 * is loaded from its own `example`, answers a case, refuses an aborted invocation and closes.
 * A new kind is covered by adding it to FLOW_KINDS; none is exempt by name.
 */
export function testAllFlowKinds(kinds: readonly FlowKind[]): void {
  let model: OpenAIServer;
  let app: Server;
  let appUrl = '';
  let client: ModelClient;
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-flow-kinds-'));

  beforeAll(async () => {
    model = await startOpenAIServer(() => chatReply('The tent weighs 4.2 kg.', { prompt: 12, completion: 6 }));
    client = singleAttemptClient(model.url);
    app = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString())).on('end', () => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ answer: `A: ${(JSON.parse(body || '{}') as { question?: string }).question ?? ''}` }));
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/answer`;
    writeFileSync(join(dir, 'app.mjs'), APP);
    writeFileSync(join(dir, 'chat.prompty'), PROMPTY);
    cpSync(PROMPTFLOW_DAG, join(dir, 'flow'), { recursive: true });
  });
  afterAll(async () => {
    await model.close();
    await new Promise((resolve) => app.close(resolve));
  });

  const suiteOf = async (kind: FlowKind) => {
    const file = `${kind.kind}.eval.yaml`;
    const flow = { kind: kind.kind, ...kind.example({ appUrl }) };
    writeFileSync(join(dir, file), `name: ${kind.kind}-contract\nflow: ${JSON.stringify(flow)}\ncases:\n  - { id: tent, question: How heavy is the tent? }\nevaluators:\n  - { metric: contains, expected: tent }\n`);
    return loadSuite(file, dir);
  };

  describe.each(kinds.map((kind) => [kind.kind, kind] as const))('flow kind %s', (_name, kind) => {
    it('its example loads as a suite: schema, normalise and per-case templates agree', async () => {
      const suite = await suiteOf(kind);
      expect(suite.flow.kind).toBe(kind.kind);
      expect(kind.templates(suite.flow as never)).toBeInstanceOf(Array);
      for (const required of kind.schema.required) expect(Object.keys(kind.schema.properties), required).toContain(required);
    });

    it('its example answers a case with a text output, token usage and a latency, then closes', async () => {
      const suite = await suiteOf(kind);
      const flow = createFlow(suite.flow as FlowSpec, { dir: suite.dir, client });
      try {
        const answer = await flow.invoke({ question: 'How heavy is the tent?' }, AbortSignal.timeout(20_000));
        expect(typeof answer.output).toBe('string');
        expect(answer.output.length).toBeGreaterThan(0);
        for (const count of Object.values(answer.usage)) expect(Number.isFinite(count) && count >= 0).toBe(true);
        expect(Number.isFinite(answer.latency.totalMs) && answer.latency.totalMs >= 0).toBe(true);
      } finally {
        await flow.close?.();
      }
    });

    it('an invocation whose deadline has passed is refused, never answered', async () => {
      const suite = await suiteOf(kind);
      const flow = createFlow(suite.flow as FlowSpec, { dir: suite.dir, client });
      try {
        await expect(flow.invoke({ question: 'How heavy is the tent?' }, AbortSignal.abort(new DOMException('The operation timed out.', 'TimeoutError')))).rejects.toThrow();
      } finally {
        await flow.close?.();
      }
    });
  });
}
