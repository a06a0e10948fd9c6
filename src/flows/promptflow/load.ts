import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { isDict } from '../../core/dict.js';
import type { Dict } from '../../core/dict.js';
import { parseYaml } from '../../core/yaml-source.js';
import type { DagFlow, FlowInput } from './dag.js';
import { flowInputs, readDag } from './dag.js';
import { nodeModel } from './llm-node.js';

/** A flex flow: `entry: module:function` (or a class with `__call__`, built once with `init`). */
export interface FlexFlow {
  form: 'flex';
  entry: string;
  init: Dict;
  inputs: Record<string, FlowInput>;
}

/** A PromptFlow flow folder, read and checked: where it is, and its DAG or flex entry. */
export interface LoadedFlow {
  /** The flow folder relative to the suite's folder (Python code runs from there). */
  dir: string;
  /** The flow file relative to the working directory, for messages. */
  file: string;
  graph: DagFlow | FlexFlow;
}

const FILES = ['flow.dag.yaml', 'flow.dag.yml', 'flow.flex.yaml', 'flow.flex.yml'];

function findFlowFile(path: string): string | undefined {
  if (existsSync(path) && statSync(path).isFile()) return path;
  return FILES.map((name) => join(path, name)).find((candidate) => existsSync(candidate));
}

export interface FlowLoading {
  /** The folder `path` is relative to (the suite's). */
  baseDir: string;
  cwd: string;
  variant: string | undefined;
  /** Where the flow was named, for errors. */
  where: { file: string; line?: number };
  /** `--model`: llm nodes that name no model use it. */
  modelOverride?: string;
  /** False to accept llm nodes that name no model (an import: the model is given at run time). */
  checkModels?: boolean;
}

/** Reads `path` (a flow folder or its flow.dag.yaml / flow.flex.yaml) relative to `baseDir`. */
export async function loadFlowFolder(path: string, loading: FlowLoading): Promise<LoadedFlow> {
  const { baseDir, cwd, where } = loading;
  const found = findFlowFile(resolve(baseDir, path));
  if (!found) throw new ConfigError(`no PromptFlow flow at ${relative(cwd, resolve(baseDir, path)) || '.'}`, where, `\`path:\` is a folder with flow.dag.yaml or flow.flex.yaml (relative to the suite file)`);
  const file = relative(cwd, found);
  const source = parseYaml(await readFile(found, 'utf8'), file);
  const absolute = dirname(found);
  const dir = relative(baseDir, absolute) || '.';
  if (/flow\.flex\.ya?ml$/.test(found)) {
    const doc = isDict(source.value) ? source.value : {};
    if (typeof doc.entry !== 'string' || !/^[\w.]+:\w+$/.test(doc.entry)) {
      throw new ConfigError('a flex flow needs `entry: module:function`', { file, line: source.lineOf(['entry']) }, 'e.g. entry: flow:chat (a function or a class with __call__ in flow.py)');
    }
    return { dir, file, graph: { form: 'flex', entry: doc.entry, init: {}, inputs: flowInputs(doc.inputs) } };
  }
  const graph = await readDag(source, absolute, cwd, loading.variant);
  for (const node of graph.nodes) {
    if (node.type === 'llm' && !nodeModel(node.inputs) && !loading.modelOverride && loading.checkModels !== false) {
      throw new ConfigError(`llm node "${node.name}" names no model`, { file, ...(node.line ? { line: node.line } : {}) }, 'set inputs.deployment_name (Azure) or inputs.model (OpenAI), or run with --model');
    }
  }
  return { dir, file, graph };
}
