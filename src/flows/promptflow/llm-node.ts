import type { ChatMessage } from '../../core/messages.js';
import type { TokenUsage } from '../../core/usage.js';
import type { ModelClient } from '../../model/types.js';
import { renderTemplate } from '../../core/template/engine.js';
import { numericParameters } from './references.js';
import { contentWithImages, imageMarkdownOnOwnLine, withImagePlaceholders } from './vision.js';

/** PromptFlow's role markers: a line `system:` / `user:` / `assistant:` / `function:` / `tool:` (optionally after `#`). */
const ROLE_LINE = /^\s*#?\s*(system|user|assistant|function|tool)\s*:\s*$/i;
const ROLE_FIELD = { function: /^\s*name\s*:\s*(.+)$/, tool: /^\s*tool_call_id\s*:\s*(.+)$/ } as const;

/** A chat message as PromptFlow writes it; `function` and `tool` messages carry a name / call id. */
interface NodeMessage {
  role: 'system' | 'user' | 'assistant' | 'function' | 'tool';
  content: string | ReturnType<typeof contentWithImages>;
  name?: string;
  tool_call_id?: string;
}

/** The rendered template split into messages (text before the first marker is a system message). */
function splitRoles(text: string): (NodeMessage & { content: string })[] {
  const messages: (NodeMessage & { content: string })[] = [];
  let current: (NodeMessage & { content: string }) | undefined;
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
/** The vision tools' image detail (`auto`, `low`, `high`): sent with each image. */
const DETAIL = 'detail';

interface LlmCall {
  text: string;
  usage: TokenUsage;
  model: string;
}

/** What an llm node sends: its template, its api, and whether it is a vision tool (images in its inputs sent as images). */
export interface LlmNodeSpec {
  template: string;
  api: 'chat' | 'completion';
  vision?: boolean;
}

/** A vision tool's messages: images as content parts, lists printed one item per line (promptflow-tools' ChatInputList). */
function visionMessages(node: LlmNodeSpec, variables: Record<string, unknown>, detail: unknown, call: { undefinedValues: UndefinedValues; dir: string }): NodeMessage[] {
  const { inputs, images } = withImagePlaceholders(variables, call.dir);
  const rendered = renderNodeTemplate(imageMarkdownOnOwnLine(node.template), inputs, call.undefinedValues, true);
  return splitRoles(rendered).map((message) => ({ ...message, content: contentWithImages(message.content, images, typeof detail === 'string' && detail ? detail : 'auto') }));
}

/**
 * An llm node: the template rendered over the node's inputs, split on role markers and sent as
 * one chat request. `api: completion` is sent as a single user message to the chat endpoint.
 * `call.dir`: the flow folder (a vision tool's `path` images are read from it).
 */
export async function runLlmNode(
  node: LlmNodeSpec,
  inputs: Record<string, unknown>,
  call: { model: string; client: ModelClient; undefinedValues: UndefinedValues; dir: string },
  signal: AbortSignal,
): Promise<LlmCall> {
  const { model, client } = call;
  const variables = Object.fromEntries(Object.entries(inputs).filter(([key]) => !PARAMETERS.has(key) && !NOT_SENT.has(key) && !(node.vision && key === DETAIL)));
  const parameters = numericParameters(Object.fromEntries(Object.entries(inputs).filter(([key, value]) => PARAMETERS.has(key) && value !== null && value !== '')));
  let messages: NodeMessage[];
  if (node.vision) messages = visionMessages(node, variables, inputs[DETAIL], call);
  else {
    const rendered = renderNodeTemplate(node.template, variables, call.undefinedValues);
    messages = node.api === 'chat' ? splitRoles(rendered) : [{ role: 'user' as const, content: rendered.trim() }];
  }
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

/** A prompt or llm node's template rendered over its inputs, undefined values printed as `mode` says (`listsAsLines`: see RenderOptions). */
export function renderNodeTemplate(template: string, inputs: Record<string, unknown>, mode: UndefinedValues, listsAsLines = false): string {
  const printsEmpty = mode === 'error' ? undefined : mode === 'empty' ? () => true : (name: string) => Object.hasOwn(inputs, topName(name));
  return renderTemplate(template, inputs, { ...(printsEmpty ? { printsEmpty } : {}), listsAsLines });
}

/** The model an llm node names: `deployment_name` (Azure) or `model` (OpenAI). */
export function nodeModel(inputs: Record<string, unknown>): string | undefined {
  const named = inputs.deployment_name ?? inputs.model;
  return typeof named === 'string' && named.trim() && !named.startsWith('${') ? named : undefined;
}
