import { readFileSync } from 'node:fs';
import { DOC_FILES } from '../../scripts/generated-docs.js';

/** The documentation as users read it: README.md and docs/*.md, by path relative to the repository. */
export const docText = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

export const DOCS: readonly { path: string; text: string }[] = DOC_FILES.map((path) => ({ path, text: docText(path) }));

/** Fenced blocks of one language, with the indentation of a block nested in a list item removed. */
export function fencedBlocks(text: string, language: string): string[] {
  const fence = new RegExp(String.raw`^( *)\`\`\`${language}\n([\s\S]*?)^ *\`\`\``, 'gm');
  return [...text.matchAll(fence)].map(([, indent, body]) => (body as string).split('\n').map((line) => line.slice((indent as string).length)).join('\n'));
}
