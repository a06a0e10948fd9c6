import nunjucks from 'nunjucks';
import { parse as parseYaml } from 'yaml';
import type { ChatMessage } from '../../model/types.js';

/**
 * A Prompty file: YAML front matter between `---` lines (v1 or v2: we read only what a rubric
 * needs) and a Jinja body split into messages by `system:` / `user:` / `assistant:` lines.
 */
export interface Prompty {
  meta: Record<string, unknown>;
  messages: ChatMessage[];
}

const ROLE_LINE = /^\s*(system|user|assistant)\s*:\s*$/i;
const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });

export function parsePrompty(text: string, variables: Record<string, unknown>, file: string): Prompty {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: a .prompty file starts with front matter between --- lines`);
  const meta = (parseYaml(match[1] ?? '') ?? {}) as Record<string, unknown>;
  const body = env.renderString(match[2] ?? '', variables);
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
  return { meta, messages: messages.map((message) => ({ ...message, content: message.content.trim() })).filter((message) => message.content) };
}
