import { FLOW_KINDS } from '../flows/registry.js';
import { listMetrics } from '../metrics/registry.js';

/**
 * The part of the schema a document needs: the flow kinds and metrics it names (the shipped
 * schema has every one). Compiling only those keeps a run's start fast; names outside the
 * registry still fail the `enum` of every kind and metric.
 */
export interface SchemaScope {
  kinds: readonly string[];
  metrics: readonly string[];
}

/** `allOf` must not be empty: a scope naming nothing known has no branches (its `enum` reports it). */
const nonEmptyAllOf = (branches: object[]) => (branches.length ? { allOf: branches } : {});

/** `headers:` of a model-calling flow or of the judges: sent on their model requests, over the run's. */
const modelHeadersSchema = (whose: 'flow' | 'judge') => ({
  type: 'object',
  additionalProperties: { type: 'string', minLength: 1 },
  description: `Extra headers on the ${whose === 'flow' ? "flow's" : "judges' (and embeddings' and moderation's)"} model requests, over the run's \`headers\` input / \`--header\` (a gateway's key or config). A value may read \`\${env:NAME}\`; every value is masked as a secret.`,
});

/** One `if kind = … then its schema` branch per flow kind, from the registry. */
function flowSchemas(scope?: SchemaScope) {
  return FLOW_KINDS.filter((kind) => !scope || scope.kinds.includes(kind.kind)).map((kind) => ({
    if: { properties: { kind: { const: kind.kind } } },
    then: {
      description: kind.description,
      required: [...kind.schema.required],
      properties: { kind: true, ...kind.schema.properties, ...(kind.modelHeaders ? { headers: modelHeadersSchema('flow') } : {}) },
      additionalProperties: false,
    },
  }));
}

function evaluatorSchema(scope?: SchemaScope) {
  const metrics = listMetrics();
  return {
    type: 'object',
    required: ['metric'],
    properties: {
      metric: { enum: metrics.map((metric) => metric.name), description: 'Which metric scores the output.' },
      name: { type: 'string', pattern: '^[A-Za-z][\\w.-]*$', description: 'Key in the gate and reports (default: the metric name).' },
      threshold: { type: 'number', description: "Per-case pass mark on the metric's scale (overrides the metric's default)." },
      weight: { type: 'number', minimum: 0, description: '0: report only (promptfoo weight); every evaluator is gated on its own.' },
    },
    ...nonEmptyAllOf(metrics.filter((metric) => !scope || scope.metrics.includes(metric.name)).map((metric) => ({
      if: { properties: { metric: { const: metric.name } } },
      then: {
        description: metric.description,
        required: [...metric.requires],
        properties: {
          metric: true,
          name: true,
          threshold: true,
          weight: true,
          'judge-model': metric.needs === 'chat' ? { type: 'string' } : false,
          ...metric.optionsSchema,
        },
        additionalProperties: false,
      },
    }))),
  };
}

const METRIC_GATE = {
  type: 'object',
  additionalProperties: false,
  properties: {
    min: { type: 'number', description: "Absolute floor on the PR's score (0–1 for quality metrics)." },
    max: { type: 'number', description: "Absolute ceiling on the PR's value of a lower-is-better metric (e.g. pii defect rate)." },
    tolerance: { type: 'number', minimum: 0, description: 'Smallest drop worth failing for.' },
    gate: { type: 'boolean', description: 'false: report only, never fail.' },
    primary: { type: 'boolean', description: "true: a primary metric — the primary metrics of the PR share 80 % of the error budget, so a drop in one keeps most of a lone test's power." },
  },
};

/** The JSON Schema of a suite file (shipped as schema/suite.schema.json for editors); `scope` narrows it to what one document names. */
export function suiteSchema(scope?: SchemaScope): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://evalgate.dev/schema/suite.schema.json',
    title: 'EvalGate suite',
    type: 'object',
    required: ['flow'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      flow: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: FLOW_KINDS.map((kind) => kind.kind), description: 'Which kind of system under test.' } },
        ...nonEmptyAllOf(flowSchemas(scope)),
      },
      data: { type: 'string', pattern: '\\.(jsonl|csv|ya?ml|json)$', description: 'Cases file relative to the suite.' },
      cases: {
        type: 'array',
        items: { type: 'object', properties: { assert: { type: 'array', items: { $ref: '#/$defs/evaluator' }, description: 'Evaluators for this case only (same shape as `evaluators:`).' } } },
        description: 'Inline cases (instead of `data`).',
      },
      evaluators: { type: 'array', items: { $ref: '#/$defs/evaluator' }, description: 'Evaluators scoring every case (cases may add their own with `assert:`).' },
      gate: {
        type: 'object',
        properties: {
          alpha: { type: 'number', exclusiveMinimum: 0, maximum: 0.5, description: 'Family-wise error rate (default 0.05).' },
          tolerance: { type: 'number', minimum: 0, description: 'Smallest drop worth failing for (default 0.05).' },
          sequential: { type: 'boolean', description: "false: a pull request runs every case of this suite (default: the run's `sequential` setting, on — a PR stops once the verdict is known). Read from the default branch: a PR may turn it off, not on." },
        },
        additionalProperties: METRIC_GATE,
      },
      repeat: { type: 'integer', minimum: 1, maximum: 100, description: 'Samples per case, averaged (default 1).' },
      cache: { type: 'boolean', description: "Serve the flow's model answers from the response cache when the request is unchanged (default false; judges are always cached)." },
      judge: {
        type: 'object',
        additionalProperties: false,
        properties: { headers: modelHeadersSchema('judge') },
        description: "Settings of the suite's judges (model-graded metrics, embeddings, moderation).",
      },
      mode: { enum: ['online', 'batch'], description: "batch: send the flow's chat calls through the OpenAI Batch API (half price; for large scheduled runs)." },
    },
    oneOf: [{ required: ['data'] }, { required: ['cases'] }],
    $defs: { evaluator: evaluatorSchema(scope) },
  };
}
