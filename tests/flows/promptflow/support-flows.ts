import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temp folder holding `files` (path → text); returns its path. */
export function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-pf-flow-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A one-python-node flow.dag.yaml: inputs.text → node `step` (step.py) → output. */
export const onePythonNode = (extraNode = '') => `inputs:
  text: { type: string }
outputs:
  output: { type: string, reference: "\${step.output}" }
nodes:
- name: step
  type: python
  source: { type: code, path: step.py }
  inputs:
    text: \${inputs.text}
${extraNode}`;
