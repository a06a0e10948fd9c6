import { commandKind } from './kinds/command.js';
import { httpKind } from './kinds/http.js';
import { promptKind } from './kinds/prompt.js';
import { promptyKind } from './kinds/prompty.js';
import { promptflowKind } from './kinds/promptflow.js';
import type { Flow, FlowContext, FlowKind } from './types.js';

/** The flow kinds, one module each under src/flows/kinds/. Adding a kind = a module + a line here. */
export const FLOW_KINDS = [promptKind, promptyKind, commandKind, httpKind, promptflowKind] as const;

type SpecOf<Kind> = Kind extends FlowKind<infer Spec> ? Spec : never;
/** The normalised `flow:` of a suite: the union of every kind's spec. */
export type FlowSpec = SpecOf<(typeof FLOW_KINDS)[number]>;

const BY_KIND = new Map<string, FlowKind>(FLOW_KINDS.map((kind) => [kind.kind, kind as unknown as FlowKind]));

/** The kind's module; an unknown name was rejected by the schema before this is asked. */
export function flowKind(name: string): FlowKind | undefined {
  return BY_KIND.get(name);
}

export function createFlow(spec: FlowSpec, ctx: FlowContext): Flow {
  const kind = flowKind(spec.kind);
  if (!kind) throw new Error(`no flow kind "${spec.kind}"`);
  return kind.create(spec, ctx);
}
