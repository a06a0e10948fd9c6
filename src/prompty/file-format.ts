import { parse as parseYaml } from 'yaml';
import { PromptyError } from './errors.js';

/**
 * A .prompty file split per the Prompty spec (§2.1–2.2): optional YAML front matter between
 * `---` (or `+++`) lines, leading whitespace allowed, empty front matter allowed; without front
 * matter the whole file is the body.
 */
export interface PromptyParts {
  meta: Record<string, unknown>;
  body: string;
  /** Line of the file where the body starts (1-based), so render errors point into the file. */
  bodyLine: number;
}

const OPENING = /^(\s*)(?:---|\+\+\+)[ \t]*\r?\n/;
const CLOSING = /^(?:---|\+\+\+)[ \t]*$/m;
const lineCount = (text: string) => text.split('\n').length - 1;

export function splitPrompty(text: string): PromptyParts {
  const source = text.replace(/^\uFEFF/, '');
  const opening = OPENING.exec(source);
  if (!opening) return { meta: {}, body: source, bodyLine: 1 };
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new PromptyError('its front matter has no closing --- line', lineCount(opening[0]));
  const yaml = rest.slice(0, closing.index);
  const metaLine = lineCount(opening[0]) + 1;
  let meta: unknown;
  try {
    meta = parseYaml(yaml) ?? {};
  } catch (error) {
    const at = /at line (\d+)/.exec((error as Error).message);
    throw new PromptyError(`its front matter is not valid YAML: ${(error as Error).message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`, metaLine + (at ? Number(at[1]) - 1 : 0));
  }
  if (typeof meta !== 'object' || Array.isArray(meta)) throw new PromptyError('its front matter must be a YAML mapping', metaLine);
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  const consumed = source.length - afterClosing.length;
  return { meta: meta as Record<string, unknown>, body: afterClosing, bodyLine: lineCount(source.slice(0, consumed)) + 1 };
}
