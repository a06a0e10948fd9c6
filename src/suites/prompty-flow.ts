import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { PromptyError } from '../prompty/errors.js';
import { loadPromptyFile } from '../prompty/load.js';
import type { PromptyFlowSpec } from './types.js';

/**
 * `flow: { kind: prompty, file: chat.prompty }`: the prompt, model and parameters come from the
 * file's front matter; `model`, `parameters` and `stream` in the suite override them.
 */
export function loadPromptyFlow(flow: Record<string, unknown>, dir: string, cwd: string, where: { file: string; line?: number }): PromptyFlowSpec {
  const path = resolve(dir, flow.file as string);
  const shown = relative(cwd, path);
  if (!existsSync(path)) throw new ConfigError(`prompty file not found: ${shown}`, where, '`flow.file` is relative to the suite file');
  let prompt;
  try {
    prompt = loadPromptyFile(path);
  } catch (error) {
    if (!(error instanceof PromptyError)) throw error;
    throw new ConfigError(error.message, { file: shown, ...(error.line ? { line: error.line } : {}) }, error.fix);
  }
  const model = (flow.model as string | undefined) ?? prompt.model;
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
