import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ChatMessage } from '../../core/messages.js';
import { isDict } from '../../core/dict.js';

/** One promptfoo prompt: its label and the chat messages it becomes (templates over the case). */
export interface Prompt {
  label: string;
  messages: ChatMessage[];
  /** The prompt as one text (what `{{prompt}}` stands for in http and exec providers). */
  text: string;
  /** Its index in `prompts:` (for line numbers). */
  index: number;
  /** Prompt-level `config` (e.g. response_format, tools), applied over the provider's. */
  config: Record<string, unknown>;
}

export class PromptError extends Error {}

const ROLES = new Set(['system', 'user', 'assistant']);

/** Nunjucks tags or filters, which promptfoo would run before reading the JSON. */
const NUNJUCKS_CODE = /\{%|\|\s*\w+\s*\}\}/;

/**
 * A JSON chat prompt: a list of { role, content } (promptfoo's OpenAI chat format). Text that is
 * not JSON is a plain prompt (e.g. `[INST] … [/INST]`), as in promptfoo — unless it is JSON built
 * with Nunjucks tags, which EvalGate does not run.
 */
function chatMessages(text: string): ChatMessage[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    if (/^\[\s*(\{|\{%)/.test(trimmed) && NUNJUCKS_CODE.test(trimmed)) {
      throw new PromptError('a JSON chat prompt must be plain JSON — Nunjucks tags and filters ({% for %}, | dump) inside it are not supported; list the messages, with {{ var }} placeholders in their content');
    }
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((message) => isDict(message) && ROLES.has(String(message.role)) && typeof message.content === 'string')) {
    throw new PromptError('a JSON chat prompt must be a list of { role: system|user|assistant, content: "…" }');
  }
  return parsed as ChatMessage[];
}

function fromText(raw: string, label: string, index: number, config: Record<string, unknown> = {}): Prompt {
  const messages = chatMessages(raw) ?? [{ role: 'user' as const, content: raw }];
  return { label, messages, text: raw, index, config };
}

/** `file://x.txt` (text; `---` lines separate several prompts), `file://x.json` (chat), or inline text. */
function readOne(raw: string, label: string | undefined, index: number, dir: string, config: Record<string, unknown> = {}): Prompt[] {
  const file = /^file:\/\/(.+)$/.exec(raw.trim())?.[1];
  if (!file) return [fromText(raw, label ?? raw.replace(/\s+/g, ' ').trim().slice(0, 40), index, config)];
  if (/\.(js|cjs|mjs|ts|py)(:\w+)?$/.test(file)) throw new PromptError(`prompt functions (${basename(file)}) are not supported — write the prompt as text, a .txt/.json file or a chat list`);
  if (file.includes('*')) throw new PromptError('globbed prompt files are not supported — list each file');
  let text: string;
  try {
    text = readFileSync(resolve(dir, file), 'utf8');
  } catch {
    throw new PromptError(`prompt file not found: ${file} (relative to the config)`);
  }
  if (/\.json$/.test(file)) {
    if (!text.trim().startsWith('[')) throw new PromptError(`${basename(file)}: a JSON prompt file must hold a list of { role, content } messages`);
    return [fromText(text, label ?? basename(file), index, config)];
  }
  const parts = text.split(/^---$/m).map((part) => part.trim()).filter(Boolean);
  return parts.map((part, partIndex) => fromText(part, label ?? (parts.length > 1 ? `${basename(file)}#${partIndex + 1}` : basename(file)), index, config));
}

/** The config's `prompts:` (a string, a list of strings / { raw | id, label }, or a map file → label). */
export function readPrompts(value: unknown, dir: string): Prompt[] {
  if (value === undefined) throw new PromptError('`prompts` is missing');
  if (typeof value === 'string') return readOne(value, undefined, 0, dir);
  if (isDict(value)) return Object.entries(value).flatMap(([raw, label], index) => readOne(raw, String(label), index, dir));
  if (!Array.isArray(value)) throw new PromptError('`prompts` must be a list');
  return value.flatMap((entry: unknown, index) => {
    if (typeof entry === 'string') return readOne(entry, undefined, index, dir);
    if (isDict(entry) && typeof (entry.raw ?? entry.id) === 'string') {
      const unread = Object.keys(entry).find((key) => !['raw', 'id', 'label', 'config'].includes(key));
      if (unread) throw new PromptError(`\`${unread}\` on a prompt is not supported (EvalGate reads raw, id, label and config)`);
      if (entry.config !== undefined && !isDict(entry.config)) throw new PromptError('a prompt\'s `config` must be a mapping (e.g. response_format, tools)');
      return readOne(String(entry.raw ?? entry.id), typeof entry.label === 'string' ? entry.label : undefined, index, dir, isDict(entry.config) ? entry.config : {});
    }
    throw new PromptError('each prompt is a string or { raw | id, label, config }');
  });
}
