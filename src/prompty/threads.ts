import { randomBytes } from 'node:crypto';
import type { ChatMessage } from '../core/messages.js';
import { PromptyError } from './errors.js';

/**
 * `kind: thread` inputs (Prompty spec §5.2, §6.7): the template sees a per-render nonce, and the
 * message holding it is split there and the conversation's own messages inserted, roles intact.
 */
export type Threads = Map<string, ChatMessage[]>;

const ROLES = new Set(['system', 'user', 'assistant']);

function text(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const parts = content.map((part: unknown) => {
    const { kind, type, value, text: partText } = (part ?? {}) as Record<string, unknown>;
    if ((kind ?? type) !== 'text') return undefined;
    return typeof value === 'string' ? value : typeof partText === 'string' ? partText : undefined;
  });
  return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
}

/** Where a thread's value came from, for messages: the case, or the file's front-matter default. */
export type ThreadSource = 'case' | 'default';

function threadMessages(name: string, value: unknown, source: ThreadSource): ChatMessage[] {
  const list = Array.isArray(value) ? value : (value as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(list)) {
    if (source === 'default') throw new PromptyError(`input "${name}" is a thread, but its front-matter default is not a list of messages`, undefined, `give every case a "${name}" list of { role, content } messages, or set the default to [] in the front matter`);
    throw new PromptyError(`input "${name}" is a thread: give it a list of { role, content } messages`);
  }
  return list.map((entry: unknown, index) => {
    const { role, content } = (entry ?? {}) as Record<string, unknown>;
    const body = text(content);
    if (typeof role !== 'string' || !ROLES.has(role) || body === undefined) {
      throw new PromptyError(`input "${name}" message ${index + 1} needs a role (system, user or assistant) and text content`);
    }
    return { role: role as ChatMessage['role'], content: body };
  });
}

/** Stands a nonce in for the thread's value and remembers the messages behind it. */
export function threadNonce(name: string, value: unknown, threads: Threads, source: ThreadSource = 'case'): string {
  const nonce = `__PROMPTY_THREAD_${randomBytes(8).toString('hex')}_${name}__`;
  threads.set(nonce, threadMessages(name, value, source));
  return nonce;
}

function expandOne(message: ChatMessage, threads: Threads): ChatMessage[] {
  for (const [nonce, inserted] of threads) {
    const at = message.content.indexOf(nonce);
    if (at < 0) continue;
    const before = message.content.slice(0, at).trim();
    const after = { ...message, content: message.content.slice(at + nonce.length).trim() };
    return [...(before ? [{ ...message, content: before }] : []), ...inserted, ...(after.content ? expandOne(after, threads) : [])];
  }
  return [message];
}

export function expandThreads(messages: readonly ChatMessage[], threads: Threads): ChatMessage[] {
  return threads.size ? messages.flatMap((message) => expandOne(message, threads)) : [...messages];
}
