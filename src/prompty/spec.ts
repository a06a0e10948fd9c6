import { PromptyError } from './errors.js';
import { checkApiType, modelName, requestParameters } from './model-options.js';
import type { PromptyParts } from './file-format.js';
import type { PromptyProperty } from './properties.js';
import { isDict } from '../core/dict.js';
import { readProperties } from './properties.js';

/** Everything EvalGate uses of a .prompty file, typed; built once when the file is loaded. */
export interface PromptySpec {
  /** Jinja body (role markers split it into messages) and the file line it starts on. */
  body: string;
  bodyLine: number;
  model?: string;
  /** Chat-completions parameters, including `tools` and `response_format` when the file has them. */
  parameters: Record<string, unknown>;
  /** `parameters.stream: true` in the file. */
  stream: boolean;
  inputs: PromptyProperty[];
  /** Input defaults; the case's fields override them. */
  defaults: Record<string, unknown>;
  /** Names of `kind: thread` inputs (expanded into messages). */
  threads: string[];
}

/** Formats the shared Jinja engine renders (nunjucks files use the common Jinja subset). */
const FORMATS = new Set(['jinja2', 'jinja', 'nunjucks']);
const UNSUPPORTED_KINDS = new Set(['image', 'file', 'audio']);

function templateFormat(template: unknown): string {
  if (template === undefined || template === null) return 'jinja2';
  if (typeof template === 'string') return template;
  const format = isDict(template) ? template.format : undefined;
  if (typeof format === 'string') return format;
  return isDict(format) && typeof format.kind === 'string' ? format.kind : 'jinja2';
}

export function promptySpec(parts: PromptyParts): PromptySpec {
  const { meta } = parts;
  const format = templateFormat(meta.template).toLowerCase();
  if (!FORMATS.has(format)) {
    throw new PromptyError(`template format "${format}" is not supported`, undefined, 'EvalGate renders Prompty bodies as Jinja (template: jinja2, or nunjucks)');
  }
  checkApiType(meta.model);
  const inputs = readProperties(meta.inputs ?? meta.inputSchema, 'inputs');
  const unsupported = inputs.find((input) => UNSUPPORTED_KINDS.has(input.kind));
  if (unsupported) {
    throw new PromptyError(`input "${unsupported.name}" has kind ${unsupported.kind}`, undefined, 'EvalGate sends text prompts; image, file and audio inputs are not supported');
  }
  const model = modelName(meta.model);
  return {
    body: parts.body,
    bodyLine: parts.bodyLine,
    ...(model ? { model } : {}),
    ...requestParameters(meta),
    inputs,
    defaults: Object.fromEntries(inputs.filter((input) => input.hasDefault).map((input) => [input.name, input.default])),
    threads: inputs.filter((input) => input.kind === 'thread').map((input) => input.name),
  };
}
