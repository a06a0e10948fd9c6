import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from '../../schema/results.schema.json' with { type: 'json' };
import { ConfigError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { rangeProblem } from './check-ranges.js';
import { resultsJsonChunks } from './serialise.js';
import { upgradeV1 } from './upgrade.js';
import type { ResultsFile } from './types.js';
import { RESULTS_FORMAT, RESULTS_VERSION } from './types.js';

let validate: ReturnType<Ajv2020['compile']> | undefined;

const REGENERATE = 'regenerate it with `evalgate run --update-baseline` on the base branch';

/**
 * A results file or baseline, validated before use: a baseline is untrusted input (it may come
 * from a PR, a fork's artifact or a bad merge). Errors name the JSON path and what was expected.
 */
export function parseResultsFile(text: string, label: string): ResultsFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`not valid JSON (${(error as Error).message})`, { file: label }, REGENERATE);
  }
  const header = (value ?? {}) as { format?: unknown; version?: unknown };
  if (header.format !== RESULTS_FORMAT) {
    throw new ConfigError(`not an EvalGate results file (format is ${JSON.stringify(header.format)})`, { file: label }, REGENERATE);
  }
  if (typeof header.version === 'number' && header.version > RESULTS_VERSION) {
    throw new ConfigError(
      `written by a newer EvalGate (results format version ${header.version}; this one reads ${RESULTS_VERSION})`,
      { file: label },
      'upgrade EvalGate',
    );
  }
  if (header.version === 1) value = upgradeV1(value as Record<string, unknown>);
  validate ??= new Ajv2020({ allErrors: false, strict: false }).compile(schema);
  if (!validate(value)) {
    const [error] = validate.errors ?? [];
    const path = error?.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    throw new ConfigError(`invalid results file at ${path}: ${error?.message ?? 'does not match the schema'}`, { file: label }, REGENERATE);
  }
  const problem = rangeProblem(value as ResultsFile);
  if (problem) throw new ConfigError(`invalid results file at ${problem}`, { file: label }, REGENERATE);
  return value as ResultsFile;
}

export async function readResultsFile(path: string): Promise<ResultsFile> {
  const label = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ConfigError('cannot read the results file', { file: label }, 'check the path');
  }
  return parseResultsFile(text, label);
}

/** Compact, one line per case, streamed to disk and written atomically. */
export async function writeResultsFile(path: string, results: ResultsFile): Promise<void> {
  await writeFileAtomic(path, resultsJsonChunks(results));
}
