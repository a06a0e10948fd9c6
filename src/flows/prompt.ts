import type { ChatMessage, ModelClient } from '../model/types.js';
import { renderTemplate } from '../core/template/engine.js';
import { renderPrompty } from '../prompty/render.js';
import type { PromptFlowSpec, PromptyFlowSpec } from '../suites/types.js';
import type { Flow } from './types.js';

/** What a chat flow's spec holds besides its messages. */
type ChatSpec = Pick<PromptFlowSpec, 'model' | 'parameters' | 'stream'>;
type Messages = (vars: Record<string, unknown>) => ChatMessage[];

/** A chat call per case through the model client seam (retries, concurrency, timeouts). */
function chatFlow(kind: Flow['kind'], spec: ChatSpec, messages: Messages, client: ModelClient | undefined, modelOverride?: string): Flow {
  const model = modelOverride ?? spec.model;
  return {
    kind,
    model,
    needsModel: true,
    async invoke(vars, signal) {
      if (!client) throw new Error('this flow needs a model API key');
      const response = await client.chat({ model, messages: messages(vars), parameters: spec.parameters, stream: spec.stream }, signal);
      return {
        output: response.text,
        usage: response.usage,
        model: response.model || model,
        latency: {
          totalMs: response.latencyMs,
          ...(response.firstTokenMs === undefined ? {} : { firstTokenMs: response.firstTokenMs }),
        },
      };
    },
  };
}

/** A prompt + model: each message's content rendered over the case (Jinja, compiled once). */
export function promptFlow(spec: PromptFlowSpec, client: ModelClient | undefined, modelOverride?: string): Flow {
  const messages: Messages = (vars) => spec.messages.map((message) => ({ role: message.role, content: renderTemplate(message.content, vars) }));
  return chatFlow('prompt', spec, messages, client, modelOverride);
}

/** A Prompty file: its body rendered over the front matter's input defaults and the case. */
export function promptyFlow(spec: PromptyFlowSpec, client: ModelClient | undefined, modelOverride?: string): Flow {
  const messages: Messages = (vars) => renderPrompty(spec.prompt, vars);
  return chatFlow('prompty', spec, messages, client, modelOverride);
}
