import { PromptyError } from './errors.js';
import type { PromptyProperty } from './properties.js';
import { isDict } from '../core/dict.js';
import { readProperties, schemaOf } from './properties.js';

/**
 * The front matter's model section as a chat-completions request: v1 `model: { api,
 * configuration, parameters }` (snake_case parameters sent as written) and v2 `model: { id,
 * apiType, options }` (camelCase options mapped per spec §7.1.5, `additionalProperties` spread
 * into the request), plus `outputs` → `response_format` (§7.1.6) and `tools` (§7.1.3).
 */
type Dict = Record<string, unknown>;

const V2_OPTIONS: Record<string, string> = {
  maxOutputTokens: 'max_completion_tokens',
  stopSequences: 'stop',
  topP: 'top_p',
  frequencyPenalty: 'frequency_penalty',
  presencePenalty: 'presence_penalty',
  allowMultipleToolCalls: 'parallel_tool_calls',
};
const snake = (name: string) => V2_OPTIONS[name] ?? name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export function modelName(model: unknown): string | undefined {
  if (typeof model === 'string') return model;
  if (!isDict(model)) return undefined;
  const configuration = isDict(model.configuration) ? model.configuration : {};
  const name = model.id ?? configuration.azure_deployment ?? configuration.name ?? configuration.model;
  return typeof name === 'string' && name && !name.includes('${') ? name : undefined;
}

/** Only chat prompts can be evaluated; other API types are a clear error. */
export function checkApiType(model: unknown): void {
  if (!isDict(model)) return;
  const apiType = model.apiType ?? model.api;
  if (apiType === undefined || apiType === 'chat') return;
  throw new PromptyError(
    `model ${model.apiType === undefined ? 'api' : 'apiType'} "${String(apiType)}" is not supported`,
    undefined,
    'EvalGate evaluates chat prompts (apiType: chat); embedding, image, responses and completion prompts cannot be run as a flow or judge',
  );
}

function options(model: Dict): Dict {
  if (isDict(model.parameters)) return { ...model.parameters };
  if (!isDict(model.options)) return {};
  const { additionalProperties, ...named } = model.options;
  const mapped = Object.fromEntries(Object.entries(named).map(([key, value]) => [snake(key), value]));
  return { ...(isDict(additionalProperties) ? additionalProperties : {}), ...mapped };
}

function functionTool(tool: unknown, index: number): Dict {
  if (isDict(tool) && tool.type === 'function' && isDict(tool.function)) return tool;
  if (!isDict(tool) || typeof tool.name !== 'string') throw new PromptyError(`tools[${index}] needs a \`name\``);
  const kind = tool.kind ?? 'function';
  if (kind !== 'function') {
    throw new PromptyError(`tool "${tool.name}" has kind "${String(kind)}"`, undefined, 'EvalGate sends function tools only (mcp, openapi and custom tools need a runtime to resolve them)');
  }
  const bound = new Set(isDict(tool.bindings) ? Object.keys(tool.bindings) : []);
  const parameters: PromptyProperty[] = readProperties(tool.parameters, `tool "${tool.name}" parameters`).filter((prop) => !bound.has(prop.name));
  const strict = tool.strict === true;
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
      parameters: schemaOf(parameters, strict),
      ...(strict ? { strict: true } : {}),
    },
  };
}

/** The request parameters the file asks for; `stream` is returned apart (the client streams). */
export function requestParameters(meta: Dict): { parameters: Dict; stream: boolean } {
  const model = isDict(meta.model) ? meta.model : {};
  const { stream, ...parameters } = options(model);
  const outputs = readProperties(meta.outputs, 'outputs');
  // The author's own response_format wins (a v1 file's `json_object`: older models reject json_schema, and the schema can contradict the prompt).
  if (outputs.length && parameters.response_format === undefined) {
    parameters.response_format = { type: 'json_schema', json_schema: { name: 'structured_output', strict: true, schema: schemaOf(outputs, true) } };
  }
  if (meta.tools !== undefined) {
    if (!Array.isArray(meta.tools)) throw new PromptyError('`tools` must be a list');
    if (meta.tools.length) parameters.tools = meta.tools.map(functionTool);
  }
  return { parameters, stream: stream === true };
}
