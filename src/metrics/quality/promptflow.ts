import { resolve } from 'node:path';
import { withDeadline } from '../../core/deadline.js';
import type { Dict } from '../../core/dict.js';
import { renderValue } from '../../core/template/engine.js';
import { lineInputs } from '../../flows/kinds/promptflow.js';
import type { LoadedFlow } from '../../flows/promptflow/load.js';
import { loadFlowFolder } from '../../flows/promptflow/load.js';
import { PythonWorker } from '../../flows/promptflow/python-worker.js';
import type { FlowRun } from '../../flows/promptflow/run-flow.js';
import { FlowRunner } from '../../flows/promptflow/run-flow.js';
import { FAMILIES } from '../types.js';
import type { Direction, Family, MetricDefinition, Scale } from '../types.js';
import { PAIRED_SCORE } from '../policy.js';

/** An evaluation flow folder, read once per run, with one Python worker for all its lines. */
interface EvaluationFlow {
  flow: LoadedFlow;
  worker: PythonWorker;
}

/** `scale: binary | unit | { min, max }` as declared in the suite → the metric's scale. */
function declaredScale(raw: unknown): Scale {
  if (raw === 'binary') return { kind: 'binary' };
  if (raw !== null && typeof raw === 'object' && 'min' in raw && 'max' in raw) return { kind: 'likert', min: Number(raw.min), max: Number(raw.max) };
  return { kind: 'unit' };
}

/** A per-line output as a score: numbers as they are, booleans 1/0, numeric strings parsed. */
function asScore(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/**
 * A PromptFlow evaluation flow as a metric: each sample runs one line of the flow with `inputs`
 * rendered over the case plus `output`, `expected` and `context`; the per-line output named by
 * `output` is the score, on the family/scale/direction the suite declares. Aggregation nodes do not
 * run per line, so they never become per-case scores.
 */
export const promptflowMetric: MetricDefinition = {
  name: 'promptflow',
  policy: PAIRED_SCORE,
  family: 'quality',
  scale: { kind: 'unit' },
  direction: 'higher-is-better',
  threshold: 0.5,
  description: 'A PromptFlow evaluation flow (folder): its per-line `output` is the score; declare `family`, `scale` and `direction`.',
  requires: ['path'],
  jinjaOptions: ['inputs'],
  optionsSchema: {
    path: { type: 'string', minLength: 1, description: 'The evaluation flow folder, relative to the suite.' },
    inputs: { type: 'object', description: 'Flow input → template over the case plus output, expected, context (e.g. { answer: "{{output}}" }).' },
    output: { type: 'string', description: 'The per-line flow output that is the score (default: the first output).' },
    expected: { description: 'The reference answer, available as {{expected}} in `inputs`.' },
    variant: { type: 'string' },
    family: { enum: [...FAMILIES] },
    scale: { oneOf: [{ enum: ['binary', 'unit'] }, { type: 'object', required: ['min', 'max'], additionalProperties: false, properties: { min: { type: 'number' }, max: { type: 'number' } } }] },
    direction: { enum: ['higher-is-better', 'lower-is-better'] },
  },
  example: { path: 'eval-flow', inputs: { answer: '{{output}}', ground_truth: 'the tent weighs 4.2 kg' }, output: 'overlap', scale: 'unit' },
  shapeOf(options) {
    const scale = declaredScale(options.scale);
    return {
      family: (options.family as Family | undefined) ?? 'quality',
      scale,
      direction: (options.direction as Direction | undefined) ?? 'higher-is-better',
      threshold: scale.kind === 'binary' ? 1 : scale.kind === 'likert' ? (scale.min + scale.max) / 2 : 0.5,
    };
  },
  create(options, { suiteDir }) {
    let loaded: Promise<EvaluationFlow> | undefined;
    const evaluationFlow = () =>
      (loaded ??= loadFlowFolder(String(options.path), { baseDir: suiteDir, cwd: process.cwd(), variant: options.variant as string | undefined, where: { file: String(options.path) } }).then((flow) => ({ flow, worker: new PythonWorker(resolve(suiteDir, flow.dir)) })));
    /** Lines scored in this run, kept for the flow's aggregation nodes. */
    const lines: NonNullable<FlowRun['line']>[] = [];
    return {
      async score(input) {
        const { flow, worker } = await evaluationFlow();
        const variables = { ...input.vars, output: input.output, expected: input.options.expected ?? input.vars.expected ?? '', context: input.context ?? '' };
        const mapping = renderValue(input.options.inputs ?? {}, variables) as Dict;
        const runner = new FlowRunner(flow, { dir: resolve(suiteDir, flow.dir), client: input.client }, worker);
        const run = input.signal ? await runner.run(lineInputs(flow, mapping, variables), input.signal) : await withDeadline(120_000, (signal) => runner.run(lineInputs(flow, mapping, variables), signal));
        if (run.line) lines.push(run.line);
        const name = (input.options.output as string | undefined) ?? Object.keys(run.outputs)[0] ?? '';
        const value = asScore(run.outputs[name]);
        if (value === undefined) return { value: null, error: `output "${name}" of ${flow.file} is not a number: ${JSON.stringify(run.outputs[name]).slice(0, 80)}` };
        return { value, details: { outputs: run.outputs } };
      },
      async aggregate() {
        if (lines.length === 0 || !loaded) return undefined;
        const { flow, worker } = await loaded;
        return withDeadline(120_000, (signal) => new FlowRunner(flow, { dir: resolve(suiteDir, flow.dir), client: undefined }, worker).aggregate(lines.splice(0), signal));
      },
      async close() {
        if (loaded) (await loaded.catch(() => undefined))?.worker.close();
      },
    };
  },
};
