import type { Document } from 'yaml';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { ConfigError } from './errors.js';

/** A parsed YAML file that can say on which line any JSON path of it stands. */
export interface YamlSource {
  file: string;
  value: unknown;
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Alias expansions a document may make (a "billion laughs" bomb makes millions). */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const position = error.linePos?.[0];
    const message = error.message.split('\n')[0] ?? error.message;
    throw new ConfigError(
      `invalid YAML: ${message.replace(/ at line \d+, column \d+:?$/, '')}`,
      { file, ...(position ? { line: position.line, column: position.col } : {}) },
      'fix the YAML syntax at that line',
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new ConfigError(`YAML aliases expand too far (${(error as Error).message})`, { file }, `use at most ${MAX_ALIAS_COUNT} alias expansions; write the repeated parts out`);
  }
  return {
    file,
    value,
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth -= 1) {
        const node = doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

/** `/evaluators/2/expected` → ['evaluators', 2, 'expected'] */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
