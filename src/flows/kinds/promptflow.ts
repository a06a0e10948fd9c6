import { resolve } from 'node:path';
import type { Case } from '../../core/case.js';
import { ConfigError } from '../../core/errors.js';
import type { Dict } from '../../core/dict.js';
import { renderValue } from '../../core/template/engine.js';
import type { UndefinedValues } from '../promptflow/llm-node.js';
import { nodeModel } from '../promptflow/llm-node.js';
import type { LoadedFlow } from '../promptflow/load.js';
import { loadFlowFolder } from '../promptflow/load.js';
import { requirePython } from '../promptflow/python-worker.js';
import { isBuiltInTool } from '../promptflow/built-in-tools.js';
import type { FlowRun } from '../promptflow/run-flow.js';
import { FlowRunner } from '../promptflow/run-flow.js';
import type { FlowKind, SpecContext } from '../types.js';
import { specLocation } from '../types.js';
import { modelFlowFailure } from '../failure-kind.js';

interface PromptflowFlowSpec {
  kind: 'promptflow';
  /** The flow folder as written (relative to the suite). */
  path: string;
  variant?: string;
  /** Flow input → template over the case; inputs not named here take the case field of the same name. */
  inputs: Dict;
  /** The flow output that is the answer, and the one reported as context. */
  output: string;
  context?: string;
  /** Constructor arguments of a flex flow's class entry. */
  init: Dict;
  /** The Python worker's extra variables and the runner's variables it may see. */
  env: Record<string, string>;
  passEnv: string[];
  /** How node templates print an undefined value (see UndefinedValues). */
  undefined: UndefinedValues;
  flow: LoadedFlow;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** The flow inputs of one line: the mapping, else the case field of the same name, else the declared default. */
export function lineInputs(flow: LoadedFlow, mapping: Dict, vars: Readonly<Dict>): Dict {
  const mapped = renderValue(mapping, vars) as Dict;
  const declared = flow.graph.inputs;
  if (flow.graph.form === 'flex') {
    const defaults = Object.entries(declared).flatMap(([name, input]) => ('default' in input ? [[name, input.default]] : []));
    return { ...Object.fromEntries(defaults), ...vars, ...mapped };
  }
  return Object.fromEntries(
    Object.entries(declared).flatMap(([name, input]) => {
      const value = name in mapped ? mapped[name] : name in vars ? vars[name] : 'default' in input ? input.default : input.isChatHistory ? [] : undefined;
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

async function normalise(raw: Dict, at: SpecContext): Promise<PromptflowFlowSpec> {
  const where = specLocation(at);
  const variant = raw.variant as string | undefined;
  const flow = await loadFlowFolder(raw.path as string, { baseDir: at.dir, cwd: at.cwd, variant, where, ...(at.modelOverride ? { modelOverride: at.modelOverride } : {}) });
  const outputs = flow.graph.form === 'dag' ? Object.keys(flow.graph.outputs) : [];
  const output = (raw.output as string | undefined) ?? (flow.graph.form === 'dag' ? (flow.graph.chatOutput ?? outputs[0] ?? '') : '');
  for (const [key, name] of [['output', output], ['context', raw.context]] as const) {
    if (typeof name === 'string' && outputs.length > 0 && !outputs.includes(name)) {
      throw new ConfigError(`flow.${key}: the flow has no output "${name}"`, where, `outputs of ${flow.file}: ${outputs.join(', ')}`);
    }
  }
  const needsPython = flow.graph.form === 'flex' || flow.graph.nodes.some((node) => node.type === 'python' || (node.type === 'package' && !isBuiltInTool(node.tool)));
  if (needsPython) requirePython(where);
  return {
    kind: 'promptflow',
    path: raw.path as string,
    ...(variant ? { variant } : {}),
    inputs: (raw.inputs as Dict | undefined) ?? {},
    output,
    ...(typeof raw.context === 'string' ? { context: raw.context } : {}),
    init: (raw.init as Dict | undefined) ?? {},
    env: (raw.env as Record<string, string> | undefined) ?? {},
    passEnv: (raw['pass-env'] as string[] | undefined) ?? [],
    undefined: (raw.undefined as UndefinedValues | undefined) ?? 'empty',
    flow: flow.graph.form === 'flex' ? { ...flow, graph: { ...flow.graph, init: (raw.init as Dict | undefined) ?? {} } } : flow,
  };
}

/** Every declared input without a default must come from the case or the mapping. */
function checkCase(spec: PromptflowFlowSpec, testCase: Case): void {
  const inputs = lineInputs(spec.flow, spec.inputs, testCase.vars);
  const missing = Object.keys(spec.flow.graph.inputs).filter((name) => !(name in inputs));
  if (missing.length === 0) return;
  const where = testCase.source.line ? `${testCase.source.file}:${testCase.source.line}` : testCase.source.file;
  throw new ConfigError(
    `case "${testCase.id}" (${where}) gives no value for flow input ${missing.map((name) => `"${name}"`).join(', ')} of ${spec.flow.file}`,
    { file: spec.flow.file },
    'add the field to every case, map it with `flow.inputs`, or give the input a default in the flow',
  );
}

/** A PromptFlow flow folder (flow.dag.yaml or flow.flex.yaml) run by EvalGate's own executor. */
export const promptflowKind: FlowKind<PromptflowFlowSpec> = {
  kind: 'promptflow',
  description: 'A PromptFlow flow folder (flow.dag.yaml or flow.flex.yaml): llm and prompt nodes through the model endpoint, python nodes in one Python worker.',
  schema: {
    required: ['path'],
    properties: {
      path: { type: 'string', minLength: 1, description: 'The flow folder (or its flow.dag.yaml / flow.flex.yaml), relative to the suite.' },
      variant: { type: 'string', description: 'Variant id for nodes with use_variants (default: each node’s default_variant_id).' },
      inputs: { type: 'object', description: 'Flow input → template over the case (default: the case field of the same name).' },
      output: { type: 'string', description: 'The flow output scored as the answer (default: the chat output, else the first; a flex flow’s return value or its first key).' },
      context: { type: 'string', description: 'A flow output reported as retrieved context (for groundedness metrics).' },
      init: { type: 'object', description: 'Constructor arguments of a flex flow whose entry is a class.' },
      env: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra environment variables for the Python nodes.' },
      'pass-env': {
        type: 'array',
        items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        description: 'Variables of the runner’s environment the Python nodes may see (by default only PATH, HOME, locale, temp folder and the Python location).',
      },
      undefined: { enum: ['empty', 'inputs', 'error'], description: 'How llm / prompt node templates print an undefined value: `empty` (default) "" as PromptFlow does; `inputs` "" for an input the node declares, an error for a name it does not declare (a typo); `error` always an error.' },
    },
  },
  modelHeaders: true,
  ownCode: true,
  normalise,
  templates: (spec) => [{ where: 'flow.inputs', value: spec.inputs }],
  checkCase,
  example: () => ({ path: 'flow' }),
  create(spec, ctx) {
    const runner = new FlowRunner(spec.flow, { dir: resolve(ctx.dir, spec.flow.dir), client: ctx.client, environment: { env: spec.env, passEnv: spec.passEnv }, undefinedValues: spec.undefined, ...(ctx.modelOverride ? { modelOverride: ctx.modelOverride } : {}) });
    const graph = spec.flow.graph;
    const llmModel = graph.form === 'dag' ? graph.nodes.flatMap((node) => (node.type === 'llm' ? [nodeModel(node.inputs) ?? ''] : []))[0] : undefined;
    const model = ctx.modelOverride && llmModel !== undefined ? ctx.modelOverride : llmModel;
    const lines: NonNullable<FlowRun['line']>[] = [];
    return {
      kind: 'promptflow',
      ...(model ? { model } : {}),
      needsModel: llmModel !== undefined || (graph.form === 'dag' && graph.nodes.some((node) => node.type === 'package' && isBuiltInTool(node.tool))),
      failureKind: modelFlowFailure,
      async invoke(vars, signal) {
        const started = performance.now();
        const run = await runner.run(lineInputs(spec.flow, spec.inputs, vars), signal);
        if (run.line) lines.push(run.line);
        return {
          output: text(run.outputs[spec.output || (Object.keys(run.outputs)[0] ?? '')]),
          ...(spec.context ? { context: text(run.outputs[spec.context]) } : {}),
          usage: run.usage,
          ...(run.model ? { model: run.model } : {}),
          latency: { totalMs: performance.now() - started },
        };
      },
      aggregate: (signal) => runner.aggregate(lines.splice(0), signal),
      close: () => runner.close(),
    };
  },
};
