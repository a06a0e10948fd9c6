import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Case } from '../../core/case.js';
import { ConfigError } from '../../core/errors.js';
import { PromptyError } from '../../prompty/errors.js';
import { loadPromptyFile } from '../../prompty/load.js';
import { renderPrompty } from '../../prompty/render.js';
import type { PromptySpec } from '../../prompty/spec.js';
import type { ChatSpec } from '../chat.js';
import { CHAT_SCHEMA_PROPERTIES, chatFlow } from '../chat.js';
import type { FlowKind, SpecContext } from '../types.js';
import { specLocation } from '../types.js';

export interface PromptyFlowSpec extends ChatSpec {
  kind: 'prompty';
  /** The .prompty file, relative to the working directory (for messages); its content is below. */
  file: string;
  /** The file read into its typed spec (body, inputs, defaults, threads). */
  prompt: PromptySpec;
}

/**
 * `flow: { kind: prompty, file: chat.prompty }`: the prompt, model and parameters (tools and
 * response_format included) come from the file's front matter; `model`, `parameters` and
 * `stream` in the suite override them.
 */
function loadPromptyFlow(flow: Record<string, unknown>, at: SpecContext): PromptyFlowSpec {
  const path = resolve(at.dir, flow.file as string);
  const shown = relative(at.cwd, path);
  const where = specLocation(at);
  if (!existsSync(path)) throw new ConfigError(`prompty file not found: ${shown}`, where, '`flow.file` is relative to the suite file');
  let prompt: PromptySpec;
  try {
    prompt = loadPromptyFile(path);
  } catch (error) {
    if (!(error instanceof PromptyError)) throw error;
    throw new ConfigError(error.message, { file: shown, ...(error.line ? { line: error.line } : {}) }, error.fix ?? 'see the Prompty section of docs/suites.md');
  }
  const model = (flow.model as string | undefined) ?? prompt.model ?? at.modelOverride;
  if (!model) {
    throw new ConfigError(`${shown} names no model`, where, 'set model.id (Prompty v2) or model.configuration.azure_deployment (v1) in its front matter, or `model:` in the flow');
  }
  return {
    kind: 'prompty',
    file: shown,
    prompt,
    model,
    parameters: { ...prompt.parameters, ...((flow.parameters as Record<string, unknown> | undefined) ?? {}) },
    stream: typeof flow.stream === 'boolean' ? flow.stream : prompt.stream,
  };
}

/** A Prompty body must render for every case: an undefined `{{ … }}` names the case and the file line. */
function checkPromptyCase(spec: PromptyFlowSpec, testCase: Case): void {
  try {
    renderPrompty(spec.prompt, testCase.vars);
  } catch (error) {
    if (!(error instanceof PromptyError)) throw error;
    const where = testCase.source.line ? `${testCase.source.file}:${testCase.source.line}` : testCase.source.file;
    throw new ConfigError(
      `${error.message} for case "${testCase.id}" (${where}; fields: ${Object.keys(testCase.vars).join(', ') || 'none'})`,
      { file: spec.file, ...(error.line ? { line: error.line } : {}) },
      error.fix ?? 'add the field to every case, or give the input a default in the front matter',
    );
  }
}

/** A Prompty file: its body rendered over the front matter's input defaults and the case. */
export const promptyKind: FlowKind<PromptyFlowSpec> = {
  kind: 'prompty',
  description: 'A `.prompty` file (v1 or v2 front matter): its model, parameters, tools, structured output and input defaults; its Jinja body split into messages at role markers.',
  schema: {
    required: ['file'],
    properties: {
      file: { type: 'string', pattern: '\\.prompty$', description: 'A .prompty file (relative to the suite): front matter (v1 or v2) + Jinja body.' },
      model: { type: 'string', minLength: 1, description: "Override the front matter's model." },
      ...CHAT_SCHEMA_PROPERTIES,
    },
  },
  modelHeaders: true,
  normalise: loadPromptyFlow,
  templates: () => [],
  checkCase: checkPromptyCase,
  example: () => ({ file: 'chat.prompty' }),
  create(spec, ctx) {
    return chatFlow('prompty', spec, (vars) => renderPrompty(spec.prompt, vars), ctx.client, ctx.modelOverride);
  },
};
