import type { Dict } from '../../core/dict.js';
import type { DagFlow, DagNode } from './dag.js';
import { dependenciesOf } from './dag.js';
import { parseReference, walk } from './references.js';

/** A node's result in one line: its output, or bypassed by an `activate` condition. */
type NodeResult = { bypassed: false; value: unknown } | { bypassed: true };

/** Runs one node with its resolved inputs (llm, prompt, python, package); `bypassed` names inputs whose node was bypassed (null). */
export type RunNode = (node: DagNode, inputs: Dict, signal: AbortSignal, bypassed: string[]) => Promise<unknown>;

export interface LineResult {
  /** Flow output name → value (null when its node was bypassed). */
  outputs: Dict;
  nodes: Map<string, NodeResult>;
}

const BYPASSED = Symbol('bypassed');

function resolveValue(value: unknown, inputs: Dict, results: Map<string, NodeResult>): unknown {
  const reference = parseReference(value);
  if (!reference) return value;
  if (reference.from === 'inputs') return walk(inputs[reference.name], reference.path);
  const result = results.get(reference.name);
  if (!result || result.bypassed) return BYPASSED;
  return walk(result.value, reference.path);
}

/** `activate.is` compared as PromptFlow does: the value, or its string form (`is: true` vs "true"). */
function activated(when: unknown, is: unknown): boolean {
  if (when === BYPASSED) return false;
  return when === is || String(when).toLowerCase() === String(is).toLowerCase();
}

/**
 * One line of a DAG: each node starts as soon as the nodes it references are done, so
 * independent nodes run concurrently. A node whose `activate` condition fails is bypassed; a node
 * without one is bypassed when every node it depends on was; an input that references a bypassed
 * node is None, or the Python tool's default when it has one. Aggregation nodes are not run here (see runAggregation).
 */
export async function runLine(dag: DagFlow, inputs: Dict, runNode: RunNode, signal: AbortSignal): Promise<LineResult> {
  const results = new Map<string, NodeResult>();
  const started = new Map<string, Promise<void>>();
  const byName = new Map(dag.nodes.map((node) => [node.name, node]));
  const start = (node: DagNode): Promise<void> => {
    let promise = started.get(node.name);
    if (!promise) {
      promise = (async () => {
        const dependencies = dependenciesOf(node).flatMap((name) => byName.get(name) ?? []);
        await Promise.all(dependencies.map(start));
        results.set(node.name, await runOne(node, dependencies, inputs, results, runNode, signal));
      })();
      started.set(node.name, promise);
    }
    return promise;
  };
  await Promise.all(dag.nodes.filter((node) => !node.aggregation).map(start));
  const outputs = Object.fromEntries(
    Object.entries(dag.outputs).map(([name, reference]) => {
      const value = resolveValue(reference, inputs, results);
      return [name, value === BYPASSED ? null : (value ?? null)];
    }),
  );
  return { outputs, nodes: results };
}

async function runOne(node: DagNode, dependencies: DagNode[], inputs: Dict, results: Map<string, NodeResult>, runNode: RunNode, signal: AbortSignal): Promise<NodeResult> {
  if (node.activate) {
    if (!activated(resolveValue(node.activate.when, inputs, results), node.activate.is)) return { bypassed: true };
  } else if (dependencies.length > 0 && dependencies.every((dependency) => results.get(dependency.name)?.bypassed)) {
    return { bypassed: true };
  }
  const resolved: Dict = {};
  const bypassed: string[] = [];
  for (const [key, value] of Object.entries(node.inputs)) {
    const concrete = resolveValue(value, inputs, results);
    if (concrete === BYPASSED) bypassed.push(key);
    resolved[key] = concrete === BYPASSED ? null : concrete;
  }
  return { bypassed: false, value: await runNode(node, resolved, signal, bypassed) };
}

/**
 * The aggregation nodes, once over all lines: an input that references a node or a flow input
 * becomes the list of that value across lines (as PromptFlow passes it). Node name → its output.
 */
export async function runAggregation(dag: DagFlow, lines: readonly { inputs: Dict; result: LineResult }[], runNode: RunNode, signal: AbortSignal): Promise<Dict> {
  const outputs: Dict = {};
  for (const node of dag.nodes.filter((candidate) => candidate.aggregation)) {
    const resolved: Dict = {};
    for (const [key, value] of Object.entries(node.inputs)) {
      const perLine = (line: { inputs: Dict; result: LineResult }) => {
        const concrete = resolveValue(value, line.inputs, line.result.nodes);
        return concrete === BYPASSED ? null : concrete;
      };
      resolved[key] = parseReference(value) ? lines.map(perLine) : value;
    }
    outputs[node.name] = await runNode(node, resolved, signal, []);
  }
  return outputs;
}
