import type { ChatMessage } from '../../core/messages.js';
import type { TokenUsage } from '../../core/usage.js';
import type { ModelClient } from '../../model/types.js';
import { renderTemplate } from '../../core/template/engine.js';
import { numericParameters } from './references.js';

/** PromptFlow's role markers: a line `system:` / `user:` / `assistant:` / `function:` / `tool:` (optionally after `#`). */
const ROLE_LINE = /^\s*#?\s*(system|user|assistant|function|tool)\s*:\s*$/i;
const ROLE_FIELD = { function: /^\s*name\s*:\s*(.+)$/, tool: /^\s*tool_call_id\s*:\s*(.+)$/ } as const;

/** A chat message as PromptFlow writes it; `function` and `tool` messages carry a name / call id. */
export interface NodeMessage {
  role: 'system' | 'user' | 'assistant' | 'function' | 'tool';
  content: string;
  name?: string;
  tool_call_id?: string;
}

/** The rendered template split into messages (text before the first marker is a system message). */
export function splitRoles(text: string): NodeMessage[] {
  const messages: NodeMessage[] = [];
  let current: NodeMessage | undefined;
  for (const line of text.split(/\r?\n/)) {
    const role = ROLE_LINE.exec(line)?.[1]?.toLowerCase() as NodeMessage['role'] | undefined;
    if (role) {
      current = { role, content: '' };
      messages.push(current);
      continue;
    }
    if (!current) {
      if (!line.trim()) continue;
      current = { role: 'system', content: '' };
      messages.push(current);
    }
    const field = current.role === 'function' || current.role === 'tool' ? ROLE_FIELD[current.role].exec(line) : null;
    if (field && !current.content.trim() && current.name === undefined && current.tool_call_id === undefined) {
      if (current.role === 'function') current.name = field[1]?.trim() ?? '';
      else current.tool_call_id = field[1]?.trim() ?? '';
      continue;
    }
    current.content += `${line}\n`;
  }
  return messages.map((message) => ({ ...message, content: message.content.trim() })).filter((message) => message.content || message.role === 'assistant');
}

/** Inputs of PromptFlow's LLM tool that are request parameters, not template variables. */
const PARAMETERS = new Set([
  'temperature', 'top_p', 'n', 'stop', 'max_tokens', 'presence_penalty', 'frequency_penalty', 'logit_bias', 'user',
  'response_format', 'seed', 'tools', 'tool_choice', 'functions', 'function_call', 'logprobs', 'top_logprobs',
]);
const NOT_SENT = new Set(['deployment_name', 'model', 'connection', 'stream', 'suffix', 'echo', 'best_of']);

export interface LlmCall {
  text: string;
  usage: TokenUsage;
  model: string;
}

/**
 * An llm node: the template rendered over the node's inputs, split on role markers and sent as
 * one chat request. `api: completion` is sent as a single user message to the chat endpoint.
 */
export async function runLlmNode(
  node: { template: string; api: 'chat' | 'completion' },
  inputs: Record<string, unknown>,
  call: { model: string; client: ModelClient; undefinedValues: UndefinedValues },
  signal: AbortSignal,
): Promise<LlmCall> {
  const { model, client } = call;
  const variables = Object.fromEntries(Object.entries(inputs).filter(([key]) => !PARAMETERS.has(key) && !NOT_SENT.has(key)));
  const parameters = numericParameters(Object.fromEntries(Object.entries(inputs).filter(([key, value]) => PARAMETERS.has(key) && value !== null && value !== '')));
  const rendered = renderNodeTemplate(node.template, variables, call.undefinedValues);
  const messages = node.api === 'chat' ? splitRoles(rendered) : [{ role: 'user' as const, content: rendered.trim() }];
  const response = await client.chat({ model, messages: messages as unknown as ChatMessage[], parameters }, signal);
  return { text: response.text, usage: response.usage, model: response.model || model };
}

/**
 * How a node template prints an undefined value: `empty` (the suite default) "" for every
 * undefined name, exactly as PromptFlow's Jinja2; `inputs` "" when the node declares that input
 * (its value was missing: a field absent from an upstream output) and an error for a name the
 * node does not declare (a typo); `error` fails on any.
 */
export type UndefinedValues = 'inputs' | 'empty' | 'error';

const topName = (name: string) => name.split(/[.[]/)[0] ?? name;

/** A prompt or llm node's template rendered over its inputs, undefined values printed as `mode` says. */
export function renderNodeTemplate(template: string, inputs: Record<string, unknown>, mode: UndefinedValues): string {
  if (mode === 'error') return renderTemplate(template, inputs);
  return renderTemplate(template, inputs, mode === 'empty' ? () => true : (name) => Object.hasOwn(inputs, topName(name)));
}

/** The model an llm node names: `deployment_name` (Azure) or `model` (OpenAI). */
export function nodeModel(inputs: Record<string, unknown>): string | undefined {
  const named = inputs.deployment_name ?? inputs.model;
  return typeof named === 'string' && named.trim() && !named.startsWith('${') ? named : undefined;
}
