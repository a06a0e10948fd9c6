import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Case } from '../../core/case.js';
import { ConfigError } from '../../core/errors.js';
import { promptyModel } from '../../prompty/front-matter.js';
import { PromptyError, readPrompty, renderPrompty } from '../../prompty/prompty.js';
import type { ChatSpec } from '../chat.js';
import { CHAT_SCHEMA_PROPERTIES, chatFlow } from '../chat.js';
import type { FlowKind, SpecContext } from '../types.js';

export interface PromptyFlowSpec extends ChatSpec {
  kind: 'prompty';
  /** The .prompty file, relative to the working directory (for messages); its content is below. */
  file: string;
  /** Jinja body (role markers split it into messages) and the file line it starts on. */
  body: string;
  bodyLine: number;
  /** Input defaults from the front matter; the case's fields override them. */
  defaults: Record<string, unknown>;
}

/**
 * `flow: { kind: prompty, file: chat.prompty }`: the prompt, model and parameters come from the
 * file's front matter; `model`, `parameters` and `stream` in the suite override them.
 */
async function loadPromptyFlow(flow: Record<string, unknown>, at: SpecContext): Promise<PromptyFlowSpec> {
  const path = resolve(at.dir, flow.file as string);
  const shown = relative(at.cwd, path);
  const where = { file: at.file, ...(at.line ? { line: at.line } : {}) };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ConfigError(`prompty file not found: ${shown}`, where, '`flow.file` is relative to the suite file');
  }
  let parsed;
  try {
    parsed = readPrompty(text);
  } catch (error) {
    if (!(error instanceof PromptyError)) throw error;
    throw new ConfigError(error.message, { file: shown, ...(error.line ? { line: error.line } : {}) }, 'fix the front matter of the .prompty file');
  }
  const fromFile = promptyModel(parsed.meta);
  if (fromFile.format !== 'jinja2' && fromFile.format !== 'jinja') {
    throw new ConfigError(`template format "${fromFile.format}" is not supported`, { file: shown }, 'EvalGate renders Prompty bodies as Jinja (template: jinja2)');
  }
  const model = (flow.model as string | undefined) ?? fromFile.model;
  if (!model) {
    throw new ConfigError(`${shown} names no model`, where, 'set model.id (Prompty v2) or model.configuration.azure_deployment (v1) in its front matter, or `model:` in the flow');
  }
  return {
    kind: 'prompty',
    file: shown,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    model,
    parameters: { ...fromFile.parameters, ...((flow.parameters as Record<string, unknown> | undefined) ?? {}) },
    defaults: fromFile.defaults,
    stream: flow.stream === true,
  };
}

/** A Prompty body must render for every case: an undefined `{{ … }}` names the case and the file line. */
function checkPromptyCase(spec: PromptyFlowSpec, testCase: Case): void {
  try {
    renderPrompty(spec, { ...spec.defaults, ...testCase.vars }, { strict: true });
  } catch (error) {
    if (!(error instanceof PromptyError)) throw error;
    const where = testCase.source.line ? `${testCase.source.file}:${testCase.source.line}` : testCase.source.file;
    throw new ConfigError(
      `${error.message} for case "${testCase.id}" (${where}; fields: ${Object.keys(testCase.vars).join(', ') || 'none'})`,
      { file: spec.file, ...(error.line ? { line: error.line } : {}) },
      'add the field to every case, or give the input a default in the front matter',
    );
  }
}

/** A Prompty file: its Jinja body rendered over the front matter's input defaults and the case. */
export const promptyKind: FlowKind<PromptyFlowSpec> = {
  kind: 'prompty',
  description: 'A `.prompty` file (v1 or v2 front matter): its model, parameters and input defaults, its Jinja body split into messages.',
  schema: {
    required: ['file'],
    properties: {
      file: { type: 'string', pattern: '\\.prompty$', description: 'A .prompty file (relative to the suite): front matter (v1 or v2) + Jinja body.' },
      model: { type: 'string', minLength: 1, description: "Override the front matter's model." },
      ...CHAT_SCHEMA_PROPERTIES,
    },
  },
  normalise: loadPromptyFlow,
  templates: () => [],
  checkCase: checkPromptyCase,
  create(spec, ctx) {
    const messages = (vars: Readonly<Record<string, unknown>>) => renderPrompty(spec, { ...spec.defaults, ...vars }, { strict: true });
    return chatFlow('prompty', spec, messages, ctx.client, ctx.modelOverride);
  },
};
