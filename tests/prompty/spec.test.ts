import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPromptySpec } from '../../src/prompty/load.js';

const dir = mkdtempSync(join(tmpdir(), 'evalgate-prompty-spec-'));
const read = (front: string, body = 'user:\n{{ question }}\n') => readPromptySpec(`---\n${front}\n---\n${body}`, join(dir, 'p.prompty'), {});

describe('Prompty v1 and v2 front matter → typed spec', () => {
  it('reads v2 `inputs:` as a list with defaults, kinds and required flags', () => {
    const spec = read('model: gpt-4o\ninputs:\n  - { name: firstName, kind: string, default: Jane }\n  - { name: question, kind: string, required: true }\n  - { name: history, kind: thread }');
    expect(spec.defaults).toEqual({ firstName: 'Jane' });
    expect(spec.threads).toEqual(['history']);
    expect(spec.inputs.map((input) => [input.name, input.kind, input.required])).toEqual([['firstName', 'string', false], ['question', 'string', true], ['history', 'thread', false]]);
  });

  it('reads the dict form: scalar shorthand means a default (v1 and v2)', () => {
    expect(read('model: gpt-4o\ninputs:\n  tone: friendly\n  n: 3\n  settings: { depth: 2 }\n  question: { type: string }').defaults).toEqual({ tone: 'friendly', n: 3, settings: { depth: 2 } });
  });

  it('maps v2 options per spec: maxOutputTokens → max_completion_tokens, additionalProperties spread, not sent as a field', () => {
    const spec = read('model:\n  id: o4-mini\n  options:\n    maxOutputTokens: 500\n    seed: 7\n    allowMultipleToolCalls: false\n    additionalProperties: { reasoning_effort: low }');
    expect(spec.parameters).toEqual({ max_completion_tokens: 500, seed: 7, parallel_tool_calls: false, reasoning_effort: 'low' });
  });

  it('honours parameters.stream and keeps v1 parameters as written', () => {
    const spec = read('model:\n  api: chat\n  configuration: { azure_deployment: gpt-4o }\n  parameters: { max_tokens: 64, stream: true }');
    expect(spec).toMatchObject({ model: 'gpt-4o', stream: true, parameters: { max_tokens: 64 } });
    expect(spec.parameters).not.toHaveProperty('stream');
  });

  it('turns `outputs` into a strict json_schema response_format (spec §7.1.6)', () => {
    const spec = read('model: gpt-4o\noutputs:\n  - { name: answer, kind: string, required: true }\n  - { name: confidence, kind: float }\n  - { name: sources, kind: array, items: { kind: string } }');
    expect(spec.parameters.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'structured_output',
        strict: true,
        schema: {
          type: 'object',
          properties: { answer: { type: 'string' }, confidence: { type: ['number', 'null'] }, sources: { type: ['array', 'null'], items: { type: ['string', 'null'] } } },
          required: ['answer', 'confidence', 'sources'],
          additionalProperties: false,
        },
      },
    });
  });

  it('passes function tools through in wire form, bound parameters stripped, and v1 wire tools as written', () => {
    const spec = read('model: gpt-4o\ntools:\n  - name: get_orders\n    kind: function\n    description: Orders of a user\n    parameters:\n      - { name: user_id, kind: string, required: true }\n      - { name: limit, kind: integer }\n    bindings: { user_id: u-1 }\n  - { type: function, function: { name: ping, parameters: { type: object, properties: {} } } }');
    expect(spec.parameters.tools).toEqual([
      { type: 'function', function: { name: 'get_orders', description: 'Orders of a user', parameters: { type: 'object', properties: { limit: { type: 'integer' } } } } },
      { type: 'function', function: { name: 'ping', parameters: { type: 'object', properties: {} } } },
    ]);
  });

  it('accepts template format nunjucks (rendered by the shared engine) and absent front matter', () => {
    expect(read('model: gpt-4o\ntemplate:\n  format: { kind: nunjucks }').body).toBe('user:\n{{ question }}\n');
    expect(readPromptySpec('user:\nHi', join(dir, 'bare.prompty'), {})).toMatchObject({ body: 'user:\nHi', bodyLine: 1, parameters: {} });
  });

  it.each([
    ['model:\n  id: text-embedding-3-small\n  apiType: embedding', 'model apiType "embedding" is not supported'],
    ['model:\n  id: dall-e-3\n  apiType: image', 'model apiType "image" is not supported'],
    ['model:\n  id: gpt-4o\n  apiType: responses', 'model apiType "responses" is not supported'],
    ['model:\n  api: completion', 'model api "completion" is not supported'],
    ['model: gpt-4o\ntemplate: mustache', 'template format "mustache" is not supported'],
    ['model: gpt-4o\ninputs:\n  - { name: photo, kind: image }', 'input "photo" has kind image'],
    ['model: gpt-4o\ntools:\n  - { name: search, kind: mcp }', 'tool "search" has kind "mcp"'],
  ])('gives a clear error for %j', (front, message) => {
    expect(() => read(front)).toThrow(message);
  });
});
