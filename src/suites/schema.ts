import { listMetrics } from '../metrics/registry.js';

const DURATION = {
  description: 'A duration: milliseconds as a number, or text like "500ms", "30s", "2m".',
  oneOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(ms|s|m)$' }],
};
const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } };
const MESSAGE = {
  type: 'object',
  required: ['role', 'content'],
  additionalProperties: false,
  properties: { role: { enum: ['system', 'user', 'assistant'] }, content: { type: 'string' } },
};

const FLOWS = [
  {
    if: { properties: { kind: { const: 'prompt' } } },
    then: {
      required: ['model', 'messages'],
      properties: {
        kind: true,
        model: { type: 'string', minLength: 1 },
        messages: { type: 'array', minItems: 1, items: MESSAGE },
        parameters: { type: 'object', description: 'temperature, max_tokens, top_p, seed, response_format…' },
        stream: { type: 'boolean', description: 'Stream the answer (records time to first token).' },
      },
      additionalProperties: false,
    },
  },
  {
    if: { properties: { kind: { const: 'prompty' } } },
    then: {
      required: ['file'],
      properties: {
        kind: true,
        file: { type: 'string', pattern: '\\.prompty$', description: 'A .prompty file (relative to the suite): front matter (v1 or v2) + Jinja body.' },
        model: { type: 'string', minLength: 1, description: "Override the front matter's model." },
        parameters: { type: 'object', description: "Added to / overriding the front matter's parameters." },
        stream: { type: 'boolean', description: 'Stream the answer (records time to first token).' },
      },
      additionalProperties: false,
    },
  },
  {
    if: { properties: { kind: { const: 'command' } } },
    then: {
      required: ['command'],
      properties: {
        kind: true,
        command: {
          description: 'Your app: case JSON on stdin, {"output": …} on stdout. Run from the suite’s folder, no shell.',
          oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string' } }],
        },
        timeout: DURATION,
        env: STRING_MAP,
      },
      additionalProperties: false,
    },
  },
  {
    if: { properties: { kind: { const: 'http' } } },
    then: {
      required: ['url', 'output'],
      properties: {
        kind: true,
        url: { type: 'string', minLength: 1 },
        method: { enum: ['POST', 'PUT'] },
        headers: STRING_MAP,
        body: { description: 'JSON body; every string in it is a template over the case.' },
        output: { type: 'string', description: 'Dotted path to the answer in the JSON response.' },
        context: { type: 'string', description: 'Dotted path to the retrieved context in the response.' },
        timeout: DURATION,
      },
      additionalProperties: false,
    },
  },
];

function evaluatorSchema() {
  const metrics = listMetrics();
  return {
    type: 'object',
    required: ['metric'],
    properties: {
      metric: { enum: metrics.map((metric) => metric.name), description: 'Which metric scores the output.' },
      name: { type: 'string', pattern: '^[A-Za-z][\\w.-]*$', description: 'Key in the gate and reports (default: the metric name).' },
    },
    allOf: metrics.map((metric) => ({
      if: { properties: { metric: { const: metric.name } } },
      then: {
        description: metric.description,
        required: [...metric.requires],
        properties: {
          metric: true,
          name: true,
          'judge-model': metric.needs === 'chat' ? { type: 'string' } : false,
          ...metric.optionsSchema,
        },
        additionalProperties: false,
      },
    })),
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
  },
};

/** The JSON Schema of a suite file (shipped as schema/suite.schema.json for editors). */
export function suiteSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://evalgate.dev/schema/suite.schema.json',
    title: 'EvalGate suite',
    type: 'object',
    required: ['flow', 'evaluators'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      flow: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: ['prompt', 'prompty', 'command', 'http'] } },
        allOf: FLOWS,
      },
      data: { type: 'string', pattern: '\\.(jsonl|csv|ya?ml|json)$', description: 'Cases file relative to the suite.' },
      cases: { type: 'array', items: { type: 'object' }, description: 'Inline cases (instead of `data`).' },
      evaluators: { type: 'array', minItems: 1, items: evaluatorSchema() },
      gate: {
        type: 'object',
        properties: {
          alpha: { type: 'number', exclusiveMinimum: 0, maximum: 0.5, description: 'Family-wise error rate (default 0.05).' },
          tolerance: { type: 'number', minimum: 0, description: 'Smallest drop worth failing for (default 0.05).' },
        },
        additionalProperties: METRIC_GATE,
      },
      repeat: { type: 'integer', minimum: 1, maximum: 100, description: 'Samples per case, averaged (default 1).' },
    },
    oneOf: [{ required: ['data'] }, { required: ['cases'] }],
  };
}
