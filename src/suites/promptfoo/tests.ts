import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { globSync } from 'tinyglobby';
import { parse as parseYamlText } from 'yaml';
import type { Dict } from '../../core/dict.js';
import { isDict } from '../../core/dict.js';
import type { GradingOptions } from './assertions.js';
import { expectedCell } from './assertions.js';

/** A promptfoo test before translation: its vars, its assertions as written, and where it came from. */
export interface PromptfooTest {
  vars: Dict;
  assert: unknown[];
  description?: string;
  /** `options.provider` / `options.rubricPrompt` for its model-graded assertions. */
  grading: GradingOptions;
  /** Path in the config for line numbers (inline tests), else the tests file. */
  path: (string | number)[];
  file?: string;
}

export class TestsError extends Error {}

function readText(dir: string, file: string, what = 'tests file'): string {
  try {
    return readFileSync(resolve(dir, file), 'utf8');
  } catch {
    throw new TestsError(`${what} not found: ${file} (relative to the config)`);
  }
}

const CSV_REFUSED: Record<string, string> = {
  __prefix: '`__prefix` (text added before the prompt) is not supported — put it in the prompt',
  __suffix: '`__suffix` (text added after the prompt) is not supported — put it in the prompt',
  __providerOutput: '`__providerOutput` (a canned answer) is not supported — EvalGate scores what the flow answers',
  __threshold: '`__threshold` (a test passes when the weighted score of its asserts reaches it) has no EvalGate equivalent — each assert is gated on its own; set a threshold per assert with `__config:__expected:threshold`',
};

/** A `__config:__expected<N>:threshold` column → the index of its assert. */
function configTarget(column: string, file: string): number {
  const match = /^__config:__expected(\d*):(\w+)$/.exec(column);
  const index = match ? (match[1] ? Number(match[1]) - 1 : 0) : -1;
  if (!match || index < 0) throw new TestsError(`${file}: column "${column}" must be __config:__expected:threshold or __config:__expected<N>:threshold`);
  if (match[2] !== 'threshold') throw new TestsError(`${file}: column "${column}": promptfoo's __config columns set only \`threshold\``);
  return index;
}

/**
 * A CSV row as promptfoo reads it: `__expected…` cells are assertions, `__description` the name,
 * `__metric` the name of the row's assertions, `__config:__expected<N>:threshold` an assert's
 * threshold, `__metadata:<key>` (`<key>[]` comma lists) the case's `metadata`; other columns are vars.
 */
function fromCsvRow(row: Record<string, string>, file: string): PromptfooTest {
  const vars: Dict = {};
  const assert: Dict[] = [];
  const thresholds = new Map<number, number>();
  const metadata: Dict = {};
  let description: string | undefined;
  let metric: string | undefined;
  for (const [rawColumn, cell] of Object.entries(row)) {
    const column = rawColumn.trim();
    const refused = CSV_REFUSED[column];
    if (refused && cell.trim()) throw new TestsError(`${file}: ${refused}`);
    if (column.startsWith('__expected')) {
      if (cell.trim()) assert.push(expectedCell(cell));
    } else if (column === '__description') description = cell;
    else if (column === '__metric') metric = cell || undefined;
    else if (column.startsWith('__config:')) {
      const value = Number(cell);
      if (!cell.trim() || !Number.isFinite(value)) throw new TestsError(`${file}: column "${column}" needs a number, not ${JSON.stringify(cell)}`);
      thresholds.set(configTarget(column, file), value);
    } else if (column.startsWith('__metadata:')) {
      const key = column.slice('__metadata:'.length);
      if (key.endsWith('[]') && cell.trim()) metadata[key.slice(0, -2)] = cell.split(/(?<!\\),/).map((item) => item.trim().replace(/\\,/g, ','));
      else if (cell.trim()) metadata[key] = cell;
    } else if (column === '__metadata') throw new TestsError(`${file}: the "__metadata" column needs a key, e.g. "__metadata:category"`);
    else if (!refused) vars[column] = cell;
  }
  const asserts = assert.map((entry, index) => ({ ...entry, ...(metric ? { metric } : {}), ...(thresholds.has(index) ? { threshold: thresholds.get(index) } : {}) }));
  return { vars: withMetadata(vars, metadata, file), assert: asserts, grading: {}, ...(description ? { description } : {}), path: ['tests'], file };
}

/** A test's `metadata` is kept as the case's `metadata` field (reported with its inputs, used by no scorer). */
function withMetadata(vars: Dict, metadata: unknown, where: string): Dict {
  if (!isDict(metadata) || Object.keys(metadata).length === 0) return vars;
  if ('metadata' in vars) throw new TestsError(`${where}: a var named "metadata" collides with the test's metadata — rename the var`);
  return { ...vars, metadata };
}

/** What a test's `options` may hold: grader settings; anything else changes outputs or scoring and is refused. */
export function readOptions(options: unknown): GradingOptions {
  if (options === undefined) return {};
  if (!isDict(options)) throw new TestsError('`options` must be a mapping');
  if (options.transform !== undefined || options.postprocess !== undefined) {
    throw new TestsError('`options.transform` is not supported — assert on the raw output (e.g. a javascript assertion that parses it)');
  }
  const other = Object.keys(options).find((key) => key !== 'provider' && key !== 'rubricPrompt');
  if (other) throw new TestsError(`\`options.${other}\` is not supported (EvalGate reads options.provider and options.rubricPrompt, for model-graded asserts)`);
  return { ...(options.provider === undefined ? {} : { provider: options.provider }), ...(options.rubricPrompt === undefined ? {} : { rubricPrompt: options.rubricPrompt }) };
}

