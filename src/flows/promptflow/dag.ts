import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { isDict } from '../../core/dict.js';
import type { Dict } from '../../core/dict.js';
import type { YamlSource } from '../../core/yaml-source.js';
import { nodeDependencies, parseReference } from './references.js';

/** A flow input as declared in flow.dag.yaml / flow.flex.yaml. */
export interface FlowInput {
  default?: unknown;
  isChatInput: boolean;
  isChatHistory: boolean;
}

export type DagNode = {
  name: string;
  inputs: Dict;
  activate?: { when: unknown; is: unknown };
  aggregation: boolean;
  /** Line in flow.dag.yaml, for errors. */
  line?: number;
} & (
  /** `vision`: a vision chat tool (images in the inputs sent as images, see vision.ts). */
  | { type: 'llm'; template: string; templateFile: string; api: 'chat' | 'completion'; connection?: string; vision?: boolean }
  | { type: 'prompt'; template: string; templateFile: string }
  /** `file` is relative to the flow folder. */
  | { type: 'python'; file: string; function?: string }
  | { type: 'package'; tool: string }
);

export interface DagFlow {
  form: 'dag';
  inputs: Record<string, FlowInput>;
  /** Output name → its `${…}` reference. */
  outputs: Record<string, string>;
  nodes: DagNode[];
  /** The chat output, for chat flows. */
  chatOutput?: string;
}

/**
 * `custom_llm` tools of the promptflow-tools package (source `package_with_prompt`) that are the
 * LLM tool under another name: run as llm nodes. `vision`: the tool sends the images in its inputs.
 */
const BUILT_IN_LLM_TOOLS: Readonly<Record<string, { vision: boolean }>> = {
  'promptflow.tools.llm.llm': { vision: false },
  'promptflow.tools.llm_vision.llm_vision': { vision: true },
  'promptflow.tools.aoai_gpt4v.AzureOpenAI.chat': { vision: true },
  'promptflow.tools.openai_gpt4v.OpenAI.chat': { vision: true },
};

/** Connection types whose endpoint EvalGate's own base URL and API key stand in for. */
const OPENAI_PROVIDERS = new Set(['AzureOpenAI', 'OpenAI']);

interface Loading {
  source: YamlSource;
  dir: string;
  cwd: string;
  variant: string | undefined;
  /** `additional_includes:` as written (relative to the flow folder). */
  includes: string[];
}

export function flowInputs(raw: unknown): Record<string, FlowInput> {
  if (!isDict(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw).map(([name, spec]) => {
      const declared = isDict(spec) ? spec : {};
      return [name, { ...('default' in declared ? { default: declared.default } : {}), isChatInput: declared.is_chat_input === true, isChatHistory: declared.is_chat_history === true || name === 'chat_history' }];
    }),
  );
}

function fail(at: Loading, message: string, path: (string | number)[], hint?: string): never {
  throw new ConfigError(message, { file: at.source.file, line: at.source.lineOf(path) }, hint);
}

/** `use_variants: true` → the node from node_variants (the suite's `variant:` or the default). */
function variantNode(at: Loading, node: Dict, index: number): { node: Dict; path: (string | number)[] } {
  if (node.use_variants !== true) return { node, path: ['nodes', index] };
  const doc = at.source.value as Dict;
  const name = String(node.name);
  const entry = isDict(doc.node_variants) ? doc.node_variants[name] : undefined;
  if (!isDict(entry) || !isDict(entry.variants)) fail(at, `node "${name}" uses variants but node_variants.${name} is missing`, ['nodes', index]);
  const id = at.variant && at.variant in entry.variants ? at.variant : String(entry.default_variant_id);
  const chosen = entry.variants[id];
  if (!isDict(chosen) || !isDict(chosen.node)) fail(at, `node_variants.${name} has no variant "${id}"`, ['node_variants', name], `variants: ${Object.keys(entry.variants).join(', ')}`);
  return { node: { ...chosen.node, name }, path: ['node_variants', name, 'variants', id, 'node'] };
}

