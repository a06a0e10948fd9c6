import type { ModelClient } from '../model/types.js';
import { renderString } from '../suites/template.js';
import type { PromptFlowSpec } from '../suites/types.js';
import type { Flow } from './types.js';

/** A prompt + model: messages rendered over the case, sent through the model client seam. */
export function promptFlow(spec: PromptFlowSpec, client: ModelClient | undefined, modelOverride?: string): Flow {
  const model = modelOverride ?? spec.model;
  return {
    kind: 'prompt',
    model,
    needsModel: true,
    async invoke(vars, signal) {
      if (!client) throw new Error('this flow needs a model API key');
      const response = await client.chat(
        {
          model,
          messages: spec.messages.map((message) => ({ role: message.role, content: renderString(message.content, vars) })),
          parameters: spec.parameters,
          stream: spec.stream,
        },
        signal,
      );
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
