import { join } from 'node:path';
import type { Dict } from '../../core/dict.js';
import { isDict } from '../../core/dict.js';
import type { TokenUsage } from '../../core/usage.js';
import { ZERO_USAGE, addUsage } from '../../core/usage.js';
import type { ModelClient } from '../../model/types.js';
import type { DagNode } from './dag.js';
import type { LineResult, RunNode } from './execute.js';
import { runAggregation, runLine } from './execute.js';
import { renderTemplate } from '../../core/template/engine.js';
import { nodeModel, runLlmNode } from './llm-node.js';
import type { FlexFlow, LoadedFlow } from './load.js';
import type { ChildEnvSpec } from '../child-env.js';
import { PythonWorker } from './python-worker.js';

/** What one line of a PromptFlow flow produced, plus what its llm nodes spent. */
export interface FlowRun {
  outputs: Dict;
  usage: TokenUsage;
  model?: string;
  /** The DAG line (for aggregation over the run). */
  line?: { inputs: Dict; result: LineResult };
}

export interface FlowRunnerOptions {
  /** Absolute flow folder. */
  dir: string;
  client: ModelClient | undefined;
  modelOverride?: string;
  /** The Python worker's `env:` / `pass-env:` (default: nothing of the runner's environment). */
  environment?: ChildEnvSpec;
}

/** Runs lines of one loaded flow; Python nodes share one worker process (close() stops it). */
export class FlowRunner {
  readonly worker: PythonWorker;
  private readonly flow: LoadedFlow;
  private readonly options: FlowRunnerOptions;

  /** `worker`: share one already made for this flow folder (e.g. by a metric scoring many samples). */
  constructor(flow: LoadedFlow, options: FlowRunnerOptions, worker = new PythonWorker(options.dir, options.environment)) {
    this.flow = flow;
    this.options = options;
    this.worker = worker;
  }

  async run(inputs: Dict, signal: AbortSignal): Promise<FlowRun> {
    const graph = this.flow.graph;
    if (graph.form === 'flex') return { outputs: await this.runFlex(graph, inputs, signal), usage: { ...ZERO_USAGE } };
    const spent = { usage: { ...ZERO_USAGE }, model: undefined as string | undefined };
    const line = await runLine(graph, inputs, this.nodeRunner(spent), signal);
    return { outputs: line.outputs, usage: spent.usage, ...(spent.model ? { model: spent.model } : {}), line: { inputs, result: line } };
  }

  /** The flow's aggregation nodes over `lines` (undefined when it has none). */
  async aggregate(lines: readonly { inputs: Dict; result: LineResult }[], signal: AbortSignal): Promise<Dict | undefined> {
    const graph = this.flow.graph;
    if (graph.form !== 'dag' || !graph.nodes.some((node) => node.aggregation) || lines.length === 0) return undefined;
    return runAggregation(graph, lines, this.nodeRunner({ usage: { ...ZERO_USAGE }, model: undefined }), signal);
  }

  /** Runs one node: llm through the model client, prompt rendered, python in the worker. */
  nodeRunner(spent: { usage: TokenUsage; model: string | undefined }): RunNode {
    return async (node: DagNode, inputs: Dict, signal: AbortSignal, bypassed: string[]) => {
      switch (node.type) {
        case 'prompt':
          return renderTemplate(node.template, inputs);
        case 'llm': {
          if (!this.options.client) throw new Error('this flow has llm nodes and needs a model API key');
          const model = this.options.modelOverride ?? nodeModel(inputs) ?? '';
          const call = await runLlmNode(node, inputs, model, this.options.client, signal);
          spent.usage = addUsage(spent.usage, call.usage);
          spent.model = call.model;
          return call.text;
        }
        case 'python':
          return this.worker.call({ op: 'tool', file: join(this.options.dir, node.file), ...(node.function ? { function: node.function } : {}), inputs, bypassed }, signal);
        case 'package':
          return this.worker.call({ op: 'package', tool: node.tool, inputs }, signal);
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
