import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/core/atomic-write.js';
import { resultsDocument, ranSuite, skippedSuite } from '../../src/results/build.js';
import type { SuiteHeader } from '../../src/results/build.js';
import { readResultsFile, writeResultsFile } from '../../src/results/io.js';
import { resultsJsonChunks } from '../../src/results/serialise.js';

const header = (name: string): SuiteHeader => ({ name, file: `${name}.eval.yaml`, hash: 'h', flow: { kind: 'command' }, repeat: 1, alpha: 0.05, tolerance: 0.05, metrics: [] });
const sample = (output: string) => ({ output, usage: { prompt: 1, completion: 2, cached: 0, reasoning: 0 }, latencyMs: 3, cached: true, scores: { f1: { status: 'ok' as const, value: 0.5 } } });
const document = resultsDocument({ date: '2026-01-01T00:00:00.000Z', durationMs: 5, cache: { hits: 1, misses: 2 } }, [
  ranSuite(header('a'), [
    { id: 'c1', hash: 'x', inputs: { q: 'line\nbreak "quoted"' }, samples: [sample('one')] },
    { id: 'c2', hash: 'y', inputs: {}, samples: [sample('two')] },
  ]),
  skippedSuite(header('b'), 'no key'),
  ranSuite(header('c'), []),
]);

it('streams compact JSON, one line per case, that parses back to the same document', async () => {
  const text = [...resultsJsonChunks(document)].join('');
  expect(JSON.parse(text)).toEqual(document);
  expect(text.split('\n').filter((line) => line.startsWith('{"id":'))).toHaveLength(2);
  const path = join(mkdtempSync(join(tmpdir(), 'evalgate-serialise-')), 'results.json');
  await writeResultsFile(path, document);
  expect(await readResultsFile(path)).toEqual(document);
  expect(readFileSync(path, 'utf8')).toBe(text);
});

it('writes a document larger than one piece, atomically, and leaves no temp file on failure', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-chunks-'));
  const path = join(dir, 'big.txt');
  await writeFileAtomic(path, Array.from({ length: 3000 }, (_, index) => `${String(index).padStart(999, '.')}\n`));
  expect(readFileSync(path, 'utf8').length).toBe(3_000_000);
  function* failing(): Generator<string> {
    yield 'half';
    throw new Error('disk full');
  }
  await expect(writeFileAtomic(path, failing())).rejects.toThrow('disk full');
  expect(readFileSync(path, 'utf8').length).toBe(3_000_000);
  const { readdirSync } = await import('node:fs');
  expect(readdirSync(dir)).toEqual(['big.txt']);
});
