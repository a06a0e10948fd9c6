import { readFile } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { ConfigError } from '../core/errors.js';
import { canonicalJson, sha256 } from '../core/hash.js';
import type { Case } from '../core/case.js';
import { parseYaml } from '../core/yaml-source.js';

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
    if (!isRecord(value)) throw new ConfigError('expected a JSON object on this line', { file, line: index + 1 });
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
    throw new ConfigError(`invalid CSV: ${message.replace(/^CSV_\w+: /, '')}`, { file, ...(lines ? { line: lines } : {}) });
  }
}

/** A YAML (or JSON, which YAML reads) list of case objects. */
function parseListCases(text: string, file: string): RawCase[] {
  const source = parseYaml(text, file);
  if (!Array.isArray(source.value)) throw new ConfigError('expected a list of cases', { file, line: 1 });
  return source.value.map((item: unknown, index) => {
    if (!isRecord(item)) throw new ConfigError(`case ${index + 1} must be an object`, { file, line: source.lineOf([index]) });
    return { vars: item, line: source.lineOf([index]) };
  });
}

export async function readDataFile(dataPath: string, suiteDir: string, suiteFile: string, suiteLine: number | undefined, cwd: string): Promise<Case[]> {
  const absolute = resolve(suiteDir, dataPath);
  const file = relative(cwd, absolute) || absolute;
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    throw new ConfigError(`data file not found: ${file}`, { file: suiteFile, line: suiteLine }, '`data:` is relative to the suite file');
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
