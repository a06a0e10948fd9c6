import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { promptyModel } from '../prompty/front-matter.js';
import { PromptyError, readPrompty } from '../prompty/prompty.js';
import type { PromptyFlowSpec } from './types.js';

/**
 * `flow: { kind: prompty, file: chat.prompty }`: the prompt, model and parameters come from the
 * file's front matter; `model`, `parameters` and `stream` in the suite override them.
 */
export async function loadPromptyFlow(flow: Record<string, unknown>, dir: string, cwd: string, where: { file: string; line?: number }): Promise<PromptyFlowSpec> {
  const path = resolve(dir, flow.file as string);
  const shown = relative(cwd, path);
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
    throw new ConfigError(error.message, { file: shown, ...(error.line ? { line: error.line } : {}) });
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