/**
 * A node's `source.path` in the flow folder, or in one of its `additional_includes` (files and
 * folders PromptFlow copies into the flow folder before it runs: `../shared/x.py` is then `x.py`).
 */
function sourceFile(at: Loading, path: string, where: (string | number)[]): string {
  const direct = resolve(at.dir, path);
  if (existsSync(direct)) return direct;
  const [head = '', ...rest] = path.split(/[\\/]/);
  const included = at.includes.map((include) => resolve(at.dir, include)).find((include) => basename(include) === head);
  const viaInclude = included ? join(included, ...rest) : undefined;
  if (viaInclude && existsSync(viaInclude)) return viaInclude;
  const hint = at.includes.length > 0 ? `source.path is relative to the flow folder or names one of additional_includes (${at.includes.join(', ')})` : 'source.path is relative to the flow folder (or list the file under additional_includes)';
  return fail(at, `node source not found: ${relative(at.cwd, viaInclude ?? direct)}`, where, hint);
}

async function readSource(at: Loading, path: string, where: (string | number)[]): Promise<{ file: string; text: string }> {
  const file = sourceFile(at, path, where);
  return { file, text: await readFile(file, 'utf8') };
}

async function readNode(at: Loading, raw: unknown, index: number): Promise<DagNode> {
  if (!isDict(raw) || typeof raw.name !== 'string') return fail(at, 'each node needs a `name`', ['nodes', index]);
  const { node, path } = variantNode(at, raw, index);
  const source = isDict(node.source) ? node.source : {};
  const base = {
    name: raw.name,
    inputs: isDict(node.inputs) ? node.inputs : {},
    aggregation: node.aggregation === true,
    line: at.source.lineOf(path),
    ...(isDict(node.activate) ? { activate: { when: node.activate.when, is: node.activate.is } } : {}),
  };
  if (source.type === 'package' && node.type === 'python') return { ...base, type: 'package', tool: String(source.tool) };
  if (typeof source.path !== 'string') return fail(at, `node "${raw.name}": source type "${String(source.type)}" is not supported`, [...path, 'source'], 'EvalGate runs code sources (source.path) and PromptFlow package tools in python nodes');
  if (node.type === 'python') return { ...base, type: 'python', file: relative(at.dir, sourceFile(at, source.path, [...path, 'source'])), ...(typeof node.function === 'string' ? { function: node.function } : {}) };
  const builtIn = node.type === 'custom_llm' && typeof source.tool === 'string' ? BUILT_IN_LLM_TOOLS[source.tool] : undefined;
  if (node.type !== 'llm' && node.type !== 'prompt' && !builtIn) {
    const tool = node.type === 'custom_llm' ? ` (tool ${String(source.tool)}, not one of promptflow-tools' LLM tools)` : '';
    return fail(at, `node "${raw.name}" has type "${String(node.type)}"${tool}`, [...path, 'type'], `EvalGate runs llm, prompt and python nodes, and custom_llm nodes of ${Object.keys(BUILT_IN_LLM_TOOLS).join(', ')}`);
  }
  const { file, text } = await readSource(at, source.path, [...path, 'source']);
  if (node.type === 'prompt') return { ...base, type: 'prompt', template: text, templateFile: relative(at.dir, file) };
  if (builtIn) {
    const { api: written, ...inputs } = base.inputs;
    const api = written || 'chat';
    if (api !== 'chat' && api !== 'completion') fail(at, `node "${raw.name}": api "${String(api)}" is not supported`, [...path, 'inputs', 'api'], 'use api: chat (or completion)');
    return { ...base, inputs, type: 'llm', template: text, templateFile: relative(at.dir, file), api, ...(builtIn.vision ? { vision: true } : {}) };
  }
  if (typeof node.provider === 'string' && !OPENAI_PROVIDERS.has(node.provider)) {
    fail(at, `llm node "${raw.name}" uses provider "${node.provider}", which EvalGate cannot map`, [...path, 'provider'], 'EvalGate calls OpenAI-compatible endpoints: its --base-url and API key stand in for the connection');
  }
  const api = node.api ?? 'chat';
  if (api !== 'chat' && api !== 'completion') fail(at, `node "${raw.name}": api "${String(api)}" is not supported`, [...path, 'api'], 'use api: chat (or completion)');
  return { ...base, type: 'llm', template: text, templateFile: relative(at.dir, file), api, ...(typeof node.connection === 'string' ? { connection: node.connection } : {}) };
}

