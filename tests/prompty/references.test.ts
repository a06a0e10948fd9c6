import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPromptySpec } from '../../src/prompty/load.js';

const root = mkdtempSync(join(tmpdir(), 'evalgate-prompty-refs-'));
const dir = join(root, 'prompts');
mkdirSync(dir);
writeFileSync(join(dir, 'schema.json'), '[{ "name": "answer", "kind": "string", "required": true }]');
writeFileSync(join(dir, 'defaults.yaml'), 'tone: warm\n');
writeFileSync(join(dir, 'persona.txt'), 'a patient tutor');
writeFileSync(join(root, 'secret.txt'), 'outside');
symlinkSync(join(root, 'secret.txt'), join(dir, 'link.txt'));

const read = (front: string, env: Record<string, string> = {}) => readPromptySpec(`---\n${front}\n---\nuser:\nhi`, join(dir, 'p.prompty'), env);

describe('${file:} and ${env:} references (Prompty spec §2.11)', () => {
  it('resolves ${file:} as JSON, YAML or text, relative to the .prompty file', () => {
    const spec = read('model: gpt-4o\noutputs: ${file:schema.json}\ninputs:\n  settings: ${file:defaults.yaml}\n  persona: ${file:persona.txt}');
    expect(spec.defaults).toEqual({ settings: { tone: 'warm' }, persona: 'a patient tutor' });
    expect(spec.parameters.response_format).toMatchObject({ json_schema: { schema: { required: ['answer'] } } });
  });

  it('refuses files outside the .prompty folder (.., absolute paths, symlinks) and missing files', () => {
    expect(() => read('model: gpt-4o\ninputs: { x: "${file:../secret.txt}" }')).toThrow("points outside the .prompty file's folder");
    expect(() => read('model: gpt-4o\ninputs: { x: "${file:link.txt}" }')).toThrow("points outside the .prompty file's folder");
    expect(() => read(`model: gpt-4o\ninputs: { x: "\${file:${join(root, 'secret.txt')}}" }`)).toThrow("points outside the .prompty file's folder");
    expect(() => read('model: gpt-4o\ninputs: { x: "${file:nope.txt}" }')).toThrow('${file:nope.txt} not found');
  });

  it('reads ${env:} only for variables the workflow allowed in EVALGATE_PROMPTY_ENV', () => {
    const env = { EVALGATE_PROMPTY_ENV: 'DEPLOYMENT, TONE', DEPLOYMENT: 'gpt-4o-prod', TONE: 'formal', OPENAI_API_KEY: 'sk-secret' };
    expect(read('model: ${env:DEPLOYMENT}\ninputs: { tone: "${env:TONE}" }', env)).toMatchObject({ model: 'gpt-4o-prod', defaults: { tone: 'formal' } });
    expect(read('model: gpt-4o\ninputs: { key: "${env:OPENAI_API_KEY:none}" }', env).defaults).toEqual({ key: 'none' });
    expect(() => read('model: gpt-4o\ninputs: { key: "${env:OPENAI_API_KEY}" }', env)).toThrow('${env:OPENAI_API_KEY} is not available');
  });

  it('leaves connection settings alone (EvalGate uses its own endpoint and key)', () => {
    const spec = read('model:\n  api: chat\n  configuration:\n    azure_deployment: gpt-4o\n    api_key: ${env:AZURE_OPENAI_API_KEY}\n    azure_endpoint: ${env:AZURE_OPENAI_ENDPOINT}');
    expect(spec.model).toBe('gpt-4o');
  });
});
