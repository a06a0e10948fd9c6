import type { Dict } from '../../core/dict.js';
import type { TokenUsage } from '../../core/usage.js';
import { addUsage } from '../../core/usage.js';
import type { ModelClient } from '../../model/types.js';

/** What a built-in tool may use: EvalGate's model client (its base URL and key stand in for the node's connection). */
export interface BuiltInContext {
  client: ModelClient;
  spent: { usage: TokenUsage; model: string | undefined };
}

export type BuiltInTool = (inputs: Dict, ctx: BuiltInContext, signal: AbortSignal) => Promise<unknown>;

/** `promptflow.tools.embedding.embedding`: the input's vector from the embeddings endpoint (deployment_name or model names the model; --model does not apply: it names a chat model). */
const embedding: BuiltInTool = async (inputs, ctx, signal) => {
  const model = [inputs.deployment_name, inputs.model].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (!model) throw new Error('the embedding tool names no model: set inputs.deployment_name (Azure) or inputs.model (OpenAI)');
  const response = await ctx.client.embed(model, [typeof inputs.input === 'string' ? inputs.input : JSON.stringify(inputs.input ?? '')], signal);
  ctx.spent.usage = addUsage(ctx.spent.usage, response.usage);
  return response.vectors[0] ?? [];
};

/**
 * PromptFlow's built-in package tools (the promptflow-tools package) that EvalGate serves itself
 * through its model client, so flows using them need nothing installed. `llm` nodes (the LLM tool)
 * are run by llm-node.ts.
 */
export const BUILT_IN_TOOLS: Readonly<Record<string, BuiltInTool>> = {
  'promptflow.tools.embedding.embedding': embedding,
};

export const isBuiltInTool = (tool: string) => Object.hasOwn(BUILT_IN_TOOLS, tool);