/** Every `${…}` names a declared input or node, and the graph has no cycle. */
function checkWiring(at: Loading, dag: DagFlow): void {
  const names = new Set(dag.nodes.map((node) => node.name));
  const check = (value: unknown, where: (string | number)[]) => {
    const reference = parseReference(value);
    if (reference?.from === 'inputs' && !(reference.name in dag.inputs)) fail(at, `${String(value)} names no flow input`, where, `inputs: ${Object.keys(dag.inputs).join(', ')}`);
    if (reference?.from === 'node' && !names.has(reference.name)) fail(at, `${String(value)} names no node`, where, `nodes: ${[...names].join(', ')}`);
  };
  for (const [index, node] of dag.nodes.entries()) {
    for (const [key, value] of Object.entries(node.inputs)) check(value, ['nodes', index, 'inputs', key]);
    if (node.activate) check(node.activate.when, ['nodes', index, 'activate']);
  }
  for (const [name, reference] of Object.entries(dag.outputs)) check(reference, ['outputs', name]);
  const state = new Map<string, 'visiting' | 'done'>();
  const byName = new Map(dag.nodes.map((node) => [node.name, node]));
  const visit = (name: string, index: number) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') fail(at, `the nodes form a cycle through "${name}"`, ['nodes', index]);
    state.set(name, 'visiting');
    const node = byName.get(name);
    for (const dependency of dependenciesOf(node)) visit(dependency, index);
    state.set(name, 'done');
  };
  dag.nodes.forEach((node, index) => visit(node.name, index));
}

export function dependenciesOf(node: DagNode | undefined): string[] {
  if (!node) return [];
  return nodeDependencies([...Object.values(node.inputs), ...(node.activate ? [node.activate.when] : [])]);
}

/** A parsed flow.dag.yaml → the typed DAG, with variants chosen, templates read and wiring checked. */
export async function readDag(source: YamlSource, dir: string, cwd: string, variant: string | undefined): Promise<DagFlow> {
  const doc = source.value;
  const includes = isDict(doc) && Array.isArray(doc.additional_includes) ? doc.additional_includes.filter((include): include is string => typeof include === 'string') : [];
  const at: Loading = { source, dir, cwd, variant, includes };
  if (!isDict(doc) || !Array.isArray(doc.nodes)) return fail(at, 'a flow.dag.yaml needs `nodes:`', []);
  const outputs: Record<string, string> = {};
  let chatOutput: string | undefined;
  for (const [name, spec] of Object.entries(isDict(doc.outputs) ? doc.outputs : {})) {
    if (!isDict(spec) || typeof spec.reference !== 'string') fail(at, `output "${name}" needs a reference`, ['outputs', name], 'e.g. reference: ${node.output}');
    outputs[name] = spec.reference;
    if (spec.is_chat_output === true) chatOutput = name;
  }
  const dag: DagFlow = {
    form: 'dag',
    inputs: flowInputs(doc.inputs),
    outputs,
    nodes: await Promise.all(doc.nodes.map((node, index) => readNode(at, node, index))),
    ...(chatOutput ? { chatOutput } : {}),
  };
  if (Object.keys(outputs).length === 0) fail(at, 'the flow declares no outputs', [], 'EvalGate scores a flow output');
  checkWiring(at, dag);
  return dag;
}
