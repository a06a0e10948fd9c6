import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The promptflow fixture folders. */
export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/promptflow');

/** A temp folder with one suite `pf.eval.yaml` (flow + evaluators as YAML text) and its cases. */
export function suiteWith(flow: string, cases: object[], evaluators = '  - { metric: contains, expected: "{{want}}" }'): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-pf-'));
  writeFileSync(join(dir, 'cases.jsonl'), cases.map((entry) => JSON.stringify(entry)).join('\n'));
  writeFileSync(join(dir, 'pf.eval.yaml'), `name: pf\nflow: ${flow}\ndata: cases.jsonl\nevaluators:\n${evaluators}\n`);
  return dir;
}
