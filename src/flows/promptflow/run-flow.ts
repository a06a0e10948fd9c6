import { join } from 'node:path';
import type { Dict } from '../../core/dict.js';
import { isDict } from '../../core/dict.js';
import type { TokenUsage } from '../../core/usage.js';
import { ZERO_USAGE, addUsage } from '../../core/usage.js';
import type { ModelClient } from '../../model/types.js';
import type { DagNode } from './dag.js';
import type { LineResult, RunNode } from './execute.js';
import { runAggregation, runLine } from './execute.js';
import type { UndefinedValues } from './llm-node.js';
import type { LlmNodeSpec } from './llm-node.js';
import { nodeModel, renderNodeTemplate, runLlmNode } from './llm-node.js';
import type { FlexFlow, LoadedFlow } from './load.js';
import type { ChildEnvSpec } from '../child-env.js';
import type { WorkerCall } from './python-worker.js';
import { PythonWorker } from './python-worker.js';
import { BUILT_IN_TOOLS } from './built-in-tools.js';

/** What one line of a PromptFlow flow produced, plus what its llm nodes spent. */
export interface FlowRun {
  outputs: Dict;
  usage: TokenUsage;
  model?: string;
  /** The DAG line (for aggregation over the run). */
  line?: { inputs: Dict; result: LineResult };
}

interface FlowRunnerOptions {
  /** Absolute flow folder. */
  dir: string;
  client: ModelClient | undefined;
  modelOverride?: string;
  /** The Python worker's `env:` / `pass-env:` (default: nothing of the runner's environment). */
  environment?: ChildEnvSpec;
  /** How node templates print undefined values (the suite's `flow.undefined`). */
  undefinedValues?: UndefinedValues;
}

/** What a line's model calls spent, and its deadline. */
interface Spent {
  usage: TokenUsage;
  model: string | undefined;
  signal?: AbortSignal;
}

/** Runs lines of one loaded flow; Python nodes share one worker process (close() stops it). */
export class FlowRunner {
  readonly worker: PythonWorker;
  private readonly flow: LoadedFlow;
  private readonly options: FlowRunnerOptions;

  /** What each line in flight has spent so far, by line id (tool code's chat calls are counted there). */
  private readonly lines = new Map<number, Spent>();
  private nextLine = 1;

  /** `worker`: share one already made for this flow folder (e.g. by a metric scoring many samples). */
  constructor(flow: LoadedFlow, options: FlowRunnerOptions, worker?: PythonWorker) {
    this.flow = flow;
    this.options = options;
    this.worker = worker ?? new PythonWorker(options.dir, (call) => this.serve(call), options.environment);
  }

  async run(inputs: Dict, signal: AbortSignal): Promise<FlowRun> {
    const graph = this.flow.graph;
    if (graph.form === 'flex') return { outputs: await this.runFlex(graph, inputs, signal), usage: { ...ZERO_USAGE } };
    const spent: Spent = { usage: { ...ZERO_USAGE }, model: undefined, signal };
    const id = this.nextLine++;
    this.lines.set(id, spent);
    try {
      const line = await runLine(graph, inputs, this.nodeRunner(spent, id), signal);
      return { outputs: line.outputs, usage: spent.usage, ...(spent.model ? { model: spent.model } : {}), line: { inputs, result: line } };
    } finally {
      this.lines.delete(id);
    }
  }

  /** A `chat` call from tool code (promptflow.tools.openai / aoai): the prompt template sent as an llm node's. */
  private async serve(call: WorkerCall): Promise<unknown> {
    const spent = this.lines.get(call.line ?? 0);
    if (call.op !== 'chat' || !spent) throw new Error(`EvalGate serves no "${call.op}" call outside a flow line`);
    return this.chat({ template: String(call.template ?? ''), api: 'chat' }, isDict(call.inputs) ? call.inputs : {}, spent, spent.signal ?? AbortSignal.timeout(60_000));
  }

  private async chat(node: LlmNodeSpec, inputs: Dict, spent: Spent, signal: AbortSignal): Promise<string> {
    if (!this.options.client) throw new Error('this flow calls a model and needs a model API key');
    const model = this.options.modelOverride ?? nodeModel(inputs) ?? '';
    const call = await runLlmNode(node, inputs, { model, client: this.options.client, undefinedValues: this.options.undefinedValues ?? 'inputs', dir: this.options.dir }, signal);
    spent.usage = addUsage(spent.usage, call.usage);
    spent.model = call.model;
    return call.text;
  }

  /** The flow's aggregation nodes over `lines` (undefined when it has none). */
  async aggregate(lines: readonly { inputs: Dict; result: LineResult }[], signal: AbortSignal): Promise<Dict | undefined> {
    const graph = this.flow.graph;
    if (graph.form !== 'dag' || !graph.nodes.some((node) => node.aggregation) || lines.length === 0) return undefined;
    return runAggregation(graph, lines, this.nodeRunner({ usage: { ...ZERO_USAGE }, model: undefined }), signal);
  }

  /** Runs one node: llm through the model client, prompt rendered, python in the worker. */
  nodeRunner(spent: Spent, line?: number): RunNode {
    return async (node: DagNode, inputs: Dict, signal: AbortSignal, bypassed: string[]) => {
      switch (node.type) {
        case 'prompt':
          return renderNodeTemplate(node.template, inputs, this.options.undefinedValues ?? 'inputs');
        case 'llm':
          return this.chat(node, inputs, spent, signal);
        case 'python':
          return this.worker.call({ op: 'tool', file: join(this.options.dir, node.file), ...(node.function ? { function: node.function } : {}), inputs, bypassed, ...(line ? { line } : {}) }, signal);
        case 'package': {
          const builtIn = BUILT_IN_TOOLS[node.tool];
          if (!builtIn) return this.worker.call({ op: 'package', tool: node.tool, inputs }, signal);
          if (!this.options.client) throw new Error(`${node.tool} needs a model API key`);
          return builtIn(inputs, { client: this.options.client, spent }, signal);
        }
      }
    };
  }

  private async runFlex(flex: FlexFlow, inputs: Dict, signal: AbortSignal): Promise<Dict> {
    const value = await this.worker.call({ op: 'entry', dir: this.options.dir, entry: flex.entry, init: flex.init, inputs }, signal);
    return isDict(value) ? value : { output: value };
  }

  close(): void {
    this.worker.close();
  }
}
