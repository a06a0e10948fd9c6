import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { rangeProblem } from './check-ranges.js';
import { readResultsStream } from './read-stream.js';
import { resultsJsonChunks } from './serialise.js';
import { upgradeV1 } from './upgrade.js';
import type { ResultsFile } from './types.js';
import { checkedVersion, invalid, REGENERATE, schemaProblem } from './validate.js';

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
  return checkedDocument(value, label);
}

function checkedDocument(value: unknown, label: string): ResultsFile {
  const document = checkedVersion(value, { file: label }) === 1 ? upgradeV1(value as Record<string, unknown>) : value;
  const problem = schemaProblem('document', document) ?? rangeProblem(document as ResultsFile);
  if (problem) throw invalid(problem, { file: label });
  return document as ResultsFile;
}

/**
 * Read as a stream when the file is in the writer's layout (one line per case: no string holds
 * the file), else as one text, so every file that parses as a whole still reads.
 */
export async function readResultsFile(path: string): Promise<ResultsFile> {
  const label = relative(process.cwd(), path) || path;
  const streamed = await readResultsStream(path, label);
  if (streamed.kind === 'read') return streamed.results;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (streamed.kind === 'off-layout') throw streamed.error;
    if (error instanceof RangeError) throw new ConfigError('too large to read as one text, and not in the one-line-per-case layout that is read as a stream', { file: label }, REGENERATE);
    throw new ConfigError('cannot read the results file', { file: label }, 'check the path');
  }
  if (streamed.kind === 'not-streamed') return parseResultsFile(text, label);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw streamed.error;
  }
  return checkedDocument(value, label);
}

/** Compact, one line per case, streamed to disk and written atomically. */
export async function writeResultsFile(path: string, results: ResultsFile): Promise<void> {
  await writeFileAtomic(path, resultsJsonChunks(results));
}
