import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../../src/engine/run-evaluation.js';
import type { ConfigError } from '../../../src/core/errors.js';
import { loadSuite } from '../../../src/suites/load.js';
import type { OpenAIServer } from '../../support/openai-server.js';
import { chatReply, startOpenAIServer } from '../../support/openai-server.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer(() => chatReply('Paris'));
});
afterAll(() => server.close());

const SUITE = `name: capitals
flow:
  kind: prompt
  model: gpt-4o-mini
  messages:
    - role: system
      content: "Answer in one word.{% if formal %} Be formal.{% endif %}"
    - role: user
      content: "{{ country | upper }}? Hints: {{ hints | join(', ') }}. Meta: {{ meta | tojson }}{% for key, value in meta.items() %} {{ key }}={{ value }}{% endfor %}"
cases:
  - { id: fr, country: France, formal: true, hints: [Europe, Seine], meta: { lang: fr }, answer: PARIS, note: null }
evaluators:
  - { metric: equals, expected: "{{ answer | lower | capitalize }}" }
  - { metric: contains, expected: "{{ note | default('Par', true) }}" }
`;

describe('suite templates use the shared Jinja engine', () => {
  it('applies filters, if blocks and dict loops in messages and evaluator options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-suite-jinja-'));
    writeFileSync(join(dir, 'c.eval.yaml'), SUITE);
    const results = await runEvaluation({ suites: ['c.eval.yaml'], cwd: dir, apiKey: 'sk-test', baseUrl: server.url, concurrency: 1 });
    expect(server.requests.at(-1)?.body.messages).toEqual([
      { role: 'system', content: 'Answer in one word. Be formal.' },
      { role: 'user', content: 'FRANCE? Hints: Europe, Seine. Meta: {"lang": "fr"} lang=fr' },
    ]);
    expect(results.suites[0]?.cases[0]?.samples[0]?.scores).toMatchObject({ equals: { value: 1 }, contains: { value: 1 } });
  });

  it('names the case, its location and the variable when a message template uses an undefined one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-suite-jinja-'));
    writeFileSync(join(dir, 'c.eval.yaml'), SUITE.replace('{{ country | upper }}', '{{ contry | upper }}'));
    const error = (await loadSuite('c.eval.yaml', dir).catch((caught: unknown) => caught)) as ConfigError;
    expect(error.format()).toBe('c.eval.yaml:11: case "fr": flow.messages uses {{ contry }}, which is not defined for this case (fields: id, country, formal, hints, meta, answer, note) — add "contry" to every case or fix the template in c.eval.yaml');
  });
});