/** Keys of a test EvalGate reads. */
const TEST_KEYS = new Set(['vars', 'assert', 'description', 'options', 'metadata']);
const TEST_REFUSED: Record<string, string> = {
  provider: 'per-test `provider` is not supported — one suite runs one provider',
  providerOutput: '`providerOutput` (a canned answer) is not supported — EvalGate scores what the flow answers',
  threshold: "a test's `threshold` (the test passes when the weighted score of its asserts reaches it) has no EvalGate equivalent — each assert is gated on its own; give the asserts thresholds",
  assertScoringFunction: '`assertScoringFunction` (one score combined from the asserts) has no EvalGate equivalent — each assert is its own metric, gated on its own',
};

export function fromObject(test: unknown, path: (string | number)[], file?: string): PromptfooTest {
  if (!isDict(test)) throw new TestsError('each test must be a mapping (vars, assert, description)');
  const unread = Object.keys(test).find((key) => !TEST_KEYS.has(key));
  if (unread) throw new TestsError(TEST_REFUSED[unread] ?? `\`${unread}\` on a test is not supported (EvalGate reads vars, assert, description, options, metadata)`);
  return {
    vars: withMetadata(isDict(test.vars) ? test.vars : {}, test.metadata, 'a test'),
    assert: Array.isArray(test.assert) ? test.assert : [],
    grading: readOptions(test.options),
    ...(typeof test.description === 'string' ? { description: test.description } : {}),
    path,
    ...(file ? { file } : {}),
  };
}

/**
 * One test → one per combination of its vars, as promptfoo expands them: a list of strings is
 * one test per item (several lists: every combination), a `file://` var one test per file its
 * glob matches, read as trimmed text (`.js` / `.py` vars — functions — are refused).
 */
export function expandVars(vars: Dict, dir: string): Dict[] {
  let combinations: Dict[] = [{}];
  for (const [key, value] of Object.entries(vars)) {
    let values: unknown[];
    if (typeof value === 'string' && value.startsWith('file://')) {
      const pattern = value.slice('file://'.length);
      if (/\.(js|cjs|mjs|ts|py)$/.test(pattern)) throw new TestsError(`var "${key}": ${value} is a function var (run by promptfoo to compute the value) — not supported; write the value, or a .txt file`);
      const files = globSync(pattern, { cwd: dir, onlyFiles: true }).sort();
      if (files.length === 0) throw new TestsError(`var "${key}": no file matches ${pattern} (relative to the config)`);
      values = files.map((file) => readText(dir, file, `var "${key}" file`).trim());
    } else values = Array.isArray(value) && typeof value[0] === 'string' ? value : [value];
    combinations = combinations.flatMap((combination) => values.map((item) => ({ ...combination, [key]: item })));
  }
  return combinations;
}

function readFileTests(reference: string, dir: string): PromptfooTest[] {
  const file = reference.slice('file://'.length);
  if (/[*?{]/.test(file)) return globSync(file, { cwd: dir, onlyFiles: true }).sort().flatMap((match) => readFileTests(`file://${match}`, dir));
  const text = readText(dir, file);
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') {
    const rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    return rows.map((row) => fromCsvRow(row, file));
  }
  if (extension === '.yaml' || extension === '.yml' || extension === '.json') {
    const parsed: unknown = parseYamlText(text);
    if (!Array.isArray(parsed)) throw new TestsError(`${file} must hold a list of tests`);
    return parsed.map((test) => fromObject(test, ['tests'], file));
  }
  if (extension === '.jsonl') return text.split(/\r?\n/).filter((line) => line.trim()).map((line) => fromObject(JSON.parse(line), ['tests'], file));
  throw new TestsError(`tests file ${file}: EvalGate reads .csv, .yaml, .json and .jsonl tests (not ${extension || 'this file'})`);
}

/** The config's `tests:`: inline list, `file://` files (CSV with `__expected`, YAML, JSON; globs), or a mix. */
export function readTests(value: unknown, dir: string): PromptfooTest[] {
  if (value === undefined) throw new TestsError('`tests` is missing: EvalGate needs cases to evaluate');
  if (typeof value === 'string') return value.startsWith('file://') ? readFileTests(value, dir) : [];
  if (!Array.isArray(value)) throw new TestsError('`tests` must be a list or a file:// reference');
  return value.flatMap((test: unknown, index) => (typeof test === 'string' && test.startsWith('file://') ? readFileTests(test, dir) : [fromObject(test, ['tests', index])]));
}

/** `defaultTest`: inline, or `file://defaults.yaml` holding the same mapping (vars, assert, options). */
export function readDefaultTest(value: unknown, dir: string): { test: PromptfooTest | undefined; file?: string } {
  if (value === undefined) return { test: undefined };
  if (typeof value === 'string' && value.startsWith('file://')) {
    const file = value.slice('file://'.length);
    return { test: fromObject(parseYamlText(readText(dir, file, 'defaultTest file')), ['defaultTest'], file), file };
  }
  return { test: fromObject(value, ['defaultTest']) };
}
