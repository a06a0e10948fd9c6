import type { Dict } from '../core/dict.js';
import { isDict } from '../core/dict.js';
/**
 * What a Prompty flow needs from the front matter, in both versions:
 * v1 `model: { api, configuration: { azure_deployment | name | model }, parameters }` with
 * `inputs: { name: { default } | value }`; v2 `model: { id, options }` (or `model: gpt-4o`) with
 * `inputSchema: { properties: [{ name, default }] }`. Connections and keys are not read: the
 * endpoint and key are EvalGate's (`base-url`, `api-key`).
 */
export interface PromptyModel {
  model?: string;
  /** Chat-completions parameters (snake_case, as the API takes them). */
  parameters: Record<string, unknown>;
  /** Input defaults, overridden by the case's fields. */
  defaults: Record<string, unknown>;
  /** The template engine the file asks for (we render jinja2). */
  format: string;
}


/** v2 option names → chat-completions parameter names. */
const V2_OPTIONS: Record<string, string> = { maxOutputTokens: 'max_tokens', stopSequences: 'stop', topP: 'top_p', frequencyPenalty: 'frequency_penalty', presencePenalty: 'presence_penalty' };
const snake = (name: string) => V2_OPTIONS[name] ?? name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function modelName(model: unknown): string | undefined {
  if (typeof model === 'string') return model;
  if (!isDict(model)) return undefined;
  const configuration = isDict(model.configuration) ? model.configuration : {};
  const name = model.id ?? configuration.azure_deployment ?? configuration.name ?? configuration.model;
  return typeof name === 'string' && !name.startsWith('${') ? name : undefined;
}

function parameters(model: unknown): Dict {
  if (!isDict(model)) return {};
  if (isDict(model.parameters)) return { ...model.parameters };
  if (isDict(model.options)) return Object.fromEntries(Object.entries(model.options).map(([key, value]) => [snake(key), value]));
  return {};
}

function defaults(meta: Dict): Dict {
  const found: Dict = {};
  const schema = isDict(meta.inputSchema) ? meta.inputSchema.properties : undefined;
  if (Array.isArray(schema)) {
    for (const entry of schema) if (isDict(entry) && typeof entry.name === 'string' && 'default' in entry) found[entry.name] = entry.default;
  }
  if (isDict(meta.inputs)) {
    for (const [name, entry] of Object.entries(meta.inputs)) {
      if (isDict(entry)) {
        if ('default' in entry) found[name] = entry.default;
      } else if (!Array.isArray(entry)) found[name] = entry;
    }
  }
  return found;
}

export function promptyModel(meta: Dict): PromptyModel {
  const template = meta.template;
  const format = typeof template === 'string' ? template : isDict(template) && isDict(template.format) && typeof template.format.kind === 'string' ? template.format.kind : 'jinja2';
  const model = modelName(meta.model);
  return { ...(model ? { model } : {}), parameters: parameters(meta.model), defaults: defaults(meta), format };
}
