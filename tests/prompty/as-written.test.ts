import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPromptySpec } from '../../src/prompty/load.js';
import { PromptyError } from '../../src/prompty/errors.js';
import { renderPrompty } from '../../src/prompty/render.js';

const dir = mkdtempSync(join(tmpdir(), 'evalgate-prompty-21-'));
const read = (front: string, body = 'user:\n{{ question }}\n') => readPromptySpec(`---\n${front}\n---\n${body}`, join(dir, 'p.prompty'), {});

describe('Prompty: what the author wrote is what is sent', () => {
  it('a thread input whose front-matter default is not a list: the case’s list is used; without one the default is blamed', () => {
    const spec = read('model: gpt-4o\ninputs:\n  history: { type: thread, default: {} }\n  question: { type: string }', 'system:\nBe brief.\n{{ history }}\nuser:\n{{ question }}\n');
    expect(renderPrompty(spec, { history: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello' }], question: 'And?' })).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello' },
      { role: 'user', content: 'And?' },
    ]);
    const error = (() => {
      try {
        return renderPrompty(spec, { question: 'And?' });
      } catch (caught) {
        return caught;
      }
    })() as PromptyError;
    expect(error).toBeInstanceOf(PromptyError);
    expect(error.message).toBe('input "history" is a thread, but its front-matter default is not a list of messages');
    expect(error.fix).toContain('set the default to [] in the front matter');
    expect(() => renderPrompty(spec, { history: 'not a list', question: 'x' })).toThrow('input "history" is a thread: give it a list of { role, content } messages');
  });

  it('a v1 file with response_format json_object and `outputs:` is sent json_object, not a schema built from outputs', () => {
    const spec = read('model:\n  api: chat\n  configuration: { azure_deployment: gpt-35-turbo }\n  parameters: { response_format: { type: json_object } }\noutputs:\n  score: { type: number }');
    expect(spec.parameters.response_format).toEqual({ type: 'json_object' });
    expect(read('model: gpt-4o\noutputs:\n  - { name: score, kind: float }').parameters.response_format).toMatchObject({ type: 'json_schema' });
  });
});
