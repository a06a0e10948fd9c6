import { readFile, stat } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { ConfigError } from '../core/errors.js';
import { canonicalJson, sha256 } from '../core/hash.js';
import type { Case } from '../core/case.js';
import { parseYaml } from '../core/yaml-source.js';

/** Larger case files are a mistake (a log, a dump), and would not fit in memory as cases. */
const MAX_DATA_BYTES = 100_000_000;

interface RawCase {
  vars: Record<string, unknown>;
  line?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJsonl(text: string, file: string): RawCase[] {
  const cases: RawCase[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ConfigError(`invalid JSON: ${(error as Error).message}`, { file, line: index + 1 }, 'each line must be one JSON object');
    }
    if (!isRecord(value)) throw new ConfigError('expected a JSON object on this line', { file, line: index + 1 }, 'write each case as one {"field": …} object per line');
    cases.push({ vars: value, line: index + 1 });
  });
  return cases;
}

function parseCsvCases(text: string, file: string): RawCase[] {
  try {
    const records = parseCsv(text, { columns: true, skip_empty_lines: true, info: true, bom: true }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => ({ vars: record, line: info.lines }));
  } catch (error) {
    const { message, lines } = error as { message: string; lines?: number };
    throw new ConfigError(`invalid CSV: ${message.replace(/^CSV_\w+: /, '')}`, { file, ...(lines ? { line: lines } : {}) }, 'a header row, then one row per case with as many columns; quote fields holding commas');
  }
}

/** A YAML (or JSON, which YAML reads) list of case objects. */
function parseListCases(text: string, file: string): RawCase[] {
  const source = parseYaml(text, file);
  if (!Array.isArray(source.value)) throw new ConfigError('expected a list of cases', { file, line: 1 }, 'write the cases as a YAML/JSON list of objects (- question: …)');
  return source.value.map((item: unknown, index) => {
    if (!isRecord(item)) throw new ConfigError(`case ${index + 1} must be an object`, { file, line: source.lineOf([index]) }, 'write each case as a mapping of fields (question: …, answer: …)');
    return { vars: item, line: source.lineOf([index]) };
  });
}

export async function readDataFile(dataPath: string, suiteDir: string, suiteFile: string, suiteLine: number | undefined, cwd: string): Promise<Case[]> {
  const absolute = resolve(suiteDir, dataPath);
  const file = relative(cwd, absolute) || absolute;
  const where = { file: suiteFile, ...(suiteLine ? { line: suiteLine } : {}) };
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new ConfigError(`data file not found: ${file}`, where, '`data:` is relative to the suite file');
  if (!info.isFile()) throw new ConfigError(`data: ${file} is not a file`, where, 'point `data:` at a .jsonl, .csv, .yaml or .json file');
  if (info.size > MAX_DATA_BYTES) {
    throw new ConfigError(`data file ${file} is ${Math.round(info.size / 1e6)} MB, over the ${MAX_DATA_BYTES / 1e6} MB limit`, where, 'split it into several suites, or sample the cases you gate on');
  }
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read data file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, where, 'check the file’s permissions');
  }
  const extension = extname(absolute).toLowerCase();
  const raw = extension === '.jsonl' ? parseJsonl(text, file) : extension === '.csv' ? parseCsvCases(text, file) : parseListCases(text, file);
  return toCases(raw, file);
}

/** Inline `cases:` of a suite file; `lineOf(index)` gives each case's line there. */
export function inlineCases(values: unknown[], file: string, lineOf: (index: number) => number | undefined): Case[] {
  return toCases(
    values.map((vars, index) => ({ vars: vars as Record<string, unknown>, line: lineOf(index) })),
    file,
  );
}

function toCases(raw: RawCase[], file: string): Case[] {
  const seen = new Map<string, number | undefined>();
  return raw.map(({ vars, line }) => {
    const given = vars.id;
    const id = typeof given === 'string' || typeof given === 'number' ? String(given) : sha256(canonicalJson(vars)).slice(0, 12);
    if (seen.has(id)) {
      throw new ConfigError(`duplicate case id "${id}" (also on line ${seen.get(id) ?? '?'})`, { file, line }, 'give each case a unique `id`');
    }
    seen.set(id, line);
    return { id, vars, source: { file, ...(line ? { line } : {}) } };
  });
}
