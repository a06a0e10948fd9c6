import type { ChatMessage } from '../../core/messages.js';
import { renderTemplate } from '../../core/template/engine.js';
import type { ChatSpec } from '../chat.js';
import { CHAT_SCHEMA_PROPERTIES, chatFlow } from '../chat.js';
import type { FlowKind } from '../types.js';

export interface PromptFlowSpec extends ChatSpec {
  kind: 'prompt';
  /** Message contents are templates over the case. */
  messages: ChatMessage[];
}

const MESSAGE = {
  type: 'object',
  required: ['role', 'content'],
  additionalProperties: false,
  properties: { role: { enum: ['system', 'user', 'assistant'] }, content: { type: 'string' } },
};

/** A prompt + model: messages rendered over the case, sent through the model client. */
export const promptKind: FlowKind<PromptFlowSpec> = {
  kind: 'prompt',
  description: 'A prompt and a model: `messages` (templates over the case) sent to `model` through the model endpoint.',
  schema: {
    required: ['model', 'messages'],
    properties: { model: { type: 'string', minLength: 1 }, messages: { type: 'array', minItems: 1, items: MESSAGE }, ...CHAT_SCHEMA_PROPERTIES },
  },
  modelHeaders: true,
  normalise: (raw) => ({
    kind: 'prompt',
    model: raw.model as string,
    messages: raw.messages as ChatMessage[],
    parameters: (raw.parameters as Record<string, unknown> | undefined) ?? {},
    stream: raw.stream === true,
  }),
  templates: (spec) => [{ where: 'flow.messages', value: spec.messages.map((message) => message.content) }],
  example: () => ({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: '{{question}}' }] }),
  create(spec, ctx) {
    const messages = (vars: Readonly<Record<string, unknown>>) => spec.messages.map((message) => ({ role: message.role, content: renderTemplate(message.content, vars) }));
    return chatFlow('prompt', spec, messages, ctx.client, ctx.modelOverride);
  },
};
