import type { ModelClient } from '../model/types.js';
import type { FlowSpec } from '../suites/types.js';
import { commandFlow } from './command.js';
import { httpFlow } from './http.js';
import { promptFlow, promptyFlow } from './prompt.js';
import type { Flow } from './types.js';

export interface FlowContext {
  /** The suite's folder: commands run here. */
  dir: string;
  client: ModelClient | undefined;
  modelOverride?: string;
}

export function createFlow(spec: FlowSpec, ctx: FlowContext): Flow {
  switch (spec.kind) {
    case 'prompt':
      return promptFlow(spec, ctx.client, ctx.modelOverride);
    case 'prompty':
      return promptyFlow(spec, ctx.client, ctx.modelOverride);
    case 'command':
      return commandFlow(spec, ctx.dir);
    case 'http':
      return httpFlow(spec);
  }
}
