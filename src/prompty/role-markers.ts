import { randomBytes } from 'node:crypto';
import type { ChatMessage } from '../model/types.js';

/**
 * Role markers (Prompty spec §2.10, §6.2): a line `system:`, `user:` or `assistant:` — case
 * insensitive, optionally indented, after a markdown `#`, with attributes such as
 * `user[name="Alice"]:` — starts a message. Only markers written in the template count: a value
 * substituted into it (a case field, a model output shown to a judge) has its marker-looking
 * lines escaped before rendering and restored after splitting, as PromptFlow does.
 */
const ROLE_LINE = /^\s*#?\s*(system|user|assistant)(\[[^\]\n]*\])?\s*:\s*$/i;
const ROLE_LINES_IN_VALUE = /^(?=[ \t]*#?[ \t]*(?:system|user|assistant)(?:\[[^\]\n]*\])?[ \t]*:[ \t]*\r?$)/gim;
const HAS_ROLE_LINE = new RegExp(ROLE_LINES_IN_VALUE.source, 'im');
const ATTRIBUTE = /(\w+)\s*=\s*"?([^",\]]*)"?/g;

/** Invisible and letter-free, so case filters (`upper`) and `trim` leave it intact; unguessable. */
const ESCAPE = `\u2063${BigInt(`0x${randomBytes(8).toString('hex')}`).toString()}\u2063`;

function escapeText(text: string): string {
  return HAS_ROLE_LINE.test(text) ? text.replace(ROLE_LINES_IN_VALUE, ESCAPE) : text;
}

/** A copy of a value with every role-marker line inside its strings (and keys) escaped. */
export function escapeRoleMarkers(value: unknown): unknown {
  if (typeof value === 'string') return escapeText(value);
  if (Array.isArray(value)) return value.map(escapeRoleMarkers);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [escapeText(key), escapeRoleMarkers(item)]));
  }
  return value;
}

export const unescapeRoleMarkers = (text: string) => (text.includes(ESCAPE) ? text.split(ESCAPE).join('') : text);

function attributes(block: string | undefined): Record<string, string> {
  return Object.fromEntries([...(block ?? '').matchAll(ATTRIBUTE)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

/** Only leading and trailing newlines go (spec §6.6); indentation and inner blank lines stay. */
const trimNewlines = (text: string) => text.replace(/^(?:\r?\n)+|(?:\r?\n)+$/g, '');

/**
 * Splits rendered text into messages. Text before the first marker is a system message when it
 * is not blank; a marker followed by nothing gives an empty message (kept, per spec §6.6).
 */
export function splitMessages(rendered: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  let current: { message: ChatMessage; lines: string[] } | undefined;
  const preamble: string[] = [];
  const flush = () => {
    if (current) current.message.content = unescapeRoleMarkers(trimNewlines(current.lines.join('\n')));
  };
  for (const line of rendered.split(/\r?\n/)) {
    const marker = ROLE_LINE.exec(line);
    if (!marker) {
      (current ? current.lines : preamble).push(line);
      continue;
    }
    flush();
    const name = attributes(marker[2]).name;
    const message: ChatMessage = { role: (marker[1] ?? 'user').toLowerCase() as ChatMessage['role'], content: '', ...(name ? { name } : {}) };
    messages.push(message);
    current = { message, lines: [] };
  }
  flush();
  const before = trimNewlines(preamble.join('\n'));
  return before.trim() ? [{ role: 'system', content: unescapeRoleMarkers(before) }, ...messages] : messages;
}
