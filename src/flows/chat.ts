import type { ChatMessage } from '../core/messages.js';
import type { ChatRequest, ModelClient } from '../model/types.js';
import { modelFlowFailure } from './failure-kind.js';
import type { Flow } from './types.js';

/** What a chat flow's spec holds besides its messages. */
export interface ChatSpec {
  model: string;
  parameters: Record<string, unknown>;
  stream: boolean;
}

type RenderMessages = (vars: Readonly<Record<string, unknown>>) => ChatMessage[];

/** A chat call per case through the model client seam (retries, concurrency, timeouts). */
export function chatFlow(kind: string, spec: ChatSpec, messages: RenderMessages, client: ModelClient | undefined, modelOverride?: string): Flow {
  const model = modelOverride ?? spec.model;
  const request = (vars: Readonly<Record<string, unknown>>): ChatRequest => ({ model, messages: messages(vars), parameters: spec.parameters, stream: spec.stream });
  return {
    kind,
    model,
    needsModel: true,
    failureKind: modelFlowFailure,
    request,
    async invoke(vars, signal) {
      if (!client) throw new Error('this flow needs a model API key');
      const response = await client.chat(request(vars), signal);
      return {
        output: response.text,
        usage: response.usage,
        model: response.model || model,
        latency: {
          totalMs: response.latencyMs,
          ...(response.firstTokenMs === undefined ? {} : { firstTokenMs: response.firstTokenMs }),
        },
        ...(response.cached ? { cached: true } : {}),
        ...(response.batch ? { batch: true } : {}),
      };
    },
  };
}

/** Schema of the keys every chat flow shares. */
export const CHAT_SCHEMA_PROPERTIES = {
  parameters: { type: 'object', description: 'temperature, max_tokens, top_p, seed, response_format…' },
  stream: { type: 'boolean', description: 'Stream the answer (records time to first token).' },
} as const;
