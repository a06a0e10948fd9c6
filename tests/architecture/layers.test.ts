import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, bottom first. A folder imports only from folders below it (and itself):
 * the folder graph is acyclic by construction, and this test keeps it so.
 */
const LAYERS = ['core', 'model', 'prompty', 'flows', 'metrics', 'suites', 'runner', 'results', 'evaluate', 'compare', 'history', 'report', 'engine', 'action', 'cli'];

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level folder of src/ a file lives in ('' for src/index.ts). */
const folderOf = (path: string) => (relative(SRC, path).includes('/') ? relative(SRC, path).split('/')[0] ?? '' : '');

function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    const targets = graph.get(from) ?? new Set<string>();
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
      const target = resolve(dirname(file), spec ?? '');
      if (!target.startsWith(SRC)) continue;
      const to = folderOf(target);
      if (to !== from) targets.add(to);
    }
    graph.set(from, targets);
  }
  return graph;
}

describe('src/ layers', () => {
  const graph = folderImports();

  it('names every folder of src/ in the layer list', () => {
    const folders = [...graph.keys()].filter(Boolean).sort();
    expect(folders).toEqual([...LAYERS].sort());
  });

  it('imports only point down: no folder imports a folder above it, so the folder graph is acyclic', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      [...targets].filter((to) => from !== '' && LAYERS.indexOf(to) > LAYERS.indexOf(from)).map((to) => `${from} → ${to}`),
    );
    expect(upward).toEqual([]);
  });
});
