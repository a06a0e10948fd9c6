import nunjucks from 'nunjucks';
import { parse as parseYaml } from 'yaml';
import type { ChatMessage } from '../core/messages.js';

/**
 * A Prompty file (Microsoft's prompt format, as in Contoso Chat): YAML front matter between `---`
 * lines (v1 or v2) and a Jinja body split into messages by `system:` / `user:` / `assistant:`
 * lines. Used as a flow (`kind: prompty`) and as a rubric judge's prompt.
 */
export interface PromptyFile {
  meta: Record<string, unknown>;
  body: string;
  /** Line of the file where the body starts (1-based), so render errors point into the file. */
  bodyLine: number;
}

export class PromptyError extends Error {
  /** Line in the .prompty file, when known. */
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'PromptyError';
    this.line = line;
  }
}

/** What rendering needs of a Prompty file. */
export type PromptyBody = Pick<PromptyFile, 'body' | 'bodyLine'>;

const ROLE_LINE = /^\s*#?\s*(system|user|assistant)\s*:\s*$/i;
const lenient = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });
const strict = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });

export function readPrompty(text: string): PromptyFile {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new PromptyError('a .prompty file starts with front matter between --- lines', 1);
  let meta: unknown;
  try {
    meta = parseYaml(match[1] ?? '') ?? {};
  } catch (error) {
    throw new PromptyError(`its front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`, 2);
  }
  if (typeof meta !== 'object' || Array.isArray(meta)) throw new PromptyError('its front matter must be a YAML mapping', 2);
  return { meta: meta as Record<string, unknown>, body: match[2] ?? '', bodyLine: (match[1] ?? '').split('\n').length + 3 };
}

/** Where nunjucks stopped, mapped into the file, with the `{{ … }}` it could not output. */
function renderError(error: Error, file: PromptyBody): PromptyError {
  const at = /\[Line (\d+), Column (\d+)\]/.exec(error.message);
  const detail = error.message.split('\n').pop()?.trim() ?? error.message;
  if (!at) return new PromptyError(detail);
  const line = Number(at[1]);
  const source = file.body.split('\n')[line - 1] ?? '';
  const expression = /^\{\{-?\s*([\s\S]*?)\s*-?\}\}/.exec(source.slice(Number(at[2]) - 1))?.[1];
  const what = /undefined value/.test(detail) && expression ? `{{ ${expression} }} is undefined` : detail;
  return new PromptyError(what, file.bodyLine + line - 1);
}

/** Renders Jinja text; `strict`: outputting an undefined value is a PromptyError naming it. */
export function renderJinja(file: PromptyBody, variables: Record<string, unknown>, options: { strict: boolean }): string {
  try {
    return (options.strict ? strict : lenient).renderString(file.body, variables);
  } catch (error) {
    throw renderError(error as Error, file);
  }
}

/**
 * Renders the body over `variables` and splits it into chat messages. `strict`: outputting an
 * undefined value is an error (a flow must never send a prompt with a hole in it).
 */
export function renderPrompty(file: PromptyBody, variables: Record<string, unknown>, options: { strict: boolean }): ChatMessage[] {
  const body = renderJinja(file, variables, options);
  const messages: ChatMessage[] = [];
  let current: ChatMessage | undefined;
  for (const line of body.split(/\r?\n/)) {
    const role = ROLE_LINE.exec(line)?.[1]?.toLowerCase() as ChatMessage['role'] | undefined;
    if (role) {
      current = { role, content: '' };
      messages.push(current);
    } else if (current) current.content += `${line}\n`;
    else if (line.trim()) {
      current = { role: 'system', content: `${line}\n` };
      messages.push(current);
    }
  }
  return messages.map((message) => ({ ...message, content: message.content.trim() })).filter((message) => message.content);
}
