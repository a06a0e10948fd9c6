import { readFileSync } from 'node:fs';
import { PromptyError } from './errors.js';
import { splitPrompty } from './file-format.js';
import { isDict } from '../core/dict.js';
import { resolveReferences } from './references.js';
import type { PromptySpec } from './spec.js';
import { promptySpec } from './spec.js';

/**
 * Reads a .prompty file into its typed spec: front matter split off, `${env:}` / `${file:}`
 * resolved, v1 and v2 shapes read. Every problem is a PromptyError (with a file line when known).
 */
export function readPromptySpec(text: string, path: string, env: Readonly<Record<string, string | undefined>> = process.env): PromptySpec {
  const parts = splitPrompty(text);
  const meta = resolveReferences(parts.meta, { path, env });
  return promptySpec({ ...parts, meta: isDict(meta) ? meta : {} });
}

export function loadPromptyFile(path: string, env: Readonly<Record<string, string | undefined>> = process.env): PromptySpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new PromptyError('file not found');
  }
  return readPromptySpec(text, path, env);
}
