import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Every configuration error tells the user how to fix it: each `new ConfigError(` in src/ passes a hint. */
const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

function configErrorsWithoutHint(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const missing: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(file) === 'ConfigError') {
      const hint = node.arguments?.[2];
      const empty = !hint || (ts.isStringLiteralLike(hint) && hint.text.trim() === '') || hint.kind === ts.SyntaxKind.UndefinedKeyword;
      if (empty) missing.push(`${relative(SRC, path)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return missing;
}

describe('configuration errors', () => {
  it('every `new ConfigError(` in src/ passes a hint (" — how to fix")', () => {
    const files = sourceFiles(SRC);
    const calls = files.flatMap((path) => readFileSync(path, 'utf8').split('new ConfigError(').length - 1).reduce((a, b) => a + b, 0);
    expect(calls).toBeGreaterThan(50);
    expect(files.flatMap(configErrorsWithoutHint)).toEqual([]);
  });
});
