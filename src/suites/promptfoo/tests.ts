import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYamlText } from 'yaml';
import type { Dict } from '../../core/dict.js';
import { isDict } from '../../core/dict.js';
import { expectedCell } from './assertions.js';

/** A promptfoo test before translation: its vars, its assertions as written, and where it came from. */
export interface PromptfooTest {
  vars: Dict;
  assert: unknown[];
  description?: string;
  /** Path in the config for line numbers (inline tests), else the tests file. */
  path: (string | number)[];
  file?: string;
}

export class TestsError extends Error {}

function readText(dir: string, file: string): string {
  try {
    return readFileSync(resolve(dir, file), 'utf8');
  } catch {
    throw new TestsError(`tests file not found: ${file} (relative to the config)`);
  }
}

/** A CSV row: plain columns are vars, `__expected…` cells are assertions, `__description` the name. */
function fromCsvRow(row: Record<string, string>, file: string): PromptfooTest {
  const vars: Dict = {};
  const assert: unknown[] = [];
  let description: string | undefined;
  for (const [column, cell] of Object.entries(row)) {
    if (/^__expected\d*$/.test(column)) {
      if (cell.trim()) assert.push(expectedCell(cell));
    } else if (column === '__description') description = cell;
    else if (!column.startsWith('__')) vars[column] = cell;
  }
  return { vars, assert, ...(description ? { description } : {}), path: ['tests'], file };
}

/** `options.transform` rewrites outputs with JavaScript before assertions: not translated, so refused. */
export function rejectTransform(options: unknown): void {
  if (isDict(options) && (options.transform !== undefined || options.postprocess !== undefined)) {
    throw new TestsError('`options.transform` is not supported — assert on the raw output (e.g. a javascript assertion that parses it)');
  }
}

/** Values written `file://x.txt` in vars are read as text (promptfoo loads them). */
export function loadVars(vars: Dict, dir: string): Dict {
  return Object.fromEntries(Object.entries(vars).map(([key, value]) => [key, typeof value === 'string' && value.startsWith('file://') && !/\.(js|py)$/.test(value) ? readText(dir, value.slice(7)) : value]));
}

function fromObject(test: unknown, path: (string | number)[], dir: string, file?: string): PromptfooTest {
  if (!isDict(test)) throw new TestsError('each test must be a mapping (vars, assert, description)');
  if (test.provider !== undefined || test.providerOutput !== undefined) throw new TestsError('per-test `provider`/`providerOutput` is not supported');
  rejectTransform(test.options);
  return {
    vars: loadVars(isDict(test.vars) ? test.vars : {}, dir),
    assert: Array.isArray(test.assert) ? test.assert : [],
    ...(typeof test.description === 'string' ? { description: test.description } : {}),
    path,
    ...(file ? { file } : {}),
  };
}

function readFileTests(reference: string, dir: string): PromptfooTest[] {
  const file = reference.slice('file://'.length);
  const text = readText(dir, file);
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') {
    const rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    return rows.map((row) => fromCsvRow(row, file));
  }
  if (extension === '.yaml' || extension === '.yml' || extension === '.json') {
    const parsed: unknown = parseYamlText(text);
    if (!Array.isArray(parsed)) throw new TestsError(`${file} must hold a list of tests`);
    return parsed.map((test) => fromObject(test, ['tests'], dir, file));
  }
  if (extension === '.jsonl') return text.split(/\r?\n/).filter((line) => line.trim()).map((line) => fromObject(JSON.parse(line), ['tests'], dir, file));
  throw new TestsError(`tests file ${file}: EvalGate reads .csv, .yaml, .json and .jsonl tests (not ${extension || 'this file'})`);
}

/** The config's `tests:`: inline list, `file://` files (CSV with `__expected`, YAML, JSON), or a mix. */
export function readTests(value: unknown, dir: string): PromptfooTest[] {
  if (value === undefined) throw new TestsError('`tests` is missing: EvalGate needs cases to evaluate');
  if (typeof value === 'string') return value.startsWith('file://') ? readFileTests(value, dir) : [];
  if (!Array.isArray(value)) throw new TestsError('`tests` must be a list or a file:// reference');
  return value.flatMap((test: unknown, index) => (typeof test === 'string' && test.startsWith('file://') ? readFileTests(test, dir) : [fromObject(test, ['tests', index], dir)]));
}
