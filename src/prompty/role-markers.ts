import { randomBytes } from 'node:crypto';
import type { ChatMessage } from '../core/messages.js';

/**
 * Role markers (Prompty spec §2.10, §6.2): a line `system:`, `user:` or `assistant:` — case
 * insensitive, optionally indented, after a markdown `#`, with attributes such as
 * `user[name="Alice"]:` — starts a message. Only markers written in the template count: a value
 * substituted into it (a case field, a model output shown to a judge) has its marker-looking
 * lines escaped before rendering and restored after splitting, as PromptFlow does.
 */
const ROLE_LINES = /^[ \t]*#?[ \t]*(system|user|assistant)(\[[^\]\n]*\])?[ \t]*:[ \t]*$/gim;
const ROLE_LINES_IN_VALUE = /^(?=[ \t]*#?[ \t]*(?:system|user|assistant)(?:\[[^\]\n]*\])?[ \t]*:[ \t]*\r?$)/gim;
const HAS_ROLE_LINE = new RegExp(ROLE_LINES_IN_VALUE.source, 'im');
const ATTRIBUTE = /(\w+)\s*=\s*"?([^",\]]*)"?/g;

/** Invisible and letter-free, so case filters (`upper`) and `trim` leave it intact; unguessable. */
const ESCAPE = `\u2063${BigInt(`0x${randomBytes(8).toString('hex')}`).toString()}\u2063`;

/** A marker line ends in a colon, so text without one needs no regex. */
const escapeText = (text: string) => (text.includes(':') && HAS_ROLE_LINE.test(text) ? text.replace(ROLE_LINES_IN_VALUE, ESCAPE) : text);

function escapeList(list: readonly unknown[]): readonly unknown[] {
  let copy: unknown[] | undefined;
  for (let index = 0; index < list.length; index += 1) {
    const item = list[index];
    const escaped = escapeRoleMarkers(item);
    if (escaped !== item) (copy ??= [...list])[index] = escaped;
  }
  return copy ?? list;
}

function escapeRecord(record: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    const item = record[key];
    const escapedKey = escapeText(key);
    const escaped = escapeRoleMarkers(item);
    if (escaped === item && escapedKey === key) continue;
    copy ??= { ...record };
    if (escapedKey !== key) delete copy[key];
    copy[escapedKey] = escaped;
  }
  return copy ?? record;
}

/**
 * The value with every role-marker line inside its strings (and keys) escaped; unchanged
 * values are returned as they are (no copy), so clean case data costs one scan.
 */
export function escapeRoleMarkers(value: unknown): unknown {
  if (typeof value === 'string') return escapeText(value);
  if (Array.isArray(value)) return escapeList(value);
  if (value !== null && typeof value === 'object') return escapeRecord(value as Record<string, unknown>);
  return value;
}

const unescapeRoleMarkers = (text: string) => (text.includes(ESCAPE) ? text.split(ESCAPE).join('') : text);

function attributes(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(ATTRIBUTE)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

/** Only leading and trailing newlines go (spec §6.6); indentation and inner blank lines stay. */
function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === '\n' || text[start] === '\r')) start += 1;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end -= 1;
  return text.slice(start, end);
}

/**
 * Splits rendered text into messages. Text before the first marker is a system message when it
 * is not blank; a marker followed by nothing gives an empty message (kept, per spec §6.6).
 */
export function splitMessages(rendered: string): ChatMessage[] {
  const text = rendered.includes('\r') ? rendered.replace(/\r\n/g, '\n') : rendered;
  const markers = [...text.matchAll(ROLE_LINES)];
  const preamble = trimNewlines(text.slice(0, markers[0]?.index ?? text.length));
  const messages: ChatMessage[] = preamble.trim() ? [{ role: 'system', content: unescapeRoleMarkers(preamble) }] : [];
  markers.forEach((marker, index) => {
    const start = (marker.index ?? 0) + marker[0].length;
    const content = trimNewlines(text.slice(start, markers[index + 1]?.index ?? text.length));
    const name = marker[2] ? attributes(marker[2]).name : undefined;
    messages.push({ role: (marker[1] ?? 'user').toLowerCase() as ChatMessage['role'], content: unescapeRoleMarkers(content), ...(name ? { name } : {}) });
  });
  return messages;
}
