import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSuite } from '../../src/suites/load.js';
import { docText, DOCS, fencedBlocks } from '../support/docs.js';

/** The docs' YAML is what users copy: every block must load (every metric is listed in the generated table of docs/metrics.md). */
const yamlBlocks = DOCS.flatMap((doc) => fencedBlocks(doc.text, 'yaml'));
const block = (path: string, start: string) => {
  const found = fencedBlocks(docText(path), 'yaml').find((text) => text.startsWith(start));
  if (!found) throw new Error(`${path} has no yaml block starting with ${start}`);
  return found;
};

const CASE = { id: 'refund', question: 'Can I return a tent?', context: 'Tents can be returned within 30 days with a receipt.', answer: 'Yes, within 30 days.', is_harmful: false };

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-docs-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('the YAML examples of README.md and docs/', () => {
  it('every yaml block is valid YAML', () => {
    expect(yamlBlocks.length).toBeGreaterThan(4);
    for (const text of yamlBlocks) expect(() => parse(text), text).not.toThrow();
  });

  it('the suite of docs/suites.md loads as written', async () => {
    const dir = folder({ 'support.eval.yaml': block('docs/suites.md', 'name: support-answers'), 'support.jsonl': `${JSON.stringify(CASE)}\n` });
    const suite = await loadSuite(join(dir, 'support.eval.yaml'), dir);
    expect(suite.evaluators.map((evaluator) => evaluator.metric)).toEqual(['contains', 'f1', 'groundedness', 'moderation', 'cost', 'latency']);
  });

  it('every evaluator of docs/metrics.md loads as written', async () => {
    const examples = block('docs/metrics.md', 'evaluators:');
    const dir = folder({
      'examples.eval.yaml': `name: examples\nflow: { kind: command, command: node app.mjs }\ncases:\n  - ${JSON.stringify(CASE)}\n${examples}`,
      'tone.prompty': '---\nname: tone\n---\nsystem:\nRate the tone of the answer.\nuser:\n{{output}}\n',
      'evaluators/groundedness.prompty': '---\nmodel: { api: chat, parameters: { max_tokens: 1 } }\ninputs: { answer: { type: string }, context: { type: string }, question: { type: string } }\n---\nsystem:\nRate 1-5.\nuser:\nQ: {{question}} C: {{context}} A: {{answer}}\n',
    });
    const suite = await loadSuite(join(dir, 'examples.eval.yaml'), dir);
    expect(suite.evaluators.length).toBe([...examples.matchAll(/^\s+- (\{ )?(name|metric):/gm)].length);
  });
});
